import type { ExpressionBuilder, Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MeldcodeRecordTable } from '../../db/schema-meldcode.ts';
import type { MeldcodeScope } from '../../domain/front-door/meldcode-access.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The one place that turns a reader's meldcode scope into SQL; every record query goes through it. */
function visibleTo(scope: MeldcodeScope) {
  return (eb: ExpressionBuilder<DB, 'meldcode_record'>) => {
    if (scope.organisationId === null) return eb.val(false);
    const inOrganisation = eb('meldcode_record.organisation_id', '=', scope.organisationId);
    if (scope.wholeOrganisation) return inOrganisation;
    if (scope.authorUserId === null) return eb.val(false);
    return eb.and([inOrganisation, eb('meldcode_record.created_by_user_id', '=', scope.authorUserId)]);
  };
}

export async function findVisibleRecordIds(
  db: Db,
  scope: MeldcodeScope,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('meldcode_record')
    .select('meldcode_record.id')
    .where('meldcode_record.id', 'in', ids)
    .where(visibleTo(scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}

function recordQuery(db: Db) {
  return db
    .selectFrom('meldcode_record')
    .innerJoin('app_user', 'app_user.id', 'meldcode_record.created_by_user_id')
    .innerJoin('organisation', 'organisation.id', 'meldcode_record.organisation_id')
    .innerJoin('municipality', 'municipality.cbs_code', 'meldcode_record.municipality_code')
    .leftJoin('report', 'report.id', 'meldcode_record.report_id')
    .selectAll('meldcode_record')
    .select([
      'app_user.display_name as author_name',
      'organisation.name as organisation_name',
      'municipality.name as municipality_name',
      'report.reference as report_reference',
    ]);
}

export type RecordRow = NonNullable<Awaited<ReturnType<typeof loadRecordRow>>>;

async function loadRecordRow(db: Db, id: string) {
  return recordQuery(db).where('meldcode_record.id', '=', id).executeTakeFirst();
}

export async function listRecords(db: Db, scope: MeldcodeScope, limit: number) {
  return recordQuery(db)
    .where(visibleTo(scope))
    .orderBy('meldcode_record.updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function loadRecord(db: Db, id: string) {
  const record = await loadRecordRow(db, id);
  if (!record) return null;
  const consultations = await db
    .selectFrom('meldcode_consultation')
    .selectAll()
    .where('record_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { record, consultations };
}

export async function insertRecord(
  trx: Transaction<DB>,
  values: {
    organisationId: string;
    userId: string;
    now: Date;
    municipalityCode: string;
    persons: { fullName: string; dateOfBirth: string; role: string }[];
    clientIndex: number;
    expectingChild: boolean;
    violenceKinds: string[];
    violenceKindListVersion: string;
    stepsVersion: string;
    weighingTextVersion: string;
  },
) {
  return trx
    .insertInto('meldcode_record')
    .values({
      organisation_id: values.organisationId,
      created_by_user_id: values.userId,
      created_at: values.now,
      updated_at: values.now,
      municipality_code: values.municipalityCode,
      persons: JSON.stringify(values.persons),
      client_index: values.clientIndex,
      expecting_child: values.expectingChild,
      violence_kinds: values.violenceKinds,
      violence_kind_list_version: values.violenceKindListVersion,
      steps_version: values.stepsVersion,
      weighing_text_version: values.weighingTextVersion,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Updates a record that has no report yet; false when it has one (its steps are then fixed). */
export async function updateOpenRecord(
  trx: Transaction<DB>,
  id: string,
  patch: Updateable<MeldcodeRecordTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('meldcode_record')
    .set(patch)
    .where('id', '=', id)
    .where('report_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertConsultation(
  trx: Transaction<DB>,
  values: {
    recordId: string;
    kind: string;
    who: string;
    consultedOn: string;
    outcome: string;
    adviceRequestId: string | null;
    userId: string;
    now: Date;
  },
) {
  return trx
    .insertInto('meldcode_consultation')
    .values({
      record_id: values.recordId,
      kind: values.kind,
      who: values.who,
      consulted_on: values.consultedOn,
      outcome: values.outcome,
      advice_request_id: values.adviceRequestId,
      created_by_user_id: values.userId,
      created_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

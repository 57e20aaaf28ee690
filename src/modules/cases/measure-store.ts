import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Measure, MeasureKind } from '../../domain/casework/measure-clock.ts';
import { canReadCategory, type InformationCategory } from '../../domain/information-category.ts';
import type { OrganisationType } from '../../domain/organisation-type.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The stored measure as the pure clock rules see it. */
export function toDomainMeasure(
  row: { kind: string; imposed_at: Date; lifted_at: Date | null },
  extensions: readonly { new_end_at: Date; recorded_at: Date }[],
): Measure {
  return {
    kind: row.kind as MeasureKind,
    imposedAt: row.imposed_at,
    liftedAt: row.lifted_at,
    extensions: extensions.map((e) => ({ newEnd: e.new_end_at, decidedAt: e.recorded_at })),
  };
}

export async function loadCaseMeasures(db: Db, caseId: string) {
  return db
    .selectFrom('case_measure as m')
    .innerJoin('app_user as recorder', 'recorder.id', 'm.recorded_by_user_id')
    .innerJoin('organisation', 'organisation.id', 'm.organisation_id')
    .leftJoin('app_user as lifter', 'lifter.id', 'm.lifted_by_user_id')
    .select([
      'm.id',
      'm.kind',
      'm.category',
      'm.imposed_at',
      'm.decided_by',
      'm.decision_reference',
      'm.note',
      'm.end_at',
      'm.maximum_end_at',
      'm.lifted_at',
      'm.lifted_reason',
      'm.lifted_decided_by',
      'lifter.display_name as lifted_by_name',
      'm.organisation_id',
      'organisation.name as organisation_name',
      'recorder.display_name as recorded_by_name',
      'm.recorded_at',
    ])
    .where('m.case_id', '=', caseId)
    .orderBy('m.imposed_at', 'desc')
    .orderBy('m.id')
    .execute();
}

export async function loadMeasureParts(db: Db, measureIds: readonly string[]) {
  if (measureIds.length === 0) return { members: [], extensions: [], reminders: [] };
  const ids = [...measureIds];
  const [members, extensions, reminders] = await Promise.all([
    db
      .selectFrom('case_measure_member as mm')
      .innerJoin('case_member', 'case_member.id', 'mm.member_id')
      .select(['mm.measure_id', 'mm.member_id', 'mm.part', 'case_member.full_name'])
      .where('mm.measure_id', 'in', ids)
      .orderBy('case_member.position')
      .execute(),
    db
      .selectFrom('case_measure_extension as e')
      .innerJoin('app_user', 'app_user.id', 'e.recorded_by_user_id')
      .innerJoin('organisation', 'organisation.id', 'e.organisation_id')
      .select([
        'e.measure_id',
        'e.previous_end_at',
        'e.new_end_at',
        'e.reason',
        'e.decided_by',
        'app_user.display_name',
        'organisation.name as organisation_name',
        'e.recorded_at',
      ])
      .where('e.measure_id', 'in', ids)
      .orderBy('e.recorded_at')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('case_measure_reminder as r')
      .select(['r.measure_id', 'r.reminder_kind', 'r.days_before', 'r.due_at', 'r.recorded_at'])
      .where('r.measure_id', 'in', ids)
      .orderBy('r.due_at')
      .execute(),
  ]);
  return { members, extensions, reminders };
}

/** One measure of the case, locked for the rest of the transaction so two extensions queue up. */
export async function lockMeasure(trx: Transaction<DB>, caseId: string, measureId: string) {
  const row = await trx
    .selectFrom('case_measure')
    .select([
      'id',
      'kind',
      'category',
      'organisation_id',
      'imposed_at',
      'end_at',
      'maximum_end_at',
      'lifted_at',
    ])
    .where('id', '=', measureId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  const extensions = await trx
    .selectFrom('case_measure_extension')
    .select(['new_end_at', 'recorded_at'])
    .where('measure_id', '=', measureId)
    .orderBy('recorded_at')
    .execute();
  return { row, extensions };
}

export interface MeasureDeadline {
  measureId: string;
  caseId: string;
  caseReference: string;
  kind: MeasureKind;
  category: InformationCategory;
  end: Date;
  maximumEnd: Date | null;
}

/**
 * Measures that end in [from, to) and are not lifted, on cases where the user is an active team
 * member for this organisation — the deadlines of the "my work" queue. Filtered by the information
 * category as that organisation may read it, so a caller cannot show what the case page would hide.
 */
export async function listMeasureDeadlines(
  db: Db,
  input: { userId: string; organisationId: string; from: Date; to: Date },
): Promise<MeasureDeadline[]> {
  const organisation = await db
    .selectFrom('organisation')
    .select('type')
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!organisation) return [];
  const rows = await db
    .selectFrom('case_measure as m')
    .innerJoin('household_case', 'household_case.id', 'm.case_id')
    .select([
      'm.id',
      'm.case_id',
      'household_case.reference',
      'm.kind',
      'm.category',
      'm.organisation_id',
      'm.end_at',
      'm.maximum_end_at',
    ])
    .where('m.lifted_at', 'is', null)
    .where('m.end_at', '>=', input.from)
    .where('m.end_at', '<', input.to)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_team_member as tm')
          .select('tm.id')
          .whereRef('tm.case_id', '=', 'm.case_id')
          .where('tm.user_id', '=', input.userId)
          .where('tm.organisation_id', '=', input.organisationId)
          .where('tm.left_at', 'is', null),
      ),
    )
    .orderBy('m.end_at')
    .execute();
  const reader = {
    organisationId: input.organisationId,
    organisationType: organisation.type as OrganisationType,
  };
  return rows
    .filter((r) =>
      canReadCategory(reader, {
        category: r.category as InformationCategory,
        organisationId: r.organisation_id,
      }),
    )
    .map((r) => ({
      measureId: r.id,
      caseId: r.case_id,
      caseReference: r.reference,
      kind: r.kind as MeasureKind,
      category: r.category as InformationCategory,
      end: r.end_at,
      maximumEnd: r.maximum_end_at,
    }));
}

/**
 * Measures the reminder job must look at: not lifted, ending before `horizon`, and without a
 * recorded expiry for their current end (once the end passed and was recorded, nothing changes).
 */
export async function listReminderCandidates(db: Db, horizon: Date) {
  const rows = await db
    .selectFrom('case_measure as m')
    .select(['m.id', 'm.kind', 'm.imposed_at', 'm.lifted_at', 'm.end_at'])
    .where('m.lifted_at', 'is', null)
    .where('m.end_at', '<', horizon)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_measure_reminder as r')
            .select('r.id')
            .whereRef('r.measure_id', '=', 'm.id')
            .where('r.reminder_kind', '=', 'expired')
            .whereRef('r.due_at', '=', 'm.end_at'),
        ),
      ),
    )
    .orderBy('m.end_at')
    .limit(5_000)
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [extensions, sent] = await Promise.all([
    db
      .selectFrom('case_measure_extension')
      .select(['measure_id', 'new_end_at', 'recorded_at'])
      .where('measure_id', 'in', ids)
      .execute(),
    db
      .selectFrom('case_measure_reminder')
      .select(['measure_id', 'reminder_kind', 'days_before', 'end_at'])
      .where('measure_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((row) => ({
    row,
    extensions: extensions.filter((e) => e.measure_id === row.id),
    sent: sent.filter((s) => s.measure_id === row.id),
  }));
}

export async function insertReminder(
  db: Db,
  values: {
    measureId: string;
    kind: 'before_end' | 'expired';
    daysBefore: number | null;
    dueAt: Date;
    endAt: Date;
    recordedAt: Date;
    slot: string;
  },
) {
  const inserted = await db
    .insertInto('case_measure_reminder')
    .values({
      measure_id: values.measureId,
      reminder_kind: values.kind,
      days_before: values.daysBefore,
      due_at: values.dueAt,
      end_at: values.endAt,
      recorded_at: values.recordedAt,
      job_slot: values.slot,
    })
    .onConflict((oc) => oc.columns(['measure_id', 'reminder_kind', 'due_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SupportKind, SupportOutcome } from '../../domain/casework/support.ts';
import type { InformationCategory } from '../../domain/information-category.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Every offer on the case with its member, recorder and outcome recorder; filtering is the caller's. */
export async function loadCaseSupport(db: Db, caseId: string) {
  return db
    .selectFrom('case_support as s')
    .innerJoin('app_user as recorder', 'recorder.id', 's.recorded_by_user_id')
    .innerJoin('organisation', 'organisation.id', 's.organisation_id')
    .leftJoin('case_member as member', 'member.id', 's.member_id')
    .leftJoin('app_user as decider', 'decider.id', 's.outcome_recorded_by_user_id')
    .select([
      's.id',
      's.kind',
      's.category',
      's.member_id',
      'member.full_name as member_name',
      'member.role as member_role',
      's.provider',
      's.offered_at',
      's.note',
      's.outcome',
      's.outcome_at',
      's.outcome_note',
      'decider.display_name as outcome_recorded_by_name',
      's.organisation_id',
      'organisation.name as organisation_name',
      'recorder.display_name as recorded_by_name',
      's.recorded_at',
    ])
    .where('s.case_id', '=', caseId)
    .orderBy('s.offered_at', 'desc')
    .orderBy('s.id')
    .execute();
}

export async function insertSupport(
  trx: Transaction<DB>,
  values: {
    caseId: string;
    kind: SupportKind;
    memberId: string | null;
    provider: string;
    category: InformationCategory;
    offeredAt: Date;
    note: string | null;
    userId: string;
    organisationId: string;
    at: Date;
  },
) {
  const row = await trx
    .insertInto('case_support')
    .values({
      case_id: values.caseId,
      kind: values.kind,
      member_id: values.memberId,
      provider: values.provider,
      category: values.category,
      offered_at: values.offeredAt,
      note: values.note,
      recorded_by_user_id: values.userId,
      organisation_id: values.organisationId,
      recorded_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One offer of the case, locked for the rest of the transaction so two outcomes queue up. */
export async function lockSupport(trx: Transaction<DB>, caseId: string, supportId: string) {
  return trx
    .selectFrom('case_support')
    .select(['id', 'kind', 'category', 'organisation_id', 'offered_at', 'outcome'])
    .where('id', '=', supportId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records the outcome once: only an open offer is updated; false when another got there first. */
export async function closeSupport(
  trx: Transaction<DB>,
  values: { supportId: string; outcome: SupportOutcome; at: Date; note: string | null; userId: string },
) {
  const updated = await trx
    .updateTable('case_support')
    .set({
      outcome: values.outcome,
      outcome_at: values.at,
      outcome_note: values.note,
      outcome_recorded_by_user_id: values.userId,
    })
    .where('id', '=', values.supportId)
    .where('outcome', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

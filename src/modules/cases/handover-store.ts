import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseHandoverTable } from '../../db/schema-handovers.ts';
import type { Handover, HandoverResolution, HandoverStatus } from '../../domain/casework/handover.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type HandoverRow = Selectable<CaseHandoverTable>;

/** The row as the pure rules see it. */
export function toDomainHandover(row: HandoverRow): Handover {
  return {
    status: row.status as HandoverStatus,
    fromOrganisationId: row.from_organisation_id,
    toOrganisationId: row.to_organisation_id,
    warm: row.warm,
    jointContactAt: row.joint_contact_at,
    proposedAt: row.proposed_at,
    responseDueAt: row.response_due_at,
    reason: row.reason,
    escalationLevel: row.escalation_level,
    escalationDueAt: row.escalation_due_at,
    resolution: row.resolution as HandoverResolution | null,
    decidedAt: row.decided_at,
  };
}

/** What the rules changed, as columns. */
export function handoverColumns(h: Handover) {
  return {
    status: h.status,
    reason: h.reason,
    escalation_level: h.escalationLevel,
    escalation_due_at: h.escalationDueAt,
    joint_contact_at: h.jointContactAt,
    resolution: h.resolution,
    decided_at: h.decidedAt,
  };
}

/** Enough to authorize: the case and the receiving organisation. */
export async function findHandoverParties(db: Db, handoverId: string) {
  return db
    .selectFrom('case_handover')
    .select(['id', 'case_id', 'from_organisation_id', 'to_organisation_id'])
    .where('id', '=', handoverId)
    .executeTakeFirst();
}

/** The handover row locked for the rest of the transaction, so two answers cannot cross. */
export async function lockHandover(trx: Transaction<DB>, handoverId: string) {
  return trx
    .selectFrom('case_handover')
    .selectAll()
    .where('id', '=', handoverId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findOpenCoordinationHandover(db: Db, caseId: string) {
  return db
    .selectFrom('case_handover')
    .select('id')
    .where('case_id', '=', caseId)
    .where('subject', '=', 'coordination')
    .where('status', 'in', ['proposed', 'declined', 'escalated'])
    .executeTakeFirst();
}

export async function insertHandover(
  trx: Transaction<DB>,
  values: Omit<
    HandoverRow,
    | 'id'
    | 'joint_contact_mode'
    | 'joint_contact_sender_user_id'
    | 'joint_contact_receiver_user_id'
    | 'joint_contact_note'
    | 'taken_over_by_user_id'
  >,
) {
  return trx.insertInto('case_handover').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateHandover(
  trx: Transaction<DB>,
  handoverId: string,
  patch: Partial<Omit<HandoverRow, 'id' | 'case_id'>>,
) {
  await trx.updateTable('case_handover').set(patch).where('id', '=', handoverId).execute();
}

export interface HandoverEventInput {
  handoverId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  automatic?: boolean;
  reason: string | null;
  escalationLevel: number | null;
  at: Date;
}

/** One step of the history; called with the handover row locked, so positions do not collide. */
export async function appendHandoverEvent(trx: Transaction<DB>, e: HandoverEventInput) {
  const last = await trx
    .selectFrom('case_handover_event')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('handover_id', '=', e.handoverId)
    .executeTakeFirst();
  await trx
    .insertInto('case_handover_event')
    .values({
      handover_id: e.handoverId,
      position: Number(last?.position ?? 0) + 1,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      actor_user_id: e.actorUserId,
      actor_organisation_id: e.actorOrganisationId,
      automatic: e.automatic ?? false,
      reason: e.reason,
      escalation_level: e.escalationLevel,
      occurred_at: e.at,
    })
    .execute();
}

/** Handovers with the names a reader needs; by case or by ids. */
export async function loadHandoverDetails(db: Db, where: { caseId: string } | { ids: readonly string[] }) {
  if ('ids' in where && where.ids.length === 0) return [];
  let query = db
    .selectFrom('case_handover as h')
    .innerJoin('household_case as c', 'c.id', 'h.case_id')
    .innerJoin('municipality as m', 'm.cbs_code', 'c.municipality_code')
    .innerJoin('organisation as fo', 'fo.id', 'h.from_organisation_id')
    .innerJoin('app_user as fu', 'fu.id', 'h.from_user_id')
    .innerJoin('organisation as tor', 'tor.id', 'h.to_organisation_id')
    .leftJoin('app_user as tu', 'tu.id', 'h.to_user_id')
    .leftJoin('app_user as js', 'js.id', 'h.joint_contact_sender_user_id')
    .leftJoin('app_user as jr', 'jr.id', 'h.joint_contact_receiver_user_id')
    .leftJoin('app_user as tk', 'tk.id', 'h.taken_over_by_user_id')
    .selectAll('h')
    .select([
      'c.reference as case_reference',
      'c.region_id',
      'm.name as municipality_name',
      'fo.name as from_organisation_name',
      'fu.display_name as from_user_name',
      'tor.name as to_organisation_name',
      'tu.display_name as to_user_name',
      'js.display_name as joint_contact_sender_name',
      'jr.display_name as joint_contact_receiver_name',
      'tk.display_name as taken_over_by_name',
    ]);
  query =
    'caseId' in where ? query.where('h.case_id', '=', where.caseId) : query.where('h.id', 'in', where.ids);
  return query.orderBy('h.proposed_at', 'desc').orderBy('h.id').execute();
}
export type HandoverDetailRow = Awaited<ReturnType<typeof loadHandoverDetails>>[number];

export async function loadHandoverEvents(db: Db, handoverIds: readonly string[]) {
  if (handoverIds.length === 0) return [];
  return db
    .selectFrom('case_handover_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .leftJoin('organisation as o', 'o.id', 'e.actor_organisation_id')
    .select([
      'e.handover_id',
      'e.action',
      'e.from_status',
      'e.to_status',
      'e.automatic',
      'e.reason',
      'e.escalation_level',
      'e.occurred_at',
      'u.display_name',
      'o.name as organisation_name',
    ])
    .where('e.handover_id', 'in', handoverIds)
    .orderBy('e.handover_id')
    .orderBy('e.position')
    .execute();
}

export interface WaitingHandover {
  id: string;
  caseId: string;
  caseReference: string;
  municipalityName: string;
  subject: 'coordination' | 'task';
  summary: string;
  warm: boolean;
  fromOrganisation: string;
  fromUser: string;
  toOrganisationId: string;
  toUserId: string | null;
  status: 'proposed' | 'escalated';
  escalationLevel: number | null;
  proposedAt: Date;
  /** The deadline that runs: the answer while proposed, the escalation level's while escalated. */
  dueAt: Date;
}

/**
 * Handovers that wait for this organisation (or this person): proposed to it, or escalated while it
 * is the receiver. Earliest deadline first. Callers audit the read (the summary is personal data).
 */
export async function listHandoversWaitingFor(
  db: Db,
  who: { userId: string; organisationId: string },
  limit = 200,
): Promise<WaitingHandover[]> {
  const rows = await db
    .selectFrom('case_handover as h')
    .innerJoin('household_case as c', 'c.id', 'h.case_id')
    .innerJoin('municipality as m', 'm.cbs_code', 'c.municipality_code')
    .innerJoin('organisation as fo', 'fo.id', 'h.from_organisation_id')
    .innerJoin('app_user as fu', 'fu.id', 'h.from_user_id')
    .select([
      'h.id',
      'h.case_id',
      'c.reference',
      'm.name as municipality_name',
      'h.subject',
      'h.summary',
      'h.warm',
      'fo.name as from_organisation',
      'fu.display_name as from_user',
      'h.to_organisation_id',
      'h.to_user_id',
      'h.status',
      'h.escalation_level',
      'h.proposed_at',
      'h.response_due_at',
      'h.escalation_due_at',
    ])
    .where('h.status', 'in', ['proposed', 'escalated'])
    .where((eb) =>
      eb.or([eb('h.to_organisation_id', '=', who.organisationId), eb('h.to_user_id', '=', who.userId)]),
    )
    .orderBy((eb) =>
      eb
        .case()
        .when('h.status', '=', 'escalated')
        .then(eb.ref('h.escalation_due_at'))
        .else(eb.ref('h.response_due_at'))
        .end(),
    )
    .orderBy('h.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    municipalityName: r.municipality_name,
    subject: r.subject as WaitingHandover['subject'],
    summary: r.summary,
    warm: r.warm,
    fromOrganisation: r.from_organisation,
    fromUser: r.from_user,
    toOrganisationId: r.to_organisation_id,
    toUserId: r.to_user_id,
    status: r.status as WaitingHandover['status'],
    escalationLevel: r.escalation_level,
    proposedAt: r.proposed_at,
    dueAt: (r.status === 'escalated' ? r.escalation_due_at : r.response_due_at) ?? r.response_due_at,
  }));
}

/**
 * Handovers whose running deadline has passed, locked for the scheduler (SKIP LOCKED: a person
 * answering at this moment wins; the next run looks again).
 */
export async function lockOverdueHandovers(trx: Transaction<DB>, now: Date, limit = 500) {
  return trx
    .selectFrom('case_handover as h')
    .innerJoin('household_case as c', 'c.id', 'h.case_id')
    .selectAll('h')
    .select('c.region_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('h.status', '=', 'proposed'), eb('h.response_due_at', '<', now)]),
        eb.and([eb('h.status', '=', 'escalated'), eb('h.escalation_due_at', '<', now)]),
      ]),
    )
    .orderBy('h.proposed_at')
    .limit(limit)
    .forUpdate('h')
    .skipLocked()
    .execute();
}

export async function listRegionOrganisations(db: Db, regionId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'type'])
    .where('region_id', '=', regionId)
    .orderBy('name')
    .execute();
}

export async function findRegionOrganisation(db: Db, regionId: number, organisationId: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/** The case row locked for the rest of the transaction (coordinator and phase), so handovers serialise per case. */
export async function lockCaseForHandover(trx: Transaction<DB>, caseId: string) {
  return trx
    .selectFrom('household_case')
    .select(['id', 'region_id', 'phase', 'coordinator_user_id', 'coordinator_organisation_id'])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setCoordinator(
  trx: Transaction<DB>,
  caseId: string,
  coordinator: { userId: string; organisationId: string },
) {
  await trx
    .updateTable('household_case')
    .set({ coordinator_user_id: coordinator.userId, coordinator_organisation_id: coordinator.organisationId })
    .where('id', '=', caseId)
    .execute();
}

/** Ends one active team membership (the row stays as history). */
export async function endTeamMembership(trx: Transaction<DB>, memberId: string, byUserId: string, at: Date) {
  await trx
    .updateTable('case_team_member')
    .set({ left_at: at, left_by_user_id: byUserId })
    .where('id', '=', memberId)
    .where('left_at', 'is', null)
    .execute();
}

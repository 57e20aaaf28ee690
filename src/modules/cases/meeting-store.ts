import type { Kysely, Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../../db/schema.ts';
import { AMSTERDAM } from '../../domain/working-days.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Active team members with the type of the organisation they work for in the team (for categories). */
export async function loadTeamWithOrganisationTypes(db: Db, caseId: string) {
  return db
    .selectFrom('case_team_member as tm')
    .innerJoin('organisation', 'organisation.id', 'tm.organisation_id')
    .select(['tm.user_id', 'tm.organisation_id', 'organisation.type as organisation_type', 'tm.case_role'])
    .where('tm.case_id', '=', caseId)
    .where('tm.left_at', 'is', null)
    .execute();
}

export interface NewMeeting {
  caseId: string;
  kind: string;
  heldAt: Date;
  category: string;
  agenda: string[];
  organisationId: string;
  recordedByUserId: string;
  recordedAt: Date;
  participants: {
    userId: string | null;
    organisationId: string | null;
    caseRole: string | null;
    outsideName: string | null;
    outsideOrganisation: string | null;
    outsideRole: string | null;
    chair: boolean;
  }[];
  information: { category: string; body: string }[];
  decisions: { description: string; ownerUserId: string; dueOn: string; monitoring: string }[];
}

/** Writes a meeting with everything in it; the caller's transaction makes it all or nothing. */
export async function insertMeeting(trx: Transaction<DB>, m: NewMeeting) {
  const meeting = await trx
    .insertInto('case_meeting')
    .values({
      case_id: m.caseId,
      kind: m.kind,
      held_at: m.heldAt,
      category: m.category,
      agenda: m.agenda,
      organisation_id: m.organisationId,
      recorded_by_user_id: m.recordedByUserId,
      recorded_at: m.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_meeting_participant')
    .values(
      m.participants.map((p, position) => ({
        meeting_id: meeting.id,
        position,
        user_id: p.userId,
        organisation_id: p.organisationId,
        case_role: p.caseRole,
        outside_name: p.outsideName,
        outside_organisation: p.outsideOrganisation,
        outside_role: p.outsideRole,
        is_chair: p.chair,
      })),
    )
    .execute();
  if (m.information.length > 0) {
    await trx
      .insertInto('case_meeting_information')
      .values(m.information.map((i, position) => ({ meeting_id: meeting.id, position, ...i })))
      .execute();
  }
  const actions =
    m.decisions.length === 0
      ? []
      : await trx
          .insertInto('case_action')
          .values(
            m.decisions.map((d, position) => ({
              case_id: m.caseId,
              meeting_id: meeting.id,
              position,
              description: d.description,
              owner_user_id: d.ownerUserId,
              due_on: d.dueOn,
              monitoring: d.monitoring,
            })),
          )
          .returning(['id', 'position'])
          .execute();
  return {
    id: meeting.id,
    actionIds: [...actions].sort((a, b) => a.position - b.position).map((a) => a.id),
  };
}

/** Every meeting of the case with its parts; the service decides what the reader may see. */
export async function loadCaseMeetings(db: Db, caseId: string) {
  const meetings = await db
    .selectFrom('case_meeting as m')
    .innerJoin('organisation', 'organisation.id', 'm.organisation_id')
    .innerJoin('app_user', 'app_user.id', 'm.recorded_by_user_id')
    .select([
      'm.id',
      'm.kind',
      'm.held_at',
      'm.category',
      'm.agenda',
      'm.organisation_id',
      'organisation.name as organisation_name',
      'app_user.display_name as recorded_by',
      'm.recorded_at',
    ])
    .where('m.case_id', '=', caseId)
    .orderBy('m.held_at', 'desc')
    .orderBy('m.id')
    .execute();
  if (meetings.length === 0) return { meetings, participants: [], information: [], decisions: [] };
  const ids = meetings.map((m) => m.id);
  const [participants, information, decisions] = await Promise.all([
    db
      .selectFrom('case_meeting_participant as p')
      .leftJoin('app_user', 'app_user.id', 'p.user_id')
      .leftJoin('organisation', 'organisation.id', 'p.organisation_id')
      .select([
        'p.meeting_id',
        'p.user_id',
        'app_user.display_name',
        'organisation.name as organisation_name',
        'p.case_role',
        'p.outside_name',
        'p.outside_organisation',
        'p.outside_role',
        'p.is_chair',
      ])
      .where('p.meeting_id', 'in', ids)
      .orderBy('p.meeting_id')
      .orderBy('p.position')
      .execute(),
    db
      .selectFrom('case_meeting_information')
      .select(['meeting_id', 'category', 'body'])
      .where('meeting_id', 'in', ids)
      .orderBy('meeting_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('case_action as a')
      .innerJoin('app_user', 'app_user.id', 'a.owner_user_id')
      .select([
        'a.id',
        'a.meeting_id',
        'a.description',
        'a.owner_user_id',
        'app_user.display_name as owner',
        'a.due_on',
        'a.monitoring',
        'a.status',
      ])
      .where('a.meeting_id', 'in', ids)
      .orderBy('a.meeting_id')
      .orderBy('a.position')
      .execute(),
  ]);
  return { meetings, participants, information, decisions };
}

/**
 * The case's plan actions from every source, with where they came from (and the category of a
 * meeting's record, which decides who may see them) and their last status change.
 */
export async function loadCaseActions(db: Db, caseId: string) {
  return (
    db
      .selectFrom('case_action as a')
      .innerJoin('app_user as owner', 'owner.id', 'a.owner_user_id')
      .leftJoin('case_assessment as s', 's.id', 'a.assessment_id')
      .leftJoin('case_meeting as m', 'm.id', 'a.meeting_id')
      // At most one change per action: closing is once (unique index in 0011-meetings.ts).
      .leftJoin('case_action_status_change as c', 'c.action_id', 'a.id')
      .leftJoin('app_user as changer', 'changer.id', 'c.changed_by_user_id')
      .select([
        'a.id',
        'a.description',
        'a.owner_user_id',
        'owner.display_name as owner',
        'a.due_on',
        'a.status',
        'a.monitoring',
        'a.assessment_id',
        's.assessed_at',
        'a.meeting_id',
        'm.kind as meeting_kind',
        'm.held_at',
        'm.category as meeting_category',
        'm.organisation_id as meeting_organisation_id',
        'c.note as status_note',
        'c.changed_at as status_changed_at',
        'changer.display_name as status_changed_by',
      ])
      .where('a.case_id', '=', caseId)
      .orderBy('a.due_on')
      .orderBy('a.id')
      .execute()
  );
}

/** One action of the case, locked for a status change. */
export async function findCaseActionForUpdate(trx: Transaction<DB>, caseId: string, actionId: string) {
  return trx
    .selectFrom('case_action as a')
    .leftJoin('case_meeting as m', 'm.id', 'a.meeting_id')
    .select([
      'a.id',
      'a.owner_user_id',
      'a.status',
      'a.meeting_id',
      'm.category as meeting_category',
      'm.organisation_id as meeting_organisation_id',
    ])
    .where('a.case_id', '=', caseId)
    .where('a.id', '=', actionId)
    .forUpdate('a')
    .executeTakeFirst();
}

/** Closes an open action and keeps the change; false when it was no longer open. */
export async function closeCaseAction(
  trx: Transaction<DB>,
  change: {
    actionId: string;
    to: string;
    note: string;
    userId: string;
    organisationId: string;
    at: Date;
  },
) {
  const updated = await trx
    .updateTable('case_action')
    .set({ status: change.to })
    .where('id', '=', change.actionId)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (!updated) return false;
  await trx
    .insertInto('case_action_status_change')
    .values({
      action_id: change.actionId,
      from_status: 'open',
      to_status: change.to,
      note: change.note,
      changed_by_user_id: change.userId,
      organisation_id: change.organisationId,
      changed_at: change.at,
    })
    .execute();
  return true;
}

/**
 * Open actions owned by a user that fall due within [from, to] (Amsterdam calendar days, both
 * ends included), for the "my work" queue. Only actions of cases that are not closed and where the
 * user is still in the team: who left the team no longer sees the case. The owner may read the
 * action's category (checked when the decision was recorded), so nothing here needs filtering.
 */
export async function listActionDeadlines(db: Db, query: { userId: string; from: Date; to: Date }) {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: AMSTERDAM }).toISODate() ?? '';
  return db
    .selectFrom('case_action as a')
    .innerJoin('household_case as hc', 'hc.id', 'a.case_id')
    .leftJoin('case_meeting as m', 'm.id', 'a.meeting_id')
    .select([
      'a.id',
      'a.case_id',
      'hc.reference as case_reference',
      'a.description',
      'a.due_on',
      'a.monitoring',
      'a.assessment_id',
      'a.meeting_id',
      'm.kind as meeting_kind',
    ])
    .where('a.owner_user_id', '=', query.userId)
    .where('a.status', '=', 'open')
    .where('a.due_on', '>=', day(query.from))
    .where('a.due_on', '<=', day(query.to))
    .where('hc.phase', '!=', 'closed')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_team_member as tm')
          .select('tm.id')
          .whereRef('tm.case_id', '=', 'a.case_id')
          .where('tm.user_id', '=', query.userId)
          .where('tm.left_at', 'is', null),
      ),
    )
    .orderBy('a.due_on')
    .orderBy('hc.reference')
    .orderBy('a.id')
    .execute();
}

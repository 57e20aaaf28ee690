import { type Kysely, sql, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../db/schema.ts';
import type { InformationCategory } from '../../domain/information-category.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Ids of the cases where the user is an active team member for this organisation (index only). */
export async function listMyTeamCaseIds(db: Db, userId: string, organisationId: string) {
  const rows = await db
    .selectFrom('case_team_member')
    .select('case_id')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('left_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.case_id));
}

/**
 * Open safety-plan agreements owned by a user, due on or before `until` (an Amsterdam calendar
 * date), in the LATEST plan version of open cases where the user is an active team member for this
 * organisation. Agreements are jsonb in the version row; the `@>` test keeps rows of other owners
 * out in SQL, the due date and status are checked in process (a handful of rows per user).
 */
export async function listAgreementDeadlines(
  db: Db,
  query: { userId: string; organisationId: string; until: string },
) {
  const rows = await db
    .selectFrom('case_safety_plan_version as v')
    .innerJoin('household_case as hc', 'hc.id', 'v.case_id')
    .innerJoin('case_team_member as tm', (join) =>
      join
        .onRef('tm.case_id', '=', 'v.case_id')
        .on('tm.user_id', '=', query.userId)
        .on('tm.organisation_id', '=', query.organisationId)
        .on('tm.left_at', 'is', null),
    )
    .select(['v.case_id', 'hc.reference', 'v.version', 'v.agreements'])
    .where('hc.phase', '!=', 'closed')
    .where((eb) =>
      eb(
        'v.version',
        '=',
        eb
          .selectFrom('case_safety_plan_version as latest')
          .select((inner) => inner.fn.max('latest.version').as('version'))
          .whereRef('latest.case_id', '=', 'v.case_id'),
      ),
    )
    .where(sql<boolean>`v.agreements @> ${JSON.stringify([{ ownerUserId: query.userId }])}::jsonb`)
    .execute();
  return rows.flatMap((r) =>
    r.agreements.flatMap((a, index) =>
      a.ownerUserId === query.userId && a.status === 'open' && a.dueOn <= query.until
        ? [
            {
              caseId: r.case_id,
              caseReference: r.reference,
              version: r.version,
              index,
              description: a.description,
              dueOn: a.dueOn,
            },
          ]
        : [],
    ),
  );
}

export const TIMELINE_KINDS = [
  'case_opened',
  'report_attached',
  'team_joined',
  'team_left',
  'phase_changed',
  'assessment_recorded',
  'safety_plan_saved',
  'note_added',
  'checklist_recorded',
  'measure_imposed',
  'measure_extended',
  'measure_lifted',
  'support_offered',
  'support_outcome',
  'meeting_held',
  'action_closed',
  'handover_step',
  'document_added',
  'monitoring_contact',
  'case_closed',
  'case_reopened',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineDetails = Record<string, string | number | boolean | null>;

/** One thing that happened on a case, before the reader's categories are applied. */
export interface TimelineRow {
  id: string;
  at: Date;
  kind: TimelineKind;
  category: InformationCategory;
  /** The organisation whose item this is, for the category rule; null for team items without one. */
  ownerOrganisationId: string | null;
  /** The organisation that did it, as shown; null when the record keeps only the person. */
  organisation: string | null;
  actor: string | null;
  details: TimelineDetails;
}

const TEAM: InformationCategory = 'team';

/**
 * Everything that happened on a case, from every table of casework, in time order. What carries no
 * category of its own is team information (the case page shows it to every reader of the case);
 * what follows from a categorised record (an extension or lift of a measure, a closed action of a
 * meeting) takes that record's category and organisation. Bodies and free text stay out: the
 * timeline says what happened, the sections hold the content.
 */
export async function loadCaseTimeline(db: Db, caseId: string): Promise<TimelineRow[]> {
  // One statement: every part aggregated to a JSON array (17 round trips were one per part).
  const parts = await db
    .selectNoFrom([
      jsonArrayFrom(
        db
          .selectFrom('household_case as hc')
          .innerJoin('app_user as u', 'u.id', 'hc.opened_by_user_id')
          .select(['hc.id', 'hc.opened_at', 'hc.reference', 'u.display_name'])
          .where('hc.id', '=', caseId),
      ).as('opened'),
      jsonArrayFrom(
        db
          .selectFrom('case_report as cr')
          .innerJoin('report', 'report.id', 'cr.report_id')
          .innerJoin('app_user as u', 'u.id', 'cr.attached_by_user_id')
          .select(['cr.report_id', 'cr.attached_at', 'report.reference', 'u.display_name'])
          .where('cr.case_id', '=', caseId),
      ).as('reports'),
      jsonArrayFrom(
        db
          .selectFrom('case_team_member as tm')
          .innerJoin('app_user as member', 'member.id', 'tm.user_id')
          .innerJoin('organisation as o', 'o.id', 'tm.organisation_id')
          .innerJoin('app_user as joiner', 'joiner.id', 'tm.joined_by_user_id')
          .leftJoin('app_user as leaver', 'leaver.id', 'tm.left_by_user_id')
          .select([
            'tm.id',
            'tm.case_role',
            'tm.joined_at',
            'tm.left_at',
            'member.display_name as member_name',
            'o.name as organisation_name',
            'joiner.display_name as joined_by',
            'leaver.display_name as left_by',
          ])
          .where('tm.case_id', '=', caseId),
      ).as('team'),
      jsonArrayFrom(
        db
          .selectFrom('case_phase_change as pc')
          .innerJoin('app_user as u', 'u.id', 'pc.changed_by_user_id')
          .select(['pc.id', 'pc.from_phase', 'pc.to_phase', 'pc.changed_at', 'u.display_name'])
          .where('pc.case_id', '=', caseId),
      ).as('phases'),
      jsonArrayFrom(
        db
          .selectFrom('case_assessment as a')
          .innerJoin('app_user as u', 'u.id', 'a.recorded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
          .select(['a.id', 'a.assessed_at', 'a.min_score', 'u.display_name', 'o.name as organisation_name'])
          .where('a.case_id', '=', caseId),
      ).as('assessments'),
      jsonArrayFrom(
        db
          .selectFrom('case_safety_plan_version as v')
          .innerJoin('app_user as u', 'u.id', 'v.changed_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'v.organisation_id')
          .select([
            'v.id',
            'v.version',
            'v.status',
            'v.changed_at',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('v.case_id', '=', caseId),
      ).as('plans'),
      jsonArrayFrom(
        db
          .selectFrom('case_note as n')
          .innerJoin('app_user as u', 'u.id', 'n.author_user_id')
          .innerJoin('organisation as o', 'o.id', 'n.organisation_id')
          .select([
            'n.id',
            'n.category',
            'n.organisation_id',
            'n.created_at',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('n.case_id', '=', caseId),
      ).as('notes'),
      jsonArrayFrom(
        db
          .selectFrom('case_checklist_result as c')
          .innerJoin('app_user as u', 'u.id', 'c.recorded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
          .select([
            'c.id',
            'c.checklist_id',
            'c.category',
            'c.organisation_id',
            'c.recorded_at',
            'c.advised_band',
            'c.conclusion_band',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('c.case_id', '=', caseId),
      ).as('checklists'),
      jsonArrayFrom(
        db
          .selectFrom('case_measure as m')
          .innerJoin('app_user as u', 'u.id', 'm.recorded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
          .leftJoin('app_user as lifter', 'lifter.id', 'm.lifted_by_user_id')
          .select([
            'm.id',
            'm.kind',
            'm.category',
            'm.organisation_id',
            'm.imposed_at',
            'm.lifted_at',
            'u.display_name',
            'o.name as organisation_name',
            'lifter.display_name as lifted_by',
          ])
          .where('m.case_id', '=', caseId),
      ).as('measures'),
      jsonArrayFrom(
        db
          .selectFrom('case_measure_extension as e')
          .innerJoin('case_measure as m', 'm.id', 'e.measure_id')
          .innerJoin('app_user as u', 'u.id', 'e.recorded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
          .select([
            'e.id',
            'e.new_end_at',
            'e.recorded_at',
            'm.kind',
            'm.category',
            'm.organisation_id',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('m.case_id', '=', caseId),
      ).as('extensions'),
      jsonArrayFrom(
        db
          .selectFrom('case_support as s')
          .innerJoin('app_user as u', 'u.id', 's.recorded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 's.organisation_id')
          .leftJoin('app_user as decider', 'decider.id', 's.outcome_recorded_by_user_id')
          .select([
            's.id',
            's.kind',
            's.category',
            's.organisation_id',
            's.offered_at',
            's.outcome',
            's.outcome_at',
            'u.display_name',
            'o.name as organisation_name',
            'decider.display_name as decided_by',
          ])
          .where('s.case_id', '=', caseId),
      ).as('support'),
      jsonArrayFrom(
        db
          .selectFrom('case_meeting as m')
          .innerJoin('app_user as u', 'u.id', 'm.recorded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
          .select((eb) => [
            'm.id',
            'm.kind',
            'm.category',
            'm.organisation_id',
            'm.held_at',
            'u.display_name',
            'o.name as organisation_name',
            eb
              .selectFrom('case_action as a')
              .select(eb.fn.countAll<number>().as('n'))
              .whereRef('a.meeting_id', '=', 'm.id')
              .as('decisions'),
          ])
          .where('m.case_id', '=', caseId),
      ).as('meetings'),
      jsonArrayFrom(
        db
          .selectFrom('case_action_status_change as sc')
          .innerJoin('case_action as a', 'a.id', 'sc.action_id')
          .leftJoin('case_meeting as m', 'm.id', 'a.meeting_id')
          .innerJoin('app_user as u', 'u.id', 'sc.changed_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'sc.organisation_id')
          .select([
            'sc.id',
            'sc.to_status',
            'sc.changed_at',
            'm.category as meeting_category',
            'm.organisation_id as meeting_organisation_id',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('a.case_id', '=', caseId),
      ).as('actionChanges'),
      jsonArrayFrom(
        db
          .selectFrom('case_handover_event as e')
          .innerJoin('case_handover as h', 'h.id', 'e.handover_id')
          .innerJoin('organisation as receiver', 'receiver.id', 'h.to_organisation_id')
          .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
          .leftJoin('organisation as o', 'o.id', 'e.actor_organisation_id')
          .select([
            'e.id',
            'e.action',
            'e.to_status',
            'e.automatic',
            'e.escalation_level',
            'e.occurred_at',
            'h.subject',
            'receiver.name as to_organisation',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('h.case_id', '=', caseId),
      ).as('handoverSteps'),
      jsonArrayFrom(
        db
          .selectFrom('case_document as d')
          .innerJoin('app_user as u', 'u.id', 'd.uploaded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'd.organisation_id')
          .select([
            'd.id',
            'd.kind',
            'd.category',
            'd.organisation_id',
            'd.uploaded_at',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('d.case_id', '=', caseId)
          .where('d.removed_at', 'is', null),
      ).as('documents'),
      jsonArrayFrom(
        db
          .selectFrom('case_monitoring_contact as c')
          .innerJoin('case_monitoring_moment as mm', 'mm.id', 'c.moment_id')
          .innerJoin('app_user as u', 'u.id', 'c.recorded_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
          .select([
            'c.id',
            'c.contacted_at',
            'c.outcome',
            'c.score',
            'mm.months_after',
            'u.display_name',
            'o.name as organisation_name',
          ])
          .where('c.case_id', '=', caseId),
      ).as('contacts'),
      jsonArrayFrom(
        db
          .selectFrom('case_closure as c')
          .innerJoin('app_user as u', 'u.id', 'c.closed_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
          .select(['c.id', 'c.reason_code', 'c.closed_at', 'u.display_name', 'o.name as organisation_name'])
          .where('c.case_id', '=', caseId),
      ).as('closures'),
      jsonArrayFrom(
        db
          .selectFrom('case_reopening as r')
          .innerJoin('app_user as u', 'u.id', 'r.reopened_by_user_id')
          .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
          .select(['r.id', 'r.to_phase', 'r.reopened_at', 'u.display_name', 'o.name as organisation_name'])
          .where('r.case_id', '=', caseId),
      ).as('reopenings'),
    ])
    .executeTakeFirstOrThrow();
  const {
    opened,
    reports,
    team,
    phases,
    assessments,
    plans,
    notes,
    checklists,
    measures,
    extensions,
    support,
    meetings,
    actionChanges,
    handoverSteps,
    documents,
    contacts,
    closures,
    reopenings,
  } = parts;

  // Instants come back from JSON as ISO 8601 text with the offset.
  const instant = (value: string) => new Date(value);
  const team_ = (
    id: string,
    at: Date,
    kind: TimelineKind,
    organisation: string | null,
    actor: string | null,
    details: TimelineDetails,
  ): TimelineRow => ({
    id,
    at,
    kind,
    category: TEAM,
    ownerOrganisationId: null,
    organisation,
    actor,
    details,
  });

  const rows: TimelineRow[] = [
    ...opened.map((c) =>
      team_(`case:${c.id}`, instant(c.opened_at), 'case_opened', null, c.display_name, {}),
    ),
    ...reports.map((r) =>
      team_(`report:${r.report_id}`, instant(r.attached_at), 'report_attached', null, r.display_name, {
        reference: r.reference,
      }),
    ),
    ...team.flatMap((m) => [
      team_(`team:${m.id}:joined`, instant(m.joined_at), 'team_joined', m.organisation_name, m.joined_by, {
        member: m.member_name,
        caseRole: m.case_role,
      }),
      ...(m.left_at
        ? [
            team_(`team:${m.id}:left`, instant(m.left_at), 'team_left', m.organisation_name, m.left_by, {
              member: m.member_name,
              caseRole: m.case_role,
            }),
          ]
        : []),
    ]),
    ...phases.map((p) =>
      team_(`phase:${p.id}`, instant(p.changed_at), 'phase_changed', null, p.display_name, {
        from: p.from_phase,
        to: p.to_phase,
      }),
    ),
    ...assessments.map((a) =>
      team_(
        `assessment:${a.id}`,
        instant(a.assessed_at),
        'assessment_recorded',
        a.organisation_name,
        a.display_name,
        {
          minScore: a.min_score,
        },
      ),
    ),
    ...plans.map((v) =>
      team_(`plan:${v.id}`, instant(v.changed_at), 'safety_plan_saved', v.organisation_name, v.display_name, {
        version: v.version,
        status: v.status,
      }),
    ),
    ...notes.map((n) => ({
      id: `note:${n.id}`,
      at: instant(n.created_at),
      kind: 'note_added' as const,
      category: n.category as InformationCategory,
      ownerOrganisationId: n.organisation_id,
      organisation: n.organisation_name,
      actor: n.display_name,
      details: {},
    })),
    ...checklists.map((c) => ({
      id: `checklist:${c.id}`,
      at: instant(c.recorded_at),
      kind: 'checklist_recorded' as const,
      category: c.category as InformationCategory,
      ownerOrganisationId: c.organisation_id,
      organisation: c.organisation_name,
      actor: c.display_name,
      details: {
        checklist: c.checklist_id,
        advisedBand: c.advised_band,
        conclusionBand: c.conclusion_band,
        overridden: c.advised_band !== c.conclusion_band,
      },
    })),
    ...measures.flatMap((m) => {
      const base = {
        category: m.category as InformationCategory,
        ownerOrganisationId: m.organisation_id,
        details: { measure: m.kind },
      };
      const imposed: TimelineRow = {
        ...base,
        id: `measure:${m.id}`,
        at: instant(m.imposed_at),
        kind: 'measure_imposed',
        organisation: m.organisation_name,
        actor: m.display_name,
      };
      if (!m.lifted_at) return [imposed];
      // The lift keeps who, not for which organisation: the person is shown.
      const lifted: TimelineRow = {
        ...base,
        id: `measure:${m.id}:lifted`,
        at: instant(m.lifted_at),
        kind: 'measure_lifted',
        organisation: null,
        actor: m.lifted_by,
      };
      return [imposed, lifted];
    }),
    ...extensions.map((e) => ({
      id: `extension:${e.id}`,
      at: instant(e.recorded_at),
      kind: 'measure_extended' as const,
      category: e.category as InformationCategory,
      ownerOrganisationId: e.organisation_id,
      organisation: e.organisation_name,
      actor: e.display_name,
      details: { measure: e.kind, newEnd: instant(e.new_end_at).toISOString() },
    })),
    ...support.flatMap((o) => {
      const base = {
        category: o.category as InformationCategory,
        ownerOrganisationId: o.organisation_id,
      };
      const offered: TimelineRow = {
        ...base,
        id: `support:${o.id}`,
        at: instant(o.offered_at),
        kind: 'support_offered',
        organisation: o.organisation_name,
        actor: o.display_name,
        details: { support: o.kind },
      };
      if (!o.outcome || !o.outcome_at) return [offered];
      // The outcome keeps who, not for which organisation: the person is shown.
      const answered: TimelineRow = {
        ...base,
        id: `support:${o.id}:outcome`,
        at: instant(o.outcome_at),
        kind: 'support_outcome',
        organisation: null,
        actor: o.decided_by,
        details: { support: o.kind, outcome: o.outcome },
      };
      return [offered, answered];
    }),
    ...meetings.map((m) => ({
      id: `meeting:${m.id}`,
      at: instant(m.held_at),
      kind: 'meeting_held' as const,
      category: m.category as InformationCategory,
      ownerOrganisationId: m.organisation_id,
      organisation: m.organisation_name,
      actor: m.display_name,
      details: { meeting: m.kind, decisions: Number(m.decisions ?? 0) },
    })),
    ...actionChanges.map((c) => ({
      id: `action:${c.id}`,
      at: instant(c.changed_at),
      kind: 'action_closed' as const,
      category: (c.meeting_category ?? TEAM) as InformationCategory,
      ownerOrganisationId: c.meeting_organisation_id,
      organisation: c.organisation_name,
      actor: c.display_name,
      details: { status: c.to_status },
    })),
    ...handoverSteps.map((s) =>
      team_(
        `handover:${s.id}`,
        instant(s.occurred_at),
        'handover_step',
        s.organisation_name,
        s.display_name,
        {
          action: s.action,
          status: s.to_status,
          subject: s.subject,
          toOrganisation: s.to_organisation,
          automatic: s.automatic,
          escalationLevel: s.escalation_level,
        },
      ),
    ),
    ...documents.map((d) => ({
      id: `document:${d.id}`,
      at: instant(d.uploaded_at),
      kind: 'document_added' as const,
      category: d.category as InformationCategory,
      ownerOrganisationId: d.organisation_id,
      organisation: d.organisation_name,
      actor: d.display_name,
      details: { documentKind: d.kind },
    })),
    ...contacts.map((c) =>
      team_(
        `monitoring:${c.id}`,
        instant(c.contacted_at),
        'monitoring_contact',
        c.organisation_name,
        c.display_name,
        {
          outcome: c.outcome,
          score: c.score,
          monthsAfter: c.months_after,
        },
      ),
    ),
    ...closures.map((c) =>
      team_(`closure:${c.id}`, instant(c.closed_at), 'case_closed', c.organisation_name, c.display_name, {
        reason: c.reason_code,
      }),
    ),
    ...reopenings.map((r) =>
      team_(
        `reopening:${r.id}`,
        instant(r.reopened_at),
        'case_reopened',
        r.organisation_name,
        r.display_name,
        {
          to: r.to_phase,
        },
      ),
    ),
  ];
  const order = new Map(TIMELINE_KINDS.map((k, i) => [k, i]));
  return rows.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

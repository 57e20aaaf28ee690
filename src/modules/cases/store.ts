import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../db/schema.ts';
import type { CaseScope } from '../../domain/casework/case-access.ts';
import { type HouseholdPerson, isSameHouseholdMember } from '../../domain/casework/household-match.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The one place that turns a reader's case scope into SQL: active team membership for the reader's
 * current organisation, or Veilig Thuis serving the household's municipality.
 */
function visibleTo(scope: CaseScope) {
  return (eb: ExpressionBuilder<DB, 'household_case'>) => {
    const alternatives = [];
    if (scope.teamUserId && scope.teamOrganisationId) {
      alternatives.push(
        eb.exists(
          eb
            .selectFrom('case_team_member as tm')
            .select('tm.id')
            .whereRef('tm.case_id', '=', 'household_case.id')
            .where('tm.user_id', '=', scope.teamUserId)
            .where('tm.organisation_id', '=', scope.teamOrganisationId)
            .where('tm.left_at', 'is', null),
        ),
      );
    }
    if (scope.veiligThuisOrganisationId) alternatives.push(servedBy(eb, scope.veiligThuisOrganisationId));
    return alternatives.length > 0 ? eb.or(alternatives) : eb.lit(false);
  };
}

function servedBy(eb: ExpressionBuilder<DB, 'household_case'>, organisationId: string) {
  return eb(
    'household_case.municipality_code',
    'in',
    eb
      .selectFrom('organisation_municipality')
      .select('organisation_municipality.cbs_code')
      .where('organisation_municipality.organisation_id', '=', organisationId),
  );
}

export async function findVisibleCaseIds(db: Db, scope: CaseScope, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('household_case')
    .select('household_case.id')
    .where('household_case.id', 'in', ids)
    .where(visibleTo(scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Persons of a report, with what matching needs. Read for casework only, never returned as such. */
export async function loadReportForCase(db: Db, reportId: string) {
  const report = await db
    .selectFrom('report')
    .select(['id', 'reference', 'region_id', 'municipality_code', 'created_by_user_id'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return undefined;
  const persons = await db
    .selectFrom('report_person')
    .select(['full_name', 'date_of_birth', 'role', 'bsn_encrypted', 'bsn_hash'])
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
  return { report, persons };
}

export async function findCaseOfReport(db: Db, reportId: string) {
  return db
    .selectFrom('case_report')
    .innerJoin('household_case', 'household_case.id', 'case_report.case_id')
    .select(['household_case.id', 'household_case.reference'])
    .where('case_report.report_id', '=', reportId)
    .executeTakeFirst();
}

/**
 * The open case (if any) one of these persons is a member of. Candidates come by index (BSN hash,
 * date of birth); the certain-match rule decides in process.
 */
export async function findOpenCaseOfHousehold(
  db: Db,
  persons: readonly HouseholdPerson[],
  excludeCaseId: string | null = null,
) {
  const hashes = persons.flatMap((p) => (p.bsnHash ? [p.bsnHash] : []));
  const births = persons.map((p) => p.dateOfBirth);
  if (persons.length === 0) return undefined;
  const candidates = await db
    .selectFrom('case_member')
    .innerJoin('household_case', 'household_case.id', 'case_member.case_id')
    .select([
      'household_case.id as case_id',
      'household_case.reference',
      'household_case.opened_at',
      'case_member.full_name',
      'case_member.date_of_birth',
      'case_member.bsn_hash',
    ])
    .where('household_case.phase', '!=', 'closed')
    .$if(excludeCaseId !== null, (qb) => qb.where('household_case.id', '!=', excludeCaseId ?? ''))
    .where((eb) =>
      eb.or([
        ...(hashes.length > 0 ? [eb('case_member.bsn_hash', 'in', hashes)] : []),
        eb('case_member.date_of_birth', 'in', births),
      ]),
    )
    .orderBy('household_case.opened_at')
    .execute();
  return candidates.find((c) =>
    persons.some((p) =>
      isSameHouseholdMember(p, { bsnHash: c.bsn_hash, fullName: c.full_name, dateOfBirth: c.date_of_birth }),
    ),
  );
}

const caseMembersQuery = (db: Db, caseId: string) =>
  db.selectFrom('case_member').selectAll().where('case_id', '=', caseId).orderBy('position');

export async function loadCaseMembers(db: Db, caseId: string) {
  return caseMembersQuery(db, caseId).execute();
}

/**
 * The case header with, in the same statement, whether the scope still sees the case and whether
 * the given Veilig Thuis organisation serves its municipality: the guard of every case request
 * in one round trip instead of three.
 */
export async function loadVisibleCaseHeader(
  db: Db,
  scope: CaseScope,
  caseId: string,
  veiligThuisOrganisationId: string | null,
) {
  return db
    .selectFrom('household_case')
    .innerJoin('municipality', 'municipality.cbs_code', 'household_case.municipality_code')
    .innerJoin('app_user as coordinator', 'coordinator.id', 'household_case.coordinator_user_id')
    .innerJoin('organisation as co', 'co.id', 'household_case.coordinator_organisation_id')
    .select([
      'household_case.id',
      'household_case.reference',
      'household_case.region_id',
      'household_case.municipality_code',
      'municipality.name as municipality_name',
      'household_case.phase',
      'household_case.coordinator_user_id',
      'coordinator.display_name as coordinator_name',
      'co.name as coordinator_organisation',
      'household_case.opened_at',
    ])
    .select((eb) => {
      const cases = eb as unknown as ExpressionBuilder<DB, 'household_case'>;
      return [
        visibleTo(scope)(cases).as('visible'),
        (veiligThuisOrganisationId ? servedBy(cases, veiligThuisOrganisationId) : eb.lit(false)).as(
          'served_by_veilig_thuis',
        ),
      ];
    })
    .where('household_case.id', '=', caseId)
    .executeTakeFirst();
}

const activeTeamQuery = (db: Db, caseId: string) =>
  db
    .selectFrom('case_team_member as tm')
    .innerJoin('app_user', 'app_user.id', 'tm.user_id')
    .innerJoin('organisation', 'organisation.id', 'tm.organisation_id')
    .select([
      'tm.id',
      'tm.user_id',
      'app_user.display_name',
      'tm.organisation_id',
      'organisation.name as organisation_name',
      'tm.case_role',
      'tm.joined_at',
    ])
    .where('tm.case_id', '=', caseId)
    .where('tm.left_at', 'is', null)
    .orderBy('tm.joined_at');

export async function loadActiveTeam(db: Db, caseId: string) {
  return activeTeamQuery(db, caseId).execute();
}

/** The queries of the case page's parts, each by index on the case id. */
const caseDetailQueries = (db: Db, caseId: string) => ({
  reports: db
    .selectFrom('case_report')
    .innerJoin('report', 'report.id', 'case_report.report_id')
    .select(['report.id', 'report.reference', 'report.received_at', 'case_report.attached_at'])
    .where('case_report.case_id', '=', caseId)
    .orderBy('report.received_at'),
  phaseHistory: db
    .selectFrom('case_phase_change as pc')
    .innerJoin('app_user', 'app_user.id', 'pc.changed_by_user_id')
    .select(['pc.from_phase', 'pc.to_phase', 'pc.reason', 'app_user.display_name', 'pc.changed_at'])
    .where('pc.case_id', '=', caseId)
    .orderBy('pc.changed_at')
    .orderBy('pc.id'),
  assessments: db
    .selectFrom('case_assessment as a')
    .innerJoin('app_user', 'app_user.id', 'a.recorded_by_user_id')
    .select(['a.id', 'a.assessed_at', 'app_user.display_name', 'a.concerns', 'a.min_score', 'a.median_score'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.assessed_at'),
  scores: db
    .selectFrom('case_assessment_score as s')
    .innerJoin('case_assessment as a', 'a.id', 's.assessment_id')
    .select(['s.assessment_id', 's.participant_label', 's.participant_type', 's.score'])
    .where('a.case_id', '=', caseId)
    .orderBy('s.assessment_id')
    .orderBy('s.position'),
  actions: db
    .selectFrom('case_action as ac')
    .innerJoin('app_user', 'app_user.id', 'ac.owner_user_id')
    .select([
      'ac.id',
      'ac.assessment_id',
      'ac.description',
      'app_user.display_name',
      'ac.due_on',
      'ac.status',
    ])
    .where('ac.case_id', '=', caseId)
    .orderBy('ac.assessment_id')
    .orderBy('ac.position'),
  notes: db
    .selectFrom('case_note as n')
    .innerJoin('organisation', 'organisation.id', 'n.organisation_id')
    .innerJoin('app_user', 'app_user.id', 'n.author_user_id')
    .select([
      'n.id',
      'n.category',
      'n.organisation_id',
      'organisation.name as organisation_name',
      'app_user.display_name',
      'n.body',
      'n.created_at',
    ])
    .where('n.case_id', '=', caseId)
    .orderBy('n.created_at'),
});

/**
 * Everything the case page shows of one case — members, active team, reports, phase history,
 * assessments with scores and actions, notes, safety-plan versions — in ONE statement: each part
 * is aggregated to a JSON array (its own ORDER BY kept), instead of ten round trips.
 */
export async function loadCasePage(db: Db, caseId: string) {
  const q = caseDetailQueries(db, caseId);
  const row = await db
    .selectNoFrom([
      jsonArrayFrom(caseMembersQuery(db, caseId)).as('members'),
      jsonArrayFrom(activeTeamQuery(db, caseId)).as('team'),
      jsonArrayFrom(q.reports).as('reports'),
      jsonArrayFrom(q.phaseHistory).as('phaseHistory'),
      jsonArrayFrom(q.assessments).as('assessments'),
      jsonArrayFrom(q.scores).as('scores'),
      jsonArrayFrom(q.actions).as('actions'),
      jsonArrayFrom(q.notes).as('notes'),
      jsonArrayFrom(safetyPlanVersionsQuery(db, caseId)).as('planVersions'),
    ])
    .executeTakeFirstOrThrow();
  // Instants come back from JSON as ISO 8601 text with the offset; dates stay yyyy-mm-dd text.
  const instant = (value: string) => new Date(value);
  return {
    members: row.members,
    team: row.team.map((m) => ({ ...m, joined_at: instant(m.joined_at) })),
    parts: {
      reports: row.reports.map((r) => ({
        ...r,
        received_at: instant(r.received_at),
        attached_at: instant(r.attached_at),
      })),
      phaseHistory: row.phaseHistory.map((p) => ({ ...p, changed_at: instant(p.changed_at) })),
      assessments: row.assessments.map((a) => ({ ...a, assessed_at: instant(a.assessed_at) })),
      scores: row.scores,
      actions: row.actions,
      notes: row.notes.map((n) => ({ ...n, created_at: instant(n.created_at) })),
    },
    planVersions: row.planVersions.map((v) => ({ ...v, changed_at: instant(v.changed_at) })),
  };
}

export async function findLatestAssessment(db: Db, caseId: string) {
  return db
    .selectFrom('case_assessment')
    .select(['min_score', 'assessed_at'])
    .where('case_id', '=', caseId)
    .orderBy('assessed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Cases where the user is an active team member for this organisation, with the latest score. */
export async function listTeamCases(db: Db, userId: string, organisationId: string, limit: number) {
  return db
    .selectFrom('household_case')
    .innerJoin('case_team_member as tm', 'tm.case_id', 'household_case.id')
    .innerJoin('municipality', 'municipality.cbs_code', 'household_case.municipality_code')
    .innerJoin('app_user as coordinator', 'coordinator.id', 'household_case.coordinator_user_id')
    .select([
      'household_case.id',
      'household_case.reference',
      'municipality.name as municipality_name',
      'household_case.phase',
      'coordinator.display_name as coordinator_name',
      'household_case.opened_at',
      'tm.case_role',
    ])
    .select((eb) => [
      eb
        .selectFrom('case_member')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('case_member.case_id', '=', 'household_case.id')
        .as('member_count'),
      eb
        .selectFrom('case_assessment')
        .select('case_assessment.min_score')
        .whereRef('case_assessment.case_id', '=', 'household_case.id')
        .orderBy('case_assessment.assessed_at', 'desc')
        .limit(1)
        .as('last_score'),
      eb
        .selectFrom('case_assessment')
        .select('case_assessment.assessed_at')
        .whereRef('case_assessment.case_id', '=', 'household_case.id')
        .orderBy('case_assessment.assessed_at', 'desc')
        .limit(1)
        .as('last_assessed_at'),
    ])
    .where('tm.user_id', '=', userId)
    .where('tm.organisation_id', '=', organisationId)
    .where('tm.left_at', 'is', null)
    .orderBy('household_case.opened_at', 'desc')
    .limit(limit)
    .execute();
}

const CLIENT_ROLES = ['professional', 'coordinator', 'vt_intake', 'team_lead'];

/** Active users with a client-work role in an organisation of the region; the pool a team is built from. */
export async function listRegionProfessionals(db: Db, regionId: number) {
  return db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select([
      'app_user.id as user_id',
      'app_user.display_name',
      'organisation.id as organisation_id',
      'organisation.name as organisation_name',
      'organisation.type as organisation_type',
    ])
    .distinct()
    .where('organisation.region_id', '=', regionId)
    .where('membership.role', 'in', CLIENT_ROLES)
    .where('app_user.active', '=', true)
    .orderBy('organisation.name')
    .orderBy('app_user.display_name')
    .execute();
}

/** The organisation (of the region) in which a user works with clients; for a given one, or the first. */
export async function findClientMembership(
  db: Db,
  userId: string,
  regionId: number,
  organisationId?: string,
) {
  let query = db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(['organisation.id as organisation_id'])
    .where('membership.user_id', '=', userId)
    .where('organisation.region_id', '=', regionId)
    .where('membership.role', 'in', CLIENT_ROLES)
    .where('app_user.active', '=', true);
  if (organisationId) query = query.where('organisation.id', '=', organisationId);
  return query.orderBy('organisation.name').executeTakeFirst();
}

const safetyPlanVersionsQuery = (db: Db, caseId: string) =>
  db
    .selectFrom('case_safety_plan_version as v')
    .innerJoin('app_user', 'app_user.id', 'v.changed_by_user_id')
    .innerJoin('organisation', 'organisation.id', 'v.organisation_id')
    .select([
      'v.version',
      'v.status',
      'v.conditions',
      'v.agreements',
      'v.if_it_goes_wrong',
      'v.change_note',
      'v.changed_at',
      'app_user.display_name',
      'organisation.name as organisation_name',
    ])
    .where('v.case_id', '=', caseId)
    .orderBy('v.version');

export async function loadSafetyPlanVersions(db: Db, caseId: string) {
  return safetyPlanVersionsQuery(db, caseId).execute();
}

/** Whether the current (latest) version of the case's safety plan is agreed. */
export async function hasAgreedSafetyPlan(db: Db, caseId: string) {
  const latest = await db
    .selectFrom('case_safety_plan_version')
    .select('status')
    .where('case_id', '=', caseId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest?.status === 'agreed';
}

export async function loadUserNames(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

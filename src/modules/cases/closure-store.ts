import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type HouseholdPerson, isSameHouseholdMember } from '../../domain/casework/household-match.ts';
import {
  type MonitoringMomentStatus,
  type MonitoringScheduleConfig,
  monitoringMomentStatus,
  planMonitoringMoments,
} from '../../domain/casework/monitoring-schedule.ts';
import {
  caseInvolvementPeriods,
  type EarlierInvolvement,
  type EarlierReport,
  involvementOfEarlierReports,
} from '../../domain/casework/report-classification.ts';

type Db = Kysely<DB> | Transaction<DB>;

// ---- monitoring -------------------------------------------------------------------------------

/** Plans one round of monitoring moments for a case entering monitoring now. */
export async function planMonitoringRound(
  db: Db,
  caseId: string,
  enteredAt: Date,
  config: MonitoringScheduleConfig,
) {
  const moments = planMonitoringMoments(enteredAt, config);
  if (moments.length === 0) return 0;
  await db
    .insertInto('case_monitoring_moment')
    .values(
      moments.map((m) => ({
        case_id: caseId,
        round_started_at: enteredAt,
        months_after: m.monthsAfter,
        due_on: m.dueOn,
        window_starts_at: m.windowStartsAt,
        due_at: m.dueAt,
      })),
    )
    .execute();
  return moments.length;
}

/** The case leaves monitoring: what was not done by now is cancelled, not overdue. */
export async function endMonitoringRound(db: Db, caseId: string, at: Date) {
  await db
    .updateTable('case_monitoring_moment')
    .set({ ended_at: at })
    .where('case_id', '=', caseId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function loadMonitoring(db: Db, caseId: string) {
  const [moments, contacts] = await Promise.all([
    db
      .selectFrom('case_monitoring_moment')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('round_started_at')
      .orderBy('months_after')
      .execute(),
    db
      .selectFrom('case_monitoring_contact as c')
      .innerJoin('app_user', 'app_user.id', 'c.recorded_by_user_id')
      .innerJoin('organisation', 'organisation.id', 'c.organisation_id')
      .select([
        'c.id',
        'c.moment_id',
        'c.contacted_at',
        'c.contact_with',
        'c.outcome',
        'c.score',
        'c.note',
        'app_user.display_name',
        'organisation.name as organisation_name',
      ])
      .where('c.case_id', '=', caseId)
      .orderBy('c.contacted_at')
      .execute(),
  ]);
  return { moments, contacts };
}

export async function findMoment(db: Db, caseId: string, momentId: string) {
  return db
    .selectFrom('case_monitoring_moment')
    .selectAll()
    .where('id', '=', momentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export interface MonitoringDue {
  momentId: string;
  caseId: string;
  caseReference: string;
  monthsAfter: number;
  dueOn: string;
  windowStartsAt: Date;
  dueAt: Date;
  status: MonitoringMomentStatus;
}

/**
 * Monitoring moments due in [from, to] (by their due moment, the end of their date) that are not
 * done and whose round has not ended, on cases where the user is coordinator or an active team
 * member for this organisation; earliest first. Use `from` far back to include overdue ones.
 * Status is computed at `now` (default: `to`). This reads no personal data beyond the case
 * reference; the caller audits the list it shows.
 */
export async function listMonitoringDue(
  db: Db,
  params: { userId: string; organisationId: string; from: Date; to: Date; now?: Date },
): Promise<MonitoringDue[]> {
  const rows = await db
    .selectFrom('case_monitoring_moment as m')
    .innerJoin('household_case as hc', 'hc.id', 'm.case_id')
    .select([
      'm.id',
      'm.case_id',
      'hc.reference',
      'm.months_after',
      'm.due_on',
      'm.window_starts_at',
      'm.due_at',
    ])
    // Driven from the user's cases (a handful, by index), not from every open moment in the region.
    .where('m.case_id', 'in', (eb) =>
      eb
        .selectFrom('case_team_member as tm')
        .select('tm.case_id')
        .where('tm.user_id', '=', params.userId)
        .where('tm.organisation_id', '=', params.organisationId)
        .where('tm.left_at', 'is', null)
        .union(
          eb
            .selectFrom('household_case as coordinated')
            .select('coordinated.id as case_id')
            .where('coordinated.coordinator_user_id', '=', params.userId)
            .where('coordinated.coordinator_organisation_id', '=', params.organisationId)
            .where('coordinated.phase', '=', 'monitoring'),
        ),
    )
    .where('m.ended_at', 'is', null)
    .where('m.due_at', '>=', params.from)
    .where('m.due_at', '<=', params.to)
    .where('hc.phase', '=', 'monitoring')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_monitoring_contact as c').select('c.id').whereRef('c.moment_id', '=', 'm.id'),
        ),
      ),
    )
    .orderBy('m.due_at')
    .orderBy('m.id')
    .execute();
  const now = params.now ?? params.to;
  return rows.map((r) => ({
    momentId: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    monthsAfter: r.months_after,
    dueOn: r.due_on,
    windowStartsAt: r.window_starts_at,
    dueAt: r.due_at,
    status: monitoringMomentStatus({ windowStartsAt: r.window_starts_at, dueAt: r.due_at }, null, null, now),
  }));
}

// ---- closure and reopening --------------------------------------------------------------------

export async function listClosures(db: Db, caseId: string) {
  return db
    .selectFrom('case_closure as c')
    .innerJoin('app_user', 'app_user.id', 'c.closed_by_user_id')
    .innerJoin('organisation', 'organisation.id', 'c.organisation_id')
    .leftJoin('case_reopening as r', 'r.closure_id', 'c.id')
    .leftJoin('app_user as ru', 'ru.id', 'r.reopened_by_user_id')
    .select([
      'c.id',
      'c.reason_code',
      'c.explanation',
      'c.closed_at',
      'c.letter_subject',
      'c.letter_paragraphs',
      'c.letter_protected_passages',
      'app_user.display_name',
      'organisation.name as organisation_name',
      'r.reason as reopen_reason',
      'r.to_phase as reopen_to_phase',
      'r.reopened_at',
      'ru.display_name as reopened_by',
    ])
    .where('c.case_id', '=', caseId)
    .orderBy('c.closed_at')
    .orderBy('c.id')
    .execute();
}

/** The closure a reopening undoes: the latest one not reopened yet. */
export async function findOpenClosure(db: Db, caseId: string) {
  return db
    .selectFrom('case_closure as c')
    .select(['c.id'])
    .where('c.case_id', '=', caseId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_reopening as r').select('r.id').whereRef('r.closure_id', '=', 'c.id'))),
    )
    .orderBy('c.closed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Phase changes of cases reduced to open/closed, for their periods of involvement. */
export async function loadCasePeriods(db: Db, caseIds: readonly string[]) {
  const result = new Map<string, EarlierInvolvement[]>();
  if (caseIds.length === 0) return result;
  const [cases, changes] = await Promise.all([
    db.selectFrom('household_case').select(['id', 'opened_at']).where('id', 'in', caseIds).execute(),
    db
      .selectFrom('case_phase_change')
      .select(['case_id', 'to_phase', 'changed_at'])
      .where('case_id', 'in', caseIds)
      .where('from_phase', 'is not', null)
      .orderBy('changed_at')
      .orderBy('id')
      .execute(),
  ]);
  for (const c of cases) {
    const own = changes
      .filter((ch) => ch.case_id === c.id)
      .map((ch) => ({ at: ch.changed_at, closed: ch.to_phase === 'closed' }));
    result.set(c.id, caseInvolvementPeriods(c.opened_at, own));
  }
  return result;
}

/**
 * For the radar's classification: the involvement that earlier reports of the same people stand
 * for, with the periods of the household cases they were attached to (issue 3 §11).
 */
export async function loadInvolvementOfReports(
  db: Db,
  reports: readonly { reportId: string; receivedAt: Date; involvementEndedAt: Date | null }[],
): Promise<EarlierInvolvement[]> {
  if (reports.length === 0) return [];
  const links = await db
    .selectFrom('case_report')
    .select(['report_id', 'case_id', 'attached_at'])
    .where(
      'report_id',
      'in',
      reports.map((r) => r.reportId),
    )
    .execute();
  const periods = await loadCasePeriods(db, [...new Set(links.map((l) => l.case_id))]);
  const earlier: EarlierReport[] = reports.map((r) => {
    const link = links.find((l) => l.report_id === r.reportId);
    return {
      receivedAt: r.receivedAt,
      involvementEndedAt: r.involvementEndedAt,
      inCase: link ? { attachedAt: link.attached_at, periods: periods.get(link.case_id) ?? [] } : null,
    };
  });
  return involvementOfEarlierReports(earlier);
}

/**
 * Reports about members of this case (certain household match) received while the case was
 * closed, with the members they concern and the case they are in now, if any. Candidates come by
 * index (BSN hash, date of birth) and are matched in process like case opening does.
 */
export async function findReportsWhileClosed(
  db: Db,
  members: readonly (HouseholdPerson & { id: string })[],
  periods: readonly EarlierInvolvement[],
) {
  const firstClose = periods.find((p) => p.caseClosedAt !== null)?.caseClosedAt;
  if (!firstClose || members.length === 0) return [];
  const hashes = members.flatMap((m) => (m.bsnHash ? [m.bsnHash] : []));
  const births = [...new Set(members.map((m) => m.dateOfBirth))];
  const candidates = await db
    .selectFrom('report_person as rp')
    .innerJoin('report as r', 'r.id', 'rp.report_id')
    .leftJoin('case_report as cr', 'cr.report_id', 'r.id')
    .leftJoin('household_case as hc', 'hc.id', 'cr.case_id')
    .select([
      'r.id',
      'r.reference',
      'r.received_at',
      'rp.full_name',
      'rp.date_of_birth',
      'rp.bsn_hash',
      'cr.case_id',
      'cr.attached_at',
      'hc.reference as case_reference',
    ])
    .where('r.received_at', '>=', firstClose)
    .where((eb) =>
      eb.or([
        ...(hashes.length > 0 ? [eb('rp.bsn_hash', 'in', hashes)] : []),
        eb('rp.date_of_birth', 'in', births),
      ]),
    )
    .orderBy('r.received_at')
    .orderBy('r.id')
    .execute();
  const inGap = (at: Date) => {
    const t = at.getTime();
    return !periods.some(
      (p) => p.caseOpenedAt.getTime() < t && (p.caseClosedAt === null || p.caseClosedAt.getTime() > t),
    );
  };
  const found = new Map<
    string,
    {
      reportId: string;
      reference: string;
      receivedAt: Date;
      concerns: Set<string>;
      caseId: string | null;
      caseReference: string | null;
      attachedAt: Date | null;
    }
  >();
  for (const c of candidates) {
    if (!inGap(c.received_at)) continue;
    const person = { bsnHash: c.bsn_hash, fullName: c.full_name, dateOfBirth: c.date_of_birth };
    const matched = members.filter((m) => isSameHouseholdMember(person, m));
    if (matched.length === 0) continue;
    const entry = found.get(c.id) ?? {
      reportId: c.id,
      reference: c.reference,
      receivedAt: c.received_at,
      concerns: new Set<string>(),
      caseId: c.case_id,
      caseReference: c.case_reference,
      attachedAt: c.attached_at,
    };
    for (const m of matched) entry.concerns.add(m.fullName);
    found.set(c.id, entry);
  }
  return [...found.values()];
}

/** The most recently closed case of this household (certain match), if any. */
export async function findClosedCaseOfHousehold(db: Db, persons: readonly HouseholdPerson[]) {
  if (persons.length === 0) return undefined;
  const hashes = persons.flatMap((p) => (p.bsnHash ? [p.bsnHash] : []));
  const candidates = await db
    .selectFrom('case_member')
    .innerJoin('household_case', 'household_case.id', 'case_member.case_id')
    .select([
      'household_case.id as case_id',
      'household_case.reference',
      'household_case.closed_at',
      'case_member.full_name',
      'case_member.date_of_birth',
      'case_member.bsn_hash',
    ])
    .where('household_case.phase', '=', 'closed')
    .where((eb) =>
      eb.or([
        ...(hashes.length > 0 ? [eb('case_member.bsn_hash', 'in', hashes)] : []),
        eb(
          'case_member.date_of_birth',
          'in',
          persons.map((p) => p.dateOfBirth),
        ),
      ]),
    )
    .orderBy('household_case.closed_at', 'desc')
    .orderBy('household_case.id')
    .execute();
  return candidates.find((c) =>
    persons.some((p) =>
      isSameHouseholdMember(p, { bsnHash: c.bsn_hash, fullName: c.full_name, dateOfBirth: c.date_of_birth }),
    ),
  );
}

export async function loadSuccession(db: Db, caseId: string) {
  const [previous, next] = await Promise.all([
    db
      .selectFrom('case_succession as s')
      .innerJoin('household_case as hc', 'hc.id', 's.previous_case_id')
      .select(['hc.id', 'hc.reference'])
      .where('s.case_id', '=', caseId)
      .executeTakeFirst(),
    db
      .selectFrom('case_succession as s')
      .innerJoin('household_case as hc', 'hc.id', 's.case_id')
      .select(['hc.id', 'hc.reference'])
      .where('s.previous_case_id', '=', caseId)
      .orderBy('s.linked_at')
      .execute(),
  ]);
  return { previous, next };
}

/** The reporters of the case's reports, as stored; the service opens resident identities. */
export async function loadCaseReporters(db: Db, caseId: string) {
  return db
    .selectFrom('case_report')
    .innerJoin('report', 'report.id', 'case_report.report_id')
    .leftJoin('organisation', 'organisation.id', 'report.created_by_organisation_id')
    .leftJoin('app_user', 'app_user.id', 'report.created_by_user_id')
    .select([
      'report.reporter_identity_encrypted',
      'organisation.name as organisation_name',
      'app_user.display_name as author_name',
    ])
    .where('case_report.case_id', '=', caseId)
    .execute();
}

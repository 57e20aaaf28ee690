import { VIOLENCE_KIND_LIST_VERSION } from '../../../domain/violence-kind.ts';
import type { Keys } from '../../../security/keys.ts';
import { seal } from '../../../security/secret-box.ts';
import { sealResidentIdentity } from '../../intake/reporter-identity.ts';
import type { BulkWriter } from './bulk-writer.ts';
import { type Calendar, DAY, HOUR } from './calendar.ts';
import { CALIBRATION, REPORT_VIOLENCE_KINDS } from './calibration.ts';
import { type CaseTeamPools, SyntheticCase } from './case-planner.ts';
import { IdSource, syntheticReference } from './ids.ts';
import { type CaseIncident, MeasureSteering } from './measure-steering.ts';
import { MERGED_INTO } from './municipality-weights.ts';
import { buildHouseholdPersons, householdKindFor, type SyntheticPerson, syntheticContact } from './people.ts';
import { Random } from './random.ts';
import type { PlannedOrganisation, RegionPlan } from './region-plan.ts';
import type { OrganisationStaff, StaffMember } from './staff.ts';
import {
  ADVICE_ANSWER,
  ADVICE_QUESTIONS,
  INVESTIGATION_CONCLUSION,
  REPORT_DESCRIPTIONS,
  ROUTE_REASONS,
} from './texts.ts';

/**
 * Simulates one Veilig Thuis region over the period, report by report in time order, so that
 * households come back as Kring and CBS count it: a re-report (hermelding) only when all earlier
 * involvement with the household — Veilig Thuis' own and any household case — has ended; a follow-
 * up report (vervolgmelding) while it goes on. The target shares (re-reports near 38–40%, follow-ups
 * 28.5%) are kept by steering each draw towards the target, since the first weeks have no history.
 * Restraining orders, crisis care and shelter stays start at reports that reach a household case,
 * steered the same way towards the region's yearly figures (measure-steering.ts), with their own
 * random stream so they leave the reports as they were.
 */
export interface SimulationContext {
  seed: string;
  fraction: number;
  calendar: Calendar;
  keys: Keys;
  writer: BulkWriter;
  staff: Map<string, OrganisationStaff>;
  onProgress: (rows: number) => void;
}

interface Household {
  tag: string;
  municipality: string;
  kinds: string[];
  persons: SyntheticPerson[];
  firstSeen: number;
  reportsEnd: number;
  casesEnd: number;
  openCase: SyntheticCase | null;
}

type Reporter = 'police' | 'municipality' | 'care' | 'youth' | 'resident';

const ROUTE_WEIGHTS = [
  ['handover_local_team', 0.34],
  ['handover_existing_help', 0.15],
  ['end_of_involvement', 0.17],
  ['investigation', CALIBRATION.investigationShare],
  ['conditions_and_follow_up', 0.13],
  ['multi_agency_table', 0.05],
  ['child_protection_request', 0.04],
] as const;
const ACUTE_ROUTES = [
  ['investigation', 0.4],
  ['conditions_and_follow_up', 0.45],
  ['child_protection_request', 0.15],
] as const;
const INTO_CASEWORK = new Set(['handover_local_team', 'conditions_and_follow_up', 'multi_agency_table']);

export interface RegionCounts {
  reports: number;
  reReports: number;
  followUps: number;
  policeReports: number;
  adviceRequests: number;
  households: number;
  cases: number;
}

export function plannedVolume(plan: RegionPlan, calendar: Calendar, fraction: number) {
  let reports = 0;
  let advice = 0;
  for (const year of calendar.years) {
    reports += plan.reportsPerYear * fraction * calendar.yearShare(year);
    advice +=
      plan.adviceRequestsPerYear * fraction * calendar.yearShare(year) * adviceTrend(plan, calendar, year);
  }
  return { reports, advice };
}

function adviceTrend(plan: RegionPlan, calendar: Calendar, year: number): number {
  const years = calendar.years;
  const reference = plan.referenceYear ?? years[Math.floor(years.length / 2)] ?? year;
  return (1 + CALIBRATION.adviceGrowthPerYear) ** (year - reference);
}

/** Municipalities and their share of the region in a year (after mergers). */
function municipalityShares(plan: RegionPlan, year: number): [string, number][] {
  const weights = new Map<string, number>();
  for (const m of plan.municipalities) {
    const merged = MERGED_INTO[m.code];
    const code =
      merged && year >= merged.from && plan.municipalities.some((x) => x.code === merged.into)
        ? merged.into
        : m.code;
    weights.set(code, (weights.get(code) ?? 0) + m.inhabitants);
  }
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  return [...weights.entries()].map(([code, w]) => [code, w / total]);
}

export async function simulateRegion(plan: RegionPlan, ctx: SimulationContext): Promise<RegionCounts> {
  const { calendar, writer, keys } = ctx;
  const rng = new Random(ctx.seed, `reports:${plan.code}`);
  const ids = new IdSource(plan.index);
  const end = calendar.end;
  const orgs = new Organisations(plan, ctx.staff);
  const measureRng = new Random(ctx.seed, `measures:${plan.code}`);
  const steering = new MeasureSteering(plan, ctx.fraction, calendar);
  const organisationTypes = new Map(plan.organisations.map((o) => [o.id, o.type]));
  const incidentOf = (
    report: Awaited<ReturnType<typeof writeReport>>,
    knownAt: number,
    kinds: readonly string[],
  ): CaseIncident => ({
    receivedAt: report.receivedAt,
    knownAt,
    police: report.police,
    acute: report.acute,
    acuteUnsafety: report.acuteUnsafety === true,
    kinds,
  });
  const counts: RegionCounts = {
    reports: 0,
    reReports: 0,
    followUps: 0,
    policeReports: 0,
    adviceRequests: 0,
    households: 0,
    cases: 0,
  };

  counts.adviceRequests = await writeAdviceRequests(plan, ctx, orgs, ids);

  const arrivals: { at: number; municipality: string }[] = [];
  for (const year of calendar.years) {
    for (const [municipality, share] of municipalityShares(plan, year)) {
      const n = rng.count(plan.reportsPerYear * ctx.fraction * calendar.yearShare(year) * share);
      for (let i = 0; i < n; i++) {
        const day = calendar.days[calendar.sampleDay(year, rng)];
        if (!day) continue;
        arrivals.push({ at: day.start + rng.between(7, 21) * HOUR, municipality });
      }
    }
  }
  arrivals.sort((a, b) => a.at - b.at);

  const households: Household[] = [];
  const openCases: SyntheticCase[] = [];
  let nextSweep = calendar.start + 30 * DAY;
  const busyUntil = (h: Household) =>
    Math.max(h.reportsEnd, h.casesEnd, h.openCase ? (h.openCase.closedAt ?? Number.POSITIVE_INFINITY) : 0);
  const findHousehold = (at: number, want: 're' | 'follow') => {
    const n = households.length;
    for (let attempt = 0; attempt < 32 && n > 0; attempt++) {
      const h = households[n - 1 - Math.floor(n * rng.next() ** 2.5)];
      if (!h || h.firstSeen >= at) continue;
      const busy = busyUntil(h);
      if (want === 're' ? busy < at : busy > at) return h;
    }
    return undefined;
  };
  const sweep = async (at: number) => {
    let kept = 0;
    for (const c of openCases) {
      if (c.closedAt !== null && c.closedAt < at) await c.write(writer, end);
      else openCases[kept++] = c;
    }
    openCases.length = kept;
  };

  for (const arrival of arrivals) {
    const t = arrival.at;
    if (t >= nextSweep) {
      await sweep(t);
      nextSweep = t + 30 * DAY;
    }
    const n = counts.reports + 1;
    const steer = (target: number, done: number) =>
      Math.max(0, Math.min(0.95, target + (target * n - done) / 50));
    let pRe = steer(plan.reReportRate, counts.reReports);
    let pFollow = steer(CALIBRATION.followUpRate, counts.followUps);
    if (pRe + pFollow > 0.98) {
      const scale = 0.98 / (pRe + pFollow);
      pRe *= scale;
      pFollow *= scale;
    }
    const u = rng.next();
    let household: Household | undefined;
    if (u < pRe + pFollow) {
      // Try the drawn kind first; when no household qualifies, the other kind if it is behind target.
      const order: ('re' | 'follow')[] = u < pRe ? ['re', 'follow'] : ['follow', 're'];
      for (const [i, want] of order.entries()) {
        const behind = want === 're' ? pRe > plan.reReportRate : pFollow > CALIBRATION.followUpRate;
        if (i > 0 && !behind) break;
        household = findHousehold(t, want);
        if (household) {
          if (want === 're') counts.reReports++;
          else counts.followUps++;
          break;
        }
      }
    }
    const kinds = household && rng.chance(0.75) ? household.kinds : drawViolenceKinds(rng);
    if (!household) {
      const tag = `${plan.index.toString(36)}${(households.length + 1).toString(36)}`;
      household = {
        tag,
        municipality: arrival.municipality,
        kinds,
        persons: buildHouseholdPersons(householdKindFor(kinds), tag, t, keys.matching, rng),
        firstSeen: t,
        reportsEnd: 0,
        casesEnd: 0,
        openCase: null,
      };
      households.push(household);
      counts.households++;
    }
    counts.reports++;
    const report = await writeReport(plan, ctx, orgs, ids, rng, household, kinds, t);
    if (report.police) counts.policeReports++;
    household.reportsEnd = Math.max(household.reportsEnd, report.involvementEnd);
    if (report.assessedAt !== null) {
      const current = household.openCase;
      if (current?.isOpenAt(report.assessedAt)) {
        // A report received earlier may be assessed after this case opened from a later one.
        const at = Math.max(report.assessedAt, current.openedAt) + rng.between(5, 60) * 60_000;
        if (current.attachFollowUp(report.id, at, report.assessor))
          steering.consider(current, incidentOf(report, at, kinds), measureRng);
      } else if (INTO_CASEWORK.has(report.route ?? '')) {
        if (current) household.casesEnd = Math.max(household.casesEnd, current.closedAt ?? 0);
        const openedAt = report.assessedAt + rng.between(5, 120) * 60_000;
        const created = new SyntheticCase(
          ids.next('householdCase'),
          syntheticReference(
            'C',
            new Date(openedAt).getUTCFullYear(),
            plan.index,
            ids.serial('householdCase'),
          ),
          plan.regionId,
          household.municipality,
          openedAt,
          report.assessorMember,
          household.persons,
          orgs.casePools(
            household.municipality,
            report.route === 'handover_local_team' ? null : orgs.vtStaff,
          ),
          { calendar, rng, ids, end, seed: ctx.seed, escalation: plan.handoverEscalation, organisationTypes },
        );
        created.reports.push({ reportId: report.id, at: openedAt, by: report.assessor });
        steering.consider(created, incidentOf(report, openedAt, kinds), measureRng);
        household.openCase = created;
        openCases.push(created);
        counts.cases++;
      }
    }
    ctx.onProgress(1);
  }
  await sweep(Number.POSITIVE_INFINITY);
  for (const c of openCases) await c.write(writer, end);
  return counts;
}

function drawViolenceKinds(rng: Random): string[] {
  const first = rng.weighted(REPORT_VIOLENCE_KINDS);
  if (!rng.chance(0.1)) return [first];
  const second = rng.weighted(REPORT_VIOLENCE_KINDS);
  return second === first ? [first] : [first, second];
}

/** The region's organisations by what they do, with their synthetic (and demo) staff. */
class Organisations {
  readonly vt: PlannedOrganisation | undefined;
  readonly vtStaff: readonly StaffMember[];
  readonly vtLeads: readonly StaffMember[];
  readonly #pools = new Map<string, CaseTeamPools>();

  constructor(
    readonly plan: RegionPlan,
    readonly staff: Map<string, OrganisationStaff>,
  ) {
    this.vt = plan.organisations.find((o) => o.type === 'veilig_thuis');
    const vtEntry = this.vt ? staff.get(this.vt.id) : undefined;
    this.vtStaff = vtEntry?.intake ?? [];
    this.vtLeads = vtEntry?.leads ?? [];
    if (this.vtStaff.length === 0) throw new Error(`region ${plan.code} has no Veilig Thuis organisation`);
  }

  /** Organisations of these types serving the municipality (any of the region's when none serves it). */
  serving(municipality: string, types: readonly string[]): OrganisationStaff[] {
    const all = [...this.staff.values()].filter(
      (s) => types.includes(s.organisation.type) && s.professionals.length + s.coordinators.length > 0,
    );
    const local = all.filter((s) => s.organisation.serves.has(municipality));
    return local.length > 0 ? local : all;
  }

  local(municipality: string): OrganisationStaff | undefined {
    const teams = this.serving(municipality, ['local_team']).filter((s) =>
      s.organisation.serves.has(municipality),
    );
    return teams[0] ?? this.serving(municipality, ['municipality', 'local_team'])[0];
  }

  casePools(municipality: string, veiligThuis: readonly StaffMember[] | null): CaseTeamPools {
    const key = `${municipality}:${veiligThuis ? 'vt' : ''}`;
    let pools = this.#pools.get(key);
    if (!pools) {
      const local = this.local(municipality);
      const others: { member: StaffMember; role: string }[] = [];
      for (const p of local?.professionals ?? []) others.push({ member: p, role: 'other' });
      const add = (types: readonly string[], role: string) => {
        for (const s of this.serving(municipality, types))
          for (const p of s.professionals) others.push({ member: p, role });
      };
      add(['police'], 'safety_partner');
      add(['care_provider', 'shelter'], 'care_provider');
      add(['certified_institution', 'child_protection_board'], 'youth_protection');
      for (const p of veiligThuis ?? []) others.push({ member: p, role: 'case_manager' });
      const coordinators = local?.coordinators.length ? local.coordinators : this.vtStaff;
      // Veilig Thuis coordinates the cases it keeps following until it hands them to the local team.
      const handoverTo =
        veiligThuis && local?.coordinators.length ? { organisationId: local.organisation.id } : null;
      pools = { coordinators, others, veiligThuis: this.vtStaff, handoverTo };
      this.#pools.set(key, pools);
    }
    return pools;
  }
}

async function writeReport(
  plan: RegionPlan,
  ctx: SimulationContext,
  orgs: Organisations,
  ids: IdSource,
  rng: Random,
  household: Household,
  kinds: readonly string[],
  receivedAt: number,
) {
  const { calendar } = ctx;
  const end = calendar.end;
  const municipality = household.municipality;
  const reporter: Reporter = rng.chance(plan.policeShare)
    ? 'police'
    : rng.weighted([
        ['municipality', 0.28],
        ['care', 0.27],
        ['youth', 0.17],
        ['resident', 0.28],
      ] as const);
  const types: Record<Exclude<Reporter, 'resident'>, string[]> = {
    police: ['police'],
    municipality: ['local_team', 'municipality'],
    care: ['care_provider', 'shelter'],
    youth: ['certified_institution', 'child_protection_board'],
  };
  let creator: StaffMember | null = null;
  if (reporter !== 'resident') {
    const candidates = orgs.serving(municipality, types[reporter]);
    const org = candidates.length > 0 ? rng.pick(candidates) : undefined;
    const pool = org ? [...org.professionals, ...org.coordinators] : [];
    creator = pool.length > 0 ? rng.pick(pool) : rng.pick(orgs.vtStaff);
  }
  const id = ids.next('report');
  const serial = ids.serial('report');
  const acute = rng.chance(reporter === 'police' ? 0.1 : 0.06);
  const due = calendar.assessmentDue(receivedAt, acute);
  let assessedAt: number | null;
  if (acute) assessedAt = receivedAt + rng.between(0.3, 6) * HOUR;
  else if (rng.chance(CALIBRATION.assessmentOnTimeShare))
    assessedAt = calendar.toOfficeHours(receivedAt + rng.between(0.05, 0.95) * (due - receivedAt), rng);
  else assessedAt = calendar.toOfficeHours(due + rng.logNormal(4, 0.8) * DAY, rng);
  if (assessedAt >= end) assessedAt = null;
  const assessorMember = rng.pick(
    rng.chance(0.9) ? orgs.vtStaff : orgs.vtLeads.length ? orgs.vtLeads : orgs.vtStaff,
  );
  const assessor = assessorMember.userId;

  let route: string | null = null;
  let acuteUnsafety: boolean | null = null;
  let structuralUnsafety: boolean | null = null;
  let investigation: { startBy: number; concludeBy: number } | null = null;
  let concludedAt: number | null = null;
  let outcome: string | null = null;
  let involvementEnd = Number.POSITIVE_INFINITY;
  if (assessedAt !== null) {
    acuteUnsafety = rng.chance(acute ? 0.7 : 0.05);
    structuralUnsafety = rng.chance(0.35);
    if (acuteUnsafety) route = rng.weighted(ACUTE_ROUTES);
    else
      route = rng.weighted(
        structuralUnsafety ? ROUTE_WEIGHTS.filter(([r]) => r !== 'end_of_involvement') : ROUTE_WEIGHTS,
      );
    let ended: number;
    switch (route) {
      case 'investigation': {
        investigation = calendar.investigationDeadlines(assessedAt);
        const took = rng.chance(CALIBRATION.investigationOnTimeShare)
          ? rng.between(20, 69)
          : 70 + rng.logNormal(14, 0.6);
        concludedAt = calendar.toOfficeHours(assessedAt + took * DAY, rng);
        if (concludedAt >= end) concludedAt = null;
        else
          outcome = rng.weighted([
            ['confirmed', 0.55],
            ['not_confirmed', 0.3],
            ['refuted', 0.15],
          ] as const);
        ended = concludedAt === null ? Number.POSITIVE_INFINITY : concludedAt + rng.between(0, 14) * DAY;
        break;
      }
      case 'child_protection_request':
        ended = assessedAt + rng.between(30, 120) * DAY;
        break;
      case 'conditions_and_follow_up':
        ended = assessedAt + rng.logNormal(270, 0.5) * DAY;
        break;
      case 'multi_agency_table':
        ended = assessedAt + rng.between(60, 365) * DAY;
        break;
      default:
        ended = assessedAt;
    }
    involvementEnd = ended < end ? ended : Number.POSITIVE_INFINITY;
  }
  const informed = (at: number | null) => (at !== null && at < end ? at : null);
  const resident = reporter === 'resident';
  await ctx.writer.add('report', {
    id,
    reference: syntheticReference('M', new Date(receivedAt).getUTCFullYear(), plan.index, serial),
    region_id: plan.regionId,
    municipality_code: municipality,
    created_by_user_id: creator?.userId ?? null,
    created_by_organisation_id: creator?.organisationId ?? null,
    violence_kinds: kinds,
    violence_kind_list_version: VIOLENCE_KIND_LIST_VERSION,
    acute,
    description: REPORT_DESCRIPTIONS[reporter] ?? '',
    received_at: receivedAt,
    assessment_due_at: due,
    status: assessedAt === null ? 'received' : 'assessed',
    assessed_at: assessedAt,
    assessed_by_user_id: assessedAt === null ? null : assessor,
    acute_unsafety: acuteUnsafety,
    structural_unsafety: structuralUnsafety,
    route,
    route_reason: route ? (ROUTE_REASONS[route] ?? null) : null,
    investigation_start_by: investigation?.startBy ?? null,
    investigation_conclude_by: investigation?.concludeBy ?? null,
    involvement_ended_at: Number.isFinite(involvementEnd) ? involvementEnd : null,
    source: reporter === 'police' ? 'police_batch' : resident ? 'public' : 'web',
    external_ref: reporter === 'police' ? `SYN-POL-${plan.index}-${serial}` : null,
    reporter_kind: resident ? 'resident' : 'professional',
    reporter_identity_encrypted: resident
      ? sealResidentIdentity(ctx.keys.encryption, syntheticContact(`${household.tag}m${serial}`, rng))
      : null,
    reporter_anonymous_to_household: resident && rng.chance(0.35),
    investigation_concluded_at: concludedAt,
    investigation_outcome: outcome,
    investigation_conclusion: outcome ? INVESTIGATION_CONCLUSION : null,
    reporter_informed_at: assessedAt === null ? null : informed(assessedAt + rng.between(0.1, 3) * DAY),
    household_informed_at:
      assessedAt === null || !rng.chance(0.85) ? null : informed(assessedAt + rng.between(1, 30) * DAY),
  });
  for (const [position, p] of household.persons.entries()) {
    await ctx.writer.add('report_person', {
      id: ids.next('reportPerson'),
      report_id: id,
      position,
      full_name: p.fullName,
      date_of_birth: p.dateOfBirth,
      role: p.role,
      bsn_hash: p.bsnHash,
    });
  }
  return {
    id,
    police: reporter === 'police',
    receivedAt,
    acute,
    acuteUnsafety,
    assessedAt,
    assessor,
    assessorMember,
    route,
    involvementEnd,
  };
}

const ASKER_ROLES = [
  ['non_professional', 0.36],
  ['health_care', 0.15],
  ['education', 0.12],
  ['youth_care', 0.1],
  ['childcare', 0.05],
  ['justice_security', 0.07],
  ['school_attendance', 0.02],
  ['other_veilig_thuis_region', 0.01],
  ['other_professional', 0.12],
] as const;

async function writeAdviceRequests(
  plan: RegionPlan,
  ctx: SimulationContext,
  orgs: Organisations,
  ids: IdSource,
) {
  const { calendar, writer } = ctx;
  const rng = new Random(ctx.seed, `advice:${plan.code}`);
  const end = calendar.end;
  let written = 0;
  for (const year of calendar.years) {
    const perYear =
      plan.adviceRequestsPerYear *
      ctx.fraction *
      calendar.yearShare(year) *
      adviceTrend(plan, calendar, year);
    for (const [municipality, share] of municipalityShares(plan, year)) {
      const n = rng.count(perYear * share);
      for (let i = 0; i < n; i++) {
        const day = calendar.days[calendar.sampleDay(year, rng)];
        if (!day) continue;
        const channel = rng.weighted([
          ['phone', 0.62],
          ['chat', CALIBRATION.chatShare],
          ['web', 0.12],
          ['public', 0.144],
        ] as const);
        const receivedAt =
          day.start +
          (channel === 'chat' || channel === 'public' ? rng.between(7, 23) : rng.between(8, 18)) * HOUR;
        const askerRole = channel === 'web' ? rng.weighted(ASKER_ROLES.slice(1)) : rng.weighted(ASKER_ROLES);
        const professional = askerRole !== 'non_professional';
        let creator: StaffMember | null = null;
        if (channel === 'phone' || channel === 'chat') creator = rng.pick(orgs.vtStaff);
        if (channel === 'web') {
          const candidates = orgs.serving(municipality, [
            'care_provider',
            'local_team',
            'municipality',
            'shelter',
          ]);
          const org = candidates.length > 0 ? rng.pick(candidates) : undefined;
          const pool = org ? [...org.professionals, ...org.coordinators] : [];
          creator = pool.length > 0 ? rng.pick(pool) : null;
        }
        const anonymous = channel !== 'web' && rng.chance(professional ? 0.1 : 0.45);
        const serial = ids.serial('advice');
        const answered =
          channel === 'phone' || channel === 'chat'
            ? receivedAt + rng.between(5, 60) * 60_000
            : calendar.toOfficeHours(receivedAt + rng.between(0.2, 5) * DAY, rng);
        const isAnswered = answered < end && rng.chance(0.98);
        await writer.add('advice_request', {
          id: ids.next('advice'),
          reference: syntheticReference('A', year, plan.index, serial),
          region_id: plan.regionId,
          municipality_code: municipality,
          channel,
          created_by_user_id: creator?.userId ?? null,
          created_by_organisation_id: creator?.organisationId ?? null,
          asker_role: askerRole,
          asker_function: professional ? 'Synthetische functie' : null,
          asker_organisation: professional ? 'Synthetische organisatie' : null,
          anonymous,
          contact_encrypted:
            anonymous || channel === 'web'
              ? null
              : sealAdviceContact(ctx.keys.encryption, syntheticContact(`a${plan.index}x${serial}`, rng)),
          violence_kinds: drawViolenceKinds(rng),
          violence_kind_list_version: VIOLENCE_KIND_LIST_VERSION,
          violence_duration: rng.weighted([
            ['single_incident', 0.25],
            ['under_6_months', 0.2],
            ['6_months_or_more', 0.3],
            ['unknown', 0.25],
          ] as const),
          question: rng.pick(ADVICE_QUESTIONS),
          received_at: receivedAt,
          status: isAnswered ? 'answered' : 'open',
          answered_at: isAnswered ? answered : null,
          answered_by_user_id: isAnswered ? rng.pick(orgs.vtStaff).userId : null,
          answer: isAnswered ? ADVICE_ANSWER : null,
        });
        written++;
        ctx.onProgress(1);
      }
    }
  }
  return written;
}

/** The advice service keeps the asker's contact as one free text; so do we. */
function sealAdviceContact(key: Buffer, contact: { name: string; phone: string }) {
  return seal(key, `${contact.name}, ${contact.phone}`);
}

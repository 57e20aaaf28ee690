import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeWorkingDayDeadline,
  type EscalationLevel,
  type Handover,
  type HandoverAction,
  type HandoverResolution,
  type HandoverStatus,
  transitionHandover,
} from '../../src/domain/casework/handover.ts';
import {
  allowedAuthorities,
  canRecordMeasure,
  checkMeasureParties,
  DEFAULT_MEASURE_CATEGORY,
  isAdultOn,
  type MeasurePart,
} from '../../src/domain/casework/measure-authority.ts';
import {
  computeEnd,
  computeMaximumEnd,
  extendMeasure,
  type Measure,
  type MeasureKind,
} from '../../src/domain/casework/measure-clock.ts';
import { classifyReport, type EarlierInvolvement } from '../../src/domain/casework/report-classification.ts';
import {
  canRecordSupport,
  DEFAULT_SUPPORT_CATEGORY,
  isPerpetratorRole,
  type SupportKind,
} from '../../src/domain/casework/support.ts';
import type { OrganisationType } from '../../src/domain/organisation-type.ts';
import { resolveRegionAgreements } from '../../src/domain/region-agreements.ts';
import { CLOSURE_REASONS } from '../../src/modules/cases/closure-letter.ts';
import { HANDOVER_RESPONSE_WORKING_DAYS } from '../../src/modules/cases/handover-config.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { Calendar } from '../../src/modules/demo/synthetic/calendar.ts';
import { CALIBRATION } from '../../src/modules/demo/synthetic/calibration.ts';
import { digestSyntheticData } from '../../src/modules/demo/synthetic/digest.ts';
import { type GenerateResult, generateSyntheticData } from '../../src/modules/demo/synthetic/generate.ts';
import { buildSyntheticRegions } from '../../src/modules/demo/synthetic/synthetic-regions.ts';
import type { Deps } from '../../src/modules/deps.ts';
import { keysFromMaster } from '../../src/security/keys.ts';
import { ApiClient, signIn, startTestApp, TEST_KEY, type TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';

// Gelderland-Zuid, 2 years ending 1 January 2026, at 8% of the real volume: small enough to run twice.
const OPTIONS = {
  scale: 'region',
  years: 2,
  seed: 'kring-test',
  until: '2026-01-01',
  fraction: 0.08,
  env: 'test',
} as const;
const GZ_REPORTS_PER_YEAR = 2_839;
const YEAR_2025 = Date.parse('2025-01-01T00:00:00+01:00');
const DAY = 86_400_000;
// Gelderland-Zuid has no order figure of its own: the national rate for ~536,000 inhabitants.
const GZ_ORDERS_PER_YEAR =
  (536_000 * CALIBRATION.nationalRestrainingOrdersPerYear) / CALIBRATION.nationalPopulation;
const GZ_SHELTER_STAYS_PER_YEAR = 67;
const GZ_CRISIS_CARE_PER_YEAR = (536_000 * CALIBRATION.crisisCarePer100k) / 1e5;

const orgTypes = async () =>
  new Map(
    (await t.deps.db.selectFrom('organisation').select(['id', 'type']).execute()).map((o) => [
      o.id,
      o.type as OrganisationType,
    ]),
  );
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

let t: TestApp;
let result: GenerateResult;

beforeAll(async () => {
  t = await startTestApp();
  result = await generateSyntheticData(t.deps, OPTIONS);
});
afterAll(async () => {
  await t?.close();
});

describe('synthetic region generator', () => {
  it('gives the same rows for the same seed in a fresh database, and other rows for another seed', async () => {
    const tables = new Map<string, number>();
    const first = await digestSyntheticData(t.deps.db, (table) =>
      tables.set(table, (tables.get(table) ?? 0) + 1),
    );
    expect(first.rows).toBeGreaterThan(1_000);
    // The casework records insight reads are part of the digest, so a change in them shows.
    for (const table of [
      'case_closure',
      'case_measure',
      'case_measure_member',
      'case_measure_extension',
      'case_handover',
      'case_handover_event',
      'case_support',
    ])
      expect(tables.get(table) ?? 0, table).toBeGreaterThan(0);
    for (const [seed, same] of [
      [OPTIONS.seed, true],
      ['another-seed', false],
    ] as const) {
      const other = await createTestDatabase();
      try {
        const deps: Deps = { db: other.database.db, keys: keysFromMaster(TEST_KEY), now: () => new Date() };
        await seedDemo(deps, 'test');
        await generateSyntheticData(deps, { ...OPTIONS, seed });
        const digest = await digestSyntheticData(deps.db);
        if (same) expect(digest).toEqual(first);
        else expect(digest.digest).not.toBe(first.digest);
      } finally {
        await other.drop();
      }
    }
  });

  it('is calibrated on the seeds: reports a year, police share, re-reports as Kring classifies them', async () => {
    const reports = await t.deps.db
      .selectFrom('report')
      .leftJoin('organisation', 'organisation.id', 'report.created_by_organisation_id')
      .select([
        'report.id',
        'report.received_at',
        'report.involvement_ended_at',
        'report.source',
        'organisation.type as creator_type',
      ])
      .where('report.reference', 'like', 'SYN-%')
      .execute();
    const lastYear = reports.filter((r) => r.received_at.getTime() >= YEAR_2025);
    const expected = GZ_REPORTS_PER_YEAR * OPTIONS.fraction;
    expect(lastYear.length).toBeGreaterThan(expected * 0.8);
    expect(lastYear.length).toBeLessThan(expected * 1.2);

    const police = reports.filter((r) => r.source === 'police_batch' && r.creator_type === 'police').length;
    expect(police / reports.length).toBeGreaterThan(0.63);
    expect(police / reports.length).toBeLessThan(0.77);

    // Re-reports counted from the rows alone with Kring's own rule: a household is the set of people
    // in a report; earlier involvement is each earlier report (until VT's involvement ended) and case.
    const persons = await t.deps.db
      .selectFrom('report_person')
      .select(['report_id', 'full_name', 'date_of_birth'])
      .where('report_id', 'in', (eb) =>
        eb.selectFrom('report').select('id').where('reference', 'like', 'SYN-%'),
      )
      .execute();
    const householdOf = new Map<string, string>();
    for (const p of persons) {
      const key = `${p.full_name}|${p.date_of_birth}`;
      householdOf.set(p.report_id, [householdOf.get(p.report_id), key].filter(Boolean).sort().join(';'));
    }
    const cases = await t.deps.db
      .selectFrom('case_report')
      .innerJoin('household_case', 'household_case.id', 'case_report.case_id')
      .select(['case_report.report_id', 'household_case.opened_at', 'household_case.closed_at'])
      .execute();
    const history = new Map<string, EarlierInvolvement[]>();
    const add = (report: string, involvement: EarlierInvolvement) => {
      const key = householdOf.get(report) ?? report;
      history.set(key, [...(history.get(key) ?? []), involvement]);
    };
    for (const r of reports) add(r.id, { caseOpenedAt: r.received_at, caseClosedAt: r.involvement_ended_at });
    for (const c of cases) add(c.report_id, { caseOpenedAt: c.opened_at, caseClosedAt: c.closed_at });
    const kinds = lastYear.map((r) =>
      classifyReport(history.get(householdOf.get(r.id) ?? '') ?? [], r.received_at),
    );
    const share = (k: string) => kinds.filter((x) => x === k).length / kinds.length;
    expect(share('re_report')).toBeGreaterThan(0.3);
    expect(share('re_report')).toBeLessThan(0.48);
    expect(share('follow_up_report')).toBeGreaterThan(0.15);
    expect(result.totals.reports).toBe(reports.length);
  });

  it('keeps the references and the casework rules intact', async () => {
    const db = t.deps.db;
    // Every report sits in the region whose Veilig Thuis serves its municipality (the intake route).
    const misplaced = await sql<{ n: number }>`
      select count(*)::int as n from report r
      where r.reference like 'SYN-%' and not exists (
        select 1 from organisation o join organisation_municipality om on om.organisation_id = o.id
        where o.type = 'veilig_thuis' and o.region_id = r.region_id and om.cbs_code = r.municipality_code)`.execute(
      db,
    );
    expect(misplaced.rows[0]?.n).toBe(0);
    // Reports attach to cases of the same municipality and are assessed before they are attached.
    const badAttach = await sql<{ n: number }>`
      select count(*)::int as n from case_report cr join report r on r.id = cr.report_id
      join household_case c on c.id = cr.case_id
      where c.reference like 'SYN-%' and (r.municipality_code <> c.municipality_code or cr.attached_at < r.assessed_at)`.execute(
      db,
    );
    expect(badAttach.rows[0]?.n).toBe(0);
    // Phase history is a chain: each change starts where the previous one ended, and the case's phase is the last.
    const cases = await db
      .selectFrom('household_case')
      .select(['id', 'phase', 'closed_at', 'coordinator_user_id'])
      .where('reference', 'like', 'SYN-%')
      .execute();
    expect(cases.length).toBeGreaterThan(20);
    const phases = await db.selectFrom('case_phase_change').selectAll().orderBy('changed_at').execute();
    const assessments = await db.selectFrom('case_assessment').selectAll().execute();
    const team = await db.selectFrom('case_team_member').selectAll().execute();
    let closed = 0;
    for (const c of cases) {
      const chain = phases.filter((p) => p.case_id === c.id);
      expect(chain[0]?.from_phase).toBeNull();
      for (const [i, p] of chain.slice(1).entries()) expect(p.from_phase).toBe(chain[i]?.to_phase);
      expect(chain[chain.length - 1]?.to_phase).toBe(c.phase);
      expect(c.phase === 'closed').toBe(c.closed_at !== null);
      expect(
        team.some(
          (m) => m.case_id === c.id && m.user_id === c.coordinator_user_id && m.case_role === 'coordinator',
        ),
      ).toBe(true);
      if (c.closed_at) {
        closed++;
        // Closing needs an assessment of at most 30 days old whose lowest score is at least 7.
        const last = assessments
          .filter((a) => a.case_id === c.id && a.assessed_at <= (c.closed_at as Date))
          .sort((a, b) => b.assessed_at.getTime() - a.assessed_at.getTime())[0];
        expect(last?.min_score).toBeGreaterThanOrEqual(7);
        expect((c.closed_at.getTime() - (last?.assessed_at.getTime() ?? 0)) / 86_400_000).toBeLessThanOrEqual(
          30,
        );
      }
    }
    expect(closed).toBeGreaterThan(0);
    // Scores rise as cases progress: the first assessment of closed cases scores lower than the last.
    const firstAndLast = cases
      .filter((c) => c.closed_at)
      .map((c) =>
        assessments
          .filter((a) => a.case_id === c.id)
          .sort((a, b) => a.assessed_at.getTime() - b.assessed_at.getTime()),
      );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(firstAndLast.map((a) => a[0]?.median_score ?? 0))).toBeLessThan(
      mean(firstAndLast.map((a) => a[a.length - 1]?.median_score ?? 0)) - 2,
    );
  });

  it('makes nothing that looks real: no BSN, invented names, SYN- references, accounts that cannot sign in', async () => {
    const db = t.deps.db;
    const withBsn = await sql<{ n: number }>`
      select (select count(*) from report_person where bsn_encrypted is not null)
           + (select count(*) from case_member where bsn_encrypted is not null) as n`.execute(db);
    expect(Number(withBsn.rows[0]?.n)).toBe(0);
    const names = await db.selectFrom('report_person').select('full_name').execute();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.full_name).toMatch(/-syn[0-9a-z]+b?$/);
    const references = await sql<{ reference: string }>`
      select reference from report union all select reference from advice_request
      union all select reference from household_case`.execute(db);
    for (const r of references.rows) expect(r.reference.startsWith('SYN-')).toBe(true);
    const synthetic = await db
      .selectFrom('app_user')
      .select('username')
      .where('username', 'like', 'syn.%')
      .executeTakeFirstOrThrow();
    const client = new ApiClient(t.base);
    const login = await client.post('/api/auth/login', {
      username: synthetic.username,
      password: 'anything-at-all-123',
    });
    expect(login.status).toBe(401);
  });

  it('gives a demo coordinator a realistic caseload to work with through the API', async () => {
    const client = await signIn(t, 'regisseur.nijmegen');
    const mine = await client.get<{ id: string; reference: string }[]>('/api/cases/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.length).toBeLessThan(200);
    const first = mine.body[0];
    const detail = await client.get<{ reference: string }>(`/api/cases/${first?.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.reference).toMatch(/^SYN-C-/);
  });

  it('closes every closed case exactly once, at the same instant, by its coordinator, with a synthetic letter', async () => {
    const db = t.deps.db;
    const cases = await db
      .selectFrom('household_case')
      .select(['id', 'reference', 'closed_at'])
      .where('reference', 'like', 'SYN-%')
      .execute();
    const closures = await db.selectFrom('case_closure').selectAll().execute();
    const team = await db.selectFrom('case_team_member').selectAll().execute();
    const closedPhases = await db
      .selectFrom('case_phase_change')
      .selectAll()
      .where('to_phase', '=', 'closed')
      .execute();
    const closed = cases.filter((c) => c.closed_at !== null);
    expect(closed.length).toBeGreaterThan(20);
    for (const c of cases) {
      const mine = closures.filter((x) => x.case_id === c.id);
      if (c.closed_at === null) {
        expect(mine).toHaveLength(0);
        continue;
      }
      expect(mine).toHaveLength(1);
      const [closure] = mine;
      expect(closure?.closed_at.getTime()).toBe(c.closed_at.getTime());
      expect(CLOSURE_REASONS).toContain(closure?.reason_code);
      expect(closure?.explanation).toMatch(/\[Synthetisch\]/);
      expect(closure?.letter_subject).toMatch(/^\[Synthetisch\].*SYN-C-/);
      expect(closure?.letter_paragraphs.join(' ')).toMatch(/verzonnen/);
      expect(closure?.letter_protected_passages).toBe(0);
      // Closed by the coordinator who held the case then, acting for their organisation.
      expect(
        team.some(
          (m) =>
            m.case_id === c.id &&
            m.case_role === 'coordinator' &&
            m.user_id === closure?.closed_by_user_id &&
            m.organisation_id === closure?.organisation_id &&
            m.joined_at <= (c.closed_at as Date),
        ),
      ).toBe(true);
      const phase = closedPhases.filter((p) => p.case_id === c.id);
      expect(phase).toHaveLength(1);
      expect(phase[0]?.changed_at.getTime()).toBe(c.closed_at.getTime());
      expect(phase[0]?.reason).toMatch(/^Afgesloten \(/);
    }
    // The planner never reopens: a new report about a closed household opens a new case.
    expect(await db.selectFrom('case_reopening').select('id').execute()).toHaveLength(0);
    const safe = closures.filter((c) => c.reason_code === 'safety_stable').length / closures.length;
    expect(safe).toBeGreaterThan(0.4);
    expect(safe).toBeLessThan(0.8);
  });

  it('keeps measure clocks, parties and authorities as the measure rules decide them', async () => {
    const db = t.deps.db;
    const types = await orgTypes();
    const measures = await db
      .selectFrom('case_measure as m')
      .innerJoin('household_case as c', 'c.id', 'm.case_id')
      .selectAll('m')
      .select('c.opened_at')
      .where('c.reference', 'like', 'SYN-%')
      .orderBy('m.id')
      .execute();
    const extensions = await db
      .selectFrom('case_measure_extension')
      .selectAll()
      .orderBy('recorded_at')
      .execute();
    const parts = await db
      .selectFrom('case_measure_member as mm')
      .innerJoin('case_member as cm', 'cm.id', 'mm.member_id')
      .select(['mm.measure_id', 'mm.part', 'cm.case_id', 'cm.role', 'cm.date_of_birth'])
      .execute();
    const kinds = new Set(measures.map((m) => m.kind));
    for (const kind of ['restraining_order', 'crisis_care', 'shelter_stay', 'intensive_case_management'])
      expect(kinds.has(kind), kind).toBe(true);
    for (const m of measures) {
      const kind = m.kind as MeasureKind;
      const mine = extensions.filter((e) => e.measure_id === m.id);
      // Every extension passes the rule at the moment it was recorded, one after the other.
      let measure: Measure = { kind, imposedAt: m.imposed_at, extensions: [], liftedAt: null };
      for (const e of mine) {
        expect(e.previous_end_at.getTime()).toBe(
          computeEnd(kind, m.imposed_at, measure.extensions).getTime(),
        );
        const result = extendMeasure(measure, e.new_end_at, e.recorded_at);
        expect(result.ok, `${kind} extension`).toBe(true);
        if (result.ok) measure = result.measure;
        expect(allowedAuthorities(kind, 'extend')).toContain(e.decided_by);
      }
      // end_at and maximum_end_at are exactly what the measure service stores.
      expect(m.end_at.getTime()).toBe(computeEnd(kind, m.imposed_at, measure.extensions).getTime());
      expect(m.maximum_end_at?.getTime() ?? null).toBe(
        computeMaximumEnd(kind, m.imposed_at)?.getTime() ?? null,
      );
      const days = (m.end_at.getTime() - m.imposed_at.getTime()) / DAY;
      // The legal clock in plain numbers too (an hour either way for a change of summer time).
      if (kind === 'restraining_order') {
        expect(days).toBeGreaterThanOrEqual(10 - 1 / 24);
        expect(days).toBeLessThanOrEqual(28 + 1 / 24);
        expect(m.decided_by).toBe('mayor');
        expect(m.decision_reference).toMatch(/^SYN-C-.*-HV\d+$/);
      }
      if (kind === 'crisis_care') {
        expect(days).toBeLessThanOrEqual(42 + 1 / 24);
        expect(mine).toHaveLength(0);
      }
      expect(allowedAuthorities(kind, 'impose')).toContain(m.decided_by);
      expect(canRecordMeasure(kind, types.get(m.organisation_id) as OrganisationType)).toBe(true);
      expect(m.category).toBe(DEFAULT_MEASURE_CATEGORY[kind]);
      expect(m.recorded_at.getTime()).toBeGreaterThanOrEqual(m.opened_at.getTime());
      expect(m.note).toMatch(/\[Synthetisch\]/);
      if (m.lifted_at) {
        expect(m.lifted_at.getTime()).toBeGreaterThan(m.recorded_at.getTime());
        expect(m.lifted_at.getTime()).toBeLessThan(m.end_at.getTime());
        expect(allowedAuthorities(kind, 'lift')).toContain(m.lifted_decided_by);
        expect(m.lifted_by_user_id).not.toBeNull();
      }
      // Parties: members of the same case; an order has one adult subject, the perpetrator.
      const mineParts = parts.filter((p) => p.measure_id === m.id);
      expect(mineParts.every((p) => p.case_id === m.case_id)).toBe(true);
      const verdict = checkMeasureParties(
        kind,
        mineParts.map((p) => ({ part: p.part as MeasurePart, dateOfBirth: p.date_of_birth })),
        m.imposed_at,
      );
      expect(verdict.ok).toBe(true);
      if (kind === 'restraining_order') {
        const subject = mineParts.find((p) => p.part === 'subject');
        expect(isPerpetratorRole(subject?.role ?? '')).toBe(true);
        expect(isAdultOn(subject?.date_of_birth ?? '', m.imposed_at)).toBe(true);
      }
    }
    // Calibrated: orders, crisis care and shelter stays a year; about a third to half of orders extended.
    const in2025 = (kind: string) =>
      measures.filter((m) => m.kind === kind && m.imposed_at.getTime() >= YEAR_2025).length;
    const near = (n: number, perYear: number) => {
      expect(n).toBeGreaterThanOrEqual(Math.floor(perYear * OPTIONS.fraction * 0.6));
      expect(n).toBeLessThanOrEqual(Math.ceil(perYear * OPTIONS.fraction * 1.4));
    };
    near(in2025('restraining_order'), GZ_ORDERS_PER_YEAR);
    near(in2025('shelter_stay'), GZ_SHELTER_STAYS_PER_YEAR);
    near(in2025('crisis_care'), GZ_CRISIS_CARE_PER_YEAR);
    const orders = measures.filter((m) => m.kind === 'restraining_order');
    const extended = orders.filter((m) => extensions.some((e) => e.measure_id === m.id)).length;
    expect(extended / orders.length).toBeGreaterThan(0.2);
    expect(extended / orders.length).toBeLessThan(0.7);
    // Shelter stays last days to months; most end early (lifted), some run their term or longer.
    const stays = measures.filter((m) => m.kind === 'shelter_stay');
    const stayDays = stays.map((m) => ((m.lifted_at ?? m.end_at).getTime() - m.imposed_at.getTime()) / DAY);
    expect(median(stayDays)).toBeGreaterThan(14);
    expect(median(stayDays)).toBeLessThan(120);
    expect(stays.some((m) => m.lifted_at !== null)).toBe(true);
  });

  it('hands coordination from Veilig Thuis to the local team step by step as the handover rules allow', async () => {
    const db = t.deps.db;
    const types = await orgTypes();
    const region = await db
      .selectFrom('region')
      .select('agreements')
      .where('code', '=', 'gelderland-zuid')
      .executeTakeFirstOrThrow();
    const ladder: EscalationLevel[] = resolveRegionAgreements(region.agreements).handoverEscalation;
    const handovers = await db
      .selectFrom('case_handover as h')
      .innerJoin('household_case as c', 'c.id', 'h.case_id')
      .selectAll('h')
      .where('c.reference', 'like', 'SYN-%')
      .execute();
    const events = await db.selectFrom('case_handover_event').selectAll().orderBy('position').execute();
    const team = await db.selectFrom('case_team_member').selectAll().execute();
    expect(handovers.length).toBeGreaterThan(10);
    const acceptDays: number[] = [];
    for (const h of handovers) {
      expect(h.subject).toBe('coordination');
      expect(types.get(h.from_organisation_id)).toBe('veilig_thuis');
      expect(['local_team', 'municipality']).toContain(types.get(h.to_organisation_id));
      expect(h.response_due_at.getTime()).toBe(
        computeWorkingDayDeadline(h.proposed_at, HANDOVER_RESPONSE_WORKING_DAYS).getTime(),
      );
      const steps = events.filter((e) => e.handover_id === h.id);
      expect(steps.map((e) => e.position)).toEqual(steps.map((_, i) => i + 1));
      const [first] = steps;
      expect(first?.action).toBe('propose');
      expect(first?.from_status).toBeNull();
      expect(first?.occurred_at.getTime()).toBe(h.proposed_at.getTime());
      // Replay every later step through the rules, as the service and the escalation job do.
      let state: Handover = {
        status: 'proposed',
        fromOrganisationId: h.from_organisation_id,
        toOrganisationId: h.to_organisation_id,
        warm: h.warm,
        jointContactAt: null,
        proposedAt: h.proposed_at,
        responseDueAt: h.response_due_at,
        reason: null,
        escalationLevel: null,
        escalationDueAt: null,
        resolution: null,
        decidedAt: null,
      };
      for (const [i, e] of steps.slice(1).entries()) {
        const previous = steps[i];
        expect(e.occurred_at.getTime()).toBeGreaterThanOrEqual(previous?.occurred_at.getTime() ?? 0);
        expect(e.from_status).toBe(state.status);
        if (e.action === 'joint_contact') {
          expect(h.joint_contact_at?.getTime()).toBeLessThanOrEqual(e.occurred_at.getTime());
          state = { ...state, jointContactAt: h.joint_contact_at };
          expect(e.to_status).toBe(state.status);
          continue;
        }
        const action = (
          e.action === 'accept'
            ? { type: 'accept' }
            : e.action === 'resolve'
              ? { type: 'resolve', resolution: h.resolution as HandoverResolution, reason: e.reason ?? '' }
              : { type: e.action, reason: e.reason ?? '' }
        ) as HandoverAction;
        const actor =
          e.actor_organisation_id === null
            ? ({ kind: 'system' } as const)
            : ({ kind: 'organisation', organisationId: e.actor_organisation_id } as const);
        expect(e.automatic).toBe(e.actor_organisation_id === null);
        const result = transitionHandover(state, action, actor, e.occurred_at, ladder);
        expect(result.ok, `${e.action} after ${state.status}`).toBe(true);
        if (!result.ok) break;
        state = result.handover;
        expect(e.to_status).toBe(state.status);
        if (e.action === 'accept') {
          // Accepted after the proposal, within the receiver's deadline.
          expect(steps.slice(0, i + 1).some((p) => p.action === 'propose')).toBe(true);
          expect(e.occurred_at.getTime()).toBeLessThanOrEqual(h.response_due_at.getTime());
          acceptDays.push((e.occurred_at.getTime() - h.proposed_at.getTime()) / DAY);
        }
      }
      // The row is the state after the last step.
      expect(h.status).toBe(state.status as HandoverStatus);
      expect(h.reason).toBe(state.reason);
      expect(h.escalation_level).toBe(state.escalationLevel);
      expect(h.escalation_due_at?.getTime() ?? null).toBe(state.escalationDueAt?.getTime() ?? null);
      expect(h.decided_at?.getTime() ?? null).toBe(state.decidedAt?.getTime() ?? null);
      expect(h.resolution).toBe(state.resolution);
      // Whoever took over became the case's coordinator then, and the former one stayed in the team.
      if (h.taken_over_by_user_id) {
        const at = h.decided_at as Date;
        expect(
          team.some(
            (m) =>
              m.case_id === h.case_id &&
              m.user_id === h.taken_over_by_user_id &&
              m.organisation_id === h.to_organisation_id &&
              m.case_role === 'coordinator' &&
              m.joined_at.getTime() === at.getTime(),
          ),
        ).toBe(true);
        expect(
          team.some(
            (m) =>
              m.case_id === h.case_id &&
              m.user_id === h.from_user_id &&
              m.case_role === 'other' &&
              m.joined_at.getTime() === at.getTime(),
          ),
        ).toBe(true);
      } else expect(['accepted']).not.toContain(h.status);
    }
    // Most are accepted, within a few working days.
    const settled = handovers.filter((h) => ['accepted', 'withdrawn', 'resolved'].includes(h.status));
    const accepted = settled.filter((h) => h.status === 'accepted').length;
    expect(accepted / settled.length).toBeGreaterThan(0.65);
    expect(median(acceptDays)).toBeLessThan(5);
    // A case never has two open coordination handovers (the unique index would refuse it anyway).
    const open = handovers.filter((h) => ['proposed', 'declined', 'escalated'].includes(h.status));
    expect(new Set(open.map((h) => h.case_id)).size).toBe(open.length);
  });

  it('offers perpetrator help only to perpetrators, and an experience expert in a small share of cases', async () => {
    const db = t.deps.db;
    const types = await orgTypes();
    const offers = await db
      .selectFrom('case_support as s')
      .innerJoin('household_case as c', 'c.id', 's.case_id')
      .leftJoin('case_member as m', 'm.id', 's.member_id')
      .selectAll('s')
      .select(['c.opened_at', 'c.closed_at', 'm.case_id as member_case_id', 'm.role as member_role'])
      .where('c.reference', 'like', 'SYN-%')
      .execute();
    const cases = await db
      .selectFrom('household_case as c')
      .select([
        'c.id',
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom('case_member as m')
                .select('m.id')
                .whereRef('m.case_id', '=', 'c.id')
                .where('m.role', 'in', ['perpetrator', 'both']),
            )
            .as('with_perpetrator'),
      ])
      .where('c.reference', 'like', 'SYN-%')
      .execute();
    for (const o of offers) {
      const kind = o.kind as SupportKind;
      expect(o.category).toBe(DEFAULT_SUPPORT_CATEGORY[kind]);
      expect(canRecordSupport(types.get(o.organisation_id) as OrganisationType)).toBe(true);
      expect(o.offered_at.getTime()).toBeGreaterThanOrEqual(o.opened_at.getTime());
      if (o.closed_at) expect(o.offered_at.getTime()).toBeLessThan(o.closed_at.getTime());
      if (o.member_id) expect(o.member_case_id).toBe(o.case_id);
      if (kind === 'perpetrator_help') expect(isPerpetratorRole(o.member_role ?? '')).toBe(true);
      expect(o.outcome === null).toBe(o.outcome_at === null);
      expect(o.outcome === null).toBe(o.outcome_recorded_by_user_id === null);
      if (o.outcome_at) expect(o.outcome_at.getTime()).toBeGreaterThanOrEqual(o.offered_at.getTime());
    }
    const help = offers.filter((o) => o.kind === 'perpetrator_help');
    const withPerpetrator = cases.filter((c) => c.with_perpetrator).length;
    const helped = new Set(help.map((o) => o.case_id)).size;
    expect(helped / withPerpetrator).toBeGreaterThan(0.2);
    expect(helped / withPerpetrator).toBeLessThan(0.6);
    // Most answered (used more often than declined), some still open.
    const used = help.filter((o) => o.outcome === 'used').length;
    const declined = help.filter((o) => o.outcome === 'declined').length;
    expect(used).toBeGreaterThan(declined);
    expect((used + declined) / help.length).toBeGreaterThan(0.7);
    expect(help.some((o) => o.outcome === null)).toBe(true);
    const experts = new Set(offers.filter((o) => o.kind === 'experience_expert').map((o) => o.case_id)).size;
    expect(experts / cases.length).toBeGreaterThan(0.03);
    expect(experts / cases.length).toBeLessThan(0.13);
  });

  it('lets Veilig Thuis read the measures, handovers and closure letter of a generated case through the API', async () => {
    const db = t.deps.db;
    const found = await sql<{ id: string; measures: number; handovers: number }>`
      select c.id,
        (select count(*)::int from case_measure m where m.case_id = c.id) as measures,
        (select count(*)::int from case_handover h where h.case_id = c.id) as handovers
      from household_case c
      where c.reference like 'SYN-%' and c.closed_at is not null
        and exists (select 1 from case_measure m where m.case_id = c.id)
        and exists (select 1 from case_handover h where h.case_id = c.id)
      order by c.reference limit 1`.execute(db);
    const kase = found.rows[0];
    expect(kase).toBeDefined();
    const client = await signIn(t, 'vt.intake');
    const measures = await client.get<{ measures: { kind: string }[]; withheld: number }>(
      `/api/cases/${kase?.id}/measures`,
    );
    expect(measures.status).toBe(200);
    expect(measures.body.measures.length + measures.body.withheld).toBe(kase?.measures);
    const handovers = await client.get<{ status: string; history: { action: string }[] }[]>(
      `/api/cases/${kase?.id}/handovers`,
    );
    expect(handovers.status).toBe(200);
    expect(handovers.body).toHaveLength(kase?.handovers ?? -1);
    expect(handovers.body[0]?.history[0]?.action).toBe('propose');
    const letter = await client.get<{ subject: string }>(`/api/cases/${kase?.id}/closure/letter`);
    expect(letter.status).toBe(200);
    expect(letter.body.subject).toMatch(/^\[Synthetisch\]/);
  });

  it("computes deadlines and ages as the domain rules do, on the calendar's fast path", () => {
    // 2025–2026: Christmas and the turn of the year, summer time, and an 18th birthday on 29 February
    // in a common year (2008-02-29 comes of age on 1 March 2026).
    const calendar = new Calendar('2027-01-01', 2);
    let checked = 0;
    for (let i = 0; i < calendar.days.length; i++) {
      const day = calendar.days[i];
      if (!day) continue;
      const at = day.start + ((i * 7) % 24) * 3_600_000;
      for (const n of [0, 2, 3, 5])
        expect(calendar.workingDayDeadline(at, n)).toBe(computeWorkingDayDeadline(new Date(at), n).getTime());
      for (const born of [
        '2008-02-29',
        '2007-02-28',
        '2008-03-01',
        '2007-02-30',
        `${day.year - 18}${day.iso.slice(4)}`,
      ]) {
        expect(calendar.isAdultOn(born, at), `${born} on ${day.iso}`).toBe(isAdultOn(born, new Date(at)));
        checked++;
      }
    }
    expect(checked).toBe(730 * 5);
  });

  it('refuses production, a second run into the same database, and nonsense options, writing nothing', async () => {
    const before = await digestSyntheticData(t.deps.db);
    await expect(generateSyntheticData(t.deps, { ...OPTIONS, env: 'production' })).rejects.toThrow(
      /production/,
    );
    await expect(generateSyntheticData(t.deps, OPTIONS)).rejects.toThrow(/already holds synthetic data/);
    await expect(generateSyntheticData(t.deps, { ...OPTIONS, years: 0 })).rejects.toThrow(/years/);
    await expect(generateSyntheticData(t.deps, { ...OPTIONS, fraction: -1 })).rejects.toThrow(/fraction/);
    expect(await digestSyntheticData(t.deps.db)).toEqual(before);
  });

  it('builds national synthetic regions that cannot clash with CBS codes and add up to the population', () => {
    const regions = buildSyntheticRegions(21, 14_500_000);
    expect(regions).toHaveLength(21);
    const codes = regions.flatMap((r) => r.file.municipalities.map((m) => m.cbsCode));
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^GM9[0-8]\d{2}$/);
    for (const r of regions) expect(r.file.name).toMatch(/^Synthetische regio \d{2}$/);
    const total = regions.reduce((s, r) => s + [...r.inhabitants.values()].reduce((a, b) => a + b, 0), 0);
    expect(Math.abs(total - 14_500_000) / 14_500_000).toBeLessThan(0.02);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyReport, type EarlierInvolvement } from '../../src/domain/casework/report-classification.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
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
    const first = await digestSyntheticData(t.deps.db);
    expect(first.rows).toBeGreaterThan(1_000);
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

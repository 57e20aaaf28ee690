import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '../../src/domain/insight/quarters.ts';
import { DEMO_POPULATION_SOURCE, startDemoData } from '../../src/modules/demo/demo-data.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { digestSyntheticData } from '../../src/modules/demo/synthetic/digest.ts';
import { generateSyntheticData } from '../../src/modules/demo/synthetic/generate.ts';
import type { Deps } from '../../src/modules/deps.ts';
import { keysFromMaster } from '../../src/security/keys.ts';
import { signIn, startTestApp, TEST_KEY, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// The demo region's figures on `kring start --demo` (src/modules/demo/demo-data.ts), at a small
// volume: made once on a fresh database, with marked demo population so rates show; left alone on
// the next start; an unfinished run is removed and made again.
const VOLUME = { years: 1, fraction: 0.03 };

type Rate = { suppressed: boolean; value?: number; reason?: string };
type Dashboard = {
  sections: (
    | { kind: 'rate'; indicator: string; total: { population: number | null; rate: Rate } }
    | { kind: 'table'; indicator: string; table: { grandTotal: { suppressed: boolean; value?: number } } }
    | { kind: 'share' | 'series'; indicator: string }
  )[];
};

let t: TestApp;
const lines: string[] = [];

const start = (deps: Deps) =>
  startDemoData(deps, { env: 'test', engine: 'pglite', print: (l) => lines.push(l), volume: VOLUME });

const syntheticReports = async (deps: Deps) =>
  Number(
    (
      await deps.db
        .selectFrom('report')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('reference', 'like', 'SYN-%')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('demo figures on a fresh database', () => {
  it('are generated up to today, with demo population marked as synthetic', async () => {
    const outcome = await start(t.deps).done;
    expect(outcome.status, JSON.stringify(outcome)).toBe('generated');
    expect(lines.some((l) => l.startsWith('Demo data ready:'))).toBe(true);
    const newest = await t.deps.db
      .selectFrom('report')
      .select((eb) => eb.fn.max('received_at').as('at'))
      .where('reference', 'like', 'SYN-%')
      .executeTakeFirstOrThrow();
    const age = t.clock.now().getTime() - new Date(newest.at as unknown as string).getTime();
    expect(age).toBeGreaterThan(0);
    expect(age).toBeLessThan(14 * 86_400_000);

    const population = await t.deps.db
      .selectFrom('municipality_population as p')
      .innerJoin('region_municipality as rm', 'rm.cbs_code', 'p.cbs_code')
      .innerJoin('region', 'region.id', 'rm.region_id')
      .select(['p.cbs_code', 'p.year', 'p.inhabitants', 'p.source'])
      .where('region.code', '=', 'gelderland-zuid')
      .execute();
    // The 15 municipalities of the regioaanpak and Gennep, whose Veilig Thuis is Noord-Limburg's.
    expect(population.length).toBe(16);
    for (const p of population) expect(p.source).toBe(DEMO_POPULATION_SOURCE);
    expect(new Set(population.map((p) => p.year))).toEqual(
      new Set([t.clock.now().getUTCFullYear() - VOLUME.years]),
    );
    // The generator's weights, scaled to the region's "ruim 536.000" inhabitants, plus Gennep.
    const total = population.filter((p) => p.cbs_code !== 'GM0907').reduce((s, p) => s + p.inhabitants, 0);
    expect(Math.abs(total - 536_000)).toBeLessThan(20);
  });

  it('the policy advisor sees counts and rates per 100,000 for the last four quarters', async () => {
    const advisor = await signIn(t, 'beleid.regio');
    const now = t.clock.now();
    const to = quarterOf(now);
    const from = quarterOf(new Date(now.getTime() - 270 * 86_400_000));
    const r = await advisor.get<Dashboard>(`/api/insight/dashboard?from=${from}&to=${to}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const reports = r.body.sections.find((s) => s.indicator === 'reports.count');
    if (reports?.kind !== 'table') throw new Error('no reports table');
    expect(reports.table.grandTotal.suppressed).toBe(false);
    const rate = r.body.sections.find((s) => s.indicator === 'reports.per_100k');
    if (rate?.kind !== 'rate') throw new Error('no rate section');
    expect(rate.total.population).toBeGreaterThan(536_000);
    expect(rate.total.rate.suppressed).toBe(false);
    // 3% of about 2,839 reports a year over 536,000 inhabitants: about 16 per 100,000 per year.
    expect(rate.total.rate.value).toBeGreaterThan(8);
    expect(rate.total.rate.value).toBeLessThan(30);
  });

  it('the next start leaves them as they are', async () => {
    const before = await digestSyntheticData(t.deps.db);
    expect((await start(t.deps).done).status).toBe('present');
    expect(await digestSyntheticData(t.deps.db)).toEqual(before);
  });

  it('is not run on a PostgreSQL server (several instances may start at once)', async () => {
    const outcome = await startDemoData(t.deps, { env: 'test', engine: 'postgres', print: () => {} }).done;
    expect(outcome.status).toBe('skipped');
  });

  it('is refused when NODE_ENV=production', async () => {
    const other = await createTestDatabase();
    try {
      const deps: Deps = { db: other.database.db, keys: keysFromMaster(TEST_KEY), now: t.clock.now };
      await seedDemo(deps, 'test');
      const outcome = await startDemoData(deps, {
        env: 'production',
        engine: 'pglite',
        print: () => {},
        volume: VOLUME,
      }).done;
      expect(outcome.status).toBe('failed');
      expect(await syntheticReports(deps)).toBe(0);
    } finally {
      await other.drop();
    }
  });
});

describe('an unfinished run', () => {
  let other: TestDatabase;
  let deps: Deps;
  beforeAll(async () => {
    other = await createTestDatabase();
    deps = { db: other.database.db, keys: keysFromMaster(TEST_KEY), now: t.clock.now };
    await seedDemo(deps, 'test');
  });
  afterAll(async () => {
    await other?.drop();
  });

  it('is removed and made again, to the same rows as an uninterrupted run', async () => {
    // The process dies after a few bulk writes: the database stops answering mid-way.
    let statements = 0;
    const crash: KyselyPlugin = {
      transformQuery: (args) => args.node,
      async transformResult(args) {
        statements += 1;
        if (statements > 40) throw new Error('process died');
        return args.result;
      },
    };
    const until = t.clock.now().toISOString().slice(0, 10);
    await expect(
      generateSyntheticData(
        { ...deps, db: deps.db.withPlugin(crash) },
        { scale: 'region', seed: 'kring', ...VOLUME, until, env: 'test', batchSize: 500 },
      ),
    ).rejects.toThrow('process died');
    const left = await syntheticReports(deps);
    const leftUsers = await deps.db
      .selectFrom('app_user')
      .select('id')
      .where('username', 'like', 'syn.%')
      .execute();
    expect(leftUsers.length).toBeGreaterThan(0);

    const outcome = await start(deps).done;
    expect(outcome.status, JSON.stringify(outcome)).toBe('generated');
    if (outcome.status !== 'generated') return;
    expect(outcome.discarded).toBeGreaterThan(left);
    const discard = await deps.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('action', '=', 'demo.synthetic.discard')
      .execute();
    expect(discard).toHaveLength(1);
    // Demo users, the region and its organisations survive; the data equals the clean run's.
    expect(
      await deps.db.selectFrom('app_user').select('id').where('is_demo', '=', true).execute(),
    ).toHaveLength(9);
    expect((await digestSyntheticData(deps.db)).digest).toBe((await digestSyntheticData(t.deps.db)).digest);
  });

  it('a stop (the server shutting down) ends the run as stopped, without a completion event', async () => {
    const fresh = await createTestDatabase();
    try {
      const d: Deps = { db: fresh.database.db, keys: keysFromMaster(TEST_KEY), now: t.clock.now };
      await seedDemo(d, 'test');
      const run = start(d);
      await run.stop();
      expect((await run.done).status).toBe('stopped');
      const events = await d.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'demo.synthetic.generate')
        .execute();
      expect(events).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });
});

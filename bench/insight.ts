/**
 * Insight benchmark (issue 5 §7): the dashboard's indicators through Kring's HTTP API against DuckDB
 * over the same records exported to Parquet, at national scale on PostgreSQL; and the same API
 * calls at region scale on the embedded database (PGlite). Not part of `npm test` or CI.
 *
 *   KRING_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:insight
 *     generates the national scale (26 regions, 10 years, ~1.3 million reports) into a fresh
 *     database kring_bench_insight with the loader of bench/synthetic-load.ts (about 16 minutes),
 *     and drops it at the end unless KRING_BENCH_KEEP=1.
 *   KRING_BENCH_REUSE=1 (same URL) uses kring_bench_insight as loaded before
 *     (`KRING_BENCH_KEEP=1 npm run bench:load-national`, or a run of this script with KEEP), migrates
 *     it to the latest schema and never drops it.
 * Options: KRING_BENCH_ITERATIONS (30 timed calls per filter after 2 warm-up calls),
 * KRING_BENCH_SKIP_PGLITE=1 (national part only), KRING_BENCH_SKIP_NATIONAL=1 (PGlite part only),
 * KRING_BENCH_DATABASE_NAME (kring_bench_insight: the database loaded, or reused with REUSE),
 * KRING_BENCH_SCALE=region with KRING_BENCH_YEARS (10) for a quick check of the cross-check on one
 * region (Gelderland-Zuid) on PostgreSQL instead of the country; with REUSE the national size is then
 * not required. For example, a small database kept for a second run:
 *   KRING_BENCH_DATABASE_NAME=kring_bench_small KRING_BENCH_SCALE=region KRING_BENCH_YEARS=3 \
 *   KRING_BENCH_KEEP=1 KRING_BENCH_SKIP_PGLITE=1 KRING_BENCH_ITERATIONS=2 npm run bench:insight
 * and then the same with KRING_BENCH_REUSE=1 instead of KRING_BENCH_KEEP=1.
 *
 * Kring answers from per-quarter summaries (src/modules/insight/store.ts); building them for the
 * whole country is timed on its own, and so is a read right after a change (one quarter
 * recomputed). DuckDB computes the same groupings from the exported records on every call. Both
 * feed the same disclosure gate (buildSections), and the script checks that both give the same
 * counts before suppression and the same published sections. Prints figures; exits 1 on a mismatch.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { indicatorsFor } from '../src/domain/insight/catalogue.ts';
import {
  assembleSummaries,
  countsFromSummaries,
  emptyQuarterSummary,
  type InsightCounts,
  type LiveCounts,
  type SummaryGroups,
} from '../src/domain/insight/quarter-summary.ts';
import { type QuarterKey, quarterEnd, quarterStart, quartersOfYear } from '../src/domain/insight/quarters.ts';
import { buildApp } from '../src/http/app.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/modules/demo/demo-users.ts';
import { seedDemo } from '../src/modules/demo/seed-demo.ts';
import { generateSyntheticData } from '../src/modules/demo/synthetic/generate.ts';
import { createStderrProgress } from '../src/modules/demo/synthetic/progress.ts';
import type { Deps } from '../src/modules/deps.ts';
import { hashPassword } from '../src/modules/identity/password.ts';
import { currentTotp, sealTotpSecret } from '../src/modules/identity/totp.ts';
import { createDisclosureGate } from '../src/modules/insight/disclosure-gate.ts';
import { disclosureSettingsFrom } from '../src/modules/insight/insight-config.ts';
import type { InsightReader } from '../src/modules/insight/insight-reader.ts';
import { buildSections, yearsOf } from '../src/modules/insight/insight-sections.ts';
import { resolveSelection } from '../src/modules/insight/service.ts';
import {
  loadInsightCounts,
  loadQuarterSummaries,
  loadRegionMunicipalities,
  type PopulationFigure,
  type RegionMunicipality,
} from '../src/modules/insight/store.ts';
import { loadRegionAgreements } from '../src/modules/region/agreements.ts';
import { keysFromMaster } from '../src/security/keys.ts';
import { ApiClient } from '../test/support/test-app.ts';
import {
  adminUrl,
  BENCH_KEY,
  dropBenchDatabase,
  keepDatabase,
  loadNational,
  printLoad,
} from './synthetic-load.ts';

const ITERATIONS = Number(process.env.KRING_BENCH_ITERATIONS ?? 30);
const WARM_UP = 2;
const REUSE = process.env.KRING_BENCH_REUSE === '1';
const DATABASE = process.env.KRING_BENCH_DATABASE_NAME ?? 'kring_bench_insight';
const SCALE = process.env.KRING_BENCH_SCALE === 'region' ? 'region' : 'national';
const YEARS = Number(process.env.KRING_BENCH_YEARS ?? 10);
const BENCH_USER_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let mismatches = 0;
const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const seconds = (fromMs: number) => `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function percentile(values: readonly number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
  all: number[];
}
async function time(run: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const all: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await run();
    all.push(performance.now() - t0);
  }
  return { p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all), all };
}
const describe = (s: Stats) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`;

// ---------------------------------------------------------------- the filters a policy advisor uses

interface Filter {
  label: string;
  query: Record<string, string>;
}

interface RegionCase {
  id: number;
  code: string;
  name: string;
  municipalities: RegionMunicipality[];
  filters: Filter[];
}

/** Whole region, its busiest municipality and that municipality's subregion × 1 quarter, 1 year, 10 years. */
async function regionCase(db: Database['db'], code: string): Promise<RegionCase> {
  const region = await db
    .selectFrom('region')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const municipalities = await loadRegionMunicipalities(db, region.id);
  const busiest = await db
    .selectFrom('report')
    .select(['municipality_code', (eb) => eb.fn.countAll().as('n')])
    .where('region_id', '=', region.id)
    .groupBy('municipality_code')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const span = await sql<{ last: number }>`
    select extract(year from max(received_at) at time zone 'Europe/Amsterdam')::int as last
    from report where region_id = ${region.id}`.execute(db);
  const last = span.rows[0]?.last ?? new Date().getFullYear() - 1;
  const municipality = municipalities.find((m) => m.code === busiest.municipality_code);
  const periods = [
    { label: '1 quarter', from: `${last}-Q4`, to: `${last}-Q4` },
    { label: '1 year', from: `${last}-Q1`, to: `${last}-Q4` },
    { label: '10 years', from: `${last - 9}-Q1`, to: `${last}-Q4` },
  ];
  const scopes: { label: string; extra: Record<string, string> }[] = [
    { label: 'whole region', extra: {} },
    { label: `municipality ${municipality?.name}`, extra: { municipality: busiest.municipality_code } },
    ...(municipality?.subregion
      ? [{ label: `subregion ${municipality.subregion}`, extra: { subregion: municipality.subregion } }]
      : []),
  ];
  return {
    ...region,
    municipalities,
    filters: scopes.flatMap((s) =>
      periods.map((p) => ({
        label: `${s.label}, ${p.label}`,
        query: { from: p.from, to: p.to, ...s.extra },
      })),
    ),
  };
}

// ---------------------------------------------------------------- Kring over HTTP

async function startApp(deps: Deps): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({
    deps,
    logLevel: 'silent',
    rateLimits: { global: 1_000_000, signIn: 10_000, publicForms: 10_000 },
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base };
}

async function signInWith(base: string, username: string, secret: string): Promise<ApiClient> {
  const client = new ApiClient(base);
  const first = await client.post<{ mfaRequired: boolean; csrfToken: string }>('/api/auth/login', {
    username,
    password: DEMO_PASSWORD,
  });
  if (first.status !== 200) throw new Error(`login failed for ${username}: ${JSON.stringify(first.body)}`);
  client.csrfToken = first.body.csrfToken;
  if (first.body.mfaRequired) {
    const second = await client.post<{ csrfToken: string }>('/api/auth/mfa', { code: currentTotp(secret) });
    if (second.status !== 200) throw new Error(`mfa failed for ${username}: ${JSON.stringify(second.body)}`);
    client.csrfToken = second.body.csrfToken;
  }
  return client;
}

const demoSecret = (username: string) => {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.totpSecret;
};

/** A policy advisor of the region (a municipality of it), created for the benchmark if missing. */
async function benchAdvisor(deps: Deps, region: RegionCase): Promise<string> {
  const username = `bench.beleid.${region.code}`;
  const org = await deps.db
    .selectFrom('organisation')
    .select('id')
    .where('region_id', '=', region.id)
    .orderBy(sql`type = 'municipality'`, 'desc')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const existing = await deps.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (existing) return username;
  const user = await deps.db
    .insertInto('app_user')
    .values({
      username,
      display_name: `Benchmark beleidsadviseur ${region.name}`,
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret_enc: sealTotpSecret(deps.keys, BENCH_USER_SECRET),
      mfa_enrolled: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('membership')
    .values({ user_id: user.id, organisation_id: org.id, role: 'policy_advisor' })
    .execute();
  return username;
}

const dashboardPath = (q: Record<string, string>) => `/api/insight/dashboard?${new URLSearchParams(q)}`;

async function getDashboard(client: ApiClient, q: Record<string, string>) {
  const r = await client.get<{ sections: unknown[] }>(dashboardPath(q));
  if (r.status !== 200)
    throw new Error(`dashboard ${JSON.stringify(q)}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Times every filter through the API; returns all timings. */
async function timeApi(client: ApiClient, region: RegionCase, title: string): Promise<Map<string, Stats>> {
  out(`${title}`);
  const results = new Map<string, Stats>();
  for (const f of region.filters) {
    const stats = await time(() => getDashboard(client, f.query));
    results.set(f.label, stats);
    out(`  ${f.label.padEnd(48)} ${describe(stats)}`);
  }
  const all = [...results.values()].flatMap((s) => s.all);
  out(`  ${'all filters'.padEnd(48)} p50 ${ms(percentile(all, 50))}  p95 ${ms(percentile(all, 95))}`);
  return results;
}

/** Reads right after a change: a note on the last quarter, so that quarter is recomputed first. */
async function timeAfterChange(db: Database['db'], client: ApiClient, region: RegionCase) {
  const filter = region.filters.find((f) => f.label.startsWith('whole region') && f.label.endsWith('1 year'));
  if (!filter) return;
  const quarter = filter.query.to ?? '';
  const stats = await time(async () => {
    await db.insertInto('insight_stale_quarter').values({ region_id: region.id, quarter }).execute();
    await getDashboard(client, filter.query);
  });
  out(`  ${`read after a change (${quarter} recomputed)`.padEnd(48)} ${describe(stats)}`);
}

// ---------------------------------------------------------------- export to Parquet

const EXPORTS: { table: string; select: string; columns: Record<string, string>; parquet: string }[] = [
  {
    table: 'report',
    select: `select id, region_id, municipality_code, received_at, array_to_string(violence_kinds, '|'),
      reporter_kind, source, created_by_organisation_id, assessed_at, assessment_due_at,
      investigation_concluded_at, investigation_conclude_by, involvement_ended_at from report`,
    columns: {
      id: 'UUID',
      region_id: 'INTEGER',
      municipality_code: 'VARCHAR',
      received_at: 'TIMESTAMPTZ',
      violence_kinds: 'VARCHAR',
      reporter_kind: 'VARCHAR',
      source: 'VARCHAR',
      created_by_organisation_id: 'UUID',
      assessed_at: 'TIMESTAMPTZ',
      assessment_due_at: 'TIMESTAMPTZ',
      investigation_concluded_at: 'TIMESTAMPTZ',
      investigation_conclude_by: 'TIMESTAMPTZ',
      involvement_ended_at: 'TIMESTAMPTZ',
    },
    parquet: `select * replace (string_split(violence_kinds, '|') as violence_kinds) from src`,
  },
  {
    // Names leave PostgreSQL only as a hash of the normalised name: equal names, equal keys.
    table: 'report_person',
    select: 'select report_id, bsn_hash, date_of_birth, md5(insight_name_key(full_name)) from report_person',
    columns: { report_id: 'UUID', bsn_hash: 'VARCHAR', date_of_birth: 'DATE', name_key: 'VARCHAR' },
    parquet: 'select * from src',
  },
  {
    table: 'organisation',
    select: 'select id, type from organisation',
    columns: { id: 'UUID', type: 'VARCHAR' },
    parquet: 'select * from src',
  },
  {
    table: 'advice_request',
    select: 'select region_id, municipality_code, received_at from advice_request',
    columns: { region_id: 'INTEGER', municipality_code: 'VARCHAR', received_at: 'TIMESTAMPTZ' },
    parquet: 'select * from src',
  },
  {
    table: 'household_case',
    select: 'select id, region_id, municipality_code, opened_at, closed_at from household_case',
    columns: {
      id: 'UUID',
      region_id: 'INTEGER',
      municipality_code: 'VARCHAR',
      opened_at: 'TIMESTAMPTZ',
      closed_at: 'TIMESTAMPTZ',
    },
    parquet: 'select * from src',
  },
  {
    table: 'case_phase_change',
    select: 'select case_id, to_phase from case_phase_change',
    columns: { case_id: 'UUID', to_phase: 'VARCHAR' },
    parquet: 'select * from src',
  },
  {
    table: 'case_assessment',
    select: 'select case_id, assessed_at, min_score from case_assessment',
    columns: { case_id: 'UUID', assessed_at: 'TIMESTAMPTZ', min_score: 'INTEGER' },
    parquet: 'select * from src',
  },
  {
    table: 'case_closure',
    select: 'select id, case_id, closed_at from case_closure',
    columns: { id: 'UUID', case_id: 'UUID', closed_at: 'TIMESTAMPTZ' },
    parquet: 'select * from src',
  },
  {
    table: 'case_reopening',
    select: 'select closure_id from case_reopening',
    columns: { closure_id: 'UUID' },
    parquet: 'select * from src',
  },
  {
    // As report_person: the name only as a hash of its normalised form.
    table: 'case_member',
    select: 'select case_id, bsn_hash, date_of_birth, md5(insight_name_key(full_name)) from case_member',
    columns: { case_id: 'UUID', bsn_hash: 'VARCHAR', date_of_birth: 'DATE', name_key: 'VARCHAR' },
    parquet: 'select * from src',
  },
  {
    table: 'case_support',
    select: 'select case_id, kind, outcome, offered_at from case_support',
    columns: { case_id: 'UUID', kind: 'VARCHAR', outcome: 'VARCHAR', offered_at: 'TIMESTAMPTZ' },
    parquet: 'select * from src',
  },
  {
    table: 'case_measure',
    select: 'select id, case_id, kind, imposed_at, end_at, lifted_at from case_measure',
    columns: {
      id: 'UUID',
      case_id: 'UUID',
      kind: 'VARCHAR',
      imposed_at: 'TIMESTAMPTZ',
      end_at: 'TIMESTAMPTZ',
      lifted_at: 'TIMESTAMPTZ',
    },
    parquet: 'select * from src',
  },
  {
    table: 'case_measure_extension',
    select: 'select measure_id from case_measure_extension',
    columns: { measure_id: 'UUID' },
    parquet: 'select * from src',
  },
  {
    table: 'case_handover',
    select: 'select id, case_id, proposed_at from case_handover',
    columns: { id: 'UUID', case_id: 'UUID', proposed_at: 'TIMESTAMPTZ' },
    parquet: 'select * from src',
  },
  {
    table: 'case_handover_event',
    select: 'select handover_id, to_status, occurred_at from case_handover_event',
    columns: { handover_id: 'UUID', to_status: 'VARCHAR', occurred_at: 'TIMESTAMPTZ' },
    parquet: 'select * from src',
  },
  {
    table: 'region_municipality',
    select: 'select region_id, cbs_code from region_municipality',
    columns: { region_id: 'INTEGER', cbs_code: 'VARCHAR' },
    parquet: 'select * from src',
  },
  {
    table: 'municipality_population',
    select: 'select cbs_code, year, inhabitants, source from municipality_population',
    columns: { cbs_code: 'VARCHAR', year: 'INTEGER', inhabitants: 'INTEGER', source: 'VARCHAR' },
    parquet: 'select * from src',
  },
];

const csvField = (v: string | null) =>
  v === null ? '' : /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v === '' ? '""' : v;

/** Streams a query's rows from PostgreSQL with a server-side cursor into a CSV file; returns the row count. */
async function exportCsv(url: string, select: string, file: string): Promise<number> {
  // Every value as PostgreSQL's text; instants in UTC.
  const client = new pg.Client({ connectionString: url, types: { getTypeParser: () => (v: string) => v } });
  await client.connect();
  const stream = createWriteStream(file);
  let rows = 0;
  try {
    await client.query('begin');
    await client.query(`set local timezone = 'UTC'`);
    await client.query(`declare export_cursor no scroll cursor for ${select}`);
    for (;;) {
      const batch = await client.query<string[]>({
        text: 'fetch 50000 from export_cursor',
        rowMode: 'array',
      });
      if (batch.rows.length === 0) break;
      rows += batch.rows.length;
      const text = `${batch.rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
      if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    }
    await client.query('commit');
  } finally {
    await new Promise<void>((resolve) => stream.end(() => resolve()));
    await client.end();
  }
  return rows;
}

async function exportToParquet(url: string, dir: string, duck: DuckDBConnection) {
  out('Export to Parquet (PostgreSQL cursor → CSV → DuckDB COPY … TO parquet, zstd)');
  const started = performance.now();
  let total = 0;
  for (const e of EXPORTS) {
    const t0 = performance.now();
    const csv = path.join(dir, `${e.table}.csv`);
    const parquet = path.join(dir, `${e.table}.parquet`);
    const rows = await exportCsv(url, e.select, csv);
    const columns = Object.entries(e.columns)
      .map(([k, v]) => `'${k}': '${v}'`)
      .join(', ');
    // DuckDB cannot sniff an empty CSV file (a table the generator leaves empty): no rows, same types.
    const source =
      rows > 0
        ? `select * from read_csv('${csv}', header = false, delim = ',', nullstr = '', quote = '"',
          escape = '"', columns = {${columns}})`
        : `select ${Object.entries(e.columns)
            .map(([k, v]) => `null::${v} as ${k}`)
            .join(', ')} where false`;
    await duck.run(`
      copy (with src as (${source}) ${e.parquet})
      to '${parquet}' (format parquet, compression zstd)`);
    const csvSize = (await stat(csv)).size;
    const size = (await stat(parquet)).size;
    total += size;
    await rm(csv);
    out(
      `  ${e.table.padEnd(24)} ${rows.toLocaleString('en-GB').padStart(11)} rows  CSV ${mb(csvSize).padStart(9)}  Parquet ${mb(size).padStart(8)}  ${seconds(t0)}`,
    );
    await duck.run(`create or replace view ${e.table} as select * from read_parquet('${parquet}')`);
  }
  out(`  ${'total'.padEnd(24)} Parquet ${mb(total)} in ${seconds(started)}`);
}

// ---------------------------------------------------------------- DuckDB: the same groupings

const QUARTER = (column: string) =>
  `strftime(timezone('Europe/Amsterdam', ${column}), '%Y') || '-Q' || quarter(timezone('Europe/Amsterdam', ${column}))`;

const ts = (d: Date) => `'${d.toISOString()}'::timestamptz`;

/** Days from one instant to another, to the microsecond (PostgreSQL's extract(epoch …) / 86400). */
const DAYS = (later: string, earlier: string) =>
  `(epoch_us(${later}) - epoch_us(${earlier})) / 86400000000.0`;

/**
 * An instant plus whole months on the Amsterdam calendar, as plusMonths in the store: to local time,
 * add the months (the day clamped to the month's end, as in PostgreSQL), back to an instant.
 */
const PLUS_MONTHS = (column: string, months: number) =>
  `timezone('Europe/Amsterdam', timezone('Europe/Amsterdam', ${column}) + interval (${months}) month)`;

async function rows<T>(duck: DuckDBConnection, query: string): Promise<T[]> {
  const reader = await duck.runAndReadAll(query);
  return reader.getRowObjectsJS() as unknown as T[];
}

/**
 * The groupings of summariseWindow and summariseCasework (src/modules/insight/store.ts), in DuckDB
 * over the Parquet files.
 */
async function duckGroups(duck: DuckDBConnection, regionId: number, from: Date, to: Date) {
  const inRegion = (column: string) =>
    `r.region_id = ${regionId} and ${column} in (select cbs_code from region_municipality where region_id = ${regionId})`;
  const window = (column: string) => `${column} >= ${ts(from)} and ${column} < ${ts(to)}`;
  const reports = await rows<SummaryGroups['reports'][number]>(
    duck,
    `
    with target as (
      select r.id, r.municipality_code, r.received_at, r.reporter_kind, r.source, o.type as creator_type,
        r.assessed_at, r.assessment_due_at
      from report r left join organisation o on o.id = r.created_by_organisation_id
      where ${inRegion('r.municipality_code')} and ${window('r.received_at')}
    ), persons as (
      select p.report_id, p.bsn_hash, p.date_of_birth, p.name_key
      from report_person p where p.report_id in (select id from target)
    ), linked as materialized (
      select p.report_id, q.report_id as earlier_id from persons p
      join report_person q on q.bsn_hash = p.bsn_hash and q.report_id <> p.report_id
      where p.bsn_hash is not null
      union
      select p.report_id, q.report_id from persons p
      join report_person q on q.date_of_birth = p.date_of_birth and q.name_key = p.name_key
        and q.report_id <> p.report_id
      where p.bsn_hash is null or q.bsn_hash is null
    ), earlier as materialized (
      -- Materialised: left to itself the optimiser joins report and target on received_at alone.
      select l.report_id, e.received_at, e.involvement_ended_at
      from linked l join report e on e.id = l.earlier_id
    ), history as (
      select t.id,
        bool_or(e.involvement_ended_at is null or e.involvement_ended_at > t.received_at) as ongoing
      from earlier e join target t on t.id = e.report_id
      where e.received_at < t.received_at
      group by t.id
    )
    select ${QUARTER('t.received_at')} as quarter, t.municipality_code as municipality,
      t.reporter_kind, t.source, t.creator_type,
      case when t.assessed_at is null then null else t.assessed_at <= t.assessment_due_at end
        as assessed_in_time,
      case when h.ongoing then 'follow_up_report' when h.id is not null then 're_report'
        else 'first_report' end as classification,
      count(*)::integer as n
    from target t left join history h on h.id = t.id
    group by all`,
  );
  const kinds = await rows<SummaryGroups['kinds'][number]>(
    duck,
    `
    select quarter, kind, count(*)::integer as n from (
      select ${QUARTER('r.received_at')} as quarter, unnest(list_distinct(r.violence_kinds)) as kind
      from report r where ${inRegion('r.municipality_code')} and ${window('r.received_at')})
    group by all`,
  );
  const days = await rows<SummaryGroups['days'][number]>(
    duck,
    `
    select ${QUARTER('r.received_at')} as quarter, count(*)::integer as n,
      quantile_cont(${DAYS('r.assessed_at', 'r.received_at')}, 0.5) as median
    from report r
    where ${inRegion('r.municipality_code')} and ${window('r.received_at')} and r.assessed_at is not null
    group by all`,
  );
  const investigations = await rows<SummaryGroups['investigations'][number]>(
    duck,
    `
    select ${QUARTER('r.investigation_concluded_at')} as quarter, r.municipality_code as municipality,
      r.investigation_concluded_at <= r.investigation_conclude_by as in_time, count(*)::integer as n
    from report r
    where ${inRegion('r.municipality_code')} and ${window('r.investigation_concluded_at')}
      and r.investigation_conclude_by is not null
    group by all`,
  );
  const advice = await rows<SummaryGroups['advice'][number]>(
    duck,
    `
    select ${QUARTER('r.received_at')} as quarter, r.municipality_code as municipality, count(*)::integer as n
    from advice_request r where ${inRegion('r.municipality_code')} and ${window('r.received_at')}
    group by all`,
  );
  const cases = await rows<SummaryGroups['cases'][number]>(
    duck,
    `
    select ${QUARTER('r.opened_at')} as quarter, r.municipality_code as municipality,
      r.id in (select case_id from case_phase_change where to_phase = 'stable_safety') as stable,
      count(*)::integer as n
    from household_case r where ${inRegion('r.municipality_code')} and ${window('r.opened_at')}
    group by all`,
  );
  const scores = await rows<SummaryGroups['scores'][number]>(
    duck,
    `
    select ${QUARTER('a.assessed_at')} as quarter, count(distinct a.case_id)::integer as cases,
      sum(a.min_score)::double as sum, count(*)::integer as n
    from case_assessment a join household_case r on r.id = a.case_id
    where ${inRegion('r.municipality_code')} and ${window('a.assessed_at')}
    group by all`,
  );
  // One after the other on one connection; DuckDB parallelises inside each query.
  return {
    reports,
    kinds,
    days,
    investigations,
    advice,
    cases,
    scores,
    ...(await duckCasework(duck, inRegion, window)),
  };
}

/** The groupings of summariseCasework: handovers, closures, ended involvements, support, measures. */
async function duckCasework(
  duck: DuckDBConnection,
  inRegion: (column: string) => string,
  window: (column: string) => string,
) {
  const handovers = await rows<SummaryGroups['handovers'][number]>(
    duck,
    `
    select ${QUARTER('e.occurred_at')} as quarter, count(*)::integer as n,
      quantile_cont(${DAYS('e.occurred_at', 'h.proposed_at')}, 0.5) as median
    from case_handover_event e
    join case_handover h on h.id = e.handover_id
    join household_case r on r.id = h.case_id
    where ${inRegion('r.municipality_code')} and ${window('e.occurred_at')} and e.to_status = 'accepted'
    group by all`,
  );
  // The first report about a member of the household after the closure (reports in every region).
  const closures = await rows<SummaryGroups['closures'][number]>(
    duck,
    `
    with closed as materialized (
      select c.id, c.case_id, c.closed_at, r.municipality_code,
        ${PLUS_MONTHS('c.closed_at', 6)} as until_6m, ${PLUS_MONTHS('c.closed_at', 12)} as until_12m,
        ${PLUS_MONTHS('c.closed_at', 18)} as until_18m
      from case_closure c join household_case r on r.id = c.case_id
      where ${inRegion('r.municipality_code')} and ${window('c.closed_at')}
        and c.id not in (select closure_id from case_reopening)
    ), members as (
      select k.id as closure_id, m.bsn_hash, m.date_of_birth, m.name_key
      from closed k join case_member m on m.case_id = k.case_id
    ), linked as materialized (
      select m.closure_id, p.report_id from members m
      join report_person p on p.bsn_hash = m.bsn_hash
      where m.bsn_hash is not null
      union
      select m.closure_id, p.report_id from members m
      join report_person p on p.date_of_birth = m.date_of_birth and p.name_key = m.name_key
      where m.bsn_hash is null or p.bsn_hash is null
    ), reported as materialized (
      -- Materialised, as in the reports grouping: else report is joined on received_at alone.
      select x.closure_id, l.received_at from linked x join report l on l.id = x.report_id
    ), first_after as (
      select k.id, min(l.received_at) as first_at
      from closed k join reported l on l.closure_id = k.id
      where l.received_at > k.closed_at
      group by k.id
    )
    select ${QUARTER('k.closed_at')} as quarter, k.municipality_code as municipality,
      coalesce(f.first_at <= k.until_6m, false) as within_6m,
      coalesce(f.first_at <= k.until_12m, false) as within_12m,
      coalesce(f.first_at <= k.until_18m, false) as within_18m,
      k.case_id in (select case_id from case_support
        where kind = 'experience_expert' and outcome = 'used') as expert,
      count(*)::integer as n
    from closed k left join first_after f on f.id = k.id
    group by all`,
  );
  // Stopped: no later report about the same people within 12 months after the involvement ended.
  const ended = await rows<SummaryGroups['ended'][number]>(
    duck,
    `
    with target as materialized (
      select r.id, r.municipality_code, r.involvement_ended_at as ended_at,
        ${PLUS_MONTHS('r.involvement_ended_at', 12)} as ended_until
      from report r
      where ${inRegion('r.municipality_code')} and ${window('r.involvement_ended_at')}
    ), persons as (
      select p.report_id, p.bsn_hash, p.date_of_birth, p.name_key
      from report_person p where p.report_id in (select id from target)
    ), linked as materialized (
      select p.report_id, q.report_id as later_id from persons p
      join report_person q on q.bsn_hash = p.bsn_hash and q.report_id <> p.report_id
      where p.bsn_hash is not null
      union
      select p.report_id, q.report_id from persons p
      join report_person q on q.date_of_birth = p.date_of_birth and q.name_key = p.name_key
        and q.report_id <> p.report_id
      where p.bsn_hash is null or q.bsn_hash is null
    ), later as materialized (
      -- Materialised: left to itself the optimiser joins report and target on received_at alone
      -- (an inequality join of every report with every ended involvement: minutes, not milliseconds).
      select l.report_id, x.received_at from linked l join report x on x.id = l.later_id
    ), again as (
      select distinct t.id from target t join later x on x.report_id = t.id
      where x.received_at > t.ended_at and x.received_at <= t.ended_until
    )
    select ${QUARTER('t.ended_at')} as quarter, t.municipality_code as municipality,
      a.id is null as stopped, count(*)::integer as n
    from target t left join again a on a.id = t.id
    group by all`,
  );
  const perpetratorHelp = await rows<SummaryGroups['perpetratorHelp'][number]>(
    duck,
    `
    select ${QUARTER('s.offered_at')} as quarter, r.municipality_code as municipality,
      coalesce(s.outcome = 'used', false) as used, count(*)::integer as n
    from case_support s join household_case r on r.id = s.case_id
    where ${inRegion('r.municipality_code')} and ${window('s.offered_at')} and s.kind = 'perpetrator_help'
    group by all`,
  );
  const measures = await rows<SummaryGroups['measures'][number]>(
    duck,
    `
    select ${QUARTER('m.imposed_at')} as quarter, r.municipality_code as municipality, m.kind,
      m.id in (select measure_id from case_measure_extension) as extended, count(*)::integer as n
    from case_measure m join household_case r on r.id = m.case_id
    where ${inRegion('r.municipality_code')} and ${window('m.imposed_at')}
      and m.kind in ('restraining_order', 'crisis_care', 'shelter_stay')
    group by all`,
  );
  const stays = await rows<SummaryGroups['stays'][number]>(
    duck,
    `
    select ${QUARTER('m.imposed_at')} as quarter, count(*)::integer as n,
      quantile_cont(greatest(0, epoch_us(coalesce(m.lifted_at, m.end_at)) - epoch_us(m.imposed_at))
        / 86400000000.0, 0.5) as median
    from case_measure m join household_case r on r.id = m.case_id
    where ${inRegion('r.municipality_code')} and ${window('m.imposed_at')} and m.kind = 'shelter_stay'
    group by all`,
  );
  return { handovers, closures, ended, perpetratorHelp, measures, stays };
}

async function duckLive(duck: DuckDBConnection, regionId: number, from: Date, to: Date, now: Date) {
  const inRegion = `r.region_id = ${regionId} and r.municipality_code in (select cbs_code from region_municipality where region_id = ${regionId})`;
  const overdueUnassessed = await rows<LiveCounts['overdueUnassessed'][number]>(
    duck,
    `
    select ${QUARTER('r.received_at')} as quarter, r.municipality_code as municipality, count(*)::integer as n
    from report r
    where ${inRegion} and r.received_at >= ${ts(from)} and r.received_at < ${ts(to)}
      and r.assessed_at is null and r.assessment_due_at < ${ts(now)}
    group by all`,
  );
  const casesWaiting = await rows<LiveCounts['casesWaiting'][number]>(
    duck,
    `
    select r.municipality_code as municipality, count(*)::integer as n
    from household_case r
    where ${inRegion} and r.closed_at is null and r.id not in (select case_id from case_assessment)
    group by all`,
  );
  return { overdueUnassessed, casesWaiting };
}

async function duckPopulation(duck: DuckDBConnection, codes: readonly string[], year: number) {
  const list = codes.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ');
  const found = await rows<{ cbs_code: string; year: number; inhabitants: number; source: string }>(
    duck,
    `select cbs_code, year, inhabitants, source from municipality_population
     where cbs_code in (${list}) and year <= ${year} order by year`,
  );
  const map = new Map<string, PopulationFigure>();
  for (const r of found) map.set(r.cbs_code, { inhabitants: r.inhabitants, year: r.year, source: r.source });
  return map;
}

interface Context {
  region: RegionCase;
  gate: ReturnType<typeof createDisclosureGate>;
}

async function duckCounts(duck: DuckDBConnection, ctx: Context, years: readonly number[], now: Date) {
  const from = quarterStart(`${years[0]}-Q1`);
  const to = quarterEnd(`${years.at(-1)}-Q4`);
  const groups = await duckGroups(duck, ctx.region.id, from, to);
  const assembled = assembleSummaries(groups);
  const quarters = years.flatMap(quartersOfYear);
  const summaries = new Map([...assembled].filter(([q]) => quarters.includes(q as QuarterKey)));
  for (const q of quarters) if (!summaries.has(q)) summaries.set(q, emptyQuarterSummary());
  return countsFromSummaries(summaries, await duckLive(duck, ctx.region.id, from, to, now), now);
}

/** The dashboard's sections from DuckDB: same selection rules, same counts, same gate. */
async function duckDashboard(duck: DuckDBConnection, ctx: Context, query: Record<string, string>, now: Date) {
  const reader = { visible: ctx.region.municipalities } as InsightReader;
  const selection = resolveSelection(
    reader,
    {
      from: query.from ?? '',
      to: query.to ?? '',
      municipality: query.municipality,
      subregion: query.subregion,
    },
    'querystring',
  );
  const years = yearsOf(selection);
  const counts = await duckCounts(duck, ctx, years, now);
  const population = await duckPopulation(duck, selection.rows, years.at(-1) ?? 0);
  const scope = { regionId: ctx.region.id, municipalities: ctx.region.municipalities, complete: true };
  return buildSections(ctx.gate, scope, selection, indicatorsFor('policy_advisor'), counts, population, now);
}

// ---------------------------------------------------------------- the cross-check

type CountMap = Map<string, unknown>;

/** Every map of the counts with its label: a plain map, or each map of a record (reportAfterClosure.6m). */
function countMaps(counts: InsightCounts): Map<string, CountMap> {
  const maps = new Map<string, CountMap>();
  for (const [key, value] of Object.entries(counts) as [string, CountMap | Record<string, CountMap>][]) {
    if (value instanceof Map) maps.set(key, value);
    else for (const [part, map] of Object.entries(value)) maps.set(`${key}.${part}`, map);
  }
  return maps;
}

function compareCounts(label: string, kring: InsightCounts, duck: InsightCounts): number {
  let compared = 0;
  const differences: string[] = [];
  const perMap: string[] = [];
  const kringMaps = countMaps(kring);
  const duckMaps = countMaps(duck);
  for (const key of new Set([...kringMaps.keys(), ...duckMaps.keys()])) {
    const a: CountMap = kringMaps.get(key) ?? new Map();
    const b: CountMap = duckMaps.get(key) ?? new Map();
    const keys = new Set([...a.keys(), ...b.keys()]);
    perMap.push(`${key} ${keys.size}`);
    for (const k of keys) {
      compared += 1;
      if (!isDeepStrictEqual(a.get(k), b.get(k)))
        differences.push(
          `${key} ${k.replace('\u0000', ' ')}: Kring ${JSON.stringify(a.get(k))}, DuckDB ${JSON.stringify(b.get(k))}`,
        );
    }
  }
  out(`  ${label}: ${compared.toLocaleString('en-GB')} counts compared, ${differences.length} differ`);
  // An empty map compares nothing: the figures per map show what the data exercised.
  out(`    per map: ${perMap.join(', ')}`);
  for (const d of differences.slice(0, 10)) out(`    ${d}`);
  mismatches += differences.length;
  return differences.length;
}

// ---------------------------------------------------------------- national scale on PostgreSQL

async function national() {
  let database: Database;
  let deps: Deps;
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  if (REUSE) {
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
    deps = { db: database.db, keys: keysFromMaster(BENCH_KEY), now: () => new Date() };
    const t0 = performance.now();
    await migrateToLatest(database.db as never);
    const n = await database.db
      .selectFrom('report')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out(
      `${SCALE === 'national' ? 'National' : 'Region'} scale: reusing ${DATABASE} (${Number(n.n).toLocaleString('en-GB')} reports), migrated in ${seconds(t0)}`,
    );
    if (SCALE === 'national' && Number(n.n) < 1_000_000)
      throw new Error(`${DATABASE} does not hold the national scale (${n.n} reports)`);
  } else {
    const loaded = await loadNational({ databaseName: DATABASE, scale: SCALE, years: YEARS });
    database = loaded.database;
    deps = loaded.deps;
    await printLoad(
      SCALE === 'national' ? 'National synthetic data (issue 5 §7)' : 'Region synthetic data on PostgreSQL',
      loaded,
    );
  }
  const workDir = await mkdtemp(path.join(tmpdir(), 'kring-bench-insight-'));
  const duckdb = await DuckDBInstance.create(':memory:', {
    memory_limit: '4GB',
    temp_directory: path.join(workDir, 'duckdb-spill'),
  });
  const duck = await duckdb.connect();
  let app: FastifyInstance | undefined;
  try {
    const t0 = performance.now();
    await sql`vacuum (analyze) report, report_person, advice_request, household_case, case_assessment,
      case_phase_change, case_closure, case_reopening, case_member, case_support, case_measure,
      case_measure_extension, case_handover, case_handover_event`.execute(database.db);
    out(`vacuum analyze ${seconds(t0)}`);

    // Summaries for every region and quarter, from scratch.
    await database.db.deleteFrom('insight_quarter_summary').execute();
    const regions = await database.db.selectFrom('region').select(['id', 'code']).orderBy('code').execute();
    const build = performance.now();
    let quarterCount = 0;
    let slowest = { code: '', seconds: 0 };
    for (const r of regions) {
      const c = await regionCase(database.db, r.code).catch(() => null);
      if (!c) continue;
      const years = Array.from({ length: 10 }, (_, i) => Number(c.filters[0]?.query.to?.slice(0, 4)) - 9 + i);
      const tr = performance.now();
      const { recomputed } = await loadQuarterSummaries(
        database.db,
        { id: c.id, codes: c.municipalities.map((m) => m.code) },
        years.flatMap(quartersOfYear),
      );
      quarterCount += recomputed.length;
      const s = (performance.now() - tr) / 1000;
      if (s > slowest.seconds) slowest = { code: r.code, seconds: s };
    }
    out(
      `Kring summaries built for ${regions.length} regions, ${quarterCount} region-quarters, in ${seconds(build)} (slowest region ${slowest.code} ${slowest.seconds.toFixed(1)} s)`,
    );

    const demo = await regionCase(database.db, 'gelderland-zuid');
    const largest = await database.db
      .selectFrom('report')
      .innerJoin('region', 'region.id', 'report.region_id')
      .select(['region.code', (eb) => eb.fn.countAll().as('n')])
      .groupBy('region.code')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const big = await regionCase(database.db, largest.code);
    const apiServer = await startApp(deps);
    app = apiServer.app;
    const bigUser = await benchAdvisor(deps, big);
    const clients = {
      demo: await signInWith(apiServer.base, 'beleid.regio', demoSecret('beleid.regio')),
      big: await signInWith(apiServer.base, bigUser, BENCH_USER_SECRET),
    };
    out();
    out(
      `Kring API (PostgreSQL, ${SCALE} data; ${ITERATIONS} calls per filter after ${WARM_UP} warm-up calls)`,
    );
    out('There is no national audience: a policy advisor reads one region; the largest region is measured.');
    const kringDemo = await timeApi(clients.demo, demo, `${demo.name} (demo region) as beleid.regio`);
    await timeAfterChange(database.db, clients.demo, demo);
    // At region scale the demo region is the largest: measured once.
    const measured = big.code === demo.code ? [demo] : [demo, big];
    let kringBig = kringDemo;
    if (measured.includes(big)) {
      kringBig = await timeApi(clients.big, big, `${big.name} (largest region) as ${bigUser}`);
      await timeAfterChange(database.db, clients.big, big);
    }

    out();
    await exportToParquet(url.toString(), workDir, duck);
    const contexts = new Map<string, Context>();
    for (const c of measured) {
      const agreements = await loadRegionAgreements(database.db, c.id);
      contexts.set(c.code, {
        region: c,
        gate: createDisclosureGate(disclosureSettingsFrom(agreements.disclosure)),
      });
    }

    out();
    out('Cross-check: the same counts before suppression, and the same published sections');
    const now = new Date();
    for (const c of measured) {
      const ctx = contexts.get(c.code);
      if (!ctx) continue;
      const tenYears = c.filters.find((f) => f.label === 'whole region, 10 years');
      const years = Array.from({ length: 10 }, (_, i) => Number(tenYears?.query.to?.slice(0, 4)) - 9 + i);
      const kring = await loadInsightCounts(
        database.db,
        { id: c.id, codes: c.municipalities.map((m) => m.code) },
        years,
        now,
      );
      compareCounts(`${c.name}, 10 years`, kring, await duckCounts(duck, ctx, years, now));
      const client = c === demo ? clients.demo : clients.big;
      let same = 0;
      for (const f of c.filters) {
        const api = await getDashboard(client, f.query);
        const fromDuck = JSON.parse(JSON.stringify(await duckDashboard(duck, ctx, f.query, new Date())));
        if (isDeepStrictEqual(api.sections, fromDuck)) same += 1;
        else {
          mismatches += 1;
          out(`    ${f.label}: published sections differ`);
        }
      }
      out(`  ${c.name}: published sections equal for ${same} of ${c.filters.length} filters`);
    }

    out();
    out(
      `DuckDB ${(await rows<{ v: string }>(duck, 'select version() as v'))[0]?.v} over Parquet (same filters, same gate)`,
    );
    const ratios: string[] = [];
    for (const [c, kringStats] of measured.map((c) => [c, c === demo ? kringDemo : kringBig] as const)) {
      const ctx = contexts.get(c.code);
      if (!ctx) continue;
      out(`${c.name}`);
      const duckAll: number[] = [];
      const kringAll: number[] = [];
      for (const f of c.filters) {
        const stats = await time(() => duckDashboard(duck, ctx, f.query, new Date()));
        duckAll.push(...stats.all);
        const k = kringStats.get(f.label);
        if (k) kringAll.push(...k.all);
        out(
          `  ${f.label.padEnd(48)} ${describe(stats)}   Kring p95 ${ms(k?.p95 ?? Number.NaN)}  DuckDB/Kring p95 ${(stats.p95 / (k?.p95 ?? Number.NaN) || 0).toFixed(1)}×`,
        );
      }
      const dp95 = percentile(duckAll, 95);
      const kp95 = percentile(kringAll, 95);
      out(`  ${'all filters'.padEnd(48)} p50 ${ms(percentile(duckAll, 50))}  p95 ${ms(dp95)}`);
      ratios.push(
        `${c.name}: Kring API p95 ${ms(kp95)}, DuckDB p95 ${ms(dp95)}, Kring/DuckDB ${(kp95 / dp95).toFixed(2)} (target ≤ 1 and Kring p95 < 300 ms: ${kp95 <= dp95 && kp95 < 300 ? 'met' : 'NOT met'})`,
      );
    }
    out();
    for (const r of ratios) out(r);
  } finally {
    await app?.close();
    duck.closeSync();
    duckdb.closeSync();
    await rm(workDir, { recursive: true, force: true });
    await database.close();
    if (!REUSE && !keepDatabase) await dropBenchDatabase(DATABASE);
  }
}

// ---------------------------------------------------------------- region scale on PGlite

async function regionScale() {
  const dir = await mkdtemp(path.join(tmpdir(), 'kring-bench-pglite-'));
  const database = await openDatabase({ dataDir: dir });
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(database.db as never);
    const deps: Deps = { db: database.db, keys: keysFromMaster(BENCH_KEY), now: () => new Date() };
    await seedDemo(deps, 'test');
    out();
    const t0 = performance.now();
    const result = await generateSyntheticData(deps, {
      scale: 'region',
      years: 10,
      seed: 'kring-bench',
      env: 'test',
      progress: createStderrProgress(),
    });
    out(
      `Region scale on PGlite (${dir}): ${result.totals.reports.toLocaleString('en-GB')} reports, ${result.totals.adviceRequests.toLocaleString('en-GB')} advice requests, ${result.period.from} – ${result.period.until}, generated in ${seconds(t0)}`,
    );
    const region = await regionCase(database.db, 'gelderland-zuid');
    const server = await startApp(deps);
    app = server.app;
    const client = await signInWith(server.base, 'beleid.regio', demoSecret('beleid.regio'));
    const cold = region.filters.find((f) => f.label === 'whole region, 10 years');
    if (cold) {
      const t1 = performance.now();
      await getDashboard(client, cold.query);
      out(`  first read of 10 years (summaries built): ${ms(performance.now() - t1)}`);
    }
    const stats = await timeApi(
      client,
      region,
      `${region.name} as beleid.regio (${ITERATIONS} calls per filter)`,
    );
    await timeAfterChange(database.db, client, region);
    const all = [...stats.values()].flatMap((s) => s.all);
    const p95 = percentile(all, 95);
    out(`Region scale on PGlite: p95 ${ms(p95)} (target < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'})`);
  } finally {
    await app?.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const t0 = performance.now();
if (process.env.KRING_BENCH_SKIP_NATIONAL !== '1') await national();
if (process.env.KRING_BENCH_SKIP_PGLITE !== '1') await regionScale();
out(`\nbenchmark done in ${seconds(t0)}`);
if (mismatches > 0) {
  out(`${mismatches} mismatches between Kring and DuckDB`);
  process.exitCode = 1;
}

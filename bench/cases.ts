/**
 * Casework benchmark (issue 3): latency of the case page API and of "my work" with 100,000
 * households in PostgreSQL. Loads the data set of bench/cases-load.ts (about 100,000 households,
 * ~8.7 M events) into `kring_bench_cases`, fills the casework tables the generator leaves empty
 * (bench/cases-fill.ts), starts the app in process on it, signs in as demo professionals with a
 * real caseload and times, after a warm-up, every API call the case page makes (the case, its
 * timeline and the sections), their total, and GET /api/work and GET /api/cases/mine. Prints the
 * figures; asserts nothing. Not part of `npm test`.
 *   KRING_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:cases
 * Options: KRING_BENCH_REUSE=1 reuses a loaded `kring_bench_cases` (else it is loaded afresh, ~5
 * minutes); KRING_BENCH_DROP=1 drops it at the end (default: kept for the next run);
 * KRING_BENCH_ROUNDS (5) measured rounds; KRING_BENCH_CASES (20) cases per user;
 * KRING_BENCH_PROFILE=1 prints the slowest SQL statements (by total time) of the measured rounds.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { DB } from '../src/db/schema.ts';
import { buildApp } from '../src/http/app.ts';
import { appendAuditEvent } from '../src/modules/audit/store.ts';
import type { Deps } from '../src/modules/deps.ts';
import { keysFromMaster } from '../src/security/keys.ts';
import { type ApiClient, signIn, TestClock } from '../test/support/test-app.ts';
import { fillCasework, isFilled } from './cases-fill.ts';
import { countEvents, loadCases } from './cases-load.ts';
import { adminUrl, BENCH_KEY, dropBenchDatabase } from './synthetic-load.ts';

const NAME = 'kring_bench_cases';
const REUSE = process.env.KRING_BENCH_REUSE === '1';
const DROP = process.env.KRING_BENCH_DROP === '1';
const ROUNDS = Number(process.env.KRING_BENCH_ROUNDS ?? 5);
const CASES_PER_USER = Number(process.env.KRING_BENCH_CASES ?? 20);
const WORK_CALLS_PER_ROUND = 10;
const PROFILE = process.env.KRING_BENCH_PROFILE === '1';
const USERS = ['regisseur.nijmegen', 'wijkteam.nijmegen', 'vt.intake', 'politie.nijmegen'];
/** What the case page (src/web/pages/cases/case-detail-page.tsx and its sections) asks on opening. */
const PAGE_CALLS = [
  ['case', ''],
  ['timeline', '/timeline'],
  ['measures', '/measures'],
  ['meetings', '/meetings'],
  ['actions', '/actions'],
  ['handovers', '/handovers'],
  ['checklists', '/checklists'],
  ['documents', '/documents'],
  ['monitoring', '/monitoring'],
  ['closure', '/closure'],
] as const;

const log = (line: string) => process.stderr.write(`${line}\n`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function databaseExists(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const r = await admin.query('select 1 from pg_database where datname = $1', [NAME]);
    return r.rowCount === 1;
  } finally {
    await admin.end();
  }
}

/** The same pool and type parsers as src/db/database.ts, with a query log when profiling. */
function openBenchDb(url: string, profile: Map<string, number[]> | null): Kysely<DB> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 20 || oid === 1700) return (v: string) => Number(v);
      if (oid === 1082) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  pool.on('error', () => {});
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    ...(profile
      ? {
          log(event) {
            const key = event.query.sql.replace(/\s+/g, ' ').slice(0, 220);
            const list = profile.get(key) ?? [];
            list.push(event.queryDurationMillis);
            profile.set(key, list);
          },
        }
      : {}),
  });
}

// ---- load or reuse --------------------------------------------------------------------------------
const url = new URL(adminUrl);
url.pathname = `/${NAME}`;
if (!(REUSE && (await databaseExists()))) {
  log(`loading 100,000 households into ${NAME} (about 5 minutes) …`);
  const loaded = await loadCases({ quiet: true });
  log(`loaded in ${loaded.loadSeconds.toFixed(0)} s`);
  await loaded.database.close();
}
const profile = PROFILE ? new Map<string, number[]>() : null;
const db = openBenchDb(url.toString(), profile);
await migrateToLatest(db as never);
const present = await sql<{ at: Date }>`
  select ((max(opened_at) at time zone 'Europe/Amsterdam')::date::timestamp + interval '10 hours')
    at time zone 'Europe/Amsterdam' as at from household_case`.execute(db);
// A one-time code is used once (RFC 6238 §5.2): a rerun on a reused database starts after the
// last step a demo user signed in with, a few minutes later than the run before.
const lastStep = await sql<{ step: number | null }>`
  select max(totp_last_step)::int8 as step from app_user where is_demo`.execute(db);
const now = new Date(
  Math.max((present.rows[0]?.at ?? new Date()).getTime(), ((lastStep.rows[0]?.step ?? 0) + 1) * 30_000),
);
const deps: Deps = { db, keys: keysFromMaster(BENCH_KEY), now: () => new Date() };
if (!(await isFilled(db))) {
  log(
    `filling measures, meetings, handovers, checklists, documents, monitoring and closures (now = ${now.toISOString()}) …`,
  );
  const fill = await fillCasework(db, deps.keys.encryption, now, log);
  log(`filled in ${fill.seconds.toFixed(0)} s`);
} else {
  await sql`analyze`.execute(db);
}

// The app's clock stands at the present of the data set (10:00 on its last day) and runs on.
const clock = new TestClock();
clock.offsetMs = now.getTime() - Date.now();
deps.now = clock.now;
const app = await buildApp({
  deps,
  logLevel: 'silent',
  rateLimits: { global: 1_000_000, signIn: 10_000, publicForms: 10_000 },
});
const base = await app.listen({ host: '127.0.0.1', port: 0 });

try {
  // ---- who, and which cases ------------------------------------------------------------------------
  const server = { base, clock };
  const clients = new Map<string, ApiClient>();
  for (const u of USERS) clients.set(u, await signIn(server, u));
  const samples = new Map<string, string[]>();
  const caseloads: { user: string; teamCases: number; sampled: number; servedSampled: number }[] = [];
  for (const u of USERS) {
    const team = await sql<{ id: string }>`
      select tm.case_id as id from case_team_member tm join app_user u on u.id = tm.user_id
      join membership ms on ms.user_id = u.id and ms.organisation_id = tm.organisation_id
      where u.username = ${u} and tm.left_at is null order by md5(tm.case_id::text)`.execute(db);
    const picked = team.rows.slice(0, CASES_PER_USER).map((r) => r.id);
    let served: string[] = [];
    if (u === 'vt.intake') {
      // Veilig Thuis also reads cases of the municipalities it serves without being in the team:
      // a mix of open and closed ones (the closed ones exercise the closure overview).
      const r = await sql<{ id: string }>`
        select c.id from household_case c
        join organisation_municipality om on om.cbs_code = c.municipality_code
        join membership ms on ms.organisation_id = om.organisation_id
        join app_user u on u.id = ms.user_id and u.username = ${u}
        order by md5(c.id::text) limit ${CASES_PER_USER}`.execute(db);
      served = r.rows.map((x) => x.id);
    }
    samples.set(u, [...picked, ...served]);
    caseloads.push({
      user: u,
      teamCases: team.rows.length,
      sampled: picked.length,
      servedSampled: served.length,
    });
  }

  const timings = new Map<string, number[]>();
  const record = (key: string, ms: number) => {
    const list = timings.get(key) ?? [];
    list.push(ms);
    timings.set(key, list);
  };
  const sizes = new Map<string, number[]>();
  const timed = async (client: ApiClient, path: string) => {
    const t0 = performance.now();
    const response = await client.get(path);
    const ms = performance.now() - t0;
    if (response.status !== 200)
      throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return { ms, body: response.body as unknown };
  };

  const round = async (measure: boolean) => {
    for (const u of USERS) {
      const client = clients.get(u) as ApiClient;
      for (const caseId of samples.get(u) ?? []) {
        let total = 0;
        for (const [name, suffix] of PAGE_CALLS) {
          const { ms } = await timed(client, `/api/cases/${caseId}${suffix}`);
          total += ms;
          if (measure) record(`page:${name}`, ms);
        }
        if (measure) record('page:total (one after the other)', total);
        // As a browser does: all calls of the page at once.
        const t0 = performance.now();
        await Promise.all(PAGE_CALLS.map(([, suffix]) => client.get(`/api/cases/${caseId}${suffix}`)));
        if (measure) record('page:wall (all at once)', performance.now() - t0);
      }
      for (let i = 0; i < WORK_CALLS_PER_ROUND; i++) {
        const work = await timed(client, '/api/work');
        const mine = await timed(client, '/api/cases/mine');
        if (measure) {
          record('work', work.ms);
          record('mine', mine.ms);
          const w = work.body as {
            thisWeek: unknown[];
            overdue: unknown[];
            handovers: unknown[];
            cases: unknown[];
          };
          sizes.set(u, [w.thisWeek.length, w.overdue.length, w.handovers.length, w.cases.length]);
        }
      }
    }
  };

  log('warming up …');
  await round(false);
  profile?.clear();
  const measuredStart = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    log(`round ${r + 1}/${ROUNDS} …`);
    await round(true);
  }
  const measuredSeconds = (performance.now() - measuredStart) / 1000;

  // The audit write every read makes: advisory lock, last hash, insert, commit.
  const auditTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    await db.transaction().execute((trx) =>
      appendAuditEvent(trx, {
        actorUserId: null,
        actorOrganisationId: null,
        action: 'bench.audit_cost',
        details: { ids: ['00000000-0000-0000-0000-000000000000'] },
      }),
    );
    auditTimes.push(performance.now() - t0);
  }
  timings.set('audit write (own transaction)', auditTimes);

  // ---- report --------------------------------------------------------------------------------------
  const counts = await sql<Record<string, number>>`
    select (select count(*)::int from household_case) as cases,
      (select count(*)::int from household_case where closed_at is null) as open_cases,
      (select count(*)::int from case_member) as case_members,
      (select count(*)::int from case_team_member) as team_memberships,
      (select count(*)::int from case_action) as actions,
      (select count(*)::int from case_measure) as measures,
      (select count(*)::int from case_meeting) as meetings,
      (select count(*)::int from case_handover) as handovers,
      (select count(*)::int from case_handover where status in ('proposed', 'escalated')) as handovers_waiting,
      (select count(*)::int from case_checklist_result) as checklist_results,
      (select count(*)::int from case_document) as documents,
      (select count(*)::int from case_monitoring_moment) as monitoring_moments,
      (select count(*)::int from case_monitoring_contact) as monitoring_contacts,
      (select count(*)::int from case_closure) as closures,
      (select count(*)::int from audit_event) as audit_events`.execute(db);
  const households = await sql<{ n: number }>`
    select count(distinct full_name || date_of_birth)::int as n from report_person where position = 0`.execute(
    db,
  );
  const out: string[] = [];
  out.push('Casework benchmark (issue 3): case page API and "my work" on PostgreSQL');
  out.push(
    `data: ${households.rows[0]?.n.toLocaleString('en')} households, events ${JSON.stringify(await countEvents({ db } as Database))}`,
  );
  out.push(`rows: ${JSON.stringify(counts.rows[0])}`);
  out.push(
    `clock: ${now.toISOString()} (the present of the data set); ${ROUNDS} measured rounds after one warm-up round, ${measuredSeconds.toFixed(0)} s`,
  );
  for (const c of caseloads)
    out.push(
      `  ${c.user.padEnd(20)} active team cases ${String(c.teamCases).padStart(4)}, sampled ${c.sampled}${c.servedSampled ? ` + ${c.servedSampled} served by Veilig Thuis` : ''}; my work: this week/overdue/handovers/cases = ${(sizes.get(c.user) ?? []).join('/')}`,
    );
  out.push('');
  out.push(
    `${'endpoint'.padEnd(44)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
  );
  const label: Record<string, string> = {
    work: 'GET /api/work (my work)',
    mine: 'GET /api/cases/mine',
  };
  for (const [name, suffix] of PAGE_CALLS) label[`page:${name}`] = `GET /api/cases/:id${suffix}`;
  label['page:total (one after the other)'] = 'case page: sum of its 10 calls';
  label['page:wall (all at once)'] = 'case page: 10 calls at once (wall)';
  for (const [key, values] of timings) {
    out.push(
      `${(label[key] ?? key).padEnd(44)} ${String(values.length).padStart(5)} ${percentile(values, 50).toFixed(1).padStart(8)} ${percentile(values, 95).toFixed(1).padStart(8)} ${Math.max(
        ...values,
      )
        .toFixed(1)
        .padStart(8)}`,
    );
  }
  out.push('target: p95 < 50 ms for the case page API and my work');
  if (profile) {
    out.push('', 'slowest statements by total time (measured rounds):');
    const rows = [...profile.entries()]
      .map(([q, d]) => ({ q, n: d.length, total: d.reduce((a, b) => a + b, 0), p95: percentile(d, 95) }))
      .sort((a, b) => b.total - a.total)
      .slice(0, 25);
    for (const r of rows)
      out.push(
        `${r.total.toFixed(0).padStart(7)} ms ${String(r.n).padStart(6)}× p95 ${r.p95.toFixed(2).padStart(7)}  ${r.q}`,
      );
  }
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await app.close();
  await db.destroy();
  if (DROP) await dropBenchDatabase(NAME);
}

/**
 * Loads 100,000 households with a realistic history for the casework benchmark (issue 3): the
 * demo region Gelderland-Zuid scaled up until it holds about 100,000 households over 10 years —
 * reports, household cases with their team changes, phase changes, safety assessments with scores
 * and actions, notes and safety-plan versions — into a fresh PostgreSQL database
 * `kring_bench_cases` (dropped afterwards unless KRING_BENCH_KEEP=1). The demo users (regisseur.nijmegen, wijkteam.nijmegen,
 * vt.intake, …) are part of the staff and carry a normal caseload, so a benchmark can sign in as
 * them and time the case page and "my work".
 *   KRING_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load-cases
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { dropBenchDatabase, keepDatabase, loadNational, printLoad } from './synthetic-load.ts';

/** Volume multiplier on Gelderland-Zuid that gives about 100,000 households in 10 years. */
export const CASES_BENCH_FRACTION = Number(process.env.KRING_BENCH_FRACTION ?? 10.5);

/** Loads the casework data set; returns the open database and the figures. */
export async function loadCases(options: { databaseName?: string; quiet?: boolean } = {}) {
  return loadNational({
    databaseName: options.databaseName ?? 'kring_bench_cases',
    scale: 'region',
    years: 10,
    seed: 'kring-bench-cases',
    fraction: CASES_BENCH_FRACTION,
    ...(options.quiet ? { quiet: true } : {}),
  });
}

/** Events in the history: every dated thing that happened to a household. */
export async function countEvents(database: Database) {
  const r = await sql<Record<string, number>>`
    select
      (select count(*)::int from report) as reports,
      (select count(*)::int from case_report) as reports_attached,
      (select count(*)::int from case_phase_change) as phase_changes,
      (select count(*)::int from case_assessment) as assessments,
      (select count(*)::int from case_note) as notes,
      (select count(*)::int from case_team_member) + (select count(*)::int from case_team_member where left_at is not null) as team_changes,
      (select count(*)::int from case_action) as actions,
      (select count(*)::int from case_action_status_change) as action_status_changes,
      (select count(*)::int from case_safety_plan_version) as safety_plan_versions`.execute(database.db);
  const events = r.rows[0] ?? {};
  return { ...events, total: Object.values(events).reduce((a, b) => a + b, 0) };
}

/** Caseloads of the demo users, to sign in with in a benchmark. */
export async function demoCaseloads(database: Database) {
  const r = await sql<{ username: string; open_cases: number; all_cases: number; open_actions: number }>`
    select u.username,
      count(distinct tm.case_id) filter (where tm.left_at is null and c.closed_at is null)::int as open_cases,
      count(distinct tm.case_id)::int as all_cases,
      (select count(*)::int from case_action a where a.owner_user_id = u.id and a.status = 'open') as open_actions
    from app_user u
    left join case_team_member tm on tm.user_id = u.id
    left join household_case c on c.id = tm.case_id
    where u.is_demo group by u.id, u.username order by u.username`.execute(database.db);
  return r.rows;
}

const invokedDirectly =
  process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  const loaded = await loadCases();
  try {
    await printLoad('Casework history: 100,000 households (issue 3)', loaded);
    const households = await sql<{ n: number }>`
      select count(distinct full_name || date_of_birth)::int as n from report_person where position = 0`.execute(
      loaded.database.db,
    );
    process.stdout.write(`households (distinct first persons): ${households.rows[0]?.n}\n`);
    process.stdout.write(`events: ${JSON.stringify(await countEvents(loaded.database))}\n`);
    process.stdout.write('demo users (team memberships):\n');
    for (const row of await demoCaseloads(loaded.database))
      process.stdout.write(`  ${JSON.stringify(row)}\n`);
  } finally {
    await loaded.database.close();
    if (!keepDatabase) await dropBenchDatabase('kring_bench_cases');
  }
}

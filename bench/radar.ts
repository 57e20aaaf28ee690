/**
 * Radar benchmark (issue 4): intake throughput with radar matching, and radar look-up latency,
 * against 1,000,000 persons in PostgreSQL. Needs a PostgreSQL server:
 *   KRING_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:radar
 * Creates and drops its own database. Prints the figures; asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { RequestContext } from '../src/modules/access/request-context.ts';
import { DEMO_REGION_FILE } from '../src/modules/demo/seed-demo.ts';
import type { Deps } from '../src/modules/deps.ts';
import { hashPassword } from '../src/modules/identity/password.ts';
import { getRadar } from '../src/modules/intake/radar-service.ts';
import { createReport } from '../src/modules/intake/service.ts';
import { importRegionFile } from '../src/modules/region/service.ts';
import { keysFromMaster } from '../src/security/keys.ts';

const adminUrl = process.env.KRING_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PERSONS = Number(process.env.KRING_BENCH_PERSONS ?? 1_000_000);
const LOOKUPS = 300;
const INTAKE = 300;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

const name = `kring_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
try {
  const db = database.db;
  await migrateToLatest(db as never);
  const deps: Deps = { db, keys: keysFromMaster(Buffer.alloc(32, 3)), now: () => new Date() };
  const region = await importRegionFile(deps, DEMO_REGION_FILE, 'bench');
  if (!region.ok) throw new Error('region import failed');
  const vt = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('type', '=', 'veilig_thuis')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('app_user')
    .values({
      username: 'bench',
      display_name: 'Bench',
      password_hash: await hashPassword('bench-password-123'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ user_id: user.id, organisation_id: vt.id, role: 'vt_intake' })
    .execute();

  // 1,000,000 synthetic persons in 400,000 earlier reports over ten years; 60% with a BSN hash.
  const started = performance.now();
  const reports = Math.ceil(PERSONS / 2.4);
  await sql`
    insert into report (reference, region_id, municipality_code, created_by_user_id, created_by_organisation_id,
      violence_kinds, violence_kind_list_version, acute, description, received_at, assessment_due_at, status,
      involvement_ended_at)
    select 'B-' || g, ${region.regionId}, 'GM0268', ${user.id}, ${vt.id}, array['partner_violence'], '2019.1', false,
      'synthetic', now() - (g % 3650) * interval '1 day', now() - (g % 3650) * interval '1 day' + interval '7 days',
      'assessed', case when g % 3 = 0 then null else now() - (g % 3650) * interval '1 day' + interval '30 days' end
    from generate_series(1, ${reports}) g`.execute(db);
  await sql`
    insert into report_person (report_id, position, full_name, date_of_birth, role, bsn_hash)
    select r.id, p.n,
      (array['Jan','Anna','Mohamed','Fatima','Piet','Sara','Kees','Noor','Daan','Emma'])[1 + (hashtext(r.reference || p.n) & 2147483647) % 10]
        || ' ' || (array['Jansen','de Vries','Bakker','Yilmaz','el Amrani','Visser','Smit','Meijer','de Boer','Mulder'])[1 + (hashtext(p.n || r.reference) & 2147483647) % 10]
        || ' ' || (hashtext(r.reference) & 1023),
      date '1940-01-01' + ((hashtext(r.reference || 'd' || p.n) & 2147483647) % 29000),
      'victim',
      case when (hashtext(r.reference || 'b' || p.n) & 2147483647) % 10 < 6 then md5(r.reference || p.n) || md5(p.n || r.reference) else null end
    from report r cross join lateral generate_series(0, case when (hashtext(r.reference) & 1) = 0 then 1 else 2 end) p(n)
    where r.reference like 'B-%'
    limit ${PERSONS}`.execute(db);
  await sql`analyze`.execute(db);
  const persons = Number(
    (await sql<{ n: number }>`select count(*)::int as n from report_person`.execute(db)).rows[0]?.n,
  );
  console.log(
    `generated ${persons.toLocaleString('en')} persons in ${reports.toLocaleString('en')} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const orgRow = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'type', 'region_id'])
    .where('id', '=', vt.id)
    .executeTakeFirstOrThrow();
  const ctx: RequestContext = {
    requestId: 'bench',
    ip: '127.0.0.1',
    language: 'nl',
    session: { id: 'bench', csrfToken: 'x', mfaPassed: true },
    user: { id: user.id, username: 'bench', displayName: 'Bench', isDemo: false },
    organisation: { id: orgRow.id, name: orgRow.name, type: 'veilig_thuis', regionId: orgRow.region_id },
    roles: ['vt_intake', 'professional'],
  };

  // Intake throughput: record a report and run the radar for it, one after the other.
  const dob = () =>
    `19${50 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  const intakeStart = performance.now();
  const created: string[] = [];
  for (let i = 0; i < INTAKE; i++) {
    const report = await createReport(deps, ctx, {
      municipalityCode: 'GM0268',
      persons: [
        { fullName: 'Jan Jansen 17', dateOfBirth: dob(), role: 'perpetrator' },
        { fullName: 'Anna Jansen 17', dateOfBirth: dob(), role: 'victim' },
      ],
      violenceKinds: ['partner_violence'],
      acute: false,
      description: 'benchmark',
      notes: [],
    });
    await getRadar(deps, ctx, report.id);
    created.push(report.id);
  }
  const intakeSeconds = (performance.now() - intakeStart) / 1000;

  // Radar look-up latency on reports already in the database.
  const timings: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const id = created[i % created.length] ?? '';
    const t0 = performance.now();
    await getRadar(deps, ctx, id);
    timings.push(performance.now() - t0);
  }
  console.log(
    `intake with radar: ${(INTAKE / intakeSeconds).toFixed(1)} reports/s (${INTAKE} reports, one at a time, each audited)`,
  );
  console.log(
    `radar look-up over ${persons.toLocaleString('en')} persons: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${Math.max(...timings).toFixed(1)} ms (target p95 < 20 ms)`,
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

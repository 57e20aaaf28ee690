/**
 * Loads the national synthetic data set (issue 5 §7): all 26 Veilig Thuis regions — the five
 * configured ones plus synthetic ones — over 10 years, about 1,300,000 reports, into a fresh
 * PostgreSQL database `kring_bench_insight` (dropped and created again). Prints the load time and
 * the rows per table, then drops the database unless KRING_BENCH_KEEP=1. The functions are exported
 * so the insight benchmark can load the data itself and time its queries on it.
 *   KRING_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load-national
 * Optional: KRING_BENCH_YEARS (10), KRING_BENCH_SEED (kring-bench), KRING_BENCH_FRACTION (1).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/modules/demo/seed-demo.ts';
import {
  describeGeneration,
  type GenerateOptions,
  generateSyntheticData,
} from '../src/modules/demo/synthetic/generate.ts';
import { createStderrProgress } from '../src/modules/demo/synthetic/progress.ts';
import type { Deps } from '../src/modules/deps.ts';
import { keysFromMaster } from '../src/security/keys.ts';

export const BENCH_KEY = Buffer.alloc(32, 5);
export const adminUrl = process.env.KRING_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and creates a database on the benchmark server, migrates it and loads the demo region and users. */
export async function createBenchDatabase(
  name: string,
): Promise<{ database: Database; deps: Deps; url: string }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  await migrateToLatest(database.db as never);
  const deps: Deps = { db: database.db, keys: keysFromMaster(BENCH_KEY), now: () => new Date() };
  await seedDemo(deps, 'test');
  return { database, deps, url: url.toString() };
}

/** Drops a benchmark database (the open connections are closed by the caller first). */
export async function dropBenchDatabase(name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Keep the loaded database for a later benchmark run (KRING_BENCH_KEEP=1); by default it is dropped. */
export const keepDatabase = process.env.KRING_BENCH_KEEP === '1';

/** Rows per table in the public schema (exact counts), after ANALYZE so plans use fresh statistics. */
export async function countRows(database: Database): Promise<Record<string, number>> {
  await sql`analyze`.execute(database.db);
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(
    database.db,
  );
  const counts: Record<string, number> = {};
  for (const t of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(
      database.db,
    );
    const n = r.rows[0]?.n ?? 0;
    if (n > 0) counts[t.name] = n;
  }
  return counts;
}

export interface LoadOptions {
  databaseName?: string;
  years?: number;
  seed?: string;
  fraction?: number;
  scale?: GenerateOptions['scale'];
  quiet?: boolean;
}

/** Generates the national scale into a fresh database and returns it open, with timings. */
export async function loadNational(options: LoadOptions = {}) {
  const { database, deps, url } = await createBenchDatabase(options.databaseName ?? 'kring_bench_insight');
  const started = Date.now();
  const result = await generateSyntheticData(deps, {
    scale: options.scale ?? 'national',
    years: options.years ?? 10,
    seed: options.seed ?? 'kring-bench',
    fraction: options.fraction ?? 1,
    env: 'test',
    // A throw-away database loaded as superuser: foreign-key triggers off during the load.
    skipTriggers: true,
    ...(options.quiet ? {} : { progress: createStderrProgress() }),
  });
  const loadSeconds = (Date.now() - started) / 1000;
  return { database, deps, url, result, loadSeconds };
}

function formatCounts(counts: Record<string, number>): string {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return [
    ...Object.entries(counts).map(
      ([k, v]) => `  ${k.padEnd(width)} ${v.toLocaleString('en-GB').padStart(12)}`,
    ),
    `  ${'total'.padEnd(width)} ${total.toLocaleString('en-GB').padStart(12)}`,
  ].join('\n');
}

export async function printLoad(title: string, loaded: Awaited<ReturnType<typeof loadNational>>) {
  const counts = await countRows(loaded.database);
  process.stdout.write(`${title}\n${describeGeneration(loaded.result)}\n`);
  process.stdout.write(
    `load time ${loaded.loadSeconds.toFixed(1)} s into ${loaded.url.replace(/\/\/[^@]*@/, '//')}\n`,
  );
  process.stdout.write(`${formatCounts(counts)}\n`);
  return counts;
}

const invokedDirectly =
  process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  const loaded = await loadNational({
    years: Number(process.env.KRING_BENCH_YEARS ?? 10),
    seed: process.env.KRING_BENCH_SEED ?? 'kring-bench',
    fraction: Number(process.env.KRING_BENCH_FRACTION ?? 1),
  });
  try {
    await printLoad('National synthetic data (issue 5 §7)', loaded);
  } finally {
    await loaded.database.close();
    if (!keepDatabase) await dropBenchDatabase('kring_bench_insight');
  }
}

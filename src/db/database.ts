import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Runs one SQL text with positional parameters, for libraries that bring their own SQL (pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

// Both engines return the same JavaScript types: counts as numbers, dates as ISO strings.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parseNumber = (v: string) => Number(v);
const keepString = (v: string) => v;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' keeps everything in memory (tests). */
  dataDir: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const kysely = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  const { db, engine } = kysely;
  return {
    db,
    engine,
    async executeSql(text, values = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
    close: () => db.destroy(),
  };
}

function openPostgres(connectionString: string): { db: Kysely<DB>; engine: Engine } {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return parseNumber;
      if (oid === DATE) return keepString;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle connection the server ends (restart, failover, DROP DATABASE … WITH (FORCE)) is reported
  // on the pool; without a listener Node treats it as an uncaught error and stops the process.
  // The pool replaces the connection; the next query reconnects or fails with a clear error.
  pool.on('error', () => {});
  return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
}

async function openPglite(dataDir: string): Promise<{ db: Kysely<DB>; engine: Engine }> {
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    location = path.join(dataDir, 'pg');
    mkdirSync(location, { recursive: true });
  }
  const pglite = await PGlite.create(location, {
    parsers: { [INT8]: parseNumber, [NUMERIC]: parseNumber, [DATE]: keepString },
  });
  return { db: new Kysely<DB>({ dialect: new PgliteDialect(pglite) }), engine: 'pglite' };
}

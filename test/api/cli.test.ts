import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS_DIR } from '../../src/modules/demo/seed-demo.ts';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/test-database.ts';

// The operator's commands against a real database: a PGlite data directory, or with
// KRING_TEST_DATABASE_URL a fresh PostgreSQL database.
let dir: string;
let server: TestDatabase | undefined;
let env: Record<string, string | undefined>;

async function withSql(
  run: (query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<void>,
) {
  if (server?.url) {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await run((text) => client.query(text));
    } finally {
      await client.end();
    }
    return;
  }
  const db = await PGlite.create(path.join(dir, 'pg'));
  try {
    await run(async (text) => (await db.exec(text)).at(-1) as { rows: Record<string, unknown>[] });
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kring-cli-'));
  if (serverUrl) {
    server = await createTestDatabase();
    await server.database.close();
  }
  env = { KRING_DATA_DIR: dir, DATABASE_URL: server?.url, KRING_SECRET_KEY: '07'.repeat(32) };
});
afterAll(async () => {
  if (server?.url) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${new URL(server.url).pathname.slice(1)} with (force)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('kring import region', () => {
  it('refuses an invalid file, lists every problem with its location, and imports nothing', async () => {
    const region = JSON.parse(readFileSync(path.join(REGIONS_DIR, 'zaanstreek-waterland.json'), 'utf8'));
    region.municipalities[2].cbsCode = 'GM12';
    region.organisations[0].serves.push('GM0001');
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(region, null, 2));
    const result = await runCli(['import', 'region', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing imported');
    expect(result.stderr).toContain('municipalities[2].cbsCode');
    await withSql(async (query) => {
      const { rows } = await query('select count(*)::int as n from region');
      expect(rows[0]?.n).toBe(0);
    });
  });

  it('imports all five seed regions into one database, overlapping municipalities included', async () => {
    for (const file of [
      'gelderland-zuid',
      'noord-en-midden-limburg',
      'noordoost-brabant',
      'zaanstreek-waterland',
      'rotterdam-rijnmond',
    ]) {
      const result = await runCli(['import', 'region', path.join(REGIONS_DIR, `${file}.json`)], env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`imported region ${file}`);
    }
    await withSql(async (query) => {
      const { rows } = await query('select count(*)::int as n from region');
      expect(rows[0]?.n).toBe(5);
      const purposes = await query(
        "select purpose, region_name from municipality_purpose_region where cbs_code = 'GM0263' order by purpose",
      );
      expect(purposes.rows).toContainEqual(expect.objectContaining({ purpose: 'shelter' }));
    });
  });

  it('importing the same file again changes nothing but the import time', async () => {
    const before = await runCli(['import', 'region', path.join(REGIONS_DIR, 'gelderland-zuid.json')], env);
    expect(before.code).toBe(0);
    await withSql(async (query) => {
      const { rows } = await query(
        "select count(*)::int as n from organisation o join region r on r.id = o.region_id where r.code = 'gelderland-zuid'",
      );
      const file = JSON.parse(readFileSync(path.join(REGIONS_DIR, 'gelderland-zuid.json'), 'utf8'));
      expect(rows[0]?.n).toBe(file.organisations.length);
    });
  });
});

describe('kring audit verify', () => {
  it('passes on an untouched trail and fails after a database owner alters, removes or inserts an event', async () => {
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit trail intact: \d+ events/);

    await withSql(async (query) => {
      await expect(query("update audit_event set action = 'x' where position = 2")).rejects.toThrow(
        /append-only/,
      );
      await expect(query('delete from audit_event where position = 2')).rejects.toThrow(/append-only/);
      // A database owner can switch the guard off; the chain still tells.
      await query('alter table audit_event disable trigger audit_event_no_update');
      await query("update audit_event set outcome = 'failure' where position = 2");
    });
    const altered = await runCli(['audit', 'verify'], env);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toContain('audit trail BROKEN');
    expect(altered.stderr).toContain('"altered"');

    await withSql(async (query) => {
      await query("update audit_event set outcome = 'success' where position = 2");
      await query('delete from audit_event where position = 3');
    });
    const removed = await runCli(['audit', 'verify'], env);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('"gap"');
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS_DIR } from '../../src/modules/demo/seed-demo.ts';
import { importRegionFile } from '../../src/modules/region/service.ts';
import { runCli } from '../support/cli.ts';
import { ApiClient, signIn, startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/test-database.ts';

// Outside figures (issue 5 §5) over HTTP: who may import and read, the all-or-nothing rejection
// report, region boundaries, idempotent re-import, and the seed 003 police table end to end.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED_FILE = path.join(ROOT, 'test/fixtures/figures/zaanstreek-waterland-police-2017-2019.csv');
const SEED = readFileSync(SEED_FILE, 'utf8');
const SOURCE = 'Politie, in: Regionaal Actieplan GHNT Zaanstreek-Waterland 2020-2021, Bijlage 1';

let t: TestApp;
let zawa: ApiClient;
let gzAdvisor: ApiClient;
let gzAdmin: ApiClient;

type Problem = { line: number | null; column: string | null; message: { nl: string; en: string } };
type ImportResult =
  | {
      outcome: 'imported';
      kind: string;
      figures: number;
      replaced: number;
      municipalities: number;
      years: { from: number; to: number };
    }
  | { outcome: 'rejected'; kind: string; problems: Problem[] };
type Overview = {
  kind: string;
  municipalities: { code: string; name: string }[];
  series: {
    municipalityCode: string;
    municipalityName: string;
    measure: string;
    points: {
      year: number;
      value: number;
      previous: number | null;
      change: number | null;
      sourceText: string;
    }[];
  }[];
  totals: {
    measure: string;
    points: { year: number; value: number; complete: boolean; change: number | null }[];
  }[];
};

const policeImport = (content: string, extra: Record<string, unknown> = {}) => ({
  kind: 'police',
  format: 'csv',
  content,
  source: SOURCE,
  sourceDate: '2020-10-01',
  ...extra,
});

const count = async (table: 'outside_figure' | 'audit_event') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const importEvents = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'insight.figures.import')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  gzAdvisor = await signIn(t, 'beleid.regio');
  gzAdmin = await signIn(t, 'beheer.regio');
  // A policy advisor of Zaanstreek-Waterland, the region of seed 003: the region file, one user.
  const region = await importRegionFile(t.deps, path.join(REGIONS_DIR, 'zaanstreek-waterland.json'));
  if (!region.ok) throw new Error('region file');
  const org = await t.deps.db
    .selectFrom('organisation')
    .select('id')
    .where('region_id', '=', region.regionId)
    .where('name', '=', 'Gemeente Zaanstad')
    .executeTakeFirstOrThrow();
  const hash = await t.deps.db
    .selectFrom('app_user')
    .select('password_hash')
    .where('username', '=', 'beleid.regio')
    .executeTakeFirstOrThrow();
  const user = await t.deps.db
    .insertInto('app_user')
    .values({
      username: 'beleid.zawa',
      display_name: 'Beleid ZaWa',
      password_hash: hash.password_hash,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.deps.db
    .insertInto('membership')
    .values({ user_id: user.id, organisation_id: org.id, role: 'policy_advisor' })
    .execute();
  zawa = await signIn(t, 'beleid.zawa');
});
afterAll(async () => {
  await t.close();
});

describe('who may import and read outside figures', () => {
  const OTHERS = [
    'vt.intake',
    'vt.teamleider',
    'wijkteam.nijmegen',
    'regisseur.nijmegen',
    'wijkteam.tiel',
    'politie.nijmegen',
    'privacy.regio',
  ];

  it.each(OTHERS)('%s is refused both (403) and nothing is written', async (username) => {
    const client = await signIn(t, username);
    const before = await count('outside_figure');
    const posted = await client.post(
      '/api/insight/figures/import',
      policeImport('gemeente,jaar,misdrijven\nNijmegen,2019,12'),
    );
    expect(posted.status).toBe(403);
    expect((await client.get('/api/insight/figures')).status).toBe(403);
    expect(await count('outside_figure')).toBe(before);
  });

  it('without a session: 401', async () => {
    const anonymous = new ApiClient(t.base);
    expect((await anonymous.get('/api/insight/figures')).status).toBe(401);
    expect((await anonymous.post('/api/insight/figures/import', policeImport('x'))).status).toBe(401);
  });

  it('a write without the CSRF token is refused', async () => {
    const r = await zawa.request('POST', '/api/insight/figures/import', policeImport(SEED), { csrf: false });
    expect(r.status).toBe(403);
    expect(await count('outside_figure')).toBe(0);
  });
});

describe('rejection report: nothing is imported from a file with any problem', () => {
  it('lists every problem with line, column and a Dutch and English reason', async () => {
    const lines = SEED.trimEnd().split('\n');
    lines[3] = 'Zaandam;2019;1;1';
    lines[7] = 'Landsmeer;2017;33,5;11';
    lines.push('Eindtotaal;2019;1139;399');
    const before = await importEvents();
    const r = await zawa.post<ImportResult>('/api/insight/figures/import', policeImport(lines.join('\n')));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      outcome: 'rejected',
      kind: 'police',
      problems: [
        {
          line: 4,
          column: 'municipality',
          message: {
            nl: 'Onbekende gemeente "Zaandam" (gebruik de CBS-code, bijvoorbeeld GM0479, of de naam).',
            en: 'Unknown municipality "Zaandam" (use the CBS code, e.g. GM0479, or the name).',
          },
        },
        {
          line: 8,
          column: 'incidents_domestic_violence',
          message: {
            nl: 'Vul een heel getal van 0 of meer in (zonder decimalen).',
            en: 'Fill in a whole number of 0 or more (no decimals).',
          },
        },
        {
          line: 26,
          column: 'municipality',
          message: {
            nl: '"Eindtotaal" is een totaalregel: laat die weg, Kring telt de gemeenten zelf op.',
            en: '"Eindtotaal" is a total row: leave it out, Kring adds the municipalities up itself.',
          },
        },
      ],
    });
    expect(await count('outside_figure')).toBe(0);
    expect(await importEvents()).toBe(before);
  });

  it("another region's municipalities are refused line by line (Gelderland-Zuid advisor, ZaWa table)", async () => {
    const r = await gzAdvisor.post<ImportResult>('/api/insight/figures/import', policeImport(SEED));
    expect(r.body.outcome).toBe('rejected');
    if (r.body.outcome !== 'rejected') return;
    expect(r.body.problems).toHaveLength(24);
    expect(r.body.problems[0]).toEqual({
      line: 2,
      column: 'municipality',
      message: {
        nl: 'Beemster (GM0370) hoort niet bij uw regio.',
        en: 'Beemster (GM0370) is not in your region.',
      },
    });
    expect(await count('outside_figure')).toBe(0);
  });

  it('injection in a cell is just an unknown municipality; the table is still there', async () => {
    const r = await zawa.post<ImportResult>(
      '/api/insight/figures/import',
      policeImport(
        `gemeente;jaar;misdrijven\n"Zaanstad'); drop table outside_figure; --";2019;1\n<script>x</script>;2019;1`,
      ),
    );
    expect(r.body.outcome).toBe('rejected');
    if (r.body.outcome === 'rejected') expect(r.body.problems.map((p) => p.line)).toEqual([2, 3]);
    await sql`select 1 from outside_figure limit 1`.execute(t.deps.db);
  });

  it('bad metadata and oversized bodies get the one error shape', async () => {
    const control = await zawa.post<{ error: { code: string; details: { path: string }[] } }>(
      '/api/insight/figures/import',
      policeImport(SEED, { source: 'Politie\u0000' }),
    );
    expect(control.status).toBe(400);
    expect(control.body.error.details.map((d) => d.path)).toEqual(['body.source']);
    const future = await zawa.post<{ error: { code: string; details: { path: string }[] } }>(
      '/api/insight/figures/import',
      policeImport(SEED, { sourceDate: '2999-01-01' }),
    );
    expect(future.status).toBe(400);
    expect(future.body.error.details.map((d) => d.path)).toEqual(['body.sourceDate']);
    const kind = await zawa.post('/api/insight/figures/import', policeImport(SEED, { kind: 'weather' }));
    expect(kind.status).toBe(400);
    const extra = await zawa.post('/api/insight/figures/import', policeImport(SEED, { region: 1 }));
    expect(extra.status).toBe(400);
    const huge = await zawa.post('/api/insight/figures/import', policeImport('x'.repeat(4_300_000)));
    expect(huge.status).toBe(413);
    expect(await count('outside_figure')).toBe(0);
  });
});

describe('the seed 003 police table, imported and read back', () => {
  it('imports 48 figures (8 municipalities × 2017–2019 × incidents and crimes)', async () => {
    const r = await zawa.post<ImportResult>('/api/insight/figures/import', policeImport(SEED));
    expect(r.body).toEqual({
      outcome: 'imported',
      kind: 'police',
      figures: 48,
      replaced: 0,
      municipalities: 8,
      years: { from: 2017, to: 2019 },
    });
    expect(await count('outside_figure')).toBe(48);
    const event = await t.deps.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'insight.figures.import')
      .executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ kind: 'police', figures: 48, via: 'api', source: SOURCE });
  });

  it("reads back the seed's totals and its own percentages (11%, 36%, 49%, 17%)", async () => {
    const r = await zawa.get<Overview>('/api/insight/figures?kind=police');
    expect(r.status).toBe(200);
    const totals = (measure: string) => r.body.totals.find((x) => x.measure === measure)?.points ?? [];
    expect(totals('incidents_domestic_violence').map((p) => p.value)).toEqual([959, 973, 1139]);
    expect(totals('crimes_domestic_violence').map((p) => p.value)).toEqual([359, 294, 399]);
    expect(totals('crimes_domestic_violence').every((p) => p.complete)).toBe(true);
    const pct = (p: { change: number | null } | undefined) => Math.round(p?.change ?? Number.NaN);
    expect(pct(totals('crimes_domestic_violence')[2])).toBe(36);
    expect(pct(totals('incidents_domestic_violence')[2])).toBe(17);
    expect(totals('crimes_domestic_violence')[0]?.change).toBeNull();
    const zaanstad = r.body.series.find(
      (s) => s.municipalityName === 'Zaanstad' && s.measure === 'crimes_domestic_violence',
    );
    expect(zaanstad?.points.map((p) => p.value)).toEqual([184, 165, 246]);
    expect(pct(zaanstad?.points[2])).toBe(49);
    expect(zaanstad?.points[2]?.sourceText).toBe(SOURCE);
    expect(r.body.municipalities).toHaveLength(8);
  });

  it('the Gelderland-Zuid advisor sees none of it: figures are per region', async () => {
    const r = await gzAdvisor.get<Overview>('/api/insight/figures');
    expect(r.body.series).toEqual([]);
    expect(r.body.municipalities.some((m) => m.name === 'Nijmegen')).toBe(true);
  });

  it('re-importing replaces (idempotent); a corrected figure replaces the old one', async () => {
    const again = await zawa.post<ImportResult>('/api/insight/figures/import', policeImport(SEED));
    expect(again.body).toMatchObject({ outcome: 'imported', figures: 48, replaced: 48 });
    expect(await count('outside_figure')).toBe(48);
    const corrected = await zawa.post<ImportResult>(
      '/api/insight/figures/import',
      policeImport('gemeente;jaar;misdrijven\nWaterland;2018;0\nWaterland;2019;4', {
        source: 'Politie, herziene cijfers',
        sourceDate: '2021-01-15',
      }),
    );
    expect(corrected.body).toMatchObject({ outcome: 'imported', figures: 2, replaced: 2 });
    expect(await count('outside_figure')).toBe(48);
    const r = await zawa.get<Overview>('/api/insight/figures');
    const waterland = r.body.series.find(
      (s) => s.municipalityName === 'Waterland' && s.measure === 'crimes_domestic_violence',
    );
    // 11 → 0 is −100%; 0 → 4 has no percentage (growth from nothing).
    expect(waterland?.points.map((p) => [p.value, p.change])).toEqual([
      [11, null],
      [0, -100],
      [4, null],
    ]);
    expect(waterland?.points[2]?.sourceText).toBe('Politie, herziene cijfers');
    // Incidents of Waterland were not in the correction and stay as imported.
    const incidents = r.body.series.find(
      (s) => s.municipalityName === 'Waterland' && s.measure === 'incidents_domestic_violence',
    );
    expect(incidents?.points.map((p) => p.value)).toEqual([23, 15, 23]);
  });
});

describe('population', () => {
  it('a functional admin imports inhabitants (JSON, by name) into the table rates read', async () => {
    const content = JSON.stringify([
      { municipality: 'Nijmegen', year: 2023, inhabitants: 179_073 },
      { municipality: 'GM0281', year: 2023, inhabitants: 42_643 },
      { municipality: 'Tiel', year: 2024, inhabitants: 43_100 },
    ]);
    const r = await gzAdmin.post<ImportResult>('/api/insight/figures/import', {
      kind: 'population',
      format: 'json',
      content,
      source: 'CBS StatLine, Bevolking op 1 januari',
      sourceDate: '2024-03-01',
    });
    expect(r.body).toMatchObject({ outcome: 'imported', kind: 'population', figures: 3, municipalities: 2 });
    const stored = await t.deps.db
      .selectFrom('municipality_population')
      .selectAll()
      .where('cbs_code', '=', 'GM0281')
      .where('year', '=', 2023)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ inhabitants: 42_643, source: 'CBS StatLine, Bevolking op 1 januari' });
    expect(stored.source_date).toBe('2024-03-01');
    expect(stored.imported_at).not.toBeNull();
    const overview = await gzAdvisor.get<Overview>('/api/insight/figures?kind=population');
    const tiel = overview.body.series.find((s) => s.municipalityCode === 'GM0281');
    expect(tiel?.points.find((p) => p.year === 2024)?.previous).toBe(42_643);
    expect(tiel?.points.find((p) => p.year === 2024)?.change).toBeCloseTo(
      ((43_100 - 42_643) / 42_643) * 100,
      9,
    );
  });
});

describe('kring import figures (CLI)', () => {
  let dir: string;
  let server: TestDatabase | undefined;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kring-figures-'));
    if (serverUrl) {
      server = await createTestDatabase();
      await server.database.close();
    }
    env = { KRING_DATA_DIR: dir, DATABASE_URL: server?.url, KRING_SECRET_KEY: '07'.repeat(32) };
  });
  afterAll(async () => {
    if (server?.url) {
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${new URL(server.url).pathname.slice(1)} with (force)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad file with every problem and exit 1, then imports the seed table', async () => {
    const region = await runCli(
      ['import', 'region', path.join(REGIONS_DIR, 'zaanstreek-waterland.json')],
      env,
    );
    expect(region.code).toBe(0);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'gemeente;jaar;misdrijven\nZaanstad;2019;12\nAtlantis;2019;3\n');
    const args = ['--kind', 'police', '--source', SOURCE, '--source-date', '2020-10-01'];
    const refused = await runCli(['import', 'figures', bad, ...args], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 problem(s); nothing imported');
    expect(refused.stderr).toContain('line 3, municipality: Unknown municipality "Atlantis"');
    const imported = await runCli(['import', 'figures', SEED_FILE, ...args], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain(
      'imported 48 police figures (0 replaced) for 8 municipalities, 2017–2019',
    );
    const wrongKind = await runCli(
      ['import', 'figures', SEED_FILE, '--kind', 'weather', '--source', 'x', '--source-date', '2020-01-01'],
      env,
    );
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain('invalid options');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtectedTable, PublishedCell } from '../../src/domain/insight/disclosure.ts';
import type { RequestContext } from '../../src/modules/access/request-context.ts';
import { REGIONS_DIR } from '../../src/modules/demo/seed-demo.ts';
import { buildInsightReport } from '../../src/modules/insight/report-builder.ts';
import { importRegionContent } from '../../src/modules/region/service.ts';
import {
  type ApiClient,
  ApiClient as Client,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';

// Regional insight over HTTP with hand-made records in 2024: Nijmegen has enough reports to
// publish, Berg en Dal a few, Tiel two (below the threshold of 5). Tiel's count must be hidden in
// every view and in the report, and no total may give it away.
let t: TestApp;
let advisor: ApiClient;
let regionId: number;

const NIJMEGEN = 'GM0268';
const BERG_EN_DAL = 'GM1945';
const TIEL = 'GM0281';
const YEAR = { from: '2024-Q1', to: '2024-Q4' };
const PERSON_NAMES: string[] = [];

type Cell = PublishedCell;
type Section =
  | { kind: 'table'; indicator: string; rows: { key: string }[]; table: ProtectedTable }
  | {
      kind: 'share';
      indicator: string;
      rows: { key: string; share: { suppressed: boolean; percent?: number } }[];
      total: { share: { suppressed: boolean; percent?: number } };
      trend: { quarter: string; share: { suppressed: boolean; percent?: number } }[];
    }
  | {
      kind: 'rate';
      indicator: string;
      rows: { key: string; rate: { suppressed: boolean; value?: number; reason?: string } }[];
      total: { rate: { suppressed: boolean; value?: number; reason?: string } };
    }
  | { kind: 'series'; indicator: string; points: { quarter: string; value: number | null }[] };
type Dashboard = {
  audience: string;
  quarters: string[];
  sections: Section[];
  references: { indicator: string; year: number; value: number; source: string; sourceDate: string }[];
  municipalities: { code: string; subregion: string | null }[];
  subregions: string[];
};
type ErrorBody = { error: { code: string; details: { path: string }[] } };

let reference = 0;
let personDay = 0;

/** A report written straight into the tables, with the instants the test needs. */
async function insertReport(
  municipality: string,
  receivedAt: string,
  options: {
    assessedAfterDays?: number;
    endedAt?: string | null;
    person?: { name: string; dateOfBirth: string; bsnHash?: string };
    kinds?: string[];
  } = {},
) {
  reference += 1;
  const received = new Date(receivedAt);
  const report = await t.deps.db
    .insertInto('report')
    .values({
      reference: `T-${reference}`,
      region_id: regionId,
      municipality_code: municipality,
      violence_kinds: options.kinds ?? ['partner_violence'],
      violence_kind_list_version: '2019.1',
      acute: false,
      description: `Beschrijving ${reference}`,
      received_at: received,
      assessment_due_at: new Date(received.getTime() + 7 * 86_400_000),
      assessed_at:
        options.assessedAfterDays === undefined
          ? null
          : new Date(received.getTime() + options.assessedAfterDays * 86_400_000),
      involvement_ended_at: options.endedAt ? new Date(options.endedAt) : null,
      source: 'police_batch',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  personDay += 1;
  const person = options.person ?? {
    name: `Persoon ${reference}`,
    dateOfBirth: `1970-01-${String((personDay % 28) + 1).padStart(2, '0')}`,
  };
  PERSON_NAMES.push(person.name);
  await t.deps.db
    .insertInto('report_person')
    .values({
      report_id: report.id,
      position: 0,
      full_name: person.name,
      date_of_birth: person.dateOfBirth,
      role: 'victim',
      bsn_hash: person.bsnHash ?? null,
    })
    .execute();
}

const nijmegenPerson = (i: number) => ({
  name: i === 4 ? 'Anders Naam' : `Nijmeegse Persoon ${i}`,
  dateOfBirth: `1980-01-${String(i + 1).padStart(2, '0')}`,
  bsnHash: i === 4 ? 'hash-4' : i === 6 ? 'hash-6a' : undefined,
});

beforeAll(async () => {
  t = await startTestApp();
  advisor = await signIn(t, 'beleid.regio');
  const region = await t.deps.db
    .selectFrom('region')
    .select('id')
    .where('code', '=', 'gelderland-zuid')
    .executeTakeFirstOrThrow();
  regionId = region.id;
  // Nijmegen Q1: twenty reports, ten assessed in time and ten late; involvement ended for all but #5.
  for (let i = 0; i < 20; i++)
    await insertReport(NIJMEGEN, `2024-02-${String(i + 1).padStart(2, '0')}T10:00:00Z`, {
      assessedAfterDays: i < 10 ? 1 : 10,
      endedAt: i === 5 ? null : '2024-03-01T12:00:00Z',
      person: nijmegenPerson(i),
      kinds: i < 2 ? ['elder_abuse'] : ['partner_violence'],
    });
  // Nijmegen Q2: twelve reports; #0–4 about the same people after involvement ended (re-reports:
  // #4 by the BSN key under another name), #5 while involvement goes on (follow-up), #6 same name
  // and date of birth but another BSN key (another person), the rest new people.
  for (let j = 0; j < 12; j++) {
    const earlier = nijmegenPerson(j);
    const person =
      j < 4 || j === 5
        ? { name: earlier.name, dateOfBirth: earlier.dateOfBirth }
        : j === 4
          ? { name: 'Heel Andere Naam', dateOfBirth: '1999-09-09', bsnHash: 'hash-4' }
          : j === 6
            ? { name: earlier.name, dateOfBirth: earlier.dateOfBirth, bsnHash: 'hash-6b' }
            : undefined;
    await insertReport(NIJMEGEN, `2024-05-${String(j + 1).padStart(2, '0')}T10:00:00Z`, {
      ...(person ? { person } : {}),
    });
  }
  for (let i = 0; i < 6; i++) await insertReport(BERG_EN_DAL, `2024-03-0${i + 1}T10:00:00Z`);
  for (let i = 0; i < 2; i++) await insertReport(TIEL, `2024-01-1${i}T10:00:00Z`);
  await t.deps.db
    .insertInto('municipality_population')
    .values([
      { cbs_code: NIJMEGEN, year: 2024, inhabitants: 180_000, source: 'test' },
      { cbs_code: TIEL, year: 2023, inhabitants: 42_000, source: 'test' },
    ])
    .execute();
});
afterAll(async () => {
  await t.close();
});

const query = (q: Record<string, string>) => `/api/insight/dashboard?${new URLSearchParams(q).toString()}`;

async function dashboard(q: Record<string, string> = YEAR, client = advisor) {
  const r = await client.get<Dashboard>(query(q));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

function section<K extends Section['kind']>(d: Dashboard, indicator: string, kind: K) {
  const s = d.sections.find((x) => x.indicator === indicator);
  expect(s?.kind).toBe(kind);
  return s as Extract<Section, { kind: K }>;
}

const value = (c: Cell | undefined) => (c && !c.suppressed ? c.value : 'x');

/** Every row and every column with its total holds no suppressed entry or at least two. */
function expectNoLoneSuppression(table: ProtectedTable) {
  table.cells.forEach((row, r) => {
    const line = [...row, table.rowTotals[r]];
    const n = line.filter((c) => c?.suppressed).length;
    expect(n === 0 || n >= 2, `row ${table.rowKeys[r]}`).toBe(true);
  });
  table.columnKeys.forEach((key, c) => {
    const line = [...table.cells.map((row) => row[c]), table.columnTotals[c]];
    const n = line.filter((x) => x?.suppressed).length;
    expect(n === 0 || n >= 2, `column ${key}`).toBe(true);
  });
  const margin = [...table.rowTotals, table.grandTotal];
  const n = margin.filter((c) => c.suppressed).length;
  expect(n === 0 || n >= 2, 'row totals').toBe(true);
}

function rowOf(table: ProtectedTable, key: string) {
  const i = table.rowKeys.indexOf(key);
  expect(i).toBeGreaterThanOrEqual(0);
  return { cells: table.cells[i] ?? [], total: table.rowTotals[i] };
}

describe('dashboard figures on hand-made data', () => {
  it('counts reports per municipality and quarter, hiding Tiel (2) and the cell that would give it away', async () => {
    const d = await dashboard();
    expect(d.quarters).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    const { table } = section(d, 'reports.count', 'table');
    expect(rowOf(table, NIJMEGEN).cells.map(value)).toEqual([20, 12, 0, 0]);
    expect(value(rowOf(table, NIJMEGEN).total)).toBe(32);
    // Tiel is below the threshold; Berg en Dal (6) is hidden with it so that 28 − 20 cannot be split.
    expect(rowOf(table, TIEL).cells[0]).toEqual({ suppressed: true, reason: 'primary' });
    expect(rowOf(table, TIEL).total).toEqual({ suppressed: true, reason: 'primary' });
    expect(rowOf(table, BERG_EN_DAL).cells[0]).toEqual({ suppressed: true, reason: 'secondary' });
    expect(rowOf(table, BERG_EN_DAL).total?.suppressed).toBe(true);
    expect(table.columnTotals.map(value)).toEqual([28, 12, 0, 0]);
    expect(value(table.grandTotal)).toBe(40);
    expectNoLoneSuppression(table);
    // A suppressed cell carries no value at all.
    expect(JSON.stringify(rowOf(table, TIEL).cells[0])).not.toContain('value');
  });

  it('hides Tiel in every municipality and subregion view, and their totals as well', async () => {
    const views: Record<string, string>[] = [
      { municipality: TIEL },
      { subregion: 'Rivierenland' },
      { subregion: 'Rijk van Nijmegen' },
      { municipality: BERG_EN_DAL },
    ];
    for (const filter of views) {
      const d = await dashboard({ ...YEAR, ...filter });
      const { table } = section(d, 'reports.count', 'table');
      expectNoLoneSuppression(table);
      if (table.rowKeys.includes(TIEL)) expect(rowOf(table, TIEL).cells[0]?.suppressed).toBe(true);
      // The first quarter's total of a subregion holding a hidden cell is hidden too: otherwise the
      // region's published total minus it would give the other subregion's hidden cells.
      expect(table.columnTotals[0]?.suppressed, JSON.stringify(filter)).toBe(true);
    }
    const nijmegen = section(await dashboard({ ...YEAR, municipality: NIJMEGEN }), 'reports.count', 'table');
    expect(nijmegen.table.columnTotals.map(value)).toEqual([20, 12, 0, 0]);
    expect(value(nijmegen.table.grandTotal)).toBe(32);
  });

  it('the same cell is hidden whatever period is selected', async () => {
    const q1 = section(await dashboard({ from: '2024-Q1', to: '2024-Q1' }), 'reports.count', 'table');
    expect(rowOf(q1.table, TIEL).cells[0]?.suppressed).toBe(true);
    expect(rowOf(q1.table, BERG_EN_DAL).cells[0]?.suppressed).toBe(true);
    expect(value(rowOf(q1.table, NIJMEGEN).cells[0])).toBe(20);
    const twoYears = section(await dashboard({ from: '2023-Q3', to: '2024-Q2' }), 'reports.count', 'table');
    expect(twoYears.table.columnKeys).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(rowOf(twoYears.table, TIEL).cells[2]?.suppressed).toBe(true);
    expect(rowOf(twoYears.table, NIJMEGEN).cells.map(value)).toEqual([0, 0, 20, 12]);
    expectNoLoneSuppression(twoYears.table);
  });

  it('computes the re-report rate: BSN key or exact name and date of birth, ended involvement only', async () => {
    const d = await dashboard();
    const s = section(d, 'outcome.re_report_rate', 'share');
    const nijmegen = s.rows.find((r) => r.key === NIJMEGEN);
    // Five re-reports of 32 reports (one follow-up and one namesake with another BSN key are not).
    expect(nijmegen?.share).toEqual({ suppressed: false, numerator: 5, denominator: 32, percent: 15.6 });
    expect(s.rows.find((r) => r.key === TIEL)?.share.suppressed).toBe(true);
    expect(s.rows.find((r) => r.key === BERG_EN_DAL)?.share.suppressed).toBe(true);
    expect(s.total.share).toEqual({ suppressed: false, numerator: 5, denominator: 40, percent: 12.5 });
    expect(s.trend.map((p) => (p.share.suppressed ? null : p.share.percent))).toEqual([0, 41.7, null, null]);
  });

  it('computes the share assessed within the term for Nijmegen with its own numbers', async () => {
    const d = await dashboard({ ...YEAR, municipality: NIJMEGEN });
    const s = section(d, 'process.assessment_in_time', 'share');
    // Q1: 10 in time, 10 late; Q2: 12 never assessed and past their term.
    expect(s.total.share).toEqual({ suppressed: false, numerator: 10, denominator: 32, percent: 31.3 });
  });

  it('gives a rate per 100,000 only over a published count and a known population', async () => {
    const d = await dashboard();
    const s = section(d, 'reports.per_100k', 'rate');
    expect(s.rows.find((r) => r.key === NIJMEGEN)?.rate).toEqual({ suppressed: false, value: 17.8 });
    expect(s.rows.find((r) => r.key === TIEL)?.rate).toEqual({
      suppressed: true,
      reason: 'numerator_suppressed',
    });
    expect(s.rows.find((r) => r.key === 'GM0209')?.rate).toEqual({
      suppressed: true,
      reason: 'no_population',
    });
    expect(s.total.rate).toEqual({ suppressed: true, reason: 'no_population' });
    const half = section(
      await dashboard({ from: '2024-Q1', to: '2024-Q2', municipality: NIJMEGEN }),
      'reports.per_100k',
      'rate',
    );
    // 32 reports in half a year over 180,000 inhabitants: 35.6 per 100,000 per year.
    expect(half.total.rate).toEqual({ suppressed: false, value: 35.6 });
  });

  it('splits kinds of violence for the whole region only, with small counts hidden', async () => {
    const d = await dashboard();
    const { table } = section(d, 'reports.by_violence_kind', 'table');
    expect(rowOf(table, 'elder_abuse').cells[0]?.suppressed).toBe(true);
    expect(value(rowOf(table, 'partner_violence').cells[1])).toBe(12);
    expectNoLoneSuppression(table);
    const filtered = await dashboard({ ...YEAR, municipality: NIJMEGEN });
    const kinds = filtered.sections.find((s) => s.indicator === 'reports.by_violence_kind');
    // The breakdown is never narrowed to a municipality: the catalogue does not allow that split.
    expect(kinds?.kind === 'table' ? kinds.table.rowKeys.length : 0).toBe(9);
    expect(JSON.stringify(kinds)).toEqual(JSON.stringify(section(d, 'reports.by_violence_kind', 'table')));
  });

  it('returns every available indicator of the catalogue and no personal data', async () => {
    const catalogue = await advisor.get<{ indicators: { code: string; availability: { status: string } }[] }>(
      '/api/insight/catalogue',
    );
    expect(catalogue.status).toBe(200);
    const available = catalogue.body.indicators.filter((i) => i.availability.status === 'available');
    expect(available.map((i) => i.code)).toContain('measures.restraining_orders');
    const d = await dashboard();
    expect(d.sections.map((s) => s.indicator).sort()).toEqual(available.map((i) => i.code).sort());
    const text = JSON.stringify(d);
    for (const name of PERSON_NAMES) expect(text).not.toContain(name);
    expect(text).not.toContain('hash-4');
    expect(text).not.toContain('Beschrijving');
    expect(text).not.toMatch(/T-\d+/);
  });

  it('records who looked at what in the audit trail', async () => {
    await dashboard({ ...YEAR, municipality: TIEL });
    const events = await t.deps.db
      .selectFrom('audit_event')
      .innerJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select(['audit_event.details', 'audit_event.record_type'])
      .where('audit_event.action', '=', 'insight.dashboard.read')
      .where('app_user.username', '=', 'beleid.regio')
      .execute();
    const details = events.map((e) => (typeof e.details === 'string' ? JSON.parse(e.details) : e.details));
    expect(details).toContainEqual(expect.objectContaining({ municipality: TIEL, from: '2024-Q1' }));
    expect(events.every((e) => e.record_type === 'region')).toBe(true);
  });
});

describe('the report document passes the same gate', () => {
  async function advisorContext(): Promise<RequestContext> {
    const row = await t.deps.db
      .selectFrom('app_user as u')
      .innerJoin('membership as m', 'm.user_id', 'u.id')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .select(['u.id', 'u.display_name', 'o.id as org_id', 'o.name', 'o.type', 'o.region_id'])
      .where('u.username', '=', 'beleid.regio')
      .executeTakeFirstOrThrow();
    return {
      requestId: 'test-report',
      ip: '127.0.0.1',
      language: 'nl',
      session: { id: 'test', csrfToken: 'test', mfaPassed: true },
      user: { id: row.id, username: 'beleid.regio', displayName: row.display_name, isDemo: true },
      organisation: {
        id: row.org_id,
        name: row.name,
        type: row.type as 'local_team',
        regionId: row.region_id,
      },
      roles: ['policy_advisor'],
    };
  }

  it('hides Tiel in the quarterly report exactly as on the dashboard', async () => {
    const ctx = await advisorContext();
    const doc = await buildInsightReport(t.deps, ctx, {
      kind: 'quarterly',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(doc.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(doc.disclosure.threshold).toBe(5);
    const reports = doc.sections.find((s) => s.indicator === 'reports.count');
    const onScreen = section(await dashboard(), 'reports.count', 'table');
    expect(reports?.table).toEqual(onScreen.table);
    const reReports = doc.sections.find((s) => s.indicator === 'outcome.re_report_rate');
    expect(reReports).toBeDefined();
    if (!reReports) return;
    expectNoLoneSuppression(reReports.table);
    expect(rowOf(reReports.table, TIEL).total?.suppressed).toBe(true);
    expect(reReports.columnLabels.map((l) => l.nl)).toEqual(['Hermelding', 'Geen hermelding']);
    for (const s of doc.sections) expectNoLoneSuppression(s.table);
    const text = JSON.stringify(doc);
    for (const name of PERSON_NAMES) expect(text).not.toContain(name);
  });

  it('hides Tiel in a report for Tiel alone, totals included', async () => {
    const ctx = await advisorContext();
    const doc = await buildInsightReport(t.deps, ctx, {
      kind: 'yearly',
      from: '2024-02-15',
      to: '2024-11-30',
      municipalityCode: TIEL,
    });
    expect(doc.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    const reports = doc.sections.find((s) => s.indicator === 'reports.count');
    expect(reports?.table.cells[0]?.[0]?.suppressed).toBe(true);
    expect(reports?.table.grandTotal.suppressed).toBe(true);
    expect(reports?.table.columnTotals[0]?.suppressed).toBe(true);
  });
});

describe('reference figures', () => {
  it('the policy advisor enters a national figure with source and date; entering it again replaces it', async () => {
    const body = {
      indicator: 'outcome.re_report_rate',
      year: 2022,
      value: 38,
      source: 'CBS StatLine, Veilig Thuis 2022',
      sourceDate: '2023-05-01',
    };
    const first = await advisor.post<{ replaced: boolean }>('/api/insight/reference-figures', body);
    expect(first.status).toBe(201);
    const again = await advisor.post<{ replaced: boolean; figure: { value: number } }>(
      '/api/insight/reference-figures',
      { ...body, value: 38.5 },
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replaced: true, figure: { value: 38.5 } });
    const d = await dashboard();
    expect(d.references).toContainEqual(
      expect.objectContaining({
        indicator: 'outcome.re_report_rate',
        year: 2022,
        value: 38.5,
        sourceDate: '2023-05-01',
      }),
    );
  });

  it('refuses bad figures with the one error shape and writes nothing', async () => {
    const count = async () =>
      (
        await t.deps.db
          .selectFrom('insight_reference_figure')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const good = {
      indicator: 'outcome.re_report_rate',
      year: 2021,
      value: 30,
      source: 'CBS',
      sourceDate: '2022-01-01',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, value: 120 }, 'body.value'],
      [{ ...good, indicator: 'nonsense' }, 'body.indicator'],
      [{ ...good, sourceDate: '2999-01-01' }, 'body.sourceDate'],
      [{ ...good, source: 'bad\u0000' }, 'body.source'],
      [{ ...good, extra: 1 }, 'body'],
      [{ ...good, year: 'x' }, 'body.year'],
    ];
    for (const [body, path] of cases) {
      const r = await advisor.post<ErrorBody>('/api/insight/reference-figures', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details.map((x) => x.path).join(' ')).toContain(path);
    }
    const noCsrf = await advisor.request('POST', '/api/insight/reference-figures', good, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe('who may read insight', () => {
  it('refuses bad filters with a field message', async () => {
    const bad: [Record<string, string>, number, string][] = [
      [{ from: '2024-Q4', to: '2024-Q1' }, 400, 'querystring.from'],
      [{ from: '2024-Q5', to: '2024-Q1' }, 400, 'querystring.from'],
      [{ from: '2000-Q1', to: '2024-Q4' }, 400, 'querystring.to'],
      [{ ...YEAR, municipality: 'GM0363' }, 400, 'querystring.municipality'],
      [{ ...YEAR, subregion: "x' or 1=1 --" }, 400, 'querystring.subregion'],
      [{ ...YEAR, municipality: "GM0268' or 1=1" }, 400, 'querystring.municipality'],
      [{ ...YEAR, bogus: '1' }, 400, 'querystring'],
    ];
    for (const [q, status, path] of bad) {
      const r = await advisor.get<ErrorBody>(query(q));
      expect(r.status, JSON.stringify(q)).toBe(status);
      expect(r.body.error.details.map((d) => d.path).join(' ')).toContain(path);
    }
  });

  it('a Veilig Thuis team lead sees the process figures of the municipalities the organisation serves', async () => {
    const lead = await signIn(t, 'vt.teamleider');
    const d = await dashboard(YEAR, lead);
    expect(d.audience).toBe('team_lead');
    const codes = d.sections.map((s) => s.indicator);
    expect(codes).toContain('process.assessment_in_time');
    expect(codes).toContain('reports.count');
    expect(codes).not.toContain('outcome.re_report_rate');
    expect(codes).not.toContain('reports.by_violence_kind');
    // GM0907 Gennep is in the region but not served by Veilig Thuis Gelderland-Zuid.
    expect(d.municipalities.map((m) => m.code)).not.toContain('GM0907');
    const { table } = section(d, 'reports.count', 'table');
    expect(rowOf(table, TIEL).cells[0]?.suppressed).toBe(true);
    const post = await lead.post('/api/insight/reference-figures', {
      indicator: 'reports.count',
      year: 2022,
      value: 1,
      source: 'x',
      sourceDate: '2023-01-01',
    });
    expect(post.status).toBe(403);
  });

  it('everyone else is refused, and signed-out callers are not let in', async () => {
    for (const user of [
      'vt.intake',
      'wijkteam.nijmegen',
      'regisseur.nijmegen',
      'wijkteam.tiel',
      'politie.nijmegen',
      'beheer.regio',
      'privacy.regio',
    ]) {
      const c = await signIn(t, user);
      for (const path of [query(YEAR), '/api/insight/catalogue', '/api/insight/reference-figures']) {
        const r = await c.get<ErrorBody>(path);
        expect(r.status, `${user} ${path}`).toBe(403);
      }
      const post = await c.post('/api/insight/reference-figures', {
        indicator: 'reports.count',
        year: 2022,
        value: 1,
        source: 'x',
        sourceDate: '2023-01-01',
      });
      expect(post.status, user).toBe(403);
    }
    const anonymous = new Client(t.base);
    expect((await anonymous.get(query(YEAR))).status).toBe(401);
  });

  it('the policy advisor reaches no report or case', async () => {
    const anyReport = await t.deps.db.selectFrom('report').select('id').executeTakeFirstOrThrow();
    for (const path of [
      '/api/reports/mine',
      `/api/reports/${anyReport.id}`,
      '/api/veilig-thuis/queue',
      '/api/cases/mine',
    ]) {
      const r = await advisor.get(path);
      expect([403, 404], path).toContain(r.status);
    }
  });
});

describe("the threshold is the region's agreement", () => {
  it('a region that agrees on 7 hides Berg en Dal (6) as a small count; back to the default it is secondary again', async () => {
    const gz = JSON.parse(readFileSync(path.join(REGIONS_DIR, 'gelderland-zuid.json'), 'utf8')) as object;
    const via = { userId: null, via: 'test' };
    const raised = await importRegionContent(
      t.deps,
      JSON.stringify({ ...gz, agreements: { disclosure: { threshold: 7 } } }),
      via,
    );
    expect(raised.ok).toBe(true);
    const strict = section(await dashboard(), 'reports.count', 'table');
    expect(rowOf(strict.table, BERG_EN_DAL).cells[0]).toEqual({ suppressed: true, reason: 'primary' });
    expectNoLoneSuppression(strict.table);
    expect((await importRegionContent(t.deps, JSON.stringify(gz), via)).ok).toBe(true);
    const normal = section(await dashboard(), 'reports.count', 'table');
    expect(rowOf(normal.table, BERG_EN_DAL).cells[0]).toEqual({ suppressed: true, reason: 'secondary' });
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterPeriod } from '../../src/domain/insight/report-period.ts';
import { ApiClient, sampleReport, signIn, startTestApp, type TestApp } from '../support/test-app.ts';

// Report runs (issue 5 §4) over HTTP: who may request them, period rules, progress to done, the
// download, and that a run belongs to the one who asked for it.

type Run = {
  id: string;
  kind: string;
  from: string;
  to: string;
  format: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  fileName: string | null;
  failure: { nl: string; en: string } | null;
};
type ErrorBody = { error: { code: string; details: { path: string; message: { nl: string } }[] } };

let t: TestApp;
let advisor: ApiClient;
let teamLead: ApiClient;
let period: { from: string; to: string };

const runCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('insight_report_run')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Polls until the run is finished; returns every progress value seen on the way. */
async function waitForRun(client: ApiClient, id: string): Promise<{ run: Run; seen: number[] }> {
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const r = await client.get<Run>(`/api/insight/reports/${id}`);
    expect(r.status).toBe(200);
    seen.push(r.body.progress);
    if (r.body.status === 'done' || r.body.status === 'failed') return { run: r.body, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('report run did not finish');
}

async function download(client: ApiClient, id: string) {
  const response = await fetch(`${client.base}/api/insight/reports/${id}/file`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  t = await startTestApp();
  advisor = await signIn(t, 'beleid.regio');
  teamLead = await signIn(t, 'vt.teamleider');
  // Three reports in Nijmegen this quarter: a count below the threshold of 5.
  const local = await signIn(t, 'wijkteam.nijmegen');
  for (let i = 0; i < 3; i++) expect((await local.post('/api/reports', sampleReport())).status).toBe(201);
  const now = t.clock.now();
  const quarter = (Math.floor(now.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4;
  period = quarterPeriod(now.getUTCFullYear(), quarter);
});
afterAll(async () => {
  await t.close();
});

describe('who may request report files', () => {
  it.each([
    'vt.intake',
    'wijkteam.nijmegen',
    'regisseur.nijmegen',
    'wijkteam.tiel',
    'politie.nijmegen',
    'beheer.regio',
    'privacy.regio',
  ])('%s is refused (403) and no run is created', async (username) => {
    const client = await signIn(t, username);
    const before = await runCount();
    const r = await client.post('/api/insight/reports', { kind: 'quarterly', ...period, format: 'pdf' });
    expect(r.status).toBe(403);
    expect((await client.get('/api/insight/reports')).status).toBe(403);
    expect(await runCount()).toBe(before);
  });

  it('without a session: 401', async () => {
    const anonymous = new ApiClient(t.base);
    expect(
      (await anonymous.post('/api/insight/reports', { kind: 'quarterly', ...period, format: 'pdf' })).status,
    ).toBe(401);
  });
});

describe('the request is checked before anything runs', () => {
  it.each([
    [{ kind: 'quarterly', from: '2024-01-01', to: '2024-06-30' }, 'body.from'],
    [{ kind: 'quarterly', from: '2024-02-01', to: '2024-04-30' }, 'body.from'],
    [{ kind: 'yearly', from: '2023-01-01', to: '2023-06-30' }, 'body.from'],
    [{ kind: 'baseline', from: '2023-06-30', to: '2023-01-01' }, 'body.to'],
    [{ kind: 'baseline', from: '2010-01-01', to: '2023-12-31' }, 'body.to'],
    [{ kind: 'baseline', from: '2999-01-01', to: '2999-03-31' }, 'body.from'],
  ])('%j → 400 at %s, nothing created', async (input, path) => {
    const before = await runCount();
    const r = await advisor.post<ErrorBody>('/api/insight/reports', { ...input, format: 'csv' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d) => d.path)).toEqual([path]);
    expect(await runCount()).toBe(before);
  });

  it('a municipality outside the region, a bad format and extra fields are refused', async () => {
    const outside = await advisor.post<ErrorBody>('/api/insight/reports', {
      kind: 'quarterly',
      ...period,
      municipalityCode: 'GM0479',
      format: 'pdf',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.map((d) => d.path)).toEqual(['body.municipalityCode']);
    const format = await advisor.post('/api/insight/reports', {
      kind: 'quarterly',
      ...period,
      format: 'docx',
    });
    expect(format.status).toBe(400);
    const extra = await advisor.post('/api/insight/reports', {
      kind: 'quarterly',
      ...period,
      format: 'pdf',
      userId: 'x',
    });
    expect(extra.status).toBe(400);
    expect(await runCount()).toBe(0);
  });
});

describe('a quarterly report runs to done and downloads', () => {
  it('PDF: queued → progress → done; the file is an attachment', async () => {
    const created = await advisor.post<Run>('/api/insight/reports', {
      kind: 'quarterly',
      ...period,
      format: 'pdf',
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      kind: 'quarterly',
      format: 'pdf',
      from: period.from,
      to: period.to,
    });
    expect(['queued', 'running']).toContain(created.body.status);
    const { run, seen } = await waitForRun(advisor, created.body.id);
    expect(run.failure).toBeNull();
    expect(run.status).toBe('done');
    expect(run.progress).toBe(100);
    // Progress only moves forward.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const { response, bytes } = await download(advisor, run.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${run.fileName}"`);
    expect(run.fileName).toMatch(/^kring-kwartaalrapportage-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await t.deps.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', run.id)
      .orderBy('position')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['insight.report.request', 'insight.report.download']);
  });

  it('XLSX: the three Nijmegen reports (below 5) are the mark, never the count', async () => {
    const created = await advisor.post<Run>('/api/insight/reports', {
      kind: 'quarterly',
      ...period,
      format: 'xlsx',
      language: 'nl',
    });
    const { run } = await waitForRun(advisor, created.body.id);
    expect(run.status).toBe('done');
    const { response, bytes } = await download(advisor, run.id);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.name).toBe('Overzicht');
    const nijmegenRows: unknown[][] = [];
    for (const sheet of workbook.worksheets.slice(1))
      sheet.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        if (values[0] === 'Nijmegen') nijmegenRows.push(values.slice(1));
      });
    expect(nijmegenRows.length).toBeGreaterThan(0);
    // No published Nijmegen count in any table is 1..4: those are suppressed.
    for (const values of nijmegenRows)
      for (const v of values)
        if (typeof v === 'number' && Number.isInteger(v)) expect(v === 0 || v >= 5).toBe(true);
    expect(nijmegenRows.some((values) => values.includes('•'))).toBe(true);
  });

  it('CSV in English for one municipality', async () => {
    const created = await teamLead.post<Run>('/api/insight/reports', {
      kind: 'quarterly',
      ...period,
      municipalityCode: 'GM0268',
      format: 'csv',
      language: 'en',
    });
    expect(created.status).toBe(202);
    const { run } = await waitForRun(teamLead, created.body.id);
    expect(run.status).toBe('done');
    const { response, bytes } = await download(teamLead, run.id);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFQuarterly report')).toBe(true);
    expect(text).toContain('\r\nRegion,');
  });
});

describe('a run belongs to the one who asked for it', () => {
  it("another reader gets 404 for the run and its file; the list shows only one's own", async () => {
    const mine = await advisor.get<Run[]>('/api/insight/reports');
    const id = mine.body[0]?.id ?? '';
    expect(mine.body.length).toBeGreaterThanOrEqual(2);
    expect((await teamLead.get(`/api/insight/reports/${id}`)).status).toBe(404);
    expect((await download(teamLead, id)).response.status).toBe(404);
    const theirs = await teamLead.get<Run[]>('/api/insight/reports');
    expect(theirs.body.map((r) => r.id)).not.toContain(id);
    expect((await advisor.get('/api/insight/reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await advisor.get('/api/insight/reports/not-a-uuid')).status).toBe(400);
  });

  it('a file that is not ready is refused; a run whose process went away is marked failed', async () => {
    const user = await t.deps.db
      .selectFrom('app_user')
      .innerJoin('membership', 'membership.user_id', 'app_user.id')
      .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
      .select(['app_user.id as userId', 'organisation.id as orgId', 'organisation.region_id as regionId'])
      .where('username', '=', 'beleid.regio')
      .executeTakeFirstOrThrow();
    const stale = new Date(t.clock.now().getTime() - 11 * 60 * 1000);
    const inserted = await t.deps.db
      .insertInto('insight_report_run')
      .values({
        kind: 'quarterly',
        period_from: period.from,
        period_to: period.to,
        municipality_code: null,
        language: 'nl',
        format: 'pdf',
        region_id: user.regionId,
        requested_by_user_id: user.userId,
        requested_by_organisation_id: user.orgId,
        status: 'running',
        progress: 40,
        created_at: stale,
        updated_at: stale,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = await download(advisor, inserted.id);
    expect(file.response.status).toBe(400);
    const r = await advisor.get<Run>(`/api/insight/reports/${inserted.id}`);
    expect(r.body.status).toBe('failed');
    expect(r.body.failure?.nl).toContain('onderbroken');
  });
});

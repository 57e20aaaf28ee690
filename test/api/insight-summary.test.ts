import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, shareColumn } from '../../src/domain/insight/indicator-facts.ts';
import type { InsightCounts } from '../../src/domain/insight/quarter-summary.ts';
import { quartersOfYear } from '../../src/domain/insight/quarters.ts';
import { runInsightSummaries } from '../../src/jobs/insight-summaries.ts';
import { loadInsightCounts, loadQuarterSummaries } from '../../src/modules/insight/store.ts';
import { insertReport, insightRegion, type RecordPerson } from '../support/insight-records.ts';
import { signIn, startTestApp, type TestApp } from '../support/test-app.ts';

// The dashboard reads per-quarter summaries (migration 0018). These tests change records after a
// summary was computed and check that the next read has the change: every change a count depends
// on is noted by a trigger, including the re-report classification of later reports about the
// same people, which reads the earlier report.
let t: TestApp;
let regionId: number;
let codes: string[];
let userId: string;
let organisationId: string;
let reference = 0;

const NIJMEGEN = 'GM0268';
const TIEL = 'GM0281';

async function counts(years: number[]): Promise<InsightCounts> {
  return loadInsightCounts(t.deps.db, { id: regionId, codes }, years, t.deps.now());
}

async function addReport(
  municipality: string,
  receivedAt: string,
  options: { endedAt?: string | null; person?: RecordPerson } = {},
) {
  reference += 1;
  return insertReport(t.deps.db, {
    reference: `S-${reference}`,
    regionId,
    municipality,
    receivedAt,
    endedAt: options.endedAt ?? null,
    person: options.person ?? { name: `Persoon S${reference}`, dateOfBirth: '1975-05-05' },
  });
}

const reReports = (c: InsightCounts, municipality: string, quarter: string) => [
  c.reReports.get(cellKey(municipality, shareColumn(quarter as '2023-Q1', 'yes'))) ?? 0,
  c.reReports.get(cellKey(municipality, shareColumn(quarter as '2023-Q1', 'no'))) ?? 0,
];

beforeAll(async () => {
  t = await startTestApp();
  ({ regionId, codes, userId, organisationId } = await insightRegion(t));
});
afterAll(async () => {
  await t.close();
});

describe('quarter summaries are never read stale', () => {
  it('keeps a computed quarter, and recomputes it after a new report', async () => {
    const quarters = quartersOfYear(2023);
    const first = await loadQuarterSummaries(t.deps.db, { id: regionId, codes }, quarters);
    expect(first.recomputed).toEqual(quarters);
    const again = await loadQuarterSummaries(t.deps.db, { id: regionId, codes }, quarters);
    expect(again.recomputed).toEqual([]);
    await addReport(NIJMEGEN, '2023-02-01T10:00:00Z');
    const after = await loadQuarterSummaries(t.deps.db, { id: regionId, codes }, quarters);
    expect(after.recomputed).toEqual(['2023-Q1']);
    expect(after.summaries.get('2023-Q1')?.reports[NIJMEGEN]).toBe(1);
  });

  it('counts an assessment recorded later (an update of the report)', async () => {
    const id = await addReport(TIEL, '2023-04-03T10:00:00Z');
    const before = await counts([2023]);
    // Not assessed and past its term: late, counted live.
    expect(before.assessmentInTime.get(cellKey(TIEL, shareColumn('2023-Q2', 'no')))).toBe(1);
    await t.deps.db
      .updateTable('report')
      .set({ assessed_at: new Date('2023-04-05T10:00:00Z'), status: 'assessed' })
      .where('id', '=', id)
      .execute();
    const after = await counts([2023]);
    expect(after.assessmentInTime.get(cellKey(TIEL, shareColumn('2023-Q2', 'yes')))).toBe(1);
    expect(after.assessmentInTime.get(cellKey(TIEL, shareColumn('2023-Q2', 'no')))).toBeUndefined();
    expect(after.daysToAssessment.get('2023-Q2')).toEqual({ n: 1, median: 2 });
  });

  it('reclassifies a later report when the earlier one ends, in another year', async () => {
    const person = { name: 'Latere  Hermelding', dateOfBirth: '1981-08-08' };
    const earlier = await addReport(NIJMEGEN, '2022-11-01T10:00:00Z', { person });
    await addReport(NIJMEGEN, '2023-05-10T10:00:00Z', { person: { ...person, name: 'latere hermelding' } });
    // The earlier report's involvement is still going on: a follow-up report, not a re-report.
    expect(reReports(await counts([2023]), NIJMEGEN, '2023-Q2')).toEqual([0, 1]);
    await t.deps.db
      .updateTable('report')
      .set({ involvement_ended_at: new Date('2022-12-01T10:00:00Z') })
      .where('id', '=', earlier)
      .execute();
    expect(reReports(await counts([2023]), NIJMEGEN, '2023-Q2')).toEqual([1, 0]);
  });

  it('reclassifies a later report when an earlier report about the same person arrives afterwards', async () => {
    const person = { name: 'Vroege Melding', dateOfBirth: '1990-02-02', bsnHash: 'bsn-late-import' };
    await addReport(NIJMEGEN, '2023-08-01T10:00:00Z', { person });
    expect(reReports(await counts([2023]), NIJMEGEN, '2023-Q3')).toEqual([0, 1]);
    // A police batch brings in an older report about the same person (same BSN key, other name).
    await addReport(TIEL, '2021-03-01T10:00:00Z', {
      endedAt: '2021-04-01T10:00:00Z',
      person: { ...person, name: 'Andere Schrijfwijze' },
    });
    expect(reReports(await counts([2023]), NIJMEGEN, '2023-Q3')).toEqual([1, 0]);
  });

  it('counts advice requests, cases reaching stable safety and safety assessments added later', async () => {
    await counts([2023]);
    await t.deps.db
      .insertInto('advice_request')
      .values({
        reference: 'S-A1',
        region_id: regionId,
        municipality_code: TIEL,
        channel: 'phone',
        asker_role: 'professional',
        anonymous: false,
        violence_kinds: ['child_abuse'],
        violence_kind_list_version: '2019.1',
        violence_duration: 'unknown',
        question: 'Vraag',
        received_at: new Date('2023-10-10T10:00:00Z'),
      })
      .execute();
    const householdCase = await t.deps.db
      .insertInto('household_case')
      .values({
        reference: 'S-C1',
        region_id: regionId,
        municipality_code: NIJMEGEN,
        coordinator_user_id: userId,
        coordinator_organisation_id: organisationId,
        opened_by_user_id: userId,
        opened_at: new Date('2023-10-02T10:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let c = await counts([2023]);
    expect(c.advice.get(cellKey(TIEL, '2023-Q4'))).toBe(1);
    expect(c.stableSafety.get(cellKey(NIJMEGEN, shareColumn('2023-Q4', 'no')))).toBe(1);
    expect(c.casesWaiting.get(cellKey(NIJMEGEN, 'waiting'))).toBe(1);
    await t.deps.db
      .insertInto('case_phase_change')
      .values({
        case_id: householdCase.id,
        from_phase: 'direct_safety',
        to_phase: 'stable_safety',
        reason: 'Stabiel',
        changed_by_user_id: userId,
        changed_at: new Date('2024-03-01T10:00:00Z'),
      })
      .execute();
    await t.deps.db
      .insertInto('case_assessment')
      .values({
        case_id: householdCase.id,
        assessed_at: new Date('2023-11-01T10:00:00Z'),
        recorded_by_user_id: userId,
        organisation_id: organisationId,
        concerns: [],
        min_score: 6,
        median_score: 7,
      })
      .execute();
    c = await counts([2023]);
    expect(c.stableSafety.get(cellKey(NIJMEGEN, shareColumn('2023-Q4', 'yes')))).toBe(1);
    expect(c.stableSafety.get(cellKey(NIJMEGEN, shareColumn('2023-Q4', 'no')))).toBeUndefined();
    expect(c.safetyScore.get('2023-Q4')).toEqual({ cases: 1, mean: 6 });
    expect(c.casesWaiting.get(cellKey(NIJMEGEN, 'waiting'))).toBeUndefined();
  });

  it('recomputes every quarter of the region when its municipalities change, and the dashboard shows it', async () => {
    const quarters = quartersOfYear(2023);
    await loadQuarterSummaries(t.deps.db, { id: regionId, codes }, quarters);
    await t.deps.db
      .updateTable('region_municipality')
      .set({ subregion: 'Rijk van Nijmegen' })
      .where('region_id', '=', regionId)
      .where('cbs_code', '=', NIJMEGEN)
      .execute();
    const after = await loadQuarterSummaries(t.deps.db, { id: regionId, codes }, quarters);
    expect(after.recomputed).toEqual(quarters);
    const advisor = await signIn(t, 'beleid.regio');
    const r = await advisor.get<{
      sections: { indicator: string; table?: { rowKeys: string[]; rowTotals: unknown[] } }[];
    }>('/api/insight/dashboard?from=2023-Q1&to=2023-Q4');
    expect(r.status).toBe(200);
    const reports = r.body.sections.find((s) => s.indicator === 'reports.count');
    const i = reports?.table?.rowKeys.indexOf(NIJMEGEN) ?? -1;
    // Nijmegen: 1 + 2 + 1 reports in 2023 (below the threshold: hidden, never wrong).
    expect(reports?.table?.rowTotals[i]).toEqual({ suppressed: true, reason: 'primary' });
  });

  it('the scheduled job computes what a read would, so the read after a change recomputes nothing', async () => {
    await addReport(TIEL, '2024-02-02T10:00:00Z');
    const run = () => runInsightSummaries(t.deps.db, { slot: 'test', instance: 'test', now: t.deps.now() });
    const first = await run();
    expect(first.recomputed).toBeGreaterThan(0);
    const notes = await t.deps.db
      .selectFrom('insight_stale_quarter')
      .select('quarter')
      .where('region_id', '=', regionId)
      .execute();
    expect(notes).toEqual([]);
    const read = await loadQuarterSummaries(t.deps.db, { id: regionId, codes }, quartersOfYear(2024));
    expect(read.recomputed).toEqual([]);
    expect(read.summaries.get('2024-Q1')?.reports[TIEL]).toBe(1);
    // Nothing changed since: the next run recomputes nothing.
    expect((await run()).recomputed).toBe(0);
    await addReport(TIEL, '2024-05-05T10:00:00Z');
    expect((await run()).recomputed).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey, shareColumn, tally, tallyByMunicipalityQuarter, tallyShare } from './indicator-facts.ts';
import {
  assembleSummaries,
  countsFromSummaries,
  emptyQuarterSummary,
  type SummaryGroups,
} from './quarter-summary.ts';
import type { QuarterKey } from './quarters.ts';
import { categoriseReporter } from './reporter-category.ts';

const QUARTERS: QuarterKey[] = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
const MUNICIPALITIES = ['GM0268', 'GM0281', 'GM1945'];

const reportGroup = fc.record({
  quarter: fc.constantFrom(...QUARTERS),
  municipality: fc.constantFrom(...MUNICIPALITIES),
  reporter_kind: fc.constantFrom('professional', 'resident'),
  source: fc.constantFrom('web', 'police_batch', 'public'),
  creator_type: fc.constantFrom(null, 'police', 'veilig_thuis', 'local_team', 'care_provider'),
  assessed_in_time: fc.constantFrom(null, true, false),
  classification: fc.constantFrom('first_report' as const, 'follow_up_report' as const, 're_report' as const),
  n: fc.integer({ min: 1, max: 40 }),
});

const noGroups: SummaryGroups = {
  reports: [],
  kinds: [],
  days: [],
  investigations: [],
  advice: [],
  cases: [],
  scores: [],
  handovers: [],
  closures: [],
  ended: [],
  perpetratorHelp: [],
  measures: [],
  stays: [],
};

const LATER = new Date('2030-01-01T00:00:00Z');
const none = { overdueUnassessed: [], casesWaiting: [] };

describe('quarter summaries', () => {
  it('give the same counts as tallying the reports one by one', () => {
    fc.assert(
      fc.property(fc.array(reportGroup, { maxLength: 30 }), (groups) => {
        // The reports the groups stand for, one fact each.
        const facts = groups.flatMap((g) => Array.from({ length: g.n }, () => g));
        const summaries = assembleSummaries({ ...noGroups, reports: groups });
        const all = new Map(QUARTERS.map((q) => [q, summaries.get(q) ?? emptyQuarterSummary()]));
        const counts = countsFromSummaries(all, none, LATER);
        const at = new Map(QUARTERS.map((q, i) => [q, new Date(Date.UTC(2024, i * 3, 15))]));
        const dated = facts.map((f) => ({ ...f, at: at.get(f.quarter) ?? new Date(0) }));
        expect(counts.reports).toEqual(tallyByMunicipalityQuarter(dated, (f) => f.at));
        expect(counts.reporters).toEqual(
          tally(
            dated,
            (f) =>
              categoriseReporter({
                reporterKind: f.reporter_kind,
                source: f.source,
                creatorOrganisationType: f.creator_type,
              }),
            (f) => f.quarter,
          ),
        );
        expect(counts.reReports).toEqual(
          tallyShare(
            dated,
            (f) => f.at,
            (f) => (f.classification === 're_report' ? 'yes' : 'no'),
          ),
        );
        expect(counts.assessmentInTime).toEqual(
          tallyShare(
            dated,
            (f) => f.at,
            (f) => (f.assessed_in_time === null ? null : f.assessed_in_time ? 'yes' : 'no'),
          ),
        );
      }),
    );
  });

  it('adds late unassessed reports as "no" and counts open cases waiting', () => {
    const summaries = new Map([['2024-Q1' as QuarterKey, emptyQuarterSummary()]]);
    const counts = countsFromSummaries(
      summaries,
      {
        overdueUnassessed: [
          { municipality: 'GM0268', quarter: '2024-Q1', n: 3 },
          // A quarter not read (outside the years asked for) adds nothing.
          { municipality: 'GM0268', quarter: '2023-Q4', n: 9 },
        ],
        casesWaiting: [{ municipality: 'GM0281', n: 2 }],
      },
      LATER,
    );
    expect([...counts.assessmentInTime]).toEqual([[cellKey('GM0268', shareColumn('2024-Q1', 'no')), 3]]);
    expect([...counts.casesWaiting]).toEqual([[cellKey('GM0281', 'waiting'), 2]]);
  });

  it('rounds the median days and the mean score to one decimal, and leaves out empty quarters', () => {
    const summaries = assembleSummaries({
      ...noGroups,
      days: [{ quarter: '2024-Q2', n: 4, median: 4.96 }],
      scores: [{ quarter: '2024-Q2', cases: 2, sum: 13, n: 3 }],
    });
    summaries.set('2024-Q3', emptyQuarterSummary());
    const counts = countsFromSummaries(summaries, none, LATER);
    expect([...counts.daysToAssessment]).toEqual([['2024-Q2', { n: 4, median: 5 }]]);
    expect([...counts.safetyScore]).toEqual([['2024-Q2', { cases: 2, mean: 4.3 }]]);
  });

  it('sorts closures, ended involvements, help and measures into their tables', () => {
    const summaries = assembleSummaries({
      ...noGroups,
      handovers: [{ quarter: '2024-Q1', n: 6, median: 2.04 }],
      closures: [
        {
          quarter: '2024-Q1',
          municipality: 'GM0268',
          within_6m: true,
          within_12m: true,
          within_18m: true,
          expert: false,
          n: 2,
        },
        {
          quarter: '2024-Q1',
          municipality: 'GM0268',
          within_6m: false,
          within_12m: true,
          within_18m: true,
          expert: true,
          n: 3,
        },
        {
          quarter: '2024-Q1',
          municipality: 'GM0268',
          within_6m: false,
          within_12m: false,
          within_18m: false,
          expert: false,
          n: 5,
        },
      ],
      ended: [
        { quarter: '2024-Q1', municipality: 'GM0281', stopped: true, n: 7 },
        { quarter: '2024-Q1', municipality: 'GM0281', stopped: false, n: 4 },
      ],
      perpetratorHelp: [{ quarter: '2024-Q2', municipality: 'GM0268', used: true, n: 1 }],
      measures: [
        { quarter: '2024-Q2', municipality: 'GM0268', kind: 'restraining_order', extended: true, n: 2 },
        { quarter: '2024-Q2', municipality: 'GM0268', kind: 'restraining_order', extended: false, n: 3 },
        { quarter: '2024-Q2', municipality: 'GM0281', kind: 'crisis_care', extended: false, n: 4 },
        { quarter: '2024-Q2', municipality: 'GM0281', kind: 'shelter_stay', extended: true, n: 6 },
        // Measures no indicator counts are left out.
        { quarter: '2024-Q2', municipality: 'GM0281', kind: 'aware_alarm', extended: false, n: 9 },
      ],
      stays: [{ quarter: '2024-Q2', n: 6, median: 88.25 }],
    });
    const counts = countsFromSummaries(summaries, none, LATER);
    const yes = (q: QuarterKey, m: string) => cellKey(m, shareColumn(q, 'yes'));
    const no = (q: QuarterKey, m: string) => cellKey(m, shareColumn(q, 'no'));
    expect([...counts.handoverAcceptance]).toEqual([['2024-Q1', { n: 6, median: 2 }]]);
    expect(counts.reportAfterClosure['6m'].get(yes('2024-Q1', 'GM0268'))).toBe(2);
    expect(counts.reportAfterClosure['6m'].get(no('2024-Q1', 'GM0268'))).toBe(8);
    expect(counts.reportAfterClosure['12m'].get(yes('2024-Q1', 'GM0268'))).toBe(5);
    expect(counts.reportAfterClosure['18m'].get(no('2024-Q1', 'GM0268'))).toBe(5);
    expect(counts.experienceExpert.get(yes('2024-Q1', 'GM0268'))).toBe(3);
    expect(counts.experienceExpert.get(no('2024-Q1', 'GM0268'))).toBe(7);
    expect(counts.violenceStopped.get(yes('2024-Q1', 'GM0281'))).toBe(7);
    expect(counts.violenceStopped.get(no('2024-Q1', 'GM0281'))).toBe(4);
    expect([...counts.perpetratorHelp]).toEqual([[yes('2024-Q2', 'GM0268'), 1]]);
    expect([...counts.restrainingOrders]).toEqual([[cellKey('GM0268', '2024-Q2'), 5]]);
    expect(counts.restrainingOrderExtensions.get(yes('2024-Q2', 'GM0268'))).toBe(2);
    expect([...counts.crisisCare]).toEqual([[cellKey('GM0281', '2024-Q2'), 4]]);
    expect([...counts.shelterStays]).toEqual([[cellKey('GM0281', '2024-Q2'), 6]]);
    expect([...counts.shelterStayLength]).toEqual([['2024-Q2', { n: 6, median: 88.3 }]]);
  });

  it('leaves out the quarters whose follow-up has not passed yet', () => {
    const closures = (['2024-Q1', '2024-Q2', '2024-Q3'] as QuarterKey[]).map((quarter) => ({
      quarter,
      municipality: 'GM0268',
      within_6m: true,
      within_12m: true,
      within_18m: true,
      expert: true,
      n: 5,
    }));
    const ended = closures.map((c) => ({ quarter: c.quarter, municipality: 'GM0268', stopped: true, n: 5 }));
    const summaries = assembleSummaries({ ...noGroups, closures, ended });
    // 2024-Q2 ended on 1 July 2024 (Amsterdam): 6 months later is 1 January 2025, 12 months 1 July 2025.
    const at = (iso: string) => countsFromSummaries(summaries, none, new Date(iso));
    const quarters = (m: Map<string, number>) =>
      [...m.keys()].map((k) => k.split('\u0000')[1]?.split(':')[0]).sort();
    const justBefore = at('2024-12-31T22:59:59Z');
    expect(quarters(justBefore.reportAfterClosure['6m'])).toEqual(['2024-Q1']);
    const onTheDay = at('2024-12-31T23:00:00Z');
    expect(quarters(onTheDay.reportAfterClosure['6m'])).toEqual(['2024-Q1', '2024-Q2']);
    expect(quarters(onTheDay.reportAfterClosure['12m'])).toEqual([]);
    expect(quarters(onTheDay.violenceStopped)).toEqual([]);
    const later = at('2025-06-30T22:00:00Z');
    expect(quarters(later.reportAfterClosure['12m'])).toEqual(['2024-Q1', '2024-Q2']);
    expect(quarters(later.violenceStopped)).toEqual(['2024-Q1', '2024-Q2']);
    expect(quarters(later.reportAfterClosure['18m'])).toEqual([]);
    // Figures without follow-up count at once.
    expect(quarters(justBefore.experienceExpert)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
  });
});

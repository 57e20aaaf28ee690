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
};

describe('quarter summaries', () => {
  it('give the same counts as tallying the reports one by one', () => {
    fc.assert(
      fc.property(fc.array(reportGroup, { maxLength: 30 }), (groups) => {
        // The reports the groups stand for, one fact each.
        const facts = groups.flatMap((g) => Array.from({ length: g.n }, () => g));
        const summaries = assembleSummaries({ ...noGroups, reports: groups });
        const all = new Map(QUARTERS.map((q) => [q, summaries.get(q) ?? emptyQuarterSummary()]));
        const counts = countsFromSummaries(all, { overdueUnassessed: [], casesWaiting: [] });
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
    const counts = countsFromSummaries(summaries, {
      overdueUnassessed: [
        { municipality: 'GM0268', quarter: '2024-Q1', n: 3 },
        // A quarter not read (outside the years asked for) adds nothing.
        { municipality: 'GM0268', quarter: '2023-Q4', n: 9 },
      ],
      casesWaiting: [{ municipality: 'GM0281', n: 2 }],
    });
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
    const counts = countsFromSummaries(summaries, { overdueUnassessed: [], casesWaiting: [] });
    expect([...counts.daysToAssessment]).toEqual([['2024-Q2', { n: 4, median: 5 }]]);
    expect([...counts.safetyScore]).toEqual([['2024-Q2', { cases: 2, mean: 4.3 }]]);
  });
});

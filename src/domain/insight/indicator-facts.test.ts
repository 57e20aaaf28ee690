import { describe, expect, it } from 'vitest';
import {
  type AssessmentFact,
  assessmentOutcome,
  type CaseFact,
  cellKey,
  daysToAssessmentByQuarter,
  investigationOutcome,
  median,
  type ReportFact,
  reReportOutcome,
  safetyScoreByQuarter,
  shareColumn,
  tally,
  tallyByMunicipalityQuarter,
  tallyCasesWaiting,
  tallyShare,
  toCountTable,
} from './indicator-facts.ts';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

function report(overrides: Partial<ReportFact> = {}): ReportFact {
  const receivedAt = overrides.receivedAt ?? at('2024-02-01T10:00:00Z');
  return {
    municipality: 'GM0268',
    receivedAt,
    violenceKinds: ['partner_violence'],
    reporterCategory: 'police',
    assessedAt: null,
    assessmentDueAt: new Date(receivedAt.getTime() + 7 * DAY),
    classification: 'first_report',
    ...overrides,
  };
}

describe('counts per municipality and quarter', () => {
  it('counts each fact once in its municipality and Amsterdam quarter', () => {
    const facts = [
      report(),
      report(),
      report({ municipality: 'GM0281' }),
      report({ receivedAt: at('2024-06-30T22:30:00Z') }), // 1 July in Amsterdam
    ];
    const counts = tallyByMunicipalityQuarter(facts, (f) => f.receivedAt);
    expect(toCountTable(['GM0268', 'GM0281'], ['2024-Q1', '2024-Q2', '2024-Q3'], counts).cells).toEqual([
      [2, 0, 1],
      [1, 0, 0],
    ]);
  });

  it('counts a report with two kinds of violence under both, but a kind only once per report', () => {
    const facts = [
      report({ violenceKinds: ['child_abuse', 'partner_violence'] }),
      report({ violenceKinds: ['child_abuse', 'child_abuse'] }),
    ];
    const counts = tally(
      facts,
      (f) => f.violenceKinds,
      () => 'Q',
    );
    expect(counts.get(cellKey('child_abuse', 'Q'))).toBe(2);
    expect(counts.get(cellKey('partner_violence', 'Q'))).toBe(1);
  });

  it('leaves out rows and columns that are not asked for', () => {
    const counts = tallyByMunicipalityQuarter([report({ municipality: 'GM9999' })], (f) => f.receivedAt);
    expect(toCountTable(['GM0268'], ['2024-Q1'], counts).cells).toEqual([[0]]);
  });
});

describe('process outcomes', () => {
  const received = at('2024-02-01T10:00:00Z');
  const due = new Date(received.getTime() + 7 * DAY);
  it.each([
    ['assessed before the term', new Date(received.getTime() + DAY), at('2024-03-01'), 'yes'],
    ['assessed at the last instant', due, at('2024-03-01'), 'yes'],
    ['assessed after the term', new Date(due.getTime() + 1), at('2024-03-01'), 'no'],
    ['not assessed, term passed', null, new Date(due.getTime() + 1), 'no'],
    ['not assessed, term still running', null, new Date(due.getTime() - 1), null],
  ] as const)('%s', (_, assessedAt, asOf, expected) => {
    expect(assessmentOutcome(report({ receivedAt: received, assessmentDueAt: due, assessedAt }), asOf)).toBe(
      expected,
    );
  });

  it('an investigation is in time when concluded by its deadline', () => {
    const concludeBy = at('2024-04-10T21:59:59Z');
    expect(investigationOutcome({ municipality: 'x', concludeBy, concludedAt: concludeBy })).toBe('yes');
    expect(
      investigationOutcome({
        municipality: 'x',
        concludeBy,
        concludedAt: new Date(concludeBy.getTime() + 1),
      }),
    ).toBe('no');
  });

  it('tallies the assessment share per quarter and outcome, leaving out what is still running', () => {
    const asOf = at('2024-02-05T00:00:00Z');
    const facts = [
      report({ assessedAt: at('2024-02-02T10:00:00Z') }),
      report({ assessedAt: at('2024-02-20T10:00:00Z') }),
      report(), // not yet due at asOf
      report({ receivedAt: at('2024-01-02T10:00:00Z') }), // due 9 January, passed
    ];
    const counts = tallyShare(
      facts,
      (f) => f.receivedAt,
      (f) => assessmentOutcome(f, asOf),
    );
    expect(counts.get(cellKey('GM0268', shareColumn('2024-Q1', 'yes')))).toBe(1);
    expect(counts.get(cellKey('GM0268', shareColumn('2024-Q1', 'no')))).toBe(2);
  });

  it('median days to assessment per quarter of receipt', () => {
    const r = (days: number) =>
      report({ assessedAt: new Date(at('2024-02-01T10:00:00Z').getTime() + days * DAY) });
    const byQuarter = daysToAssessmentByQuarter([r(1), r(2), r(10), r(3), report()]);
    expect(byQuarter.get('2024-Q1')).toEqual({ n: 4, median: 2.5 });
    expect(median([])).toBeUndefined();
    expect(median([5, 1, 3])).toBe(3);
  });

  it('counts open cases without any assessment as waiting', () => {
    const c = (o: Partial<CaseFact>): CaseFact => ({
      municipality: 'GM0268',
      openedAt: at('2024-01-01'),
      reachedStableSafety: false,
      closedAt: null,
      hasAssessment: false,
      ...o,
    });
    const counts = tallyCasesWaiting([
      c({}),
      c({}),
      c({ hasAssessment: true }),
      c({ closedAt: at('2024-02-01') }),
      c({ municipality: 'GM0281' }),
    ]);
    expect(counts.get(cellKey('GM0268', 'waiting'))).toBe(2);
    expect(counts.get(cellKey('GM0281', 'waiting'))).toBe(1);
  });
});

describe('outcomes', () => {
  it('only re-reports count as re-reports; follow-up reports do not', () => {
    expect(reReportOutcome(report({ classification: 're_report' }))).toBe('yes');
    expect(reReportOutcome(report({ classification: 'follow_up_report' }))).toBe('no');
    expect(reReportOutcome(report({ classification: 'first_report' }))).toBe('no');
  });

  it('mean lowest safety score per quarter, with the number of distinct cases', () => {
    const a = (caseId: string, iso: string, minScore: number): AssessmentFact => ({
      caseId,
      assessedAt: at(iso),
      minScore,
    });
    const byQuarter = safetyScoreByQuarter([
      a('c1', '2024-01-10T10:00:00Z', 3),
      a('c1', '2024-02-10T10:00:00Z', 5),
      a('c2', '2024-03-10T10:00:00Z', 7),
      a('c1', '2024-04-10T10:00:00Z', 8),
    ]);
    expect(byQuarter.get('2024-Q1')).toEqual({ cases: 2, mean: 5 });
    expect(byQuarter.get('2024-Q2')).toEqual({ cases: 1, mean: 8 });
  });
});

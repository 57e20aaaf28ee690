import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseStateChange,
  caseInvolvementPeriods,
  classifyReport,
  type EarlierInvolvement,
  involvementOfEarlierReports,
  type ReportClassification,
} from './report-classification.ts';

const R = new Date('2026-06-15T10:00:00Z');
const MIN = 60_000;
/** A moment `n` minutes from the report's receipt. */
const t = (n: number) => new Date(R.getTime() + n * MIN);
const inv = (opened: number, closed: number | null): EarlierInvolvement => ({
  caseOpenedAt: t(opened),
  caseClosedAt: closed === null ? null : t(closed),
});

describe('classifyReport: one earlier involvement, every position relative to receipt', () => {
  it.each([
    [-2, null, 'follow_up_report', 'open since before receipt'],
    [-2, -1, 're_report', 'closed before receipt'],
    [-2, -2, 're_report', 'opened and closed at once, before receipt'],
    [-2, 0, 're_report', 'closed at the very moment of receipt'],
    [-2, 1, 'follow_up_report', 'closed a minute after receipt'],
    [-1, 2, 'follow_up_report', 'open across receipt'],
    [0, null, 'first_report', 'the case this report opened is not earlier involvement'],
    [0, 0, 'first_report', 'opened at receipt'],
    [0, 2, 'first_report', 'opened at receipt, closed later'],
    [1, null, 'first_report', 'opened after receipt'],
    [1, 2, 'first_report', 'opened and closed after receipt'],
  ] as [number, number | null, ReportClassification, string][])(
    'opened %i, closed %s → %s (%s)',
    (opened, closed, expected) => {
      expect(classifyReport([inv(opened, closed)], R)).toBe(expected);
    },
  );
  it('no history → first report', () => {
    expect(classifyReport([], R)).toBe('first_report');
  });
  it('a millisecond decides at the closing moment', () => {
    const closesAt = (ms: number) => [{ caseOpenedAt: t(-60), caseClosedAt: new Date(R.getTime() + ms) }];
    expect(classifyReport(closesAt(0), R)).toBe('re_report');
    expect(classifyReport(closesAt(1), R)).toBe('follow_up_report');
    expect(classifyReport(closesAt(-1), R)).toBe('re_report');
  });
  it('no look-back window: involvement that ended ten years ago still makes a re-report', () => {
    expect(
      classifyReport([{ caseOpenedAt: new Date('2015-01-01'), caseClosedAt: new Date('2016-01-01') }], R),
    ).toBe('re_report');
  });
});

describe('classifyReport: several involvements', () => {
  it.each([
    [[inv(-500, -400), inv(-10, null)], 'follow_up_report', 'an old closed case and a current one'],
    [[inv(-500, -400), inv(-300, -200)], 're_report', 'two closed cases'],
    [[inv(-500, -400), inv(5, null)], 're_report', 'a closed case and a later one'],
    [[inv(10, null), inv(20, 30)], 'first_report', 'only later cases'],
    [[inv(-500, 0), inv(0, null)], 're_report', 'one case closes and the next opens at receipt'],
  ] as [EarlierInvolvement[], ReportClassification, string][])('%#: %s (%s)', (history, expected) => {
    expect(classifyReport(history, R)).toBe(expected);
  });
  const grid: [number, number | null][] = [];
  for (const opened of [-2, -1, 0, 1])
    for (const closed of [null, -2, -1, 0, 1, 2])
      if (closed === null || closed >= opened) grid.push([opened, closed]);
  it('every pair from the grid: follow-up wins over re-report, which wins over first report', () => {
    const rank: ReportClassification[] = ['first_report', 're_report', 'follow_up_report'];
    let pairs = 0;
    for (const a of grid)
      for (const b of grid) {
        const single = [classifyReport([inv(...a)], R), classifyReport([inv(...b)], R)];
        const expected = rank[Math.max(...single.map((c) => rank.indexOf(c)))];
        expect(classifyReport([inv(...a), inv(...b)], R)).toBe(expected);
        pairs++;
      }
    expect(pairs).toBe(grid.length ** 2);
    expect(grid.length).toBe(18);
  });
});

describe('invalid history', () => {
  it('rejects a case that closes before it opens', () => {
    expect(() => classifyReport([inv(-1, -2)], R)).toThrow(RangeError);
  });
  it('rejects invalid dates', () => {
    expect(() => classifyReport([{ caseOpenedAt: new Date('x'), caseClosedAt: null }], R)).toThrow(
      RangeError,
    );
    expect(() => classifyReport([{ caseOpenedAt: t(-5), caseClosedAt: new Date('x') }], R)).toThrow(
      RangeError,
    );
  });
});

describe('properties', () => {
  const minute = fc.integer({ min: -100_000, max: 100_000 });
  const involvement = fc
    .tuple(minute, fc.option(fc.integer({ min: 0, max: 200_000 })))
    .map(([opened, length]) => inv(opened, length === null ? null : opened + length));
  const history = fc.array(involvement, { maxLength: 8 });
  const closedEarlier = fc
    .tuple(fc.integer({ min: -100_000, max: 0 }), fc.integer({ min: 0, max: 100_000 }))
    .map(([closed, length]) => inv(closed - length - 1, closed));

  it('does not depend on the order of the history', () => {
    fc.assert(
      fc.property(
        history.chain((h) =>
          fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length })),
        ),
        ([h, shuffled]) => {
          expect(classifyReport(shuffled, R)).toBe(classifyReport(h, R));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('adding a case closed before receipt never turns a follow-up into a first report; a first report becomes a re-report', () => {
    fc.assert(
      fc.property(history, closedEarlier, (h, extra) => {
        const before = classifyReport(h, R);
        const after = classifyReport([...h, extra], R);
        expect(after).toBe(before === 'first_report' ? 're_report' : before);
      }),
      { numRuns: 1000 },
    );
  });
  it('adding a case open at receipt always gives a follow-up report', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 1, max: 100_000 }),
        fc.option(fc.integer({ min: 1, max: 100_000 })),
        (h, since, until) => {
          expect(classifyReport([...h, inv(-since, until)], R)).toBe('follow_up_report');
        },
      ),
    );
  });
  it('cases opened at or after receipt never change the answer', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 100_000 }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        (h, opened, length) => {
          const later = inv(opened, length === null ? null : opened + length);
          expect(classifyReport([...h, later], R)).toBe(classifyReport(h, R));
        },
      ),
    );
  });
  it('first report exactly when nothing began before receipt', () => {
    fc.assert(
      fc.property(history, (h) => {
        const anyEarlier = h.some((i) => i.caseOpenedAt.getTime() < R.getTime());
        expect(classifyReport(h, R) === 'first_report').toBe(!anyEarlier);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('caseInvolvementPeriods', () => {
  const ch = (at: number, closed: boolean): CaseStateChange => ({ at: t(at), closed });
  it.each([
    [[], [[-100, null]], 'never closed'],
    [[ch(-50, true)], [[-100, -50]], 'closed once'],
    [[ch(-80, false), ch(-50, true)], [[-100, -50]], 'a phase step inside the case changes nothing'],
    [
      [ch(-50, true), ch(-20, false)],
      [
        [-100, -50],
        [-20, null],
      ],
      'closed and reopened',
    ],
    [
      [ch(-20, false), ch(-50, true), ch(-10, true)],
      [
        [-100, -50],
        [-20, -10],
      ],
      'given out of order; closed twice',
    ],
    [[ch(-50, true), ch(-40, true)], [[-100, -50]], 'a second closing while closed changes nothing'],
    [[ch(-200, true)], [[-100, null]], 'changes before opening are ignored'],
  ] as [CaseStateChange[], [number, number | null][], string][])('%#: %j → %j (%s)', (changes, expected) => {
    expect(caseInvolvementPeriods(t(-100), changes)).toEqual(expected.map(([o, c]) => inv(o, c)));
  });
});

describe('involvementOfEarlierReports: a report in a case lasts as long as its case', () => {
  const periods = [inv(-100, -50)];
  const inCase = (attachedAt: number, p: EarlierInvolvement[] = periods) => ({
    attachedAt: t(attachedAt),
    periods: p,
  });
  it.each([
    [
      'Veilig Thuis handed over at once, but the case stays open: follow-up report',
      { receivedAt: t(-120), involvementEndedAt: t(-110), inCase: inCase(-100, [inv(-100, null)]) },
      'follow_up_report',
    ],
    [
      'never assessed, but its case closed: re-report',
      { receivedAt: t(-120), involvementEndedAt: null, inCase: inCase(-100) },
      're_report',
    ],
    [
      'not in a case, involvement not ended: follow-up report (as before)',
      { receivedAt: t(-120), involvementEndedAt: null, inCase: null },
      'follow_up_report',
    ],
    [
      'not in a case, involvement ended: re-report (as before)',
      { receivedAt: t(-120), involvementEndedAt: t(-60), inCase: null },
      're_report',
    ],
    [
      'its case was reopened after closing: follow-up report',
      {
        receivedAt: t(-120),
        involvementEndedAt: null,
        inCase: inCase(-100, [inv(-100, -50), inv(-20, null)]),
      },
      'follow_up_report',
    ],
  ] as [string, Parameters<typeof involvementOfEarlierReports>[0][number], ReportClassification][])(
    '%s',
    (_label, report, expected) => {
      expect(classifyReport(involvementOfEarlierReports([report]), R)).toBe(expected);
    },
  );
  it('no earlier reports → first report', () => {
    expect(classifyReport(involvementOfEarlierReports([]), R)).toBe('first_report');
  });
});

describe('properties of case periods', () => {
  const changes = fc.array(fc.record({ at: fc.integer({ min: -1_000, max: 1_000 }), closed: fc.boolean() }), {
    maxLength: 12,
  });
  it('periods are ordered, never overlap, and only the last may be open', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 0 }), changes, (opened, cs) => {
        const periods = caseInvolvementPeriods(
          t(opened),
          cs.map((c) => ({ at: t(c.at), closed: c.closed })),
        );
        expect(periods.length).toBeGreaterThan(0);
        expect(periods[0]?.caseOpenedAt).toEqual(t(opened));
        periods.forEach((p, i) => {
          if (p.caseClosedAt !== null)
            expect(p.caseClosedAt.getTime()).toBeGreaterThanOrEqual(p.caseOpenedAt.getTime());
          else expect(i).toBe(periods.length - 1);
          const next = periods[i + 1];
          if (next)
            expect(next.caseOpenedAt.getTime()).toBeGreaterThanOrEqual(p.caseClosedAt?.getTime() ?? Infinity);
        });
      }),
      { numRuns: 500 },
    );
  });
  it('a report about a case member is a follow-up report exactly while the case is open, a re-report in a gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: -1 }), changes, (opened, cs) => {
        // The report arrives at R (minute 0); the state of the case just before R decides.
        const sorted = cs
          .map((c) => ({ at: t(c.at), closed: c.closed }))
          .filter((c) => c.at.getTime() >= t(opened).getTime());
        const before = [...sorted]
          // A reopening at the very moment of receipt is not earlier involvement; a closing is.
          .filter((c) => c.at.getTime() < R.getTime() || (c.at.getTime() === R.getTime() && c.closed))
          .sort((a, b) => a.at.getTime() - b.at.getTime());
        // Open at R: the last switching change at or before R reopened it (or none closed it).
        let closed = false;
        for (const c of before) closed = c.closed;
        const expected = closed ? 're_report' : 'follow_up_report';
        expect(classifyReport(caseInvolvementPeriods(t(opened), sorted), R)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

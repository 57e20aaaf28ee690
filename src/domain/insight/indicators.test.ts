import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computePercentageChange,
  computeRatePer100k,
  computeRatio,
  computeReReportRate,
  type EarlierInvolvement,
  type ReportFact,
} from './indicators.ts';

const reports = (ended: number, ongoing: number, none: number): ReportFact[] => [
  ...Array.from({ length: ended }, (): ReportFact => ({ earlierInvolvement: 'ended' })),
  ...Array.from({ length: ongoing }, (): ReportFact => ({ earlierInvolvement: 'ongoing' })),
  ...Array.from({ length: none }, (): ReportFact => ({ earlierInvolvement: 'none' })),
];

describe('computeReReportRate', () => {
  it('counts only reports after ended involvement (hermeldingen), over all reports', () => {
    expect(computeReReportRate(reports(404, 300, 296))).toEqual({
      numerator: 404,
      denominator: 1000,
      value: 0.404,
    });
  });

  it('follow-up reports during involvement are not re-reports', () => {
    expect(computeReReportRate(reports(0, 10, 0))).toEqual({ numerator: 0, denominator: 10, value: 0 });
  });

  it('is undefined without reports', () => {
    expect(computeReReportRate([])).toEqual({ numerator: 0, denominator: 0, value: undefined });
  });

  it('reproduces the CBS figure for H1 2022: 38% of 59,985 reports', () => {
    const r = computeReReportRate(reports(22_794, 10_000, 59_985 - 22_794 - 10_000));
    expect(r.denominator).toBe(59_985);
    expect(Math.round((r.value ?? 0) * 100)).toBe(38);
  });

  it('property: the rate lies in [0, 1] and equals the share of "ended"', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<EarlierInvolvement>('none', 'ended', 'ongoing'), { maxLength: 200 }),
        (kinds) => {
          const r = computeReReportRate(kinds.map((earlierInvolvement) => ({ earlierInvolvement })));
          const ended = kinds.filter((k) => k === 'ended').length;
          expect(r.numerator).toBe(ended);
          expect(r.denominator).toBe(kinds.length);
          if (kinds.length === 0) expect(r.value).toBeUndefined();
          else {
            expect(r.value).toBe(ended / kinds.length);
            expect(r.value).toBeGreaterThanOrEqual(0);
            expect(r.value).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('computeRatio', () => {
  it.each([
    [1, 4, 0.25],
    [0, 4, 0],
    [4, 4, 1],
    [3, 0, undefined],
    [0, 0, undefined],
  ])('%i / %i = %s', (n, d, value) => {
    expect(computeRatio(n, d).value).toBe(value);
  });

  it.each([
    [-1, 4],
    [1, -4],
    [Number.NaN, 4],
    [1, Number.POSITIVE_INFINITY],
  ])('rejects %s / %s', (n, d) => {
    expect(() => computeRatio(n, d)).toThrow(RangeError);
  });
});

describe('computeRatePer100k', () => {
  it.each([
    [25, 50_000, 50],
    [2_839, 100_000, 2_839],
    [1, 300_000, 1 / 3],
    [0, 10_000, 0],
    [5, 0, undefined],
  ])('%i over %i inhabitants → %s per 100,000', (count, population, expected) => {
    const rate = computeRatePer100k(count, population);
    if (expected === undefined) expect(rate).toBeUndefined();
    else expect(rate).toBeCloseTo(expected, 10);
  });

  it('supports another base', () => {
    expect(computeRatePer100k(3, 1_000, 1_000)).toBe(3);
    expect(() => computeRatePer100k(3, 1_000, 0)).toThrow(RangeError);
    expect(() => computeRatePer100k(-3, 1_000)).toThrow(RangeError);
  });

  it('property: rate × population / 100,000 gives the count back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 20_000_000 }),
        (count, population) => {
          const rate = computeRatePer100k(count, population);
          expect(rate).toBeDefined();
          expect(((rate ?? 0) * population) / 100_000).toBeCloseTo(count, 6);
        },
      ),
    );
  });
});

describe('computePercentageChange', () => {
  it.each([
    [100, 120, 20],
    [120, 100, -16.666666666666664],
    [5, 0, -100],
    [7, 7, 0],
    [3, 9, 200],
    [0, 5, undefined],
    [0, 0, undefined],
  ])('%i → %i = %s%', (previous, current, expected) => {
    expect(computePercentageChange(previous, current)).toBe(expected);
  });

  it('rejects negative and non-finite input', () => {
    expect(() => computePercentageChange(-1, 5)).toThrow(RangeError);
    expect(() => computePercentageChange(1, Number.NaN)).toThrow(RangeError);
  });

  it('property: never Infinity or NaN, and applying the change gives the current value back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (previous, current) => {
          const change = computePercentageChange(previous, current);
          if (previous === 0) expect(change).toBeUndefined();
          else {
            expect(Number.isFinite(change)).toBe(true);
            expect(change).toBeGreaterThanOrEqual(-100);
            expect(previous * (1 + (change ?? 0) / 100)).toBeCloseTo(current, 4);
          }
        },
      ),
    );
  });
});

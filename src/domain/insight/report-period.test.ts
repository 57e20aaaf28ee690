import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReportPeriod, quarterPeriod, yearPeriod } from './report-period.ts';

const TODAY = '2025-05-20';
const where = (kind: 'baseline' | 'quarterly' | 'yearly', from: string, to: string) =>
  checkReportPeriod(kind, from, to, TODAY).map((p) => p.field);

describe('checkReportPeriod', () => {
  it.each([
    ['quarterly', '2024-01-01', '2024-03-31', []],
    ['quarterly', '2024-10-01', '2024-12-31', []],
    ['quarterly', '2025-04-01', '2025-06-30', []],
    ['quarterly', '2024-01-01', '2024-06-30', ['from']],
    ['quarterly', '2024-01-02', '2024-03-31', ['from']],
    ['yearly', '2024-01-01', '2024-12-31', []],
    ['yearly', '2024-01-01', '2025-12-31', ['from']],
    ['baseline', '2020-03-15', '2024-09-30', []],
    ['baseline', '2018-01-01', '2024-12-31', ['to']],
    ['baseline', '2024-05-01', '2024-04-30', ['to']],
    ['baseline', '2025-06-01', '2025-06-30', ['from']],
    ['baseline', '2024-02-30', '2024-03-31', ['from']],
    ['baseline', '2024-1-1', '2024-03-31', ['from']],
  ] as const)('%s %s – %s → %j', (kind, from, to, fields) => {
    expect(where(kind, from, to)).toEqual(fields);
  });

  it('every message is in Dutch and English', () => {
    const [problem] = checkReportPeriod('quarterly', '2024-01-01', '2024-06-30', TODAY);
    expect(problem?.message.nl).toContain('kwartaal');
    expect(problem?.message.en).toContain('quarter');
  });

  it('property: quarterPeriod and yearPeriod always give a valid quarterly and yearly period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2024 }), fc.constantFrom(1, 2, 3, 4 as const), (year, q) => {
        const quarter = quarterPeriod(year, q as 1 | 2 | 3 | 4);
        expect(where('quarterly', quarter.from, quarter.to)).toEqual([]);
        const whole = yearPeriod(year);
        expect(where('yearly', whole.from, whole.to)).toEqual([]);
        expect(where('quarterly', whole.from, whole.to)).toEqual(['from']);
      }),
    );
  });
});

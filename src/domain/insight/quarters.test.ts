import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseQuarter,
  quarterDates,
  quarterEnd,
  quarterOf,
  quarterOfDate,
  quarterStart,
  quartersBetween,
  quartersOfYear,
} from './quarters.ts';

describe('quarters', () => {
  it('places instants on the Amsterdam calendar', () => {
    // 31 March 23:30 UTC is already 1 April in Amsterdam (summer time).
    expect(quarterOf(new Date('2024-03-31T23:30:00Z'))).toBe('2024-Q2');
    expect(quarterOf(new Date('2024-03-31T21:30:00Z'))).toBe('2024-Q1');
    // 31 December 23:30 UTC is New Year in Amsterdam.
    expect(quarterOf(new Date('2024-12-31T23:30:00Z'))).toBe('2025-Q1');
    expect(quarterOfDate('2024-07-01')).toBe('2024-Q3');
  });

  it('gives start, exclusive end and inclusive dates', () => {
    expect(quarterStart('2024-Q2').toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(quarterEnd('2024-Q4').toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(quarterDates('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterDates('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('lists quarters between two, both included, across years', () => {
    expect(quartersBetween('2023-Q3', '2024-Q2')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(quartersBetween('2024-Q2', '2024-Q2')).toEqual(['2024-Q2']);
    expect(quartersBetween('2024-Q3', '2024-Q2')).toEqual([]);
    expect(quartersOfYear(2024)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
  });

  it('refuses malformed keys and unbounded ranges', () => {
    for (const key of ['2024-Q0', '2024-Q5', '2024Q1', '24-Q1', '2024-q1', ' 2024-Q1', '1899-Q4'])
      expect(parseQuarter(key), key).toBeNull();
    expect(() => quartersBetween('2024-Q5', '2024-Q1')).toThrow(RangeError);
    expect(() => quartersBetween('1900-Q1', '2100-Q1')).toThrow(RangeError);
  });

  it('every instant lies within its quarter', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (d) => {
          const q = quarterOf(d);
          expect(quarterStart(q).getTime()).toBeLessThanOrEqual(d.getTime());
          expect(d.getTime()).toBeLessThan(quarterEnd(q).getTime());
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatMonth,
  formatPercentage,
  todayInAmsterdam,
} from './format.ts';

describe('dates in the UI', () => {
  it('shows instants in Dutch time, whatever the machine time zone', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (summer time).
    expect(formatDateTime('2025-06-30T22:30:00Z', 'nl')).toContain('1 jul 2025');
    expect(formatDateTime('2025-06-30T22:30:00Z', 'nl')).toContain('00:30');
  });

  it('shows a date of birth without shifting it by a time zone', () => {
    expect(formatCalendarDate('2015-04-03', 'nl')).toBe('3 april 2015');
    expect(formatCalendarDate('2015-04-03', 'en')).toBe('3 April 2015');
  });

  it('knows which day it is in the Netherlands', () => {
    expect(todayInAmsterdam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('names a month of the figures', () => {
    expect(formatMonth('2026-11', 'nl')).toBe('november 2026');
    expect(formatMonth('2026-01', 'en')).toBe('January 2026');
    expect(formatMonth('nonsense', 'nl')).toBe('nonsense');
  });

  it('shows a share as a whole percentage that never rounds up to the norm', () => {
    expect(formatPercentage(0.92, 'nl')).toBe('92%');
    expect(formatPercentage(0.29, 'nl')).toBe('29%');
    expect(formatPercentage(0.895, 'nl')).toBe('89%');
    expect(formatPercentage(1, 'en')).toBe('100%');
    expect(formatPercentage(0, 'nl')).toBe('0%');
  });
});

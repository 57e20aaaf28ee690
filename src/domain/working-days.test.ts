import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { computeAssessmentDeadline } from './safety-assessment-deadline.ts';
import { AMSTERDAM, addWorkingDays, isDutchHoliday, isWorkingDay } from './working-days.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();

describe('Dutch working-day calendar', () => {
  it.each([
    ['2026-01-01', true, 'New Year'],
    ['2026-04-03', false, 'Good Friday is not in the Algemene termijnenwet'],
    ['2026-04-06', true, 'Easter Monday'],
    ['2026-04-27', true, "King's Day"],
    ['2026-05-05', true, 'Liberation Day'],
    ['2026-05-14', true, 'Ascension Day'],
    ['2026-05-25', true, 'Whit Monday'],
    ['2026-12-25', true, 'Christmas'],
    ['2026-12-26', true, 'Boxing Day'],
    ['2025-04-26', true, "King's Day on a Saturday"],
    ['2026-11-23', false, 'an ordinary Monday'],
  ])('%s holiday=%s (%s)', (date, holiday) => {
    expect(isDutchHoliday(date)).toBe(holiday);
  });
  it('weekends are not working days', () => {
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-22')).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
  });
});

describe('deadline of the veiligheidsbeoordeling', () => {
  it.each([
    ['2026-11-23T10:00', '2026-11-30', 'Monday → next Monday'],
    ['2026-11-27T16:00', '2026-12-04', 'Friday → next Friday'],
    ['2026-11-28T12:00', '2026-12-04', 'Saturday → Friday (weekend days do not count)'],
    ['2026-04-01T09:00', '2026-04-09', 'Wednesday before Easter: Easter Monday skipped, Good Friday counts'],
    ['2026-04-22T09:00', '2026-04-30', "Wednesday before King's Day (Monday 27 April) is skipped"],
    ['2026-04-30T09:00', '2026-05-08', 'Thursday: Liberation Day (Tuesday 5 May) skipped'],
    ['2026-12-23T12:00', '2026-12-31', 'Christmas Day skipped, Boxing Day is a Saturday'],
    ['2026-12-30T12:00', '2027-01-07', "New Year's Day skipped"],
    ['2026-11-23T23:30', '2026-11-30', 'late evening still counts as that Amsterdam day'],
  ])('received %s is due at the end of %s (%s)', (received, due) => {
    const deadline = computeAssessmentDeadline(at(received), false);
    expect(deadline.immediate).toBe(false);
    expect(DateTime.fromJSDate(deadline.dueAt, { zone: AMSTERDAM }).toISODate()).toBe(due);
    expect(DateTime.fromJSDate(deadline.dueAt, { zone: AMSTERDAM }).toFormat('HH:mm')).toBe('23:59');
  });
  it('UTC midnight crossing: 23:30 UTC on Sunday is Monday in Amsterdam', () => {
    const deadline = computeAssessmentDeadline(new Date('2026-11-22T23:30:00Z'), false);
    expect(DateTime.fromJSDate(deadline.dueAt, { zone: AMSTERDAM }).toISODate()).toBe('2026-11-30');
  });
  it('acute reports are due at once', () => {
    const received = at('2026-11-23T10:00');
    expect(computeAssessmentDeadline(received, true)).toEqual({ dueAt: received, immediate: true });
  });
  it('properties: the due date is a working day, after receipt, with exactly 5 working days in between', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (received) => {
          const due = addWorkingDays(received, 5);
          const start = DateTime.fromJSDate(received, { zone: AMSTERDAM }).startOf('day');
          expect(isWorkingDay(due)).toBe(true);
          let count = 0;
          for (let d = start.plus({ days: 1 }); (d.toISODate() ?? '') <= due; d = d.plus({ days: 1 })) {
            if (isWorkingDay(d.toISODate() ?? '')) count++;
          }
          expect(count).toBe(5);
          const span = DateTime.fromISO(due, { zone: AMSTERDAM }).diff(start, 'days').days;
          expect(span).toBeGreaterThanOrEqual(5);
          expect(span).toBeLessThanOrEqual(13);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('rejects a negative count', () => {
    expect(() => addWorkingDays(new Date(), -1)).toThrow(RangeError);
  });
});

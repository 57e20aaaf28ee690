import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export const AMSTERDAM = 'Europe/Amsterdam';

const dutchHolidays = new Holidays('NL');

/**
 * Days that do not count as working days for legal terms. We follow the Algemene termijnenwet
 * art. 3: Saturday, Sunday, New Year's Day, Easter and Whit Monday (and the Sundays), Ascension
 * Day, both Christmas days, King's Day and 5 May (Liberation Day). date-holidays marks all but
 * 5 May as 'public'; Good Friday is not a generally recognised holiday in that act.
 */
export function isDutchHoliday(isoDate: string): boolean {
  return holidaysOf(Number(isoDate.slice(0, 4))).has(isoDate);
}

// date-holidays computes a whole year per call (~10 ms); deadlines ask for many days, so each
// year's set of non-working holidays is computed once and kept.
const holidayCache = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let days = holidayCache.get(year);
  if (!days) {
    const found = dutchHolidays
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    days = new Set([...found, `${year}-05-05`]);
    holidayCache.set(year, days);
  }
  return days;
}

export function isWorkingDay(isoDate: string): boolean {
  const day = DateTime.fromISO(isoDate, { zone: AMSTERDAM });
  if (!day.isValid) throw new RangeError(`invalid date: ${isoDate}`);
  return day.weekday <= 5 && !isDutchHoliday(isoDate);
}

/**
 * The date that is `count` working days after the calendar day of `from` (in Amsterdam time).
 * The day of receipt itself does not count, so a report received on Monday with 5 working days
 * is due at the end of the next Monday.
 */
export function addWorkingDays(from: Date, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  let day = DateTime.fromJSDate(from, { zone: AMSTERDAM }).startOf('day');
  let left = count;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day.toISODate() ?? '')) left--;
  }
  return day.toISODate() ?? '';
}

/** End of the given Amsterdam calendar day as an instant. */
export function endOfAmsterdamDay(isoDate: string): Date {
  return DateTime.fromISO(isoDate, { zone: AMSTERDAM }).endOf('day').toJSDate();
}

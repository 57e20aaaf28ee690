import { DateTime } from 'luxon';
import { AMSTERDAM } from '../working-days.ts';

/**
 * Quarters ("2024-Q3") in Amsterdam time: the unit of every published table and trend (issue 5
 * asks for quarterly regional reports). Periods are whole quarters, so a cell for one municipality
 * and one quarter is the same number whatever period a reader selects.
 */
export type QuarterKey = `${number}-Q${1 | 2 | 3 | 4}`;

const PATTERN = /^(\d{4})-Q([1-4])$/;

/** At most this many quarters in one selection (25 years): keeps a request's work bounded. */
export const MAX_QUARTERS = 100;

export function parseQuarter(key: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const m = PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 9999) return null;
  return { year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
}

export function isQuarterKey(key: string): key is QuarterKey {
  return parseQuarter(key) !== null;
}

function keyOf(year: number, quarter: number): QuarterKey {
  return `${year}-Q${quarter}` as QuarterKey;
}

/** The quarter an instant falls in, on the Amsterdam calendar. */
export function quarterOf(at: Date): QuarterKey {
  const d = DateTime.fromJSDate(at, { zone: AMSTERDAM });
  return keyOf(d.year, d.quarter);
}

/** The quarter of a calendar date "YYYY-MM-DD". */
export function quarterOfDate(isoDate: string): QuarterKey {
  const d = DateTime.fromISO(isoDate, { zone: AMSTERDAM });
  if (!d.isValid) throw new RangeError(`invalid date: ${isoDate}`);
  return keyOf(d.year, d.quarter);
}

function startOf(key: string): DateTime {
  const q = parseQuarter(key);
  if (!q) throw new RangeError(`invalid quarter: ${key}`);
  return DateTime.fromObject({ year: q.year, month: (q.quarter - 1) * 3 + 1, day: 1 }, { zone: AMSTERDAM });
}

/** First instant of the quarter. */
export function quarterStart(key: string): Date {
  return startOf(key).toJSDate();
}

/** First instant after the quarter (exclusive end). */
export function quarterEnd(key: string): Date {
  return startOf(key).plus({ months: 3 }).toJSDate();
}

/**
 * Whether `months` have passed since the quarter ended (on the Amsterdam calendar): then every
 * record of the quarter has had its whole follow-up, and the quarter's figure is complete.
 */
export function quarterMatured(key: string, months: number, now: Date): boolean {
  const memo = `${key}+${months}`;
  let at = maturedAt.get(memo);
  if (at === undefined) {
    at = startOf(key)
      .plus({ months: 3 + months })
      .toMillis();
    if (maturedAt.size >= 10_000) maturedAt.clear();
    maturedAt.set(memo, at);
  }
  return at <= now.getTime();
}
/** The instant each (quarter, months) matures, kept: the calendar arithmetic is a read's hot spot. */
const maturedAt = new Map<string, number>();

/** Inclusive first and last calendar day of the quarter. */
export function quarterDates(key: string): { from: string; to: string } {
  const start = startOf(key);
  return {
    from: start.toISODate() ?? '',
    to: start.plus({ months: 3 }).minus({ days: 1 }).toISODate() ?? '',
  };
}

export function quarterYear(key: string): number {
  const q = parseQuarter(key);
  if (!q) throw new RangeError(`invalid quarter: ${key}`);
  return q.year;
}

export function quartersOfYear(year: number): QuarterKey[] {
  return [1, 2, 3, 4].map((q) => keyOf(year, q));
}

/** Every quarter from `from` to `to`, both included; empty when `to` comes before `from`. */
export function quartersBetween(from: string, to: string): QuarterKey[] {
  const a = parseQuarter(from);
  const b = parseQuarter(to);
  if (!a || !b) throw new RangeError(`invalid quarter range: ${from} – ${to}`);
  const out: QuarterKey[] = [];
  for (let i = a.year * 4 + a.quarter - 1; i <= b.year * 4 + b.quarter - 1; i++) {
    out.push(keyOf(Math.floor(i / 4), (i % 4) + 1));
    if (out.length > MAX_QUARTERS) throw new RangeError(`more than ${MAX_QUARTERS} quarters`);
  }
  return out;
}

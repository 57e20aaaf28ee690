import { DateTime } from 'luxon';
import { computeWorkingDayDeadline } from '../../../domain/casework/handover.ts';
import { computeInvestigationDeadlines } from '../../../domain/front-door/deadlines.ts';
import { computeAssessmentDeadline } from '../../../domain/safety-assessment-deadline.ts';
import { AMSTERDAM, isWorkingDay } from '../../../domain/working-days.ts';
import type { Random } from './random.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Relative volume per month (January first). Police domestic-violence call-outs and reports to
 * Veilig Thuis rise around the summer holidays and the turn of the year and dip in late autumn and
 * February; the shape is general knowledge [G], kept mild (±8%) so yearly totals stay calibrated.
 */
const MONTH_FACTOR = [1.06, 0.92, 0.97, 0.98, 1.02, 1.05, 1.08, 1.04, 1.0, 0.98, 0.93, 0.97];
/** Reports reach Veilig Thuis mostly on working days; police batches after the weekend (Mon first). */
const WEEKDAY_FACTOR = [1.3, 1.1, 1.05, 1.05, 1.0, 0.45, 0.35];

export interface Day {
  /** Amsterdam calendar date, yyyy-mm-dd. */
  iso: string;
  year: number;
  /** Instant of local midnight. */
  start: number;
  working: boolean;
  weight: number;
}

/** The days of the generated period, with the deadline rules of Kring cached per day (they only depend on the date). */
export class Calendar {
  readonly days: Day[] = [];
  readonly start: number;
  readonly end: number;
  readonly #assessmentDue = new Map<number, number>();
  readonly #investigation = new Map<number, { startBy: number; concludeBy: number }>();
  readonly #cumulativeByYear = new Map<number, { from: number; cumulative: number[] }>();

  constructor(until: string, years: number) {
    const last = DateTime.fromISO(until, { zone: AMSTERDAM }).startOf('day');
    let day = last.minus({ years });
    this.start = day.toMillis();
    this.end = last.toMillis();
    while (day < last) {
      this.days.push({
        iso: day.toISODate() ?? '',
        year: day.year,
        start: day.toMillis(),
        working: isWorkingDay(day.toISODate() ?? ''),
        weight: (MONTH_FACTOR[day.month - 1] ?? 1) * (WEEKDAY_FACTOR[day.weekday - 1] ?? 1),
      });
      day = day.plus({ days: 1 });
    }
  }

  get years(): number[] {
    return [...new Set(this.days.map((d) => d.year))];
  }

  /** Index of the day an instant falls on (clamped to the period). */
  dayIndex(at: number): number {
    let lo = 0;
    let hi = this.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.days[mid]?.start ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A day of `year` drawn by the seasonal weights. */
  sampleDay(year: number, rng: Random): number {
    let entry = this.#cumulativeByYear.get(year);
    if (!entry) {
      const from = this.days.findIndex((d) => d.year === year);
      const cumulative: number[] = [];
      let sum = 0;
      for (let i = from; i < this.days.length && this.days[i]?.year === year; i++) {
        sum += this.days[i]?.weight ?? 0;
        cumulative.push(sum);
      }
      entry = { from, cumulative };
      this.#cumulativeByYear.set(year, entry);
    }
    const total = entry.cumulative[entry.cumulative.length - 1] ?? 0;
    const r = rng.next() * total;
    let lo = 0;
    let hi = entry.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((entry.cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return entry.from + lo;
  }

  /** Share of the year that lies inside the period (a period may start or end mid-year). */
  yearShare(year: number): number {
    const inPeriod = this.days.filter((d) => d.year === year).length;
    const full = DateTime.fromObject({ year }, { zone: AMSTERDAM }).isInLeapYear ? 366 : 365;
    return inPeriod / full;
  }

  /** The safety assessment deadline (5 working days) of a non-acute report received on this day. */
  assessmentDue(receivedAt: number, acute: boolean): number {
    if (acute) return receivedAt;
    const index = this.dayIndex(receivedAt);
    let due = this.#assessmentDue.get(index);
    if (due === undefined) {
      due = computeAssessmentDeadline(new Date(receivedAt), false).dueAt.getTime();
      this.#assessmentDue.set(index, due);
    }
    return due;
  }

  investigationDeadlines(decidedAt: number) {
    const index = this.dayIndex(decidedAt);
    let found = this.#investigation.get(index);
    if (!found) {
      const d = computeInvestigationDeadlines(new Date(decidedAt));
      found = { startBy: d.startBy.getTime(), concludeBy: d.concludeBy.getTime() };
      this.#investigation.set(index, found);
    }
    return found;
  }

  /**
   * A handover deadline as computeWorkingDayDeadline gives it: the end of the Amsterdam day `days`
   * working days later (the start day does not count).
   */
  workingDayDeadline(at: number, days: number): number {
    if (at >= this.start && at < this.end) {
      // The same walk over the days this calendar already knows (working flag from isWorkingDay);
      // the end of an Amsterdam day is the next day's midnight less a millisecond.
      let index = this.dayIndex(at);
      for (let left = days; left > 0 && index < this.days.length; ) if (this.days[++index]?.working) left--;
      const next = this.days[index + 1];
      if (index < this.days.length - 1 && next) return next.start - 1;
    }
    return computeWorkingDayDeadline(new Date(at), days).getTime();
  }

  /**
   * Whether someone born on `dateOfBirth` is 18 or older on the Amsterdam day of `at`, as isAdultOn in
   * measure-authority.ts decides it (born on 29 February: of age from 1 March in a common year), by
   * comparing dates as text: the 18th birthday "yyyy-02-29" of a common year sorts between 28
   * February and 1 March. Cheap, for the many checks while simulating.
   */
  isAdultOn(dateOfBirth: string, at: number): boolean {
    const parsed = Date.parse(dateOfBirth);
    // Not a date (Date.parse rolls "2006-02-30" over, the round trip does not): never of age.
    if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== dateOfBirth) return false;
    const year = Number(dateOfBirth.slice(0, 4));
    return this.isoDate(at) >= `${String(year + 18).padStart(4, '0')}${dateOfBirth.slice(4)}`;
  }

  /** Moves an instant to office hours on a working day (staff record things at work). */
  toOfficeHours(at: number, rng: Random): number {
    let index = this.dayIndex(at);
    const day = this.days[index];
    if (at >= this.end) return at;
    if (day?.working && at - day.start >= 8 * HOUR && at - day.start < 18 * HOUR) return at;
    if (day && at - day.start >= 18 * HOUR) index++;
    while (index < this.days.length && !this.days[index]?.working) index++;
    const target = this.days[index];
    if (!target) return this.end + rng.int(1, 48) * HOUR;
    return target.start + rng.between(8.5, 17) * HOUR;
  }

  /** Amsterdam calendar date of an instant (yyyy-mm-dd); cheap inside the period. */
  isoDate(at: number): string {
    if (at >= this.start && at < this.end) return this.days[this.dayIndex(at)]?.iso ?? '';
    return DateTime.fromMillis(at, { zone: AMSTERDAM }).toISODate() ?? '';
  }
}

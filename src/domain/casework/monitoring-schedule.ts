import { DateTime } from 'luxon';
import { AMSTERDAM, endOfAmsterdamDay } from '../working-days.ts';

/**
 * Follow-up moments during *monitoring*: Veilig Thuis checks with family and professionals whether
 * safety holds (reference.md §1). Fixed moments at 3 and 6 months were not found in any source, so
 * the months come from the region's configuration.
 */
export interface MonitoringScheduleConfig {
  /** Months after entering monitoring, strictly increasing, e.g. [3, 6]. */
  intervalsMonths: readonly number[];
  /** A moment becomes due this many calendar days before its date, so the contact can be planned. */
  dueWindowDays: number;
}

export interface MonitoringMoment {
  monthsAfter: number;
  /** Amsterdam calendar date of the moment. */
  dueOn: string;
  /** From here the moment shows as due. */
  windowStartsAt: Date;
  /** After the end of the due date the moment is overdue. */
  dueAt: Date;
}

/**
 * `cancelled`: the case left monitoring (back to direct safety, or closed) before the moment was
 * done; the moment no longer asks for a contact. Entering monitoring again plans a new round.
 */
export type MonitoringMomentStatus = 'upcoming' | 'due' | 'overdue' | 'done' | 'cancelled';

export interface MonitoringContact {
  monthsAfter: number;
  at: Date;
}

function assertSchedule(config: MonitoringScheduleConfig): void {
  const { intervalsMonths, dueWindowDays } = config;
  intervalsMonths.forEach((m, i) => {
    if (!Number.isInteger(m) || m <= 0)
      throw new RangeError('monitoring intervals must be positive whole months');
    if (i > 0 && m <= (intervalsMonths[i - 1] ?? 0))
      throw new RangeError('monitoring intervals must increase');
  });
  if (!Number.isInteger(dueWindowDays) || dueWindowDays < 0)
    throw new RangeError('dueWindowDays must be a non-negative integer');
}

/**
 * The moments for a case that entered monitoring at `enteredAt`. Months are calendar months on the
 * Amsterdam calendar; a date that does not exist falls back to the month's last day (31 August + 6
 * months = 28 February), so a moment never slips into the month after.
 */
export function planMonitoringMoments(enteredAt: Date, config: MonitoringScheduleConfig): MonitoringMoment[] {
  assertSchedule(config);
  const start = DateTime.fromJSDate(enteredAt, { zone: AMSTERDAM }).startOf('day');
  return config.intervalsMonths.map((months) => {
    const day = start.plus({ months });
    const dueOn = day.toISODate() ?? '';
    return {
      monthsAfter: months,
      dueOn,
      windowStartsAt: day.minus({ days: config.dueWindowDays }).toJSDate(),
      dueAt: endOfAmsterdamDay(dueOn),
    };
  });
}

/**
 * Status of one planned moment at `now`. A contact recorded at or before `now` makes it done,
 * whenever that was (an early follow-up still counts); otherwise a round that ended at or before
 * `now` cancels it; otherwise the clock decides: upcoming, due from the start of its window,
 * overdue after the end of its date.
 */
export function monitoringMomentStatus(
  moment: Pick<MonitoringMoment, 'windowStartsAt' | 'dueAt'>,
  doneAt: Date | null,
  endedAt: Date | null,
  now: Date,
): MonitoringMomentStatus {
  const t = now.getTime();
  if (doneAt !== null && doneAt.getTime() <= t) return 'done';
  if (endedAt !== null && endedAt.getTime() <= t) return 'cancelled';
  if (t > moment.dueAt.getTime()) return 'overdue';
  return t >= moment.windowStartsAt.getTime() ? 'due' : 'upcoming';
}

/**
 * Status of each moment at `now`. A moment is done once a contact for it was recorded at or before
 * `now`, whenever that was: an early follow-up still counts. `endedAt`: when the case left
 * monitoring, if it did.
 */
export function assessMonitoringMoments(
  enteredAt: Date,
  config: MonitoringScheduleConfig,
  contacts: readonly MonitoringContact[],
  now: Date,
  endedAt: Date | null = null,
): (MonitoringMoment & { status: MonitoringMomentStatus })[] {
  const t = now.getTime();
  return planMonitoringMoments(enteredAt, config).map((moment) => {
    const done = contacts
      .filter((c) => c.monthsAfter === moment.monthsAfter && c.at.getTime() <= t)
      .map((c) => c.at.getTime());
    const doneAt = done.length > 0 ? new Date(Math.min(...done)) : null;
    return { ...moment, status: monitoringMomentStatus(moment, doneAt, endedAt, now) };
  });
}

/** The moments that need attention now (due or overdue), most urgent first. */
export function listOpenMonitoringMoments(
  enteredAt: Date,
  config: MonitoringScheduleConfig,
  contacts: readonly MonitoringContact[],
  now: Date,
  endedAt: Date | null = null,
): (MonitoringMoment & { status: 'due' | 'overdue' })[] {
  return assessMonitoringMoments(enteredAt, config, contacts, now, endedAt).filter(
    (m): m is MonitoringMoment & { status: 'due' | 'overdue' } =>
      m.status === 'due' || m.status === 'overdue',
  );
}

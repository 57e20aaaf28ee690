import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM } from '../working-days.ts';
import {
  assessMonitoringMoments,
  listOpenMonitoringMoments,
  type MonitoringMomentStatus,
  type MonitoringScheduleConfig,
  monitoringMomentStatus,
  planMonitoringMoments,
} from './monitoring-schedule.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();
const local = (date: Date) => DateTime.fromJSDate(date, { zone: AMSTERDAM }).toISO();
const CONFIG: MonitoringScheduleConfig = { intervalsMonths: [3, 6], dueWindowDays: 7 };

describe('planMonitoringMoments', () => {
  it.each([
    ['2026-03-15T10:00', ['2026-06-15', '2026-09-15'], 'ordinary dates'],
    ['2026-08-31T10:00', ['2026-11-30', '2027-02-28'], 'month ends fall back to the last day'],
    ['2027-08-31T10:00', ['2027-11-30', '2028-02-29'], 'into a leap February'],
    ['2026-11-30T16:00', ['2027-02-28', '2027-05-30'], 'the 30th in a short February'],
    ['2026-12-31T23:59', ['2027-03-31', '2027-06-30'], 'new year’s eve'],
  ])('entered %s → %j (%s)', (entered, dates) => {
    expect(planMonitoringMoments(at(entered), CONFIG).map((m) => m.dueOn)).toEqual(dates);
  });
  it('uses the Amsterdam calendar day of entry, not the UTC one', () => {
    expect(planMonitoringMoments(new Date('2026-03-28T23:30:00Z'), CONFIG)[0]?.dueOn).toBe('2026-06-29');
    expect(planMonitoringMoments(new Date('2026-06-30T22:30:00Z'), CONFIG)[0]?.dueOn).toBe('2026-10-01');
  });
  it('the window opens at the start of the day 7 days earlier and the moment ends at the end of its day', () => {
    const [first] = planMonitoringMoments(at('2026-01-02T09:00'), CONFIG);
    expect(first?.monthsAfter).toBe(3);
    expect(first?.dueOn).toBe('2026-04-02');
    // The window starts in winter time, the moment ends in summer time.
    expect(local(first?.windowStartsAt ?? new Date(0))).toBe('2026-03-26T00:00:00.000+01:00');
    expect(local(first?.dueAt ?? new Date(0))).toBe('2026-04-02T23:59:59.999+02:00');
  });
  it('intervals are configured per region', () => {
    const moments = planMonitoringMoments(at('2026-01-15T09:00'), {
      intervalsMonths: [1, 2, 12, 18],
      dueWindowDays: 0,
    });
    expect(moments.map((m) => [m.monthsAfter, m.dueOn])).toEqual([
      [1, '2026-02-15'],
      [2, '2026-03-15'],
      [12, '2027-01-15'],
      [18, '2027-07-15'],
    ]);
    expect(planMonitoringMoments(at('2026-01-15T09:00'), { intervalsMonths: [], dueWindowDays: 7 })).toEqual(
      [],
    );
  });
  it.each([
    [{ intervalsMonths: [6, 3], dueWindowDays: 7 }],
    [{ intervalsMonths: [3, 3], dueWindowDays: 7 }],
    [{ intervalsMonths: [0, 3], dueWindowDays: 7 }],
    [{ intervalsMonths: [1.5], dueWindowDays: 7 }],
    [{ intervalsMonths: [3], dueWindowDays: -1 }],
  ])('rejects the configuration %j', (config) => {
    expect(() => planMonitoringMoments(at('2026-01-15T09:00'), config)).toThrow(RangeError);
  });
});

describe('assessMonitoringMoments', () => {
  const entered = at('2026-03-15T10:00');
  const statuses = (now: string, contacts: { monthsAfter: number; at: string }[] = []) =>
    assessMonitoringMoments(
      entered,
      CONFIG,
      contacts.map((c) => ({ monthsAfter: c.monthsAfter, at: at(c.at) })),
      at(now),
    ).map((m) => m.status);

  it.each([
    ['2026-03-15T10:00', ['upcoming', 'upcoming']],
    ['2026-06-07T23:59', ['upcoming', 'upcoming']],
    ['2026-06-08T00:00', ['due', 'upcoming']],
    ['2026-06-15T23:59', ['due', 'upcoming']],
    ['2026-06-16T00:00', ['overdue', 'upcoming']],
    ['2026-09-08T00:00', ['overdue', 'due']],
    ['2026-09-16T00:00', ['overdue', 'overdue']],
  ] as [string, MonitoringMomentStatus[]][])('at %s: %j', (now, expected) => {
    expect(statuses(now)).toEqual(expected);
  });
  it('a recorded contact marks its own moment done, also when early or late', () => {
    expect(statuses('2026-06-16T00:00', [{ monthsAfter: 3, at: '2026-06-10T11:00' }])).toEqual([
      'done',
      'upcoming',
    ]);
    expect(statuses('2026-06-20T00:00', [{ monthsAfter: 3, at: '2026-06-18T11:00' }])).toEqual([
      'done',
      'upcoming',
    ]);
    expect(statuses('2026-06-01T00:00', [{ monthsAfter: 3, at: '2026-05-20T11:00' }])).toEqual([
      'done',
      'upcoming',
    ]);
  });
  it('a contact for another moment, or recorded after now, does not count', () => {
    expect(statuses('2026-06-16T00:00', [{ monthsAfter: 6, at: '2026-06-10T11:00' }])).toEqual([
      'overdue',
      'done',
    ]);
    expect(statuses('2026-06-16T00:00', [{ monthsAfter: 3, at: '2026-06-16T00:01' }])).toEqual([
      'overdue',
      'upcoming',
    ]);
  });
  it('with no lead time a moment becomes due at the start of its day', () => {
    const noWindow = { intervalsMonths: [3], dueWindowDays: 0 };
    const status = (now: string) => assessMonitoringMoments(entered, noWindow, [], at(now))[0]?.status;
    expect(status('2026-06-14T23:59')).toBe('upcoming');
    expect(status('2026-06-15T00:00')).toBe('due');
  });
  it('listOpenMonitoringMoments returns due and overdue moments, earliest first', () => {
    expect(
      listOpenMonitoringMoments(entered, CONFIG, [], at('2026-09-20T09:00')).map((m) => [
        m.monthsAfter,
        m.status,
      ]),
    ).toEqual([
      [3, 'overdue'],
      [6, 'overdue'],
    ]);
    expect(
      listOpenMonitoringMoments(
        entered,
        CONFIG,
        [{ monthsAfter: 3, at: at('2026-06-12T10:00') }],
        at('2026-09-10T09:00'),
      ).map((m) => [m.monthsAfter, m.status]),
    ).toEqual([[6, 'due']]);
    expect(listOpenMonitoringMoments(entered, CONFIG, [], at('2026-04-01T09:00'))).toEqual([]);
  });
});

describe('monitoringMomentStatus: a round that ends cancels what was not done', () => {
  const moment = { windowStartsAt: at('2026-06-08T00:00'), dueAt: at('2026-06-15T23:59:59.999') };
  it.each([
    ['2026-06-01T00:00', null, null, 'upcoming'],
    ['2026-06-10T00:00', null, null, 'due'],
    ['2026-06-20T00:00', null, null, 'overdue'],
    ['2026-06-20T00:00', '2026-06-12T10:00', null, 'done'],
    ['2026-06-20T00:00', null, '2026-06-18T10:00', 'cancelled'],
    ['2026-06-20T00:00', '2026-06-12T10:00', '2026-06-18T10:00', 'done'],
    ['2026-06-10T00:00', null, '2026-06-18T10:00', 'due'],
    ['2026-06-20T00:00', '2026-06-21T10:00', '2026-06-25T10:00', 'overdue'],
  ] as [string, string | null, string | null, MonitoringMomentStatus][])(
    'at %s, done %s, ended %s → %s',
    (now, doneAt, endedAt, expected) => {
      expect(
        monitoringMomentStatus(moment, doneAt ? at(doneAt) : null, endedAt ? at(endedAt) : null, at(now)),
      ).toBe(expected);
    },
  );
  it('assessMonitoringMoments passes the end of the round on', () => {
    const ended = at('2026-07-01T09:00');
    expect(
      assessMonitoringMoments(
        at('2026-03-15T10:00'),
        CONFIG,
        [{ monthsAfter: 3, at: at('2026-06-10T10:00') }],
        at('2026-10-01T00:00'),
        ended,
      ).map((m) => m.status),
    ).toEqual(['done', 'cancelled']);
    expect(
      listOpenMonitoringMoments(at('2026-03-15T10:00'), CONFIG, [], at('2026-10-01T00:00'), ended),
    ).toEqual([]);
  });
});

describe('properties', () => {
  const instant = fc.date({ min: new Date('2024-01-01'), max: new Date('2032-12-31'), noInvalidDate: true });
  const config = fc
    .record({
      intervalsMonths: fc.uniqueArray(fc.integer({ min: 1, max: 36 }), { minLength: 1, maxLength: 5 }),
      dueWindowDays: fc.integer({ min: 0, max: 30 }),
    })
    .map((c) => ({ ...c, intervalsMonths: [...c.intervalsMonths].sort((a, b) => a - b) }));

  it('each moment lies the configured number of calendar months after entry, never past the same day', () => {
    fc.assert(
      fc.property(instant, config, (entered, c) => {
        const start = DateTime.fromJSDate(entered, { zone: AMSTERDAM });
        const moments = planMonitoringMoments(entered, c);
        expect(moments.map((m) => m.monthsAfter)).toEqual(c.intervalsMonths);
        for (const m of moments) {
          const due = DateTime.fromISO(m.dueOn, { zone: AMSTERDAM });
          expect((due.year - start.year) * 12 + due.month - start.month).toBe(m.monthsAfter);
          expect(due.day).toBeLessThanOrEqual(start.day);
          if (due.day < start.day) expect(due.day).toBe(due.daysInMonth);
          expect(m.windowStartsAt.getTime()).toBeLessThanOrEqual(m.dueAt.getTime());
        }
        expect(moments.map((m) => m.dueOn)).toEqual([...moments.map((m) => m.dueOn)].sort());
      }),
      { numRuns: 500 },
    );
  });
  it('without contacts a moment goes upcoming → due → overdue and never back', () => {
    const rank: MonitoringMomentStatus[] = ['upcoming', 'due', 'overdue'];
    fc.assert(
      fc.property(
        instant,
        config,
        fc.array(fc.integer({ min: 0, max: 40 * 31 * 24 }), { minLength: 2, maxLength: 6 }),
        (entered, c, hours) => {
          const times = [...hours]
            .sort((a, b) => a - b)
            .map((h) => new Date(entered.getTime() + h * 3_600_000));
          const perTime = times.map((now) =>
            assessMonitoringMoments(entered, c, [], now).map((m) => rank.indexOf(m.status)),
          );
          for (let i = 0; i < c.intervalsMonths.length; i++) {
            const series = perTime.map((row) => row[i] ?? -1);
            expect(series).not.toContain(-1);
            expect(series).toEqual([...series].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('done and cancelled are final: once reached, a later moment in time never changes them', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 400 * 24 }),
        fc.option(fc.integer({ min: 0, max: 400 * 24 })),
        fc.option(fc.integer({ min: 0, max: 400 * 24 })),
        fc.integer({ min: 0, max: 400 * 24 }),
        (start, windowHours, doneHours, endHours, laterHours) => {
          const h = (n: number) => new Date(start.getTime() + n * 3_600_000);
          const moment = { windowStartsAt: h(windowHours), dueAt: h(windowHours + 7 * 24) };
          const doneAt = doneHours === null ? null : h(doneHours);
          const endedAt = endHours === null ? null : h(endHours);
          const now = h(Math.max(doneHours ?? 0, endHours ?? 0));
          const status = monitoringMomentStatus(moment, doneAt, endedAt, now);
          if (status === 'done' || status === 'cancelled') {
            expect(
              monitoringMomentStatus(
                moment,
                doneAt,
                endedAt,
                h(laterHours + (doneHours ?? 0) + (endHours ?? 0)),
              ),
            ).toBe(status);
          }
          if (doneAt !== null) expect(status).toBe('done');
        },
      ),
      { numRuns: 500 },
    );
  });
});

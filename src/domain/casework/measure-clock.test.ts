import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM } from '../working-days.ts';
import {
  computeEnd,
  computeMaximumEnd,
  computeMeasureStatus,
  DEFAULT_MEASURE_TERMS,
  extend,
  extendMeasure,
  findDueReminder,
  findExpiry,
  findNextReminder,
  liftMeasure,
  listMeasureReminders,
  MEASURE_KINDS,
  type Measure,
  type MeasureKind,
  type MeasureStatus,
} from './measure-clock.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();
const local = (date: Date) => DateTime.fromJSDate(date, { zone: AMSTERDAM }).toISO();
const HOUR = 3_600_000;

function measure(kind: MeasureKind, imposedAt: string, overrides: Partial<Measure> = {}): Measure {
  return { kind, imposedAt: at(imposedAt), extensions: [], liftedAt: null, ...overrides };
}

describe('computeEnd: terms on the Amsterdam wall clock', () => {
  it.each([
    ['restraining_order', '2026-06-01T14:00', '2026-06-11T14:00:00.000+02:00', 'D at 14:00 → D+10 at 14:00'],
    [
      'restraining_order',
      '2026-03-20T14:00',
      '2026-03-30T14:00:00.000+02:00',
      'across the start of summer time',
    ],
    [
      'restraining_order',
      '2026-10-20T14:00',
      '2026-10-30T14:00:00.000+01:00',
      'across the end of summer time',
    ],
    [
      'restraining_order',
      '2026-03-19T02:30',
      '2026-03-29T03:30:00.000+02:00',
      'a non-existent 02:30 moves later',
    ],
    ['restraining_order', '2026-12-28T23:59', '2027-01-07T23:59:00.000+01:00', 'across the new year'],
    ['crisis_care', '2026-01-05T09:00', '2026-02-16T09:00:00.000+01:00', '6 weeks'],
    ['intensive_case_management', '2026-02-28T10:00', '2027-02-28T10:00:00.000+01:00', '1 year'],
    ['intensive_case_management', '2028-02-29T10:00', '2029-02-28T10:00:00.000+01:00', 'from a leap day'],
    ['aware_alarm', '2026-11-30T10:00', '2027-02-28T10:00:00.000+01:00', '3 months, clamped to month end'],
    ['shelter_stay', '2026-01-15T16:45', '2026-04-15T16:45:00.000+02:00', '3 months'],
  ] as [MeasureKind, string, string, string][])('%s imposed %s ends %s (%s)', (kind, imposed, end) => {
    expect(local(computeEnd(kind, at(imposed), []))).toBe(end);
  });
  it('an order across a DST change lasts 239 or 241 real hours', () => {
    const spring = at('2026-03-20T14:00');
    const autumn = at('2026-10-20T14:00');
    expect((computeEnd('restraining_order', spring, []).getTime() - spring.getTime()) / HOUR).toBe(239);
    expect((computeEnd('restraining_order', autumn, []).getTime() - autumn.getTime()) / HOUR).toBe(241);
  });
  it('an ambiguous 02:30 on the last Sunday of October keeps the summer-time offset', () => {
    const imposed = DateTime.fromISO('2026-10-15T02:30:00+02:00').toJSDate();
    expect(local(computeEnd('restraining_order', imposed, []))).toBe('2026-10-25T02:30:00.000+02:00');
  });
  it('the latest extension sets the end; earlier ones and ones before the initial end do not', () => {
    const imposed = at('2026-06-01T14:00');
    const ext = (newEnd: string) => ({ newEnd: at(newEnd), decidedAt: at('2026-06-05T10:00') });
    expect(local(computeEnd('restraining_order', imposed, [ext('2026-06-20T14:00')]))).toBe(
      '2026-06-20T14:00:00.000+02:00',
    );
    expect(
      local(computeEnd('restraining_order', imposed, [ext('2026-06-25T14:00'), ext('2026-06-20T14:00')])),
    ).toBe('2026-06-25T14:00:00.000+02:00');
    expect(local(computeEnd('restraining_order', imposed, [ext('2026-06-05T14:00')]))).toBe(
      '2026-06-11T14:00:00.000+02:00',
    );
  });
  it('a stored extension past the legal maximum is capped at 28 days (art. 9)', () => {
    const imposed = at('2026-06-01T14:00');
    const end = computeEnd('restraining_order', imposed, [
      { newEnd: at('2026-07-15T14:00'), decidedAt: at('2026-06-05T10:00') },
    ]);
    expect(local(end)).toBe('2026-06-29T14:00:00.000+02:00');
  });
  it('maximum ends: 28 days for an order, the term itself for crisis care and ICM, none for Aware and shelter', () => {
    const imposed = at('2026-03-10T14:00');
    expect(local(computeMaximumEnd('restraining_order', imposed) ?? new Date(0))).toBe(
      '2026-04-07T14:00:00.000+02:00',
    );
    expect(local(computeMaximumEnd('crisis_care', imposed) ?? new Date(0))).toBe(
      '2026-04-21T14:00:00.000+02:00',
    );
    expect(local(computeMaximumEnd('intensive_case_management', imposed) ?? new Date(0))).toBe(
      '2027-03-10T14:00:00.000+01:00',
    );
    expect(computeMaximumEnd('aware_alarm', imposed)).toBeNull();
    expect(computeMaximumEnd('shelter_stay', imposed)).toBeNull();
  });
  it('terms are data: a region may set its own Aware term', () => {
    const terms = {
      ...DEFAULT_MEASURE_TERMS,
      aware_alarm: { ...DEFAULT_MEASURE_TERMS.aware_alarm, initial: { months: 6 } },
    };
    expect(local(computeEnd('aware_alarm', at('2026-01-10T10:00'), [], terms))).toBe(
      '2026-07-10T10:00:00.000+02:00',
    );
  });
  it('refuses a configuration whose initial term exceeds its maximum', () => {
    const terms = {
      ...DEFAULT_MEASURE_TERMS,
      crisis_care: { ...DEFAULT_MEASURE_TERMS.crisis_care, initial: { weeks: 7 } },
    };
    expect(() => computeEnd('crisis_care', at('2026-01-10T10:00'), [], terms)).toThrow(RangeError);
  });
});

describe('extendMeasure', () => {
  // Imposed before summer time starts: 28 days later is 671 real hours, not 672.
  const order = measure('restraining_order', '2026-03-10T14:00');
  const now = at('2026-03-18T09:00');
  const codeOf = (m: Measure, newEnd: Date, when: Date) => {
    const result = extendMeasure(m, newEnd, when);
    return result.ok ? 'ok' : result.code;
  };

  it.each([
    ['2026-03-20T14:01', 'ok', 'just past the initial end'],
    ['2026-04-07T14:00', 'ok', 'exactly 28 days after imposition'],
    ['2026-04-07T14:01', 'extension_exceeds_maximum', '28 days + 1 minute'],
    ['2026-04-07T15:00', 'extension_exceeds_maximum', '28 × 24 real hours lands an hour late in summer time'],
    ['2026-04-08T14:00', 'extension_exceeds_maximum', '29 days'],
    ['2026-03-20T14:00', 'extension_not_later', 'equal to the current end'],
    ['2026-03-15T14:00', 'extension_not_later', 'shortening is not an extension'],
  ])('new end %s → %s (%s)', (newEnd, expected) => {
    expect(codeOf(order, at(newEnd), now)).toBe(expected);
  });

  it('the refusal past 28 days names the latest allowed end in Dutch and English', () => {
    const result = extendMeasure(order, at('2026-04-07T14:01'), now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('extension_exceeds_maximum');
    expect(result.message.nl).toContain('uiterlijk 7 april 2026 14:00');
    expect(result.message.nl).toContain('Wet tijdelijk huisverbod');
    expect(result.message.en).toContain('7 April 2026 14:00 at the latest');
  });

  it('records the extension with its decision moment and leaves the input untouched', () => {
    const result = extendMeasure(order, at('2026-03-30T14:00'), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.measure.extensions).toEqual([{ newEnd: at('2026-03-30T14:00'), decidedAt: now }]);
    expect(order.extensions).toEqual([]);
    expect(local(computeEnd('restraining_order', order.imposedAt, result.measure.extensions))).toBe(
      '2026-03-30T14:00:00.000+02:00',
    );
  });

  it('extends in two steps up to 28 days, then refuses any further day', () => {
    const first = extendMeasure(order, at('2026-03-30T14:00'), now);
    if (!first.ok) throw new Error(first.code);
    const second = extendMeasure(first.measure, at('2026-04-07T14:00'), at('2026-03-29T10:00'));
    if (!second.ok) throw new Error(second.code);
    expect(codeOf(second.measure, at('2026-04-07T14:01'), at('2026-04-06T10:00'))).toBe(
      'extension_exceeds_maximum',
    );
  });

  it.each([
    ['2026-03-10T13:59', 'measure_not_started'],
    ['2026-03-10T14:00', 'ok'],
    ['2026-03-20T13:59', 'ok'],
    ['2026-03-20T14:00', 'measure_expired'],
    ['2026-03-25T10:00', 'measure_expired'],
  ])('decided at %s → %s', (decidedAt, expected) => {
    expect(codeOf(order, at('2026-03-30T14:00'), at(decidedAt))).toBe(expected);
  });

  it('a lifted order cannot be extended', () => {
    const lifted = { ...order, liftedAt: at('2026-03-15T10:00') };
    expect(codeOf(lifted, at('2026-03-30T14:00'), now)).toBe('measure_lifted');
    expect(codeOf(lifted, at('2026-03-30T14:00'), at('2026-03-15T09:59'))).toBe('ok');
  });

  it('crisis care and intensive case management cannot go past their maximum; Aware and shelter can', () => {
    const crisis = measure('crisis_care', '2026-01-05T09:00');
    expect(codeOf(crisis, at('2026-02-16T09:01'), at('2026-02-01T09:00'))).toBe('extension_exceeds_maximum');
    const icm = measure('intensive_case_management', '2026-01-05T09:00');
    expect(codeOf(icm, at('2027-01-05T09:01'), at('2026-12-01T09:00'))).toBe('extension_exceeds_maximum');
    const aware = measure('aware_alarm', '2026-01-05T09:00');
    expect(codeOf(aware, at('2028-01-05T09:00'), at('2026-02-01T09:00'))).toBe('ok');
    const shelter = measure('shelter_stay', '2026-01-05T09:00');
    expect(codeOf(shelter, at('2027-01-05T09:00'), at('2026-02-01T09:00'))).toBe('ok');
  });

  it('extend is the same rule under the issue’s name', () => {
    expect(extend(order, at('2026-04-07T14:01'), now)).toEqual(
      extendMeasure(order, at('2026-04-07T14:01'), now),
    );
  });
});

describe('computeMeasureStatus', () => {
  const order = measure('restraining_order', '2026-06-01T14:00');
  it.each([
    ['2026-06-01T13:59', 'scheduled'],
    ['2026-06-01T14:00', 'active'],
    ['2026-06-09T13:59', 'active'],
    ['2026-06-09T14:00', 'expiring_soon'],
    ['2026-06-11T13:59', 'expiring_soon'],
    ['2026-06-11T14:00', 'expired'],
    ['2026-07-01T00:00', 'expired'],
  ] as const)('at %s: %s', (moment, status) => {
    expect(computeMeasureStatus(order, at(moment))).toBe(status);
  });
  it('expiring soon starts two wall-clock days before an end in summer time (47 real hours)', () => {
    const spring = measure('restraining_order', '2026-03-20T14:00');
    expect(computeMeasureStatus(spring, at('2026-03-28T13:59'))).toBe('active');
    expect(computeMeasureStatus(spring, at('2026-03-28T14:00'))).toBe('expiring_soon');
  });
  it('a lifted order shows as lifted from the moment it was lifted', () => {
    const lifted = { ...order, liftedAt: at('2026-06-05T10:00') };
    expect(computeMeasureStatus(lifted, at('2026-06-05T09:59'))).toBe('active');
    expect(computeMeasureStatus(lifted, at('2026-06-05T10:00'))).toBe('lifted');
    expect(computeMeasureStatus(lifted, at('2026-06-20T10:00'))).toBe('lifted');
  });
  it('an extension moves the order back from expiring soon to active', () => {
    const extended = {
      ...order,
      extensions: [{ newEnd: at('2026-06-20T14:00'), decidedAt: at('2026-06-10T09:00') }],
    };
    expect(computeMeasureStatus(order, at('2026-06-10T12:00'))).toBe('expiring_soon');
    expect(computeMeasureStatus(extended, at('2026-06-10T12:00'))).toBe('active');
  });
});

describe('reminders', () => {
  const order = measure('restraining_order', '2026-06-01T14:00');
  const none = new Set<string>();
  it('lists 3 days and 1 day before the end', () => {
    const reminders = listMeasureReminders(order);
    expect(reminders.map((r) => [r.daysBefore, local(r.at)])).toEqual([
      [3, '2026-06-08T14:00:00.000+02:00'],
      [1, '2026-06-10T14:00:00.000+02:00'],
    ]);
    expect(reminders.map((r) => r.key)).toEqual([
      'restraining_order:2026-06-11T12:00:00.000Z:3d',
      'restraining_order:2026-06-11T12:00:00.000Z:1d',
    ]);
  });
  it('counts wall-clock days across the start of summer time', () => {
    const spring = measure('restraining_order', '2026-03-20T14:00');
    expect(listMeasureReminders(spring).map((r) => local(r.at))).toEqual([
      '2026-03-27T14:00:00.000+01:00',
      '2026-03-29T14:00:00.000+02:00',
    ]);
  });
  it.each([
    ['2026-06-08T13:59', [], null],
    ['2026-06-08T14:00', [], 3],
    ['2026-06-09T10:00', [], 3],
    ['2026-06-09T10:00', ['3d'], null],
    ['2026-06-10T14:00', ['3d'], 1],
    ['2026-06-10T14:00', [], 1],
    ['2026-06-10T20:00', ['1d'], null],
    ['2026-06-11T14:00', [], null],
  ] as const)('at %s with sent %j the due reminder is %s days before', (moment, sent, expected) => {
    const sentKeys = new Set(sent.map((s) => `restraining_order:2026-06-11T12:00:00.000Z:${s}`));
    expect(findDueReminder(order, at(moment), sentKeys)?.daysBefore ?? null).toBe(expected);
  });
  it('an extension yields fresh reminders for the new end', () => {
    const sent = new Set(listMeasureReminders(order).map((r) => r.key));
    const extended = {
      ...order,
      extensions: [{ newEnd: at('2026-06-20T14:00'), decidedAt: at('2026-06-09T09:00') }],
    };
    expect(findDueReminder(extended, at('2026-06-10T15:00'), sent)).toBeNull();
    const due = findDueReminder(extended, at('2026-06-17T14:00'), sent);
    expect(due?.daysBefore).toBe(3);
    expect(due?.key).toBe('restraining_order:2026-06-20T12:00:00.000Z:3d');
  });
  it('no reminders for a lifted order', () => {
    expect(
      findDueReminder({ ...order, liftedAt: at('2026-06-05T10:00') }, at('2026-06-10T15:00'), none),
    ).toBeNull();
  });
  it('drops reminder moments before imposition and rejects bad offsets', () => {
    const terms = {
      ...DEFAULT_MEASURE_TERMS,
      aware_alarm: { ...DEFAULT_MEASURE_TERMS.aware_alarm, initial: { days: 2 } },
    };
    const short = measure('aware_alarm', '2026-06-01T14:00');
    expect(listMeasureReminders(short, [3, 1], terms).map((r) => r.daysBefore)).toEqual([1]);
    expect(() => listMeasureReminders(order, [0])).toThrow(RangeError);
    expect(() => listMeasureReminders(order, [1.5])).toThrow(RangeError);
  });
});

describe('properties', () => {
  const instant = fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
  const kind = fc.constantFrom(...MEASURE_KINDS);

  it('a restraining order ends 10 calendar days later at the same Amsterdam clock time, 239–241 hours on', () => {
    fc.assert(
      fc.property(instant, (imposed) => {
        const start = DateTime.fromJSDate(imposed, { zone: AMSTERDAM });
        const end = DateTime.fromJSDate(computeEnd('restraining_order', imposed, []), { zone: AMSTERDAM });
        const hours = (end.toMillis() - start.toMillis()) / HOUR;
        expect([239, 240, 241]).toContain(hours);
        // Same clock time, except when it does not exist on the end day (02:xx on the spring change).
        const clock = start.hour === 2 && end.hour === 3 ? start.plus({ hours: 1 }) : start;
        expect(end.toFormat('HH:mm:ss.SSS')).toBe(clock.toFormat('HH:mm:ss.SSS'));
        expect(end.startOf('day').diff(start.startOf('day'), 'days').days).toBe(10);
      }),
      { numRuns: 1000 },
    );
  });
  it('an accepted extension never passes the maximum, and any later end up to it is accepted while running', () => {
    fc.assert(
      fc.property(
        kind,
        instant,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -5, max: 40 * 24 * 60 }),
        (k, imposed, f, minutes) => {
          const m: Measure = { kind: k, imposedAt: imposed, extensions: [], liftedAt: null };
          const end = computeEnd(k, imposed, []);
          const now = new Date(imposed.getTime() + Math.floor(f * (end.getTime() - imposed.getTime() - 1)));
          const newEnd = new Date(end.getTime() + minutes * 60_000);
          const max = computeMaximumEnd(k, imposed);
          const result = extendMeasure(m, newEnd, now);
          const expectOk = newEnd > end && (max === null || newEnd <= max);
          expect(result.ok).toBe(expectOk);
          if (!result.ok) expect(['extension_not_later', 'extension_exceeds_maximum']).toContain(result.code);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('whatever extensions are stored, the end stays within the maximum', () => {
    fc.assert(
      fc.property(
        kind,
        instant,
        fc.array(fc.integer({ min: 0, max: 400 * 24 }), { maxLength: 4 }),
        (k, imposed, hours) => {
          const extensions = hours.map((h) => ({
            newEnd: new Date(imposed.getTime() + h * HOUR),
            decidedAt: imposed,
          }));
          const end = computeEnd(k, imposed, extensions);
          const max = computeMaximumEnd(k, imposed);
          if (max !== null) expect(end.getTime()).toBeLessThanOrEqual(max.getTime());
          expect(end.getTime()).toBeGreaterThanOrEqual(computeEnd(k, imposed, []).getTime());
        },
      ),
    );
  });
  it('without lifting, the status only moves forward in time', () => {
    const order: MeasureStatus[] = ['scheduled', 'active', 'expiring_soon', 'expired'];
    fc.assert(
      fc.property(
        kind,
        instant,
        fc.array(fc.integer({ min: -48, max: 24 * 400 }), { minLength: 2 }),
        (k, imposed, hs) => {
          const m: Measure = { kind: k, imposedAt: imposed, extensions: [], liftedAt: null };
          const ranks = [...hs]
            .sort((a, b) => a - b)
            .map((h) => order.indexOf(computeMeasureStatus(m, new Date(imposed.getTime() + h * HOUR))));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          expect(ranks).not.toContain(-1);
        },
      ),
    );
  });
  it('at most one reminder is due, it has passed, and the measure is still running', () => {
    fc.assert(
      fc.property(kind, instant, fc.integer({ min: 0, max: 24 * 400 }), (k, imposed, h) => {
        const m: Measure = { kind: k, imposedAt: imposed, extensions: [], liftedAt: null };
        const now = new Date(imposed.getTime() + h * HOUR);
        const due = findDueReminder(m, now, new Set());
        if (due === null) return;
        expect(due.at.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime()).toBeLessThan(due.end.getTime());
        expect(findDueReminder(m, now, new Set([due.key]))).toBeNull();
      }),
    );
  });
});

describe('findNextReminder and findExpiry', () => {
  const order = measure('restraining_order', '2026-06-01T14:00');
  it.each([
    ['2026-05-31T10:00', 3],
    ['2026-06-08T13:59', 3],
    ['2026-06-08T14:00', 1],
    ['2026-06-10T13:59', 1],
    ['2026-06-10T14:00', null],
    ['2026-06-12T10:00', null],
  ] as const)('at %s the next reminder is %s days before the end', (moment, expected) => {
    expect(findNextReminder(order, at(moment))?.daysBefore ?? null).toBe(expected);
  });
  it('no next reminder once lifted', () => {
    expect(
      findNextReminder({ ...order, liftedAt: at('2026-06-03T10:00') }, at('2026-06-04T10:00')),
    ).toBeNull();
  });
  it('an expiry is found from the end on, once per end, never for a lifted order', () => {
    expect(findExpiry(order, at('2026-06-11T13:59'))).toBeNull();
    const expiry = findExpiry(order, at('2026-06-11T14:00'));
    expect(expiry?.key).toBe('restraining_order:2026-06-11T12:00:00.000Z:expired');
    expect(findExpiry(order, at('2026-08-01T00:00'))).toEqual(expiry);
    expect(findExpiry({ ...order, liftedAt: at('2026-06-05T10:00') }, at('2026-06-12T10:00'))).toBeNull();
  });
});

describe('liftMeasure', () => {
  const order = measure('restraining_order', '2026-06-01T14:00');
  const codeOf = (m: Measure, now: string) => {
    const result = liftMeasure(m, at(now));
    return result.ok ? 'ok' : result.code;
  };
  it.each([
    ['2026-05-31T10:00', 'ok', 'before it starts: cancelled'],
    ['2026-06-01T14:00', 'ok', 'at imposition'],
    ['2026-06-11T13:59', 'ok', 'the last minute'],
    ['2026-06-11T14:00', 'measure_expired', 'at the end'],
  ] as const)('at %s → %s (%s)', (now, expected, _why) => {
    expect(codeOf(order, now)).toBe(expected);
  });
  it('a lifted measure cannot be lifted again; the lift moment is kept', () => {
    const result = liftMeasure(order, at('2026-06-05T10:00'));
    if (!result.ok) throw new Error(result.code);
    expect(result.measure.liftedAt).toEqual(at('2026-06-05T10:00'));
    expect(computeMeasureStatus(result.measure, at('2026-06-05T10:00'))).toBe('lifted');
    expect(codeOf(result.measure, '2026-06-06T10:00')).toBe('measure_lifted');
    expect(order.liftedAt).toBeNull();
  });
  it('property: lifting succeeds exactly while the measure is not lifted and has not ended', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_KINDS),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: -48, max: 24 * 400 }),
        (k, imposed, h) => {
          const m: Measure = { kind: k, imposedAt: imposed, extensions: [], liftedAt: null };
          const now = new Date(imposed.getTime() + h * HOUR);
          const result = liftMeasure(m, now);
          expect(result.ok).toBe(computeMeasureStatus(m, now) !== 'expired');
          if (result.ok) expect(liftMeasure(result.measure, now).ok).toBe(false);
        },
      ),
    );
  });
});

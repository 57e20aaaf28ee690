import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM, isWorkingDay } from '../working-days.ts';
import {
  amsterdamMonth,
  computeAssessmentNormShares,
  computeInformingDeadline,
  computeInvestigationDeadlines,
  computeInvestigationNormShares,
} from './deadlines.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();
const day = (d: Date) => DateTime.fromJSDate(d, { zone: AMSTERDAM }).toISODate();
const clock = (d: Date) => DateTime.fromJSDate(d, { zone: AMSTERDAM }).toFormat('HH:mm:ss');

describe('investigation deadlines (Uitvoeringsbesluit Wmo art. 4.1.7)', () => {
  it.each([
    ['2026-11-23T10:00', '2026-11-30', '2027-02-01', 'Monday decision'],
    ['2026-11-27T16:00', '2026-12-04', '2027-02-05', 'Friday decision'],
    ['2026-04-22T09:00', '2026-04-30', '2026-07-01', "start skips King's Day"],
    ['2026-04-30T09:00', '2026-05-08', '2026-07-09', 'start skips Liberation Day'],
    ['2026-12-23T12:00', '2026-12-31', '2027-03-03', 'start skips Christmas'],
    ['2026-03-20T12:00', '2026-03-27', '2026-05-29', '10 weeks across the DST change'],
    [
      '2026-03-14T12:00',
      '2026-03-20',
      '2026-05-23',
      'Saturday decision: 10 weeks end on a Saturday, not moved',
    ],
    ['2026-11-22T23:30', '2026-11-27', '2027-01-31', 'late Sunday evening is still Sunday'],
  ])('decided %s: start by %s, conclude by %s (%s)', (decided, start, conclude) => {
    const d = computeInvestigationDeadlines(at(decided));
    expect(day(d.startBy)).toBe(start);
    expect(day(d.concludeBy)).toBe(conclude);
    expect(clock(d.startBy)).toBe('23:59:59');
    expect(clock(d.concludeBy)).toBe('23:59:59');
  });

  it('uses the Amsterdam calendar day: 23:30 UTC on Sunday is Monday in Amsterdam', () => {
    const d = computeInvestigationDeadlines(new Date('2026-11-22T23:30:00Z'));
    expect(day(d.startBy)).toBe('2026-11-30');
    expect(day(d.concludeBy)).toBe('2027-02-01');
  });

  it('property: start by a working day 5–13 days later; conclude exactly 70 calendar days later', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (decided) => {
          const d = computeInvestigationDeadlines(decided);
          const decisionDay = DateTime.fromJSDate(decided, { zone: AMSTERDAM }).startOf('day');
          const start = DateTime.fromJSDate(d.startBy, { zone: AMSTERDAM }).startOf('day');
          const end = DateTime.fromJSDate(d.concludeBy, { zone: AMSTERDAM }).startOf('day');
          expect(isWorkingDay(start.toISODate() ?? '')).toBe(true);
          const startSpan = Math.round(start.diff(decisionDay, 'days').days);
          expect(startSpan).toBeGreaterThanOrEqual(5);
          expect(startSpan).toBeLessThanOrEqual(13);
          expect(Math.round(end.diff(decisionDay, 'days').days)).toBe(70);
          expect(d.startBy < d.concludeBy).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('informing the persons concerned (Wmo art. 5.3.1)', () => {
  const recorded = at('2026-02-02T10:00');

  it('is due 4 weeks after recording, end of day', () => {
    const r = computeInformingDeadline(recorded);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(day(r.dueAt)).toBe('2026-03-02');
      expect(clock(r.dueAt)).toBe('23:59:59');
      expect(r.extensionsApplied).toBe(0);
    }
  });

  it('extends by 2 weeks at a time, also when granted on the last day', () => {
    const r = computeInformingDeadline(recorded, [
      { grantedAt: at('2026-03-02T23:00'), reason: 'onderzoek loopt; melden brengt kind in gevaar' },
      { grantedAt: at('2026-03-10T09:00'), reason: 'gesprek met moeder eerst' },
    ]);
    expect(r).toMatchObject({ ok: true, extensionsApplied: 2 });
    if (r.ok) expect(day(r.dueAt)).toBe('2026-03-30');
  });

  it('accepts a shorter extension and orders extensions by when they were granted', () => {
    const r = computeInformingDeadline(recorded, [
      { grantedAt: at('2026-03-10T09:00'), reason: 'b', days: 3 },
      { grantedAt: at('2026-03-01T09:00'), reason: 'a', days: 10 },
    ]);
    if (!r.ok) throw new Error('expected ok');
    expect(day(r.dueAt)).toBe('2026-03-15');
  });

  it.each([
    [[{ grantedAt: at('2026-02-20T09:00'), reason: '   ' }], 'extension_without_reason', 0],
    [[{ grantedAt: at('2026-02-20T09:00'), reason: 'x', days: 15 }], 'extension_too_long', 0],
    [[{ grantedAt: at('2026-02-20T09:00'), reason: 'x', days: 0 }], 'extension_too_long', 0],
    [[{ grantedAt: at('2026-02-20T09:00'), reason: 'x', days: 1.5 }], 'extension_too_long', 0],
    [[{ grantedAt: at('2026-03-03T00:00'), reason: 'te laat' }], 'extension_after_deadline', 0],
    [
      [
        { grantedAt: at('2026-03-01T09:00'), reason: 'a' },
        { grantedAt: at('2026-03-17T00:00'), reason: 'te laat na eerste verlenging' },
      ],
      'extension_after_deadline',
      1,
    ],
  ])('rejects %j with %s', (extensions, error, index) => {
    expect(computeInformingDeadline(recorded, extensions)).toEqual({ ok: false, error, index });
  });

  it('property: n valid 2-week extensions add exactly 14n days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), (n) => {
        const extensions = Array.from({ length: n }, (_, i) => ({
          grantedAt: at('2026-02-03T09:00'),
          reason: `reden ${i}`,
        }));
        const r = computeInformingDeadline(recorded, extensions);
        if (!r.ok) throw new Error('expected ok');
        const days = DateTime.fromJSDate(r.dueAt, { zone: AMSTERDAM })
          .startOf('day')
          .diff(DateTime.fromISO('2026-02-02', { zone: AMSTERDAM }), 'days').days;
        expect(Math.round(days)).toBe(28 + 14 * n);
      }),
    );
  });
});

describe('monthly norm shares', () => {
  it('groups by the Amsterdam month: 31 March 23:30 UTC is April', () => {
    expect(amsterdamMonth(new Date('2026-03-31T21:30:00Z'))).toBe('2026-03');
    expect(amsterdamMonth(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04');
    expect(amsterdamMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
  });

  it('counts assessments within 5 working days per month of receipt', () => {
    const asOf = at('2026-12-15T12:00');
    const items = [
      // November: due 2026-11-30 (end of day)
      { receivedAt: at('2026-11-23T10:00'), assessedAt: at('2026-11-30T23:59') },
      { receivedAt: at('2026-11-23T10:00'), assessedAt: at('2026-12-01T00:00') },
      { receivedAt: at('2026-11-02T10:00'), assessedAt: at('2026-11-02T11:00') },
      { receivedAt: at('2026-11-02T10:00'), assessedAt: null },
      // December: due 2026-12-18, still open
      { receivedAt: at('2026-12-11T10:00'), assessedAt: null },
      // October: on time
      { receivedAt: at('2026-10-30T22:00'), assessedAt: at('2026-11-01T10:00') },
    ];
    expect(computeAssessmentNormShares(items, asOf)).toEqual([
      { month: '2026-10', total: 1, onTime: 1, late: 0, pending: 0, share: 1, norm: 0.9, meetsNorm: true },
      { month: '2026-11', total: 4, onTime: 2, late: 2, pending: 0, share: 0.5, norm: 0.9, meetsNorm: false },
      {
        month: '2026-12',
        total: 1,
        onTime: 0,
        late: 0,
        pending: 1,
        share: undefined,
        norm: 0.9,
        meetsNorm: undefined,
      },
    ]);
  });

  it('meets the norm at exactly 90% and 80%', () => {
    const asOf = at('2027-06-01T00:00');
    const assessments = Array.from({ length: 10 }, (_, i) => ({
      receivedAt: at('2026-11-23T10:00'),
      assessedAt: i < 9 ? at('2026-11-24T10:00') : at('2026-12-10T10:00'),
    }));
    expect(computeAssessmentNormShares(assessments, asOf)[0]).toMatchObject({ share: 0.9, meetsNorm: true });
    const fewer = assessments.map((a, i) => (i === 8 ? { ...a, assessedAt: at('2026-12-10T10:00') } : a));
    expect(computeAssessmentNormShares(fewer, asOf)[0]).toMatchObject({ share: 0.8, meetsNorm: false });

    const investigations = Array.from({ length: 5 }, (_, i) => ({
      decidedAt: at('2026-01-05T10:00'),
      concludedAt: i < 4 ? at('2026-03-16T23:59') : at('2026-03-17T00:00:01'),
    }));
    expect(computeInvestigationNormShares(investigations, asOf)).toEqual([
      { month: '2026-01', total: 5, onTime: 4, late: 1, pending: 0, share: 0.8, norm: 0.8, meetsNorm: true },
    ]);
  });

  it('an open investigation counts late only once its 10 weeks have passed', () => {
    const item = { decidedAt: at('2026-01-05T10:00'), concludedAt: null };
    expect(computeInvestigationNormShares([item], at('2026-03-16T23:59'))[0]).toMatchObject({
      pending: 1,
      late: 0,
    });
    expect(computeInvestigationNormShares([item], at('2026-03-17T00:00'))[0]).toMatchObject({
      pending: 0,
      late: 1,
      share: 0,
    });
  });

  it('rejects an item done before it started', () => {
    expect(() =>
      computeAssessmentNormShares(
        [{ receivedAt: at('2026-01-05T10:00'), assessedAt: at('2026-01-05T09:00') }],
        at('2026-02-01T00:00'),
      ),
    ).toThrow(RangeError);
  });

  it('property: every item is counted once, in its month, and share is within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            receivedAt: fc.date({
              min: new Date('2025-01-01'),
              max: new Date('2026-12-31'),
              noInvalidDate: true,
            }),
            hoursToAssess: fc.option(fc.integer({ min: 0, max: 24 * 20 }), { nil: null }),
          }),
          { maxLength: 30 },
        ),
        (raw) => {
          const items = raw.map((r) => ({
            receivedAt: r.receivedAt,
            assessedAt:
              r.hoursToAssess === null
                ? null
                : new Date(r.receivedAt.getTime() + r.hoursToAssess * 3_600_000),
          }));
          const shares = computeAssessmentNormShares(items, new Date('2026-07-01T00:00:00Z'));
          expect(shares.reduce((s, m) => s + m.total, 0)).toBe(items.length);
          for (const m of shares) {
            expect(m.onTime + m.late + m.pending).toBe(m.total);
            expect(items.filter((i) => amsterdamMonth(i.receivedAt) === m.month)).toHaveLength(m.total);
            if (m.share !== undefined) {
              expect(m.share).toBeGreaterThanOrEqual(0);
              expect(m.share).toBeLessThanOrEqual(1);
            }
          }
          expect(shares.map((m) => m.month)).toEqual([...shares.map((m) => m.month)].sort());
          // within 4 days is always on time (5 working days span at least 5 calendar days)
          for (const i of items) {
            if (i.assessedAt && i.assessedAt.getTime() - i.receivedAt.getTime() <= 4 * 86_400_000) {
              const m = shares.find((s) => s.month === amsterdamMonth(i.receivedAt));
              expect(m?.onTime).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

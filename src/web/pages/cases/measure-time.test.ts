import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amsterdamLocalToIso } from '../../lib/amsterdam-time.ts';
import { isoToAmsterdamLocal } from './measure-time.ts';

describe('isoToAmsterdamLocal', () => {
  it.each([
    ['2026-06-29T12:00:00.000Z', '2026-06-29T14:00'],
    ['2026-01-05T09:30:00+01:00', '2026-01-05T09:30'],
    ['2026-03-29T01:30:00Z', '2026-03-29T03:30'],
    ['2026-12-31T23:30:00Z', '2027-01-01T00:30'],
    ['not a date', ''],
  ])('%s → %s', (iso, local) => {
    expect(isoToAmsterdamLocal(iso)).toBe(local);
  });
  it('property: back and forth through amsterdamLocalToIso keeps the minute', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
          const local = isoToAmsterdamLocal(minute.toISOString());
          const back = amsterdamLocalToIso(local);
          // In the repeated autumn hour the wall clock is ambiguous; either reading is the same wall time.
          expect(isoToAmsterdamLocal(back ?? '')).toBe(local);
        },
      ),
    );
  });
});

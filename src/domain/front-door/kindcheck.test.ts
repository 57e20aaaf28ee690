import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, assessKindcheck, isMinorOn, type KindcheckInput } from './kindcheck.ts';

const ADULT = '1990-06-15';
const ON = '2026-03-01';

describe('ageOn', () => {
  it.each([
    ['2008-03-01', '2026-03-01', 18, '18th birthday'],
    ['2008-03-02', '2026-03-01', 17, 'day before the 18th birthday'],
    ['2008-02-29', '2026-02-28', 17, 'leap-day birth: not yet 18 on 28 February'],
    ['2008-02-29', '2026-03-01', 18, 'leap-day birth: 18 on 1 March of a common year'],
    ['2008-02-29', '2028-02-29', 20, 'leap-day birth in a leap year'],
    ['2026-03-01', '2026-03-01', 0, 'born today'],
    ['1990-12-31', '2026-01-01', 35, 'across the year end'],
  ])('born %s, on %s → %i (%s)', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each([
    ['2026-02-30', ON],
    ['2026-13-01', ON],
    ['20260101', ON],
    ['2027-01-01', ON],
  ])('rejects birth %s on %s', (birth, on) => {
    expect(() => ageOn(birth, on)).toThrow(RangeError);
  });

  it('property: minor exactly until the 18th birthday', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 * 366 }),
        (birth, days) => {
          const b = birth.toISOString().slice(0, 10);
          const on = new Date(Date.parse(b) + days * 86_400_000).toISOString().slice(0, 10);
          const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
          const eighteenth = new Date(Date.UTC(by + 18, bm - 1, bd)).toISOString().slice(0, 10);
          expect(isMinorOn(b, on)).toBe(on < eighteenth);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('assessKindcheck', () => {
  const base: KindcheckInput = { clientBirthDate: ADULT, childrenInCare: [], expectingChild: false };

  it.each<[string, Partial<KindcheckInput>, ReturnType<typeof assessKindcheck>]>([
    ['adult without children', {}, { required: false, why: 'no_minor_in_care' }],
    [
      'adult caring for a minor',
      { childrenInCare: [{ birthDate: '2015-01-01' }] },
      { required: true, reasons: ['cares_for_minor'] },
    ],
    [
      'adult whose only child turned 18 today',
      { childrenInCare: [{ birthDate: '2008-03-01' }] },
      { required: false, why: 'no_minor_in_care' },
    ],
    [
      'adult whose child turns 18 tomorrow',
      { childrenInCare: [{ birthDate: '2008-03-02' }] },
      { required: true, reasons: ['cares_for_minor'] },
    ],
    ['expecting a child', { expectingChild: true }, { required: true, reasons: ['expecting_child'] }],
    [
      'child of unknown age',
      { childrenInCare: [{ birthDate: null }] },
      { required: true, reasons: ['child_age_unknown'] },
    ],
    [
      'all reasons at once',
      {
        childrenInCare: [{ birthDate: '2020-05-05' }, { birthDate: null }, { birthDate: '1999-01-01' }],
        expectingChild: true,
      },
      { required: true, reasons: ['cares_for_minor', 'child_age_unknown', 'expecting_child'] },
    ],
    [
      'client age unknown but caring for a minor',
      { clientBirthDate: null, childrenInCare: [{ birthDate: '2020-05-05' }] },
      { required: true, reasons: ['cares_for_minor'] },
    ],
    [
      'minor client (17) who is pregnant: the meldcode is about the client',
      { clientBirthDate: '2008-03-02', expectingChild: true },
      { required: false, why: 'client_is_minor' },
    ],
    [
      'client who turned 18 today and is pregnant',
      { clientBirthDate: '2008-03-01', expectingChild: true },
      { required: true, reasons: ['expecting_child'] },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(assessKindcheck({ ...base, ...patch }, ON)).toEqual(expected);
  });

  it('rejects an invalid reference date', () => {
    expect(() => assessKindcheck(base, '2026-02-31')).toThrow(RangeError);
  });

  it('property: an adult client with a minor in care or a pregnancy always triggers the kindcheck', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (childAge, adults, expecting) => {
          const children = [
            ...Array.from({ length: adults }, () => ({ birthDate: '1990-01-01' })),
            { birthDate: `${2026 - childAge - 1}-06-01` },
          ];
          const result = assessKindcheck(
            { clientBirthDate: ADULT, childrenInCare: children, expectingChild: expecting },
            ON,
          );
          expect(result.required).toBe(true);
          if (result.required) expect(result.reasons.includes('expecting_child')).toBe(expecting);
        },
      ),
    );
  });
});

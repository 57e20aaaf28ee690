import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBsn, normaliseBsn } from './bsn.ts';

function elfproefSum(digits: string): number {
  return [...digits].reduce((sum, d, i) => sum + (i < 8 ? (9 - i) * Number(d) : -Number(d)), 0);
}

describe('isValidBsn', () => {
  it.each(['999996708', '999996630', '123456782', '111222333'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });
  it.each([
    '999998620',
    '123456789',
    '000000000',
    '00000000',
    '12345678a',
    '1234567',
    '1234567890',
    '',
    ' 999996708',
    '99999670８',
  ])('rejects %j', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
  it('accepts 8 digits as a number with a leading zero', () => {
    expect(isValidBsn('12345672')).toBe(isValidBsn('012345672'));
    expect(normaliseBsn('12345672')).toBe('012345672');
  });
  it('agrees with the 11-check for every 9-digit string (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (digits) => {
        const expected = digits !== '000000000' && elfproefSum(digits) % 11 === 0;
        expect(isValidBsn(digits)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
  it('changing any one digit of a valid BSN makes it invalid (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('999996708', '999996630', '123456782'),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (bsn, pos, delta) => {
          const digit = (Number(bsn[pos]) + delta) % 10;
          const changed = bsn.slice(0, pos) + String(digit) + bsn.slice(pos + 1);
          expect(isValidBsn(changed)).toBe(false);
        },
      ),
    );
  });
});

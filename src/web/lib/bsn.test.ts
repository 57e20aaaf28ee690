import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../../domain/bsn.ts';
import { cleanBsn, passesElfproef } from './bsn.ts';

describe('passesElfproef (the hint while typing)', () => {
  it('agrees with the server rule on any 8 or 9 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8,9}$/), (bsn) => {
        expect(passesElfproef(bsn)).toBe(isValidBsn(bsn));
      }),
    );
  });

  it('accepts known good numbers, with spaces or dots', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('1112.22.333')).toBe(true);
    expect(passesElfproef(' 111 222 333 ')).toBe(true);
  });

  it('rejects wrong numbers, all zeros and non-digits', () => {
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
    expect(passesElfproef('12345678a')).toBe(false);
    expect(passesElfproef('')).toBe(false);
  });

  it('cleans what it sends', () => {
    expect(cleanBsn('1112.22 333')).toBe('111222333');
  });
});

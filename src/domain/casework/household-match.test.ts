import { describe, expect, it } from 'vitest';
import { isSameHouseholdMember, normaliseName } from './household-match.ts';

const person = (overrides: Partial<Parameters<typeof isSameHouseholdMember>[0]> = {}) => ({
  bsnHash: null,
  fullName: 'Jan Jansen',
  dateOfBirth: '1985-02-03',
  ...overrides,
});

describe('isSameHouseholdMember', () => {
  it.each([
    [
      'same BSN hash, different name',
      person({ bsnHash: 'a' }),
      person({ bsnHash: 'a', fullName: 'J. Jansen' }),
      true,
    ],
    ['different BSN hash, same name and birthday', person({ bsnHash: 'a' }), person({ bsnHash: 'b' }), false],
    ['one BSN, same name and birthday', person({ bsnHash: 'a' }), person(), true],
    ['no BSN, same name and birthday', person(), person(), true],
    [
      'no BSN, name differs in case, spaces and accents',
      person({ fullName: 'José  de Vries' }),
      person({ fullName: 'jose de vries ' }),
      true,
    ],
    ['no BSN, other birthday', person(), person({ dateOfBirth: '1985-02-04' }), false],
    ['no BSN, other name', person(), person({ fullName: 'Jan Janssen' }), false],
    ['empty names never match', person({ fullName: ' ' }), person({ fullName: '' }), false],
  ])('%s', (_label, a, b, expected) => {
    expect(isSameHouseholdMember(a, b)).toBe(expected);
    expect(isSameHouseholdMember(b, a)).toBe(expected);
  });

  it('normalises names', () => {
    expect(normaliseName('  Ömer   ÇELIK ')).toBe('omer celik');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldText,
  jaroWinkler,
  matchPersons,
  normaliseHouseNumber,
  normalisePostcode,
  type PersonIdentity,
  surnameCore,
} from './person-match.ts';

const base: PersonIdentity = {
  bsnHash: null,
  surname: 'van der Berg',
  surnamePrefix: null,
  firstNames: 'Jan Pieter',
  dateOfBirth: '1990-03-04',
  postcode: '1234 AB',
  houseNumber: '12',
};
const p = (patch: Partial<PersonIdentity>): PersonIdentity => ({ ...base, ...patch });

describe('normalisation', () => {
  it.each([
    ['  Çélïne   DE  Wït ', 'celine de wit'],
    ['Dijkstra', 'dykstra'],
    ['DĲKSTRA', 'dykstra'],
    ["'t Hart", 't hart'],
    ['Jansen-de Vries', 'jansen de vries'],
    ['Strauß', 'strauss'],
    ['Søren', 'soren'],
  ])('foldText(%j) = %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it.each<[string, string | null, string[]]>([
    ['van der Berg', null, ['berg']],
    ['Berg, van der', null, ['berg']],
    ['Berg', 'van der', ['berg']],
    ['v.d. Berg', null, ['berg']],
    ["'s-Gravesande", null, ['gravesande']],
    ["d'Ancona", null, ['ancona']],
    ['Jansen-de Vries', null, ['jansen', 'vries']],
    ['Van', null, ['van']],
    ['Bijl', null, ['byl']],
  ])('surnameCore(%j, %j)', (surname, prefix, expected) => {
    expect(surnameCore(surname, prefix)).toEqual(expected);
  });

  it.each([
    ['1234 AB', '1234AB'],
    ['1234ab', '1234AB'],
    [' 1234  aB ', '1234AB'],
    ['', null],
  ])('normalisePostcode(%j) = %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    ['12', { number: '12', addition: '' }],
    ['12a', { number: '12', addition: 'a' }],
    ['12 A', { number: '12', addition: 'a' }],
    ['12-a', { number: '12', addition: 'a' }],
    ['12-2', { number: '12', addition: '2' }],
    ['012 hs', { number: '12', addition: 'hs' }],
    ['12 bis', { number: '12', addition: 'bis' }],
  ])('normaliseHouseNumber(%j)', (input, expected) => {
    expect(normaliseHouseNumber(input)).toEqual(expected);
  });

  it('Jaro–Winkler has the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
  });
});

describe('matchPersons: table', () => {
  it.each<[string, Partial<PersonIdentity>, Partial<PersonIdentity>, number, string]>([
    ['identical', {}, {}, 1, 'match'],
    [
      'format variants: initials, case, tussenvoegsel order, postcode and house number formats',
      { firstNames: 'J.P.', surname: 'Berg, Van Der', houseNumber: '12a' },
      { firstNames: 'Jan Pieter', surname: 'van der berg', postcode: '1234ab', houseNumber: '12 A' },
      0.95,
      'match',
    ],
    ['tussenvoegsel stored apart', { surname: 'Berg', surnamePrefix: 'van der' }, {}, 1, 'match'],
    ['moved house', {}, { postcode: '9999 ZZ', houseNumber: '1' }, 0.85, 'match'],
    [
      'moved house and only initials known',
      { firstNames: 'J. P.' },
      { postcode: '9999 ZZ' },
      0.8,
      'possible',
    ],
    ['day and month swapped', {}, { dateOfBirth: '1990-04-03' }, 0.91, 'match'],
    [
      'day and month swapped and moved',
      {},
      { dateOfBirth: '1990-04-03', postcode: '9999 ZZ' },
      0.76,
      'possible',
    ],
    [
      'father and son: same name and address, other birth date',
      {},
      { dateOfBirth: '1965-03-04' },
      0,
      'no_match',
    ],
    ['twins: other first name', {}, { firstNames: 'Kees' }, 0.75, 'possible'],
    ['birth date unknown on one side', {}, { dateOfBirth: null }, 0.7, 'possible'],
    ['impossible birth date counts as unknown', {}, { dateOfBirth: '1990-02-30' }, 0.7, 'possible'],
    ['married name', {}, { surname: 'de Vries' }, 0.7, 'possible'],
    ['double surname', { surname: 'Berg-de Vries' }, { surname: 'van der Berg' }, 0.97, 'match'],
    ['roepnaam is the second first name', {}, { firstNames: 'Pieter' }, 0.925, 'match'],
    ['other flat in the same building', { houseNumber: '12a' }, { houseNumber: '12b' }, 0.91, 'match'],
    ['addition known on one side only', { houseNumber: '12' }, { houseNumber: '12-hs' }, 0.97, 'match'],
    ['same postcode, other number', {}, { houseNumber: '14' }, 0.88, 'match'],
    ['Dijkstra / Dykstra', { surname: 'Dijkstra' }, { surname: 'Dykstra' }, 1, 'match'],
    ['nothing but a surname', {}, { firstNames: null, dateOfBirth: null, postcode: null }, 0.3, 'no_match'],
  ])('%s', (_name, a, b, score, classification) => {
    const r = matchPersons(p(a), p(b));
    expect(r.score).toBe(score);
    expect(r.classification).toBe(classification);
    expect(r.basis).toBe('attributes');
  });

  it('a surname typo scores between a miss and an exact match', () => {
    const r = matchPersons(p({ surname: 'Jansen' }), p({ surname: 'Janssen' }));
    expect(r.fields.surname).toBeGreaterThan(0.85);
    expect(r.fields.surname).toBeLessThan(1);
    expect(r.classification).toBe('match');
    expect(matchPersons(p({ surname: 'Jansen' }), p({ surname: 'Bakker' })).fields.surname).toBe(0);
  });

  it('a BSN match wins over every other field', () => {
    const r = matchPersons(p({ bsnHash: 'h1' }), {
      bsnHash: 'h1',
      surname: 'Other',
      firstNames: 'X',
      dateOfBirth: '2001-01-01',
      postcode: null,
      houseNumber: null,
    });
    expect(r).toMatchObject({ score: 1, classification: 'match', basis: 'bsn' });
  });

  it('two different BSNs never match, however alike the rest', () => {
    expect(matchPersons(p({ bsnHash: 'h1' }), p({ bsnHash: 'h2' }))).toMatchObject({
      score: 0,
      classification: 'no_match',
      conflict: 'bsn',
    });
  });

  it('a BSN on one side only: the attributes decide', () => {
    expect(matchPersons(p({ bsnHash: 'h1' }), p({}))).toMatchObject({ score: 1, basis: 'attributes' });
  });

  it('honours configured thresholds and rejects inconsistent ones', () => {
    expect(
      matchPersons(p({}), p({ postcode: '9999 ZZ' }), { matchThreshold: 0.9, possibleThreshold: 0.5 })
        .classification,
    ).toBe('possible');
    expect(() => matchPersons(p({}), p({}), { matchThreshold: 0.5, possibleThreshold: 0.7 })).toThrow(
      RangeError,
    );
    expect(() => matchPersons(p({}), p({}), { matchThreshold: 0.5, possibleThreshold: 0 })).toThrow(
      RangeError,
    );
  });
});

// Small pools so that random pairs often share fields.
const SURNAMES = [
  'van der Berg',
  'Berg',
  'de Vries',
  'Jansen',
  'Janssen',
  'Dijkstra',
  "'t Hart",
  'Yılmaz',
  'El Amrani',
];
const FIRST_NAMES = ['Jan Pieter', 'J.P.', 'Jan', 'Pieter', 'Fatima', 'F.', 'Anna Maria', 'Kees'];
const DATES = ['1990-03-04', '1990-04-03', '1985-12-01', '2012-01-12', '2012-12-01'];
const POSTCODES = ['1234 AB', '1234AB', '5611 ZZ', '9999 ZZ'];
const NUMBERS = ['12', '12a', '12-B', '14', '3 hs'];

const personArb: fc.Arbitrary<PersonIdentity> = fc.record({
  bsnHash: fc.option(fc.constantFrom('h1', 'h2', 'h3'), { freq: 3, nil: null }),
  surname: fc.option(fc.constantFrom(...SURNAMES), { freq: 8, nil: null }),
  surnamePrefix: fc.constant(null),
  firstNames: fc.option(fc.constantFrom(...FIRST_NAMES), { freq: 8, nil: null }),
  dateOfBirth: fc.option(fc.constantFrom(...DATES), { freq: 8, nil: null }),
  postcode: fc.option(fc.constantFrom(...POSTCODES), { freq: 8, nil: null }),
  houseNumber: fc.option(fc.constantFrom(...NUMBERS), { freq: 8, nil: null }),
});

const ACCENTS: Record<string, readonly string[]> = {
  a: ['á', 'à', 'ä', 'â'],
  e: ['é', 'è', 'ë', 'ê'],
  i: ['í', 'ï'],
  o: ['ó', 'ö', 'ô'],
  u: ['ú', 'ü', 'û'],
  c: ['ç'],
  n: ['ñ'],
};

/** Rewrites a text the way different people type it: case, accents, spacing. */
function noisy(text: string, seed: number): string {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
  let out = rnd() < 0.5 ? '  ' : '';
  for (const ch of text) {
    let c = ch;
    const accents = ACCENTS[c.toLowerCase()];
    if (accents && rnd() < 0.3) c = accents[Math.floor(rnd() * accents.length)] ?? c;
    if (rnd() < 0.5) c = c.toUpperCase();
    if (c === ' ' && rnd() < 0.5) c = '   ';
    out += c;
  }
  return out + (rnd() < 0.5 ? ' ' : '');
}

function noisyPerson(x: PersonIdentity, seed: number): PersonIdentity {
  const n = (v: string | null | undefined, k: number) => (v == null ? null : noisy(v, seed + k));
  return {
    bsnHash: x.bsnHash,
    surname: n(x.surname, 1),
    surnamePrefix: n(x.surnamePrefix, 2),
    firstNames: n(x.firstNames, 3),
    dateOfBirth: x.dateOfBirth === null ? null : ` ${x.dateOfBirth} `,
    postcode: x.postcode === null ? null : noisy(x.postcode.replace(' ', seed % 2 ? '' : '  '), seed + 4),
    houseNumber: n(x.houseNumber, 5),
  };
}

describe('matchPersons: properties', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        expect(matchPersons(a, b)).toEqual(matchPersons(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  it('is invariant under case, diacritics, whitespace and postcode format', () => {
    fc.assert(
      fc.property(personArb, personArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (a, b, seed) => {
        expect(matchPersons(noisyPerson(a, seed), b)).toEqual(matchPersons(a, b));
        expect(matchPersons(a, noisyPerson(b, seed * 7))).toEqual(matchPersons(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('a different date of birth (more than a day–month swap) is never a match', () => {
    const dateArb = fc
      .date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(personArb, personArb, dateArb, dateArb, (a, b, da, db) => {
        const [ya, ma, dda] = da.split('-');
        const [yb, mb, ddb] = db.split('-');
        fc.pre(da !== db && !(ya === yb && ma === ddb && dda === mb));
        const r = matchPersons({ ...a, bsnHash: null, dateOfBirth: da }, { ...b, dateOfBirth: db });
        expect(r.classification).toBe('no_match');
        expect(r.score).toBe(0);
        // Even with every other field identical.
        const same = matchPersons({ ...a, bsnHash: null, dateOfBirth: da }, { ...a, dateOfBirth: db });
        expect(same.classification).toBe('no_match');
      }),
      { numRuns: 2000 },
    );
  });

  it('same BSN hash always matches; different BSN hashes never do', () => {
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        expect(matchPersons({ ...a, bsnHash: 'k' }, { ...b, bsnHash: 'k' }).classification).toBe('match');
        expect(matchPersons({ ...a, bsnHash: 'k' }, { ...a, bsnHash: 'l' }).classification).toBe('no_match');
      }),
    );
  });

  it('scores lie in [0, 1] and a fully known person matches itself with score 1', () => {
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        const r = matchPersons(a, b);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        const full = {
          ...a,
          bsnHash: null,
          surname: a.surname ?? 'X',
          firstNames: a.firstNames ?? 'Y',
          dateOfBirth: a.dateOfBirth ?? '2000-01-01',
          postcode: a.postcode ?? '1000AA',
          houseNumber: a.houseNumber ?? '1',
        };
        expect(matchPersons(full, noisyPerson(full, 99)).score).toBe(1);
      }),
    );
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { INFORMATION_CATEGORIES } from '../information-category.ts';
import { ORGANISATION_TYPES } from '../organisation-type.ts';
import { AMSTERDAM } from '../working-days.ts';
import {
  allowedAuthorities,
  canRecordMeasure,
  checkMeasureParties,
  DEFAULT_MEASURE_CATEGORY,
  isAdultOn,
  MEASURE_ACTS,
  MEASURE_AUTHORITIES,
} from './measure-authority.ts';
import { MEASURE_KINDS } from './measure-clock.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();

describe('allowedAuthorities: every kind × act', () => {
  const order: Record<string, string[]> = {
    impose: ['mayor', 'assistant_prosecutor'],
    extend: ['mayor'],
    lift: ['mayor', 'court'],
  };
  const cases = MEASURE_KINDS.flatMap((kind) => MEASURE_ACTS.map((act) => [kind, act] as const));
  it.each(cases)('%s / %s', (kind, act) => {
    const allowed = allowedAuthorities(kind, act);
    if (kind === 'restraining_order') expect([...allowed].sort()).toEqual([...(order[act] ?? [])].sort());
    else {
      expect(allowed).not.toContain('mayor');
      expect(allowed).not.toContain('assistant_prosecutor');
      expect(allowed).toContain('other');
    }
    for (const a of allowed) expect(MEASURE_AUTHORITIES).toContain(a);
  });
  it('the hulpofficier may impose an order in mandate but never extend it (art. 3 does not cover art. 9)', () => {
    expect(allowedAuthorities('restraining_order', 'impose')).toContain('assistant_prosecutor');
    expect(allowedAuthorities('restraining_order', 'extend')).not.toContain('assistant_prosecutor');
  });
});

describe('canRecordMeasure: every kind × organisation type', () => {
  const recorders = new Set(['police', 'veilig_thuis', 'safety_house']);
  const cases = MEASURE_KINDS.flatMap((kind) => ORGANISATION_TYPES.map((type) => [kind, type] as const));
  it.each(cases)('%s by %s', (kind, type) => {
    expect(canRecordMeasure(kind, type)).toBe(kind !== 'restraining_order' || recorders.has(type));
  });
});

describe('default categories', () => {
  it('every kind has one; an order is justice information', () => {
    for (const kind of MEASURE_KINDS)
      expect(INFORMATION_CATEGORIES).toContain(DEFAULT_MEASURE_CATEGORY[kind]);
    expect(DEFAULT_MEASURE_CATEGORY.restraining_order).toBe('justice');
  });
});

describe('isAdultOn', () => {
  it.each([
    ['2008-06-01', '2026-05-31T23:59', false],
    ['2008-06-01', '2026-06-01T00:00', true],
    ['2008-06-01', '2026-06-01T23:30', true],
    ['2008-02-29', '2026-02-28T12:00', false],
    ['2008-02-29', '2026-03-01T00:00', true],
    ['2008-02-29', '2032-02-29T00:00', true],
    ['1970-01-01', '2026-01-01T00:00', true],
    ['2020-01-01', '2026-01-01T00:00', false],
    ['not-a-date', '2026-01-01T00:00', false],
  ] as const)('born %s, on %s → %s', (born, moment, adult) => {
    expect(isAdultOn(born, at(moment))).toBe(adult);
  });
  it('counts the Amsterdam calendar day: 23:30 UTC on the eve of the birthday is already the birthday', () => {
    expect(isAdultOn('2008-06-01', new Date('2026-05-31T23:30:00Z'))).toBe(true);
  });
  it('property: adulthood never ends, and it starts exactly 18 calendar years after birth', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 50 * 365 }),
        (birth, days) => {
          const born = DateTime.fromJSDate(birth, { zone: AMSTERDAM }).toISODate() ?? '';
          const base = DateTime.fromISO(born, { zone: AMSTERDAM });
          const moment = base.plus({ days }).plus({ hours: 12 }).toJSDate();
          const later = base
            .plus({ days: days + 30 })
            .plus({ hours: 12 })
            .toJSDate();
          if (isAdultOn(born, moment)) expect(isAdultOn(born, later)).toBe(true);
          expect(isAdultOn(born, base.plus({ years: 17, months: 11 }).toJSDate())).toBe(false);
          expect(isAdultOn(born, base.plus({ years: 18, days: 1 }).toJSDate())).toBe(true);
        },
      ),
    );
  });
});

describe('checkMeasureParties', () => {
  const imposed = at('2026-06-01T14:00');
  const adult = { part: 'subject' as const, dateOfBirth: '1980-01-01' };
  const child = { part: 'subject' as const, dateOfBirth: '2012-01-01' };
  const protectedChild = { part: 'protected' as const, dateOfBirth: '2012-01-01' };
  const codeOf = (
    kind: (typeof MEASURE_KINDS)[number],
    parties: (typeof adult | typeof child | typeof protectedChild)[],
  ) => {
    const result = checkMeasureParties(kind, parties, imposed);
    return result.ok ? 'ok' : result.code;
  };
  it.each(MEASURE_KINDS)('%s needs a subject', (kind) => {
    expect(codeOf(kind, [])).toBe('subject_required');
    expect(codeOf(kind, [protectedChild])).toBe('subject_required');
    expect(codeOf(kind, [adult, protectedChild])).toBe('ok');
  });
  it('an order has one adult subject; other measures may concern a child or several people', () => {
    expect(codeOf('restraining_order', [child])).toBe('subject_not_adult');
    expect(codeOf('restraining_order', [adult, { ...adult, dateOfBirth: '1981-01-01' }])).toBe(
      'single_subject',
    );
    expect(codeOf('crisis_care', [child])).toBe('ok');
    expect(codeOf('shelter_stay', [adult, child])).toBe('ok');
  });
  it('the refusal for a minor names the article', () => {
    const result = checkMeasureParties('restraining_order', [child], imposed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.nl).toContain('art. 2 lid 2');
  });
});

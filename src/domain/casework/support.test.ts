import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSON_ROLES } from '../../modules/intake/schemas.ts';
import { INFORMATION_CATEGORIES } from '../information-category.ts';
import { ORGANISATION_TYPES } from '../organisation-type.ts';
import {
  canRecordSupport,
  checkSupportMember,
  DEFAULT_SUPPORT_CATEGORY,
  decideSupportOutcome,
  isPerpetratorRole,
  SUPPORT_KINDS,
  SUPPORT_OUTCOMES,
  type SupportOutcome,
} from './support.ts';

describe('canRecordSupport: every organisation type', () => {
  // Written out, not derived: a new organisation type must be decided on here.
  const expected: Record<(typeof ORGANISATION_TYPES)[number], boolean> = {
    municipality: true,
    local_team: true,
    veilig_thuis: true,
    police: false,
    public_prosecutor: false,
    child_protection_board: false,
    certified_institution: true,
    shelter: true,
    care_provider: true,
    safety_house: true,
    other: true,
  };
  it('covers every organisation type', () => {
    expect(Object.keys(expected).sort()).toEqual([...ORGANISATION_TYPES].sort());
  });
  it.each(ORGANISATION_TYPES)('%s', (type) => {
    expect(canRecordSupport(type)).toBe(expected[type]);
  });
});

describe('default categories', () => {
  it('every kind has a valid one; perpetrator help is health information, an experience expert team', () => {
    for (const kind of SUPPORT_KINDS)
      expect(INFORMATION_CATEGORIES).toContain(DEFAULT_SUPPORT_CATEGORY[kind]);
    expect(DEFAULT_SUPPORT_CATEGORY).toEqual({ perpetrator_help: 'health', experience_expert: 'team' });
  });
});

describe('isPerpetratorRole: every member role', () => {
  const perpetrator: Record<(typeof PERSON_ROLES)[number], boolean> = {
    victim: false,
    perpetrator: true,
    both: true,
    child: false,
    witness: false,
    other: false,
  };
  it('covers every member role the cases use', () => {
    expect(Object.keys(perpetrator).sort()).toEqual([...PERSON_ROLES].sort());
  });
  it.each(PERSON_ROLES)('%s', (role) => {
    expect(isPerpetratorRole(role)).toBe(perpetrator[role]);
  });
  it('an unknown or differently spelled role is not a perpetrator', () => {
    for (const role of ['', 'Perpetrator', 'pleger', 'perpetrator ', 'both,victim'])
      expect(isPerpetratorRole(role)).toBe(false);
  });
});

describe('checkSupportMember: every kind × member role, and no member', () => {
  const codeOf = (kind: (typeof SUPPORT_KINDS)[number], role: string | null) => {
    const verdict = checkSupportMember(kind, role === null ? null : { role });
    return verdict.ok ? 'ok' : verdict.code;
  };
  const cases = SUPPORT_KINDS.flatMap((kind) => [...PERSON_ROLES, null].map((role) => [kind, role] as const));
  it.each(cases)('%s for %s', (kind, role) => {
    const expected =
      kind === 'experience_expert'
        ? 'ok'
        : role === null
          ? 'member_required'
          : role === 'perpetrator' || role === 'both'
            ? 'ok'
            : 'member_not_perpetrator';
    expect(codeOf(kind, role)).toBe(expected);
  });
  it('refusals carry a Dutch and an English message', () => {
    const none = checkSupportMember('perpetrator_help', null);
    const victim = checkSupportMember('perpetrator_help', { role: 'victim' });
    expect(none.ok).toBe(false);
    expect(victim.ok).toBe(false);
    if (!none.ok) expect(none.message.nl).toContain('pleger');
    if (!victim.ok) {
      expect(victim.message.nl).toContain('pleger');
      expect(victim.message.en).toContain('perpetrator');
    }
  });
});

describe('decideSupportOutcome: the outcome transition', () => {
  const offeredAt = new Date('2026-03-10T09:00:00Z');
  const states: (SupportOutcome | null)[] = [null, ...SUPPORT_OUTCOMES];
  const moments = [
    ['a minute before the offer', new Date('2026-03-10T08:59:00Z')],
    ['the moment of the offer', offeredAt],
    ['a week later', new Date('2026-03-17T09:00:00Z')],
  ] as const;
  const cases = states.flatMap((state) => moments.map(([label, at]) => [state, label, at] as const));
  it.each(cases)('from %s, outcome at %s', (state, _label, at) => {
    const verdict = decideSupportOutcome({ offeredAt, outcome: state }, at);
    const expected =
      state !== null
        ? 'outcome_already_recorded'
        : at.getTime() < offeredAt.getTime()
          ? 'outcome_before_offer'
          : 'ok';
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });
  it('a second outcome is refused before the date is even looked at', () => {
    const verdict = decideSupportOutcome({ offeredAt, outcome: 'used' }, new Date('2000-01-01T00:00:00Z'));
    expect(verdict.ok ? 'ok' : verdict.code).toBe('outcome_already_recorded');
  });
  it('property: an open offer accepts exactly the outcomes at or after the offer', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        (offered, deltaMs) => {
          const at = new Date(offered.getTime() + deltaMs);
          const verdict = decideSupportOutcome({ offeredAt: offered, outcome: null }, at);
          expect(verdict.ok).toBe(deltaMs >= 0);
          for (const decided of SUPPORT_OUTCOMES)
            expect(decideSupportOutcome({ offeredAt: offered, outcome: decided }, at).ok).toBe(false);
        },
      ),
    );
  });
});

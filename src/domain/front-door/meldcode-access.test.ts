import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.ts';
import { canUseMeldcode, canWriteMeldcodeRecord, meldcodeScope } from './meldcode-access.ts';

const reader = (roles: Role[]) => ({ userId: 'u1', organisationId: 'o1', roles });

describe('meldcodeScope', () => {
  it('an author sees their own records in the active organisation', () => {
    expect(meldcodeScope(reader(['professional']))).toEqual({
      organisationId: 'o1',
      authorUserId: 'u1',
      wholeOrganisation: false,
    });
  });

  it('the meldcode officer sees the whole organisation', () => {
    expect(meldcodeScope(reader(['meldcode_officer']))).toEqual({
      organisationId: 'o1',
      authorUserId: null,
      wholeOrganisation: true,
    });
  });

  it('policy advisors, administrators and privacy officers see no record at all', () => {
    for (const role of ['policy_advisor', 'functional_admin', 'privacy_officer'] as const) {
      expect(canUseMeldcode(reader([role])), role).toBe(false);
      expect(meldcodeScope(reader([role])).organisationId).toBeNull();
    }
  });

  it('every role is decided explicitly', () => {
    const users = ROLES.filter((r) => canUseMeldcode(reader([r])));
    expect(users.sort()).toEqual([
      'coordinator',
      'meldcode_officer',
      'professional',
      'team_lead',
      'vt_intake',
    ]);
  });
});

describe('canWriteMeldcodeRecord', () => {
  it('only the author writes; the officer reads', () => {
    expect(canWriteMeldcodeRecord(reader(['professional']), { authorUserId: 'u1' })).toBe(true);
    expect(canWriteMeldcodeRecord(reader(['professional']), { authorUserId: 'u2' })).toBe(false);
    expect(canWriteMeldcodeRecord(reader(['meldcode_officer']), { authorUserId: 'u1' })).toBe(false);
  });
});

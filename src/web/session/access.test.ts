import { describe, expect, it } from 'vitest';
import type { OrganisationType, Role } from '../api/codes.ts';
import type { SignedInSession } from '../api/types.ts';
import { access } from './access.ts';

function session(type: OrganisationType | null, roles: Role[]): SignedInSession {
  return {
    signedIn: true,
    mfaPassed: true,
    csrfToken: 'token',
    user: { id: 'u', username: 'user', displayName: 'User', isDemo: true },
    organisation: type ? { id: 'o', name: 'Organisation', type, regionId: 1 } : null,
    roles,
    memberships: [],
  };
}

describe('who may import police batches', () => {
  it('client-work roles acting for the police, and the Veilig Thuis queue', () => {
    expect(access.policeImport(session('police', ['professional']))).toBe(true);
    expect(access.policeImport(session('veilig_thuis', ['vt_intake']))).toBe(true);
    expect(access.policeImport(session('veilig_thuis', ['team_lead']))).toBe(true);
  });

  it('not local teams, other Veilig Thuis roles, or users without an organisation', () => {
    expect(access.policeImport(session('local_team', ['professional']))).toBe(false);
    expect(access.policeImport(session('veilig_thuis', ['policy_advisor']))).toBe(false);
    expect(access.policeImport(session(null, ['professional']))).toBe(false);
  });

  it('not a policy advisor or administrator of the police', () => {
    expect(access.policeImport(session('police', ['policy_advisor']))).toBe(false);
    expect(access.policeImport(session('police', ['functional_admin']))).toBe(false);
  });
});

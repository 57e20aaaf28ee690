import { describe, expect, it } from 'vitest';
import type { OrganisationType } from '../organisation-type.ts';
import { ROLES, type Role } from '../roles.ts';
import { canManageTeam, canOpenCaseAsAuthor, caseScope, hasCaseScope } from './case-access.ts';

const reader = (organisationType: OrganisationType, roles: Role[]) => ({
  userId: 'u1',
  organisationId: 'o1',
  organisationType,
  roles,
});

describe('caseScope', () => {
  it.each(ROLES.map((role) => [role] as const))('role %s', (role) => {
    const scope = caseScope(reader('veilig_thuis', [role]));
    const client = ['professional', 'coordinator', 'vt_intake', 'team_lead'].includes(role);
    expect(hasCaseScope(scope)).toBe(client);
    expect(scope.veiligThuisOrganisationId).toBe(role === 'vt_intake' || role === 'team_lead' ? 'o1' : null);
  });

  it('gives Veilig Thuis reach only to a Veilig Thuis organisation', () => {
    expect(caseScope(reader('local_team', ['team_lead'])).veiligThuisOrganisationId).toBeNull();
    expect(caseScope(reader('local_team', ['professional'])).teamUserId).toBe('u1');
  });

  it('gives a policy advisor nothing', () => {
    expect(hasCaseScope(caseScope(reader('local_team', ['policy_advisor'])))).toBe(false);
  });
});

describe('canOpenCaseAsAuthor', () => {
  it.each([
    ['local_team', 'coordinator', true],
    ['municipality', 'professional', true],
    ['police', 'professional', false],
    ['care_provider', 'coordinator', false],
    ['local_team', 'policy_advisor', false],
  ] as const)('%s %s', (type, role, expected) => {
    expect(canOpenCaseAsAuthor(reader(type, [role]))).toBe(expected);
  });
});

describe('canManageTeam', () => {
  const r = reader('local_team', ['professional']);
  it('lets the coordinator and serving Veilig Thuis manage, nobody else', () => {
    expect(canManageTeam(r, caseScope(r), { coordinatorUserId: 'u1', servedByVeiligThuis: false })).toBe(
      true,
    );
    expect(canManageTeam(r, caseScope(r), { coordinatorUserId: 'u2', servedByVeiligThuis: true })).toBe(true);
    expect(canManageTeam(r, caseScope(r), { coordinatorUserId: 'u2', servedByVeiligThuis: false })).toBe(
      false,
    );
    const advisor = reader('local_team', ['policy_advisor']);
    expect(
      canManageTeam(advisor, caseScope(advisor), { coordinatorUserId: 'u1', servedByVeiligThuis: true }),
    ).toBe(false);
  });
});

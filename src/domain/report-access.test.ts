import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES } from './organisation-type.ts';
import { canWorkQueue, maskBsn, reportScope } from './report-access.ts';
import { ROLES, type Role } from './roles.ts';

const reader = (organisationType: (typeof ORGANISATION_TYPES)[number], roles: Role[]) => ({
  userId: 'u',
  organisationId: 'o',
  organisationType,
  roles,
});

describe('reportScope', () => {
  it('a policy advisor never gets any report, in any organisation', () => {
    for (const type of ORGANISATION_TYPES) {
      expect(reportScope(reader(type, ['policy_advisor']))).toEqual({
        creatorUserId: null,
        veiligThuisOrganisationId: null,
        breakGlassUserId: null,
      });
    }
  });
  it('administrators and privacy officers do not read reports through their role', () => {
    expect(
      reportScope(reader('veilig_thuis', ['functional_admin', 'privacy_officer'])).veiligThuisOrganisationId,
    ).toBeNull();
    expect(reportScope(reader('veilig_thuis', ['functional_admin'])).creatorUserId).toBeNull();
  });
  it('only intake staff and team leads of a Veilig Thuis organisation work the queue', () => {
    for (const type of ORGANISATION_TYPES) {
      for (const role of ROLES) {
        const expected = type === 'veilig_thuis' && (role === 'vt_intake' || role === 'team_lead');
        expect(canWorkQueue(reader(type, [role])), `${type}/${role}`).toBe(expected);
      }
    }
  });
  it('a meldcode officer reaches no report through that role', () => {
    expect(reportScope(reader('local_team', ['meldcode_officer']))).toEqual({
      creatorUserId: null,
      veiligThuisOrganisationId: null,
      breakGlassUserId: null,
    });
  });
  it('a police officer sees only the reports they recorded', () => {
    expect(reportScope(reader('police', ['professional']))).toEqual({
      creatorUserId: 'u',
      veiligThuisOrganisationId: null,
      breakGlassUserId: 'u',
    });
  });
});

describe('maskBsn', () => {
  it('shows only the last four digits', () => {
    expect(maskBsn('999996708')).toBe('•••••6708');
    expect(maskBsn('999996708')).not.toContain('99999');
  });
});

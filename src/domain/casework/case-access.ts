import type { OrganisationType } from '../organisation-type.ts';
import type { Role } from '../roles.ts';

/**
 * Who may see a household case (docs/architecture.md, access model): a member of its team, acting
 * for the organisation they joined the team for; and intake staff or team leads of the Veilig Thuis
 * organisation serving the household's municipality. Nobody else — policy advisors, administrators
 * and privacy officers never, whatever else holds.
 */
export interface CaseReader {
  userId: string;
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

export interface CaseScope {
  /** Active team membership of this user for this organisation. */
  teamUserId: string | null;
  teamOrganisationId: string | null;
  /** Cases of households in municipalities this Veilig Thuis organisation serves. */
  veiligThuisOrganisationId: string | null;
}

const CLIENT_ROLES: readonly Role[] = ['professional', 'coordinator', 'vt_intake', 'team_lead'];
const QUEUE_ROLES: readonly Role[] = ['vt_intake', 'team_lead'];
const OPENING_ORGANISATIONS: ReadonlySet<OrganisationType> = new Set(['local_team', 'municipality']);

export const EMPTY_CASE_SCOPE: CaseScope = {
  teamUserId: null,
  teamOrganisationId: null,
  veiligThuisOrganisationId: null,
};

export function caseScope(reader: CaseReader): CaseScope {
  if (!reader.roles.some((r) => CLIENT_ROLES.includes(r))) return EMPTY_CASE_SCOPE;
  const veiligThuis =
    reader.organisationType === 'veilig_thuis' && reader.roles.some((r) => QUEUE_ROLES.includes(r));
  return {
    teamUserId: reader.userId,
    teamOrganisationId: reader.organisationId,
    veiligThuisOrganisationId: veiligThuis ? reader.organisationId : null,
  };
}

export function hasCaseScope(scope: CaseScope): boolean {
  return scope.teamUserId !== null || scope.veiligThuisOrganisationId !== null;
}

/**
 * Who may open a case from a report: Veilig Thuis queue staff serving the report (checked by the
 * caller), or the report's own author when acting as coordinator or professional of a local team or
 * municipality — the local team holds case direction for most households (approach.md, users).
 */
export function canOpenCaseAsAuthor(reader: CaseReader): boolean {
  return (
    OPENING_ORGANISATIONS.has(reader.organisationType) &&
    reader.roles.some((r) => r === 'coordinator' || r === 'professional')
  );
}

/** Who may change the team: the case's coordinator or Veilig Thuis serving the household. */
export function canManageTeam(
  reader: CaseReader,
  scope: CaseScope,
  kase: { coordinatorUserId: string; servedByVeiligThuis: boolean },
): boolean {
  if (!hasCaseScope(scope)) return false;
  return kase.coordinatorUserId === reader.userId || kase.servedByVeiligThuis;
}

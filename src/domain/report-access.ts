import type { OrganisationType } from './organisation-type.ts';
import { type Role, roleWorksWithClients } from './roles.ts';

/** Roles in a Veilig Thuis organisation that work the region's intake queue. */
const QUEUE_ROLES: readonly Role[] = ['vt_intake', 'team_lead'];

export interface ReportReader {
  userId: string;
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

/**
 * Who may see a report before any case exists (need-to-know):
 * - the professional who recorded it;
 * - intake staff and team leads of the Veilig Thuis organisation serving the household's municipality;
 * - someone holding a live break-the-glass grant for that report (checked by the store).
 * Policy advisors never see a report, whatever else holds.
 */
export interface ReportScope {
  creatorUserId: string | null;
  veiligThuisOrganisationId: string | null;
  breakGlassUserId: string | null;
}

export function reportScope(reader: ReportReader): ReportScope {
  // Only roles that work with clients reach reports; policy, administration, privacy and meldcode-officer roles do not.
  const clientRoles = reader.roles.filter(roleWorksWithClients);
  if (clientRoles.length === 0)
    return { creatorUserId: null, veiligThuisOrganisationId: null, breakGlassUserId: null };
  const worksQueue =
    reader.organisationType === 'veilig_thuis' && clientRoles.some((r) => QUEUE_ROLES.includes(r));
  return {
    creatorUserId: reader.userId,
    veiligThuisOrganisationId: worksQueue ? reader.organisationId : null,
    breakGlassUserId: reader.userId,
  };
}

export function canWorkQueue(reader: ReportReader): boolean {
  return reportScope(reader).veiligThuisOrganisationId !== null;
}

/** Only the Veilig Thuis intake sees the full BSN; everyone else a masked form. */
export function maskBsn(bsn: string): string {
  return `•••••${bsn.slice(-4)}`;
}

import type { Route } from '../../domain/front-door/route-decision.ts';
import type { InformationCategory } from '../../domain/information-category.ts';
import type { OrganisationType, RegionPurpose } from '../../domain/organisation-type.ts';
import type { Role } from '../../domain/roles.ts';
import type { ViolenceKind } from '../../domain/violence-kind.ts';

/**
 * Code lists the web app offers in forms. The web bundle talks to the server only over HTTP, so the
 * lists are repeated here; the type checks below (type-only imports, erased from the bundle) fail the
 * build when the server's lists change and these do not.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const ROLES = [
  'professional',
  'coordinator',
  'vt_intake',
  'team_lead',
  'policy_advisor',
  'functional_admin',
  'privacy_officer',
  'meldcode_officer',
] as const;
export type { Role };

export const CLIENT_ROLES: readonly Role[] = ['professional', 'coordinator', 'vt_intake', 'team_lead'];
export const QUEUE_ROLES: readonly Role[] = ['vt_intake', 'team_lead'];

export const VIOLENCE_KINDS = [
  'child_abuse',
  'partner_violence',
  'ex_partner_violence',
  'violence_against_parents',
  'elder_abuse',
  'honour_based_violence',
  'forced_marriage',
  'female_genital_mutilation',
  'other_domestic_violence',
] as const;
export type { ViolenceKind };

export const INFORMATION_CATEGORIES = ['team', 'organisation', 'justice', 'health'] as const;
export type { InformationCategory };

/** File formats POST /api/reports/import reads. */
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Mirrors PERSON_ROLES in src/modules/intake/schemas.ts. */
export const PERSON_ROLES = ['victim', 'perpetrator', 'both', 'child', 'witness', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export type { OrganisationType, RegionPurpose };

export const BREAK_GLASS_VERDICTS = ['justified', 'unjustified'] as const;
export type BreakGlassVerdict = (typeof BREAK_GLASS_VERDICTS)[number];

/** The route Veilig Thuis chooses in the safety assessment, in the order the form offers them. */
export const ROUTES = [
  'investigation',
  'child_protection_request',
  'conditions_and_follow_up',
  'handover_local_team',
  'handover_existing_help',
  'multi_agency_table',
  'end_of_involvement',
] as const;
export type { Route };

/** Mirrors radarResult in src/modules/intake/schemas.ts. */
export const REPORT_CLASSIFICATIONS = ['first_report', 'follow_up_report', 're_report'] as const;
export type ReportClassification = (typeof REPORT_CLASSIFICATIONS)[number];
export const MATCH_BASES = ['bsn', 'name_and_date_of_birth'] as const;
export type MatchBasis = (typeof MATCH_BASES)[number];
export const MATCH_CERTAINTIES = ['certain', 'possible'] as const;
export type MatchCertainty = (typeof MATCH_CERTAINTIES)[number];

const rolesMatch: Same<(typeof ROLES)[number], Role> = true;
const kindsMatch: Same<(typeof VIOLENCE_KINDS)[number], ViolenceKind> = true;
const categoriesMatch: Same<(typeof INFORMATION_CATEGORIES)[number], InformationCategory> = true;
const routesMatch: Same<(typeof ROUTES)[number], Route> = true;
export const CODE_LISTS_MATCH_SERVER = rolesMatch && kindsMatch && categoriesMatch && routesMatch;

/** Roles a membership can carry. Code names in English; Dutch labels live in the web catalogue. */
export const ROLES = [
  'professional',
  'coordinator',
  'vt_intake',
  'team_lead',
  'policy_advisor',
  'functional_admin',
  'privacy_officer',
  /** Aandachtsfunctionaris: reads the meldcode records of their own organisation (Wet verplichte meldcode). */
  'meldcode_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** Policy advisors work with suppressed aggregates only and never receive personal data. */
export function roleSeesPersonalData(role: Role): boolean {
  return role !== 'policy_advisor';
}

/** A second factor is required as soon as any role of the user can see personal data. */
export function rolesRequireMfa(roles: readonly Role[]): boolean {
  return roles.some(roleSeesPersonalData);
}

/** Roles whose holders work with client records (reports, cases). */
export function roleWorksWithClients(role: Role): boolean {
  return role === 'professional' || role === 'coordinator' || role === 'vt_intake' || role === 'team_lead';
}

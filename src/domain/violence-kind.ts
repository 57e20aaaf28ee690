/**
 * Kinds of violence, aligned with the CBS/Veilig Thuis information protocol (version 2019). The list
 * is versioned: a report stores the code and the list version it was recorded under.
 */
export const VIOLENCE_KIND_LIST_VERSION = '2019.1';
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
export type ViolenceKind = (typeof VIOLENCE_KINDS)[number];

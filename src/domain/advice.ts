/**
 * Advice requests (adviezen) as the Informatieprotocol Beleidsinformatie Veilig Thuis 2.0 counts
 * them (reference §2): kind and duration of the violence, role and organisation of the person
 * asking, the municipality. The person asking stays responsible; Veilig Thuis takes no action
 * towards those involved.
 */
export const ADVICE_CHANNELS = ['web', 'public', 'phone', 'chat'] as const;
export type AdviceChannel = (typeof ADVICE_CHANNELS)[number];

/** CBS reporter categories (table 84849NED): non-professional, or the professional's sector. */
export const ASKER_ROLES = [
  'non_professional',
  'health_care',
  'childcare',
  'education',
  'school_attendance',
  'youth_care',
  'justice_security',
  'other_veilig_thuis_region',
  'other_professional',
] as const;
export type AskerRole = (typeof ASKER_ROLES)[number];

export const VIOLENCE_DURATIONS = [
  'single_incident',
  'under_6_months',
  '6_months_or_more',
  'unknown',
] as const;
export type ViolenceDuration = (typeof VIOLENCE_DURATIONS)[number];

export const REPORTER_KINDS = ['professional', 'resident'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

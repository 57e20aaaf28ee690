export const ORGANISATION_TYPES = [
  'municipality',
  'local_team',
  'veilig_thuis',
  'police',
  'public_prosecutor',
  'child_protection_board',
  'certified_institution',
  'shelter',
  'care_provider',
  'safety_house',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Purposes for which a municipality belongs to a region; one municipality may differ per purpose. */
export const REGION_PURPOSES = [
  'veilig_thuis',
  'shelter',
  'ggd',
  'court_district',
  'police',
  'other',
] as const;
export type RegionPurpose = (typeof REGION_PURPOSES)[number];

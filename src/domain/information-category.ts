import type { OrganisationType } from './organisation-type.ts';

/**
 * Every piece of information about a household carries one category that decides who may read it,
 * on top of having access to the record at all:
 * - team: shared with everyone who works on the household (the default);
 * - organisation: internal to the organisation that wrote it;
 * - justice: criminal-law information (AVG art. 10), for the justice chain and Veilig Thuis;
 * - health: medical and care information (AVG art. 9), for care organisations and Veilig Thuis.
 */
export const INFORMATION_CATEGORIES = ['team', 'organisation', 'justice', 'health'] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

const JUSTICE_READERS: ReadonlySet<OrganisationType> = new Set([
  'veilig_thuis',
  'police',
  'public_prosecutor',
  'child_protection_board',
  'certified_institution',
  'safety_house',
]);

const HEALTH_READERS: ReadonlySet<OrganisationType> = new Set([
  'veilig_thuis',
  'care_provider',
  'local_team',
  'shelter',
  'certified_institution',
]);

export interface CategoryReader {
  organisationId: string;
  organisationType: OrganisationType;
}

export interface CategorisedItem {
  category: InformationCategory;
  /** The organisation that recorded the item. */
  organisationId: string;
}

/** Whether a reader who already has access to the record may read this item. */
export function canReadCategory(reader: CategoryReader, item: CategorisedItem): boolean {
  if (reader.organisationId === item.organisationId) return true;
  switch (item.category) {
    case 'team':
      return true;
    case 'organisation':
      return false;
    case 'justice':
      return JUSTICE_READERS.has(reader.organisationType);
    case 'health':
      return HEALTH_READERS.has(reader.organisationType);
  }
}

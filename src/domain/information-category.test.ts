import { describe, expect, it } from 'vitest';
import { canReadCategory, INFORMATION_CATEGORIES, type InformationCategory } from './information-category.ts';
import { ORGANISATION_TYPES, type OrganisationType } from './organisation-type.ts';

// The full matrix, written out so a change to the rules must change this table too.
const EXPECTED: Record<InformationCategory, readonly OrganisationType[]> = {
  team: ORGANISATION_TYPES,
  organisation: [],
  justice: [
    'veilig_thuis',
    'police',
    'public_prosecutor',
    'child_protection_board',
    'certified_institution',
    'safety_house',
  ],
  health: ['veilig_thuis', 'care_provider', 'local_team', 'shelter', 'certified_institution'],
};

describe('canReadCategory', () => {
  for (const category of INFORMATION_CATEGORIES) {
    for (const type of ORGANISATION_TYPES) {
      const allowed = EXPECTED[category].includes(type);
      it(`${type} ${allowed ? 'may' : 'may not'} read ${category} information of another organisation`, () => {
        expect(
          canReadCategory(
            { organisationId: 'reader', organisationType: type },
            { category, organisationId: 'writer' },
          ),
        ).toBe(allowed);
      });
      it(`${type} always reads its own ${category} information`, () => {
        expect(
          canReadCategory(
            { organisationId: 'same', organisationType: type },
            { category, organisationId: 'same' },
          ),
        ).toBe(true);
      });
    }
  }
  it('police never read health information, care providers never read justice information', () => {
    expect(
      canReadCategory(
        { organisationId: 'p', organisationType: 'police' },
        { category: 'health', organisationId: 'x' },
      ),
    ).toBe(false);
    expect(
      canReadCategory(
        { organisationId: 'c', organisationType: 'care_provider' },
        { category: 'justice', organisationId: 'x' },
      ),
    ).toBe(false);
  });
});

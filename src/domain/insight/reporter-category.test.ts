import { describe, expect, it } from 'vitest';
import { categoriseReporter } from './reporter-category.ts';

describe('categoriseReporter', () => {
  it.each([
    [{ reporterKind: 'resident', source: 'web', creatorOrganisationType: null }, 'resident'],
    [{ reporterKind: 'professional', source: 'public', creatorOrganisationType: null }, 'resident'],
    [
      { reporterKind: 'professional', source: 'police_batch', creatorOrganisationType: 'veilig_thuis' },
      'police',
    ],
    [{ reporterKind: 'professional', source: 'web', creatorOrganisationType: 'police' }, 'police'],
    [
      { reporterKind: 'professional', source: 'web', creatorOrganisationType: 'veilig_thuis' },
      'veilig_thuis',
    ],
    [{ reporterKind: 'professional', source: 'web', creatorOrganisationType: 'local_team' }, 'local_team'],
    [{ reporterKind: 'professional', source: 'web', creatorOrganisationType: 'municipality' }, 'local_team'],
    [
      { reporterKind: 'professional', source: 'web', creatorOrganisationType: 'care_provider' },
      'other_professional',
    ],
    [{ reporterKind: 'professional', source: 'web', creatorOrganisationType: null }, 'other_professional'],
  ])('%o → %s', (facts, expected) => {
    expect(categoriseReporter(facts)).toBe(expected);
  });
});

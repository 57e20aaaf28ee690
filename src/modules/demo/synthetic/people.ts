import { hmacHex } from '../../../security/keys.ts';
import type { Random } from './random.ts';

/**
 * Synthetic household members. Names are plainly invented: a common given name and a surname made
 * of a Dutch word for "example" or "fiction" with a "-syn" tag and the household number
 * ("Noor Voorbeeld-syn2k3f"), so nobody can mistake them for real people and no two households
 * share a name. No BSN is ever made up: a person may carry a match hash, but it is the keyed hash
 * of a "SYN-…" marker, which can never equal the hash of a real (nine-digit) BSN.
 */
const GIVEN_FEMALE = [
  'Anna',
  'Noor',
  'Emma',
  'Sara',
  'Fatima',
  'Lotte',
  'Iris',
  'Yara',
  'Julia',
  'Mila',
  'Sanne',
  'Aylin',
  'Femke',
  'Naomi',
  'Lina',
  'Eva',
  'Zoë',
  'Maria',
  'Esra',
  'Tess',
];
const GIVEN_MALE = [
  'Daan',
  'Sem',
  'Mohammed',
  'Lucas',
  'Noah',
  'Bram',
  'Milan',
  'Finn',
  'Jesse',
  'Youssef',
  'Thijs',
  'Ruben',
  'Emre',
  'Luuk',
  'Stijn',
  'Adam',
  'Jan',
  'Kees',
  'Mehmet',
  'Tim',
];
const SURNAME_STEMS = [
  'Voorbeeld',
  'Fictief',
  'Proefhuis',
  'Denkbeeld',
  'Oefenaar',
  'Schetsman',
  'Modelaar',
  'Verzinsel',
  'Probeersma',
  'Testerink',
  'Nepstra',
  'Bedacht',
];

export type PersonRole = 'victim' | 'perpetrator' | 'both' | 'child' | 'witness' | 'other';

export interface SyntheticPerson {
  fullName: string;
  dateOfBirth: string;
  role: PersonRole;
  bsnHash: string | null;
}

export type HouseholdKind =
  | 'family_child_abuse'
  | 'partners'
  | 'ex_partners'
  | 'elder'
  | 'against_parent'
  | 'other';

/** Share of persons for whom a (synthetic) match hash exists, as if their BSN had been established. */
const WITH_MATCH_HASH = 0.8;

function birthDate(at: number, ageYears: number, rng: Random): string {
  const born = new Date(at - (ageYears + rng.next()) * 365.25 * 86_400_000);
  return born.toISOString().slice(0, 10);
}

export function buildHouseholdPersons(
  kind: HouseholdKind,
  householdTag: string,
  at: number,
  matchingKey: Buffer,
  rng: Random,
): SyntheticPerson[] {
  const surname = `${rng.pick(SURNAME_STEMS)}-syn${householdTag}`;
  const otherSurname = `${rng.pick(SURNAME_STEMS)}-syn${householdTag}b`;
  const persons: Omit<SyntheticPerson, 'bsnHash'>[] = [];
  const adult = (role: PersonRole, female: boolean, age: number, name = surname) =>
    persons.push({
      fullName: `${rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE)} ${name}`,
      dateOfBirth: birthDate(at, age, rng),
      role,
    });
  const children = (count: number, role: PersonRole, maxAge = 17) => {
    for (let i = 0; i < count; i++) adult(role, rng.chance(0.5), rng.int(0, maxAge));
  };
  const femaleVictim = rng.chance(0.78);
  const parentAge = rng.int(24, 48);
  switch (kind) {
    case 'family_child_abuse':
      adult(rng.chance(0.6) ? 'perpetrator' : 'both', !femaleVictim, parentAge);
      if (rng.chance(0.65))
        adult(
          rng.chance(0.5) ? 'other' : 'perpetrator',
          femaleVictim,
          parentAge + rng.int(-3, 3),
          otherSurname,
        );
      children(
        rng.weighted([
          [1, 0.4],
          [2, 0.35],
          [3, 0.2],
          [4, 0.05],
        ]),
        'child',
      );
      break;
    case 'partners':
    case 'ex_partners':
      adult('victim', femaleVictim, parentAge);
      adult(
        rng.chance(0.85) ? 'perpetrator' : 'both',
        !femaleVictim,
        parentAge + rng.int(-2, 6),
        otherSurname,
      );
      children(
        rng.weighted([
          [0, 0.35],
          [1, 0.3],
          [2, 0.25],
          [3, 0.1],
        ]),
        'child',
        15,
      );
      break;
    case 'elder':
      adult('victim', rng.chance(0.65), rng.int(68, 92));
      adult('perpetrator', rng.chance(0.4), rng.int(35, 62));
      break;
    case 'against_parent':
      adult('victim', rng.chance(0.7), rng.int(40, 60));
      adult('perpetrator', rng.chance(0.3), rng.int(14, 30));
      if (rng.chance(0.4)) children(1, 'witness', 14);
      break;
    case 'other':
      adult('victim', rng.chance(0.6), rng.int(18, 70));
      adult('perpetrator', rng.chance(0.4), rng.int(18, 70), otherSurname);
      break;
  }
  return persons.map((p, i) => ({
    ...p,
    bsnHash: rng.chance(WITH_MATCH_HASH) ? hmacHex(matchingKey, `SYN-${householdTag}-${i}`) : null,
  }));
}

/** Which kind of household a report about a first-time household concerns, from its violence kinds. */
export function householdKindFor(violenceKinds: readonly string[]): HouseholdKind {
  const first = violenceKinds[0];
  if (first === 'child_abuse') return 'family_child_abuse';
  if (first === 'partner_violence' || first === 'honour_based_violence' || first === 'forced_marriage')
    return 'partners';
  if (first === 'ex_partner_violence') return 'ex_partners';
  if (first === 'elder_abuse') return 'elder';
  if (first === 'violence_against_parents') return 'against_parent';
  if (first === 'female_genital_mutilation') return 'family_child_abuse';
  return 'other';
}

/** A synthetic identity for a resident reporter or advice asker: obviously invented, never reachable. */
export function syntheticContact(tag: string, rng: Random) {
  return {
    name: `${rng.pick([...GIVEN_FEMALE, ...GIVEN_MALE])} Melder-syn${tag}`,
    phone: `0000-${String(rng.int(0, 999_999)).padStart(6, '0')}`,
    email: `melder-${tag}@voorbeeld.invalid`,
  };
}

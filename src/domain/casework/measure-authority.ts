import { DateTime } from 'luxon';
import type { InformationCategory } from '../information-category.ts';
import type { OrganisationType } from '../organisation-type.ts';
import { AMSTERDAM } from '../working-days.ts';
import type { MeasureKind } from './measure-clock.ts';
import { type LocalisedMessage, type Refusal, refuse } from './rule-result.ts';

/**
 * Who decides a measure. Kring records decisions taken elsewhere (the mayor's order, a care
 * provider's crisis admission); the authority is part of the record and the law limits it for the
 * *tijdelijk huisverbod*.
 */
export const MEASURE_AUTHORITIES = [
  'mayor',
  'assistant_prosecutor',
  'court',
  'veilig_thuis',
  'local_team',
  'care_provider',
  'shelter',
  'police',
  'municipality',
  'other',
] as const;
export type MeasureAuthority = (typeof MEASURE_AUTHORITIES)[number];

export const MEASURE_ACTS = ['impose', 'extend', 'lift'] as const;
export type MeasureAct = (typeof MEASURE_ACTS)[number];

/** How a household member is concerned: the one it is imposed on or for, or a person it protects. */
export const MEASURE_PARTS = ['subject', 'protected'] as const;
export type MeasurePart = (typeof MEASURE_PARTS)[number];

const ANY_AUTHORITY: readonly MeasureAuthority[] = MEASURE_AUTHORITIES.filter(
  (a) => a !== 'mayor' && a !== 'assistant_prosecutor',
);

/**
 * Wet tijdelijk huisverbod: the mayor imposes (art. 2 lid 1) and may mandate the hulpofficier van
 * justitie to do so (art. 3 lid 1); only the mayor extends (art. 9 lid 1 — art. 3 does not allow a
 * mandate for it) and withdraws (art. 2 lid 9); the court can end it on appeal (art. 6). Other
 * measures are decisions of care and safety partners; the mayor's powers do not apply to them.
 */
export function allowedAuthorities(kind: MeasureKind, act: MeasureAct): readonly MeasureAuthority[] {
  if (kind !== 'restraining_order') return ANY_AUTHORITY;
  switch (act) {
    case 'impose':
      return ['mayor', 'assistant_prosecutor'];
    case 'extend':
      return ['mayor'];
    case 'lift':
      return ['mayor', 'court'];
  }
}

/**
 * Our choice: a restraining order is recorded by the police (who carry it out, and whose hulpofficier
 * often imposes it), Veilig Thuis (the help agency the mayor informs, art. 2 lid 8) or the Zorg- en
 * Veiligheidshuis that coordinates it. A local team member must not be able to enter or end a legal
 * order on hearsay; they see it and get its reminders like everyone in the team.
 */
const ORDER_RECORDERS: ReadonlySet<OrganisationType> = new Set(['police', 'veilig_thuis', 'safety_house']);

export function canRecordMeasure(kind: MeasureKind, organisationType: OrganisationType): boolean {
  return kind !== 'restraining_order' || ORDER_RECORDERS.has(organisationType);
}

/** The category a new measure gets unless the recorder chooses another. */
export const DEFAULT_MEASURE_CATEGORY: Readonly<Record<MeasureKind, InformationCategory>> = {
  restraining_order: 'justice',
  aware_alarm: 'justice',
  crisis_care: 'health',
  intensive_case_management: 'team',
  shelter_stay: 'team',
};

export type MeasurePartyRefusalCode = 'subject_required' | 'single_subject' | 'subject_not_adult';

export interface MeasureParty {
  part: MeasurePart;
  /** Calendar date "YYYY-MM-DD". */
  dateOfBirth: string;
}

const PARTY_REFUSALS: Readonly<Record<MeasurePartyRefusalCode, LocalisedMessage>> = {
  subject_required: {
    nl: 'Kies de persoon aan wie of voor wie de maatregel is opgelegd.',
    en: 'Choose the person on whom or for whom the measure was imposed.',
  },
  single_subject: {
    nl: 'Een huisverbod wordt aan één persoon opgelegd.',
    en: 'A restraining order is imposed on one person.',
  },
  subject_not_adult: {
    nl: 'Een huisverbod kan alleen aan een meerderjarige worden opgelegd (Wet tijdelijk huisverbod art. 2 lid 2).',
    en: 'A restraining order can only be imposed on an adult (Temporary Restraining Order Act, art. 2(2)).',
  },
};

/** Whether someone born on `dateOfBirth` is 18 or older on the Amsterdam calendar day of `at`. */
export function isAdultOn(dateOfBirth: string, at: Date): boolean {
  const born = DateTime.fromISO(dateOfBirth, { zone: AMSTERDAM });
  if (!born.isValid) return false;
  const day = DateTime.fromJSDate(at, { zone: AMSTERDAM }).startOf('day');
  // Born on 29 February: luxon clamps to 28 February in a common year. We count from 1 March, the
  // later day: an order on someone who is not yet of age would be unlawful, so we err on that side.
  const eighteen = born.plus({ years: 18 });
  const birthday =
    born.month === 2 && born.day === 29 && eighteen.day === 28 ? eighteen.plus({ days: 1 }) : eighteen;
  return day >= birthday.startOf('day');
}

/** Who a measure is about: at least one subject; an order has one adult subject (art. 2 lid 2). */
export function checkMeasureParties(
  kind: MeasureKind,
  parties: readonly MeasureParty[],
  imposedAt: Date,
): { readonly ok: true } | Refusal<MeasurePartyRefusalCode> {
  const subjects = parties.filter((p) => p.part === 'subject');
  if (subjects.length === 0) return refuse('subject_required', PARTY_REFUSALS.subject_required);
  if (kind !== 'restraining_order') return { ok: true };
  if (subjects.length > 1) return refuse('single_subject', PARTY_REFUSALS.single_subject);
  if (!subjects.every((s) => isAdultOn(s.dateOfBirth, imposedAt)))
    return refuse('subject_not_adult', PARTY_REFUSALS.subject_not_adult);
  return { ok: true };
}

import type { InformationCategory } from '../information-category.ts';
import type { OrganisationType } from '../organisation-type.ts';
import { ALLOWED, type LocalisedMessage, refuse, type Verdict } from './rule-result.ts';

/**
 * Help around a household case beyond the measures (src/db/migrations/0020-case-support.ts): help
 * for a perpetrator (*plegerhulp*, a programme such as De Waag or Kairos) and an experience expert
 * (*ervaringsdeskundige*) taking part. The plans ask for both as *helpende data*: the share of cases
 * with an experience expert, and the offer and use of help for perpetrators (approach.md).
 */
export const SUPPORT_KINDS = ['perpetrator_help', 'experience_expert'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** What became of an offer: the help started / the expert took part, or the household declined. */
export const SUPPORT_OUTCOMES = ['used', 'declined'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

/**
 * Our choice: an offer of help is recorded by the partners who arrange help — Veilig Thuis, the local
 * team or municipality, care providers, shelters, the certified institution, the Zorg- en
 * Veiligheidshuis (which runs the *plegeraanpak* in many regions) and other partners such as the
 * probation service. The police, the public prosecutor and the child protection board take part in
 * the team and read the offers their categories allow, but their own steps are measures and
 * conditions (src/domain/casework/measure-authority.ts), not offers of help.
 */
const SUPPORT_RECORDERS: ReadonlySet<OrganisationType> = new Set([
  'veilig_thuis',
  'local_team',
  'municipality',
  'care_provider',
  'shelter',
  'certified_institution',
  'safety_house',
  'other',
]);

/** Whether someone acting for this organisation may record an offer or its outcome. */
export function canRecordSupport(organisationType: OrganisationType): boolean {
  return SUPPORT_RECORDERS.has(organisationType);
}

/**
 * The category a new offer gets unless the recorder chooses another. That a person follows a
 * programme at a forensic outpatient clinic is health information (AVG art. 9): care partners and
 * Veilig Thuis read it. That an experience expert took part is shared with the whole team.
 */
export const DEFAULT_SUPPORT_CATEGORY: Readonly<Record<SupportKind, InformationCategory>> = {
  perpetrator_help: 'health',
  experience_expert: 'team',
};

/** Household member roles of a case (src/modules/intake/schemas.ts PERSON_ROLES) that mark a perpetrator. */
export const PERPETRATOR_ROLES: readonly string[] = ['perpetrator', 'both'];

/** Whether a member with this role counts as a perpetrator: the member roles "perpetrator" and "both". */
export function isPerpetratorRole(role: string): boolean {
  return PERPETRATOR_ROLES.includes(role);
}

export type SupportMemberRefusalCode = 'member_required' | 'member_not_perpetrator';

export const SUPPORT_MEMBER_REFUSALS: Readonly<Record<SupportMemberRefusalCode, LocalisedMessage>> = {
  member_required: {
    nl: 'Kies de pleger aan wie de hulp is aangeboden.',
    en: 'Choose the perpetrator to whom the help was offered.',
  },
  member_not_perpetrator: {
    nl: 'Hulp voor plegers is voor een gezinslid met de rol pleger of slachtoffer én pleger.',
    en: 'Help for perpetrators is for a household member whose role is perpetrator, or both victim and perpetrator.',
  },
};

/**
 * Who the offer is for. Perpetrator help names a member whose role is perpetrator or both; an
 * experience expert may work with the household as a whole or with any one member. Whether the
 * member belongs to the case at all is the caller's check (it needs the database).
 */
export function checkSupportMember(
  kind: SupportKind,
  member: { role: string } | null,
): Verdict<SupportMemberRefusalCode> {
  if (kind === 'experience_expert') return ALLOWED;
  if (member === null) return refuse('member_required', SUPPORT_MEMBER_REFUSALS.member_required);
  if (!isPerpetratorRole(member.role))
    return refuse('member_not_perpetrator', SUPPORT_MEMBER_REFUSALS.member_not_perpetrator);
  return ALLOWED;
}

export type SupportOutcomeRefusalCode = 'outcome_already_recorded' | 'outcome_before_offer';

export const SUPPORT_OUTCOME_REFUSALS: Readonly<Record<SupportOutcomeRefusalCode, LocalisedMessage>> = {
  outcome_already_recorded: {
    nl: 'Voor dit aanbod is de uitkomst al vastgelegd; die kan niet opnieuw worden vastgelegd.',
    en: 'The outcome of this offer has already been recorded; it cannot be recorded again.',
  },
  outcome_before_offer: {
    nl: 'De uitkomst kan niet liggen vóór het moment waarop de hulp is aangeboden.',
    en: 'The outcome cannot lie before the moment the help was offered.',
  },
};

export interface SupportOffer {
  offeredAt: Date;
  outcome: SupportOutcome | null;
}

/**
 * An offer has one outcome: open → used | declined, and a decided offer stays as it is (a later
 * change of mind is a new offer, so insight counts each offer once). The outcome cannot precede the
 * offer.
 */
export function decideSupportOutcome(
  offer: SupportOffer,
  outcomeAt: Date,
): Verdict<SupportOutcomeRefusalCode> {
  if (offer.outcome !== null)
    return refuse('outcome_already_recorded', SUPPORT_OUTCOME_REFUSALS.outcome_already_recorded);
  if (outcomeAt.getTime() < offer.offeredAt.getTime())
    return refuse('outcome_before_offer', SUPPORT_OUTCOME_REFUSALS.outcome_before_offer);
  return ALLOWED;
}

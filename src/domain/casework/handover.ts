import { addWorkingDays, endOfAmsterdamDay } from '../working-days.ts';
import { hasText, type LocalisedMessage, type Refusal, refuse } from './rule-result.ts';

/**
 * *Overdracht* between organisations: Veilig Thuis hands most reports over (reference.md §1,
 * decision 4) and the plans ask for explicit, warm handovers with escalation when partners
 * disagree (approach.md principle 4; issue 3 §9).
 */
export type HandoverStatus = 'proposed' | 'accepted' | 'declined' | 'withdrawn' | 'escalated' | 'resolved';

/**
 * The allowed moves as data, for the UI and for tests; conditions are checked by `transitionHandover`.
 * After a decline the sender either disputes it (escalates) or accepts it by withdrawing; otherwise a
 * declined handover would stay open for good and block the next proposal.
 */
export const HANDOVER_TRANSITIONS: Readonly<Record<HandoverStatus, readonly HandoverStatus[]>> = {
  proposed: ['accepted', 'declined', 'withdrawn', 'escalated'],
  declined: ['escalated', 'withdrawn'],
  escalated: ['escalated', 'resolved'],
  accepted: [],
  withdrawn: [],
  resolved: [],
};

/** Still waiting for someone to act; a case has at most one open handover of its coordination. */
export const OPEN_HANDOVER_STATUSES: readonly HandoverStatus[] = ['proposed', 'declined', 'escalated'];

/** One step of a region's *escalatieafspraken*: who decides and how many working days they have. */
export interface EscalationLevel {
  level: number;
  role: string;
  responseWorkingDays: number;
}

export type HandoverResolution = 'handed_over' | 'stays_with_sender' | 'other';

export interface Handover {
  status: HandoverStatus;
  fromOrganisationId: string;
  toOrganisationId: string;
  /** *Warme overdracht*: sender and receiver meet the household together before the receiver takes over. */
  warm: boolean;
  jointContactAt: Date | null;
  proposedAt: Date;
  /** End of the Amsterdam day by which the receiver must answer. */
  responseDueAt: Date;
  /** Reason of the latest step; earlier reasons live in the case's audit trail. */
  reason: string | null;
  escalationLevel: number | null;
  escalationDueAt: Date | null;
  resolution: HandoverResolution | null;
  decidedAt: Date | null;
}

export type HandoverActor = { kind: 'organisation'; organisationId: string } | { kind: 'system' };

export type HandoverAction =
  | { type: 'accept' }
  | { type: 'decline'; reason: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'escalate'; reason: string }
  | { type: 'resolve'; resolution: HandoverResolution; reason: string };

export type HandoverRefusalCode =
  | 'same_organisation'
  | 'transition_not_allowed'
  | 'receiver_only'
  | 'sender_only'
  | 'parties_only'
  | 'reason_required'
  | 'joint_contact_required'
  | 'joint_contact_in_future'
  | 'response_deadline_not_passed'
  | 'escalation_deadline_not_passed'
  | 'no_higher_escalation_level';

export const HANDOVER_REFUSALS: Readonly<Record<HandoverRefusalCode, LocalisedMessage>> = {
  same_organisation: {
    nl: 'Een organisatie kan niet aan zichzelf overdragen.',
    en: 'An organisation cannot hand over to itself.',
  },
  transition_not_allowed: {
    nl: 'Deze stap is in de huidige status van de overdracht niet mogelijk.',
    en: 'This step is not possible in the current status of the handover.',
  },
  receiver_only: {
    nl: 'Alleen de ontvangende organisatie kan de overdracht accepteren of afwijzen.',
    en: 'Only the receiving organisation can accept or decline the handover.',
  },
  sender_only: {
    nl: 'Alleen de overdragende organisatie kan dit doen.',
    en: 'Only the sending organisation can do this.',
  },
  parties_only: {
    nl: 'Alleen de overdragende of ontvangende organisatie kan dit doen.',
    en: 'Only the sending or receiving organisation can do this.',
  },
  reason_required: { nl: 'Geef een reden.', en: 'Give a reason.' },
  joint_contact_required: {
    nl: 'Bij een warme overdracht moet eerst het gezamenlijke contactmoment worden vastgelegd.',
    en: 'A warm handover needs the joint contact moment recorded before acceptance.',
  },
  joint_contact_in_future: {
    nl: 'Het gezamenlijke contactmoment ligt in de toekomst; accepteer na dat gesprek.',
    en: 'The joint contact moment is in the future; accept after that meeting.',
  },
  response_deadline_not_passed: {
    nl: 'De reactietermijn van de ontvangende organisatie loopt nog.',
    en: 'The receiving organisation still has time to respond.',
  },
  escalation_deadline_not_passed: {
    nl: 'De termijn van het huidige escalatieniveau loopt nog.',
    en: 'The current escalation level still has time to respond.',
  },
  no_higher_escalation_level: {
    nl: 'Er is geen hoger escalatieniveau in de afspraken van de regio.',
    en: "There is no higher escalation level in the region's agreements.",
  },
};

export type HandoverResult =
  | { readonly ok: true; readonly handover: Handover }
  | Refusal<HandoverRefusalCode>;

const no = (code: HandoverRefusalCode): Refusal<HandoverRefusalCode> => refuse(code, HANDOVER_REFUSALS[code]);

/** Levels sorted; a configuration with duplicate or non-positive levels is a setup error. */
export function sortEscalationAgreement(levels: readonly EscalationLevel[]): EscalationLevel[] {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  sorted.forEach((l, i) => {
    if (!Number.isInteger(l.level) || l.level < 1)
      throw new RangeError('escalation levels must be positive integers');
    if (i > 0 && sorted[i - 1]?.level === l.level)
      throw new RangeError(`duplicate escalation level ${l.level}`);
    if (!Number.isInteger(l.responseWorkingDays) || l.responseWorkingDays < 0)
      throw new RangeError('responseWorkingDays must be a non-negative integer');
  });
  return sorted;
}

/** Working-day deadlines as elsewhere in Kring: the start day does not count; due at the end of the day. */
export function computeWorkingDayDeadline(from: Date, workingDays: number): Date {
  return endOfAmsterdamDay(addWorkingDays(from, workingDays));
}

/**
 * The deadline that runs now: the receiver's answer while proposed, the current level's while
 * escalated, none otherwise (a decline waits for the sender, who may escalate at once).
 */
export function currentHandoverDeadline(handover: Handover): Date | null {
  if (handover.status === 'proposed') return handover.responseDueAt;
  if (handover.status === 'escalated') return handover.escalationDueAt;
  return null;
}

export interface HandoverProposal {
  fromOrganisationId: string;
  toOrganisationId: string;
  warm: boolean;
  proposedAt: Date;
  /** How long the receiver has to answer, in working days (a regional agreement). */
  responseWorkingDays: number;
}

export function proposeHandover(proposal: HandoverProposal): HandoverResult {
  if (proposal.fromOrganisationId === proposal.toOrganisationId) return no('same_organisation');
  return {
    ok: true,
    handover: {
      status: 'proposed',
      fromOrganisationId: proposal.fromOrganisationId,
      toOrganisationId: proposal.toOrganisationId,
      warm: proposal.warm,
      jointContactAt: null,
      proposedAt: proposal.proposedAt,
      responseDueAt: computeWorkingDayDeadline(proposal.proposedAt, proposal.responseWorkingDays),
      reason: null,
      escalationLevel: null,
      escalationDueAt: null,
      resolution: null,
      decidedAt: null,
    },
  };
}

/** Record the joint contact moment of a warm handover; only while it is still proposed. */
export function recordJointContact(
  handover: Handover,
  actor: HandoverActor,
  contactAt: Date,
): HandoverResult {
  if (handover.status !== 'proposed') return no('transition_not_allowed');
  if (!isParty(handover, actor)) return no('parties_only');
  return { ok: true, handover: { ...handover, jointContactAt: contactAt } };
}

function isOrganisation(actor: HandoverActor, organisationId: string): boolean {
  return actor.kind === 'organisation' && actor.organisationId === organisationId;
}

function isParty(handover: Handover, actor: HandoverActor): boolean {
  return (
    isOrganisation(actor, handover.fromOrganisationId) || isOrganisation(actor, handover.toOrganisationId)
  );
}

function escalate(
  handover: Handover,
  actor: HandoverActor,
  reason: string,
  now: Date,
  agreement: readonly EscalationLevel[],
): HandoverResult {
  const levels = sortEscalationAgreement(agreement);
  const t = now.getTime();
  // The sender escalates a decline it disputes; an overdue answer may be escalated by either party
  // or by the scheduler, because silence must not leave the household without help.
  if (
    handover.status === 'declined' &&
    !(isOrganisation(actor, handover.fromOrganisationId) || actor.kind === 'system')
  )
    return no('sender_only');
  if (handover.status !== 'declined' && !(isParty(handover, actor) || actor.kind === 'system'))
    return no('parties_only');
  if (handover.status === 'proposed' && t <= handover.responseDueAt.getTime())
    return no('response_deadline_not_passed');
  if (
    handover.status === 'escalated' &&
    t <= (handover.escalationDueAt?.getTime() ?? Number.POSITIVE_INFINITY)
  )
    return no('escalation_deadline_not_passed');
  if (!hasText(reason)) return no('reason_required');
  const current = handover.escalationLevel;
  const next = levels.find((l) => current === null || l.level > current);
  if (next === undefined) return no('no_higher_escalation_level');
  return {
    ok: true,
    handover: {
      ...handover,
      status: 'escalated',
      reason,
      escalationLevel: next.level,
      escalationDueAt: computeWorkingDayDeadline(now, next.responseWorkingDays),
    },
  };
}

const ACTION_TARGET: Readonly<Record<HandoverAction['type'], HandoverStatus>> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
  escalate: 'escalated',
  resolve: 'resolved',
};

/**
 * One step of the handover, checked as pure data. Only the receiver accepts or declines; only the
 * sender withdraws; escalation follows the region's agreement level by level, each with a deadline
 * in Dutch working days. The actor is who acts, as established by the service from the session.
 */
export function transitionHandover(
  handover: Handover,
  action: HandoverAction,
  actor: HandoverActor,
  now: Date,
  agreement: readonly EscalationLevel[],
): HandoverResult {
  if (!HANDOVER_TRANSITIONS[handover.status].includes(ACTION_TARGET[action.type]))
    return no('transition_not_allowed');
  const decided = (status: HandoverStatus, reason: string | null): HandoverResult => ({
    ok: true,
    handover: { ...handover, status, reason, decidedAt: now },
  });
  switch (action.type) {
    case 'accept':
      if (!isOrganisation(actor, handover.toOrganisationId)) return no('receiver_only');
      if (handover.warm && handover.jointContactAt === null) return no('joint_contact_required');
      if (
        handover.warm &&
        handover.jointContactAt !== null &&
        handover.jointContactAt.getTime() > now.getTime()
      )
        return no('joint_contact_in_future');
      return decided('accepted', null);
    case 'decline':
      if (!isOrganisation(actor, handover.toOrganisationId)) return no('receiver_only');
      if (!hasText(action.reason)) return no('reason_required');
      return decided('declined', action.reason);
    case 'withdraw':
      if (!isOrganisation(actor, handover.fromOrganisationId)) return no('sender_only');
      if (!hasText(action.reason)) return no('reason_required');
      return decided('withdrawn', action.reason);
    case 'escalate':
      return escalate(handover, actor, action.reason, now, agreement);
    case 'resolve': {
      // The escalation table decides; one of the two organisations records the outcome.
      if (!isParty(handover, actor)) return no('parties_only');
      if (!hasText(action.reason)) return no('reason_required');
      return {
        ok: true,
        handover: {
          ...handover,
          status: 'resolved',
          reason: action.reason,
          resolution: action.resolution,
          decidedAt: now,
        },
      };
    }
  }
}

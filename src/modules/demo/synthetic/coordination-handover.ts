import {
  type EscalationLevel,
  type Handover,
  type HandoverAction,
  type HandoverActor,
  type HandoverResolution,
  type HandoverResult,
  recordJointContact,
  transitionHandover,
} from '../../../domain/casework/handover.ts';
import { AUTOMATIC_ESCALATION_REASON, HANDOVER_RESPONSE_WORKING_DAYS } from '../../cases/handover-config.ts';
import type { BulkWriter } from './bulk-writer.ts';
import { type Calendar, DAY, HOUR } from './calendar.ts';
import { CALIBRATION } from './calibration.ts';
import type { IdSource } from './ids.ts';
import type { Random } from './random.ts';
import type { StaffMember } from './staff.ts';
import {
  HANDOVER_DECLINE_REASON,
  HANDOVER_ESCALATE_REASON,
  HANDOVER_RESOLVE_REASONS,
  HANDOVER_SUMMARY,
  HANDOVER_WITHDRAW_REASON,
  JOINT_CONTACT_NOTE,
} from './texts.ts';

/**
 * A coordination handover from Veilig Thuis to the local team once direct safety is reached (issue
 * 3 §9), played step by step through the pure rules of src/domain/casework/handover.ts, so status,
 * reason, deadlines and decision time are what the app would store, and the events are what
 * handover-store.ts appends (positions from 1). Steps at or after the end of the period did not
 * happen yet: the handover is written as it stood then.
 */
export interface HandoverStep {
  action: 'propose' | 'joint_contact' | 'accept' | 'decline' | 'withdraw' | 'escalate' | 'resolve';
  fromStatus: Handover['status'] | null;
  toStatus: Handover['status'];
  actor: StaffMember | null;
  automatic: boolean;
  reason: string | null;
  escalationLevel: number | null;
  at: number;
  /** The handover after this step. */
  state: Handover;
}

export interface PlannedHandover {
  fromUser: StaffMember;
  toOrganisationId: string;
  toUser: StaffMember | null;
  warm: boolean;
  steps: HandoverStep[];
  jointContact: { at: number; mode: string; sender: StaffMember; receiver: StaffMember } | null;
  /** The receiver who became coordinator, and when (accepted, or handed over at the escalation table). */
  takeover: { at: number; receiver: StaffMember; by: StaffMember } | null;
  /** When nothing is open any more; infinite while it still waits at the end of the period. */
  settledAt: number;
}

export interface HandoverContext {
  calendar: Calendar;
  rng: Random;
  end: number;
  escalation: readonly EscalationLevel[];
}

const JOINT_CONTACT_MODES = [
  ['home_visit', 0.55],
  ['office', 0.2],
  ['video', 0.15],
  ['phone', 0.1],
] as const;

function must(result: HandoverResult): Handover {
  if (!result.ok) throw new Error(`synthetic handover refused by the rules: ${result.code}`);
  return result.handover;
}

/** The next quarter-hour slot of the escalation job after a deadline (it runs every 15 minutes). */
function nextJobSlot(deadline: number): number {
  const slot = 15 * 60_000;
  return Math.floor(deadline / slot) * slot + slot;
}

/** A moment between two instants, earlier ones likelier (most answers come quickly). */
function early(lo: number, hi: number, rng: Random): number {
  return lo + (hi - lo) * rng.next() ** 1.6;
}

export function planCoordinationHandover(
  ctx: HandoverContext,
  from: { coordinator: StaffMember; colleagues: readonly StaffMember[] },
  to: { organisationId: string; coordinators: readonly StaffMember[]; preferred: StaffMember | null },
  after: number,
): PlannedHandover | null {
  const { calendar, rng, end, escalation } = ctx;
  const proposedAt = calendar.toOfficeHours(after + rng.between(0.2, 4) * DAY, rng);
  if (proposedAt >= end || to.coordinators.length === 0) return null;
  const warm = rng.chance(CALIBRATION.handoverWarmShare);
  const toUser = to.preferred && rng.chance(0.7) ? to.preferred : null;
  const receiver = toUser ?? rng.pick(to.coordinators);
  const sender = from.coordinator;
  const actorOf = (member: StaffMember): HandoverActor => ({
    kind: 'organisation',
    organisationId: member.organisationId,
  });
  if (sender.organisationId === to.organisationId) return null;
  // What proposeHandover returns, with its deadline (computeWorkingDayDeadline) from the calendar's
  // per-day cache: the rule walks the holiday calendar day by day, too slow to run per proposal.
  let state: Handover = {
    status: 'proposed',
    fromOrganisationId: sender.organisationId,
    toOrganisationId: to.organisationId,
    warm,
    jointContactAt: null,
    proposedAt: new Date(proposedAt),
    responseDueAt: new Date(calendar.workingDayDeadline(proposedAt, HANDOVER_RESPONSE_WORKING_DAYS)),
    reason: null,
    escalationLevel: null,
    escalationDueAt: null,
    resolution: null,
    decidedAt: null,
  };
  const steps: HandoverStep[] = [];
  const record = (
    action: HandoverStep['action'],
    actor: StaffMember | null,
    at: number,
    next: Handover,
    escalationLevel: number | null = null,
  ) => {
    steps.push({
      action,
      fromStatus: action === 'propose' ? null : state.status,
      toStatus: next.status,
      actor,
      automatic: actor === null,
      reason: action === 'propose' || action === 'joint_contact' ? null : next.reason,
      escalationLevel,
      at,
      state: next,
    });
    state = next;
  };
  const step = (action: HandoverAction, actor: StaffMember | null, at: number) => {
    const who: HandoverActor = actor === null ? { kind: 'system' } : actorOf(actor);
    const next = must(transitionHandover(state, action, who, new Date(at), escalation));
    record(action.type, actor, at, next, action.type === 'escalate' ? next.escalationLevel : null);
  };
  record('propose', sender, proposedAt, state);

  const due = state.responseDueAt.getTime();
  let jointContact: PlannedHandover['jointContact'] = null;
  let takeover: PlannedHandover['takeover'] = null;
  const outcome = rng.weighted([
    ['accept', CALIBRATION.handoverAcceptedShare],
    ['decline', CALIBRATION.handoverDeclinedShare],
    ['silent', CALIBRATION.handoverUnansweredShare],
    [
      'withdraw',
      1 -
        CALIBRATION.handoverAcceptedShare -
        CALIBRATION.handoverDeclinedShare -
        CALIBRATION.handoverUnansweredShare,
    ],
  ] as const);
  // Answers fall between the proposal and the end of the receiver's last working day, in office
  // hours where that still lies before the deadline that runs.
  const answerWindow = (from: number) => [from + HOUR, Math.max(from + 2 * HOUR, due - 6 * HOUR)] as const;
  const officeBefore = (at: number, limit: number) => {
    const moved = calendar.toOfficeHours(at, rng);
    return moved < limit ? moved : at;
  };

  if (outcome === 'accept') {
    let lo = proposedAt;
    if (warm) {
      const [a, b] = answerWindow(proposedAt);
      const contactAt = officeBefore(early(a, (a + b) / 2, rng), due - 8 * HOUR);
      const recordedAt = contactAt + rng.between(0.5, 3) * HOUR;
      const by = rng.chance(0.5) ? sender : receiver;
      const next = must(recordJointContact(state, actorOf(by), new Date(contactAt)));
      jointContact = { at: contactAt, mode: rng.weighted(JOINT_CONTACT_MODES), sender, receiver };
      record('joint_contact', by, recordedAt, next);
      lo = recordedAt;
    }
    const [a, b] = answerWindow(lo);
    const acceptAt = officeBefore(early(a, b, rng), due);
    step({ type: 'accept' }, receiver, acceptAt);
    takeover = { at: acceptAt, receiver, by: receiver };
  } else if (outcome === 'withdraw') {
    const [a, b] = answerWindow(proposedAt);
    step({ type: 'withdraw', reason: HANDOVER_WITHDRAW_REASON }, sender, officeBefore(early(a, b, rng), due));
  } else {
    let at: number;
    if (outcome === 'decline') {
      const [a, b] = answerWindow(proposedAt);
      const declineAt = officeBefore(early(a, b, rng), due);
      step({ type: 'decline', reason: HANDOVER_DECLINE_REASON }, receiver, declineAt);
      at = calendar.toOfficeHours(declineAt + rng.between(0.1, 1.5) * DAY, rng);
      const escalator = rng.chance(0.6) ? sender : rng.pick([sender, ...from.colleagues]);
      step({ type: 'escalate', reason: HANDOVER_ESCALATE_REASON }, escalator, at);
    } else {
      at = nextJobSlot(due);
      step({ type: 'escalate', reason: AUTOMATIC_ESCALATION_REASON }, null, at);
    }
    // The level decides in time mostly; otherwise the job moves it up one level when its time is up.
    while (rng.chance(0.22)) {
      const levelDue = state.escalationDueAt?.getTime() ?? at;
      if (!escalation.some((l) => l.level > (state.escalationLevel ?? 0))) break;
      at = nextJobSlot(levelDue);
      step({ type: 'escalate', reason: AUTOMATIC_ESCALATION_REASON }, null, at);
    }
    const levelDue = state.escalationDueAt?.getTime() ?? at + 2 * DAY;
    const resolveAt = officeBefore(
      early(at + HOUR, Math.max(at + 2 * HOUR, levelDue - 6 * HOUR), rng),
      levelDue,
    );
    const resolution: HandoverResolution = rng.weighted([
      ['handed_over', outcome === 'silent' ? 0.8 : 0.65],
      ['stays_with_sender', outcome === 'silent' ? 0.17 : 0.3],
      ['other', 0.03],
    ] as const);
    const resolver = resolution === 'handed_over' ? receiver : sender;
    step(
      { type: 'resolve', resolution, reason: HANDOVER_RESOLVE_REASONS[resolution] ?? '' },
      resolver,
      resolveAt,
    );
    if (resolution === 'handed_over') takeover = { at: resolveAt, receiver, by: resolver };
  }

  const happened = steps.filter((s) => s.at < end);
  const last = happened[happened.length - 1];
  const settled = last !== undefined && ['accepted', 'withdrawn', 'resolved'].includes(last.toStatus);
  return {
    fromUser: sender,
    toOrganisationId: to.organisationId,
    toUser,
    warm,
    steps: happened,
    jointContact: jointContact && happened.some((s) => s.action === 'joint_contact') ? jointContact : null,
    takeover: takeover && takeover.at < end ? takeover : null,
    settledAt: settled && last ? last.at : Number.POSITIVE_INFINITY,
  };
}

/** The handover row as it stood at the end of the period, and its steps (positions from 1). */
export async function writeHandover(
  writer: BulkWriter,
  ids: IdSource,
  caseId: string,
  handover: PlannedHandover & { id: string },
): Promise<number> {
  const first = handover.steps[0];
  const last = handover.steps[handover.steps.length - 1];
  if (!first || !last) return 0;
  const state = last.state;
  const contact = handover.jointContact;
  await writer.add('case_handover', {
    id: handover.id,
    case_id: caseId,
    subject: 'coordination',
    task_description: null,
    summary: HANDOVER_SUMMARY,
    warm: handover.warm,
    from_organisation_id: handover.fromUser.organisationId,
    from_user_id: handover.fromUser.userId,
    to_organisation_id: handover.toOrganisationId,
    to_user_id: handover.toUser?.userId ?? null,
    status: state.status,
    proposed_at: first.at,
    response_due_at: state.responseDueAt.getTime(),
    reason: state.reason,
    escalation_level: state.escalationLevel,
    escalation_due_at: state.escalationDueAt?.getTime() ?? null,
    joint_contact_at: contact?.at ?? null,
    joint_contact_mode: contact?.mode ?? null,
    joint_contact_sender_user_id: contact?.sender.userId ?? null,
    joint_contact_receiver_user_id: contact?.receiver.userId ?? null,
    joint_contact_note: contact ? JOINT_CONTACT_NOTE : null,
    resolution: state.resolution,
    decided_at: state.decidedAt?.getTime() ?? null,
    taken_over_by_user_id: handover.takeover?.receiver.userId ?? null,
  });
  for (const [i, step] of handover.steps.entries()) {
    await writer.add('case_handover_event', {
      id: ids.next('handoverEvent'),
      handover_id: handover.id,
      position: i + 1,
      action: step.action,
      from_status: step.fromStatus,
      to_status: step.toStatus,
      actor_user_id: step.actor?.userId ?? null,
      actor_organisation_id: step.actor?.organisationId ?? null,
      automatic: step.automatic,
      reason: step.reason,
      escalation_level: step.escalationLevel,
      occurred_at: step.at,
    });
  }
  return 1 + handover.steps.length;
}

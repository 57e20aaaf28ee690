import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  currentHandoverDeadline,
  type EscalationLevel,
  type Handover,
  type HandoverAction,
  type HandoverActor,
  type HandoverRefusalCode,
  type HandoverResult,
  proposeHandover,
  recordJointContact,
  transitionHandover,
} from '../../domain/casework/handover.ts';
import { AppError } from '../../errors/app-error.ts';
import { type ActorContext, auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, caseReaderOf, loadAuthorizedCase } from './case-guard.ts';
import { HANDOVER_RESPONSE_WORKING_DAYS, loadEscalationAgreement } from './handover-config.ts';
import { HANDOVER_MESSAGES } from './handover-messages.ts';
import type {
  HandoverView,
  JointContactInput,
  ProposeHandoverInput,
  ResolveHandoverInput,
  TASK_ROLES,
} from './handover-schemas.ts';
import {
  appendHandoverEvent,
  endTeamMembership,
  findHandoverParties,
  findOpenCoordinationHandover,
  findRegionOrganisation,
  type HandoverDetailRow,
  type HandoverRow,
  handoverColumns,
  insertHandover,
  listHandoversWaitingFor,
  listRegionOrganisations,
  loadHandoverDetails,
  loadHandoverEvents,
  lockCaseForHandover,
  lockHandover,
  setCoordinator,
  toDomainHandover,
  updateHandover,
} from './handover-store.ts';
import { joinTeam } from './open-case-service.ts';
import {
  findClientMembership,
  findVisibleCaseIds,
  listRegionProfessionals,
  loadActiveTeam,
} from './store.ts';

type Side = HandoverView['mySide'];
type TaskRole = (typeof TASK_ROLES)[number];
type Guard = ReturnType<typeof caseReaderOf>;

// Where in the request a refusal points; everything else is about the handover as a whole.
const REFUSAL_PATHS: Partial<Record<HandoverRefusalCode, string>> = {
  same_organisation: 'body.toOrganisationId',
  reason_required: 'body.reason',
  joint_contact_required: 'body.jointContact',
  joint_contact_in_future: 'body.jointContact',
};

function unwrap(result: HandoverResult): Handover {
  if (!result.ok) {
    throw new AppError('rule_refused', [
      { path: REFUSAL_PATHS[result.code] ?? 'params.handoverId', message: result.message },
    ]);
  }
  return result.handover;
}

const actorOf = (actor: ActorContext): HandoverActor => ({
  kind: 'organisation',
  organisationId: actor.organisation.id,
});

function sideOf(
  row: { from_organisation_id: string; to_organisation_id: string },
  actor: ActorContext,
): Side {
  if (row.to_organisation_id === actor.organisation.id) return 'receiver';
  if (row.from_organisation_id === actor.organisation.id) return 'sender';
  return 'other';
}

/**
 * A handover is visible to whoever may see its case, and to client workers of the receiving
 * organisation — who see the handover (reference, municipality, summary, sender) but not the case
 * until they accept. Everyone else gets 404, audited like a refused case read.
 */
async function authorizeHandover(deps: Deps, ctx: RequestContext, handoverId: string, action: string) {
  const guard = caseReaderOf(ctx);
  const parties = await findHandoverParties(deps.db, handoverId);
  const visible =
    parties !== undefined &&
    (parties.to_organisation_id === guard.actor.organisation.id ||
      (await findVisibleCaseIds(deps.db, guard.scope, [parties.case_id])).has(parties.case_id));
  if (!visible) {
    await deps.db.transaction().execute((trx) =>
      appendAuditEvent(trx, {
        ...auditActor(ctx),
        action,
        recordType: 'handover',
        recordId: handoverId,
        outcome: 'denied',
      }),
    );
    throw new AppError('not_found');
  }
  return guard;
}

/** Inside the transaction: the locked row, still visible, and whether the reader sees the case. */
async function loadAuthorizedHandover(trx: Transaction<DB>, guard: Guard, handoverId: string) {
  const row = await lockHandover(trx, handoverId);
  if (!row) throw new AppError('not_found');
  const seesCase = (await findVisibleCaseIds(trx, guard.scope, [row.case_id])).has(row.case_id);
  if (!seesCase && row.to_organisation_id !== guard.actor.organisation.id) throw new AppError('not_found');
  const kase = await lockCaseForHandover(trx, row.case_id);
  if (!kase) throw new AppError('not_found');
  const agreement = await loadEscalationAgreement(trx, kase.region_id);
  return { row, kase, agreement, side: sideOf(row, guard.actor) };
}

function allowedSteps(h: Handover, actor: HandoverActor, now: Date, agreement: readonly EscalationLevel[]) {
  // A placeholder reason: the question is whether the rules allow the step now, not the wording.
  const can = (action: HandoverAction) => transitionHandover(h, action, actor, now, agreement).ok;
  return {
    accept: can({ type: 'accept' }),
    decline: can({ type: 'decline', reason: '-' }),
    withdraw: can({ type: 'withdraw', reason: '-' }),
    escalate: can({ type: 'escalate', reason: '-' }),
    resolve: can({ type: 'resolve', resolution: 'other', reason: '-' }),
    jointContact: recordJointContact(h, actor, now).ok,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const personOf = (userId: string | null, name: string | null) => (userId && name ? { userId, name } : null);

/** Views of handovers for one reader; names, history and the steps the rules allow them now. */
async function buildViews(
  trx: Transaction<DB>,
  guard: Guard,
  rows: readonly HandoverDetailRow[],
  now: Date,
): Promise<HandoverView[]> {
  const events = await loadHandoverEvents(
    trx,
    rows.map((r) => r.id),
  );
  const caseIds = [...new Set(rows.map((r) => r.case_id))];
  const visibleCases = await findVisibleCaseIds(trx, guard.scope, caseIds);
  const agreements = new Map<number, EscalationLevel[]>();
  const people = new Map<number, Awaited<ReturnType<typeof listRegionProfessionals>>>();
  for (const regionId of new Set(rows.map((r) => r.region_id))) {
    agreements.set(regionId, await loadEscalationAgreement(trx, regionId));
    people.set(regionId, await listRegionProfessionals(trx, regionId));
  }
  const actor = actorOf(guard.actor);
  return rows.map((r) => {
    const h = toDomainHandover(r);
    const agreement = agreements.get(r.region_id) ?? [];
    const due = currentHandoverDeadline(h);
    const side = sideOf(r, guard.actor);
    const peopleOf = (organisationId: string) =>
      (people.get(r.region_id) ?? [])
        .filter((p) => p.organisation_id === organisationId)
        .map((p) => ({ userId: p.user_id, name: p.display_name }));
    return {
      id: r.id,
      caseId: visibleCases.has(r.case_id) ? r.case_id : null,
      caseReference: r.case_reference,
      municipalityName: r.municipality_name,
      subject: r.subject as HandoverView['subject'],
      taskDescription: r.task_description,
      summary: r.summary,
      warm: r.warm,
      from: {
        organisationId: r.from_organisation_id,
        organisation: r.from_organisation_name,
        user: { userId: r.from_user_id, name: r.from_user_name },
      },
      to: {
        organisationId: r.to_organisation_id,
        organisation: r.to_organisation_name,
        user: personOf(r.to_user_id, r.to_user_name),
      },
      status: h.status,
      proposedAt: r.proposed_at.toISOString(),
      responseDueAt: r.response_due_at.toISOString(),
      dueAt: iso(due),
      overdue: due !== null && due.getTime() < now.getTime(),
      reason: r.reason,
      escalation:
        r.escalation_level !== null && r.escalation_due_at !== null
          ? {
              level: r.escalation_level,
              role: agreement.find((l) => l.level === r.escalation_level)?.role ?? null,
              dueAt: r.escalation_due_at.toISOString(),
            }
          : null,
      jointContact:
        r.joint_contact_at && r.joint_contact_mode
          ? {
              at: r.joint_contact_at.toISOString(),
              mode: r.joint_contact_mode as NonNullable<HandoverView['jointContact']>['mode'],
              sender: personOf(r.joint_contact_sender_user_id, r.joint_contact_sender_name),
              receiver: personOf(r.joint_contact_receiver_user_id, r.joint_contact_receiver_name),
              note: r.joint_contact_note,
            }
          : null,
      resolution: h.resolution,
      decidedAt: iso(r.decided_at),
      takenOverBy: personOf(r.taken_over_by_user_id, r.taken_over_by_name),
      history: events
        .filter((e) => e.handover_id === r.id)
        .map((e) => ({
          action: e.action as HandoverView['history'][number]['action'],
          fromStatus: e.from_status as HandoverView['status'] | null,
          toStatus: e.to_status as HandoverView['status'],
          by: e.display_name,
          organisation: e.organisation_name,
          automatic: e.automatic,
          reason: e.reason,
          escalationLevel: e.escalation_level,
          at: e.occurred_at.toISOString(),
        })),
      mySide: side,
      allowed: allowedSteps(h, actor, now, agreement),
      people:
        side === 'other'
          ? null
          : { sender: peopleOf(r.from_organisation_id), receiver: peopleOf(r.to_organisation_id) },
    };
  });
}

async function viewOne(trx: Transaction<DB>, guard: Guard, handoverId: string, now: Date) {
  const [view] = await buildViews(trx, guard, await loadHandoverDetails(trx, { ids: [handoverId] }), now);
  if (!view) throw new AppError('not_found');
  return view;
}

/** Organisations of the case's region a team member can hand over to, and their client workers. */
export async function listHandoverCandidates(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.handover.candidates');
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const [organisations, people] = await Promise.all([
      listRegionOrganisations(trx, header.region_id),
      listRegionProfessionals(trx, header.region_id),
    ]);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.handover.candidates',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
    });
    return {
      organisations: organisations.filter((o) => o.id !== guard.actor.organisation.id),
      people: people.map((p) => ({
        userId: p.user_id,
        name: p.display_name,
        organisationId: p.organisation_id,
      })),
    };
  });
}

/**
 * A team member proposes to hand over a task, or the coordinator the coordination, to another
 * organisation of the region. The receiver's deadline follows the working-day agreement.
 */
export async function proposeCaseHandover(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: ProposeHandoverInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.handover.propose');
  const now = deps.now();
  const { actor } = guard;
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const kase = await lockCaseForHandover(trx, caseId);
    if (!kase) throw new AppError('not_found');
    const team = await loadActiveTeam(trx, caseId);
    if (!team.some((m) => m.user_id === actor.user.id && m.organisation_id === actor.organisation.id)) {
      throw new AppError('forbidden', [{ path: 'params.id', message: HANDOVER_MESSAGES.team_member_only }]);
    }
    const isCoordinator =
      kase.coordinator_user_id === actor.user.id &&
      kase.coordinator_organisation_id === actor.organisation.id;
    if (input.subject === 'coordination' && !isCoordinator) {
      throw new AppError('forbidden', [
        { path: 'body.subject', message: HANDOVER_MESSAGES.coordinator_only },
      ]);
    }
    if (kase.phase === 'closed') {
      throw new AppError('conflict', [{ path: 'params.id', message: HANDOVER_MESSAGES.case_closed }]);
    }
    if (input.subject === 'task' && !input.taskDescription) {
      throw new AppError('validation_failed', [
        { path: 'body.taskDescription', message: HANDOVER_MESSAGES.task_description_required },
      ]);
    }
    if (input.subject === 'coordination' && input.taskDescription) {
      throw new AppError('validation_failed', [
        { path: 'body.taskDescription', message: HANDOVER_MESSAGES.task_description_not_for_coordination },
      ]);
    }
    if (!(await findRegionOrganisation(trx, kase.region_id, input.toOrganisationId))) {
      throw new AppError('validation_failed', [
        { path: 'body.toOrganisationId', message: HANDOVER_MESSAGES.unknown_receiving_organisation },
      ]);
    }
    if (
      input.toUserId &&
      !(await findClientMembership(trx, input.toUserId, kase.region_id, input.toOrganisationId))
    ) {
      throw new AppError('validation_failed', [
        { path: 'body.toUserId', message: HANDOVER_MESSAGES.unknown_receiving_user },
      ]);
    }
    const proposal = unwrap(
      proposeHandover({
        fromOrganisationId: actor.organisation.id,
        toOrganisationId: input.toOrganisationId,
        warm: input.warm,
        proposedAt: now,
        responseWorkingDays: HANDOVER_RESPONSE_WORKING_DAYS,
      }),
    );
    if (input.subject === 'coordination' && (await findOpenCoordinationHandover(trx, caseId))) {
      throw new AppError('conflict', [
        { path: 'body.subject', message: HANDOVER_MESSAGES.open_coordination_handover },
      ]);
    }
    const { id } = await insertHandover(trx, {
      case_id: caseId,
      subject: input.subject,
      task_description: input.subject === 'task' ? (input.taskDescription ?? null) : null,
      summary: input.summary,
      warm: proposal.warm,
      from_organisation_id: proposal.fromOrganisationId,
      from_user_id: actor.user.id,
      to_organisation_id: proposal.toOrganisationId,
      to_user_id: input.toUserId ?? null,
      proposed_at: proposal.proposedAt,
      response_due_at: proposal.responseDueAt,
      ...handoverColumns(proposal),
    });
    await appendHandoverEvent(trx, {
      handoverId: id,
      action: 'propose',
      fromStatus: null,
      toStatus: 'proposed',
      actorUserId: actor.user.id,
      actorOrganisationId: actor.organisation.id,
      reason: null,
      escalationLevel: null,
      at: now,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.handover.propose',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        handoverId: id,
        subject: input.subject,
        toOrganisationId: input.toOrganisationId,
        toUserId: input.toUserId ?? null,
        warm: input.warm,
      },
    });
    return viewOne(trx, guard, id, now);
  });
}

/** The case's handovers, newest first, for whoever may see the case. */
export async function listCaseHandovers(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.handover.list');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const views = await buildViews(trx, guard, await loadHandoverDetails(trx, { caseId }), now);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.handover.list',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { handoverIds: views.map((v) => v.id) },
    });
    return views;
  });
}

/** One handover, for its case's readers and for the receiving organisation. */
export async function getHandover(deps: Deps, ctx: RequestContext, handoverId: string) {
  const guard = await authorizeHandover(deps, ctx, handoverId, 'case.handover.read');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { row, side } = await loadAuthorizedHandover(trx, guard, handoverId);
    const view = await viewOne(trx, guard, handoverId, now);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.handover.read',
      recordType: 'case',
      recordId: row.case_id,
      purpose: 'casework',
      details: { handoverId, side },
    });
    return view;
  });
}

/** "Waiting for me": proposed or escalated to my organisation, or to me by name. */
export async function listWaitingHandovers(deps: Deps, ctx: RequestContext) {
  const { actor } = caseReaderOf(ctx);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await listHandoversWaitingFor(trx, {
      userId: actor.user.id,
      organisationId: actor.organisation.id,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.handover.list_waiting',
      recordType: 'handover',
      details: { handoverIds: rows.map((r) => r.id) },
    });
    return rows.map((r) => ({
      id: r.id,
      caseReference: r.caseReference,
      municipalityName: r.municipalityName,
      subject: r.subject,
      summary: r.summary,
      warm: r.warm,
      fromOrganisation: r.fromOrganisation,
      fromUser: r.fromUser,
      toUserId: r.toUserId,
      status: r.status,
      escalationLevel: r.escalationLevel,
      proposedAt: r.proposedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      overdue: r.dueAt.getTime() < now.getTime(),
    }));
  });
}

type Step =
  | { type: 'accept'; caseRole?: TaskRole }
  | { type: 'decline'; reason: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'escalate'; reason: string }
  | ({ type: 'resolve' } & ResolveHandoverInput);

/** One step by a person: the rules decide, the row, its history and the audit trail change together. */
export async function stepHandover(deps: Deps, ctx: RequestContext, handoverId: string, step: Step) {
  const auditAction = `case.handover.${step.type}`;
  const guard = await authorizeHandover(deps, ctx, handoverId, auditAction);
  const now = deps.now();
  const { actor } = guard;
  return deps.db.transaction().execute(async (trx) => {
    const { row, kase, agreement, side } = await loadAuthorizedHandover(trx, guard, handoverId);
    const action: HandoverAction =
      step.type === 'accept'
        ? { type: 'accept' }
        : step.type === 'resolve'
          ? { type: 'resolve', resolution: step.resolution, reason: step.reason }
          : { type: step.type, reason: step.reason };
    const next = unwrap(transitionHandover(toDomainHandover(row), action, actorOf(actor), now, agreement));
    await updateHandover(trx, row.id, handoverColumns(next));
    await appendHandoverEvent(trx, {
      handoverId: row.id,
      action: step.type,
      fromStatus: row.status,
      toStatus: next.status,
      actorUserId: actor.user.id,
      actorOrganisationId: actor.organisation.id,
      reason: next.reason,
      escalationLevel: step.type === 'escalate' ? next.escalationLevel : null,
      at: now,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: auditAction,
      recordType: 'case',
      recordId: row.case_id,
      purpose: 'casework',
      details: {
        handoverId: row.id,
        side,
        from: row.status,
        to: next.status,
        escalationLevel: next.escalationLevel,
        resolution: next.resolution,
      },
    });
    if (step.type === 'accept') {
      await takeOver(
        trx,
        ctx,
        row,
        kase,
        { userId: actor.user.id, organisationId: actor.organisation.id },
        {
          caseRole: step.caseRole ?? 'other',
          now,
        },
      );
    }
    if (step.type === 'resolve' && step.resolution === 'handed_over') {
      const receiverId =
        step.receiverUserId ?? row.to_user_id ?? (side === 'receiver' ? actor.user.id : null);
      const member =
        receiverId === null
          ? undefined
          : await findClientMembership(trx, receiverId, kase.region_id, row.to_organisation_id);
      if (receiverId === null || !member) {
        throw new AppError('validation_failed', [
          { path: 'body.receiverUserId', message: HANDOVER_MESSAGES.receiver_required },
        ]);
      }
      await takeOver(
        trx,
        ctx,
        row,
        kase,
        { userId: receiverId, organisationId: row.to_organisation_id },
        { caseRole: 'other', now },
      );
    }
    return viewOne(trx, guard, row.id, now);
  });
}

/** The warm handover's joint contact: when, how, and who of each organisation took part. */
export async function recordHandoverJointContact(
  deps: Deps,
  ctx: RequestContext,
  handoverId: string,
  input: JointContactInput,
) {
  const guard = await authorizeHandover(deps, ctx, handoverId, 'case.handover.joint_contact');
  const now = deps.now();
  const { actor } = guard;
  return deps.db.transaction().execute(async (trx) => {
    const { row, kase, side } = await loadAuthorizedHandover(trx, guard, handoverId);
    const contactAt = new Date(input.contactAt);
    const next = unwrap(recordJointContact(toDomainHandover(row), actorOf(actor), contactAt));
    const earliest = row.proposed_at.getTime() - 14 * 86_400_000;
    const latest = now.getTime() + 90 * 86_400_000;
    if (contactAt.getTime() < earliest || contactAt.getTime() > latest) {
      throw new AppError('validation_failed', [
        { path: 'body.contactAt', message: HANDOVER_MESSAGES.contact_out_of_range },
      ]);
    }
    const problems = [];
    if (!(await findClientMembership(trx, input.senderUserId, kase.region_id, row.from_organisation_id)))
      problems.push({ path: 'body.senderUserId', message: HANDOVER_MESSAGES.unknown_sender_contact });
    if (!(await findClientMembership(trx, input.receiverUserId, kase.region_id, row.to_organisation_id)))
      problems.push({ path: 'body.receiverUserId', message: HANDOVER_MESSAGES.unknown_receiving_user });
    if (problems.length > 0) throw new AppError('validation_failed', problems);
    await updateHandover(trx, row.id, {
      joint_contact_at: next.jointContactAt,
      joint_contact_mode: input.mode,
      joint_contact_sender_user_id: input.senderUserId,
      joint_contact_receiver_user_id: input.receiverUserId,
      joint_contact_note: input.note ?? null,
    });
    await appendHandoverEvent(trx, {
      handoverId: row.id,
      action: 'joint_contact',
      fromStatus: row.status,
      toStatus: next.status,
      actorUserId: actor.user.id,
      actorOrganisationId: actor.organisation.id,
      reason: null,
      escalationLevel: null,
      at: now,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.handover.joint_contact',
      recordType: 'case',
      recordId: row.case_id,
      purpose: 'casework',
      details: { handoverId: row.id, side, contactAt: input.contactAt, mode: input.mode },
    });
    return viewOne(trx, guard, row.id, now);
  });
}

/**
 * The receiving professional joins the team. For coordination they become the coordinator and the
 * former coordinator stays in the team as a member (team working, not relay: leaving is a separate,
 * explicit step). Membership rows are ended and added, never rewritten, so the history stays.
 */
async function takeOver(
  trx: Transaction<DB>,
  ctx: RequestContext,
  row: HandoverRow,
  kase: NonNullable<Awaited<ReturnType<typeof lockCaseForHandover>>>,
  receiver: { userId: string; organisationId: string },
  options: { caseRole: TaskRole; now: Date },
) {
  const byUserId = ctx.user?.id ?? receiver.userId;
  const team = await loadActiveTeam(trx, row.case_id);
  const existing = team.find(
    (m) => m.user_id === receiver.userId && m.organisation_id === receiver.organisationId,
  );
  if (row.subject === 'coordination') {
    if (
      kase.coordinator_user_id !== row.from_user_id ||
      kase.coordinator_organisation_id !== row.from_organisation_id
    ) {
      throw new AppError('conflict', [
        { path: 'params.handoverId', message: HANDOVER_MESSAGES.coordinator_changed },
      ]);
    }
    const former = team.find(
      (m) =>
        m.case_role === 'coordinator' &&
        m.user_id === kase.coordinator_user_id &&
        m.organisation_id === kase.coordinator_organisation_id,
    );
    if (former) {
      await endTeamMembership(trx, former.id, byUserId, options.now);
      await joinTeam(trx, ctx, row.case_id, former.user_id, former.organisation_id, 'other', options.now);
    }
    if (existing) await endTeamMembership(trx, existing.id, byUserId, options.now);
    await joinTeam(
      trx,
      ctx,
      row.case_id,
      receiver.userId,
      receiver.organisationId,
      'coordinator',
      options.now,
    );
    await setCoordinator(trx, row.case_id, receiver);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.coordinator.change',
      recordType: 'case',
      recordId: row.case_id,
      purpose: 'casework',
      details: {
        handoverId: row.id,
        fromUserId: kase.coordinator_user_id,
        fromOrganisationId: kase.coordinator_organisation_id,
        toUserId: receiver.userId,
        toOrganisationId: receiver.organisationId,
      },
    });
  } else if (!existing) {
    await joinTeam(
      trx,
      ctx,
      row.case_id,
      receiver.userId,
      receiver.organisationId,
      options.caseRole,
      options.now,
    );
  }
  await updateHandover(trx, row.id, { taken_over_by_user_id: receiver.userId });
}

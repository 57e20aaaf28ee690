import {
  type ActionStatus,
  decideActionStatusChange,
  type MeetingKind,
} from '../../domain/casework/meeting.ts';
import type { Refusal } from '../../domain/casework/rule-result.ts';
import { canReadCategory, type InformationCategory } from '../../domain/information-category.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { auditCaseDenied, authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { MEETING_MESSAGES } from './meeting-messages.ts';
import type { ActionStatusInput } from './meeting-schemas.ts';
import { readingPurpose } from './meeting-service.ts';
import {
  closeCaseAction,
  findCaseActionForUpdate,
  loadCaseActions,
  loadTeamWithOrganisationTypes,
} from './meeting-store.ts';

type Guard = Awaited<ReturnType<typeof authorizeCase>>;

/** An action from a meeting is as readable as the meeting's record; an assessment's action is team work. */
function canReadAction(
  guard: Guard,
  action: { meeting_category: string | null; meeting_organisation_id: string | null },
) {
  if (action.meeting_category === null || action.meeting_organisation_id === null) return true;
  return canReadCategory(guard.reader, {
    category: action.meeting_category as InformationCategory,
    organisationId: action.meeting_organisation_id,
  });
}

/** The household's plan actions from every source (assessments and meetings) the reader may see. */
export async function listPlanActions(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.action.list');
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const [team, rows] = await Promise.all([
      loadTeamWithOrganisationTypes(trx, caseId),
      loadCaseActions(trx, caseId),
    ]);
    const visible = rows.filter((a) => canReadAction(guard, a));
    const me = guard.actor.user.id;
    const actions = visible.map((a) => {
      const status = a.status as ActionStatus;
      const sourceAt = a.meeting_id ? a.held_at : a.assessed_at;
      return {
        id: a.id,
        description: a.description,
        ownerUserId: a.owner_user_id,
        owner: a.owner,
        dueOn: a.due_on,
        status,
        monitoring: a.monitoring,
        source: {
          type: a.meeting_id ? ('meeting' as const) : ('assessment' as const),
          id: a.meeting_id ?? a.assessment_id ?? '',
          meetingKind: a.meeting_kind as MeetingKind | null,
          at: sourceAt ? sourceAt.toISOString() : '',
        },
        statusNote: a.status_note,
        statusChangedBy: a.status_changed_by,
        statusChangedAt: a.status_changed_at ? a.status_changed_at.toISOString() : null,
        canUpdate: status === 'open' && (a.owner_user_id === me || header.coordinator_user_id === me),
      };
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.action.list',
      recordType: 'case',
      recordId: caseId,
      purpose: readingPurpose(guard, team),
      details: { ids: actions.map((a) => a.id), withheld: rows.length - visible.length },
    });
    return { actions, withheld: rows.length - visible.length };
  });
}

/**
 * Closes an open plan action as done or not done, with a short note: by its owner or by the
 * coordinator. An action the reader may not see answers 404 like a missing one; someone else
 * who may see it is refused (403), and the refusal is audited.
 */
export async function changeActionStatus(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  actionId: string,
  input: ActionStatusInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.action.status');
  const now = deps.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const action = await findCaseActionForUpdate(trx, caseId, actionId);
    if (!action || !canReadAction(guard, action)) throw new AppError('not_found');
    const verdict = decideActionStatusChange({
      current: action.status as ActionStatus,
      actorUserId: guard.actor.user.id,
      ownerUserId: action.owner_user_id,
      coordinatorUserId: header.coordinator_user_id,
    });
    if (!verdict.ok) return { done: false as const, refusal: verdict };
    const closed = await closeCaseAction(trx, {
      actionId,
      to: input.status,
      note: input.note,
      userId: guard.actor.user.id,
      organisationId: guard.actor.organisation.id,
      at: now,
    });
    if (!closed)
      throw new AppError('conflict', [
        { path: 'body.status', message: MEETING_MESSAGES.action_changed_meanwhile },
      ]);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.action.status',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { actionId, from: action.status, to: input.status },
    });
    return { done: true as const, result: { id: actionId, status: input.status as ActionStatus } };
  });
  if (!outcome.done) return refuse(deps, ctx, caseId, actionId, outcome.refusal);
  return outcome.result;
}

async function refuse(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  actionId: string,
  refusal: Refusal<'not_owner_or_coordinator' | 'already_closed'>,
): Promise<never> {
  if (refusal.code === 'already_closed')
    throw new AppError('conflict', [{ path: 'body.status', message: refusal.message }]);
  await auditCaseDenied(deps, ctx, caseId, 'case.action.status', { actionId, reason: refusal.code });
  throw new AppError('forbidden', [{ path: 'body.status', message: refusal.message }]);
}

import {
  computeAssessmentNormShares,
  computeInvestigationDeadlines,
} from '../../domain/front-door/deadlines.ts';
import {
  checkRouteDecision,
  type Route,
  routeEndsInvolvement,
} from '../../domain/front-door/route-decision.ts';
import { canWorkQueue, reportScope } from '../../domain/report-access.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import { auditActor, type RequestContext, readerOf, requireActor } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { findVisibleReportIds } from './store.ts';

/** Veilig Thuis staff of the organisation serving the report's municipality; authorship alone gives no right to assess. */
export function requireQueueWorker(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const reader = readerOf(actor);
  if (!canWorkQueue(reader)) throw new AppError('forbidden');
  const scope = { ...reportScope(reader), creatorUserId: null, breakGlassUserId: null };
  return { actor, scope };
}

export interface AssessmentInput {
  acuteUnsafety: boolean;
  structuralUnsafety: boolean;
  route: Route;
  reason: string;
}

/** Records the veiligheidsbeoordeling with its reasoned route; starts the investigation clocks. */
export async function assessReport(deps: Deps, ctx: RequestContext, id: string, input: AssessmentInput) {
  const { actor, scope } = requireQueueWorker(ctx);
  const now = deps.now();
  // Visibility first: a report the worker cannot see answers 404 whatever the input.
  if (!(await findVisibleReportIds(deps.db, scope, [id], now)).has(id)) throw new AppError('not_found');
  const decision = checkRouteDecision(input);
  if (!decision.ok) {
    const path = decision.refusal === 'reason_required' ? 'body.reason' : 'body.route';
    throw new AppError('validation_failed', [{ path, message: FIELD_MESSAGES[decision.refusal] }]);
  }
  const investigation = input.route === 'investigation' ? computeInvestigationDeadlines(now) : null;
  return deps.db.transaction().execute(async (trx) => {
    if (!(await findVisibleReportIds(trx, scope, [id], now)).has(id)) throw new AppError('not_found');
    const updated = await trx
      .updateTable('report')
      .set({
        status: 'assessed',
        assessed_at: now,
        assessed_by_user_id: actor.user.id,
        acute_unsafety: input.acuteUnsafety,
        structural_unsafety: input.structuralUnsafety,
        route: input.route,
        route_reason: input.reason,
        investigation_start_by: investigation?.startBy ?? null,
        investigation_conclude_by: investigation?.concludeBy ?? null,
        involvement_ended_at: routeEndsInvolvement(input.route) ? now : null,
      })
      .where('id', '=', id)
      .where('status', '=', 'received')
      .returning(['assessment_due_at'])
      .executeTakeFirst();
    if (!updated)
      throw new AppError('conflict', [{ path: 'params.id', message: FIELD_MESSAGES.already_assessed }]);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.assess',
      recordType: 'report',
      recordId: id,
      purpose: 'veilig_thuis',
      details: { route: input.route, acute: input.acuteUnsafety, structural: input.structuralUnsafety },
    });
    return {
      status: 'assessed',
      assessedAt: now.toISOString(),
      onTime: now.getTime() <= updated.assessment_due_at.getTime(),
      route: input.route,
      investigationStartBy: investigation?.startBy.toISOString() ?? null,
      investigationConcludeBy: investigation?.concludeBy.toISOString() ?? null,
    };
  });
}

/** Per month: the share of safety assessments done within the term, against the 90% norm. No personal data. */
export async function getQueueFigures(deps: Deps, ctx: RequestContext) {
  const { scope } = requireQueueWorker(ctx);
  const organisationId = scope.veiligThuisOrganisationId ?? '';
  const rows = await deps.db
    .selectFrom('report')
    .select(['received_at', 'assessed_at'])
    .where(
      'municipality_code',
      'in',
      deps.db
        .selectFrom('organisation_municipality')
        .select('cbs_code')
        .where('organisation_id', '=', organisationId),
    )
    .execute();
  return computeAssessmentNormShares(
    rows.map((r) => ({ receivedAt: r.received_at, assessedAt: r.assessed_at })),
    deps.now(),
  );
}

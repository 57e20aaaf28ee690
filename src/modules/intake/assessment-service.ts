import {
  computeAssessmentNormShares,
  computeInvestigationDeadlines,
  computeInvestigationNormShares,
} from '../../domain/front-door/deadlines.ts';
import type { InvestigationOutcome } from '../../domain/front-door/investigation-outcome.ts';
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
import { openCaseFromReport } from '../cases/open-case-service.ts';
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
  const assessed = await deps.db.transaction().execute(async (trx) => {
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
  // A handover or follow-up creates or joins the household case (never a second one). It runs
  // after the assessment has committed: if it fails, the assessment stands and Veilig Thuis opens
  // the case from the report page.
  if (!ROUTES_INTO_CASEWORK.has(input.route)) return { ...assessed, case: null };
  const report = await deps.db
    .selectFrom('report')
    .leftJoin('organisation', 'organisation.id', 'report.created_by_organisation_id')
    .select(['report.created_by_user_id', 'organisation.type as author_organisation_type'])
    .where('report.id', '=', id)
    .executeTakeFirstOrThrow();
  const localAuthor =
    report.created_by_user_id !== null &&
    (report.author_organisation_type === 'local_team' || report.author_organisation_type === 'municipality');
  const opened = await openCaseFromReport(deps, ctx, {
    reportId: id,
    ...(localAuthor && report.created_by_user_id ? { coordinatorUserId: report.created_by_user_id } : {}),
  });
  return { ...assessed, case: opened };
}

/** Routes after which the household is worked with as one case (handover, follow-up, multi-agency table). */
const ROUTES_INTO_CASEWORK: ReadonlySet<Route> = new Set([
  'handover_local_team',
  'conditions_and_follow_up',
  'multi_agency_table',
]);

/** Records the conclusion of Veilig Thuis' own investigation; it ends the 10-week clock. */
export async function concludeInvestigation(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { outcome: InvestigationOutcome; conclusion: string },
) {
  const { scope } = requireQueueWorker(ctx);
  const now = deps.now();
  if (!(await findVisibleReportIds(deps.db, scope, [id], now)).has(id)) throw new AppError('not_found');
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('report')
      .set({
        investigation_concluded_at: now,
        investigation_outcome: input.outcome,
        investigation_conclusion: input.conclusion,
      })
      .where('id', '=', id)
      .where('route', '=', 'investigation')
      .where('investigation_concluded_at', 'is', null)
      .returning(['investigation_conclude_by'])
      .executeTakeFirst();
    if (!updated)
      throw new AppError('conflict', [{ path: 'params.id', message: FIELD_MESSAGES.no_investigation }]);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.investigation.conclude',
      recordType: 'report',
      recordId: id,
      purpose: 'veilig_thuis',
      details: { outcome: input.outcome },
    });
    const due = updated.investigation_conclude_by;
    return {
      concludedAt: now.toISOString(),
      outcome: input.outcome,
      onTime: due !== null && now.getTime() <= due.getTime(),
    };
  });
}

async function figureRows(deps: Deps, ctx: RequestContext) {
  const { scope } = requireQueueWorker(ctx);
  const organisationId = scope.veiligThuisOrganisationId ?? '';
  return deps.db
    .selectFrom('report')
    .select(['received_at', 'assessed_at', 'route', 'investigation_concluded_at'])
    .where(
      'municipality_code',
      'in',
      deps.db
        .selectFrom('organisation_municipality')
        .select('cbs_code')
        .where('organisation_id', '=', organisationId),
    )
    .execute();
}

/** Per month: the share of safety assessments within 5 working days against the 90% norm. No personal data. */
export async function getQueueFigures(deps: Deps, ctx: RequestContext) {
  const rows = await figureRows(deps, ctx);
  return computeAssessmentNormShares(
    rows.map((r) => ({ receivedAt: r.received_at, assessedAt: r.assessed_at })),
    deps.now(),
  );
}

/** Per month of the decision: the share of investigations concluded within 10 weeks against the 80% norm. */
export async function getInvestigationFigures(deps: Deps, ctx: RequestContext) {
  const rows = await figureRows(deps, ctx);
  return computeInvestigationNormShares(
    rows.flatMap((r) =>
      r.route === 'investigation' && r.assessed_at
        ? [{ decidedAt: r.assessed_at, concludedAt: r.investigation_concluded_at }]
        : [],
    ),
    deps.now(),
  );
}

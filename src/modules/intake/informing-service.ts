import { computeInformingDeadline, INFORMING_EXTENSION_MAX_DAYS } from '../../domain/front-door/deadlines.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { requireQueueWorker } from './assessment-service.ts';
import { findVisibleReportIds } from './store.ts';

type Db = Deps['db'];

/** The informing status of a report: who was told when, and the (extended) deadline for the household. */
export async function loadInforming(db: Db, reportId: string) {
  const report = await db
    .selectFrom('report')
    .select(['received_at', 'reporter_informed_at', 'household_informed_at'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  const extensions = await db
    .selectFrom('report_informing_extension')
    .select(['days', 'reason', 'granted_at'])
    .where('report_id', '=', reportId)
    .orderBy('granted_at')
    .execute();
  const deadline = computeInformingDeadline(
    report.received_at,
    extensions.map((e) => ({ days: e.days, reason: e.reason, grantedAt: e.granted_at })),
  );
  return {
    reporterInformedAt: report.reporter_informed_at?.toISOString() ?? null,
    householdInformedAt: report.household_informed_at?.toISOString() ?? null,
    householdDueAt: deadline.ok ? deadline.dueAt.toISOString() : null,
    extensions: extensions.map((e) => ({
      days: e.days,
      reason: e.reason,
      grantedAt: e.granted_at.toISOString(),
    })),
  };
}

async function requireVisible(deps: Deps, ctx: RequestContext, id: string) {
  const { scope } = requireQueueWorker(ctx);
  if (!(await findVisibleReportIds(deps.db, scope, [id], deps.now())).has(id))
    throw new AppError('not_found');
}

export async function getInforming(deps: Deps, ctx: RequestContext, id: string) {
  await requireVisible(deps, ctx, id);
  return loadInforming(deps.db, id);
}

/** Veilig Thuis records that the reporter or the household has been informed (the letter was sent). */
export async function markInformed(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  recipient: 'reporter' | 'household',
) {
  await requireVisible(deps, ctx, id);
  await deps.db.transaction().execute(async (trx) => {
    const column = recipient === 'reporter' ? 'reporter_informed_at' : 'household_informed_at';
    await trx
      .updateTable('report')
      .set({ [column]: deps.now() })
      .where('id', '=', id)
      .where(column, 'is', null)
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.informed',
      recordType: 'report',
      recordId: id,
      details: { recipient },
    });
  });
  return loadInforming(deps.db, id);
}

/** Extends the term to inform the household by two weeks, with a reason, before it has passed. */
export async function extendInforming(deps: Deps, ctx: RequestContext, id: string, reason: string) {
  await requireVisible(deps, ctx, id);
  const { actor } = requireQueueWorker(ctx);
  const now = deps.now();
  const current = await loadInforming(deps.db, id);
  if (current.householdDueAt === null || new Date(current.householdDueAt).getTime() < now.getTime()) {
    throw new AppError('validation_failed', [
      { path: 'body.reason', message: FIELD_MESSAGES.extension_after_deadline },
    ]);
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_informing_extension')
      .values({
        report_id: id,
        days: INFORMING_EXTENSION_MAX_DAYS,
        reason,
        granted_at: now,
        granted_by_user_id: actor.user.id,
      })
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.informing.extend',
      recordType: 'report',
      recordId: id,
    });
  });
  return loadInforming(deps.db, id);
}

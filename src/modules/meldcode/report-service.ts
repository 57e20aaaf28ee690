import { canReportFromRecord } from '../../domain/front-door/meldcode-outcome.ts';
import type { ViolenceKind } from '../../domain/violence-kind.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import type { PERSON_ROLES, ReportInput } from '../intake/schemas.ts';
import { createReport } from '../intake/service.ts';
import { MELDCODE_MESSAGES } from './messages.ts';
import { authorizeRecord, fieldError, RECORD_TYPE, requireMeldcodeUser } from './service.ts';
import { loadRecord } from './store.ts';

/** The report to Veilig Thuis as the record fills it in: persons, kinds of violence, acute, the signals. */
export function reportInputFromRecord(
  record: NonNullable<Awaited<ReturnType<typeof loadRecord>>>['record'],
): ReportInput {
  return {
    municipalityCode: record.municipality_code,
    persons: record.persons.map((p) => ({
      fullName: p.fullName,
      dateOfBirth: p.dateOfBirth,
      role: p.role as (typeof PERSON_ROLES)[number],
    })),
    violenceKinds: record.violence_kinds as ViolenceKind[],
    acute: record.outcome_acute === true,
    description: record.signals ?? '',
    notes: [],
  };
}

/**
 * "Melding doen": step 5 ended in a report, so the professional reports to Veilig Thuis. The
 * report goes through the intake service (its own transaction, deadline and audit event); the
 * record is then linked to it and its steps are fixed.
 */
export async function reportFromRecord(deps: Deps, ctx: RequestContext, id: string) {
  const { actor, reader } = requireMeldcodeUser(ctx);
  await authorizeRecord(deps, ctx, reader, id, 'meldcode.report');
  const loaded = await loadRecord(deps.db, id);
  if (!loaded) throw new AppError('not_found');
  const { record } = loaded;
  if (record.created_by_user_id !== actor.user.id) throw new AppError('forbidden');
  if (!canReportFromRecord({ outcome: record.outcome, reportId: record.report_id }))
    throw new AppError('conflict', [{ path: 'params.id', message: MELDCODE_MESSAGES.report_not_possible }]);
  if (record.signals === null) throw fieldError('params.id', 'steps_missing');
  const created = await createReport(deps, ctx, reportInputFromRecord(record));
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const linked = await trx
      .updateTable('meldcode_record')
      .set({ report_id: created.id, reported_at: now, updated_at: now })
      .where('id', '=', id)
      .where('report_id', 'is', null)
      .executeTakeFirst();
    if (Number(linked.numUpdatedRows) === 0)
      throw new AppError('conflict', [{ path: 'params.id', message: MELDCODE_MESSAGES.report_not_possible }]);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'meldcode.report',
      recordType: RECORD_TYPE,
      recordId: id,
      purpose: 'meldcode',
      details: { reportId: created.id },
    });
  });
  return { reportId: created.id, reference: created.reference };
}

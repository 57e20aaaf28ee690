import { canWorkQueue } from '../../domain/report-access.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import { auditActor, type RequestContext, readerOf, requireRole } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { type BatchProblem, parsePoliceBatch } from './police-batch.ts';
import { insertReport } from './report-writer.ts';
import { findIntakeRoute } from './store.ts';

/**
 * Imports a batch of police reports in one transaction: valid reports are written whole, invalid
 * ones are listed with their reasons, and a failure half-way writes nothing at all. A report
 * imported before (same police reference) is not imported twice.
 */
export async function importPoliceBatch(
  deps: Deps,
  ctx: RequestContext,
  input: { format: 'csv' | 'json'; content: string },
) {
  // Police professionals send their reports; Veilig Thuis intake may load a batch it received.
  const actor = requireRole(ctx, 'professional', 'coordinator', 'team_lead', 'vt_intake');
  if (actor.organisation.type !== 'police' && !canWorkQueue(readerOf(actor))) throw new AppError('forbidden');
  const parsed = parsePoliceBatch(input.format, input.content);
  if (parsed.fileProblems.length > 0) {
    throw new AppError(
      'validation_failed',
      parsed.fileProblems.map((p) => ({ path: `body.content ${p.location}`, message: p.message })),
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const imported: { externalRef: string; lines: number[]; id: string; reference: string }[] = [];
    const rejected = [...parsed.rejected];
    for (const item of parsed.valid) {
      const problems: BatchProblem[] = [];
      const route = await findIntakeRoute(trx, item.input.municipalityCode);
      if (!route)
        problems.push({
          location: `${item.externalRef}, municipality_code`,
          message: FIELD_MESSAGES.no_veilig_thuis,
        });
      const earlier = await trx
        .selectFrom('report')
        .select('id')
        .where('source', '=', 'police_batch')
        .where('external_ref', '=', item.externalRef)
        .executeTakeFirst();
      if (earlier)
        problems.push({
          location: `${item.externalRef}, report_ref`,
          message: FIELD_MESSAGES.already_imported,
        });
      if (!route || problems.length > 0) {
        rejected.push({ externalRef: item.externalRef, lines: item.lines, problems });
        continue;
      }
      const written = await insertReport(trx, deps, ctx, actor, item.input, {
        regionId: route.region_id,
        source: 'police_batch',
        externalRef: item.externalRef,
      });
      imported.push({
        externalRef: item.externalRef,
        lines: item.lines,
        id: written.id,
        reference: written.reference,
      });
    }
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.import',
      recordType: 'report',
      purpose: 'intake',
      details: { format: input.format, imported: imported.map((i) => i.id), rejected: rejected.length },
    });
    return { imported, rejected };
  });
}

import { DateTime } from 'luxon';
import { checkReportPeriod } from '../../domain/insight/report-period.ts';
import { AppError, ERROR_MESSAGES } from '../../errors/app-error.ts';
import { auditActor, type RequestContext, requireActor } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { FIGURES_MESSAGES } from './figures-messages.ts';
import { insightAudienceOf, insightReaderOf } from './insight-reader.ts';
import type { ReportDocument, ReportKind } from './report-document.ts';
import { renderReport } from './report-files/render-report.ts';
import { CONTENT_TYPES, type Language, type ReportFormat } from './report-files/report-layout.ts';
import {
  countUnfinishedRuns,
  failRun,
  failStaleRuns,
  findOwnReportRun,
  finishRun,
  insertReportRun,
  listOwnReportRuns,
  readOwnReportFile,
  setRunProgress,
} from './report-run-store.ts';

/**
 * Report runs (issue 5 §4): a requested baseline, quarterly report or yearly measurement as PDF,
 * XLSX or CSV, made in the background with its progress recorded, then downloaded. The document
 * comes from the indicator service (buildInsightReport: same reader rules and disclosure gate as
 * the dashboard); this service only schedules, renders and hands out the file. A run is visible to
 * the user who requested it and to nobody else.
 */

export interface ReportRequest {
  kind: ReportKind;
  from: string;
  to: string;
  municipalityCode?: string;
}

export type ReportBuilder = (
  deps: Deps,
  ctx: RequestContext,
  request: ReportRequest,
) => Promise<ReportDocument>;

export interface ReportRunInput extends ReportRequest {
  format: ReportFormat;
  /** Language of the file; defaults to the request's language. */
  language?: Language;
}

/** Schedules a run; implemented by report-runner.ts. */
export interface ReportScheduler {
  enqueue(ctx: RequestContext, runId: string): void;
}

/** A run that has not moved for this long lost the process that made it. */
export const STALE_AFTER_MS = 10 * 60 * 1000;
const MAX_UNFINISHED_PER_USER = 3;

type RunRow = Awaited<ReturnType<typeof findOwnReportRun>> & {};

export function viewRun(run: RunRow) {
  return {
    id: run.id,
    kind: run.kind,
    from: run.period_from,
    to: run.period_to,
    municipalityCode: run.municipality_code,
    language: run.language,
    format: run.format,
    status: run.status,
    progress: run.progress,
    fileName: run.file_name,
    failure: run.failure,
    createdAt: new Date(run.created_at).toISOString(),
    finishedAt: run.finished_at === null ? null : new Date(run.finished_at).toISOString(),
  };
}

/** The same readers as the dashboard: policy advisors, and team leads of Veilig Thuis. */
function requireReportReader(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (insightAudienceOf(actor) === null) throw new AppError('forbidden');
  return actor;
}

export async function requestReportRun(
  deps: Deps,
  ctx: RequestContext,
  input: ReportRunInput,
  scheduler: ReportScheduler,
) {
  requireReportReader(ctx);
  const reader = await insightReaderOf(deps, ctx);
  const today = DateTime.fromJSDate(deps.now(), { zone: 'Europe/Amsterdam' }).toISODate() ?? '';
  const problems = checkReportPeriod(input.kind, input.from, input.to, today);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
    );
  if (input.municipalityCode !== undefined && !reader.visible.some((m) => m.code === input.municipalityCode))
    throw new AppError('validation_failed', [
      { path: 'body.municipalityCode', message: FIGURES_MESSAGES.municipality_not_in_region },
    ]);
  if ((await countUnfinishedRuns(deps.db, reader.actor.user.id)) >= MAX_UNFINISHED_PER_USER)
    throw new AppError('rate_limited', [{ path: 'body', message: FIGURES_MESSAGES.too_many_runs }]);
  const run = await deps.db.transaction().execute(async (trx) => {
    const created = await insertReportRun(trx, {
      kind: input.kind,
      from: input.from,
      to: input.to,
      municipalityCode: input.municipalityCode ?? null,
      language: input.language ?? ctx.language,
      format: input.format,
      regionId: reader.region.id,
      userId: reader.actor.user.id,
      organisationId: reader.actor.organisation.id,
      now: deps.now(),
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'insight.report.request',
      recordType: 'insight_report_run',
      recordId: created.id,
      purpose: reader.audience === 'policy_advisor' ? 'policy' : 'management',
      details: {
        kind: input.kind,
        from: input.from,
        to: input.to,
        municipality: input.municipalityCode ?? null,
        format: input.format,
      },
    });
    return created;
  });
  scheduler.enqueue(ctx, run.id);
  return viewRun(run);
}

async function ownRun(deps: Deps, ctx: RequestContext, id: string) {
  const actor = requireReportReader(ctx);
  const now = deps.now();
  await failStaleRuns(
    deps.db,
    actor.user.id,
    new Date(now.getTime() - STALE_AFTER_MS),
    FIGURES_MESSAGES.report_interrupted,
    now,
  );
  const run = await findOwnReportRun(deps.db, actor.user.id, id);
  if (!run) throw new AppError('not_found');
  return run;
}

export async function getReportRun(deps: Deps, ctx: RequestContext, id: string) {
  return viewRun(await ownRun(deps, ctx, id));
}

export async function listReportRuns(deps: Deps, ctx: RequestContext) {
  const actor = requireReportReader(ctx);
  const now = deps.now();
  await failStaleRuns(
    deps.db,
    actor.user.id,
    new Date(now.getTime() - STALE_AFTER_MS),
    FIGURES_MESSAGES.report_interrupted,
    now,
  );
  return (await listOwnReportRuns(deps.db, actor.user.id, 20)).map(viewRun);
}

export async function getReportFile(deps: Deps, ctx: RequestContext, id: string) {
  const actor = requireReportReader(ctx);
  const file = await readOwnReportFile(deps.db, actor.user.id, id);
  if (!file) throw new AppError('not_found');
  if (file.status !== 'done' || file.file_bytes === null || file.file_name === null)
    throw new AppError('bad_request', [{ path: 'params.id', message: FIGURES_MESSAGES.report_not_ready }]);
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'insight.report.download',
      recordType: 'insight_report_run',
      recordId: id,
      purpose: 'policy',
      details: { format: file.format, kind: file.kind },
    }),
  );
  const bytes = file.file_bytes;
  return {
    fileName: file.file_name,
    contentType: CONTENT_TYPES[file.format],
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/**
 * Makes the file of one run: build the document (to 50%), render it section by section (to 95%),
 * store it (100%). Any failure marks the run failed with a message fit for the user.
 */
export async function executeReportRun(deps: Deps, ctx: RequestContext, runId: string, build: ReportBuilder) {
  const actor = requireActor(ctx);
  const run = await findOwnReportRun(deps.db, actor.user.id, runId);
  if (!run || run.status !== 'queued') return;
  try {
    await setRunProgress(deps.db, runId, 'running', 5, deps.now());
    const doc = await build(deps, ctx, {
      kind: run.kind,
      from: run.period_from,
      to: run.period_to,
      ...(run.municipality_code === null ? {} : { municipalityCode: run.municipality_code }),
    });
    await setRunProgress(deps.db, runId, 'running', 50, deps.now());
    const file = await renderReport(doc, run.language, run.format, (done, total) =>
      setRunProgress(deps.db, runId, 'running', 50 + (45 * done) / total, deps.now()),
    );
    await finishRun(deps.db, runId, { name: file.fileName, bytes: file.bytes }, deps.now());
  } catch (error) {
    const failure =
      error instanceof AppError
        ? (error.details[0]?.message ?? {
            nl: ERROR_MESSAGES[error.code].nl,
            en: ERROR_MESSAGES[error.code].en,
          })
        : FIGURES_MESSAGES.report_failed;
    await failRun(deps.db, runId, failure, deps.now());
    if (!(error instanceof AppError)) throw error;
  }
}

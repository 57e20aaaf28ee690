import { findIndicator, indicatorsFor } from '../../domain/insight/catalogue.ts';
import { type QuarterKey, quartersBetween } from '../../domain/insight/quarters.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext, requireRole } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { INSIGHT_MESSAGES } from './insight-messages.ts';
import { auditInsightRead, type InsightReader, insightReaderOf } from './insight-reader.ts';
import { computeSections } from './insight-sections.ts';
import type { DashboardQuery, ReferenceFigureInput } from './schemas.ts';
import { listReferenceFigures as listFigures, saveReferenceFigure as saveFigure } from './store.ts';

/** The longest period a dashboard shows (ten years of quarters). */
export const MAX_DASHBOARD_QUARTERS = 40;

/** The catalogue as the reader may use it: definitions, versions, sources, and what is not there yet. */
export async function getCatalogue(deps: Deps, ctx: RequestContext) {
  const reader = await insightReaderOf(deps, ctx);
  return { audience: reader.audience, indicators: indicatorsFor(reader.audience) };
}

/** Quarters and municipality rows of a selection, refused with a field message when out of scope. */
export function resolveSelection(
  reader: InsightReader,
  input: { from: string; to: string; municipality?: string | undefined; subregion?: string | undefined },
  path: 'querystring' | 'body',
): { quarters: QuarterKey[]; rows: string[] } {
  const quarters = quartersBetween(input.from, input.to);
  if (quarters.length === 0)
    throw new AppError('validation_failed', [
      { path: `${path}.from`, message: INSIGHT_MESSAGES.period_order },
    ]);
  if (quarters.length > MAX_DASHBOARD_QUARTERS)
    throw new AppError('validation_failed', [
      { path: `${path}.to`, message: INSIGHT_MESSAGES.period_too_long },
    ]);
  let rows = reader.visible;
  if (input.subregion !== undefined) {
    rows = rows.filter((m) => m.subregion === input.subregion);
    if (rows.length === 0)
      throw new AppError('validation_failed', [
        { path: `${path}.subregion`, message: INSIGHT_MESSAGES.unknown_subregion },
      ]);
  }
  if (input.municipality !== undefined) {
    rows = rows.filter((m) => m.code === input.municipality);
    if (rows.length === 0)
      throw new AppError('validation_failed', [
        { path: `${path}.municipality`, message: INSIGHT_MESSAGES.unknown_municipality },
      ]);
  }
  return { quarters, rows: rows.map((m) => m.code) };
}

export async function getDashboard(deps: Deps, ctx: RequestContext, query: DashboardQuery) {
  const reader = await insightReaderOf(deps, ctx);
  const selection = resolveSelection(reader, query, 'querystring');
  const indicators = indicatorsFor(reader.audience);
  const sections = await computeSections(
    deps.db,
    reader.gate,
    reader.scope,
    selection,
    indicators,
    deps.now(),
  );
  const references = await listFigures(deps.db, reader.region.id);
  await auditInsightRead(deps, ctx, reader, 'insight.dashboard.read', {
    from: query.from,
    to: query.to,
    municipality: query.municipality ?? null,
    subregion: query.subregion ?? null,
    indicators: sections.map((s) => s.indicator),
  });
  return {
    region: { name: reader.region.name },
    audience: reader.audience,
    filters: {
      from: query.from,
      to: query.to,
      municipality: query.municipality ?? null,
      subregion: query.subregion ?? null,
    },
    municipalities: reader.visible.map((m) => ({ code: m.code, name: m.name, subregion: m.subregion })),
    subregions: [...new Set(reader.visible.flatMap((m) => (m.subregion ? [m.subregion] : [])))].sort(),
    quarters: selection.quarters,
    disclosure: {
      threshold: reader.gate.settings.threshold,
      rounding: reader.gate.settings.roundingBase,
    },
    sections,
    references: references
      .filter((r) => indicators.some((i) => i.code === r.indicator))
      .map(toReferenceFigure),
  };
}

function toReferenceFigure(r: Awaited<ReturnType<typeof listFigures>>[number]) {
  return {
    id: r.id,
    indicator: r.indicator,
    year: r.year,
    value: r.value,
    source: r.source,
    sourceDate: r.source_date,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at.toISOString(),
  };
}

export async function listReferenceFigures(deps: Deps, ctx: RequestContext) {
  const reader = await insightReaderOf(deps, ctx);
  return (await listFigures(deps.db, reader.region.id)).map(toReferenceFigure);
}

/**
 * The policy advisor enters a national figure to compare with (e.g. the re-report rate of 38% in
 * 2022), with its source and the date of that source. Entering the same indicator and year again
 * replaces it; the audit event keeps the earlier value.
 */
export async function saveReferenceFigure(deps: Deps, ctx: RequestContext, input: ReferenceFigureInput) {
  requireRole(ctx, 'policy_advisor');
  const reader = await insightReaderOf(deps, ctx);
  const definition = findIndicator(input.indicator);
  if (!definition || definition.availability.status !== 'available')
    throw new AppError('validation_failed', [
      { path: 'body.indicator', message: INSIGHT_MESSAGES.unknown_indicator },
    ]);
  if (definition.unit === 'percent' && input.value > 100)
    throw new AppError('validation_failed', [
      { path: 'body.value', message: INSIGHT_MESSAGES.percent_range },
    ]);
  const now = deps.now();
  if (input.sourceDate > now.toISOString().slice(0, 10))
    throw new AppError('validation_failed', [
      { path: 'body.sourceDate', message: INSIGHT_MESSAGES.source_date_future },
    ]);
  const saved = await deps.db.transaction().execute(async (trx) => {
    const result = await saveFigure(trx, {
      regionId: reader.region.id,
      indicator: input.indicator,
      year: input.year,
      value: input.value,
      source: input.source,
      sourceDate: input.sourceDate,
      enteredByUserId: reader.actor.user.id,
      enteredAt: now,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'insight.reference_figure.save',
      recordType: 'insight_reference_figure',
      recordId: result.id,
      purpose: 'policy',
      details: {
        indicator: input.indicator,
        year: input.year,
        value: input.value,
        previous: result.previous,
      },
    });
    return result;
  });
  const figure = (await listFigures(deps.db, reader.region.id)).find((f) => f.id === saved.id);
  if (!figure) throw new AppError('internal');
  return { figure: toReferenceFigure(figure), replaced: saved.previous !== null };
}

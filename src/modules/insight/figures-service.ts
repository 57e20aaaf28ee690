import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  computeYearOnYearChanges,
  FIGURE_FORMATS,
  FIGURE_KINDS,
  type FigureFormat,
  type FigureKind,
  type FigureProblem,
  type KnownMunicipality,
  POLICE_MEASURES,
  parseOutsideFigures,
  sumByYear,
} from '../../domain/insight/outside-figures.ts';
import { AppError } from '../../errors/app-error.ts';
import { plainText } from '../../validation/text.ts';
import { auditActor, type RequestContext, requireRole } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { FIGURES_MESSAGES } from './figures-messages.ts';
import {
  listKnownMunicipalities,
  listPoliceFigures,
  listPopulation,
  listRegionMunicipalityCodes,
  upsertPoliceFigures,
  upsertPopulation,
} from './figures-store.ts';

/**
 * Outside figures (issue 5 §5): import of police and population figures per municipality per year,
 * and the figures of one's own region with their year-on-year changes. These are figures other
 * bodies publish; no person is in them.
 */

/** Policy advisors and functional admins of the region import and read outside figures. */
export const FIGURES_ROLES = ['policy_advisor', 'functional_admin'] as const;

export interface FiguresImportInput {
  kind: FigureKind;
  format: FigureFormat;
  content: string;
  /** The publication, e.g. "Politie, Regionaal Actieplan GHNT ZaWa 2020-2021, Bijlage 1". */
  source: string;
  /** ISO date the source was published. */
  sourceDate: string;
}

export type FiguresImportResult =
  | {
      outcome: 'imported';
      kind: FigureKind;
      figures: number;
      replaced: number;
      municipalities: number;
      years: { from: number; to: number };
    }
  | { outcome: 'rejected'; kind: FigureKind; problems: FigureProblem[] };

interface Importer {
  userId: string | null;
  organisationId: string | null;
  requestId: string | null;
  via: 'api' | 'cli';
}

async function importWith(
  deps: Deps,
  municipalities: KnownMunicipality[],
  input: FiguresImportInput,
  importer: Importer,
): Promise<FiguresImportResult> {
  const now = deps.now();
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' });
  if (input.sourceDate > (today.toISODate() ?? ''))
    throw new AppError('validation_failed', [
      { path: 'body.sourceDate', message: FIGURES_MESSAGES.source_date_in_future },
    ]);
  const parsed = parseOutsideFigures({
    kind: input.kind,
    format: input.format,
    content: input.content,
    municipalities,
    currentYear: today.year,
  });
  if (!parsed.ok) return { outcome: 'rejected', kind: input.kind, problems: parsed.problems };
  const provenance = {
    sourceText: input.source,
    sourceDate: input.sourceDate,
    importedByUserId: importer.userId,
    importedAt: now,
  };
  const figures: { municipalityCode: string; year: number }[] = parsed.figures;
  return deps.db.transaction().execute(async (trx) => {
    const { replaced } =
      parsed.kind === 'police'
        ? await upsertPoliceFigures(trx, parsed.figures, provenance)
        : await upsertPopulation(trx, parsed.figures, provenance);
    const years = figures.map((f) => f.year);
    const result = {
      outcome: 'imported' as const,
      kind: input.kind,
      figures: figures.length,
      replaced,
      municipalities: new Set(figures.map((f) => f.municipalityCode)).size,
      years: { from: Math.min(...years), to: Math.max(...years) },
    };
    await appendAuditEvent(trx, {
      actorUserId: importer.userId,
      actorOrganisationId: importer.organisationId,
      requestId: importer.requestId,
      action: 'insight.figures.import',
      recordType: 'outside_figure',
      purpose: 'insight',
      details: {
        kind: input.kind,
        via: importer.via,
        figures: result.figures,
        replaced,
        source: input.source,
        sourceDate: input.sourceDate,
      },
    });
    return result;
  });
}

/** Import through the API: only figures for municipalities of the importer's own region. */
export async function importOutsideFigures(
  deps: Deps,
  ctx: RequestContext,
  input: FiguresImportInput,
): Promise<FiguresImportResult> {
  const actor = requireRole(ctx, ...FIGURES_ROLES);
  const known = await listKnownMunicipalities(deps.db, actor.organisation.regionId);
  return importWith(
    deps,
    known.map((m) => ({ code: m.code, name: m.name, writable: m.inRegion })),
    input,
    { ...auditActor(ctx), userId: actor.user.id, organisationId: actor.organisation.id, via: 'api' },
  );
}

/** What the operator passes to `kring import figures` besides the file; the API checks the same. */
export const figuresImportOptions = z.object({
  kind: z.enum(FIGURE_KINDS),
  source: plainText(300),
  sourceDate: z.iso.date(),
  format: z.enum(FIGURE_FORMATS).optional(),
});

/** Import by the operator (`kring import figures`): any municipality Kring knows. */
export async function importOutsideFiguresFile(
  deps: Deps,
  file: string,
  input: z.infer<typeof figuresImportOptions>,
): Promise<FiguresImportResult> {
  const content = await readFile(file, 'utf8');
  const format: FigureFormat = input.format ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  const known = await listKnownMunicipalities(deps.db, null);
  return importWith(
    deps,
    known.map((m) => ({ code: m.code, name: m.name, writable: true })),
    { kind: input.kind, source: input.source, sourceDate: input.sourceDate, format, content },
    { userId: null, organisationId: null, requestId: null, via: 'cli' },
  );
}

export interface FigurePoint {
  year: number;
  value: number;
  previous: number | null;
  /** Percentage change from the year before; null without that year or from zero. */
  change: number | null;
  sourceText: string;
  sourceDate: string | null;
  importedAt: string | null;
}

export interface FigureSeries {
  municipalityCode: string;
  municipalityName: string;
  measure: string;
  points: FigurePoint[];
}

export interface TotalPoint {
  year: number;
  value: number;
  municipalities: number;
  /** Whether every municipality with figures reports this year (only then is a total comparable). */
  complete: boolean;
  change: number | null;
}

export interface FiguresOverview {
  kind: FigureKind;
  municipalities: { code: string; name: string }[];
  series: FigureSeries[];
  totals: { measure: string; points: TotalPoint[] }[];
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

/** The outside figures of the reader's region, per municipality and in total, with year-on-year changes. */
export async function getOutsideFigures(
  deps: Deps,
  ctx: RequestContext,
  kind: FigureKind,
): Promise<FiguresOverview> {
  const actor = requireRole(ctx, ...FIGURES_ROLES);
  const municipalities = await listRegionMunicipalityCodes(deps.db, actor.organisation.regionId);
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const codes = municipalities.map((m) => m.code);
  const rows =
    kind === 'police'
      ? (await listPoliceFigures(deps.db, codes)).map((r) => ({
          measure: r.measure,
          code: r.municipality_code,
          year: r.year,
          value: r.value,
          sourceText: r.source_text,
          sourceDate: r.source_date,
          importedAt: iso(r.imported_at),
        }))
      : (await listPopulation(deps.db, codes)).map((r) => ({
          measure: 'inhabitants',
          code: r.cbs_code,
          year: r.year,
          value: r.inhabitants,
          sourceText: r.source,
          sourceDate: r.source_date,
          importedAt: iso(r.imported_at),
        }));
  const measures = kind === 'police' ? [...POLICE_MEASURES] : ['inhabitants'];
  const series: FigureSeries[] = [];
  const totals: FiguresOverview['totals'] = [];
  for (const measure of measures) {
    const ofMeasure = rows.filter((r) => r.measure === measure);
    for (const code of codes) {
      const own = ofMeasure.filter((r) => r.code === code);
      if (own.length === 0) continue;
      const changes = computeYearOnYearChanges(own);
      series.push({
        municipalityCode: code,
        municipalityName: names.get(code) ?? code,
        measure,
        points: changes.map((c) => {
          const row = own.find((r) => r.year === c.year);
          return {
            year: c.year,
            value: c.value,
            previous: c.previous,
            change: c.change ?? null,
            sourceText: row?.sourceText ?? '',
            sourceDate: row?.sourceDate ?? null,
            importedAt: row?.importedAt ?? null,
          };
        }),
      });
    }
    if (ofMeasure.length === 0) continue;
    const summed = sumByYear(
      ofMeasure.map((r) => ({ municipalityCode: r.code, year: r.year, value: r.value })),
    );
    const comparable = new Set(summed.comparableYears);
    // A change between totals is only meaningful when the same municipalities are in both years.
    const changes = computeYearOnYearChanges(summed.totals.filter((t) => comparable.has(t.year)));
    totals.push({
      measure,
      points: summed.totals.map((t) => ({
        year: t.year,
        value: t.value,
        municipalities: t.municipalities,
        complete: comparable.has(t.year),
        change: changes.find((c) => c.year === t.year)?.change ?? null,
      })),
    });
  }
  return { kind, municipalities, series, totals };
}

/** Guards a municipality filter: it must lie in the reader's region. Missing and foreign look alike. */
export async function assertRegionMunicipality(deps: Deps, regionId: number, code: string, path: string) {
  const codes = await listRegionMunicipalityCodes(deps.db, regionId);
  if (!codes.some((m) => m.code === code))
    throw new AppError('validation_failed', [{ path, message: FIGURES_MESSAGES.municipality_not_in_region }]);
}

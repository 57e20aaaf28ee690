import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IndicatorDefinition } from '../../domain/insight/catalogue.ts';
import type { ProtectedTable, PublishedCell } from '../../domain/insight/disclosure.ts';
import { type ShareOutcome, shareColumn, toCountTable } from '../../domain/insight/indicator-facts.ts';
import type { InsightCounts } from '../../domain/insight/quarter-summary.ts';
import {
  type QuarterKey,
  quarterMatured,
  quartersOfYear,
  quarterYear,
} from '../../domain/insight/quarters.ts';
import { REPORTER_CATEGORIES } from '../../domain/insight/reporter-category.ts';
import { type PublishedShare, sumPublished } from '../../domain/insight/table-view.ts';
import { VIOLENCE_KINDS } from '../../domain/violence-kind.ts';
import type { DisclosureGate, GatedRate } from './disclosure-gate.ts';
import {
  quarterLabel,
  REPORTER_CATEGORY_LABELS,
  SHARE_LABELS,
  sameInBoth,
  VIOLENCE_KIND_LABELS,
  WAITING_LABEL,
} from './insight-labels.ts';
import type { LocalisedText } from './report-document.ts';
import {
  loadInsightCounts,
  loadPopulation,
  type PopulationFigure,
  type RegionMunicipality,
} from './store.ts';

/** A row or column of a published table. */
export interface Labelled {
  key: string;
  label: LocalisedText;
}

export interface ShareRow extends Labelled {
  yes: PublishedCell;
  no: PublishedCell;
  share: PublishedShare;
}

export interface RateRow extends Labelled {
  count: PublishedCell;
  population: number | null;
  populationYear: number | null;
  rate: GatedRate;
}

/** One indicator as published: every number in it has passed the disclosure gate. */
export type InsightSection =
  | {
      kind: 'table';
      indicator: string;
      rows: Labelled[];
      columns: Labelled[];
      table: ProtectedTable;
      /** Whether the column totals are a trend per quarter. */
      trend: boolean;
    }
  | {
      kind: 'share';
      indicator: string;
      outcomes: { yes: LocalisedText; no: LocalisedText };
      rows: ShareRow[];
      total: ShareRow;
      trend: { quarter: string; share: PublishedShare }[];
      /**
       * For a figure that needs follow-up (catalogue maturityMonths): the last selected quarter
       * whose follow-up has passed; later quarters are left out of the rows, totals and trend.
       */
      maturity?: { months: number; countedUpTo: string | null };
      /** The region's own target (catalogue ambition), in percent. */
      ambition?: { value: number; source: string };
    }
  | { kind: 'rate'; indicator: string; rows: RateRow[]; total: RateRow; years: number }
  | { kind: 'series'; indicator: string; points: { quarter: string; value: number | null }[] };

export interface InsightScope {
  regionId: number;
  /** Every municipality of the region: the rows of every canonical table. */
  municipalities: RegionMunicipality[];
  /** Whether the reader's scope is the whole region (region-wide figures are shown only then). */
  complete: boolean;
}

export interface InsightSelection {
  quarters: QuarterKey[];
  /** Municipality codes of the rows shown (a subset of the region's). */
  rows: string[];
}

const YES_NO: readonly ShareOutcome[] = ['yes', 'no'];

/** The whole years of quarters a selection's canonical tables cover. */
export function yearsOf(selection: InsightSelection): number[] {
  return [...new Set(selection.quarters.map(quarterYear))].sort((a, b) => a - b);
}

/**
 * Computes the indicators asked for over the selection. Canonical tables cover whole years of the
 * region; the selection only picks rows and quarters from them.
 */
export async function computeSections(
  db: Kysely<DB>,
  gate: DisclosureGate,
  scope: InsightScope,
  selection: InsightSelection,
  indicators: readonly IndicatorDefinition[],
  now: Date,
): Promise<InsightSection[]> {
  const years = yearsOf(selection);
  const counts = await loadInsightCounts(
    db,
    { id: scope.regionId, codes: scope.municipalities.map((m) => m.code) },
    years,
    now,
  );
  const population = await loadPopulation(db, selection.rows, years.at(-1) ?? 0);
  return buildSections(gate, scope, selection, indicators, counts, population, now);
}

/**
 * The published sections from unprotected counts: every number passes the gate here. Pure, so the
 * benchmark can feed it counts computed elsewhere (DuckDB) and compare what comes out.
 */
export function buildSections(
  gate: DisclosureGate,
  scope: InsightScope,
  selection: InsightSelection,
  indicators: readonly IndicatorDefinition[],
  counts: InsightCounts,
  population: ReadonlyMap<string, PopulationFigure>,
  now: Date,
): InsightSection[] {
  const years = yearsOf(selection);
  const allCodes = scope.municipalities.map((m) => m.code);
  const nameOf = new Map(scope.municipalities.map((m) => [m.code, m.name]));
  const rowLabels = selection.rows.map((code) => ({
    key: code,
    label: sameInBoth(nameOf.get(code) ?? code),
  }));
  const quarterColumns = selection.quarters.map((q) => ({ key: q, label: quarterLabel(q) }));

  const municipalityView = (counts: Map<string, number>) =>
    gate.view(
      years.map((y) => gate.protect(toCountTable(allCodes, quartersOfYear(y), counts))),
      selection.rows,
      selection.quarters,
    );
  const regionBreakdown = (rowKeys: readonly string[], counts: Map<string, number>) =>
    gate.view(
      years.map((y) => gate.protect(toCountTable(rowKeys, quartersOfYear(y), counts))),
      rowKeys,
      selection.quarters,
    );
  const shareSection = (
    indicator: IndicatorDefinition,
    counts: Map<string, number>,
    outcomes: { yes: LocalisedText; no: LocalisedText },
  ): InsightSection => {
    const columns = selection.quarters.flatMap((q) => YES_NO.map((o) => shareColumn(q, o)));
    const view = gate.view(
      years.map((y) =>
        gate.protect(
          toCountTable(
            allCodes,
            quartersOfYear(y).flatMap((q) => YES_NO.map((o) => shareColumn(q, o))),
            counts,
          ),
        ),
      ),
      selection.rows,
      columns,
    );
    const pick = (cells: readonly PublishedCell[], outcome: ShareOutcome) =>
      sumPublished(cells.filter((_, i) => columns[i]?.endsWith(`:${outcome}`)));
    const row = (key: string, label: LocalisedText, cells: readonly PublishedCell[]): ShareRow => {
      const yes = pick(cells, 'yes');
      const no = pick(cells, 'no');
      return { key, label, yes, no, share: gate.share(yes, no) };
    };
    const months = indicator.maturityMonths;
    const matured = (q: QuarterKey) => months === undefined || quarterMatured(q, months, now);
    return {
      kind: 'share',
      indicator: indicator.code,
      outcomes,
      rows: rowLabels.map((r, i) => row(r.key, r.label, view.cells[i] ?? [])),
      total: row('total', { nl: 'Totaal', en: 'Total' }, view.columnTotals),
      trend: selection.quarters.flatMap((q, i) =>
        matured(q)
          ? [
              {
                quarter: q,
                share: gate.share(
                  view.columnTotals[2 * i] ?? { suppressed: true, reason: 'secondary' },
                  view.columnTotals[2 * i + 1] ?? { suppressed: true, reason: 'secondary' },
                ),
              },
            ]
          : [],
      ),
      ...(months === undefined
        ? {}
        : { maturity: { months, countedUpTo: selection.quarters.filter(matured).at(-1) ?? null } }),
      ...(indicator.ambition ? { ambition: indicator.ambition } : {}),
    };
  };
  const medianSeries = (
    indicator: IndicatorDefinition,
    byQuarter: ReadonlyMap<QuarterKey, { n: number; median: number }>,
  ): InsightSection | null =>
    scope.complete
      ? {
          kind: 'series',
          indicator: indicator.code,
          points: selection.quarters.map((q) => {
            const s = byQuarter.get(q);
            return { quarter: q, value: s ? gate.statistic(s.n, s.median) : null };
          }),
        }
      : null;
  const countTable = (indicator: IndicatorDefinition, source: Map<string, number>): InsightSection => ({
    kind: 'table',
    indicator: indicator.code,
    rows: rowLabels,
    columns: quarterColumns,
    table: municipalityView(source),
    trend: true,
  });

  let reportView: ProtectedTable | null = null;
  let adviceView: ProtectedTable | null = null;
  const reportsView = () => {
    reportView ??= municipalityView(counts.reports);
    return reportView;
  };
  const advicesView = () => {
    adviceView ??= municipalityView(counts.advice);
    return adviceView;
  };
  const periodYears = selection.quarters.length / 4;
  const rateSection = (indicator: IndicatorDefinition, view: ProtectedTable): InsightSection => {
    const rateRow = (key: string, label: LocalisedText, count: PublishedCell, codes: string[]): RateRow => {
      const figures = codes.map((c) => population.get(c));
      const known = figures.every((f) => f !== undefined);
      const inhabitants = known ? figures.reduce((s, f) => s + (f?.inhabitants ?? 0), 0) : null;
      const yearsOfFigures = [...new Set(figures.map((f) => f?.year))];
      return {
        key,
        label,
        count,
        population: inhabitants,
        populationYear: known && yearsOfFigures.length === 1 ? (yearsOfFigures[0] ?? null) : null,
        rate: gate.rate(count, inhabitants, periodYears),
      };
    };
    return {
      kind: 'rate',
      indicator: indicator.code,
      years: periodYears,
      rows: rowLabels.map((r, i) =>
        rateRow(r.key, r.label, view.rowTotals[i] ?? { suppressed: true, reason: 'secondary' }, [r.key]),
      ),
      total: rateRow('total', { nl: 'Totaal', en: 'Total' }, view.grandTotal, selection.rows),
    };
  };

  const build: Record<string, (i: IndicatorDefinition) => InsightSection | null> = {
    'advice.count': (i) => ({
      kind: 'table',
      indicator: i.code,
      rows: rowLabels,
      columns: quarterColumns,
      table: advicesView(),
      trend: true,
    }),
    'reports.count': (i) => ({
      kind: 'table',
      indicator: i.code,
      rows: rowLabels,
      columns: quarterColumns,
      table: reportsView(),
      trend: true,
    }),
    'reports.per_100k': (i) => rateSection(i, reportsView()),
    'advice.per_100k': (i) => rateSection(i, advicesView()),
    'reports.by_violence_kind': (i) =>
      scope.complete
        ? {
            kind: 'table',
            indicator: i.code,
            rows: VIOLENCE_KINDS.map((k) => ({ key: k, label: VIOLENCE_KIND_LABELS[k] })),
            columns: quarterColumns,
            table: regionBreakdown(VIOLENCE_KINDS, counts.violenceKinds),
            trend: false,
          }
        : null,
    'reports.by_reporter': (i) =>
      scope.complete
        ? {
            kind: 'table',
            indicator: i.code,
            rows: REPORTER_CATEGORIES.map((k) => ({ key: k, label: REPORTER_CATEGORY_LABELS[k] })),
            columns: quarterColumns,
            table: regionBreakdown(REPORTER_CATEGORIES, counts.reporters),
            trend: false,
          }
        : null,
    'process.assessment_in_time': (i) =>
      shareSection(i, counts.assessmentInTime, SHARE_LABELS['process.assessment_in_time']),
    'process.days_to_assessment': (i) => medianSeries(i, counts.daysToAssessment),
    'process.handover_acceptance_time': (i) => medianSeries(i, counts.handoverAcceptance),
    'process.investigation_in_time': (i) =>
      shareSection(i, counts.investigationInTime, SHARE_LABELS['process.investigation_in_time']),
    'process.cases_waiting': (i) => ({
      kind: 'table',
      indicator: i.code,
      rows: rowLabels,
      columns: [{ key: 'waiting', label: WAITING_LABEL }],
      table: gate.view(
        [gate.protect(toCountTable(allCodes, ['waiting'], counts.casesWaiting))],
        selection.rows,
        ['waiting'],
      ),
      trend: false,
    }),
    'outcome.re_report_rate': (i) =>
      shareSection(i, counts.reReports, SHARE_LABELS['outcome.re_report_rate']),
    'outcome.stable_safety_share': (i) =>
      shareSection(i, counts.stableSafety, SHARE_LABELS['outcome.stable_safety_share']),
    'outcome.safety_score': (i) => {
      if (!scope.complete) return null;
      const byQuarter = counts.safetyScore;
      return {
        kind: 'series',
        indicator: i.code,
        points: selection.quarters.map((q) => {
          const s = byQuarter.get(q);
          return { quarter: q, value: s ? gate.statistic(s.cases, s.mean) : null };
        }),
      };
    },
    'outcome.report_after_closure_6m': (i) =>
      shareSection(i, counts.reportAfterClosure['6m'], SHARE_LABELS['outcome.report_after_closure_6m']),
    'outcome.report_after_closure_12m': (i) =>
      shareSection(i, counts.reportAfterClosure['12m'], SHARE_LABELS['outcome.report_after_closure_12m']),
    'outcome.report_after_closure_18m': (i) =>
      shareSection(i, counts.reportAfterClosure['18m'], SHARE_LABELS['outcome.report_after_closure_18m']),
    'outcome.violence_stopped': (i) =>
      shareSection(i, counts.violenceStopped, SHARE_LABELS['outcome.violence_stopped']),
    'outcome.experience_expert_share': (i) =>
      shareSection(i, counts.experienceExpert, SHARE_LABELS['outcome.experience_expert_share']),
    'outcome.perpetrator_help': (i) =>
      shareSection(i, counts.perpetratorHelp, SHARE_LABELS['outcome.perpetrator_help']),
    'measures.restraining_orders': (i) => countTable(i, counts.restrainingOrders),
    'measures.restraining_order_extensions': (i) =>
      shareSection(
        i,
        counts.restrainingOrderExtensions,
        SHARE_LABELS['measures.restraining_order_extensions'],
      ),
    'measures.crisis_care': (i) => countTable(i, counts.crisisCare),
    'measures.shelter_stays': (i) => countTable(i, counts.shelterStays),
    'measures.shelter_stay_length': (i) => medianSeries(i, counts.shelterStayLength),
  };

  const sections: InsightSection[] = [];
  for (const i of indicators) {
    if (i.availability.status !== 'available') continue;
    const builder = build[i.code];
    if (!builder) throw new Error(`indicator ${i.code} is listed as available but not computed`);
    const section = builder(i);
    if (section) sections.push(section);
  }
  return sections;
}

import { indicator, indicatorsFor } from '../../domain/insight/catalogue.ts';
import type { ProtectedTable, PublishedCell } from '../../domain/insight/disclosure.ts';
import { quarterDates, quarterOfDate } from '../../domain/insight/quarters.ts';
import { sumPublished } from '../../domain/insight/table-view.ts';
import { AppError } from '../../errors/app-error.ts';
import type { RequestContext } from '../access/request-context.ts';
import type { Deps } from '../deps.ts';
import { INSIGHT_MESSAGES } from './insight-messages.ts';
import { auditInsightRead, insightReaderOf } from './insight-reader.ts';
import { computeSections, type InsightSection } from './insight-sections.ts';
import type { LocalisedText, ReportDocument, ReportKind, ReportTableSection } from './report-document.ts';
import { resolveSelection } from './service.ts';

export interface InsightReportRequest {
  kind: ReportKind;
  /** Inclusive ISO dates; the report covers the whole quarters they fall in. */
  from: string;
  to: string;
  municipalityCode?: string;
}

const TITLES: Readonly<Record<ReportKind, LocalisedText>> = {
  baseline: { nl: 'Nulmeting huiselijk geweld en kindermishandeling', en: 'Baseline measurement' },
  quarterly: { nl: 'Kwartaalrapportage', en: 'Quarterly report' },
  yearly: { nl: 'Integrale jaarmeting', en: 'Yearly integral measurement' },
};

/** The quarterly report: figures per municipality (volumes, process, re-reports, rates). */
const QUARTERLY = new Set([
  'advice.count',
  'reports.count',
  'reports.per_100k',
  'advice.per_100k',
  'process.assessment_in_time',
  'process.investigation_in_time',
  'process.cases_waiting',
  'outcome.re_report_rate',
]);

const RATE_COLUMN: LocalisedText = {
  nl: 'Per 100.000 inwoners per jaar',
  en: 'Per 100,000 inhabitants per year',
};

function noteOf(code: string): LocalisedText {
  const d = indicator(code);
  return {
    nl: `${d.definition.nl} Versie ${d.version}. Bron: ${d.source}.`,
    en: `${d.definition.en} Version ${d.version}. Source: ${d.source}.`,
  };
}

const SUPPRESSED: PublishedCell = { suppressed: true, reason: 'secondary' };

/**
 * A section as a protected table. Share indicators become the table of both outcomes per
 * municipality (the complement is published or hidden with the events); a rate becomes a one-column
 * table whose total is the rate of the whole selection. Every value comes from the gate.
 */
function toReportSection(section: InsightSection): ReportTableSection | null {
  const d = indicator(section.indicator);
  const base = { indicator: section.indicator, title: d.name, note: noteOf(section.indicator) };
  switch (section.kind) {
    case 'table':
      return {
        ...base,
        rowLabels: section.rows.map((r) => r.label),
        columnLabels: section.columns.map((c) => c.label),
        table: section.table,
      };
    case 'share': {
      const table: ProtectedTable = {
        rowKeys: section.rows.map((r) => r.key),
        columnKeys: ['yes', 'no'],
        cells: section.rows.map((r) => [r.yes, r.no]),
        rowTotals: section.rows.map((r) => sumPublished([r.yes, r.no])),
        columnTotals: [section.total.yes, section.total.no],
        grandTotal: sumPublished([section.total.yes, section.total.no]),
      };
      return {
        ...base,
        rowLabels: section.rows.map((r) => r.label),
        columnLabels: [section.outcomes.yes, section.outcomes.no],
        table,
      };
    }
    case 'rate': {
      const cellOf = (rate: (typeof section.total)['rate']): PublishedCell =>
        rate.suppressed ? SUPPRESSED : { suppressed: false, value: rate.value };
      const cells = section.rows.map((r) => [cellOf(r.rate)]);
      const total = cellOf(section.total.rate);
      return {
        ...base,
        rowLabels: section.rows.map((r) => r.label),
        columnLabels: [RATE_COLUMN],
        table: {
          rowKeys: section.rows.map((r) => r.key),
          columnKeys: ['per_100k'],
          cells,
          rowTotals: cells.map((c) => c[0] ?? SUPPRESSED),
          columnTotals: [total],
          grandTotal: total,
        },
      };
    }
    case 'series':
      // Medians and means are no counts; they stay on the dashboard (see the report's notes).
      return null;
  }
}

/**
 * The baseline, the quarterly report or the yearly measurement as data after disclosure control;
 * the file writers (report-files/) render it. Same reader rules and the same gate as the dashboard,
 * so a cell suppressed on screen is suppressed in every file.
 */
export async function buildInsightReport(
  deps: Deps,
  ctx: RequestContext,
  request: InsightReportRequest,
): Promise<ReportDocument> {
  const reader = await insightReaderOf(deps, ctx);
  let from: string;
  let to: string;
  try {
    from = quarterOfDate(request.from);
    to = quarterOfDate(request.to);
  } catch {
    throw new AppError('validation_failed', [{ path: 'body.from', message: INSIGHT_MESSAGES.invalid_date }]);
  }
  const selection = resolveSelection(reader, { from, to, municipality: request.municipalityCode }, 'body');
  const indicators = indicatorsFor(reader.audience).filter(
    (i) => request.kind !== 'quarterly' || QUARTERLY.has(i.code),
  );
  const sections = await computeSections(
    deps.db,
    reader.gate,
    reader.scope,
    selection,
    indicators,
    deps.now(),
  );
  await auditInsightRead(deps, ctx, reader, 'insight.report.build', {
    kind: request.kind,
    from,
    to,
    municipality: request.municipalityCode ?? null,
    indicators: sections.map((s) => s.indicator),
  });
  return {
    kind: request.kind,
    title: TITLES[request.kind],
    regionName: reader.region.name,
    period: { from: quarterDates(from).from, to: quarterDates(to).to },
    generatedAt: deps.now().toISOString(),
    disclosure: { threshold: reader.gate.settings.threshold, rounding: reader.gate.settings.roundingBase },
    sections: sections.flatMap((s) => {
      const out = toReportSection(s);
      return out ? [out] : [];
    }),
  };
}

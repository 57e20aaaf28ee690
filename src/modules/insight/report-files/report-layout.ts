import type { PublishedCell } from '../../../domain/insight/disclosure.ts';
import type { ReportDocument, ReportTableSection } from '../report-document.ts';

/**
 * What every report file shows, whatever its format: the same header lines, the same grid per
 * section (cells, row totals, a total row) and the same notes. A suppressed cell becomes one mark,
 * the same for every reason: printing why a cell was hidden (small count or protection of another
 * cell) would tell the reader which cells are the small ones.
 */

export type Language = 'nl' | 'en';
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

export const SUPPRESSED_MARK = '•';

/** Called after each section is written, so a run can show its progress. */
export type SectionProgress = (done: number, total: number) => void | Promise<void>;

const TEXT = {
  nl: {
    region: 'Regio',
    period: 'Periode',
    generatedAt: 'Gemaakt op',
    disclosure: 'Onthullingsbeheersing',
    total: 'Totaal',
    note: 'Toelichting',
    kind: { baseline: 'Nulmeting', quarterly: 'Kwartaalrapportage', yearly: 'Integrale jaarmeting' },
  },
  en: {
    region: 'Region',
    period: 'Period',
    generatedAt: 'Generated at',
    disclosure: 'Disclosure control',
    total: 'Total',
    note: 'Note',
    kind: { baseline: 'Baseline', quarterly: 'Quarterly report', yearly: 'Yearly integral measurement' },
  },
} as const;

export function labels(language: Language) {
  return TEXT[language];
}

/** The sentence that explains the mark and the rounding; printed in the header of every file. */
export function disclosureExplanation(doc: ReportDocument, language: Language): string {
  const { threshold, rounding } = doc.disclosure;
  const round =
    rounding === null
      ? ''
      : language === 'nl'
        ? ` Alle getallen zijn afgerond op veelvouden van ${rounding}; totalen kunnen daardoor afwijken van de som.`
        : ` All numbers are rounded to multiples of ${rounding}; totals may therefore differ from the sum.`;
  return language === 'nl'
    ? `${SUPPRESSED_MARK} = niet gepubliceerd: aantallen onder ${threshold} worden niet getoond, en zo nodig ook andere cellen, zodat een klein aantal niet uit totalen of verschillen kan worden afgeleid.${round}`
    : `${SUPPRESSED_MARK} = not published: counts below ${threshold} are not shown, and where needed other cells too, so that a small count cannot be derived from totals or differences.${round}`;
}

export function formatDate(iso: string, language: Language): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(d);
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** The header as label/value pairs, the same in every format. */
export function headerLines(doc: ReportDocument, language: Language): [string, string][] {
  const t = labels(language);
  return [
    [t.region, doc.regionName],
    [t.period, `${formatDate(doc.period.from, language)} – ${formatDate(doc.period.to, language)}`],
    [t.generatedAt, formatDateTime(doc.generatedAt, language)],
    [t.disclosure, disclosureExplanation(doc, language)],
  ];
}

/** A published cell as a value: a number, or the mark. Never the reason, never a hidden count. */
export function cellValue(cell: PublishedCell): number | typeof SUPPRESSED_MARK {
  return cell.suppressed ? SUPPRESSED_MARK : cell.value;
}

export interface SectionGrid {
  title: string;
  /** First cell empty, then the column labels and "Total". */
  header: string[];
  /** Each row: label, cells, row total; the last row is the total row. */
  rows: [string, ...(number | typeof SUPPRESSED_MARK)[]][];
  note: string;
}

export function sectionGrid(section: ReportTableSection, language: Language): SectionGrid {
  const t = labels(language);
  const { table } = section;
  const rows: SectionGrid['rows'] = table.cells.map((cells, r) => [
    section.rowLabels[r]?.[language] ?? table.rowKeys[r] ?? '',
    ...cells.map(cellValue),
    cellValue(table.rowTotals[r] ?? { suppressed: true, reason: 'secondary' }),
  ]);
  rows.push([t.total, ...table.columnTotals.map(cellValue), cellValue(table.grandTotal)]);
  return {
    title: section.title[language],
    header: ['', ...table.columnKeys.map((k, c) => section.columnLabels[c]?.[language] ?? k), t.total],
    rows,
    note: section.note[language],
  };
}

export function reportTitle(doc: ReportDocument, language: Language): string {
  return doc.title[language];
}

/** A file name without spaces or anything a file system dislikes: kring-kwartaalrapportage-2024-01-01-2024-03-31.pdf */
export function reportFileName(doc: ReportDocument, language: Language, format: ReportFormat): string {
  const kind = labels(language)
    .kind[doc.kind].toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `kring-${kind}-${doc.period.from}-${doc.period.to}.${format}`;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Lets the event loop breathe between sections, so a large report does not block other requests. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

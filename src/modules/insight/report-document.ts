import type { ProtectedTable } from '../../domain/insight/disclosure.ts';

/**
 * A regional report as data, after disclosure control: what the indicator service builds and the
 * PDF, XLSX and CSV writers render. Nothing in it can be a suppressed count: tables are
 * ProtectedTable (cells already suppressed), texts are bilingual.
 */
export type ReportKind = 'baseline' | 'quarterly' | 'yearly';

export interface LocalisedText {
  nl: string;
  en: string;
}

export interface ReportTableSection {
  /** Indicator code from the catalogue, e.g. "reports.by_municipality". */
  indicator: string;
  title: LocalisedText;
  /** Definition, version and source of the indicator, printed under the table. */
  note: LocalisedText;
  rowLabels: LocalisedText[];
  columnLabels: LocalisedText[];
  table: ProtectedTable;
}

export interface ReportDocument {
  kind: ReportKind;
  title: LocalisedText;
  regionName: string;
  /** Inclusive ISO dates of the period covered. */
  period: { from: string; to: string };
  generatedAt: string;
  /** How small counts were treated, printed in every output. */
  disclosure: { threshold: number; rounding: number | null };
  sections: ReportTableSection[];
}

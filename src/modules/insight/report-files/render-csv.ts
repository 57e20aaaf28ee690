import { stringify } from 'csv-stringify/sync';
import type { ReportDocument } from '../report-document.ts';
import {
  breathe,
  headerLines,
  type Language,
  labels,
  reportTitle,
  type SectionProgress,
  sectionGrid,
} from './report-layout.ts';

/**
 * The report as one CSV file: header lines, then per section its title, the grid with totals and
 * its note, separated by an empty line. Dutch files use ";" (what Excel expects in a Dutch locale),
 * English ones ","; a byte order mark makes Excel read UTF-8. Numbers are plain integers.
 */
export async function renderCsv(
  doc: ReportDocument,
  language: Language,
  onSection?: SectionProgress,
): Promise<Buffer> {
  const t = labels(language);
  const records: (string | number)[][] = [[reportTitle(doc, language)], ...headerLines(doc, language)];
  for (const [index, section] of doc.sections.entries()) {
    const grid = sectionGrid(section, language);
    records.push([], [grid.title], grid.header, ...grid.rows, [t.note, grid.note]);
    await onSection?.(index + 1, doc.sections.length);
    await breathe();
  }
  const text = stringify(
    records.map((r) => r.map(neutraliseFormula)),
    {
      delimiter: language === 'nl' ? ';' : ',',
      record_delimiter: 'windows',
    },
  );
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection): such text gets
 * a leading apostrophe. Numbers are left alone.
 */
function neutraliseFormula(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

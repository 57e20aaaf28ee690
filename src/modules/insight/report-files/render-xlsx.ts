import ExcelJS from 'exceljs';
import type { ReportDocument } from '../report-document.ts';
import {
  breathe,
  headerLines,
  type Language,
  labels,
  reportTitle,
  type SectionProgress,
  SUPPRESSED_MARK,
  sectionGrid,
} from './report-layout.ts';

/**
 * The report as a workbook: a first sheet with the title, the header (region, period, how small
 * counts were treated) and a list of the tables; then one sheet per table with its grid, totals
 * and note. Counts are numbers (so they can be summed); a suppressed cell is the text mark, which
 * no formula can turn back into a count. Everything is written as a value, never as a formula.
 */
export async function renderXlsx(
  doc: ReportDocument,
  language: Language,
  onSection?: SectionProgress,
): Promise<Buffer> {
  const t = labels(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kring';
  workbook.title = reportTitle(doc, language);
  workbook.created = new Date(doc.generatedAt);
  workbook.modified = new Date(doc.generatedAt);

  const cover = workbook.addWorksheet(language === 'nl' ? 'Overzicht' : 'Overview');
  cover.getColumn(1).width = 24;
  cover.getColumn(2).width = 100;
  cover.addRow([reportTitle(doc, language)]).font = { bold: true, size: 14 };
  for (const line of headerLines(doc, language)) {
    const row = cover.addRow(line);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  cover.addRow([]);
  const names = new Set<string>([cover.name]);

  for (const [index, section] of doc.sections.entries()) {
    const grid = sectionGrid(section, language);
    const name = sheetName(index + 1, grid.title, names);
    names.add(name);
    cover.addRow([name, grid.title]);

    const sheet = workbook.addWorksheet(name);
    sheet.addRow([grid.title]).font = { bold: true, size: 12 };
    sheet.addRow([grid.note]);
    sheet.addRow([]);
    const header = sheet.addRow(grid.header);
    header.font = { bold: true };
    const headerRow = header.number;
    for (const cells of grid.rows) {
      const row = sheet.addRow(cells);
      row.eachCell((cell, column) => {
        if (column === 1) return;
        cell.alignment = { horizontal: 'right' };
        if (typeof cell.value === 'number') cell.numFmt = '#,##0';
      });
    }
    sheet.lastRow?.eachCell((cell) => {
      cell.font = { bold: true };
    });
    sheet.getColumn(grid.header.length).font = { bold: true };
    sheet.getColumn(1).width = Math.min(40, Math.max(14, ...grid.rows.map((r) => String(r[0]).length + 2)));
    for (let c = 2; c <= grid.header.length; c++)
      sheet.getColumn(c).width = Math.max(10, String(grid.header[c - 1] ?? '').length + 2);
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
    sheet.addRow([]);
    sheet.addRow([`${t.note}: ${grid.note}`]);
    sheet.addRow([headerLines(doc, language).at(-1)?.[1] ?? SUPPRESSED_MARK]);
    await onSection?.(index + 1, doc.sections.length);
    await breathe();
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel sheet names: at most 31 characters, unique, none of : \ / ? * [ ]. */
function sheetName(position: number, title: string, taken: Set<string>): string {
  const base = `${position}. ${title.replace(/[:\\/?*[\]]/g, ' ')}`.slice(0, 31).trim();
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 27)} (${n})`;
  return name;
}

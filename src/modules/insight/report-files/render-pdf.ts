import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../report-document.ts';
import {
  breathe,
  headerLines,
  type Language,
  labels,
  reportTitle,
  type SectionGrid,
  type SectionProgress,
  sectionGrid,
} from './report-layout.ts';

/**
 * The report as a printable A4 PDF: title, header (region, period, how small counts were treated),
 * then per section a table with totals and its note. The table header repeats on a new page.
 * Standard PDF fonts only (Helvetica), so no font files ship with Kring; they cover Dutch text.
 */
export async function renderPdf(
  doc: ReportDocument,
  language: Language,
  onSection?: SectionProgress,
): Promise<Buffer> {
  const t = labels(language);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    lang: language === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    info: {
      Title: reportTitle(doc, language),
      Author: 'Kring',
      Subject: `${t.kind[doc.kind]} ${doc.regionName}`,
      CreationDate: new Date(doc.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('Helvetica-Bold').fontSize(16).text(reportTitle(doc, language));
  pdf.moveDown(0.5);
  for (const [label, value] of headerLines(doc, language)) {
    pdf.font('Helvetica-Bold').fontSize(9).text(`${label}: `, { continued: true });
    pdf.font('Helvetica').text(value);
  }
  for (const [index, section] of doc.sections.entries()) {
    const grid = sectionGrid(section, language);
    pdf.moveDown(1.2);
    ensureRoom(pdf, 60);
    pdf.font('Helvetica-Bold').fontSize(12).text(grid.title, pdf.page.margins.left);
    pdf.moveDown(0.3);
    drawTable(pdf, grid, language);
    pdf.moveDown(0.4);
    pdf
      .font('Helvetica')
      .fontSize(8)
      .text(`${t.note}: ${grid.note}`, pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
    await onSection?.(index + 1, doc.sections.length);
    await breathe();
  }

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const text = language === 'nl' ? `Pagina ${i + 1} van ${range.count}` : `Page ${i + 1} of ${range.count}`;
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('Helvetica')
      .fontSize(8)
      .text(text, pdf.page.margins.left, pdf.page.height - 36, { width: contentWidth(pdf), align: 'center' });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return finished;
}

function contentWidth(pdf: PDFKit.PDFDocument): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function ensureRoom(pdf: PDFKit.PDFDocument, height: number) {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function drawTable(pdf: PDFKit.PDFDocument, grid: SectionGrid, language: Language) {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  const columns = grid.header.length;
  const first = Math.min(width * 0.34, 170);
  const other = (width - first) / Math.max(1, columns - 1);
  const size = other < 42 ? 7 : 9;
  const rowHeight = size + 7;
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB');
  const x = (c: number) => (c === 0 ? left : left + first + (c - 1) * other);
  const w = (c: number) => (c === 0 ? first : other) - 4;

  const drawRow = (cells: (string | number)[], bold: boolean) => {
    const y = pdf.y;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    cells.forEach((cell, c) => {
      const text = typeof cell === 'number' ? number.format(cell) : cell;
      pdf.text(text, x(c), y + 3, {
        width: w(c),
        height: rowHeight,
        align: c === 0 ? 'left' : 'right',
        lineBreak: false,
        ellipsis: true,
      });
    });
    pdf.y = y + rowHeight;
  };
  const rule = (weight: number) => {
    pdf
      .moveTo(left, pdf.y)
      .lineTo(left + width, pdf.y)
      .lineWidth(weight)
      .strokeColor('#555555')
      .stroke();
  };
  const drawHeader = () => {
    drawRow(grid.header, true);
    rule(0.8);
  };

  ensureRoom(pdf, rowHeight * 3);
  drawHeader();
  grid.rows.forEach((row, r) => {
    const isTotal = r === grid.rows.length - 1;
    if (pdf.y + rowHeight > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      drawHeader();
    }
    if (isTotal) rule(0.5);
    drawRow(row, isTotal);
  });
  pdf.x = left;
}

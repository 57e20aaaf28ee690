import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type CountTable, type ProtectedTable, protectTable } from '../../../domain/insight/disclosure.ts';
import type { ReportDocument, ReportTableSection } from '../report-document.ts';
import { renderCsv } from './render-csv.ts';
import { renderPdf } from './render-pdf.ts';
import { renderReport } from './render-report.ts';
import { renderXlsx } from './render-xlsx.ts';
import { SUPPRESSED_MARK } from './report-layout.ts';

// Hand-made counts with a known protection: Druten Q1 = 3 is below the threshold, and 17, 23, 41
// are cells that secondary suppression must hide so that 3 cannot be recovered from the totals.
const REPORTS: CountTable = {
  rowKeys: ['GM0268', 'GM0281', 'GM0225'],
  columnKeys: ['2024-Q1', '2024-Q2'],
  cells: [
    [120, 131],
    [41, 17],
    [3, 23],
  ],
};
const MUNICIPALITY = {
  GM0268: { nl: 'Nijmegen', en: 'Nijmegen' },
  GM0281: { nl: 'Tiel', en: 'Tiel' },
  GM0225: { nl: 'Druten', en: 'Druten' },
};

function section(indicator: string, counts: CountTable, title: string): ReportTableSection {
  return {
    indicator,
    title: { nl: title, en: `${title} (en)` },
    note: {
      nl: 'Meldingen bij Veilig Thuis naar gemeente van het huishouden; versie 1; bron: Kring.',
      en: 'Reports to Veilig Thuis by municipality of the household; version 1; source: Kring.',
    },
    rowLabels: counts.rowKeys.map((k) => MUNICIPALITY[k as keyof typeof MUNICIPALITY] ?? { nl: k, en: k }),
    columnLabels: counts.columnKeys.map((k) => ({ nl: k.replace('-Q', ' K'), en: k.replace('-', ' ') })),
    table: protectTable(counts),
  };
}

const DOC: ReportDocument = {
  kind: 'quarterly',
  title: { nl: 'Kwartaalrapportage Gelderland-Zuid', en: 'Quarterly report Gelderland-Zuid' },
  regionName: 'Gelderland-Zuid',
  period: { from: '2024-01-01', to: '2024-06-30' },
  generatedAt: '2024-07-15T08:30:00.000Z',
  disclosure: { threshold: 5, rounding: null },
  sections: [section('reports.by_municipality', REPORTS, 'Meldingen per gemeente')],
};

/** Positions of the hidden cells and their true values, from the protected table and the counts. */
function hidden(table: ProtectedTable, counts: CountTable) {
  const out: { row: number; column: number; value: number }[] = [];
  for (const [r, cells] of table.cells.entries())
    for (const [c, cell] of cells.entries())
      if (cell.suppressed) out.push({ row: r, column: c, value: counts.cells[r]?.[c] ?? -1 });
  return out;
}

describe('the hand-made table is protected as expected (what the renderers must carry through)', () => {
  it('Druten Q1 (3) and the three cells that protect it (Tiel and Druten, both quarters) are hidden', () => {
    const table = DOC.sections[0]?.table as ProtectedTable;
    const values = hidden(table, REPORTS).map((h) => h.value);
    expect(values.sort((a, b) => a - b)).toEqual([3, 17, 23, 41]);
    expect(table.cells[0]?.every((c) => !c.suppressed)).toBe(true);
  });
});

describe('CSV', () => {
  it('is exact: header, grid with totals, mark for hidden cells, note; ";" in Dutch', async () => {
    const text = (await renderCsv(DOC, 'nl')).toString('utf8');
    const table = DOC.sections[0]?.table as ProtectedTable;
    const shown = (r: number, c: number) => {
      const cell = table.cells[r]?.[c];
      return cell && !cell.suppressed ? String(cell.value) : '•';
    };
    const total = (cell: ProtectedTable['grandTotal'] | undefined) =>
      cell && !cell.suppressed ? String(cell.value) : '•';
    expect(text).toBe(
      [
        '\uFEFFKwartaalrapportage Gelderland-Zuid',
        'Regio;Gelderland-Zuid',
        'Periode;1 januari 2024 – 30 juni 2024',
        'Gemaakt op;15 juli 2024 om 10:30',
        'Onthullingsbeheersing;• = niet gepubliceerd: aantallen onder 5 worden niet getoond, en zo nodig ook andere cellen, zodat een klein aantal niet uit totalen of verschillen kan worden afgeleid.',
        '',
        'Meldingen per gemeente',
        ';2024 K1;2024 K2;Totaal',
        `Nijmegen;${shown(0, 0)};${shown(0, 1)};${total(table.rowTotals[0])}`,
        `Tiel;${shown(1, 0)};${shown(1, 1)};${total(table.rowTotals[1])}`,
        `Druten;${shown(2, 0)};${shown(2, 1)};${total(table.rowTotals[2])}`,
        `Totaal;${total(table.columnTotals[0])};${total(table.columnTotals[1])};${total(table.grandTotal)}`,
        'Toelichting;Meldingen bij Veilig Thuis naar gemeente van het huishouden; versie 1; bron: Kring.'.replace(
          /^Toelichting;(.*)$/,
          'Toelichting;"$1"',
        ),
        '',
      ].join('\r\n'),
    );
    // Literally: Druten Q1 (3) is hidden with the three cells that protect it (a rectangle with
    // Tiel), while the row totals and Nijmegen stay published.
    expect(text).toContain('Nijmegen;120;131;251\r\nTiel;•;•;58\r\nDruten;•;•;26\r\nTotaal;164;171;335');
  });

  it('English uses "," and English labels', async () => {
    const text = (await renderCsv(DOC, 'en')).toString('utf8');
    expect(text).toContain('\r\nRegion,Gelderland-Zuid\r\n');
    expect(text).toContain('\r\n,2024 Q1,2024 Q2,Total\r\n');
    expect(text).toContain('Period,1 January 2024 – 30 June 2024');
  });

  it('text that a spreadsheet would run as a formula is neutralised', async () => {
    const evil: ReportDocument = { ...DOC, regionName: '=HYPERLINK("http://x","y")' };
    const text = (await renderCsv(evil, 'nl')).toString('utf8');
    expect(text).toContain(`Regio;"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('XLSX', () => {
  async function read(bytes: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  }

  it('reads back: numbers where published, the mark where hidden, never a hidden count', async () => {
    const workbook = await read(await renderXlsx(DOC, 'nl'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Overzicht', '1. Meldingen per gemeente']);
    const cover = workbook.getWorksheet('Overzicht');
    expect(cover?.getCell('A1').value).toBe('Kwartaalrapportage Gelderland-Zuid');
    expect(String(cover?.getCell('B5').value)).toContain('aantallen onder 5');

    const sheet = workbook.getWorksheet('1. Meldingen per gemeente');
    if (!sheet) throw new Error('no sheet');
    const headerRow = 4;
    expect(sheet.getRow(headerRow).values).toEqual([undefined, '', '2024 K1', '2024 K2', 'Totaal']);
    const table = DOC.sections[0]?.table as ProtectedTable;
    table.cells.forEach((cells, r) => {
      const row = sheet.getRow(headerRow + 1 + r);
      cells.forEach((cell, c) => {
        const value = row.getCell(2 + c).value;
        if (cell.suppressed) expect(value).toBe(SUPPRESSED_MARK);
        else expect(value).toBe(cell.value);
      });
    });
    const hiddenValues = new Set(hidden(table, REPORTS).map((h) => h.value));
    let numbers = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') {
          numbers++;
          expect(cell.formula).toBeUndefined();
          // 120, 131, 251 are published; no hidden value is a number anywhere in the sheet.
          expect(hiddenValues.has(cell.value)).toBe(false);
        }
      }),
    );
    expect(numbers).toBeGreaterThanOrEqual(3);
  });

  it('English sheet names and labels', async () => {
    const workbook = await read(await renderXlsx(DOC, 'en'));
    expect(workbook.worksheets[0]?.name).toBe('Overview');
    expect(workbook.worksheets[1]?.getRow(4).values).toEqual([undefined, '', '2024 Q1', '2024 Q2', 'Total']);
  });
});

/**
 * Text of a PDFKit file: inflate the content streams and decode the hex strings of TJ operators
 * (PDFKit writes standard-font text as WinAnsi hex), one line per text object.
 */
function pdfText(bytes: Buffer): string[] {
  const raw = bytes.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m !== null; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...(op[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      const bytesOf = Buffer.from(hex, 'hex');
      lines.push(
        [...bytesOf].map((b) => (b === 0x95 ? '•' : b === 0x96 ? '–' : String.fromCharCode(b))).join(''),
      );
    }
  }
  return lines;
}

describe('PDF', () => {
  it('is a PDF whose text has the header, the grid and the mark — never a hidden count', async () => {
    const bytes = await renderPdf(DOC, 'nl');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Kwartaalrapportage Gelderland-Zuid');
    expect(text).toContain('Gelderland-Zuid');
    expect(text.some((l) => l.includes('aantallen onder 5'))).toBe(true);
    expect(text).toContain('Meldingen per gemeente');
    expect(text).toContain('Pagina 1 van 1');
    // Row by row, the cells after the label: Nijmegen is published, Druten entirely hidden.
    const rowAfter = (label: string) => {
      const i = text.indexOf(label);
      return text.slice(i + 1, i + 4);
    };
    expect(rowAfter('Nijmegen')).toEqual(['120', '131', '251']);
    expect(rowAfter('Druten')).toEqual(['•', '•', '26']);
    const table = DOC.sections[0]?.table as ProtectedTable;
    const tiel = rowAfter('Tiel');
    table.cells[1]?.forEach((cell, c) => {
      expect(tiel[c]).toBe(cell.suppressed ? '•' : String(cell.value));
    });
    // No text item anywhere is one of the hidden counts.
    for (const h of hidden(table, REPORTS)) expect(text).not.toContain(String(h.value));
  });

  it('many rows run over several pages and repeat the table header', async () => {
    const many: CountTable = {
      rowKeys: Array.from({ length: 90 }, (_, i) => `GM${String(1000 + i)}`),
      columnKeys: ['2024-Q1', '2024-Q2'],
      cells: Array.from({ length: 90 }, (_, i) => [10 + i, 20 + i]),
    };
    const doc: ReportDocument = { ...DOC, sections: [section('reports.many', many, 'Veel gemeenten')] };
    const text = pdfText(await renderPdf(doc, 'nl'));
    const pages = text.filter((l) => /^Pagina \d+ van \d+$/.test(l));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(text.filter((l) => l === '2024 K1').length).toBe(pages.length);
  });
});

describe('progress per section and file names', () => {
  it('every format reports each section once, in order, and names the file', async () => {
    const doc: ReportDocument = {
      ...DOC,
      sections: [DOC.sections[0] as ReportTableSection, section('reports.again', REPORTS, 'Nog een tabel')],
    };
    for (const format of ['pdf', 'xlsx', 'csv'] as const) {
      const calls: [number, number][] = [];
      const { bytes, fileName } = await renderReport(doc, 'nl', format, (done, total) => {
        calls.push([done, total]);
      });
      expect(calls).toEqual([
        [1, 2],
        [2, 2],
      ]);
      expect(bytes.length).toBeGreaterThan(100);
      expect(fileName).toBe(`kring-kwartaalrapportage-2024-01-01-2024-06-30.${format}`);
    }
  });
});

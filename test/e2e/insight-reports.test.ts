import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter, quarterDates, quarterOf, quarterStart } from '../../src/domain/insight/quarters.ts';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { logIn, newPage } from './support/pages.ts';

// Issue 5 "Done when": the policy advisor opens the regional dashboard, filters a municipality and a
// period, and downloads the quarterly report as PDF and XLSX; every small count is suppressed in
// them as on the screen. Last quarter, Nijmegen has 14 reports, Wijchen 8, Berg en Dal 6 and Tiel 2:
// Tiel's 2 is below the threshold of 5 and must never be printed, and the cells the dashboard hides
// to protect it must be the cells the files hide.

const COUNTS: Record<string, number> = { GM0268: 14, GM0296: 8, GM1945: 6, GM0281: 2 };
const TIEL = 'Tiel';
const SMALL_COUNT = '2';
const MARK = '•';

let server: E2eServer;
let browser: Browser;
let quarter: string;
let quarterLabel: string;

/** Reports written straight into the tables (as test/api/insight.test.ts does), spread over the quarter. */
async function insertReports() {
  const region = await server.deps.db
    .selectFrom('region')
    .select('id')
    .where('code', '=', 'gelderland-zuid')
    .executeTakeFirstOrThrow();
  const start = quarterStart(quarter).getTime();
  let n = 0;
  for (const [municipality, count] of Object.entries(COUNTS))
    for (let i = 0; i < count; i++) {
      n += 1;
      const received = new Date(start + (n * 2 + 3) * 86_400_000 + 10 * 3_600_000);
      const report = await server.deps.db
        .insertInto('report')
        .values({
          reference: `E2E-${n}`,
          region_id: region.id,
          municipality_code: municipality,
          violence_kinds: ['partner_violence'],
          violence_kind_list_version: '2019.1',
          acute: false,
          description: `Beschrijving ${n}`,
          received_at: received,
          assessment_due_at: new Date(received.getTime() + 7 * 86_400_000),
          assessed_at: new Date(received.getTime() + 86_400_000),
          involvement_ended_at: new Date(received.getTime() + 20 * 86_400_000),
          source: 'police_batch',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await server.deps.db
        .insertInto('report_person')
        .values({
          report_id: report.id,
          position: 0,
          full_name: `Bewoner ${n}`,
          date_of_birth: `1975-02-${String((n % 28) + 1).padStart(2, '0')}`,
          role: 'victim',
        })
        .execute();
    }
}

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  // The last whole quarter: the report page offers it (year and quarter), the dashboard too.
  quarter = quarterOf(new Date(quarterStart(quarterOf(server.clock.now())).getTime() - 86_400_000));
  quarterLabel = quarter.replace('-Q', ' K');
  await insertReports();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A cell as the reader sees it: a number, or hidden (the mark, or no rate for want of figures). */
type Seen = number | 'hidden';
interface ScreenTable {
  caption: string;
  header: string[];
  rows: { label: string; cells: Seen[] }[];
}

/** Every table on the dashboard, read from the page: caption, header and the cells per row label. */
async function dashboardTables(page: Page): Promise<ScreenTable[]> {
  const raw = await page.locator('table').evaluateAll((tables) =>
    tables.map((table) => ({
      caption: table.querySelector('caption')?.textContent?.trim() ?? '',
      header: [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? ''),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
        label: tr.querySelector('th')?.textContent?.trim() ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) => ({
          hidden: td.querySelector('.kring-suppressed') !== null,
          text: td.textContent?.trim() ?? '',
        })),
      })),
    })),
  );
  return raw.map((t) => ({
    ...t,
    rows: t.rows.map((r) => ({
      label: r.label,
      cells: r.cells.map((c): Seen => {
        if (c.hidden || c.text === 'Inwonertal onbekend') return 'hidden';
        const number = Number(c.text.replace(/\./g, '').replace(',', '.').replace('%', ''));
        return Number.isNaN(number) ? 'hidden' : number;
      }),
    })),
  }));
}

/** Requests a quarterly report in a format, follows its progress to the end and downloads it. */
async function downloadReport(page: Page, format: 'pdf' | 'xlsx') {
  const { year, quarter: q } = parseQuarter(quarter) ?? { year: 0, quarter: 1 };
  await page.getByLabel('Soort rapport').selectOption({ label: 'Kwartaalrapportage' });
  await page.getByLabel('Jaar').selectOption(String(year));
  await page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: `Kwartaal ${q}` });
  await page.getByLabel('Gemeente').selectOption({ label: 'Hele regio' });
  await page.getByLabel('Bestandsformaat').selectOption(format);
  await page.getByRole('button', { name: 'Rapport maken' }).click();
  // The run is followed until it is done: then (and only then) its file can be downloaded.
  const current = page.getByRole('region', { name: 'Uw rapport' });
  const link = current.getByRole('link', {
    name: new RegExp(`^Download kring-kwartaalrapportage-[0-9-]+\\.${format}$`),
  });
  await link.waitFor({ timeout: 30_000 });
  await expect(current.locator('progress').getAttribute('value')).resolves.toBe('100');
  await expect(current.getByText('Klaar — 100% klaar').isVisible()).resolves.toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/**
 * Text of a PDFKit file: inflate the content streams and decode the hex strings of TJ operators
 * (PDFKit writes standard-font text as WinAnsi hex), one entry per text object. Dependency-free;
 * the same reading as src/modules/insight/report-files/report-files.test.ts.
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
      const decoded = [...Buffer.from(hex, 'hex')].map((b) =>
        b === 0x95 ? MARK : b === 0x96 ? '–' : String.fromCharCode(b),
      );
      lines.push(decoded.join(''));
    }
  }
  return lines;
}

describe('quarterly report downloads', () => {
  it('the policy advisor filters the dashboard, downloads PDF and XLSX; small counts are hidden alike', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await logIn(page, server, 'beleid.regio');
      await page.getByRole('link', { name: 'Regionaal dashboard' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Regionaal dashboard' }).waitFor();

      // A municipality and a period: Tiel, last quarter. Its 2 reports are the mark, not the count.
      await page.getByLabel('Van kwartaal').selectOption({ label: quarterLabel });
      await page.getByLabel('Tot en met kwartaal').selectOption({ label: quarterLabel });
      await page.getByLabel('Gemeente').selectOption({ label: TIEL });
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.getByText(`Getoond: ${TIEL}, ${quarterLabel} tot en met ${quarterLabel}.`).waitFor();
      const tiel = (await dashboardTables(page)).find((t) => t.caption === 'Meldingen');
      expect(tiel?.rows.find((r) => r.label === TIEL)?.cells).toEqual(['hidden', 'hidden']);

      // The whole region for the same quarter: what the quarterly report covers.
      await page.getByLabel('Gemeente').selectOption({ label: 'Alle gemeenten' });
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page
        .getByText(`Getoond: hele regio Gelderland-Zuid, ${quarterLabel} tot en met ${quarterLabel}.`)
        .waitFor();
      const screen = await dashboardTables(page);
      const reports = screen.find((t) => t.caption === 'Meldingen');
      const row = (label: string) => reports?.rows.find((r) => r.label === label)?.cells;
      expect(row('Nijmegen')).toEqual([14, 14]);
      expect(row(TIEL)).toEqual(['hidden', 'hidden']);
      // Secondary suppression hides at least one other municipality with Tiel.
      const hiddenRows = reports?.rows.filter((r) => r.cells[0] === 'hidden').map((r) => r.label) ?? [];
      expect(hiddenRows.length).toBeGreaterThanOrEqual(2);

      await page.getByRole('link', { name: 'Rapporten' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Rapporten' }).waitFor();
      // The form proposes the last quarter that has ended: the one with the data.
      const { year, quarter: q } = parseQuarter(quarter) ?? { year: 0, quarter: 0 };
      await expect(page.getByLabel('Jaar').inputValue()).resolves.toBe(String(year));
      await expect(page.getByLabel('Kwartaal', { exact: true }).inputValue()).resolves.toBe(String(q));
      await expectAccessible(page, 'reports page');

      // PDF: a PDF whose text shows Tiel's row as marks and nowhere the count 2.
      const pdf = await downloadReport(page, 'pdf');
      expect(pdf.name).toBe(
        `kring-kwartaalrapportage-${quarterDates(quarter).from}-${quarterDates(quarter).to}.pdf`,
      );
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.bytes.subarray(-8).toString()).toContain('%%EOF');
      const text = pdfText(pdf.bytes);
      expect(text).toContain('Kwartaalrapportage');
      const section = text.indexOf('Meldingen');
      expect(section).toBeGreaterThan(-1);
      expect(text.filter((l) => l === MARK).length).toBeGreaterThan(4);
      expect(text).not.toContain(SMALL_COUNT);
      // The rows the dashboard hid are the rows the PDF hides. A row is its label followed by its
      // cells (a table header repeated on a new page is skipped).
      const isCell = (item: string | undefined) => item === MARK || /^[0-9]/.test(item ?? '');
      const rowAt = (label: string) =>
        text.findIndex((item, i) => i > section && item === label && isCell(text[i + 1]));
      for (const r of reports?.rows ?? []) {
        const at = rowAt(r.label);
        const cells = text.slice(at + 1, at + 3).map((c): Seen => (c === MARK ? 'hidden' : Number(c)));
        expect(cells, `PDF row ${r.label}`).toEqual(r.cells);
      }
      expect(text.slice(rowAt(TIEL) + 1, rowAt(TIEL) + 3)).toEqual([MARK, MARK]);
      expect(text.slice(rowAt('Nijmegen') + 1, rowAt('Nijmegen') + 3)).toEqual(['14', '14']);

      // XLSX: every cell of every table in it, against the same table on the dashboard.
      const xlsx = await downloadReport(page, 'xlsx');
      expect(xlsx.name.endsWith('.xlsx')).toBe(true);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]?.name).toBe('Overzicht');
      let compared = 0;
      let hiddenCompared = 0;
      const sheetsCompared: string[] = [];
      for (const sheet of workbook.worksheets.slice(1)) {
        const title = String(sheet.getCell('A1').value);
        const onScreen = screen.find((t) => t.caption === title);
        expect(onScreen, `dashboard table for sheet "${title}"`).toBeDefined();
        if (!onScreen) continue;
        sheetsCompared.push(title);
        const header = (sheet.getRow(4).values as unknown[]).slice(1).map(String);
        // Columns by header; a rate's one column is the last column on the screen.
        const columnOnScreen = (label: string) =>
          label === 'Per 100.000 inwoners per jaar'
            ? onScreen.header.length - 1
            : onScreen.header.indexOf(label);
        for (let r = 5; r <= sheet.rowCount; r++) {
          const values = (sheet.getRow(r).values as unknown[]).slice(1);
          const label = values[0];
          const screenRow = onScreen.rows.find((x) => x.label === label);
          if (typeof label !== 'string' || !screenRow) continue;
          header.forEach((h, c) => {
            if (c === 0) return;
            const at = columnOnScreen(h);
            if (at < 1) return;
            const inFile = values[c] === MARK ? 'hidden' : values[c];
            const seen = screenRow.cells[at - 1];
            expect(inFile, `${title} / ${label} / ${h}`).toEqual(seen);
            if (label === TIEL && seen !== 'hidden') expect(seen).not.toBe(2);
            compared += 1;
            if (seen === 'hidden') hiddenCompared += 1;
          });
        }
        sheet.eachRow((r) =>
          r.eachCell((cell) => {
            expect(cell.formula, `formula in ${title}`).toBeUndefined();
            if (typeof cell.value === 'number') expect(cell.value).not.toBe(2);
          }),
        );
      }
      expect(sheetsCompared).toContain('Meldingen');
      expect(compared).toBeGreaterThan(40);
      expect(hiddenCompared).toBeGreaterThan(4);

      // Both runs are listed with their files.
      const recent = page.getByRole('table', { name: 'Recente rapporten' });
      await expect(recent.getByRole('link').count()).resolves.toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

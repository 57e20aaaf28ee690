import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReport, signIn } from '../support/test-app.ts';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { logIn, newPage } from './support/pages.ts';

// "Hulp en ondersteuning" in the Dutch web UI: Wendy (local team, coordinator of the case) records
// help for the perpetrator and an experience expert, then that the help started and that the
// household declined the experience expert. The case itself is opened through the API.
let server: E2eServer;
let browser: Browser;
let caseId: string;

const PERSONS = [
  { fullName: 'Anna de Wit', dateOfBirth: '1986-05-05', role: 'victim' },
  { fullName: 'Karel de Wit', dateOfBirth: '1984-02-02', role: 'perpetrator' },
  { fullName: 'Bram de Wit', dateOfBirth: '2014-08-08', role: 'child' },
];

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const local = await signIn(server, 'wijkteam.nijmegen');
  const report = await local.post<{ id: string }>('/api/reports', sampleReport({ persons: PERSONS }));
  expect(report.status).toBe(201);
  const opened = await local.post<{ id: string }>('/api/cases', { reportId: report.body.id });
  expect(opened.status).toBe(201);
  caseId = opened.body.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits for the answer of one API write triggered by `action`. */
async function submitted(page: Page, path: RegExp, action: () => Promise<void>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname)),
    action(),
  ]);
  return response;
}

describe('help for perpetrators and experience experts', () => {
  it('the local team records perpetrator help and an experience expert, then "used" and "declined"', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      page.setDefaultTimeout(10_000);
      await logIn(page, server, 'wijkteam.nijmegen');
      await page.goto(`${server.base}/casussen/${caseId}`);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      const section = page.getByRole('region', { name: 'Hulp en ondersteuning' });
      await section
        .getByText('Er is nog geen hulp of ervaringsdeskundige vastgelegd die u mag zien.')
        .waitFor();

      const form = page.getByRole('form', { name: 'Hulp of ervaringsdeskundige vastleggen' });
      // Perpetrator help is the default; only the perpetrator can be chosen, and health is proposed.
      await expect(form.getByLabel('Hulp voor pleger').isChecked()).resolves.toBe(true);
      const member = form.getByLabel(/^Voor wie/);
      await expect(member.locator('option').allTextContents()).resolves.toEqual([
        'Kies de pleger',
        'Karel de Wit (Pleger)',
      ]);
      await expect(form.getByLabel('Wie mag dit zien?').inputValue()).resolves.toBe('health');
      // Without a perpetrator the form says what is missing, before anything is sent.
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await page.getByText('Kies de pleger aan wie de hulp is aangeboden.').first().waitFor();
      await expectAccessible(page, 'support form with errors');

      await member.selectOption({ label: 'Karel de Wit (Pleger)' });
      await form.getByLabel(/^Aanbieder/).fill('De Waag Nijmegen');
      await form.getByLabel(/^Toelichting/).fill('Aangemeld voor de groepstraining.');
      const help = await submitted(page, /\/support$/, () =>
        form.getByRole('button', { name: 'Vastleggen' }).click(),
      );
      expect(help.status()).toBe(201);
      await page.getByText('Het aanbod is vastgelegd.').waitFor();

      await form.getByLabel('Ervaringsdeskundige').check();
      await expect(form.getByLabel('Wie mag dit zien?').inputValue()).resolves.toBe('team');
      await expect(form.getByLabel(/^Voor wie/).inputValue()).resolves.toBe('');
      await form.getByLabel(/^Aanbieder/).fill('Pool ervaringsdeskundigen Gelderland-Zuid');
      const expert = await submitted(page, /\/support$/, () =>
        form.getByRole('button', { name: 'Vastleggen' }).click(),
      );
      expect(expert.status()).toBe(201);

      const table = page.getByRole('table', {
        name: 'Aangeboden hulp en ervaringsdeskundigen met de uitkomst',
      });
      await table.getByRole('cell', { name: 'Pool ervaringsdeskundigen Gelderland-Zuid' }).waitFor();
      await table.getByRole('cell', { name: 'De Waag Nijmegen' }).waitFor();
      await expect(table.getByText('Uitkomst nog niet bekend').count()).resolves.toBe(2);

      const helpOutcome = page.getByRole('form', {
        name: 'Uitkomst vastleggen: Hulp voor pleger (De Waag Nijmegen)',
      });
      await helpOutcome.getByLabel('Hulp is gestart').check();
      await helpOutcome.getByLabel(/^Toelichting/).fill('Eerste sessie gevolgd.');
      const used = await submitted(page, /\/outcome$/, () =>
        helpOutcome.getByRole('button', { name: 'Uitkomst vastleggen' }).click(),
      );
      expect(used.status()).toBe(200);
      await table.getByText('Hulp is gestart').waitFor();

      const expertOutcome = page.getByRole('form', {
        name: 'Uitkomst vastleggen: Ervaringsdeskundige (Pool ervaringsdeskundigen Gelderland-Zuid)',
      });
      await expertOutcome.getByLabel('Inzet is afgewezen').check();
      const declined = await submitted(page, /\/outcome$/, () =>
        expertOutcome.getByRole('button', { name: 'Uitkomst vastleggen' }).click(),
      );
      expect(declined.status()).toBe(200);
      await table.getByText('Inzet is afgewezen').waitFor();
      // Both decided: no outcome forms are left, and the details say who recorded what.
      await expect(page.getByRole('form', { name: /^Uitkomst vastleggen/ }).count()).resolves.toBe(0);
      await section.getByText(/^Hulp is gestart op .* \(vastgelegd door Wendy Wijkteam/).waitFor();
      await expectAccessible(page, 'support with outcomes');

      const rows = await server.deps.db
        .selectFrom('case_support')
        .select(['kind', 'outcome', 'member_id', 'category'])
        .where('case_id', '=', caseId)
        .orderBy('kind')
        .execute();
      expect(rows.map((r) => [r.kind, r.outcome, r.member_id !== null, r.category])).toEqual([
        ['experience_expert', 'declined', false, 'team'],
        ['perpetrator_help', 'used', true, 'health'],
      ]);
      expect(errors.filter((e) => !/status of 4(00|22)/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

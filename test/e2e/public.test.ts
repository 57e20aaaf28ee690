import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { logIn, newPage } from './support/pages.ts';

// Residents reach Veilig Thuis without an account, on a phone: an anonymous advice request and a
// report whose reporter stays anonymous towards the household. Veilig Thuis answers the advice.
let server: E2eServer;
let browser: Browser;
let adviceReference: string;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function noSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

describe('public pages on a narrow screen', () => {
  it('a resident asks for advice anonymously', async () => {
    const { context, page, errors } = await newPage(browser, 375);
    try {
      await page.goto(`${server.base}/hulp`);
      await page
        .getByRole('heading', { level: 1, name: 'Hulp bij huiselijk geweld en kindermishandeling' })
        .waitFor();
      await page.getByRole('link', { name: 'Bel 112.' }).waitFor();
      await noSidewaysScroll(page);
      await expectAccessible(page, 'help (mobile)');
      await page.getByRole('link', { name: 'Advies vragen aan Veilig Thuis' }).click();
      await page.getByRole('heading', { level: 1, name: 'Advies vragen aan Veilig Thuis' }).waitFor();
      await page.getByLabel('In welke gemeente woont het gezin?').selectOption({ label: 'Nijmegen' });
      await page.getByRole('checkbox', { name: 'Kindermishandeling' }).check();
      await page.getByRole('radio', { name: 'Korter dan 6 maanden' }).check();
      await page
        .getByLabel('Uw vraag', { exact: true })
        .fill('Ik hoor de buurkinderen vaak huilen en schreeuwen. Wat kan ik doen?');
      await page.getByRole('radio', { name: 'Ja, ik blijf anoniem' }).check();
      await noSidewaysScroll(page);
      await expectAccessible(page, 'public advice form (mobile)');
      await page.getByRole('button', { name: 'Vraag versturen' }).click();
      await page.getByRole('heading', { name: 'Uw vraag is verstuurd' }).waitFor();
      adviceReference = (
        (await page
          .getByText(/^A-\d{4}-/)
          .first()
          .textContent()) ?? ''
      ).trim();
      expect(adviceReference).toMatch(/^A-\d{4}-[0-9A-Z]{7}$/);
      await expectAccessible(page, 'advice sent (mobile)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a resident reports and asks to stay anonymous towards the household', async () => {
    const { context, page, errors } = await newPage(browser, 375);
    try {
      await page.goto(`${server.base}/hulp/melden`);
      await page.getByRole('heading', { level: 1, name: 'Een melding doen bij Veilig Thuis' }).waitFor();
      await page.getByLabel('In welke gemeente woont het gezin?').selectOption({ label: 'Nijmegen' });
      await page.getByRole('checkbox', { name: 'Partnergeweld', exact: true }).check();
      const person = page.getByRole('group', { name: 'Persoon 1' });
      await person.getByLabel('Naam', { exact: true }).fill('Mark de Vries');
      await person.getByLabel('Geboortedatum').fill('1984-05-05');
      await person.getByLabel('Wie is deze persoon?').selectOption('perpetrator');
      await page
        .getByRole('group', { name: 'Is het nu onveilig voor iemand?' })
        .getByRole('radio', { name: 'Nee', exact: true })
        .check();
      await page
        .getByLabel('Wat is er gebeurd?')
        .fill('Ik hoor bijna elke nacht slaan en schreeuwen bij de buren.');
      await page.getByLabel('Uw naam').fill('Els Buurvrouw');
      await page.getByLabel('Telefoonnummer').fill('06-87654321');
      await page.getByRole('checkbox', { name: 'Ik wil anoniem blijven tegenover het gezin' }).check();
      await noSidewaysScroll(page);
      await expectAccessible(page, 'public report form (mobile)');
      await page.getByRole('button', { name: 'Melding versturen' }).click();
      await page.getByRole('heading', { name: 'Uw melding is verstuurd' }).waitFor();
      await expectAccessible(page, 'report sent (mobile)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Veilig Thuis answers', () => {
  it('sees the anonymous advice request in its list and records its advice', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await logIn(page, server, 'vt.intake');
      await page.getByRole('link', { name: 'Adviesvragen Veilig Thuis' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Adviesvragen Veilig Thuis' }).waitFor();
      await expect(page.getByRole('table', { name: 'Open adviesvragen' }).textContent()).resolves.toContain(
        adviceReference,
      );
      await expectAccessible(page, 'advice queue');
      const form = page.getByRole('form', { name: `Adviesvraag ${adviceReference}` });
      await form
        .getByLabel('Advies', { exact: true })
        .fill('Bel bij direct gevaar 112; anders kunt u ons altijd bellen.');
      await form.getByRole('button', { name: 'Advies vastleggen' }).click();
      await page.getByText(`Het advies bij ${adviceReference} is vastgelegd.`).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

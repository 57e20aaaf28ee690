import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/modules/demo/demo-users.ts';
import { demoSecret, freshCode } from '../../support/test-app.ts';
import { watchErrors } from './browser.ts';
import type { E2eServer } from './e2e-server.ts';

/** A fresh browser context as a Dutch user in Amsterdam would have it, with its errors collected. */
export async function newPage(
  browser: Browser,
  width = 1280,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Signs a demo user in through the login page, with a second-factor code from the server's clock. */
export async function logIn(page: Page, server: E2eServer, username: string) {
  await page.goto(`${server.base}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByLabel('Code uit de authenticator-app').fill(freshCode(server, demoSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-users.ts';
import { demoSecret, freshCode, sampleReport, signIn } from '../support/test-app.ts';
import { expectAccessible, launchBrowser, watchErrors } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';

// Household casework: the local-team reporter opens a case from their report, builds the team with
// the police, scores safety with the household (TOP-3), agrees the safety plan and moves the case
// to stable safety.
let server: E2eServer;
let browser: Browser;
let reportId: string;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const local = await signIn(server, 'wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({
      persons: [
        { fullName: 'Anna Visser', dateOfBirth: '1986-05-05', role: 'victim' },
        { fullName: 'Bram Visser', dateOfBirth: '2014-08-08', role: 'child' },
      ],
    }),
  );
  expect(report.status).toBe(201);
  reportId = report.body.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

async function logIn(page: Page, username: string) {
  await page.goto(`${server.base}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByLabel('Code uit de authenticator-app').fill(freshCode(server, demoSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

describe('household casework', () => {
  let caseUrl: string;

  it('opens a case from a report, adds a team member, scores safety, agrees a plan and moves the phase', async () => {
    const { context, page, errors } = await newPage();
    try {
      await logIn(page, 'wijkteam.nijmegen');
      await page.goto(`${server.base}/meldingen/${reportId}`);
      await page.getByRole('heading', { level: 2, name: 'Casus', exact: true }).waitFor();
      await expectAccessible(page, 'report with case section');
      await page.getByRole('button', { name: 'Casus openen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      caseUrl = page.url();
      await page
        .getByRole('table', { name: 'Leden van het huishouden en hun rol' })
        .getByText('Bram Visser')
        .waitFor();
      await expectAccessible(page, 'case opened');

      const person = page.getByLabel('Professional', { exact: true });
      const paul = await person.locator('option', { hasText: 'Paul Politie' }).getAttribute('value');
      await person.selectOption(paul ?? '');
      await page.getByLabel('Rol in de casus').selectOption({ label: 'Veiligheidspartner' });
      await page.getByRole('button', { name: 'Toevoegen aan het team' }).click();
      await page.getByText('Het teamlid is toegevoegd.').waitFor();
      await page
        .getByRole('table', { name: 'Regisseur en teamleden met hun organisatie en rol' })
        .getByRole('rowheader', { name: 'Paul Politie' })
        .waitFor();

      // Leaving direct safety without agreed actions is refused with the rule's reason.
      await page.getByLabel('Naar fase').selectOption({ label: 'Stabiele veiligheid' });
      await page.getByLabel('Reden').fill('Het lijkt rustiger thuis.');
      await page.getByRole('button', { name: 'Fase wijzigen' }).click();
      await page
        .getByText(/afgesproken veiligheidsplan/)
        .first()
        .waitFor();
      await expectAccessible(page, 'phase refused');

      const scoring = page.getByRole('form', { name: 'Veiligheid scoren' });
      await scoring.getByLabel(/^Anna Visser/).fill('4');
      await scoring.getByLabel(/^Bram Visser/).fill('3');
      await page.getByLabel('Zorg 1').fill('Escalaties bij alcoholgebruik');
      await page.getByLabel('Zorg 2').fill('Kind slaapt slecht');
      const action = page.getByRole('group', { name: 'Actie 1' });
      await action.getByLabel('Wat gaat er gebeuren?').fill('Veiligheidsafspraken met vader maken');
      await action.getByLabel('Eigenaar').selectOption({ index: 1 });
      const due = new Date(server.clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
      await action.getByLabel('Uiterlijk op').fill(due);
      await page.getByRole('button', { name: 'Taxatie vastleggen' }).click();
      await page.getByText('De veiligheidstaxatie is vastgelegd.').waitFor();
      await page.getByRole('img', { name: 'Verloop van de veiligheidsscores' }).waitFor();
      const scores = page.getByRole('table', { name: 'Veiligheidsscores per beoordeling' });
      await expect(scores.textContent()).resolves.toContain('3');
      await expectAccessible(page, 'assessment recorded');

      await page.getByLabel('Voorwaarde 1').fill('Geen geweld in het bijzijn van de kinderen');
      const agreement = page.getByRole('group', { name: 'Afspraak 1' });
      await agreement.getByLabel('Afspraak').fill('Vader volgt agressieregulatie');
      await agreement.getByLabel('Eigenaar').selectOption({ index: 1 });
      await agreement.getByLabel('Uiterlijk op').fill(due);
      await page.getByLabel('Wat doen we als het misgaat?').fill('Moeder belt 112 en daarna de regisseur.');
      await page.getByLabel('Dit plan is met het gezin en het team afgesproken').check();
      await page.getByRole('button', { name: 'Versie opslaan' }).click();
      await page.getByText('Versie 1 is opgeslagen (Afgesproken).').waitFor();
      await page.getByRole('table', { name: 'Versies van het veiligheidsplan' }).waitFor();
      await expectAccessible(page, 'safety plan agreed');

      await page.getByLabel('Naar fase').selectOption({ label: 'Stabiele veiligheid' });
      await page.getByLabel('Reden').fill('Veiligheidsafspraken gemaakt met het gezin.');
      await page.getByRole('button', { name: 'Fase wijzigen' }).click();
      await page.getByText('De casus is nu in de fase Stabiele veiligheid.').waitFor();
      await expectAccessible(page, 'phase changed');

      await page.getByRole('link', { name: 'Mijn casussen' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Mijn casussen' }).waitFor();
      const row = page
        .getByRole('table', { name: 'Casussen waarin u regisseur of teamlid bent' })
        .getByRole('row');
      // The list may first show what it had cached, then the fresh phase: wait for the fresh one.
      await row.filter({ hasText: 'Stabiele veiligheid' }).first().waitFor();
      await expect(row.filter({ hasText: 'Stabiele veiligheid' }).count()).resolves.toBe(1);
      await expectAccessible(page, 'my cases');
      expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the police team member sees the case; another local team does not', async () => {
    const police = await newPage();
    try {
      await logIn(police.page, 'politie.nijmegen');
      await police.page.goto(caseUrl);
      await police.page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      expect(await police.page.getByRole('button', { name: 'Toevoegen aan het team' }).count()).toBe(0);
    } finally {
      await police.context.close();
    }
    const other = await newPage();
    try {
      await logIn(other.page, 'wijkteam.tiel');
      await other.page.goto(caseUrl);
      await other.page.getByRole('heading', { level: 1, name: 'Casus niet gevonden' }).waitFor();
      await expectAccessible(other.page, 'case not found');
    } finally {
      await other.context.close();
    }
  });
});

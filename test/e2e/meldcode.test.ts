import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-users.ts';
import { demoSecret, freshCode, signIn } from '../support/test-app.ts';
import { expectAccessible, launchBrowser, watchErrors } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';

// A professional of the local team walks the meldcode: kindcheck, consulting Veilig Thuis, the
// talk, the afwegingskader question by question, the outcome, and the prefilled report.
let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function logIn(page: Page, username: string) {
  await page.goto(`${server.base}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByLabel('Code uit de authenticator-app').fill(freshCode(server, demoSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

/** Yesterday (UTC): never in the future of the Amsterdam calendar day. */
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('the meldcode assistant', () => {
  it('a professional walks the five steps to a report for Veilig Thuis', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await logIn(page, 'wijkteam.nijmegen');
      await page.getByRole('link', { name: 'Meldcode', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Meldcode' }).waitFor();
      await expectAccessible(page, 'meldcode list');

      await page.getByRole('link', { name: 'Nieuw meldcodedossier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuw meldcodedossier' }).waitFor();
      await page.getByRole('button', { name: 'Dossier aanmaken' }).click();
      await page.getByRole('alert').getByText('Kies de gemeente waar de cliënt woont.').waitFor();
      await expectAccessible(page, 'new record with errors');

      await page.getByLabel('Gemeente waar de cliënt woont').selectOption({ label: 'Nijmegen' });
      const first = page.getByRole('group', { name: 'Persoon 1' });
      await first.getByLabel('Naam').fill('Marieke Smit');
      await first.getByLabel('Geboortedatum').fill('1986-05-04');
      await first.getByLabel('Rol').selectOption({ label: 'Slachtoffer' });
      await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
      const second = page.getByRole('group', { name: 'Persoon 2' });
      await second.getByLabel('Naam').fill('Noa Smit');
      await second.getByLabel('Geboortedatum').fill('2016-09-12');
      await second.getByLabel('Rol').selectOption({ label: 'Kind' });
      await page
        .getByRole('group', { name: 'Wie is uw cliënt?' })
        .getByRole('radio', { name: 'Persoon 1: Marieke Smit' })
        .check();
      await page
        .getByRole('group', { name: /Verwacht de cliënt/ })
        .getByRole('radio', { name: 'Nee' })
        .check();
      const kinds = page.getByRole('group', { name: /vormen van geweld/ });
      await kinds.getByRole('checkbox', { name: 'Partnergeweld', exact: true }).check();
      await kinds.getByRole('checkbox', { name: 'Kindermishandeling' }).check();
      await page.getByRole('button', { name: 'Dossier aanmaken' }).click();

      await page.getByRole('heading', { level: 1, name: 'Meldcodedossier Marieke Smit' }).waitFor();
      // Step 1 with the kindcheck: an adult client with a minor child in the record.
      await page.getByRole('heading', { level: 3, name: 'Kindcheck' }).waitFor();
      await expectAccessible(page, 'new record, step 1 with kindcheck');
      await page.getByRole('button', { name: 'Stap 1 vastleggen' }).click();
      await page.getByRole('alert').getByText('Beschrijf de signalen.').first().waitFor();
      await page
        .getByLabel('Signalen', { exact: true })
        .fill('Noa komt met blauwe plekken op school; moeder vertelt over slaan.');
      await page
        .getByLabel('Uitkomst van de kindcheck')
        .fill('Noa (10) woont bij moeder en is thuis niet veilig.');
      await page.getByRole('button', { name: 'Stap 1 vastleggen' }).click();
      await page
        .getByText(/^Vastgelegd op/)
        .first()
        .waitFor();

      // Step 2: consulting Veilig Thuis sends an advice request.
      await page
        .getByRole('group', { name: 'Met wie overlegde u?' })
        .getByRole('radio', { name: 'Veilig Thuis (adviesvraag)' })
        .check();
      await page.getByLabel('Naam of functie').fill('Adviseur Veilig Thuis');
      await page.getByLabel('Datum van het overleg').fill(yesterday());
      await page
        .getByLabel('Uw vraag aan Veilig Thuis')
        .fill('Leerling met blauwe plekken, moeder noemt partnergeweld. Wat is wijs?');
      await page.getByLabel('Hoe lang speelt het geweld al?').selectOption({ label: 'Korter dan 6 maanden' });
      await page.getByLabel('Uw sector').selectOption({ label: 'Gezondheidszorg' });
      await page
        .getByLabel('Uitkomst van het overleg')
        .fill('Gesprek voeren met moeder; bij onveiligheid melden.');
      await page.getByRole('button', { name: 'Overleg vastleggen' }).click();
      const consultations = page.getByRole('table', { name: 'Overleg' });
      await consultations.getByText(/adviesvraag verstuurd/).waitFor();

      // Step 3: the talk with the client.
      await page
        .getByRole('group', { name: 'Heeft het gesprek met de cliënt plaatsgevonden?' })
        .getByRole('radio', { name: 'Ja' })
        .check();
      await page
        .getByLabel('Samenvatting van het gesprek')
        .fill('Moeder bevestigt het geweld; de partner weigert hulp.');
      await page.getByRole('button', { name: 'Stap 3 vastleggen' }).click();
      await page.getByText('Het gesprek vond plaats.').waitFor();

      // Step 4: the afwegingskader asks one question at a time.
      const q1 = page.getByRole('group', { name: /^Vraag 1: Is er op basis van de stappen 1 tot en met 3/ });
      await q1.getByRole('radio', { name: 'Ja' }).check();
      await page.getByRole('button', { name: 'Antwoord vastleggen' }).click();
      const q2 = page.getByRole('group', { name: /^Vraag 2: Is er sprake van acute onveiligheid/ });
      await q2.waitFor();
      expect(await page.getByRole('group', { name: /^Vraag 3/ }).count()).toBe(0);
      await q2.getByRole('radio', { name: 'Ja' }).check();
      await page.getByRole('button', { name: 'Antwoord vastleggen' }).click();
      await page.getByText('Uitkomst van het afwegingskader: Melden bij Veilig Thuis').waitFor();
      await expectAccessible(page, 'weighing outcome');

      // Step 5: the outcome is fixed; only "acute?" is asked.
      expect(await page.getByRole('radio', { name: /Afsluiten/ }).count()).toBe(0);
      await page
        .getByRole('group', { name: 'Is de onveiligheid acuut?' })
        .getByRole('radio', { name: 'Nee' })
        .check();
      await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await page.getByText('Besluit: Melden bij Veilig Thuis').waitFor();

      await page.getByRole('button', { name: 'Melding doen' }).click();
      const link = page.getByRole('link', { name: /^Melding M-\d{4}-\w+ bekijken$/ });
      await link.waitFor();
      await page.getByText('de stappen liggen vast').waitFor();
      await expectAccessible(page, 'report made');
      await link.click();
      await page.getByRole('heading', { level: 1, name: /^Melding M-/ }).waitFor();
      await page
        .getByText(/Noa komt met blauwe plekken op school/)
        .first()
        .waitFor();
      expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    } finally {
      await context.close();
    }

    // Veilig Thuis has the report in its queue.
    const vt = await signIn(server, 'vt.intake');
    const queue = await vt.get<{ reference: string; personCount: number }[]>('/api/veilig-thuis/queue');
    expect(queue.body.some((r) => r.personCount === 2)).toBe(true);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReport, signIn } from '../support/test-app.ts';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { logIn, newPage } from './support/pages.ts';

// Veilig Thuis at work: the radar flags a re-report of a family whose earlier involvement ended
// (a handover would open a household case, and a report while it is open is a follow-up report),
// the safety assessment is recorded with a reasoned route, and the queue shows the norm.
let server: E2eServer;
let browser: Browser;
let earlierReference: string;
let newId: string;

const family = [
  { fullName: 'Piet Bakker', dateOfBirth: '1975-09-09', bsn: '111222333', role: 'perpetrator' },
];

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const local = await signIn(server, 'wijkteam.nijmegen');
  const vt = await signIn(server, 'vt.intake');
  const earlier = await local.post<{ id: string; reference: string }>(
    '/api/reports',
    sampleReport({ persons: family }),
  );
  earlierReference = earlier.body.reference;
  const handed = await vt.post(`/api/reports/${earlier.body.id}/assessment`, {
    acuteUnsafety: false,
    structuralUnsafety: false,
    route: 'end_of_involvement',
    reason: 'Geen zorgen meer; betrokkenheid beëindigd.',
  });
  expect(handed.status).toBe(200);
  server.clock.advance(60_000);
  const again = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({ persons: [{ ...family[0], fullName: 'P. Bakker' }], acute: true }),
  );
  newId = again.body.id;
  // Another household's report is handed over to the local team: that opens its household case.
  const other = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({ persons: [{ fullName: 'Hanna de Wit', dateOfBirth: '1990-04-04', role: 'victim' }] }),
  );
  const handedOver = await vt.post(`/api/reports/${other.body.id}/assessment`, {
    acuteUnsafety: false,
    structuralUnsafety: false,
    route: 'handover_local_team',
    reason: 'Wijkteam kent het gezin en pakt de hulp op.',
  });
  expect(handedOver.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('radar and safety assessment', () => {
  it('flags the re-report, refuses an unsafe route, and records the assessment with its clocks', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await logIn(page, server, 'vt.intake');
      await page.goto(`${server.base}/meldingen/${newId}`);
      await page.getByRole('heading', { level: 2, name: 'Radar: eerdere betrokkenheid' }).waitFor();
      await page.getByText('Hermelding (eerdere betrokkenheid is beëindigd)').first().waitFor();
      const row = page
        .getByRole('table', { name: 'Eerdere meldingen over dezelfde personen' })
        .getByRole('row')
        .filter({ hasText: earlierReference });
      await expect(row.textContent()).resolves.toContain('BSN');
      await expectAccessible(page, 'report with radar');

      const acute = page.getByRole('group', { name: 'Is er sprake van acute onveiligheid?' });
      await acute.getByRole('radio', { name: 'Ja' }).check();
      await page
        .getByRole('group', { name: 'Is er sprake van structurele onveiligheid?' })
        .getByRole('radio', { name: 'Ja' })
        .check();
      await page.getByLabel('Vervolgroute').selectOption({ label: 'Overdracht aan het lokale team' });
      await page.getByLabel('Onderbouwing').fill('Gezin bekend, wijkteam is al betrokken.');
      await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await page
        .getByText(/Bij acute onveiligheid blijft Veilig Thuis betrokken/)
        .first()
        .waitFor();
      await expectAccessible(page, 'assessment refused');

      await page.getByLabel('Vervolgroute').selectOption({ label: 'Onderzoek door Veilig Thuis' });
      await page.getByLabel('Onderbouwing').fill('Acute zorgen over het kind; Veilig Thuis onderzoekt zelf.');
      await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await page.getByText('De veiligheidsbeoordeling is vastgelegd.').waitFor();
      await page.getByText('Onderzoek afronden uiterlijk').waitFor();
      await expectAccessible(page, 'assessment recorded');

      // Letters: the household is informed without the reporter (the local team) being named.
      await page.getByRole('button', { name: 'Brief aan het gezin tonen' }).click();
      const letter = page.getByRole('article');
      await letter.getByText('Beste P. Bakker,').waitFor();
      expect(await letter.textContent()).not.toContain('Gemeente Nijmegen');
      await expectAccessible(page, 'household letter');
      await page.getByLabel('Reden voor verlenging').fill('Gezin is twee weken op vakantie.');
      await page.getByRole('button', { name: 'Termijn met 2 weken verlengen' }).click();
      await page.getByRole('button', { name: 'Brief aan het gezin verstuurd' }).click();
      await page
        .getByRole('button', { name: 'Brief aan het gezin verstuurd' })
        .waitFor({ state: 'detached' });
      expect(await page.getByLabel('Reden voor verlenging').count()).toBe(0);
      await expectAccessible(page, 'informing recorded');
      await page.getByRole('button', { name: 'Brief aan de melder tonen' }).click();
      await page.getByRole('article').getByText('Beste Gemeente Nijmegen,').waitFor();

      // The investigation is concluded with its outcome.
      await page
        .getByRole('group', { name: 'Uitkomst van het onderzoek' })
        .getByRole('radio', { name: 'Bevestigd', exact: true })
        .check();
      await page
        .getByLabel('Conclusie')
        .fill('Na gesprekken met school en gezin is de mishandeling bevestigd.');
      await page.getByRole('button', { name: 'Onderzoek afronden' }).click();
      await page.getByText(/Het onderzoek is afgerond op .* Uitkomst: Bevestigd\./).waitFor();
      await expectAccessible(page, 'investigation concluded');
      expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the queue shows the share assessed in time against the 90% norm', async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, server, 'vt.teamleider');
      await page.goto(`${server.base}/veilig-thuis/wachtrij`);
      await page.getByRole('heading', { level: 2, name: 'Beoordelingen binnen 5 werkdagen' }).waitFor();
      const figures = page.getByRole('table', { name: 'Per maand, norm 90%' });
      await expect(figures.textContent()).resolves.toContain('100%');
      await expectAccessible(page, 'queue with figures');
    } finally {
      await context.close();
    }
  });

  it('the reporter sees the route taken, not Veilig Thuis’ weighing', async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, server, 'wijkteam.nijmegen');
      await page.goto(`${server.base}/meldingen/${newId}`);
      await page.getByRole('heading', { level: 2, name: 'Veiligheidsbeoordeling' }).waitFor();
      await page.getByText('Onderzoek door Veilig Thuis').first().waitFor();
      expect(await page.getByText('Acute zorgen over het kind').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Radar: eerdere betrokkenheid' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('police batch import', () => {
  it('a police officer imports a CSV with one invalid row and reads the rejection report', async () => {
    const { context, page, errors } = await newPage(browser);
    const csv = [
      'report_ref,municipality_code,acute,violence_kinds,description,person_name,person_date_of_birth,person_bsn,person_role',
      'PL-100,GM0268,nee,partner_violence,Ruzie met geweld,Karin Smit,1988-03-12,999996630,victim',
      'PL-101,GM0268,ja,child_abuse,Kind met letsel,Tim de Boer,2015-01-01,123456789,child',
    ].join('\n');
    try {
      await logIn(page, server, 'politie.nijmegen');
      await page.getByRole('link', { name: 'Politiemeldingen importeren' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Politiemeldingen importeren' }).waitFor();
      await expectAccessible(page, 'import page');
      await page
        .getByLabel('Bestand (CSV of JSON)')
        .setInputFiles({ name: 'politie.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Importeren' }).click();
      await page.getByText('1 melding geïmporteerd, 1 afgewezen.').waitFor();
      const rejected = page.getByRole('table', { name: 'Afgewezen meldingen' });
      await expect(rejected.textContent()).resolves.toContain('PL-101');
      await expect(rejected.textContent()).resolves.toContain('elfproef');
      const imported = page.getByRole('table', { name: 'Geïmporteerde meldingen' });
      await expect(imported.textContent()).resolves.toContain('PL-100');
      await expectAccessible(page, 'import result');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the handover reaches the local team', () => {
  it('the local-team professional who reported now sees the household case', async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, server, 'wijkteam.nijmegen');
      await page.getByRole('link', { name: 'Mijn casussen' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Mijn casussen' }).waitFor();
      const cases = page.getByRole('table', { name: 'Casussen waarin u regisseur of teamlid bent' });
      await cases.getByRole('row').filter({ hasText: 'Directe veiligheid' }).first().waitFor();
      await expectAccessible(page, 'local team: my cases');
    } finally {
      await context.close();
    }
  });
});

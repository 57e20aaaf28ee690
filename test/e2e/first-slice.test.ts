import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-users.ts';
import { demoSecret, freshCode, sampleReport, signIn } from '../support/test-app.ts';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { logIn, newPage } from './support/pages.ts';

// The first slice in a real browser: a local-team professional records a report, Veilig Thuis sees
// it in the queue with the right deadline, a forbidden user sees nothing. axe checks every page.
let server: E2eServer;
let browser: Browser;
let easterReference: string;
let kingsDayReference: string;
let kingsDayId: string;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  // Thursday before Easter 2027 (Good Friday 26 March counts, Easter Monday 29 March does not).
  server.setAmsterdamTime('2027-03-25T10:00');
  const local = await signIn(server, 'wijkteam.nijmegen');
  const created = await local.post<{ reference: string }>(
    '/api/reports',
    sampleReport({ description: 'Melding vlak voor Pasen.' }),
  );
  expect(created.status).toBe(201);
  easterReference = created.body.reference;
  // Thursday before King's Day 2027 (Tuesday 27 April).
  server.setAmsterdamTime('2027-04-22T10:00');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign in with a second factor', () => {
  it('shows the Dutch login page with the demo banner, refuses a wrong password, then signs in with the code', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await page.goto(`${server.base}/`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      await expect(
        page.getByText('Demo-omgeving — geen echte gegevens invoeren').first().isVisible(),
      ).resolves.toBe(true);
      await expectAccessible(page, 'login');

      await page.getByLabel('Gebruikersnaam').fill('vt.intake');
      await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-wachtwoord');
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.getByText('Gebruikersnaam of wachtwoord is onjuist.').first().waitFor();

      await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.getByRole('heading', { name: 'Stap 2 van 2: code uit de authenticator-app' }).waitFor();
      await expectAccessible(page, 'login step 2');
      await page.getByLabel('Code uit de authenticator-app').fill('000000');
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByText('De code uit de authenticator-app is onjuist.').first().waitFor();
      await page.getByLabel('Code uit de authenticator-app').fill(freshCode(server, demoSecret('vt.intake')));
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByRole('heading', { level: 1, name: /Welkom, Vera Intake/ }).waitFor();
      await expectAccessible(page, 'start');
      await server.deps.db.updateTable('app_user').set({ failed_logins: 0 }).execute();
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a local-team professional records a report', () => {
  it('fills in the form and gets the reference and the deadline over King’s Day', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await logIn(page, server, 'wijkteam.nijmegen');
      await page.getByRole('link', { name: 'Nieuwe melding' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nieuwe melding' }).waitFor();
      await expectAccessible(page, 'new report');

      await page.getByLabel('Gemeente van het huishouden').selectOption({ label: 'Nijmegen' });
      const person = page.getByRole('group', { name: 'Persoon 1' });
      await person.getByLabel('Naam', { exact: true }).fill('Jan <b>Jansen</b>');
      await person.getByLabel('Geboortedatum').fill('1985-02-03');
      await person.getByLabel('BSN (niet verplicht)').fill('123456789');
      await person.getByLabel('Rol').selectOption({ label: 'Pleger' });
      await page.getByText('Dit BSN klopt niet volgens de elfproef. Controleer het nummer.').waitFor();
      await person.getByLabel('BSN (niet verplicht)').fill('999996708');
      await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
      const child = page.getByRole('group', { name: 'Persoon 2' });
      await child.getByLabel('Naam', { exact: true }).fill('Sara Jansen');
      await child.getByLabel('Geboortedatum').fill('2016-06-01');
      await child.getByLabel('Rol').selectOption({ label: 'Kind' });
      await page.getByRole('checkbox', { name: 'Partnergeweld', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Kindermishandeling' }).check();
      await page
        .getByRole('group', { name: 'Is er sprake van acute onveiligheid?' })
        .getByRole('radio', { name: 'Nee' })
        .check();
      await page
        .getByLabel('Beschrijving')
        .fill('Kind vertelt op school over geschreeuw en slaan. <script>alert(1)</script>');
      await page.getByLabel('Notitie (niet verplicht)').fill('Interne afweging van het wijkteam.');
      await page.getByLabel('Informatiecategorie').selectOption({ label: 'Alleen eigen organisatie' });
      await page.getByRole('button', { name: 'Melding versturen' }).click();

      await page.getByRole('heading', { name: 'De melding is verstuurd' }).waitFor();
      await page.getByText('vrijdag 30 april 2027 om 23:59').waitFor();
      await expectAccessible(page, 'report sent');
      const link = page.getByRole('link', { name: /Bekijk melding M-/ });
      kingsDayReference = ((await link.textContent()) ?? '').replace('Bekijk melding ', '').trim();
      expect(kingsDayReference).toMatch(/^M-2027-/);
      await link.click();
      await page.getByRole('heading', { level: 1, name: `Melding ${kingsDayReference}` }).waitFor();
      kingsDayId = page.url().split('/').pop() ?? '';
      // Text stays text: the script tag is shown, not run.
      await page.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
      await expectAccessible(page, 'report detail (author)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Veilig Thuis sees the queue with the right deadlines', () => {
  it('lists both reports: the one before Easter overdue on 2 April, the new one due 30 April', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await logIn(page, server, 'vt.intake');
      await page.getByRole('link', { name: 'Wachtrij Veilig Thuis' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Wachtrij Veilig Thuis' }).waitFor();
      const easterRow = page.getByRole('row').filter({ hasText: easterReference });
      const kingsRow = page.getByRole('row').filter({ hasText: kingsDayReference });
      await expect(easterRow.textContent()).resolves.toContain('vr 2 apr 2027, 23:59');
      await expect(easterRow.textContent()).resolves.toContain('Te laat');
      await expect(kingsRow.textContent()).resolves.toContain('vr 30 apr 2027, 23:59');
      await expect(kingsRow.textContent()).resolves.not.toContain('Te laat');
      await expectAccessible(page, 'queue');

      await kingsRow.getByRole('link', { name: kingsDayReference }).click();
      await page.getByRole('heading', { level: 1, name: `Melding ${kingsDayReference}` }).waitFor();
      await page.getByText('999996708').waitFor();
      // The local team's organisation-internal note is not shown to Veilig Thuis.
      expect(await page.getByText('Interne afweging van het wijkteam.').count()).toBe(0);
      await page.getByLabel('Informatiecategorie').selectOption({ label: 'Justitieel' });
      await page
        .getByLabel('Notitie', { exact: true })
        .fill('Politie kent het adres van eerdere incidenten.');
      await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
      await page.getByText('De notitie is toegevoegd.').waitFor();
      await expectAccessible(page, 'report detail (Veilig Thuis)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const views = await server.deps.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', kingsDayId)
      .execute();
    expect(views.map((v) => v.action)).toEqual(
      expect.arrayContaining(['report.create', 'report.read', 'report.note.create']),
    );
  });
});

describe('a forbidden user sees nothing', () => {
  it('police cannot open the report nor the queue, and the local team cannot read the justice note', async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, server, 'politie.nijmegen');
      expect(await page.getByRole('link', { name: 'Wachtrij Veilig Thuis' }).count()).toBe(0);
      await page.goto(`${server.base}/meldingen/${kingsDayId}`);
      await page.getByRole('heading', { level: 1, name: 'Melding niet beschikbaar' }).waitFor();
      await page.getByText('Niet gevonden, of u heeft er geen toegang toe.').first().waitFor();
      expect(await page.getByText('Jansen').count()).toBe(0);
      await expectAccessible(page, 'report not available');
      await page.goto(`${server.base}/veilig-thuis/wachtrij`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      await expectAccessible(page, 'no access');
    } finally {
      await context.close();
    }
    const local = await signIn(server, 'wijkteam.nijmegen');
    const own = await local.get<{ notes: { body: string }[] }>(`/api/reports/${kingsDayId}`);
    expect(own.body.notes.map((n) => n.body)).not.toContain('Politie kent het adres van eerdere incidenten.');
  });
});

describe('narrow screens and English', () => {
  it('the login page works on a 375 px screen without JavaScript errors or sideways scrolling', async () => {
    const { context, page, errors } = await newPage(browser, 375);
    try {
      await page.goto(`${server.base}/inloggen`);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'login (mobile)');
      await page.getByRole('button', { name: 'EN – English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('an expired session', () => {
  it('sends the user back to the login page with a notice', async () => {
    const { context, page } = await newPage(browser);
    try {
      await logIn(page, server, 'wijkteam.tiel');
      server.clock.advance(16 * 60 * 1000);
      await page.getByRole('link', { name: 'Mijn meldingen' }).first().click();
      await page.getByText('Uw sessie is verlopen. Log opnieuw in.').first().waitFor();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the accessibility check itself', () => {
  it('fails on a page with a serious violation', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.setContent(
        '<html lang="nl"><body><main><h1>Test</h1><input type="text"><img src="x.png"></main></body></html>',
      );
      await expect(expectAccessible(page, 'canary')).rejects.toThrow(/accessibility violations on canary/);
    } finally {
      await context.close();
    }
  });
});

import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReport, signIn } from '../support/test-app.ts';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { logIn, newPage } from './support/pages.ts';

// The whole casework flow of issue 3 in the Dutch web UI, with two professionals of different
// organisations: Wendy (local team, coordinator) and Paul (police). Each step runs in the browser;
// only the reports (an earlier slice) are recorded through the API. Along the way: each sees only
// the information categories of their organisation, and axe finds nothing serious.
let server: E2eServer;
let browser: Browser;
let reportId: string;
let caseUrl = '';

const PERSONS = [
  { fullName: 'Anna Visser', dateOfBirth: '1986-05-05', role: 'victim' },
  { fullName: 'Karel Visser', dateOfBirth: '1984-02-02', role: 'perpetrator' },
  { fullName: 'Bram Visser', dateOfBirth: '2014-08-08', role: 'child' },
];
const AMSTERDAM = 'Europe/Amsterdam';
const minutesAgo = (minutes: number) =>
  DateTime.fromJSDate(server.clock.now(), { zone: AMSTERDAM })
    .minus({ minutes })
    .toFormat("yyyy-MM-dd'T'HH:mm");
const today = () => DateTime.fromJSDate(server.clock.now(), { zone: AMSTERDAM }).toISODate() ?? '';

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const local = await signIn(server, 'wijkteam.nijmegen');
  const report = await local.post<{ id: string }>('/api/reports', sampleReport({ persons: PERSONS }));
  expect(report.status).toBe(201);
  reportId = report.body.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs one professional's part in a fresh browser context, failing on page errors. */
async function as(username: string, steps: (page: Page) => Promise<void>) {
  const { context, page, errors } = await newPage(browser);
  try {
    page.setDefaultTimeout(10_000);
    await logIn(page, server, username);
    await steps(page);
    // Refused writes answer 4xx on purpose (the browser logs them); anything else is a bug.
    expect(errors.filter((e) => !/status of 4(00|03|09|22)/.test(e))).toEqual([]);
  } finally {
    await context.close();
  }
}

const form = (page: Page, name: string | RegExp) => page.getByRole('form', { name });
const timelineTable = (page: Page) =>
  page.getByRole('table', { name: 'Gebeurtenissen in de casus, oudste eerst' });

/** Selects the option whose text contains `text` (labels carry the organisation too). */
async function choose(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

/** Waits for the answer of one API write triggered by `action`. */
async function submitted(page: Page, method: string, path: RegExp, action: () => Promise<void>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname)),
    action(),
  ]);
  return response;
}

describe('casework flow: local team and police', () => {
  it('Wendy opens the case from her report, builds the team, scores safety and agrees a plan', async () => {
    await as('wijkteam.nijmegen', async (page) => {
      await page.goto(`${server.base}/meldingen/${reportId}`);
      await page.getByRole('button', { name: 'Casus openen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      caseUrl = page.url();

      const team = form(page, 'Teamlid toevoegen');
      await choose(team.getByLabel('Professional', { exact: true }), 'Paul Politie');
      await team.getByLabel('Rol in de casus').selectOption({ label: 'Veiligheidspartner' });
      await team.getByRole('button', { name: 'Toevoegen aan het team' }).click();
      await page
        .getByRole('table', { name: 'Regisseur en teamleden met hun organisatie en rol' })
        .getByRole('rowheader', { name: 'Paul Politie' })
        .waitFor();

      const assessment = form(page, 'Veiligheid scoren');
      await assessment.getByLabel(/^Anna Visser/).fill('8');
      await assessment.getByLabel(/^Karel Visser/).fill('7');
      await assessment.getByLabel(/^Bram Visser/).fill('7');
      await assessment.getByLabel('Zorg 1').fill('Escalaties bij alcoholgebruik');
      const action = assessment.getByRole('group', { name: 'Actie 1' });
      await action.getByLabel('Wat gaat er gebeuren?').fill('Veiligheidsafspraken met vader maken');
      await choose(action.getByLabel('Eigenaar'), 'Wendy Wijkteam');
      await action.getByLabel('Uiterlijk op').fill(today());
      await assessment.getByRole('button', { name: 'Taxatie vastleggen' }).click();
      await page.getByText('De veiligheidstaxatie is vastgelegd.').waitFor();

      const plan = form(page, 'Veiligheidsplan opstellen');
      await plan.getByLabel('Voorwaarde 1').fill('Geen geweld in het bijzijn van de kinderen');
      await plan.getByLabel('Wat doen we als het misgaat?').fill('Moeder belt 112 en daarna de regisseur.');
      await plan.getByLabel('Dit plan is met het gezin en het team afgesproken').check();
      await plan.getByRole('button', { name: 'Versie opslaan' }).click();
      await page.getByText('Versie 1 is opgeslagen (Afgesproken).').waitFor();
      await timelineTable(page).getByText('Veiligheidsplan versie 1 (Afgesproken)').waitFor();
      await expectAccessible(page, 'case with team, assessment and plan');
    });
  });

  it('Paul imposes a restraining order, extends it (past 28 days refused) and holds an Actieoverleg', async () => {
    await as('politie.nijmegen', async (page) => {
      await page.goto(caseUrl);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();

      const impose = form(page, 'Maatregel vastleggen');
      await impose.getByLabel('Soort maatregel').selectOption({ label: 'Tijdelijk huisverbod' });
      await impose.getByLabel('Karel Visser').selectOption({ label: 'Opgelegd aan of voor deze persoon' });
      await impose.getByLabel('Anna Visser').selectOption({ label: 'Beschermd door de maatregel' });
      await impose.getByLabel('Bram Visser').selectOption({ label: 'Beschermd door de maatregel' });
      await impose.getByLabel('Besloten door').selectOption({ label: 'Burgemeester' });
      await expect(impose.getByLabel('Wie mag dit zien?').inputValue()).resolves.toBe('justice');
      const imposedAt = await impose.getByLabel(/^Ingegaan op/).inputValue();
      const imposed = await submitted(page, 'POST', /\/measures$/, () =>
        impose.getByRole('button', { name: 'Maatregel vastleggen' }).click(),
      );
      expect(imposed.status()).toBe(201);
      await page.getByText(/^De maatregel is vastgelegd\. Einde:/).waitFor();

      const extend = form(page, 'Verlengen');
      // 29 days after imposition: past the legal maximum of 28 days.
      const tooLate = DateTime.fromISO(imposedAt, { zone: AMSTERDAM }).plus({ days: 29 });
      await extend.getByLabel(/^Nieuwe einddatum/).fill(tooLate.toFormat("yyyy-MM-dd'T'HH:mm"));
      await extend.getByLabel('Besloten door').selectOption({ label: 'Burgemeester' });
      await extend.getByLabel('Reden van de verlenging').fill('Dreiging houdt aan; vader zoekt contact.');
      const refused = await submitted(page, 'POST', /\/extensions$/, () =>
        extend.getByRole('button', { name: 'Verlenging vastleggen' }).click(),
      );
      expect(refused.status()).toBe(422);
      await page
        .getByText(/Verlengen kan tot uiterlijk/)
        .first()
        .waitFor();
      await expectAccessible(page, 'extension past 28 days refused');

      await extend.getByRole('button', { name: 'Vul de uiterste datum in' }).click();
      const extended = await submitted(page, 'POST', /\/extensions$/, () =>
        extend.getByRole('button', { name: 'Verlenging vastleggen' }).click(),
      );
      expect(extended.status()).toBe(201);
      await page.getByText(/^De verlenging is vastgelegd\. Nieuw einde:/).waitFor();

      const meeting = form(page, 'Overleg vastleggen');
      await meeting
        .getByLabel('Soort overleg')
        .selectOption({ label: 'Actieoverleg (politie, Veilig Thuis, OM)' });
      await meeting.getByLabel('Datum en tijd van het overleg').fill(minutesAgo(30));
      await meeting.getByLabel('Agendapunt 1').fill('Aanpak vader na het huisverbod');
      await meeting.getByLabel(/^Paul Politie/).check();
      await meeting.getByLabel('Voorzitter').selectOption({ index: 1 });
      const decision = meeting.getByRole('group', { name: 'Besluit 1' });
      await decision.getByLabel('Wat wordt er gedaan').fill('Vader aanspreken op overtreding');
      await choose(decision.getByLabel('Wie doet het'), 'Paul Politie');
      await decision.getByLabel('Uiterlijk op').fill(today());
      await decision.getByLabel('Hoe wordt het gevolgd').fill('In het volgende Actieoverleg');
      const held = await submitted(page, 'POST', /\/meetings$/, () =>
        meeting.getByRole('button', { name: 'Overleg vastleggen' }).click(),
      );
      expect(held.status()).toBe(201);
      await page
        .getByText('Het overleg is vastgelegd; de besluiten staan bij de acties in het plan.')
        .waitFor();

      // The police read the justice items on the timeline, not Wendy's health note (none yet).
      const timeline = timelineTable(page);
      await timeline.getByText('Tijdelijk huisverbod opgelegd').waitFor();
      await timeline.getByText(/^Tijdelijk huisverbod verlengd tot/).waitFor();
      await timeline
        .getByText(/^Actieoverleg \(politie, Veilig Thuis, OM\) gehouden \(1 besluit\)/)
        .waitFor();
      await expectAccessible(page, 'police: measure, extension and Actieoverleg');
    });
  });

  it('Wendy holds an MDA++ meeting whose decision becomes an action, and does not see the justice items', async () => {
    await as('wijkteam.nijmegen', async (page) => {
      await page.goto(caseUrl);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();

      const meeting = form(page, 'Overleg vastleggen');
      await meeting.getByLabel('Soort overleg').selectOption({ label: 'MDA++-overleg' });
      await meeting.getByLabel('Datum en tijd van het overleg').fill(minutesAgo(30));
      await meeting.getByLabel('Agendapunt 1').fill('Veiligheid van Bram');
      await meeting.getByLabel(/^Wendy Wijkteam/).check();
      await meeting.getByLabel(/^Paul Politie/).check();
      await meeting.getByLabel('Voorzitter').selectOption({ index: 1 });
      const decision = meeting.getByRole('group', { name: 'Besluit 1' });
      await decision.getByLabel('Wat wordt er gedaan').fill('Bram aanmelden bij jeugdhulp');
      await choose(decision.getByLabel('Wie doet het'), 'Wendy Wijkteam');
      await decision.getByLabel('Uiterlijk op').fill(today());
      await decision.getByLabel('Hoe wordt het gevolgd').fill('Regisseur vraagt het na in het MDA++');
      const held = await submitted(page, 'POST', /\/meetings$/, () =>
        meeting.getByRole('button', { name: 'Overleg vastleggen' }).click(),
      );
      expect(held.status()).toBe(201);
      await page
        .getByRole('region', { name: 'Acties in het plan' })
        .getByText('Bram aanmelden bij jeugdhulp')
        .first()
        .waitFor();

      // A health note: the local team reads it, the police (later) do not.
      const note = form(page, 'Notitie toevoegen');
      await note.getByLabel('Informatiecategorie').selectOption({ label: 'Medisch/zorg' });
      await note.getByLabel('Notitie', { exact: true }).fill('Moeder is onder behandeling bij de huisarts.');
      const noted = await submitted(page, 'POST', /\/notes$/, () =>
        note.getByRole('button', { name: 'Notitie toevoegen' }).click(),
      );
      expect(noted.status()).toBe(201);
      await timelineTable(page).getByText('Notitie toegevoegd').waitFor();

      // Justice: the order and the Actieoverleg are withheld from the local team.
      const timeline = timelineTable(page);
      await timeline.getByText(/^MDA\+\+-overleg gehouden \(1 besluit\)/).waitFor();
      await page.getByText(/gebeurtenissen vallen buiten de categorieën die u mag zien/).waitFor();
      await expect(timeline.getByText(/Tijdelijk huisverbod/).count()).resolves.toBe(0);
      await expect(timeline.getByText(/Actieoverleg/).count()).resolves.toBe(0);
      const filter = page
        .getByRole('region', { name: 'Tijdlijn van het huishouden' })
        .getByLabel('Categorie');
      await filter.selectOption({ label: 'Justitieel' });
      await page.getByText('Geen gebeurtenissen in deze categorie.').waitFor();
      await expectAccessible(page, 'local team: timeline filtered to justice');
      await filter.selectOption({ value: '' });

      // Mijn werk: both of her actions are due this week (today).
      await page.getByRole('link', { name: 'Mijn werk' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
      const week = page.getByRole('table', { name: /^Af te ronden van/ });
      await week.getByText('Bram aanmelden bij jeugdhulp').waitFor();
      await week.getByText('Veiligheidsafspraken met vader maken').waitFor();
      await page.getByText('Er is niets te laat.').waitFor();
      await page.getByRole('table', { name: 'Casussen waarin u regisseur of teamlid bent' }).waitFor();
      await expectAccessible(page, 'my work (local team)');

      // Hand a task over to the police.
      await page.goto(caseUrl);
      const propose = form(page, 'Overdracht voorstellen');
      await propose.getByLabel('Wat draagt u over').selectOption({ value: 'task' });
      await propose.getByLabel('Welke taak').fill('Plegeraanpak: gesprekken met vader');
      await propose.getByLabel('Aan welke organisatie').selectOption({ label: 'Politie Oost-Nederland' });
      await propose
        .getByLabel('Samenvatting voor de ontvanger')
        .fill('Vader pleegt geweld; politie neemt de plegeraanpak over.');
      const proposed = await submitted(page, 'POST', /\/handovers$/, () =>
        propose.getByRole('button', { name: 'Overdracht voorstellen' }).click(),
      );
      expect(proposed.status()).toBe(201);
      await page.getByText('De overdracht is voorgesteld.').waitFor();
    });
  });

  it('Paul sees the handover and the justice action in his work, and declines the handover', async () => {
    await as('politie.nijmegen', async (page) => {
      await page.getByRole('link', { name: 'Mijn werk' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
      await page
        .getByRole('table', { name: /^Af te ronden van/ })
        .getByText('Vader aanspreken op overtreding')
        .waitFor();
      const handovers = page.getByRole('table', {
        name: 'Overdrachten die op het antwoord van uw organisatie wachten',
      });
      await handovers.getByText(/^Wendy Wijkteam/).waitFor();
      // Wendy's own action is not his.
      await expect(page.getByText('Bram aanmelden bij jeugdhulp').count()).resolves.toBe(0);
      await expectAccessible(page, 'my work (police)');

      // On the case, the police read the justice items but not the local team's health note.
      await page.goto(caseUrl);
      const timeline = timelineTable(page);
      await timeline.getByText(/^MDA\+\+-overleg gehouden/).waitFor();
      await timeline.getByText('Tijdelijk huisverbod opgelegd').waitFor();
      await expect(timeline.getByText('Notitie toegevoegd').count()).resolves.toBe(0);
      await page.getByText('1 gebeurtenis valt buiten de categorieën die u mag zien.').waitFor();

      await page.getByRole('link', { name: 'Mijn werk' }).first().click();
      await page.getByRole('link', { name: 'Naar overdrachten voor mij' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overdrachten voor mij' }).waitFor();
      await page
        .getByRole('button', { name: /^Overdracht C-.* bekijken$/ })
        .first()
        .click();
      const step = form(page, /^Reageren op de overdracht/);
      await step.getByLabel('Stap').selectOption({ label: 'Afwijzen' });
      await step.getByLabel('Reden').fill('Geen capaciteit voor plegeraanpak deze maand.');
      const declined = await submitted(page, 'POST', /\/decline$/, () =>
        step.getByRole('button', { name: 'Vastleggen' }).click(),
      );
      expect(declined.status()).toBe(200);
      // The decided handover leaves the waiting list; its card shows the new status.
      await page.getByRole('heading', { level: 3, name: /Politie Oost-Nederland.*Afgewezen/ }).waitFor();
      await expectAccessible(page, 'handover declined');
    });
  });

  it('Wendy escalates, monitors, closes with a letter, and a new report counts as a re-report', async () => {
    await as('wijkteam.nijmegen', async (page) => {
      await page.goto(caseUrl);
      await page.getByRole('heading', { level: 1, name: /^Casus C-/ }).waitFor();
      const step = form(page, /^Reageren op de overdracht/);
      await step.getByLabel('Stap').selectOption({ label: 'Opschalen naar het volgende niveau' });
      await step.getByLabel('Reden').fill('Plegeraanpak is nodig voor de veiligheid van Anna en Bram.');
      const escalated = await submitted(page, 'POST', /\/escalate$/, () =>
        step.getByRole('button', { name: 'Vastleggen' }).click(),
      );
      expect(escalated.status()).toBe(200);
      await page.getByRole('heading', { level: 3, name: /Politie Oost-Nederland.*Opgeschaald/ }).waitFor();
      await timelineTable(page)
        .getByText(/: Opgeschaald \(niveau 1\)$/)
        .waitFor();
      await expectAccessible(page, 'handover escalated');

      const phase = form(page, 'Fase wijzigen');
      for (const [to, reason] of [
        ['Stabiele veiligheid', 'Veiligheidsplan loopt, geen nieuwe incidenten.'],
        ['Herstel', 'Gezin werkt aan herstel met jeugdhulp.'],
        ['Monitoring', 'Veiligheid houdt stand; we volgen het gezin.'],
      ] as const) {
        await phase.getByLabel('Naar fase').selectOption({ label: to });
        await phase.getByLabel('Reden').fill(reason);
        const changed = await submitted(page, 'POST', /\/phase$/, () =>
          phase.getByRole('button', { name: 'Fase wijzigen' }).click(),
        );
        expect(changed.status()).toBe(200);
        await page.getByText(`De casus is nu in de fase ${to}.`).waitFor();
      }

      const contact = form(page, 'Contact vastleggen');
      await contact.getByLabel('Bij welk moment').selectOption({ index: 1 });
      await contact.getByLabel('Met wie').selectOption({ label: 'Het gezin' });
      await contact.getByLabel('Uitkomst').selectOption({ label: 'De veiligheid houdt stand' });
      await contact.getByLabel(/^Veiligheidsscore/).fill('8');
      await contact.getByLabel('Wat is er besproken').fill('Huisbezoek: rustig, afspraken worden nagekomen.');
      await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
      await page.getByText('Het contact is vastgelegd.').waitFor();
      await expectAccessible(page, 'monitoring contact recorded');

      const close = form(page, 'Casus afsluiten');
      await close.getByLabel('Reden van afsluiten').selectOption({ label: 'De veiligheid is stabiel' });
      await close
        .getByLabel('Toelichting')
        .fill('Het gaat al maanden goed thuis en de hulp loopt gewoon door.');
      const closed = await submitted(page, 'POST', /\/closure$/, () =>
        close.getByRole('button', { name: 'Afsluiten en brief maken' }).click(),
      );
      expect(closed.status()).toBe(201);
      await page.getByText('De casus is afgesloten. De afsluitbrief staat klaar.').waitFor();
      await timelineTable(page).getByText('Casus afgesloten: De veiligheid is stabiel').waitFor();
      await page.getByRole('link', { name: 'Afsluitbrief bekijken en printen' }).click();
      await page.getByRole('heading', { level: 1, name: /^Afsluitbrief C-/ }).waitFor();
      await page
        .getByText(/Het gaat al maanden goed thuis/)
        .first()
        .waitFor();
      await expectAccessible(page, 'closure letter');

      // A new report about Anna after closure: shown on the case as a re-report (hermelding).
      const local = await signIn(server, 'wijkteam.nijmegen');
      const again = await local.post('/api/reports', sampleReport({ persons: [PERSONS[0]] }));
      expect(again.status).toBe(201);
      await page.goto(caseUrl);
      const reReports = page.getByRole('table', {
        name: 'Meldingen over leden van deze casus na afsluiting',
      });
      await reReports.getByText('Hermelding').waitFor();
      await expectAccessible(page, 'closed case with re-report');
    });
  });
});

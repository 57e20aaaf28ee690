import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '../../src/domain/insight/quarters.ts';
import { sampleReport, signIn } from '../support/test-app.ts';
import { expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { logIn, newPage } from './support/pages.ts';

// The policy advisor opens the regional dashboard, narrows it to a municipality and a period, and
// sees small counts marked instead of shown. Nijmegen gets nine reports, Wijchen six, Tiel two: Tiel's
// two are hidden, and Wijchen's six with them so that the totals cannot give Tiel away.
let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const nijmegen = await signIn(server, 'wijkteam.nijmegen');
  for (let i = 0; i < 15; i++) {
    const r = await nijmegen.post(
      '/api/reports',
      sampleReport({
        municipalityCode: i < 9 ? 'GM0268' : 'GM0296',
        persons: [{ fullName: `Bewoner ${i}`, dateOfBirth: '1980-01-01', role: 'victim' }],
      }),
    );
    expect(r.status).toBe(201);
  }
  const tiel = await signIn(server, 'wijkteam.tiel');
  for (let i = 0; i < 2; i++) {
    const r = await tiel.post(
      '/api/reports',
      sampleReport({
        municipalityCode: 'GM0281',
        persons: [{ fullName: `Tielse Bewoner ${i}`, dateOfBirth: '1981-01-01', role: 'victim' }],
      }),
    );
    expect(r.status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('regional dashboard', () => {
  it('the policy advisor filters a municipality and a period; small counts are marked, never shown', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await logIn(page, server, 'beleid.regio');
      await page.getByRole('link', { name: 'Regionaal dashboard' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Regionaal dashboard' }).waitFor();
      const reports = page.getByRole('table', { name: 'Meldingen', exact: true });
      await reports.waitFor();
      // Tiel's two reports are hidden, Wijchen's six with them; Nijmegen's nine are shown.
      await expect(
        reports.getByRole('row', { name: /^Tiel/ }).getByText('<5').first().isVisible(),
      ).resolves.toBe(true);
      await expect(reports.getByRole('row', { name: /^Nijmegen/ }).textContent()).resolves.toContain('9');
      await expect(reports.getByRole('row', { name: /^Wijchen/ }).textContent()).resolves.toContain('×');
      // A figure with follow-up says which quarters count, and shows the region's ambition.
      const stopped = page.getByRole('region', { name: 'Geweld gestopt (ambitie 70%)' });
      await stopped.getByText('Ambitie: 70% (bron: Regiovisie Noordoost-Brabant, § 2.6).').waitFor();
      await stopped.getByText(/Dit cijfer heeft 12 maanden na afloop van het kwartaal nodig/).waitFor();
      await page.getByRole('table', { name: 'Tijdelijke huisverboden', exact: true }).waitFor();
      await expectAccessible(page, 'regional dashboard');

      const quarter = quarterOf(server.clock.now());
      const label = quarter.replace('-Q', ' K');
      await page.getByLabel('Van kwartaal').selectOption({ label });
      await page.getByLabel('Tot en met kwartaal').selectOption({ label });
      await page.getByLabel('Subregio').selectOption('Rivierenland');
      await page.getByLabel('Gemeente').selectOption({ label: 'Tiel' });
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.getByText(`Getoond: Tiel, ${label} tot en met ${label}.`).waitFor();
      expect(page.url()).toContain('gemeente=GM0281');
      const filtered = page.getByRole('table', { name: 'Meldingen', exact: true });
      const rows = filtered.getByRole('row');
      // Header, Tiel and the total: all of Tiel's figures and the total are marks, not numbers.
      await expect(rows.count()).resolves.toBe(3);
      const tielRow = await filtered.getByRole('row', { name: /^Tiel/ }).textContent();
      expect(tielRow).not.toMatch(/\b2\b/);
      expect(tielRow).toContain('<5');
      const totalRow = await filtered.getByRole('row', { name: /^Totaal/ }).textContent();
      expect(totalRow).not.toContain('2');
      expect(totalRow).toContain('<5');
      await expectAccessible(page, 'dashboard filtered to Tiel');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

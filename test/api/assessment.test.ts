import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, sampleReport, signIn, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let local: ApiClient;
let vt: ApiClient;
let tiel: ApiClient;

type Radar = {
  classification: string;
  matches: { reference: string; matchedOn: string; certainty: string; involvementEndedAt: string | null }[];
};
type ErrorBody = {
  error: { code: string; details: { path: string; message: { nl: string; en: string } }[] };
};

const person = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Jan Jansen',
  dateOfBirth: '1985-02-03',
  bsn: '999996708',
  role: 'perpetrator',
  ...overrides,
});

async function report(body: Record<string, unknown>) {
  const r = await local.post<{ id: string; reference: string }>('/api/reports', sampleReport(body));
  expect(r.status).toBe(201);
  t.clock.advance(60_000);
  return r.body;
}

beforeAll(async () => {
  t = await startTestApp();
  [local, vt, tiel] = [
    await signIn(t, 'wijkteam.nijmegen'),
    await signIn(t, 'vt.intake'),
    await signIn(t, 'wijkteam.tiel'),
  ];
});
afterAll(async () => {
  await t.close();
});

describe('the veiligheidsbeoordeling with a reasoned route', () => {
  it('records the route, starts the investigation clocks, and leaves the queue', async () => {
    const r = await report({
      persons: [person({ fullName: 'Anna de Vries', bsn: '999996630', dateOfBirth: '1990-04-04' })],
    });
    const assessed = await vt.post<{
      status: string;
      onTime: boolean;
      investigationStartBy: string;
      investigationConcludeBy: string;
    }>(`/api/reports/${r.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
      route: 'investigation',
      reason: 'Structurele zorgen; informatie onvoldoende voor overdracht.',
    });
    expect(assessed.status).toBe(200);
    expect(assessed.body.onTime).toBe(true);
    const start = new Date(assessed.body.investigationStartBy).getTime() - t.clock.now().getTime();
    const conclude = new Date(assessed.body.investigationConcludeBy).getTime() - t.clock.now().getTime();
    expect(start / 86_400_000).toBeGreaterThan(4);
    expect(start / 86_400_000).toBeLessThan(14);
    expect(Math.floor(conclude / 86_400_000)).toBe(70);
    const queue = await vt.get<{ id: string }[]>('/api/veilig-thuis/queue');
    expect(queue.body.map((q) => q.id)).not.toContain(r.id);
    const detail = await local.get<{ assessment: { route: string; reason: string | null } }>(
      `/api/reports/${r.id}`,
    );
    expect(detail.body.assessment.route).toBe('investigation');
    // The reporter learns the route, not Veilig Thuis' weighing.
    expect(detail.body.assessment).toMatchObject({
      reason: null,
      acuteUnsafety: null,
      structuralUnsafety: null,
    });
    const forVt = await vt.get<{ assessment: { reason: string; structuralUnsafety: boolean } }>(
      `/api/reports/${r.id}`,
    );
    expect(forVt.body.assessment).toMatchObject({ structuralUnsafety: true });
    expect(forVt.body.assessment.reason).toContain('Structurele zorgen');
    const again = await vt.post(`/api/reports/${r.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: false,
      route: 'end_of_involvement',
      reason: 'Nog een keer proberen.',
    });
    expect(again.status).toBe(409);
  });

  it('refuses to end involvement with acute unsafety, and refuses an unreasoned decision; nothing changes', async () => {
    const r = await report({ acute: true });
    const acute = await vt.post<ErrorBody>(`/api/reports/${r.id}/assessment`, {
      acuteUnsafety: true,
      structuralUnsafety: false,
      route: 'handover_local_team',
      reason: 'Wijkteam kent het gezin goed.',
    });
    expect(acute.status).toBe(400);
    expect(acute.body.error.details[0]?.path).toBe('body.route');
    expect(acute.body.error.details[0]?.message.nl).toContain('acute onveiligheid');
    const short = await vt.post<ErrorBody>(`/api/reports/${r.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: false,
      route: 'end_of_involvement',
      reason: 'geen',
    });
    expect(short.status).toBe(400);
    const still = await vt.get<{ id: string }[]>('/api/veilig-thuis/queue');
    expect(still.body.map((q) => q.id)).toContain(r.id);
  });

  it('only Veilig Thuis assesses: the author and another municipality cannot', async () => {
    const r = await report({});
    const body = {
      acuteUnsafety: false,
      structuralUnsafety: false,
      route: 'handover_local_team',
      reason: 'Lokaal team pakt dit op.',
    };
    expect((await local.post(`/api/reports/${r.id}/assessment`, body)).status).toBe(403);
    expect((await tiel.post(`/api/reports/${r.id}/assessment`, body)).status).toBe(403);
    expect((await local.get(`/api/reports/${r.id}/radar`)).status).toBe(403);
  });
});

describe('radar: earlier involvement of the same people', () => {
  it('a report about a family whose earlier report ended is a re-report (hermelding), found on the BSN', async () => {
    const piet = { fullName: 'Piet Bakker', bsn: '111222333', dateOfBirth: '1975-09-09' };
    const first = await report({ persons: [person(piet)] });
    // Involvement ends without a household case (a handover would open one, and while that case is
    // open a new report is a follow-up report: test/api/case-closure.test.ts).
    await vt.post(`/api/reports/${first.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: false,
      route: 'end_of_involvement',
      reason: 'Geen zorgen meer; betrokkenheid beëindigd.',
    });
    // Same BSN, name written differently: the keyed BSN hash decides.
    const second = await report({ persons: [person({ ...piet, fullName: 'P. Bakker' })] });
    const radar = await vt.get<Radar>(`/api/reports/${second.id}/radar`);
    expect(radar.status).toBe(200);
    expect(radar.body.classification).toBe('re_report');
    expect(radar.body.matches[0]).toMatchObject({
      reference: first.reference,
      matchedOn: 'bsn',
      certainty: 'certain',
    });
    expect(radar.body.matches[0]?.involvementEndedAt).not.toBeNull();
  });

  it('while Veilig Thuis is still involved, a new report is a follow-up report (vervolgmelding), found on name and date of birth', async () => {
    const first = await report({
      persons: [
        person({ fullName: 'Fatima el Amrani', bsn: undefined, dateOfBirth: '1979-11-30', role: 'victim' }),
      ],
    });
    await vt.post(`/api/reports/${first.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
      route: 'conditions_and_follow_up',
      reason: 'Veiligheidsvoorwaarden afgesproken; monitoring.',
    });
    const second = await report({
      persons: [
        person({ fullName: 'Fatima El-Amrani', bsn: undefined, dateOfBirth: '1979-11-30', role: 'victim' }),
      ],
    });
    const radar = await vt.get<Radar>(`/api/reports/${second.id}/radar`);
    expect(radar.body.classification).toBe('follow_up_report');
    expect(radar.body.matches.map((m) => m.reference)).toContain(first.reference);
    expect(radar.body.matches[0]?.matchedOn).toBe('name_and_date_of_birth');
  });

  it('an earlier report still waiting for assessment makes the new one a follow-up report', async () => {
    // The default sample family (Jan Jansen, BSN 999996708) has unassessed reports from the tests above.
    const r = await report({});
    expect((await vt.get<Radar>(`/api/reports/${r.id}/radar`)).body.classification).toBe('follow_up_report');
  });

  it('an earlier report still waiting for assessment makes the new one a follow-up report', async () => {
    // The default sample family (Jan Jansen, BSN 999996708) has unassessed reports from the tests above.
    const r = await report({});
    expect((await vt.get<Radar>(`/api/reports/${r.id}/radar`)).body.classification).toBe('follow_up_report');
  });

  it('other people are not matched, and two different BSNs never match', async () => {
    const r = await report({
      persons: [person({ fullName: 'Jan Jansen', bsn: '123456782', dateOfBirth: '1985-02-03' })],
    });
    const radar = await vt.get<Radar>(`/api/reports/${r.id}/radar`);
    expect(radar.body.matches.filter((m) => m.matchedOn === 'bsn')).toEqual([]);
    const unrelated = await report({
      persons: [person({ fullName: 'Kees Pietersen', bsn: undefined, dateOfBirth: '2001-07-07' })],
    });
    const none = await vt.get<Radar>(`/api/reports/${unrelated.id}/radar`);
    expect(none.body).toEqual({ classification: 'first_report', matches: [] });
  });

  it('every radar look-up is audited with the reports it showed', async () => {
    const events = await t.deps.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'report.radar')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
  });
});

describe('queue figures', () => {
  it('gives per month the share assessed within 5 working days against the 90% norm, without personal data', async () => {
    const r = await vt.get<{ month: string; onTime: number; norm: number }[]>('/api/veilig-thuis/figures');
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(0);
    expect(r.body[0]?.norm).toBe(0.9);
    expect(r.body.reduce((n, m) => n + m.onTime, 0)).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(r.body)).not.toMatch(/Jansen|M-\d{4}/);
    expect((await local.get('/api/veilig-thuis/figures')).status).toBe(403);
  });
});

describe('the investigation and its outcome', () => {
  it('is concluded as confirmed, not confirmed or refuted, once; the 10-week share is counted', async () => {
    const r = await report({
      persons: [person({ fullName: 'Lisa Groen', bsn: undefined, dateOfBirth: '1992-02-02' })],
    });
    await vt.post(`/api/reports/${r.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
      route: 'investigation',
      reason: 'Onderzoek nodig naar de zorgen.',
    });
    const done = await vt.post<{ outcome: string; onTime: boolean }>(`/api/reports/${r.id}/investigation`, {
      outcome: 'confirmed',
      conclusion: 'Kindermishandeling bevestigd na gesprekken.',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ outcome: 'confirmed', onTime: true });
    expect(
      (
        await vt.post(`/api/reports/${r.id}/investigation`, {
          outcome: 'refuted',
          conclusion: 'Nog een keer.',
        })
      ).status,
    ).toBe(409);
    const detail = await vt.get<{ assessment: { investigationOutcome: string } }>(`/api/reports/${r.id}`);
    expect(detail.body.assessment.investigationOutcome).toBe('confirmed');
    const figures = await vt.get<{ onTime: number; norm: number }[]>(
      '/api/veilig-thuis/figures/investigations',
    );
    expect(figures.body.reduce((n, m) => n + m.onTime, 0)).toBeGreaterThanOrEqual(1);
    expect(figures.body[0]?.norm).toBe(0.8);
  });
  it('a report without an investigation cannot be concluded', async () => {
    const r = await report({});
    expect(
      (
        await vt.post(`/api/reports/${r.id}/investigation`, {
          outcome: 'refuted',
          conclusion: 'Geen onderzoek gedaan.',
        })
      ).status,
    ).toBe(409);
    expect(
      (await local.post(`/api/reports/${r.id}/investigation`, { outcome: 'refuted', conclusion: 'x' }))
        .status,
    ).toBe(403);
  });
});

describe('a handover creates or joins the household case', () => {
  type Assessed = { case: { id: string; reference: string; outcome: string } | null };
  it('handing over to the local team opens the case with the local-team author as coordinator, who now sees it', async () => {
    const family = [
      person({ fullName: 'Ilse Koster', bsn: undefined, dateOfBirth: '1983-03-03', role: 'victim' }),
    ];
    const first = await report({ persons: family });
    const handed = await vt.post<Assessed>(`/api/reports/${first.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: false,
      route: 'handover_local_team',
      reason: 'Wijkteam Nijmegen neemt de regie.',
    });
    expect(handed.status).toBe(200);
    expect(handed.body.case?.outcome).toBe('opened');
    const mine = await local.get<{ id: string }[]>('/api/cases/mine');
    expect(mine.body.map((c) => c.id)).toContain(handed.body.case?.id);
    // Another professional of another municipality still sees nothing.
    expect((await tiel.get(`/api/cases/${handed.body.case?.id}`)).status).toBe(404);

    // A new report about the same household joins that case: never a second case.
    const second = await report({ persons: family });
    const again = await vt.post<Assessed>(`/api/reports/${second.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: true,
      route: 'conditions_and_follow_up',
      reason: 'Nieuwe zorgen; voorwaarden afgesproken.',
    });
    expect(again.body.case).toMatchObject({ id: handed.body.case?.id, outcome: 'attached' });
  });

  it('ending involvement or investigating opens no case', async () => {
    const r = await report({
      persons: [person({ fullName: 'Tom Wit', bsn: undefined, dateOfBirth: '1960-06-06' })],
    });
    const ended = await vt.post<Assessed>(`/api/reports/${r.id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: false,
      route: 'end_of_involvement',
      reason: 'Geen zorgen over de veiligheid gebleken.',
    });
    expect(ended.body.case).toBeNull();
  });
});

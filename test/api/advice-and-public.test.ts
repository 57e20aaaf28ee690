import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, sampleReport, signIn, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let local: ApiClient;
let vt: ApiClient;
let police: ApiClient;
let resident: ApiClient;

type Advice = {
  id: string;
  reference: string;
  channel: string;
  anonymous: boolean;
  contact: string | null;
  askerRole: string;
  status: string;
  answer: string | null;
};
type Detail = {
  reporter: { kind: string; identity: string | null; anonymousToHousehold: boolean };
  createdByOrganisation: string | null;
};

const advice = {
  municipalityCode: 'GM0268',
  violenceKinds: ['child_abuse'],
  violenceDuration: 'under_6_months',
  question: 'Een leerling vertelt over slaan thuis. Wat kan ik doen?',
};

beforeAll(async () => {
  t = await startTestApp();
  local = await signIn(t, 'wijkteam.nijmegen');
  vt = await signIn(t, 'vt.intake');
  police = await signIn(t, 'politie.nijmegen');
  resident = new ApiClient(t.base);
});
afterAll(async () => {
  await t.close();
});

describe('advice requests (adviesvragen)', () => {
  it('a professional asks for advice; Veilig Thuis sees it in its advice queue and answers', async () => {
    const asked = await local.post<{ reference: string; id: string }>('/api/advice', {
      ...advice,
      askerRole: 'education',
      askerFunction: 'Leerkracht',
    });
    expect(asked.status).toBe(201);
    expect(asked.body.reference).toMatch(/^A-\d{4}-/);
    const open = await vt.get<Advice[]>('/api/advice?open=true');
    const mine = open.body.find((a) => a.id === asked.body.id);
    expect(mine).toMatchObject({ channel: 'web', askerRole: 'education', status: 'open' });
    const answered = await vt.post(`/api/advice/${asked.body.id}/answer`, {
      answer: 'Bespreek met de aandachtsfunctionaris; volg de meldcode.',
    });
    expect(answered.status).toBe(200);
    const own = await local.get<Advice[]>('/api/advice');
    expect(own.body.find((a) => a.id === asked.body.id)).toMatchObject({
      status: 'answered',
      answer: expect.stringContaining('meldcode'),
    });
  });

  it('Veilig Thuis records a phone contact; the contact details are for Veilig Thuis only', async () => {
    const r = await vt.post<{ id: string }>('/api/veilig-thuis/contacts', {
      ...advice,
      channel: 'phone',
      askerRole: 'non_professional',
      anonymous: false,
      contact: '06-12345678',
    });
    expect(r.status).toBe(201);
    const list = await vt.get<Advice[]>('/api/advice?open=true');
    expect(list.body.find((a) => a.id === r.body.id)?.contact).toBe('06-12345678');
    expect(
      (
        await local.post('/api/veilig-thuis/contacts', {
          ...advice,
          channel: 'chat',
          askerRole: 'non_professional',
          anonymous: true,
        })
      ).status,
    ).toBe(403);
  });

  it('another organisation sees neither the requests nor can answer them', async () => {
    const list = await police.get<Advice[]>('/api/advice');
    expect(list.body).toEqual([]);
    const any = (await vt.get<Advice[]>('/api/advice?open=true')).body[0];
    expect((await police.post(`/api/advice/${any?.id}/answer`, { answer: 'x' })).status).toBe(403);
    expect((await local.post(`/api/advice/${any?.id}/answer`, { answer: 'x' })).status).toBe(403);
  });

  it('a professional cannot pose as a resident (non_professional) in the web form', async () => {
    const r = await local.post('/api/advice', { ...advice, askerRole: 'non_professional' });
    expect(r.status).toBe(400);
  });
});

describe('the public pages for residents', () => {
  it('list the municipalities with their Veilig Thuis, without signing in', async () => {
    const r = await resident.get<{ cbsCode: string; name: string; veiligThuis: string }[]>(
      '/api/public/municipalities',
    );
    expect(r.status).toBe(200);
    expect(r.body.find((m) => m.cbsCode === 'GM0268')?.veiligThuis).toContain('Veilig Thuis');
  });

  it('an anonymous advice request keeps no contact details, even if some were typed', async () => {
    const r = await resident.post<{ reference: string }>('/api/public/advice', {
      ...advice,
      anonymous: true,
      contact: 'buurvrouw@example.nl',
    });
    expect(r.status).toBe(201);
    expect(Object.keys(r.body)).toEqual(['reference']);
    const row = await t.deps.db
      .selectFrom('advice_request')
      .selectAll()
      .where('reference', '=', r.body.reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      anonymous: true,
      contact_encrypted: null,
      channel: 'public',
      asker_role: 'non_professional',
      created_by_user_id: null,
    });
  });

  it('a resident report needs a known reporter, who may stay anonymous towards the household', async () => {
    const report = sampleReport();
    const noContact = await resident.post('/api/public/reports', {
      ...report,
      reporter: { name: 'Buurvrouw', anonymousToHousehold: true },
    });
    expect(noContact.status).toBe(400);
    const r = await resident.post<{ reference: string }>('/api/public/reports', {
      ...report,
      reporter: { name: 'Els Buurvrouw', phone: '06-87654321', anonymousToHousehold: true },
    });
    expect(r.status).toBe(201);
    const queue = await vt.get<{ id: string; reference: string }[]>('/api/veilig-thuis/queue');
    const entry = queue.body.find((q) => q.reference === r.body.reference);
    expect(entry).toBeDefined();
    const detail = await vt.get<Detail>(`/api/reports/${entry?.id}`);
    expect(detail.body.reporter).toEqual({
      kind: 'resident',
      identity: 'Els Buurvrouw · 06-87654321',
      anonymousToHousehold: true,
    });
    expect(detail.body.createdByOrganisation).toBeNull();
    // The reporter's identity is encrypted at rest.
    const row = await t.deps.db
      .selectFrom('report')
      .select('reporter_identity_encrypted')
      .where('id', '=', entry?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.reporter_identity_encrypted).not.toContain('Buurvrouw');
  });

  it('public forms refuse unknown fields, bad input and signed-in privileges alike', async () => {
    const r = await resident.post('/api/public/advice', {
      ...advice,
      anonymous: true,
      askerRole: 'justice_security',
    });
    expect(r.status).toBe(400);
    const script = await resident.post('/api/public/advice', {
      ...advice,
      anonymous: true,
      question: '<script>alert(1)</script>',
    });
    expect(script.status).toBe(201);
  });
});

describe('letters from Veilig Thuis', () => {
  type Letter = {
    recipient: string;
    subject: string;
    paragraphs: string[];
    protectedPassages: number;
    sendBy: string | null;
  };

  it('tell the reporter the steps taken, and inform the household without ever naming the reporter', async () => {
    const report = sampleReport({ description: 'Els Buurvrouw hoorde geschreeuw bij de familie.' });
    const sent = await resident.post<{ reference: string }>('/api/public/reports', {
      ...report,
      reporter: { name: 'Els Buurvrouw', email: 'els@example.nl', anonymousToHousehold: true },
    });
    const id =
      (await vt.get<{ id: string; reference: string }[]>('/api/veilig-thuis/queue')).body.find(
        (q) => q.reference === sent.body.reference,
      )?.id ?? '';
    await vt.post(`/api/reports/${id}/assessment`, {
      acuteUnsafety: false,
      structuralUnsafety: false,
      route: 'handover_local_team',
      reason: 'Wijkteam kent het gezin al.',
    });

    const toReporter = await vt.get<Letter>(`/api/reports/${id}/letters/reporter`);
    expect(toReporter.status).toBe(200);
    expect(toReporter.body.paragraphs.join('\n')).toContain('Beste Els Buurvrouw,');
    expect(toReporter.body.paragraphs.join('\n')).toContain('Overdracht aan het lokale team');

    const toHousehold = await vt.get<Letter>(`/api/reports/${id}/letters/household`);
    const text = `${toHousehold.body.subject}\n${toHousehold.body.paragraphs.join('\n')}`;
    expect(text).toContain('Beste Jan Jansen, Sara Jansen,');
    expect(text).not.toMatch(/els|buurvrouw|example\.nl/i);
    expect(text).toContain('[afgeschermd] hoorde geschreeuw');
    expect(toHousehold.body.sendBy).not.toBeNull();
  });

  it('a professional reporter’s organisation stays out of the household letter', async () => {
    const r = await local.post<{ id: string }>(
      '/api/reports',
      sampleReport({ description: 'Gemeente Nijmegen ziet zorgen.' }),
    );
    const letter = await vt.get<Letter>(`/api/reports/${r.body.id}/letters/household`);
    expect(letter.body.paragraphs.join('\n')).not.toContain('Gemeente Nijmegen');
    expect(letter.body.paragraphs.join('\n')).not.toContain('Wendy');
  });

  it('only Veilig Thuis produces letters', async () => {
    const r = await local.post<{ id: string }>('/api/reports', sampleReport());
    expect((await local.get(`/api/reports/${r.body.id}/letters/reporter`)).status).toBe(403);
    expect((await police.get(`/api/reports/${r.body.id}/letters/household`)).status).toBe(403);
  });
});

describe('informing the reporter and the household', () => {
  type Informing = {
    reporterInformedAt: string | null;
    householdInformedAt: string | null;
    householdDueAt: string;
    extensions: { days: number; reason: string }[];
  };

  it('records who was informed, and extends the 4-week term by 2 weeks with a reason', async () => {
    const r = await local.post<{ id: string }>('/api/reports', sampleReport());
    const start = await vt.get<Informing>(`/api/reports/${r.body.id}/informing`);
    expect(start.body).toMatchObject({ reporterInformedAt: null, householdInformedAt: null, extensions: [] });
    const due = new Date(start.body.householdDueAt).getTime();
    expect(Math.round((due - Date.now()) / 86_400_000)).toBeGreaterThanOrEqual(27);

    const informed = await vt.post<Informing>(`/api/reports/${r.body.id}/informed`, {
      recipient: 'reporter',
    });
    expect(informed.body.reporterInformedAt).not.toBeNull();
    expect(informed.body.householdInformedAt).toBeNull();

    const extended = await vt.post<Informing>(`/api/reports/${r.body.id}/informing/extensions`, {
      reason: 'Gezin is op vakantie; gesprek na terugkeer.',
    });
    expect(extended.status).toBe(200);
    // Two calendar weeks (an hour more or less when summer time starts or ends in between).
    expect(Math.round((new Date(extended.body.householdDueAt).getTime() - due) / 86_400_000)).toBe(14);
    expect(extended.body.extensions).toEqual([expect.objectContaining({ days: 14 })]);
  });

  it('refuses an extension after the term has passed, and anyone outside Veilig Thuis', async () => {
    const r = await local.post<{ id: string }>('/api/reports', sampleReport());
    expect(
      (await local.post(`/api/reports/${r.body.id}/informing/extensions`, { reason: 'Mag niet.' })).status,
    ).toBe(403);
    t.clock.advance(40 * 86_400_000);
    try {
      const vtLater = await signIn(t, 'vt.teamleider');
      const late = await vtLater.post<{ error: { details: { path: string }[] } }>(
        `/api/reports/${r.body.id}/informing/extensions`,
        { reason: 'Te laat aangevraagd.' },
      );
      expect(late.status).toBe(400);
      expect(late.body.error.details[0]?.path).toBe('body.reason');
    } finally {
      t.clock.advance(-40 * 86_400_000);
    }
  });
});

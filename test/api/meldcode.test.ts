import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-users.ts';
import { hashPassword } from '../../src/modules/identity/password.ts';
import { createTotpSecret, sealTotpSecret } from '../../src/modules/identity/totp.ts';
import { ApiClient, freshCode, signIn, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let teacher: ApiClient;
let colleague: ApiClient;
let otherOrganisation: ApiClient;
let policy: ApiClient;
let officer: ApiClient;
let organisationId: string;

type ErrorBody = {
  error: { code: string; details: { path: string; message: { nl: string; en: string } }[] };
};
type Detail = {
  id: string;
  canWrite: boolean;
  kindcheck: { required: boolean; reasons: string[] };
  steps: { id: string; done: boolean }[];
  nextStep: string | null;
  consultations: { kind: string; adviceRequestId: string | null }[];
  weighing: {
    textVersion: string;
    questions: { number: number; text: { nl: string } }[];
    decision: { kind: string; question?: number; outcome?: string; reason?: string };
  };
  decision: { outcome: string; acute: boolean | null } | null;
  report: { id: string; reference: string } | null;
  closure: { mayClose: boolean };
};

const newRecord = (overrides: Record<string, unknown> = {}) => ({
  municipalityCode: 'GM0268',
  persons: [
    { fullName: 'Marieke Smit', dateOfBirth: '1986-05-04', role: 'victim' },
    { fullName: 'Noa Smit', dateOfBirth: '2016-09-12', role: 'child' },
    { fullName: 'Ruud Smit', dateOfBirth: '1984-01-20', role: 'perpetrator' },
  ],
  clientIndex: 0,
  expectingChild: false,
  violenceKinds: ['partner_violence', 'child_abuse'],
  ...overrides,
});

async function create(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const r = await client.post<{ id: string }>('/api/meldcode/records', newRecord(overrides));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

/** A meldcode officer of the teacher's organisation, created directly in the database. */
async function createOfficer(): Promise<ApiClient> {
  const secret = createTotpSecret();
  const db = t.deps.db;
  const user = await db
    .insertInto('app_user')
    .values({
      username: 'aandacht.nijmegen',
      display_name: 'Aandachtsfunctionaris Nijmegen',
      password_hash: await hashPassword(DEMO_PASSWORD),
      totp_secret_enc: sealTotpSecret(t.deps.keys, secret),
      mfa_enrolled: true,
      is_demo: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('membership')
    .values({ user_id: user.id, organisation_id: organisationId, role: 'meldcode_officer' })
    .execute();
  const client = new ApiClient(t.base);
  const first = await client.post<{ mfaRequired: boolean; csrfToken: string }>('/api/auth/login', {
    username: 'aandacht.nijmegen',
    password: DEMO_PASSWORD,
  });
  expect(first.status).toBe(200);
  expect(first.body.mfaRequired).toBe(true);
  client.csrfToken = first.body.csrfToken;
  const second = await client.post<{ csrfToken: string }>('/api/auth/mfa', { code: freshCode(t, secret) });
  expect(second.status).toBe(200);
  client.csrfToken = second.body.csrfToken;
  return client;
}

async function auditActions(recordId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_event')
    .select(['action', 'outcome'])
    .where('record_id', '=', recordId)
    .orderBy('position')
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

beforeAll(async () => {
  t = await startTestApp();
  teacher = await signIn(t, 'wijkteam.nijmegen');
  colleague = await signIn(t, 'regisseur.nijmegen');
  otherOrganisation = await signIn(t, 'wijkteam.tiel');
  policy = await signIn(t, 'beleid.regio');
  const membership = await t.deps.db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('membership.organisation_id')
    .where('app_user.username', '=', 'wijkteam.nijmegen')
    .executeTakeFirstOrThrow();
  organisationId = membership.organisation_id;
  officer = await createOfficer();
});
afterAll(async () => {
  await t?.close();
});

describe('a professional walks the meldcode to a report', () => {
  it('documents the five steps, consults Veilig Thuis, reports, and the report reaches the queue', async () => {
    const id = await create(teacher);
    const fresh = await teacher.get<Detail>(`/api/meldcode/records/${id}`);
    expect(fresh.status).toBe(200);
    // An adult client with a child in the record: the kindcheck applies at step 1.
    expect(fresh.body.kindcheck).toEqual({ required: true, reasons: ['cares_for_minor'], why: null });
    expect(fresh.body.nextStep).toBe('map_signals');
    expect(fresh.body.weighing.textVersion).toBe('2019-1');
    expect(fresh.body.weighing.questions).toHaveLength(5);

    const withoutKindcheck = await teacher.post<ErrorBody>(`/api/meldcode/records/${id}/signals`, {
      signals: 'Moeder vertelt over slaan.',
    });
    expect(withoutKindcheck.status).toBe(400);
    expect(withoutKindcheck.body.error.details[0]?.path).toBe('body.kindcheckNote');
    expect(withoutKindcheck.body.error.details[0]?.message.nl).toMatch(/kindcheck/);

    const signals = await teacher.post(`/api/meldcode/records/${id}/signals`, {
      signals: 'Moeder vertelt dat haar partner haar slaat; Noa komt met blauwe plekken op school.',
      kindcheckNote: 'Noa (10) woont bij moeder; zij is niet veilig thuis.',
    });
    expect(signals.status).toBe(200);

    const colleagueConsult = await teacher.post(`/api/meldcode/records/${id}/consultations`, {
      kind: 'colleague',
      who: 'Intern begeleider',
      consultedOn: '2026-01-05',
      outcome: 'Signalen zijn zorgelijk; Veilig Thuis raadplegen.',
    });
    expect(colleagueConsult.status).toBe(201);

    const vtConsult = await teacher.post<{ adviceRequestId: string | null }>(
      `/api/meldcode/records/${id}/consultations`,
      {
        kind: 'veilig_thuis',
        who: 'Veilig Thuis Gelderland-Zuid, adviseur',
        consultedOn: '2026-01-06',
        outcome: 'Advies: gesprek met moeder en melden bij aanhoudende zorg.',
        advice: {
          question: 'Leerling met blauwe plekken; moeder noemt partnergeweld. Wat is wijs?',
          violenceDuration: 'under_6_months',
          askerRole: 'education',
          askerFunction: 'Leerkracht',
        },
      },
    );
    expect(vtConsult.status).toBe(201);
    expect(vtConsult.body.adviceRequestId).toMatch(/^[0-9a-f-]{36}$/);
    const advice = await t.deps.db
      .selectFrom('advice_request')
      .select(['municipality_code', 'violence_kinds', 'asker_role', 'channel'])
      .where('id', '=', vtConsult.body.adviceRequestId ?? '')
      .executeTakeFirstOrThrow();
    expect(advice).toMatchObject({ municipality_code: 'GM0268', asker_role: 'education', channel: 'web' });

    const talk = await teacher.post(`/api/meldcode/records/${id}/talk`, {
      held: true,
      summary: 'Moeder bevestigt het geweld en wil hulp, maar de partner weigert.',
    });
    expect(talk.status).toBe(200);

    // The afwegingskader asks one question at a time.
    const q1 = await teacher.post<{ decision: { kind: string; question: number } }>(
      `/api/meldcode/records/${id}/weighing`,
      { textVersion: '2019-1', answers: { q1: true } },
    );
    expect(q1.body.decision).toEqual({ kind: 'question', question: 2 });
    const q2 = await teacher.post<{ decision: { outcome: string; reason: string } }>(
      `/api/meldcode/records/${id}/weighing`,
      { textVersion: '2019-1', answers: { q1: true, q2: true } },
    );
    expect(q2.body.decision).toMatchObject({ outcome: 'report', reason: 'acute_or_structural_unsafety' });

    const notYet = await teacher.post<ErrorBody>(`/api/meldcode/records/${id}/report`, {});
    expect(notYet.status).toBe(409);

    const decided = await teacher.post(`/api/meldcode/records/${id}/decision`, {
      outcome: 'report',
      acute: false,
      note: 'Structurele onveiligheid: melden.',
    });
    expect(decided.status).toBe(200);

    const reported = await teacher.post<{ reportId: string; reference: string }>(
      `/api/meldcode/records/${id}/report`,
      {},
    );
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    expect(reported.body.reference).toMatch(/^M-\d{4}-/);

    const after = await teacher.get<Detail>(`/api/meldcode/records/${id}`);
    expect(after.body.report).toEqual({ id: reported.body.reportId, reference: reported.body.reference });
    expect(after.body.closure.mayClose).toBe(true);
    expect(after.body.canWrite).toBe(false);
    expect(after.body.steps.every((s) => s.done)).toBe(true);

    // Veilig Thuis sees the prefilled report in its queue.
    const vt = await signIn(t, 'vt.intake');
    const queue = await vt.get<{ id: string }[]>('/api/veilig-thuis/queue');
    expect(queue.body.map((q) => q.id)).toContain(reported.body.reportId);
    const report = await vt.get<{
      description: string;
      persons: { fullName: string; role: string }[];
      violenceKinds: string[];
      acute: boolean;
    }>(`/api/reports/${reported.body.reportId}`);
    expect(report.body.description).toMatch(/blauwe plekken/);
    expect(report.body.persons.map((p) => p.fullName)).toEqual(['Marieke Smit', 'Noa Smit', 'Ruud Smit']);
    expect(report.body.violenceKinds.sort()).toEqual(['child_abuse', 'partner_violence']);
    expect(report.body.acute).toBe(false);

    // Once reported, the steps are fixed and no second report can be made.
    const again = await teacher.post(`/api/meldcode/records/${id}/report`, {});
    expect(again.status).toBe(409);
    const rewrite = await teacher.post(`/api/meldcode/records/${id}/weighing`, {
      textVersion: '2019-1',
      answers: { q1: false },
    });
    expect(rewrite.status).toBe(409);

    expect(await auditActions(id)).toEqual([
      'meldcode.create:success',
      'meldcode.read:success',
      'meldcode.signals:success',
      'meldcode.consult:success',
      'meldcode.consult:success',
      'meldcode.talk:success',
      'meldcode.weigh:success',
      'meldcode.weigh:success',
      'meldcode.decide:success',
      'meldcode.report:success',
      'meldcode.read:success',
    ]);
  });
});

describe('the afwegingskader decides step 5', () => {
  it('acute or structural unsafety cannot end in close, or in help', async () => {
    const id = await create(teacher);
    await teacher.post(`/api/meldcode/records/${id}/weighing`, {
      textVersion: '2019-1',
      answers: { q1: true, q2: true, q3: true, q4: true, q5: true },
    });
    for (const outcome of ['close', 'help_and_follow_up', 'close_with_follow_up_agreements']) {
      const refused = await teacher.post<ErrorBody>(`/api/meldcode/records/${id}/decision`, { outcome });
      expect(refused.status, outcome).toBe(400);
      expect(refused.body.error.details[0]).toMatchObject({
        path: 'body.outcome',
        message: { nl: expect.stringMatching(/acute of structurele onveiligheid/) },
      });
    }
    const noAcute = await teacher.post<ErrorBody>(`/api/meldcode/records/${id}/decision`, {
      outcome: 'report',
    });
    expect(noAcute.body.error.details[0]?.path).toBe('body.acute');
    const detail = await teacher.get<Detail>(`/api/meldcode/records/${id}`);
    expect(detail.body.decision).toBeNull();
  });

  it('no suspicion closes; changed answers withdraw an outcome they no longer give', async () => {
    const id = await create(teacher, {
      persons: [{ fullName: 'Piet Jong', dateOfBirth: '2012-02-02', role: 'child' }],
    });
    const detail = await teacher.get<Detail>(`/api/meldcode/records/${id}`);
    expect(detail.body.kindcheck.required).toBe(false);
    await teacher.post(`/api/meldcode/records/${id}/weighing`, {
      textVersion: '2019-1-nji',
      answers: { q1: false },
    });
    expect((await teacher.post(`/api/meldcode/records/${id}/decision`, { outcome: 'close' })).status).toBe(
      200,
    );
    await teacher.post(`/api/meldcode/records/${id}/weighing`, {
      textVersion: '2019-1-nji',
      answers: { q1: true, q2: false, q3: true, q4: true },
    });
    const after = await teacher.get<Detail>(`/api/meldcode/records/${id}`);
    expect(after.body.decision).toBeNull();
    expect(after.body.weighing.textVersion).toBe('2019-1-nji');
    expect(after.body.weighing.decision).toMatchObject({ outcome: 'help_and_follow_up' });
    const unknown = await teacher.post(`/api/meldcode/records/${id}/weighing`, {
      textVersion: '1999',
      answers: {},
    });
    expect(unknown.status).toBe(400);
  });

  it('a talk left out needs a reason', async () => {
    const id = await create(teacher);
    const r = await teacher.post<ErrorBody>(`/api/meldcode/records/${id}/talk`, { held: false });
    expect(r.body.error.details[0]?.path).toBe('body.skippedReason');
    const ok = await teacher.post(`/api/meldcode/records/${id}/talk`, {
      held: false,
      skippedReason: 'Een gesprek brengt moeder in gevaar.',
    });
    expect(ok.status).toBe(200);
    const detail = await teacher.get<Detail>(`/api/meldcode/records/${id}`);
    expect(detail.body.steps.find((s) => s.id === 'talk_with_client')?.done).toBe(true);
  });
});

describe('who sees a meldcode record', () => {
  it('another organisation, a colleague and a policy advisor cannot reach it', async () => {
    const id = await create(teacher);
    const colleagueOrganisation = await t.deps.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.organisation_id')
      .where('app_user.username', '=', 'regisseur.nijmegen')
      .executeTakeFirstOrThrow();
    // A colleague in the same organisation, without the officer role, is still outside the record.
    expect(colleagueOrganisation.organisation_id).toBe(organisationId);
    for (const [who, client] of [
      ['other organisation', otherOrganisation],
      ['colleague', colleague],
    ] as const) {
      expect((await client.get(`/api/meldcode/records/${id}`)).status, who).toBe(404);
      const write = await client.post(`/api/meldcode/records/${id}/signals`, { signals: 'x' });
      expect(write.status, who).toBe(404);
      const list = await client.get<{ id: string }[]>('/api/meldcode/records');
      expect(
        list.body.map((r) => r.id),
        who,
      ).not.toContain(id);
    }
    expect((await policy.get('/api/meldcode/records')).status).toBe(403);
    expect((await policy.get(`/api/meldcode/records/${id}`)).status).toBe(403);
    expect((await policy.post('/api/meldcode/records', newRecord())).status).toBe(403);
    const denied = await t.deps.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('the meldcode officer sees the organisation’s records and reads, but does not write', async () => {
    const id = await create(teacher);
    const list = await officer.get<{ id: string; mine: boolean; author: string }[]>('/api/meldcode/records');
    expect(list.status).toBe(200);
    const row = list.body.find((r) => r.id === id);
    expect(row).toMatchObject({ mine: false });
    const detail = await officer.get<Detail>(`/api/meldcode/records/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.canWrite).toBe(false);
    const write = await officer.post(`/api/meldcode/records/${id}/signals`, { signals: 'Iets anders.' });
    expect(write.status).toBe(403);
    expect((await officer.post('/api/meldcode/records', newRecord())).status).toBe(403);
    // Nothing reaches Veilig Thuis in the author's name when someone else tries to consult.
    const adviceBefore = await t.deps.db.selectFrom('advice_request').select('id').execute();
    const consult = await colleague.post(`/api/meldcode/records/${id}/consultations`, {
      kind: 'veilig_thuis',
      who: 'Veilig Thuis',
      consultedOn: '2026-01-01',
      outcome: 'Overleg',
      advice: { question: 'Vraag', violenceDuration: 'unknown', askerRole: 'education' },
    });
    expect(consult.status).toBe(404);
    const adviceAfter = await t.deps.db.selectFrom('advice_request').select('id').execute();
    expect(adviceAfter).toHaveLength(adviceBefore.length);
    // Another organisation's record stays out of sight.
    const tielId = await create(otherOrganisation, { municipalityCode: 'GM0281' });
    expect((await officer.get(`/api/meldcode/records/${tielId}`)).status).toBe(404);
    const events = await t.deps.db
      .selectFrom('audit_event')
      .innerJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select(['audit_event.action', 'audit_event.purpose'])
      .where('app_user.username', '=', 'aandacht.nijmegen')
      .where('audit_event.record_id', '=', id)
      .execute();
    expect(events).toContainEqual({ action: 'meldcode.read', purpose: 'meldcode_officer' });
  });

  it('refuses malformed and hostile input', async () => {
    const badClient = await teacher.post<ErrorBody>('/api/meldcode/records', newRecord({ clientIndex: 5 }));
    expect(badClient.body.error.details[0]?.path).toBe('body.clientIndex');
    const extra = await teacher.post('/api/meldcode/records', { ...newRecord(), admin: true });
    expect(extra.status).toBe(400);
    const control = await teacher.post('/api/meldcode/records', {
      ...newRecord(),
      persons: [{ fullName: 'A\u0000B', dateOfBirth: '1980-01-01', role: 'victim' }],
    });
    expect(control.status).toBe(400);
    const id = await create(teacher, {
      persons: [
        { fullName: "Robert'); drop table meldcode_record;--", dateOfBirth: '1980-01-01', role: 'victim' },
      ],
    });
    const detail = await teacher.get<{ persons: { fullName: string }[] }>(`/api/meldcode/records/${id}`);
    expect(detail.body.persons[0]?.fullName).toBe("Robert'); drop table meldcode_record;--");
    const future = await teacher.post<ErrorBody>(`/api/meldcode/records/${id}/consultations`, {
      kind: 'colleague',
      who: 'Collega',
      consultedOn: '2999-01-01',
      outcome: 'Overleg',
    });
    expect(future.body.error.details[0]?.path).toBe('body.consultedOn');
    const noAdvice = await teacher.post<ErrorBody>(`/api/meldcode/records/${id}/consultations`, {
      kind: 'veilig_thuis',
      who: 'Veilig Thuis',
      consultedOn: '2026-01-01',
      outcome: 'Overleg',
    });
    expect(noAdvice.body.error.details[0]?.path).toBe('body.advice');
    expect((await teacher.get('/api/meldcode/records/not-a-uuid')).status).toBe(400);
    expect((await teacher.get('/api/meldcode/records/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });
});

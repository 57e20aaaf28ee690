import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  listItems,
  scoreChecklist,
} from '../../src/domain/casework/risk-checklist.ts';
import { DOMESTIC_VIOLENCE_RISK_V1 } from '../../src/domain/casework/risk-checklists.ts';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let caseId: string;
let clients: DemoClients;

const USERS = DEMO_USERNAMES;
type User = DemoUsername;

const client = (user: User) => clients.of(user);

const ITEMS = listItems(DOMESTIC_VIOLENCE_RISK_V1).map((i) => i.id);
const allAnswers = (answer: ChecklistAnswer, overrides: Record<string, ChecklistAnswer> = {}) => ({
  ...Object.fromEntries(ITEMS.map((id) => [id, answer])),
  ...overrides,
});
const input = (overrides: Record<string, unknown> = {}) => ({
  checklistId: 'domestic-violence-risk',
  version: 1,
  category: 'team',
  answers: allAnswers('no'),
  conclusion: 'low',
  ...overrides,
});

interface ResultList {
  results: {
    id: string;
    score: number;
    advisedBand: string;
    conclusion: string;
    overridden: boolean;
    overrideReason: string | null;
    recordedBy: string;
    organisation: string;
    category: string;
    answers: Record<string, string>;
    bandIfUnknownsYes: string;
    unknownCount: number;
  }[];
  withheld: number;
}

const resultCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('case_checklist_result')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  clients = new DemoClients(t);
  await clients.signInAll();
  const local = client('wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({ persons: [{ fullName: 'Carla Checklist', dateOfBirth: '1988-04-04', role: 'victim' }] }),
  );
  caseId = (await local.post<{ id: string }>('/api/cases', { reportId: report.body.id })).body.id;
  const candidates = await local.get<{ userId: string; name: string; organisationId: string }[]>(
    `/api/cases/${caseId}/team-candidates`,
  );
  const paul = candidates.body.find((c) => c.name === 'Paul Politie');
  expect(paul).toBeDefined();
  const joined = await local.post(`/api/cases/${caseId}/team`, {
    userId: paul?.userId,
    organisationId: paul?.organisationId,
    caseRole: 'safety_partner',
  });
  expect(joined.status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('checklist definitions', () => {
  it('lists the domestic-violence checklist with its questions, weights and bands', async () => {
    const response =
      await client('wijkteam.nijmegen').get<
        { id: string; version: number; maxScore: number; sections: { items: { id: string }[] }[] }[]
      >('/api/checklists');
    expect(response.status).toBe(200);
    const dv = response.body.find((d) => d.id === 'domestic-violence-risk');
    expect(dv).toMatchObject({ version: 1, maxScore: 40, bands: { elevatedFrom: 10, highFrom: 22 } });
    expect(dv?.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual(ITEMS);
  });

  it('needs a session', async () => {
    const anonymous = await fetch(`${t.base}/api/checklists`);
    expect(anonymous.status).toBe(401);
  });
});

describe('recording a checklist result', () => {
  it('the score and advice the server stores are those of the rule, for sampled answer sets', async () => {
    const local = client('wijkteam.nijmegen');
    const samples = fc.sample(fc.tuple(...ITEMS.map(() => fc.constantFrom(...CHECKLIST_ANSWERS))), {
      numRuns: 6,
      seed: 20_260_101,
    });
    for (const values of samples) {
      const answers = Object.fromEntries(ITEMS.map((id, i) => [id, values[i] ?? 'no'])) as Record<
        string,
        ChecklistAnswer
      >;
      const expected = scoreChecklist(DOMESTIC_VIOLENCE_RISK_V1, answers);
      if (!expected.ok) throw new Error('sample must be complete');
      const created = await local.post<{
        id: string;
        score: number;
        advisedBand: string;
        overridden: boolean;
      }>(`/api/cases/${caseId}/checklists`, input({ answers, conclusion: expected.advisedBand }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        score: expected.score,
        maxScore: 40,
        advisedBand: expected.advisedBand,
        conclusion: expected.advisedBand,
        overridden: false,
      });
      const list = await local.get<ResultList>(`/api/cases/${caseId}/checklists`);
      const stored = list.body.results.find((r) => r.id === created.body.id);
      expect(stored).toMatchObject({
        score: expected.score,
        advisedBand: expected.advisedBand,
        bandIfUnknownsYes: expected.bandIfUnknownsYes,
        unknownCount: expected.unknownCount,
        answers,
        overrideReason: null,
        recordedBy: 'Wendy Wijkteam (Nijmegen)',
      });
    }
  });

  it('strangulation alone advises high, whatever the low sum', async () => {
    const created = await client('wijkteam.nijmegen').post(`/api/cases/${caseId}/checklists`, {
      ...input({ answers: allAnswers('no', { strangulation: 'yes' }), conclusion: 'high' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ score: 4, advisedBand: 'high', overridden: false });
  });

  it('an override without a reason is refused and stores nothing', async () => {
    const before = await resultCount();
    for (const overrideReason of [undefined, '', '   ']) {
      const refused = await client('wijkteam.nijmegen').post<{
        error: { code: string; details: { path: string; message: { nl: string } }[] };
      }>(
        `/api/cases/${caseId}/checklists`,
        input({
          answers: allAnswers('no', { strangulation: 'yes' }),
          conclusion: 'elevated',
          overrideReason,
        }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
      expect(refused.body.error.details.map((d) => d.path)).toEqual(['body.overrideReason']);
    }
    expect(await resultCount()).toBe(before);
  });

  it('an override with a reason is recorded with who and why, and audited', async () => {
    const police = client('politie.nijmegen');
    const reason = 'Pleger zit sinds gisteren in voorlopige hechtenis; acuut risico nu lager.';
    const created = await police.post<{ id: string; overridden: boolean }>(
      `/api/cases/${caseId}/checklists`,
      input({
        answers: allAnswers('no', { strangulation: 'yes', weapon: 'yes' }),
        conclusion: 'elevated',
        overrideReason: reason,
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ advisedBand: 'high', conclusion: 'elevated', overridden: true });
    const list = await client('wijkteam.nijmegen').get<ResultList>(`/api/cases/${caseId}/checklists`);
    expect(list.body.results.find((r) => r.id === created.body.id)).toMatchObject({
      overridden: true,
      overrideReason: reason,
      recordedBy: 'Paul Politie',
      advisedBand: 'high',
      conclusion: 'elevated',
    });
    const event = await t.deps.db
      .selectFrom('audit_event')
      .select(['details', 'outcome'])
      .where('action', '=', 'case.checklist.create')
      .where('record_id', '=', caseId)
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ resultId: created.body.id, overridden: true, advisedBand: 'high' });
  });

  it('refuses missing answers, unknown questions, unknown checklists and a score sent by the client', async () => {
    const local = client('wijkteam.nijmegen');
    const before = await resultCount();
    const { escalation: _gone, ...missingOne } = allAnswers('no');
    const missing = await local.post<{ error: { details: { path: string }[] } }>(
      `/api/cases/${caseId}/checklists`,
      input({ answers: missingOne }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d) => d.path)).toEqual(['body.answers.escalation']);
    const extra = await local.post<{ error: { details: { path: string }[] } }>(
      `/api/cases/${caseId}/checklists`,
      input({ answers: allAnswers('no', { horoscope: 'yes' }) }),
    );
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.map((d) => d.path)).toEqual(['body.answers.horoscope']);
    for (const body of [
      input({ checklistId: 'unknown-list' }),
      input({ version: 2 }),
      input({ score: 0 }),
      input({ answers: allAnswers('no', { escalation: 'maybe' as ChecklistAnswer }) }),
      input({ category: 'secret' }),
      input({ conclusion: 'extreme' }),
      input({ answers: { "x'; drop table case_checklist_result; --": 'yes' } }),
    ]) {
      const refused = await local.post<{ error: { code: string } }>(`/api/cases/${caseId}/checklists`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
    expect(await resultCount()).toBe(before);
  });
});

describe('categories', () => {
  it('an organisation-only result is withheld from the police team member; a justice one is not', async () => {
    const local = client('wijkteam.nijmegen');
    const internal = await local.post<{ id: string }>(
      `/api/cases/${caseId}/checklists`,
      input({ category: 'organisation' }),
    );
    const justice = await local.post<{ id: string }>(
      `/api/cases/${caseId}/checklists`,
      input({ category: 'justice' }),
    );
    const health = await local.post<{ id: string }>(
      `/api/cases/${caseId}/checklists`,
      input({ category: 'health' }),
    );
    expect([internal.status, justice.status, health.status]).toEqual([201, 201, 201]);

    const police = await client('politie.nijmegen').get<ResultList>(`/api/cases/${caseId}/checklists`);
    const seen = police.body.results.map((r) => r.id);
    expect(seen).toContain(justice.body.id);
    expect(seen).not.toContain(internal.body.id);
    expect(seen).not.toContain(health.body.id);
    expect(police.body.withheld).toBe(2);

    const vt = await client('vt.intake').get<ResultList>(`/api/cases/${caseId}/checklists`);
    expect(vt.body.results.map((r) => r.id)).toEqual(
      expect.arrayContaining([justice.body.id, health.body.id]),
    );
    expect(vt.body.results.map((r) => r.id)).not.toContain(internal.body.id);

    const own = await local.get<ResultList>(`/api/cases/${caseId}/checklists?category=organisation`);
    expect(own.body.results.map((r) => r.id)).toEqual([internal.body.id]);
    expect(own.body.results.every((r) => r.category === 'organisation')).toBe(true);

    const policeFiltered = await client('politie.nijmegen').get<ResultList>(
      `/api/cases/${caseId}/checklists?category=organisation`,
    );
    expect(policeFiltered.body).toEqual({ results: [], withheld: 1 });
    const bad = await local.get(`/api/cases/${caseId}/checklists?category=everything`);
    expect(bad.status).toBe(400);
  });
});

const ENDPOINTS = {
  definitions: (c: ApiClient) => c.get('/api/checklists'),
  record: (c: ApiClient) => c.post(`/api/cases/${caseId}/checklists`, input()),
  list: (c: ApiClient) => c.get(`/api/cases/${caseId}/checklists`),
} as const;
type Endpoint = keyof typeof ENDPOINTS;

const team = { definitions: 200, record: 201, list: 200 };
const outsider = { definitions: 200, record: 404, list: 404 };
// The questions are no personal data; the results are.
const noClientWork = { definitions: 200, record: 403, list: 403 };
const EXPECTED: Record<User, Record<Endpoint, number>> = {
  'wijkteam.nijmegen': team,
  'vt.intake': team,
  'vt.teamleider': team,
  'politie.nijmegen': team,
  'regisseur.nijmegen': outsider,
  'wijkteam.tiel': outsider,
  'beleid.regio': noClientWork,
  'beheer.regio': noClientWork,
  'privacy.regio': noClientWork,
};

describe('authorization of every checklist endpoint', () => {
  const cases = USERS.flatMap((user) =>
    (Object.keys(ENDPOINTS) as Endpoint[]).map(
      (endpoint) => [user, endpoint, EXPECTED[user][endpoint]] as const,
    ),
  );
  it.each(cases)('%s → %s answers %i', async (user, endpoint, status) => {
    const before = await resultCount();
    const response = await ENDPOINTS[endpoint](client(user));
    expect(response.status).toBe(status);
    if (endpoint === 'record') expect(await resultCount()).toBe(before + (status === 201 ? 1 : 0));
  });

  it('a refused read is audited as denied', async () => {
    await ENDPOINTS.list(client('wijkteam.tiel'));
    const denied = await t.deps.db
      .selectFrom('audit_event')
      .select('outcome')
      .where('action', '=', 'case.checklist.list')
      .where('record_id', '=', caseId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('a write without the CSRF token is refused', async () => {
    const before = await resultCount();
    const response = await client('wijkteam.nijmegen').request(
      'POST',
      `/api/cases/${caseId}/checklists`,
      input(),
      {
        csrf: false,
      },
    );
    expect(response.status).toBe(403);
    expect(await resultCount()).toBe(before);
  });
});

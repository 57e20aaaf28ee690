import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

// Every case endpoint, for every demo role and for users outside the team: team membership (or
// Veilig Thuis serving the household) is what gives access; outsiders cannot tell a case exists.
let t: TestApp;
let caseId: string;
let coordinatorMemberId: string;
let clients: DemoClients;

const USERS = DEMO_USERNAMES;
type User = DemoUsername;

const client = (user: User) => clients.of(user);

beforeAll(async () => {
  t = await startTestApp();
  clients = new DemoClients(t);
  await clients.signInAll();
  const local = client('wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({ persons: [{ fullName: 'Ria Rozendaal', dateOfBirth: '1979-11-11', role: 'victim' }] }),
  );
  caseId = (await local.post<{ id: string }>('/api/cases', { reportId: report.body.id })).body.id;
  const candidates = await local.get<{ userId: string; name: string; organisationId: string }[]>(
    `/api/cases/${caseId}/team-candidates`,
  );
  const paul = candidates.body.find((c) => c.name === 'Paul Politie');
  expect(paul).toBeDefined();
  await local.post(`/api/cases/${caseId}/team`, {
    userId: paul?.userId,
    organisationId: paul?.organisationId,
    caseRole: 'safety_partner',
  });
  const detail = await local.get<{ team: { id: string; caseRole: string }[] }>(`/api/cases/${caseId}`);
  coordinatorMemberId = detail.body.team.find((m) => m.caseRole === 'coordinator')?.id ?? '';
});
afterAll(async () => {
  await t.close();
});

const ENDPOINTS = {
  read: (c: ApiClient) => c.get(`/api/cases/${caseId}`),
  candidates: (c: ApiClient) => c.get(`/api/cases/${caseId}/team-candidates`),
  addMember: (c: ApiClient) =>
    c.post(`/api/cases/${caseId}/team`, {
      userId: '00000000-0000-4000-8000-000000000000',
      organisationId: '00000000-0000-4000-8000-000000000000',
      caseRole: 'other',
    }),
  removeCoordinator: (c: ApiClient) =>
    c.request('DELETE', `/api/cases/${caseId}/team/${coordinatorMemberId}`),
  phase: (c: ApiClient) =>
    c.post(`/api/cases/${caseId}/phase`, { to: 'direct_safety', reason: 'Al in deze fase' }),
  assessment: (c: ApiClient) =>
    c.post(`/api/cases/${caseId}/assessments`, { scores: [], concerns: [], actions: [] }),
  safetyPlan: (c: ApiClient) =>
    c.post(`/api/cases/${caseId}/safety-plan`, {
      conditions: ['Geen geweld'],
      agreements: [
        { description: 'x', ownerUserId: '00000000-0000-4000-8000-000000000000', dueOn: '2030-01-01' },
      ],
      ifItGoesWrong: 'Bel 112.',
      agreed: false,
    }),
  note: (c: ApiClient) => c.post(`/api/cases/${caseId}/notes`, { category: 'team', body: 'Gesprek gepland' }),
  mine: (c: ApiClient) => c.get('/api/cases/mine'),
} as const;
type Endpoint = keyof typeof ENDPOINTS;

// Allowed callers reach the rules (400 same phase / empty assessment / unknown user or owner, 409 the
// coordinator stays); a team member who does not manage the team gets 403 there.
const manager = {
  read: 200,
  candidates: 200,
  addMember: 400,
  removeCoordinator: 409,
  phase: 400,
  assessment: 400,
  safetyPlan: 400,
  note: 201,
  mine: 200,
};
const member = { ...manager, candidates: 403, addMember: 403, removeCoordinator: 403 };
const outsider = {
  read: 404,
  candidates: 404,
  addMember: 404,
  removeCoordinator: 404,
  phase: 404,
  assessment: 404,
  safetyPlan: 404,
  note: 404,
  mine: 200,
};
const noClientWork = {
  read: 403,
  candidates: 403,
  addMember: 403,
  removeCoordinator: 403,
  phase: 403,
  assessment: 403,
  safetyPlan: 403,
  note: 403,
  mine: 403,
};

const EXPECTED: Record<User, Record<Endpoint, number>> = {
  'wijkteam.nijmegen': manager,
  'vt.intake': manager,
  'vt.teamleider': manager,
  'politie.nijmegen': member,
  // Same organisation as the coordinator, but not in the team: access is per person.
  'regisseur.nijmegen': outsider,
  'wijkteam.tiel': outsider,
  'beleid.regio': noClientWork,
  'beheer.regio': noClientWork,
  'privacy.regio': noClientWork,
};

describe('authorization of every case endpoint', () => {
  const cases = USERS.flatMap((user) =>
    (Object.keys(ENDPOINTS) as Endpoint[]).map(
      (endpoint) => [user, endpoint, EXPECTED[user][endpoint]] as const,
    ),
  );
  it.each(cases)('%s → %s answers %i', async (user, endpoint, status) => {
    const response = await ENDPOINTS[endpoint](client(user));
    expect(response.status).toBe(status);
  });

  it('outsiders cannot list the case among their own', async () => {
    const mine = await client('wijkteam.tiel').get<{ id: string }[]>('/api/cases/mine');
    expect(mine.body.map((c) => c.id)).not.toContain(caseId);
  });
});

describe('reopening', () => {
  it('a closed case reopens in direct safety with a reason', async () => {
    const local = client('wijkteam.nijmegen');
    const report = await local.post<{ id: string }>(
      '/api/reports',
      sampleReport({ persons: [{ fullName: 'Sem Smit', dateOfBirth: '1990-02-02', role: 'victim' }] }),
    );
    const { id } = (await local.post<{ id: string }>('/api/cases', { reportId: report.body.id })).body;
    const detail = await local.get<{ members: { id: string }[]; team: { userId: string }[] }>(
      `/api/cases/${id}`,
    );
    const dueOn = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await local.post(`/api/cases/${id}/assessments`, {
      scores: [{ participantId: detail.body.members[0]?.id, score: 9 }],
      concerns: ['Terugval'],
      actions: [{ description: 'Nazorg', ownerUserId: detail.body.team[0]?.userId, dueOn }],
    });
    await local.post(`/api/cases/${id}/safety-plan`, {
      conditions: ['Geen contact zonder begeleiding'],
      agreements: [],
      ifItGoesWrong: 'Bel 112.',
      agreed: true,
    });
    for (const to of ['stable_safety', 'recovery', 'monitoring']) {
      expect((await local.post(`/api/cases/${id}/phase`, { to, reason: 'Volgende stap' })).status).toBe(200);
    }
    const closure = { reasonCode: 'safety_stable', explanation: 'Volgende stap' };
    expect((await local.post(`/api/cases/${id}/closure`, closure)).status).toBe(201);
    const skip = await local.post(`/api/cases/${id}/phase`, { to: 'recovery', reason: 'Terug' });
    expect(skip.status).toBe(400);
    const reopened = await local.post<{ phase: string }>(`/api/cases/${id}/phase`, {
      to: 'direct_safety',
      reason: 'Nieuw incident gemeld door de politie',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.phase).toBe('direct_safety');
  });
});

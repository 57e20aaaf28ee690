import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

// Help for perpetrators (plegerhulp) and experience experts (ervaringsdeskundigen): record, list,
// outcome once, the member rules, categories, audit, and every endpoint for every demo role.
let t: TestApp;
let clients: DemoClients;

type User = DemoUsername;
const client = (user: User) => clients.of(user);

type ErrorBody = {
  error: {
    code: string;
    message: { nl: string; en: string };
    requestId: string;
    details: { path: string; message: { nl: string; en: string } }[];
  };
};
type SupportView = {
  id: string;
  kind: string;
  category: string;
  member: { id: string; fullName: string; role: string } | null;
  provider: string;
  offeredAt: string;
  note: string | null;
  outcome: { outcome: string; at: string; note: string | null; recordedBy: string } | null;
  recordedBy: string;
  organisation: string;
  recordedAt: string;
  mayRecordOutcome: boolean;
};
type SupportList = { support: SupportView[]; withheld: number; mayRecord: boolean };
type CaseDetail = { members: { id: string; fullName: string; role: string }[] };

const AMSTERDAM = 'Europe/Amsterdam';
const wall = (date: Date) => DateTime.fromJSDate(date, { zone: AMSTERDAM });
const iso = (dt: DateTime) => dt.toISO() ?? '';
const daysAgo = (days: number) => iso(wall(t.clock.now()).minus({ days }).startOf('minute'));

let counter = 0;
/** A household of its own: a perpetrator, a victim, a child, and a relative who is both. */
async function openHousehold(name: string) {
  counter += 1;
  const local = client('wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({
      persons: [
        { fullName: `${name} Vader`, dateOfBirth: `${1970 + counter}-03-04`, role: 'perpetrator' },
        { fullName: `${name} Moeder`, dateOfBirth: `${1971 + counter}-05-06`, role: 'victim' },
        { fullName: `${name} Kind`, dateOfBirth: '2014-07-08', role: 'child' },
        { fullName: `${name} Oom`, dateOfBirth: `${1960 + counter}-09-10`, role: 'both' },
      ],
    }),
  );
  expect(report.status).toBe(201);
  t.clock.advance(60_000);
  const opened = await local.post<{ id: string }>('/api/cases', { reportId: report.body.id });
  expect(opened.status).toBe(201);
  const caseId = opened.body.id;
  const candidates = await local.get<{ userId: string; name: string; organisationId: string }[]>(
    `/api/cases/${caseId}/team-candidates`,
  );
  const paul = candidates.body.find((c) => c.name === 'Paul Politie');
  const added = await local.post(`/api/cases/${caseId}/team`, {
    userId: paul?.userId,
    organisationId: paul?.organisationId,
    caseRole: 'safety_partner',
  });
  expect(added.status).toBe(201);
  const detail = await local.get<CaseDetail>(`/api/cases/${caseId}`);
  const member = (suffix: string) => {
    const found = detail.body.members.find((m) => m.fullName.endsWith(suffix));
    if (!found) throw new Error(`no member ${suffix}`);
    return found.id;
  };
  return {
    caseId,
    father: member('Vader'),
    mother: member('Moeder'),
    child: member('Kind'),
    uncle: member('Oom'),
  };
}
type Household = Awaited<ReturnType<typeof openHousehold>>;

const helpFor = (memberId: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'perpetrator_help',
  memberId,
  provider: 'De Waag Nijmegen',
  category: 'health',
  offeredAt: daysAgo(3),
  note: 'Vader is aangemeld voor de groepstraining.',
  ...overrides,
});
const expert = (overrides: Record<string, unknown> = {}) => ({
  kind: 'experience_expert',
  provider: 'Pool ervaringsdeskundigen Gelderland-Zuid',
  category: 'team',
  offeredAt: daysAgo(2),
  ...overrides,
});

async function listFor(user: User, caseId: string) {
  const r = await client(user).get<SupportList>(`/api/cases/${caseId}/support`);
  expect(r.status).toBe(200);
  return r.body;
}

async function record(user: User, caseId: string, body: Record<string, unknown>) {
  const r = await client(user).post<{ id: string }>(`/api/cases/${caseId}/support`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

async function rowsOf(caseId: string) {
  return t.deps.db
    .selectFrom('case_support')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

async function supportRow(id: string) {
  return t.deps.db.selectFrom('case_support').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function auditOf(caseId: string, action: string) {
  return t.deps.db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'details', 'actor_user_id'])
    .where('record_id', '=', caseId)
    .where('action', '=', action)
    .orderBy('position')
    .execute();
}

/** The one error shape: a code, a message in both languages, the request id, field details. */
function expectError(
  r: { status: number; body: ErrorBody },
  status: number,
  code: string,
  path?: string,
  why = '',
) {
  expect(r.status, why).toBe(status);
  expect(r.body.error.code, why).toBe(code);
  expect(r.body.error.message.nl, why).toBeTruthy();
  expect(r.body.error.message.en, why).toBeTruthy();
  expect(r.body.error.requestId, why).toBeTruthy();
  for (const d of r.body.error.details) {
    expect(typeof d.path, why).toBe('string');
    expect(d.message.nl && d.message.en, why).toBeTruthy();
  }
  if (path !== undefined)
    expect(
      r.body.error.details.map((d) => d.path),
      why,
    ).toContain(path);
}

beforeAll(async () => {
  t = await startTestApp();
  clients = new DemoClients(t);
  await clients.signInAll();
});
afterAll(async () => {
  await t.close();
});

describe('perpetrator help and an experience expert: record, list, outcome', () => {
  let h: Household;
  let helpId: string;
  let expertId: string;

  beforeAll(async () => {
    h = await openHousehold('Hendriks');
  });

  it('the local team records help for the perpetrator and an experience expert; both are audited', async () => {
    helpId = await record('wijkteam.nijmegen', h.caseId, helpFor(h.father));
    expertId = await record(
      'vt.intake',
      h.caseId,
      expert({ memberId: h.mother, note: 'Gesprek met moeder.' }),
    );
    const help = await supportRow(helpId);
    expect(help).toMatchObject({
      kind: 'perpetrator_help',
      member_id: h.father,
      provider: 'De Waag Nijmegen',
      category: 'health',
      outcome: null,
      outcome_at: null,
      outcome_recorded_by_user_id: null,
    });
    const audit = await auditOf(h.caseId, 'case.support.record');
    expect(audit.map((a) => a.outcome)).toEqual(['success', 'success']);
    expect(audit[0]?.details).toMatchObject({
      supportId: helpId,
      kind: 'perpetrator_help',
      memberId: h.father,
    });
    expect(audit[1]?.details).toMatchObject({ supportId: expertId, kind: 'experience_expert' });
  });

  it('lists both, newest offer first, with member, provider, recorder and no outcome yet', async () => {
    const list = await listFor('vt.teamleider', h.caseId);
    expect(list.withheld).toBe(0);
    expect(list.mayRecord).toBe(true);
    expect(list.support.map((s) => s.id)).toEqual([expertId, helpId]);
    expect(list.support[1]).toMatchObject({
      kind: 'perpetrator_help',
      category: 'health',
      member: { id: h.father, fullName: 'Hendriks Vader', role: 'perpetrator' },
      provider: 'De Waag Nijmegen',
      note: 'Vader is aangemeld voor de groepstraining.',
      outcome: null,
      recordedBy: 'Wendy Wijkteam (Nijmegen)',
      mayRecordOutcome: true,
    });
    expect(list.support[0]).toMatchObject({
      kind: 'experience_expert',
      member: { id: h.mother, fullName: 'Hendriks Moeder', role: 'victim' },
    });
    const reads = await auditOf(h.caseId, 'case.support.list');
    expect(reads.at(-1)?.details).toEqual({ shown: [expertId, helpId], withheld: 0 });
  });

  it('records "used" for the help and "declined" for the expert; the list shows who and when', async () => {
    const outcomeAt = daysAgo(1);
    const used = await client('wijkteam.nijmegen').post<{ id: string; outcome: string; outcomeAt: string }>(
      `/api/cases/${h.caseId}/support/${helpId}/outcome`,
      { outcome: 'used', outcomeAt, note: 'Eerste sessie gevolgd.' },
    );
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ id: helpId, outcome: 'used', outcomeAt: new Date(outcomeAt).toISOString() });
    const declined = await client('vt.intake').post(`/api/cases/${h.caseId}/support/${expertId}/outcome`, {
      outcome: 'declined',
    });
    expect(declined.status).toBe(200);
    const list = await listFor('wijkteam.nijmegen', h.caseId);
    const help = list.support.find((s) => s.id === helpId);
    expect(help?.outcome).toEqual({
      outcome: 'used',
      at: new Date(outcomeAt).toISOString(),
      note: 'Eerste sessie gevolgd.',
      recordedBy: 'Wendy Wijkteam (Nijmegen)',
    });
    expect(help?.mayRecordOutcome).toBe(false);
    const exp = list.support.find((s) => s.id === expertId);
    expect(exp?.outcome).toMatchObject({
      outcome: 'declined',
      note: null,
      recordedBy: 'Vera Intake (Veilig Thuis)',
    });
    // Without a moment the outcome is now (the server's clock).
    expect(Math.abs(new Date(exp?.outcome?.at ?? '').getTime() - t.clock.now().getTime())).toBeLessThan(
      60_000,
    );
    const row = await supportRow(expertId);
    expect(row.outcome).toBe('declined');
    expect(row.outcome_recorded_by_user_id).not.toBeNull();
    const audit = await auditOf(h.caseId, 'case.support.outcome');
    expect(audit.map((a) => [a.outcome, (a.details as { outcome: string }).outcome])).toEqual([
      ['success', 'used'],
      ['success', 'declined'],
    ]);
  });

  it('a second outcome answers 409 with the reason, changes nothing and is audited as denied', async () => {
    const before = await supportRow(helpId);
    const again = await client('vt.intake').post<ErrorBody>(
      `/api/cases/${h.caseId}/support/${helpId}/outcome`,
      {
        outcome: 'declined',
        note: 'Toch niet.',
      },
    );
    expectError(again, 409, 'conflict', 'body.outcome');
    expect(again.body.error.details[0]?.message.nl).toContain('al vastgelegd');
    expect(await supportRow(helpId)).toEqual(before);
    const denied = (await auditOf(h.caseId, 'case.support.outcome')).filter((a) => a.outcome === 'denied');
    expect(denied.map((a) => a.details)).toEqual([
      expect.objectContaining({ supportId: helpId, reason: 'outcome_already_recorded' }),
    ]);
  });

  it('the police see the offers their categories allow but record neither offers nor outcomes (403)', async () => {
    const list = await listFor('politie.nijmegen', h.caseId);
    expect(list.mayRecord).toBe(false);
    // Health information is not for the police; the experience expert is shared with the team.
    expect(list.support.map((s) => s.id)).toEqual([expertId]);
    expect(list.withheld).toBe(1);
    expect(list.support[0]?.mayRecordOutcome).toBe(false);
    const rows = await rowsOf(h.caseId);
    const byPolice = await client('politie.nijmegen').post<ErrorBody>(
      `/api/cases/${h.caseId}/support`,
      expert(),
    );
    expectError(byPolice, 403, 'forbidden', 'body');
    expect(byPolice.body.error.details[0]?.message.nl).toContain('hulpverlenende partners');
    expect(await rowsOf(h.caseId)).toEqual(rows);
    const denied = (await auditOf(h.caseId, 'case.support.record')).filter((a) => a.outcome === 'denied');
    expect(denied.map((a) => a.details)).toEqual([expect.objectContaining({ reason: 'not_a_recorder' })]);
  });
});

describe('who the help is for, and bad input', () => {
  let h: Household;
  let other: Household;
  let openId: string;

  beforeAll(async () => {
    h = await openHousehold('Jacobs');
    other = await openHousehold('Anders');
    openId = await record('wijkteam.nijmegen', h.caseId, helpFor(h.father, { offeredAt: daysAgo(5) }));
  });

  it('help for a member who is both victim and perpetrator is accepted; an expert needs no member', async () => {
    const forUncle = await record('wijkteam.nijmegen', h.caseId, helpFor(h.uncle, { provider: 'Kairos' }));
    expect((await supportRow(forUncle)).member_id).toBe(h.uncle);
    const household = await record('wijkteam.nijmegen', h.caseId, expert());
    expect((await supportRow(household)).member_id).toBeNull();
    const forChild = await record('wijkteam.nijmegen', h.caseId, expert({ memberId: h.child }));
    expect((await supportRow(forChild)).member_id).toBe(h.child);
  });

  it('refuses perpetrator help without a member, for a victim or child, and for another household; nothing is written', async () => {
    const local = client('wijkteam.nijmegen');
    const before = await rowsOf(h.caseId);
    const { memberId: _omit, ...withoutMember } = helpFor(h.father);
    const none = await local.post<ErrorBody>(`/api/cases/${h.caseId}/support`, withoutMember);
    expectError(none, 422, 'rule_refused', 'body.memberId', 'no member');
    expect(none.body.error.details[0]?.message.nl).toContain('pleger');
    for (const [why, memberId] of [
      ['victim', h.mother],
      ['child', h.child],
    ] as const) {
      const r = await local.post<ErrorBody>(`/api/cases/${h.caseId}/support`, helpFor(memberId));
      expectError(r, 422, 'rule_refused', 'body.memberId', why);
      expect(r.body.error.details[0]?.message.en, why).toContain('perpetrator');
    }
    for (const body of [helpFor(other.father), expert({ memberId: other.mother })]) {
      const r = await local.post<ErrorBody>(`/api/cases/${h.caseId}/support`, body);
      expectError(r, 400, 'validation_failed', 'body.memberId', 'member of another case');
      expect(r.body.error.details[0]?.message.nl).toContain('huishouden');
    }
    expect(await rowsOf(h.caseId)).toEqual(before);
    expect(await rowsOf(other.caseId)).toEqual([]);
    const denied = (await auditOf(h.caseId, 'case.support.record')).filter((a) => a.outcome === 'denied');
    expect(denied.map((a) => (a.details as { reason: string }).reason)).toEqual([
      'member_required',
      'member_not_perpetrator',
      'member_not_perpetrator',
    ]);
  });

  it('bad input to record gets the one error shape and writes nothing', async () => {
    const local = client('wijkteam.nijmegen');
    const base = helpFor(h.father);
    const before = await t.deps.db.selectFrom('case_support').select('id').execute();
    const bad: [string, unknown][] = [
      ['unknown kind', { ...base, kind: 'anger_management' }],
      ['unknown field', { ...base, extra: 1 }],
      ['member id not a uuid', { ...base, memberId: "1' or '1'='1" }],
      ['no provider', { ...base, provider: undefined }],
      ['blank provider', { ...base, provider: '   ' }],
      ['too long provider', { ...base, provider: 'x'.repeat(201) }],
      ['unknown category', { ...base, category: 'secret' }],
      ['no category', { ...base, category: undefined }],
      ['time without offset', { ...base, offeredAt: '2026-06-01T14:00' }],
      ['not a date', { ...base, offeredAt: "2026-06-01'; drop table case_support; --" }],
      ['offer in the future', { ...base, offeredAt: iso(wall(t.clock.now()).plus({ days: 1 })) }],
      ['before 2000', { ...base, offeredAt: '1999-12-31T12:00:00+01:00' }],
      ['control character', { ...base, note: 'a\u0000b' }],
      ['too long note', { ...base, note: 'x'.repeat(2_001) }],
      ['not an object', [base]],
    ];
    for (const [why, body] of bad) {
      const r = await local.post<ErrorBody>(`/api/cases/${h.caseId}/support`, body);
      expectError(r, 400, 'validation_failed', undefined, why);
      expect(r.body.error.details.length, why).toBeGreaterThan(0);
    }
    const badId = await local.get<ErrorBody>('/api/cases/not-a-uuid/support');
    expectError(badId, 400, 'validation_failed');
    expect(await t.deps.db.selectFrom('case_support').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses an outcome before the offer (422), in the future, or unknown (400), and for an offer of another case (404); nothing is written', async () => {
    const local = client('wijkteam.nijmegen');
    const url = `/api/cases/${h.caseId}/support/${openId}/outcome`;
    const before = await supportRow(openId);
    const early = await local.post<ErrorBody>(url, { outcome: 'used', outcomeAt: daysAgo(6) });
    expectError(early, 422, 'rule_refused', 'body.outcomeAt');
    expect(early.body.error.details[0]?.message.nl).toContain('vóór');
    const bad: [string, unknown][] = [
      ['unknown outcome', { outcome: 'maybe' }],
      ['no outcome', {}],
      ['future', { outcome: 'used', outcomeAt: iso(wall(t.clock.now()).plus({ hours: 2 })) }],
      ['time without offset', { outcome: 'used', outcomeAt: '2026-06-01T14:00' }],
      ['unknown field', { outcome: 'used', by: 'someone else' }],
      ['blank note', { outcome: 'declined', note: ' ' }],
    ];
    for (const [why, body] of bad)
      expectError(await local.post<ErrorBody>(url, body), 400, 'validation_failed', undefined, why);
    const otherOffer = await record('wijkteam.nijmegen', other.caseId, expert());
    const crossed = await local.post<ErrorBody>(`/api/cases/${h.caseId}/support/${otherOffer}/outcome`, {
      outcome: 'used',
    });
    expectError(crossed, 404, 'not_found');
    const missing = await local.post<ErrorBody>(
      `/api/cases/${h.caseId}/support/00000000-0000-4000-8000-000000000000/outcome`,
      { outcome: 'used' },
    );
    expectError(missing, 404, 'not_found');
    expect(await supportRow(openId)).toEqual(before);
    expect((await supportRow(otherOffer)).outcome).toBeNull();
    // Exactly at the moment of the offer is allowed.
    const atOffer = await local.post(url, { outcome: 'used', outcomeAt: before.offered_at.toISOString() });
    expect(atOffer.status).toBe(200);
  });

  it('text is stored and returned as typed, markup and quotes included', async () => {
    const note = `<script>alert("x")</script> O'Brien; drop table case_support;`;
    const provider = `Stichting "Huis & Haard" <b>`;
    const id = await record('vt.intake', h.caseId, expert({ note, provider }));
    const seen = (await listFor('wijkteam.nijmegen', h.caseId)).support.find((s) => s.id === id);
    expect(seen?.note).toBe(note);
    expect(seen?.provider).toBe(provider);
  });
});

describe('categories', () => {
  it('each reader sees the offers their categories allow; the rest is counted as withheld, and hidden offers answer 404', async () => {
    const h = await openHousehold('Koster');
    const offer = (category: string) => record('vt.intake', h.caseId, helpFor(h.father, { category }));
    const team = await offer('team');
    const organisation = await offer('organisation');
    const health = await offer('health');
    const justice = await offer('justice');
    const seen = async (user: User) => (await listFor(user, h.caseId)).support.map((s) => s.id).sort();
    // Same organisation as the recorder: everything.
    expect(await seen('vt.teamleider')).toEqual([team, organisation, health, justice].sort());
    // The local professional's organisation is a local team or a municipality (the demo region
    // decides): only a local team reads health; neither reads justice nor another's internal items.
    const local = await t.deps.db
      .selectFrom('app_user')
      .innerJoin('membership', 'membership.user_id', 'app_user.id')
      .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
      .select('organisation.type')
      .where('app_user.username', '=', 'wijkteam.nijmegen')
      .executeTakeFirstOrThrow();
    expect(['local_team', 'municipality']).toContain(local.type);
    const localSees = local.type === 'local_team' ? [team, health] : [team];
    expect(await seen('wijkteam.nijmegen')).toEqual(localSees.sort());
    expect((await listFor('wijkteam.nijmegen', h.caseId)).withheld).toBe(4 - localSees.length);
    // The police: team and justice.
    expect(await seen('politie.nijmegen')).toEqual([team, justice].sort());
    const reads = await auditOf(h.caseId, 'case.support.list');
    const lastRead = reads.at(-1)?.details as { shown: string[]; withheld: number };
    expect([...lastRead.shown].sort()).toEqual([team, justice].sort());
    expect(lastRead.withheld).toBe(2);
    for (const hidden of [organisation, justice]) {
      const r = await client('wijkteam.nijmegen').post<ErrorBody>(
        `/api/cases/${h.caseId}/support/${hidden}/outcome`,
        { outcome: 'used' },
      );
      expectError(r, 404, 'not_found');
      expect((await supportRow(hidden)).outcome).toBeNull();
    }
  });
});

describe('authorization of every support endpoint', () => {
  let h: Household;
  let openId: string;
  let decidedId: string;

  beforeAll(async () => {
    h = await openHousehold('Matrix');
    openId = await record('wijkteam.nijmegen', h.caseId, expert({ offeredAt: daysAgo(4) }));
    decidedId = await record('wijkteam.nijmegen', h.caseId, expert({ offeredAt: daysAgo(4) }));
    const decided = await client('wijkteam.nijmegen').post(
      `/api/cases/${h.caseId}/support/${decidedId}/outcome`,
      {
        outcome: 'used',
      },
    );
    expect(decided.status).toBe(200);
  });

  // Writes that reach the rules are refused by them (so nothing is written): perpetrator help for the
  // victim (422), an outcome before the offer (422), a second outcome (409).
  const ENDPOINTS = {
    list: (c: ApiClient) => c.get(`/api/cases/${h.caseId}/support`),
    record: (c: ApiClient) => c.post(`/api/cases/${h.caseId}/support`, helpFor(h.mother)),
    outcomeEarly: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/support/${openId}/outcome`, {
        outcome: 'used',
        outcomeAt: daysAgo(10),
      }),
    outcomeSecond: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/support/${decidedId}/outcome`, { outcome: 'declined' }),
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;

  const recorder: Record<Endpoint, number> = {
    list: 200,
    record: 422,
    outcomeEarly: 422,
    outcomeSecond: 409,
  };
  const reader: Record<Endpoint, number> = { list: 200, record: 403, outcomeEarly: 403, outcomeSecond: 403 };
  const everything = (status: number) =>
    Object.fromEntries(Object.keys(ENDPOINTS).map((k) => [k, status])) as Record<Endpoint, number>;

  const EXPECTED: Record<User, Record<Endpoint, number>> = {
    'wijkteam.nijmegen': recorder,
    'vt.intake': recorder,
    'vt.teamleider': recorder,
    'politie.nijmegen': reader,
    // Same organisation as the coordinator, but not in the team: access is per person.
    'regisseur.nijmegen': everything(404),
    'wijkteam.tiel': everything(404),
    'beleid.regio': everything(403),
    'beheer.regio': everything(403),
    'privacy.regio': everything(403),
  };

  it('the table covers every demo user', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...DEMO_USERNAMES].sort());
  });

  const ERROR_CODES: Record<number, string> = {
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    422: 'rule_refused',
  };
  const cases = DEMO_USERNAMES.flatMap((user) =>
    (Object.keys(ENDPOINTS) as Endpoint[]).map(
      (endpoint) => [user, endpoint, EXPECTED[user][endpoint]] as const,
    ),
  );
  it.each(cases)('%s → %s answers %i', async (user, endpoint, status) => {
    const response = await ENDPOINTS[endpoint](client(user));
    expect(response.status).toBe(status);
    const code = ERROR_CODES[status];
    if (code)
      expectError({ status: response.status, body: response.body as unknown as ErrorBody }, status, code);
  });

  it('nothing changed by all those calls, and refusals to outsiders are audited', async () => {
    const rows = await rowsOf(h.caseId);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === openId)?.outcome).toBeNull();
    expect(rows.find((r) => r.id === decidedId)?.outcome).toBe('used');
    const denied = await t.deps.db
      .selectFrom('audit_event')
      .innerJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select(['audit_event.action', 'app_user.username'])
      .where('record_id', '=', h.caseId)
      .where('outcome', '=', 'denied')
      .where('action', 'like', 'case.support.%')
      .execute();
    const who = new Set(denied.map((d) => d.username));
    for (const user of ['regisseur.nijmegen', 'wijkteam.tiel', 'politie.nijmegen', 'vt.intake'])
      expect(who).toContain(user);
    expect(new Set(denied.map((d) => d.action))).toEqual(
      new Set(['case.support.list', 'case.support.record', 'case.support.outcome']),
    );
  });

  it('writes without the CSRF token are refused', async () => {
    const r = await client('wijkteam.nijmegen').request(
      'POST',
      `/api/cases/${h.caseId}/support/${openId}/outcome`,
      { outcome: 'used' },
      { csrf: false },
    );
    expect(r.status).toBe(403);
    expect((await supportRow(openId)).outcome).toBeNull();
  });
});

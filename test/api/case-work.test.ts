import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

// "Mijn werk" and the household timeline (issue 3 §12): what is due this week and what is overdue
// for the signed-in professional's organisation, handovers waiting for it, nothing of cases one is
// not on; the timeline holds back what the reader's categories may not read.
let t: TestApp;
let clients: DemoClients;
const AMSTERDAM = 'Europe/Amsterdam';

const USERS = DEMO_USERNAMES;
type User = DemoUsername;
const client = (user: User) => clients.of(user);
async function signInAll() {
  clients = new DemoClients(t);
  await clients.signInAll();
}
/** Moves the test clock to an Amsterdam wall-clock moment (forward only) and signs everyone in again. */
async function setAmsterdam(isoLocal: string) {
  const target = DateTime.fromISO(isoLocal, { zone: AMSTERDAM }).toMillis();
  expect(target).toBeGreaterThan(t.clock.now().getTime());
  t.clock.advance(target - t.clock.now().getTime());
  await signInAll();
}
const today = () => DateTime.fromJSDate(t.clock.now(), { zone: AMSTERDAM }).toISODate() ?? '';

type WorkItem = {
  id: string;
  kind: string;
  caseId: string;
  caseReference: string;
  dueOn: string;
  dueAt: string | null;
  description: string | null;
  meetingKind: string | null;
  measureKind: string | null;
  monthsAfter: number | null;
  link: { caseId: string; section: string };
};
type Work = {
  today: string;
  week: { from: string; to: string };
  thisWeek: WorkItem[];
  overdue: WorkItem[];
  handovers: { id: string; caseReference: string; subject: string; toMe: boolean; overdue: boolean }[];
  cases: { id: string; reference: string }[];
};
type Entry = {
  id: string;
  at: string;
  kind: string;
  category: string;
  organisation: string | null;
  actor: string | null;
  details: Record<string, unknown>;
};
type Timeline = { entries: Entry[]; withheld: number };

const work = async (user: User) => {
  const r = await client(user).get<Work>('/api/work');
  expect(r.status).toBe(200);
  return r.body;
};
const timeline = async (user: User, caseId: string) => {
  const r = await client(user).get<Timeline>(`/api/cases/${caseId}/timeline`);
  expect(r.status).toBe(200);
  return r.body;
};

let counter = 0;
async function openCase(name: string) {
  counter += 1;
  const local = client('wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({
      persons: [
        { fullName: `${name} Vader`, dateOfBirth: `${1970 + counter}-03-04`, role: 'perpetrator' },
        { fullName: `${name} Moeder`, dateOfBirth: `${1971 + counter}-05-06`, role: 'victim' },
      ],
    }),
  );
  expect(report.status).toBe(201);
  const opened = await local.post<{ id: string }>('/api/cases', { reportId: report.body.id });
  expect(opened.status).toBe(201);
  return opened.body.id;
}

type CaseDetail = {
  reference: string;
  members: { id: string; fullName: string }[];
  team: { userId: string; name: string; organisationId: string }[];
};
const detailOf = async (caseId: string) =>
  (await client('wijkteam.nijmegen').get<CaseDetail>(`/api/cases/${caseId}`)).body;

async function addPolice(caseId: string) {
  const local = client('wijkteam.nijmegen');
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
  return { userId: paul?.userId ?? '', organisationId: paul?.organisationId ?? '' };
}

const ids = {
  caseA: '',
  caseB: '',
  caseTiel: '',
  wendy: '',
  paul: '',
  policeOrg: '',
  overdueAction: '',
  weekAction: '',
  policeAction: '',
  measure: '',
  handover: '',
};

async function meeting(by: User, caseId: string, body: Record<string, unknown>) {
  const r = await client(by).post<{ id: string; actionIds: string[] }>(`/api/cases/${caseId}/meetings`, {
    heldAt: DateTime.fromJSDate(t.clock.now()).toISO(),
    agenda: ['Veiligheid'],
    information: [],
    ...body,
  });
  expect(r.status).toBe(201);
  return r.body;
}

beforeAll(async () => {
  t = await startTestApp();
  await signInAll();
  let local = client('wijkteam.nijmegen');

  // Case B goes into monitoring now; its first moment falls due about a month later.
  ids.caseB = await openCase('Monitor');
  const b = await detailOf(ids.caseB);
  ids.wendy = b.team[0]?.userId ?? '';
  expect(
    (
      await local.post(`/api/cases/${ids.caseB}/assessments`, {
        scores: b.members.map((m) => ({ participantId: m.id, score: 9 })),
        concerns: ['Terugval'],
        actions: [],
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await local.post(`/api/cases/${ids.caseB}/safety-plan`, {
        conditions: ['Geen geweld'],
        agreements: [],
        ifItGoesWrong: 'Bel 112.',
        agreed: true,
      })
    ).status,
  ).toBe(201);
  for (const to of ['stable_safety', 'recovery', 'monitoring']) {
    expect((await local.post(`/api/cases/${ids.caseB}/phase`, { to, reason: 'Volgende stap' })).status).toBe(
      200,
    );
  }
  const monitoring = await local.get<{ moments: { dueOn: string }[] }>(`/api/cases/${ids.caseB}/monitoring`);
  const firstDue = monitoring.body.moments[0]?.dueOn ?? '';
  expect(firstDue).not.toBe('');

  // Two days before that moment: case A with the police in the team, a decision due that day.
  await setAmsterdam(`${DateTime.fromISO(firstDue).minus({ days: 2 }).toISODate()}T12:00`);
  local = client('wijkteam.nijmegen');
  ids.caseA = await openCase('Werk');
  const police = await addPolice(ids.caseA);
  ids.paul = police.userId;
  ids.policeOrg = police.organisationId;
  const wendyParticipant = { type: 'team_member', userId: ids.wendy, organisationId: '', chair: true };
  const a = await detailOf(ids.caseA);
  wendyParticipant.organisationId = a.team.find((m) => m.userId === ids.wendy)?.organisationId ?? '';
  const early = await meeting('wijkteam.nijmegen', ids.caseA, {
    kind: 'mda_table',
    participants: [wendyParticipant],
    decisions: [
      {
        description: 'Gesprek met school',
        ownerUserId: ids.wendy,
        dueOn: today(),
        monitoring: 'In het MDA++',
      },
    ],
  });
  ids.overdueAction = early.actionIds[0] ?? '';

  // Two days later (the monitoring moment's own day): more work, some of it for the police only.
  await setAmsterdam(`${firstDue}T12:00`);
  local = client('wijkteam.nijmegen');
  const later = await meeting('wijkteam.nijmegen', ids.caseA, {
    kind: 'mda_table',
    participants: [wendyParticipant],
    decisions: [
      {
        description: 'Huisbezoek met moeder',
        ownerUserId: ids.wendy,
        dueOn: today(),
        monitoring: 'Regisseur',
      },
    ],
  });
  ids.weekAction = later.actionIds[0] ?? '';
  const actionMeeting = await meeting('politie.nijmegen', ids.caseA, {
    kind: 'action_meeting',
    participants: [{ type: 'team_member', userId: ids.paul, organisationId: ids.policeOrg, chair: true }],
    decisions: [
      {
        description: 'Vader aanhouden bij overtreding',
        ownerUserId: ids.paul,
        dueOn: today(),
        monitoring: 'Actieoverleg',
      },
    ],
  });
  ids.policeAction = actionMeeting.actionIds[0] ?? '';
  const father = a.members.find((m) => m.fullName.endsWith('Vader'))?.id;
  const mother = a.members.find((m) => m.fullName.endsWith('Moeder'))?.id;
  // Imposed ten days ago less half an hour: the order ends in half an hour, this week.
  const imposedAt = DateTime.fromJSDate(t.clock.now(), { zone: AMSTERDAM })
    .minus({ days: 10 })
    .plus({ minutes: 30 });
  const order = await client('politie.nijmegen').post<{ id: string }>(`/api/cases/${ids.caseA}/measures`, {
    kind: 'restraining_order',
    members: [
      { memberId: father, part: 'subject' },
      { memberId: mother, part: 'protected' },
    ],
    imposedAt: imposedAt.toISO(),
    decidedBy: 'mayor',
    category: 'justice',
  });
  expect(order.status).toBe(201);
  ids.measure = order.body.id;
  expect(
    (
      await local.post(`/api/cases/${ids.caseA}/safety-plan`, {
        conditions: ['Vader komt niet in huis'],
        agreements: [
          { description: 'Moeder belt de regisseur wekelijks', ownerUserId: ids.wendy, dueOn: today() },
          { description: 'Later overleg', ownerUserId: ids.wendy, dueOn: '2099-01-01' },
        ],
        ifItGoesWrong: 'Bel 112.',
        agreed: true,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await local.post(`/api/cases/${ids.caseA}/notes`, {
        category: 'health',
        body: 'Moeder bij de huisarts',
      })
    ).status,
  ).toBe(201);
  const handover = await local.post<{ id: string }>(`/api/cases/${ids.caseA}/handovers`, {
    subject: 'task',
    taskDescription: 'Plegeraanpak',
    toOrganisationId: ids.policeOrg,
    summary: 'Politie neemt de plegeraanpak over.',
    warm: false,
  });
  expect(handover.status).toBe(201);
  ids.handover = handover.body.id;

  // A case in Tiel that none of the Nijmegen professionals is on.
  const tiel = client('wijkteam.tiel');
  const report = await tiel.post<{ id: string }>(
    '/api/reports',
    sampleReport({
      municipalityCode: 'GM0281',
      persons: [{ fullName: 'Tiel Huishouden', dateOfBirth: '1980-01-01', role: 'victim' }],
    }),
  );
  ids.caseTiel = (await tiel.post<{ id: string }>('/api/cases', { reportId: report.body.id })).body.id;
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('my work', () => {
  it('shows the coordinator what is due this week and what is overdue, with link targets', async () => {
    const w = await work('wijkteam.nijmegen');
    expect(w.today).toBe(today());
    expect(w.week.from <= w.today && w.today <= w.week.to).toBe(true);
    expect(DateTime.fromISO(w.week.from).weekday).toBe(1);
    expect(DateTime.fromISO(w.week.to).weekday).toBe(7);

    const week = w.thisWeek.map((i) => [i.kind, i.id]);
    expect(week).toContainEqual(['action', `action:${ids.weekAction}`]);
    expect(week.filter(([k]) => k === 'agreement')).toHaveLength(1);
    expect(w.thisWeek.find((i) => i.kind === 'agreement')).toMatchObject({
      caseId: ids.caseA,
      description: 'Moeder belt de regisseur wekelijks',
      dueOn: today(),
      link: { caseId: ids.caseA, section: 'safety_plan' },
    });
    expect(w.thisWeek.find((i) => i.kind === 'monitoring')).toMatchObject({
      caseId: ids.caseB,
      monthsAfter: 1,
      dueOn: today(),
      link: { caseId: ids.caseB, section: 'monitoring' },
    });
    expect(w.overdue.map((i) => i.id)).toEqual([`action:${ids.overdueAction}`]);
    expect(w.overdue[0]).toMatchObject({
      kind: 'action',
      description: 'Gesprek met school',
      meetingKind: 'mda_table',
      link: { caseId: ids.caseA, section: 'actions' },
    });
    // The police's action, the justice measure and the handover to the police are not hers.
    const all = [...w.thisWeek, ...w.overdue].map((i) => i.id);
    expect(all).not.toContain(`action:${ids.policeAction}`);
    expect(all).not.toContain(`measure:${ids.measure}`);
    expect(w.handovers).toEqual([]);
    expect(w.cases.map((c) => c.id).sort()).toEqual([ids.caseA, ids.caseB].sort());
  });

  it('shows the police their action, the order ending and the handover waiting for them', async () => {
    const w = await work('politie.nijmegen');
    const week = w.thisWeek.map((i) => i.id);
    expect(week).toContain(`action:${ids.policeAction}`);
    expect(w.thisWeek.find((i) => i.id === `measure:${ids.measure}`)).toMatchObject({
      kind: 'measure_end',
      measureKind: 'restraining_order',
      dueOn: today(),
      link: { caseId: ids.caseA, section: 'measures' },
    });
    expect(week).not.toContain(`action:${ids.weekAction}`);
    expect(w.overdue).toEqual([]);
    expect(w.handovers.map((h) => h.id)).toEqual([ids.handover]);
    expect(w.handovers[0]).toMatchObject({ subject: 'task', toMe: false, overdue: false });
    // Case B's monitoring is not theirs: they are not in that team.
    expect(w.cases.map((c) => c.id)).toEqual([ids.caseA]);
  });

  it('shows nothing of cases one is not on', async () => {
    for (const user of ['regisseur.nijmegen', 'vt.intake', 'vt.teamleider'] as const) {
      const w = await work(user);
      expect(w).toMatchObject({ thisWeek: [], overdue: [], handovers: [], cases: [] });
    }
    const tiel = await work('wijkteam.tiel');
    expect(tiel.cases.map((c) => c.id)).toEqual([ids.caseTiel]);
    expect([...tiel.thisWeek, ...tiel.overdue]).toEqual([]);
  });

  it('a done action leaves the queue; the read is audited with what it showed', async () => {
    const done = await client('wijkteam.nijmegen').post(
      `/api/cases/${ids.caseA}/actions/${ids.overdueAction}/status`,
      { status: 'done', note: 'Gesprek gevoerd' },
    );
    expect(done.status).toBe(200);
    const w = await work('wijkteam.nijmegen');
    expect(w.overdue).toEqual([]);
    const event = await t.deps.db
      .selectFrom('audit_event')
      .select(['details', 'outcome'])
      .where('action', '=', 'case.work.list')
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const details = event.details as { caseIds: string[]; itemIds: string[]; handoverIds: string[] };
    expect(event.outcome).toBe('success');
    expect(details.caseIds.sort()).toEqual([ids.caseA, ids.caseB].sort());
    expect(details.itemIds).toContain(`action:${ids.weekAction}`);
    expect(details.itemIds).not.toContain(`action:${ids.overdueAction}`);
  });
});

describe('household timeline', () => {
  it('shows the local team everything but justice items, the police everything but health items', async () => {
    const local = await timeline('wijkteam.nijmegen', ids.caseA);
    const police = await timeline('politie.nijmegen', ids.caseA);
    const vt = await timeline('vt.intake', ids.caseA);
    const kinds = (tl: Timeline) => tl.entries.map((e) => e.kind);

    // In time order, oldest first.
    const times = local.entries.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(kinds(local)[0]).toBe('case_opened');
    for (const kind of [
      'report_attached',
      'team_joined',
      'safety_plan_saved',
      'handover_step',
      'action_closed',
    ]) {
      expect(kinds(local)).toContain(kind);
      expect(kinds(police)).toContain(kind);
    }
    // Two MDA++ meetings for everyone; the Actieoverleg and the order are justice.
    const meetingsOf = (tl: Timeline) =>
      tl.entries.filter((e) => e.kind === 'meeting_held').map((e) => e.details.meeting);
    expect(meetingsOf(local)).toEqual(['mda_table', 'mda_table']);
    expect(meetingsOf(police)).toEqual(['mda_table', 'mda_table', 'action_meeting']);
    expect(kinds(local)).not.toContain('measure_imposed');
    expect(police.entries.find((e) => e.kind === 'measure_imposed')).toMatchObject({
      category: 'justice',
      organisation: 'Politie Oost-Nederland',
      actor: 'Paul Politie',
      details: { measure: 'restraining_order' },
    });
    // The health note: the local team, not the police.
    expect(local.entries.find((e) => e.kind === 'note_added')).toMatchObject({ category: 'health' });
    expect(kinds(police)).not.toContain('note_added');
    expect(local.withheld).toBe(2);
    expect(police.withheld).toBe(1);
    // Veilig Thuis serving the household reads every category.
    expect(vt.withheld).toBe(0);
    expect(vt.entries).toHaveLength(local.entries.length + 2);
    // No free text in the timeline: the label is built from codes.
    expect(JSON.stringify(local)).not.toContain('huisarts');
    expect(JSON.stringify(police)).not.toContain('plegeraanpak over');

    const event = await t.deps.db
      .selectFrom('audit_event')
      .select(['details', 'purpose'])
      .where('action', '=', 'case.timeline.read')
      .where('record_id', '=', ids.caseA)
      .orderBy('position')
      .execute();
    expect(event.map((e) => [e.purpose, e.details])).toEqual([
      ['casework', { shown: local.entries.length, withheld: 2 }],
      ['casework', { shown: police.entries.length, withheld: 1 }],
      ['veilig_thuis', { shown: vt.entries.length, withheld: 0 }],
    ]);
  });

  it('shows help offered and its outcome, without the provider or the note', async () => {
    const local = client('wijkteam.nijmegen');
    const offeredAt = DateTime.fromJSDate(t.clock.now()).minus({ days: 2 }).toISO() ?? '';
    const offer = await local.post<{ id: string }>(`/api/cases/${ids.caseB}/support`, {
      kind: 'experience_expert',
      provider: 'Pool ervaringsdeskundigen Rijk van Nijmegen',
      category: 'team',
      offeredAt,
      note: 'Gesprek met moeder over haar ervaringen',
    });
    expect(offer.status).toBe(201);
    const outcome = await local.post(`/api/cases/${ids.caseB}/support/${offer.body.id}/outcome`, {
      outcome: 'used',
    });
    expect(outcome.status).toBe(200);
    const tl = await timeline('vt.intake', ids.caseB);
    const support = tl.entries.filter((e) => e.kind.startsWith('support_'));
    expect(support.map((e) => [e.kind, e.details])).toEqual([
      ['support_offered', { support: 'experience_expert' }],
      ['support_outcome', { support: 'experience_expert', outcome: 'used' }],
    ]);
    expect(support[0]).toMatchObject({ category: 'team', actor: expect.any(String) });
    expect(JSON.stringify(tl)).not.toContain('Pool ervaringsdeskundigen');
    expect(JSON.stringify(tl)).not.toContain('moeder');
  });

  it('shows the monitoring round on the monitoring case', async () => {
    const tl = await timeline('wijkteam.nijmegen', ids.caseB);
    const phases = tl.entries.filter((e) => e.kind === 'phase_changed').map((e) => e.details.to);
    expect(phases).toEqual(expect.arrayContaining(['stable_safety', 'recovery', 'monitoring']));
    expect(tl.entries.find((e) => e.kind === 'assessment_recorded')?.details).toEqual({ minScore: 9 });
  });
});

describe('authorization', () => {
  const EXPECTED: Record<User, { work: number; timeline: number }> = {
    'wijkteam.nijmegen': { work: 200, timeline: 200 },
    'vt.intake': { work: 200, timeline: 200 },
    'vt.teamleider': { work: 200, timeline: 200 },
    'politie.nijmegen': { work: 200, timeline: 200 },
    // Same organisation as the coordinator but not in the team; another municipality's team.
    'regisseur.nijmegen': { work: 200, timeline: 404 },
    'wijkteam.tiel': { work: 200, timeline: 404 },
    'beleid.regio': { work: 403, timeline: 403 },
    'beheer.regio': { work: 403, timeline: 403 },
    'privacy.regio': { work: 403, timeline: 403 },
  };
  it.each(USERS)('%s', async (user) => {
    expect((await client(user).get('/api/work')).status).toBe(EXPECTED[user].work);
    expect((await client(user).get(`/api/cases/${ids.caseA}/timeline`)).status).toBe(EXPECTED[user].timeline);
  });

  it('a refused timeline is audited as denied; missing and forbidden answer the same', async () => {
    const outsider = await client('wijkteam.tiel').get<{ error: { code: string } }>(
      `/api/cases/${ids.caseA}/timeline`,
    );
    const missing = await client('wijkteam.tiel').get<{ error: { code: string } }>(
      '/api/cases/00000000-0000-4000-8000-000000000000/timeline',
    );
    expect([outsider.status, missing.status]).toEqual([404, 404]);
    expect(outsider.body.error.code).toBe(missing.body.error.code);
    const denied = await t.deps.db
      .selectFrom('audit_event')
      .select('outcome')
      .where('action', '=', 'case.timeline.read')
      .where('record_id', '=', ids.caseA)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('refuses a bad id and a caller without a session', async () => {
    expect((await client('wijkteam.nijmegen').get('/api/cases/not-a-uuid/timeline')).status).toBe(400);
    const anonymous = await fetch(`${t.base}/api/work`);
    expect(anonymous.status).toBe(401);
  });
});

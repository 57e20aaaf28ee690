import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActionDeadlines } from '../../src/modules/cases/meeting-store.ts';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

// Multi-agency meetings (issue 3 §8): decisions become plan actions; categories decide who reads
// a meeting's record and its information; owners and the coordinator close actions.
let t: TestApp;
let clients: DemoClients;

const USERS = DEMO_USERNAMES;
type User = DemoUsername;
const client = (user: User) => clients.of(user);

type ErrorBody = {
  error: {
    code: string;
    requestId?: string;
    details: { path: string; message: { nl: string; en: string } }[];
  };
};
type TeamMember = { id: string; userId: string; organisationId: string; name: string; caseRole: string };
type Meeting = {
  id: string;
  kind: string;
  heldAt: string;
  category: string;
  organisation: string;
  agenda: string[];
  participants: {
    type: string;
    userId: string | null;
    name: string;
    organisation: string;
    caseRole: string | null;
    role: string | null;
    chair: boolean;
  }[];
  information: { category: string; body: string }[];
  informationWithheld: number;
  decisions: {
    actionId: string;
    description: string;
    owner: string;
    dueOn: string;
    monitoring: string;
    status: string;
  }[];
};
type MeetingList = { meetings: Meeting[]; withheld: number };
type PlanAction = {
  id: string;
  description: string;
  ownerUserId: string;
  owner: string;
  dueOn: string;
  status: string;
  monitoring: string | null;
  source: { type: string; id: string; meetingKind: string | null; at: string };
  statusNote: string | null;
  statusChangedBy: string | null;
  statusChangedAt: string | null;
  canUpdate: boolean;
};
type ActionList = { actions: PlanAction[]; withheld: number };

let counter = 0;
const MISSING = '00000000-0000-4000-8000-000000000000';

/** A case of its own: wijkteam.nijmegen reports and coordinates; the police joins the team. */
async function newCase(extra: { user: string; caseRole: string }[] = []) {
  counter += 1;
  const local = client('wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({
      persons: [
        { fullName: `Overleg${counter} Ouder`, dateOfBirth: `${1960 + counter}-04-04`, role: 'victim' },
        { fullName: `Overleg${counter} Kind`, dateOfBirth: '2017-05-05', role: 'child' },
      ],
    }),
  );
  expect(report.status).toBe(201);
  const opened = await local.post<{ id: string }>('/api/cases', { reportId: report.body.id });
  expect(opened.status).toBe(201);
  const caseId = opened.body.id;
  const candidates = await local.get<{ userId: string; name: string; organisationId: string }[]>(
    `/api/cases/${caseId}/team-candidates`,
  );
  for (const { user, caseRole } of [{ user: 'Paul Politie', caseRole: 'safety_partner' }, ...extra]) {
    const c = candidates.body.find((x) => x.name.startsWith(user));
    if (!c) throw new Error(`no candidate ${user}`);
    const added = await local.post(`/api/cases/${caseId}/team`, {
      userId: c.userId,
      organisationId: c.organisationId,
      caseRole,
    });
    expect(added.status).toBe(201);
  }
  const detail = await local.get<{ team: TeamMember[]; members: { id: string }[] }>(`/api/cases/${caseId}`);
  const member = (name: string) => {
    const m = detail.body.team.find((x) => x.name.startsWith(name));
    if (!m) throw new Error(`no team member ${name}`);
    return m;
  };
  return { caseId, member, members: detail.body.members };
}

const hoursAgo = (h: number) => new Date(t.clock.now().getTime() - h * 3_600_000).toISOString();
const inDays = (d: number) => new Date(t.clock.now().getTime() + d * 86_400_000).toISOString().slice(0, 10);
const asParticipant = (m: TeamMember, chair = false) => ({
  type: 'team_member',
  userId: m.userId,
  organisationId: m.organisationId,
  chair,
});
const OM = {
  type: 'outside',
  name: 'Olga Officier',
  organisation: 'Openbaar Ministerie',
  role: 'officier van justitie',
};

function meetingBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'mda_table',
    heldAt: hoursAgo(2),
    agenda: ['Veiligheid van de kinderen', 'Voortgang plan'],
    participants: [{ ...OM, chair: true }],
    information: [],
    decisions: [],
    ...overrides,
  };
}

async function countRows(caseId: string) {
  const meetings = await t.deps.db
    .selectFrom('case_meeting')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  const ids = meetings.map((m) => m.id);
  const count = async (table: 'case_meeting_participant' | 'case_meeting_information') =>
    ids.length === 0
      ? 0
      : (await t.deps.db.selectFrom(table).select('meeting_id').where('meeting_id', 'in', ids).execute())
          .length;
  const actions = await t.deps.db
    .selectFrom('case_action')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  return {
    meetings: ids.length,
    participants: await count('case_meeting_participant'),
    information: await count('case_meeting_information'),
    actions: actions.length,
  };
}

async function auditActions(caseId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_event')
    .select(['action', 'outcome'])
    .where('record_id', '=', caseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

beforeAll(async () => {
  t = await startTestApp();
  clients = new DemoClients(t);
  await clients.signInAll();
});
afterAll(async () => {
  await t.close();
});

describe('an MDA++ meeting whose decisions become plan actions', () => {
  it('records meeting, participants, information and decisions; the plan lists them with the assessment actions', async () => {
    const { caseId, member, members } = await newCase();
    const local = client('wijkteam.nijmegen');
    const wendy = member('Wendy');
    const paul = member('Paul');
    const assessment = await local.post(`/api/cases/${caseId}/assessments`, {
      scores: [{ participantId: members[0]?.id, score: 4 }],
      concerns: ['Escalerende ruzies'],
      actions: [{ description: 'Gesprek met moeder', ownerUserId: wendy.userId, dueOn: inDays(3) }],
    });
    expect(assessment.status).toBe(201);
    const recorded = await local.post<{ id: string; actionIds: string[] }>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        participants: [asParticipant(wendy, true), asParticipant(paul), { ...OM }],
        information: [{ category: 'team', body: 'Moeder wil meewerken aan het plan.' }],
        decisions: [
          {
            description: 'Vader aanmelden bij verslavingszorg',
            ownerUserId: wendy.userId,
            dueOn: inDays(7),
            monitoring: 'Regisseur vraagt het na in het volgende MDA++-overleg',
          },
          {
            description: 'Huisbezoek na incidentmelding',
            ownerUserId: paul.userId,
            dueOn: inDays(14),
            monitoring: 'Politie meldt het bezoek aan de regisseur',
          },
        ],
      }),
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.actionIds).toHaveLength(2);

    const list = await local.get<MeetingList>(`/api/cases/${caseId}/meetings`);
    expect(list.status).toBe(200);
    expect(list.body.withheld).toBe(0);
    const [meeting] = list.body.meetings;
    expect(meeting).toMatchObject({
      id: recorded.body.id,
      kind: 'mda_table',
      category: 'team',
      agenda: ['Veiligheid van de kinderen', 'Voortgang plan'],
      information: [{ category: 'team', body: 'Moeder wil meewerken aan het plan.' }],
      informationWithheld: 0,
    });
    expect(meeting?.participants).toEqual([
      expect.objectContaining({
        type: 'team_member',
        userId: wendy.userId,
        caseRole: 'coordinator',
        chair: true,
      }),
      expect.objectContaining({
        type: 'team_member',
        userId: paul.userId,
        caseRole: 'safety_partner',
        chair: false,
      }),
      expect.objectContaining({
        type: 'outside',
        userId: null,
        name: 'Olga Officier',
        organisation: 'Openbaar Ministerie',
        role: 'officier van justitie',
        caseRole: null,
      }),
    ]);
    expect(meeting?.decisions.map((d) => [d.actionId, d.status])).toEqual([
      [recorded.body.actionIds[0], 'open'],
      [recorded.body.actionIds[1], 'open'],
    ]);

    const actions = await local.get<ActionList>(`/api/cases/${caseId}/actions`);
    expect(actions.status).toBe(200);
    expect(actions.body.withheld).toBe(0);
    // Sorted by due date: the assessment's action first, then both decisions.
    expect(actions.body.actions.map((a) => [a.description, a.source.type, a.source.meetingKind])).toEqual([
      ['Gesprek met moeder', 'assessment', null],
      ['Vader aanmelden bij verslavingszorg', 'meeting', 'mda_table'],
      ['Huisbezoek na incidentmelding', 'meeting', 'mda_table'],
    ]);
    const [fromAssessment, first, second] = actions.body.actions;
    expect(fromAssessment).toMatchObject({ monitoring: null, status: 'open', canUpdate: true });
    expect(first).toMatchObject({
      ownerUserId: wendy.userId,
      dueOn: inDays(7),
      monitoring: 'Regisseur vraagt het na in het volgende MDA++-overleg',
      source: { id: recorded.body.id },
      canUpdate: true,
    });
    // The coordinator may close the police's action too; the police may close only its own.
    expect(second?.canUpdate).toBe(true);
    const forPolice = await client('politie.nijmegen').get<ActionList>(`/api/cases/${caseId}/actions`);
    expect(forPolice.body.actions.map((a) => a.canUpdate)).toEqual([false, false, true]);

    // The assessment display still shows only the assessment's own action.
    const detail = await local.get<{ assessments: { actions: { description: string }[] }[] }>(
      `/api/cases/${caseId}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.assessments[0]?.actions.map((a) => a.description)).toEqual(['Gesprek met moeder']);

    expect(await auditActions(caseId)).toEqual(
      expect.arrayContaining([
        'case.meeting.create:success',
        'case.meeting.list:success',
        'case.action.list:success',
      ]),
    );
    const listed = await t.deps.db
      .selectFrom('audit_event')
      .select('details')
      .where('record_id', '=', caseId)
      .where('action', '=', 'case.meeting.list')
      .executeTakeFirstOrThrow();
    expect(listed.details).toMatchObject({ ids: [recorded.body.id], withheld: 0 });
  });
});

describe('closing plan actions', () => {
  it('the owner or the coordinator closes an open action once, with a note; others are refused', async () => {
    const { caseId, member } = await newCase([{ user: 'Ruben', caseRole: 'case_manager' }]);
    const local = client('wijkteam.nijmegen');
    const police = client('politie.nijmegen');
    const ruben = client('regisseur.nijmegen');
    const paul = member('Paul');
    const recorded = await police.post<{ actionIds: string[] }>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        kind: 'case_meeting',
        participants: [asParticipant(paul, true)],
        decisions: ['Huisbezoek', 'Gesprek met buren', 'Melding doorzetten'].map((description) => ({
          description,
          ownerUserId: paul.userId,
          dueOn: inDays(5),
          monitoring: 'Besproken in het casusoverleg',
        })),
      }),
    );
    expect(recorded.status).toBe(201);
    const [a1, a2, a3] = recorded.body.actionIds;
    const status = (c: ApiClient, actionId: string | undefined, body: unknown) =>
      c.post<ErrorBody>(`/api/cases/${caseId}/actions/${actionId}/status`, body);

    // A team member who is neither owner nor coordinator, and Veilig Thuis serving the household.
    for (const other of [ruben, client('vt.intake')]) {
      const refused = await status(other, a1, { status: 'done', note: 'Gedaan' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.details[0]?.message.nl).toContain('eigenaar');
    }
    expect(await auditActions(caseId)).toContain('case.action.status:denied');

    const done = await status(police, a1, { status: 'done', note: 'Huisbezoek afgelegd op dinsdag' });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id: a1, status: 'done' });
    const again = await status(police, a1, { status: 'not_done', note: 'Toch niet' });
    expect(again.status).toBe(409);
    const byCoordinator = await status(local, a2, { status: 'not_done', note: 'Buren niet thuis getroffen' });
    expect(byCoordinator.status).toBe(200);

    const list = await ruben.get<ActionList>(`/api/cases/${caseId}/actions`);
    const byId = new Map(list.body.actions.map((a) => [a.id, a]));
    expect(byId.get(a1 ?? '')).toMatchObject({
      status: 'done',
      statusNote: 'Huisbezoek afgelegd op dinsdag',
      statusChangedBy: 'Paul Politie',
      canUpdate: false,
    });
    expect(byId.get(a1 ?? '')?.statusChangedAt).not.toBeNull();
    expect(byId.get(a2 ?? '')).toMatchObject({
      status: 'not_done',
      statusChangedBy: 'Wendy Wijkteam (Nijmegen)',
    });
    expect(byId.get(a3 ?? '')).toMatchObject({ status: 'open', statusNote: null, canUpdate: false });

    // Bad input, unknown or foreign actions.
    expect((await status(police, a3, { status: 'open', note: 'Terug' })).status).toBe(400);
    expect((await status(police, a3, { status: 'done' })).status).toBe(400);
    expect((await status(police, a3, { status: 'done', note: '   ' })).status).toBe(400);
    expect((await status(police, a3, { status: 'done', note: 'x'.repeat(501) })).status).toBe(400);
    expect((await status(police, a3, { status: 'done', note: 'ok', extra: 1 })).status).toBe(400);
    expect((await status(police, MISSING, { status: 'done', note: 'Gedaan' })).status).toBe(404);
    expect((await status(police, 'not-a-uuid', { status: 'done', note: 'Gedaan' })).status).toBe(400);
    const other = await newCase();
    const foreign = await police.post(`/api/cases/${other.caseId}/actions/${a3}/status`, {
      status: 'done',
      note: 'Gedaan',
    });
    expect(foreign.status).toBe(404);
    const unchanged = await t.deps.db
      .selectFrom('case_action')
      .select('status')
      .where('id', '=', a3 ?? '')
      .executeTakeFirstOrThrow();
    expect(unchanged.status).toBe('open');
    const changes = await t.deps.db
      .selectFrom('case_action_status_change')
      .select(['action_id', 'from_status', 'to_status'])
      .where('action_id', 'in', [a1 ?? '', a2 ?? '', a3 ?? ''])
      .orderBy('changed_at')
      .execute();
    expect(changes).toEqual([
      { action_id: a1, from_status: 'open', to_status: 'done' },
      { action_id: a2, from_status: 'open', to_status: 'not_done' },
    ]);
  });
});

describe('action deadlines for the "my work" queue', () => {
  it('lists the open actions a team member owns that fall due in the window', async () => {
    const { caseId, member } = await newCase();
    const police = client('politie.nijmegen');
    const paul = member('Paul');
    const wendy = member('Wendy');
    const decision = (description: string, owner: TeamMember, days: number) => ({
      description,
      ownerUserId: owner.userId,
      dueOn: inDays(days),
      monitoring: 'Casusoverleg',
    });
    const recorded = await police.post<{ actionIds: string[] }>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        kind: 'case_meeting',
        participants: [asParticipant(paul, true)],
        decisions: [
          decision('Vandaag', paul, 0),
          decision('Over drie dagen', paul, 3),
          decision('Al gedaan', paul, 1),
          decision('Volgende maand', paul, 30),
          decision('Van Wendy', wendy, 2),
        ],
      }),
    );
    expect(recorded.status).toBe(201);
    const done = await police.post(`/api/cases/${caseId}/actions/${recorded.body.actionIds[2]}/status`, {
      status: 'done',
      note: 'Gedaan',
    });
    expect(done.status).toBe(200);
    const window = { from: t.clock.now(), to: new Date(t.clock.now().getTime() + 7 * 86_400_000) };
    const mine = async () =>
      (await listActionDeadlines(t.deps.db, { userId: paul.userId, ...window })).filter(
        (a) => a.case_id === caseId,
      );
    const rows = await mine();
    expect(rows.map((r) => [r.description, r.due_on, r.meeting_kind])).toEqual([
      ['Vandaag', inDays(0), 'case_meeting'],
      ['Over drie dagen', inDays(3), 'case_meeting'],
    ]);
    expect(rows[0]?.case_reference).toMatch(/^C-/);
    // Who left the team no longer sees the case, so neither its deadlines.
    const left = await client('wijkteam.nijmegen').request('DELETE', `/api/cases/${caseId}/team/${paul.id}`);
    expect(left.status).toBe(200);
    expect(await mine()).toEqual([]);
  });
});

describe('information categories between the local team and the police', () => {
  it('each reader sees the meetings and information their organisation may read', async () => {
    const { caseId, member } = await newCase();
    const local = client('wijkteam.nijmegen');
    const police = client('politie.nijmegen');
    const vt = client('vt.intake');
    const wendy = member('Wendy');
    const paul = member('Paul');

    // An MDA++ recorded by the local team, with information of three categories.
    const mda = await local.post<{ id: string }>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        participants: [asParticipant(wendy, true), asParticipant(paul)],
        information: [
          { category: 'team', body: 'Gedeeld: school ziet verbetering.' },
          { category: 'justice', body: 'Justitieel: aangifte van mishandeling loopt.' },
          { category: 'health', body: 'Medisch: moeder in behandeling bij de GGZ.' },
        ],
      }),
    );
    expect(mda.status).toBe(201);
    // An Actieoverleg recorded by the police: justice by default, its items and decisions too.
    const action = await police.post<{ id: string; actionIds: string[] }>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        kind: 'action_meeting',
        participants: [asParticipant(paul, true), { ...OM }],
        information: [{ body: 'Verdachte heeft eerder antecedenten.' }],
        decisions: [
          {
            description: 'OM beslist over vervolging',
            ownerUserId: paul.userId,
            dueOn: inDays(10),
            monitoring: 'Terugkoppeling in het volgende Actieoverleg',
          },
        ],
      }),
    );
    expect(action.status).toBe(201);

    const forLocal = await local.get<MeetingList>(`/api/cases/${caseId}/meetings`);
    expect(forLocal.body.withheld).toBe(1);
    expect(forLocal.body.meetings.map((m) => m.id)).toEqual([mda.body.id]);
    // The author's own organisation reads all it wrote.
    expect(forLocal.body.meetings[0]?.information.map((i) => i.category)).toEqual([
      'team',
      'justice',
      'health',
    ]);
    const localActions = await local.get<ActionList>(`/api/cases/${caseId}/actions`);
    expect(localActions.body.actions.map((a) => a.id)).not.toContain(action.body.actionIds[0]);
    expect(localActions.body.withheld).toBe(1);
    // Not even the coordinator can close what they may not see.
    const hidden = await local.post(`/api/cases/${caseId}/actions/${action.body.actionIds[0]}/status`, {
      status: 'done',
      note: 'Gedaan',
    });
    expect(hidden.status).toBe(404);

    const forPolice = await police.get<MeetingList>(`/api/cases/${caseId}/meetings`);
    expect(forPolice.body.withheld).toBe(0);
    const policeMda = forPolice.body.meetings.find((m) => m.id === mda.body.id);
    expect(policeMda?.information.map((i) => i.category)).toEqual(['team', 'justice']);
    expect(policeMda?.informationWithheld).toBe(1);
    expect(JSON.stringify(forPolice.body)).not.toContain('GGZ');
    const policeAction = forPolice.body.meetings.find((m) => m.id === action.body.id);
    expect(policeAction).toMatchObject({
      category: 'justice',
      information: [{ category: 'justice', body: 'Verdachte heeft eerder antecedenten.' }],
    });
    const policeActions = await police.get<ActionList>(`/api/cases/${caseId}/actions`);
    expect(policeActions.body.actions.map((a) => a.id)).toContain(action.body.actionIds[0]);

    // Veilig Thuis reads every category.
    const forVt = await vt.get<MeetingList>(`/api/cases/${caseId}/meetings`);
    expect(forVt.body.withheld).toBe(0);
    expect(forVt.body.meetings.find((m) => m.id === mda.body.id)?.information).toHaveLength(3);

    const listed = await t.deps.db
      .selectFrom('audit_event')
      .select('details')
      .where('record_id', '=', caseId)
      .where('action', '=', 'case.meeting.list')
      .where('actor_user_id', '=', wendy.userId)
      .executeTakeFirstOrThrow();
    expect(listed.details).toMatchObject({ ids: [mda.body.id], withheld: 1 });
  });

  it('an Actieoverleg decision cannot go to an owner who may not read its record, nor its items to the whole team', async () => {
    const { caseId, member } = await newCase();
    const police = client('politie.nijmegen');
    const wendy = member('Wendy');
    const paul = member('Paul');
    const before = await countRows(caseId);
    const refused = await police.post<ErrorBody>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        kind: 'action_meeting',
        participants: [asParticipant(paul, true)],
        information: [{ category: 'team', body: 'Voor iedereen' }],
        decisions: [
          {
            description: 'Gesprek met moeder',
            ownerUserId: wendy.userId,
            dueOn: inDays(3),
            monitoring: 'Regisseur',
          },
        ],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d) => d.path).sort()).toEqual([
      'body.decisions.0.ownerUserId',
      'body.information.0.category',
    ]);
    expect(await countRows(caseId)).toEqual(before);
    // Deliberately shared with the team, the same decision may go to the local team.
    const shared = await police.post(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        kind: 'action_meeting',
        category: 'team',
        participants: [asParticipant(paul, true)],
        information: [
          { body: 'Besproken met het team' },
          { category: 'justice', body: 'Proces-verbaal opgemaakt' },
        ],
        decisions: [
          {
            description: 'Gesprek met moeder',
            ownerUserId: wendy.userId,
            dueOn: inDays(3),
            monitoring: 'Regisseur',
          },
        ],
      }),
    );
    expect(shared.status).toBe(201);
    const forLocal = await client('wijkteam.nijmegen').get<MeetingList>(`/api/cases/${caseId}/meetings`);
    expect(forLocal.body.meetings[0]).toMatchObject({
      kind: 'action_meeting',
      category: 'team',
      information: [{ category: 'team', body: 'Besproken met het team' }],
      informationWithheld: 1,
    });
  });
});

describe('refusals write nothing', () => {
  it('a decision owner outside the team is refused and nothing is written', async () => {
    const { caseId, member } = await newCase();
    const local = client('wijkteam.nijmegen');
    const tessa = await t.deps.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'wijkteam.tiel')
      .executeTakeFirstOrThrow();
    const before = await countRows(caseId);
    const auditBefore = await auditActions(caseId);
    const refused = await local.post<ErrorBody>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        participants: [asParticipant(member('Wendy'), true), { ...OM }],
        information: [{ category: 'team', body: 'Informatie' }],
        decisions: [
          {
            description: 'Goed besluit',
            ownerUserId: member('Paul').userId,
            dueOn: inDays(2),
            monitoring: 'MDA++',
          },
          { description: 'Fout besluit', ownerUserId: tessa.id, dueOn: inDays(2), monitoring: 'MDA++' },
        ],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.details).toEqual([
      {
        path: 'body.decisions.1.ownerUserId',
        message: expect.objectContaining({ nl: expect.stringContaining('team') }),
      },
    ]);
    expect(await countRows(caseId)).toEqual(before);
    expect(await auditActions(caseId)).toEqual(auditBefore);
    // A participant who is not in the team is refused the same way.
    const tessaOrg = await t.deps.db
      .selectFrom('membership')
      .select('organisation_id')
      .where('user_id', '=', tessa.id)
      .executeTakeFirstOrThrow();
    const outsider = await local.post<ErrorBody>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        participants: [
          { type: 'team_member', userId: tessa.id, organisationId: tessaOrg.organisation_id, chair: true },
        ],
      }),
    );
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details[0]?.path).toBe('body.participants.0.userId');
    expect(await countRows(caseId)).toEqual(before);
  });

  it('a failure while writing the decisions leaves no meeting behind (one transaction)', async () => {
    const { caseId, member } = await newCase();
    const local = client('wijkteam.nijmegen');
    // Make the database refuse one action row, after the meeting and its participants were written.
    await sql`
create function kring_test_refuse_action() returns trigger language plpgsql as $$
begin
  if new.description = 'Mislukt in de database' then raise exception 'refused by test trigger'; end if;
  return new;
end $$;
create trigger kring_test_refuse_action before insert on case_action
  for each row execute function kring_test_refuse_action();
`.execute(t.deps.db);
    try {
      const failed = await local.post<ErrorBody>(
        `/api/cases/${caseId}/meetings`,
        meetingBody({
          participants: [asParticipant(member('Wendy'), true)],
          information: [{ category: 'team', body: 'Gedeeld' }],
          decisions: [
            {
              description: 'Mislukt in de database',
              ownerUserId: member('Wendy').userId,
              dueOn: inDays(1),
              monitoring: 'x',
            },
          ],
        }),
      );
      expect(failed.status).toBe(500);
      expect(JSON.stringify(failed.body)).not.toContain('refused by test trigger');
      expect(await countRows(caseId)).toEqual({ meetings: 0, participants: 0, information: 0, actions: 0 });
      expect(await auditActions(caseId)).not.toContain('case.meeting.create:success');
    } finally {
      await sql`drop trigger kring_test_refuse_action on case_action; drop function kring_test_refuse_action();`.execute(
        t.deps.db,
      );
    }
  });

  it('bad input gets the one error shape and writes nothing', async () => {
    const { caseId, member } = await newCase();
    const local = client('wijkteam.nijmegen');
    const wendy = member('Wendy');
    const before = await countRows(caseId);
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'tea_party' }, 'body.kind'],
      [{ heldAt: '2026-01-01T10:00' }, 'body.heldAt'],
      [{ heldAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() }, 'body.heldAt'],
      [{ agenda: [] }, 'body.agenda'],
      [{ agenda: ['ok', 'a'.repeat(501)] }, 'body.agenda.1'],
      [{ participants: [] }, 'body.participants'],
      [
        {
          participants: [
            { ...OM, chair: true },
            { ...OM, name: 'Ander', chair: true },
          ],
        },
        'body.participants',
      ],
      [{ participants: [{ ...OM, chair: true }, { ...OM }] }, 'body.participants.1'],
      [
        { participants: [{ type: 'outside', name: 'Zonder rol', organisation: 'OM', chair: true }] },
        'body.participants.0.role',
      ],
      [{ participants: [{ type: 'visitor', name: 'X', chair: true }] }, 'body.participants.0.type'],
      [{ information: [{ category: 'secret', body: 'x' }] }, 'body.information.0.category'],
      [{ information: [{ category: 'team', body: 'nul\u0000teken' }] }, 'body.information.0.body'],
      [{ category: 'everyone' }, 'body.category'],
      [
        { decisions: [{ description: 'x', ownerUserId: wendy.userId, dueOn: inDays(-3), monitoring: 'x' }] },
        'body.decisions.0.dueOn',
      ],
      [
        {
          decisions: [{ description: 'x', ownerUserId: wendy.userId, dueOn: '2026-02-30', monitoring: 'x' }],
        },
        'body.decisions.0.dueOn',
      ],
      [
        { decisions: [{ description: 'x', ownerUserId: wendy.userId, dueOn: inDays(1) }] },
        'body.decisions.0.monitoring',
      ],
      [
        { decisions: [{ description: 'x', ownerUserId: 'iemand', dueOn: inDays(1), monitoring: 'x' }] },
        'body.decisions.0.ownerUserId',
      ],
      [{ unexpected: true }, 'body'],
    ];
    for (const [overrides, path] of bad) {
      const r = await local.post<ErrorBody>(`/api/cases/${caseId}/meetings`, meetingBody(overrides));
      expect(r.status, JSON.stringify(overrides)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(
        r.body.error.details.map((d) => d.path),
        JSON.stringify(overrides),
      ).toContain(path);
    }
    expect((await local.post(`/api/cases/not-a-uuid/meetings`, meetingBody())).status).toBe(400);
    expect((await local.get(`/api/cases/not-a-uuid/actions`)).status).toBe(400);
    const huge = await local.request('POST', `/api/cases/${caseId}/meetings`, undefined, {
      rawBody: JSON.stringify(meetingBody({ agenda: ['x'.repeat(300_000)] })),
    });
    expect(huge.status).toBe(413);
    const notJson = await local.request('POST', `/api/cases/${caseId}/meetings`, undefined, {
      rawBody: 'kind=mda_table',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(notJson.status).toBe(415);
    const noCsrf = await local.request('POST', `/api/cases/${caseId}/meetings`, meetingBody(), {
      csrf: false,
    });
    expect(noCsrf.status).toBe(403);
    expect(await countRows(caseId)).toEqual(before);

    // Markup and SQL are stored and returned as the text they are.
    const tricky = ["<script>alert('x')</script>", "'; drop table case_meeting; --"];
    const ok = await local.post(
      `/api/cases/${caseId}/meetings`,
      meetingBody({ agenda: tricky, information: [{ category: 'team', body: tricky[1] }] }),
    );
    expect(ok.status).toBe(201);
    const list = await local.get<MeetingList>(`/api/cases/${caseId}/meetings`);
    expect(list.body.meetings[0]?.agenda).toEqual(tricky);
    expect(list.body.meetings[0]?.information[0]?.body).toBe(tricky[1]);
  });
});

describe('authorization of every meeting and action endpoint', () => {
  let caseId: string;
  let closedActionId: string;
  beforeAll(async () => {
    const made = await newCase();
    caseId = made.caseId;
    const paul = made.member('Paul');
    const recorded = await client('politie.nijmegen').post<{ actionIds: string[] }>(
      `/api/cases/${caseId}/meetings`,
      meetingBody({
        kind: 'case_meeting',
        participants: [asParticipant(paul, true)],
        decisions: [
          { description: 'Huisbezoek', ownerUserId: paul.userId, dueOn: inDays(5), monitoring: 'Overleg' },
        ],
      }),
    );
    closedActionId = recorded.body.actionIds[0] ?? '';
    const closed = await client('politie.nijmegen').post(
      `/api/cases/${caseId}/actions/${closedActionId}/status`,
      {
        status: 'done',
        note: 'Afgelegd',
      },
    );
    expect(closed.status).toBe(200);
  });

  const ENDPOINTS = {
    listMeetings: (c: ApiClient) => c.get(`/api/cases/${caseId}/meetings`),
    recordMeeting: (c: ApiClient) => c.post(`/api/cases/${caseId}/meetings`, meetingBody()),
    listActions: (c: ApiClient) => c.get(`/api/cases/${caseId}/actions`),
    // On a closed action the owner and coordinator reach the rule (409), others are refused (403).
    closeAction: (c: ApiClient) =>
      c.post(`/api/cases/${caseId}/actions/${closedActionId}/status`, { status: 'done', note: 'Nogmaals' }),
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;

  const teamOrVt = { listMeetings: 200, recordMeeting: 201, listActions: 200 };
  const outsider = { listMeetings: 404, recordMeeting: 404, listActions: 404, closeAction: 404 };
  const noClientWork = { listMeetings: 403, recordMeeting: 403, listActions: 403, closeAction: 403 };
  const EXPECTED: Record<User, Record<Endpoint, number>> = {
    'wijkteam.nijmegen': { ...teamOrVt, closeAction: 409 }, // coordinator
    'politie.nijmegen': { ...teamOrVt, closeAction: 409 }, // owner
    'vt.intake': { ...teamOrVt, closeAction: 403 },
    'vt.teamleider': { ...teamOrVt, closeAction: 403 },
    // Same organisation as the coordinator, but not in the team: access is per person.
    'regisseur.nijmegen': outsider,
    'wijkteam.tiel': outsider,
    'beleid.regio': noClientWork,
    'beheer.regio': noClientWork,
    'privacy.regio': noClientWork,
  };

  const cases = USERS.flatMap((user) =>
    (Object.keys(ENDPOINTS) as Endpoint[]).map(
      (endpoint) => [user, endpoint, EXPECTED[user][endpoint]] as const,
    ),
  );
  it.each(cases)('%s → %s answers %i', async (user, endpoint, status) => {
    const response = await ENDPOINTS[endpoint](client(user));
    expect(response.status).toBe(status);
  });

  it('an outsider cannot tell the case exists: same answer as for a missing case, and the refusal is audited', async () => {
    const tiel = client('wijkteam.tiel');
    for (const path of ['meetings', 'actions']) {
      const real = await tiel.get<ErrorBody>(`/api/cases/${caseId}/${path}`);
      const missing = await tiel.get<ErrorBody>(`/api/cases/${MISSING}/${path}`);
      expect(real.status).toBe(404);
      expect(real.body.error).toEqual({ ...missing.body.error, requestId: real.body.error.requestId });
    }
    expect(await auditActions(caseId)).toEqual(
      expect.arrayContaining([
        'case.meeting.list:denied',
        'case.meeting.create:denied',
        'case.action.list:denied',
        'case.action.status:denied',
      ]),
    );
  });
});

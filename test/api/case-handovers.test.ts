import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeWorkingDayDeadline, HANDOVER_REFUSALS } from '../../src/domain/casework/handover.ts';
import { runHandoverEscalation } from '../../src/jobs/handover-escalation.ts';
import { HANDOVER_MESSAGES } from '../../src/modules/cases/handover-messages.ts';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

// Handovers between organisations (issue 3 §9): the receiving organisation sees the handover but not
// the case until it accepts; refusals of the rules answer 422 and write nothing; the scheduler
// escalates what nobody answered, once per slot.

let t: TestApp;
let clients: DemoClients;
const USERS = DEMO_USERNAMES;
type User = DemoUsername;
const as = (user: User) => clients.of(user);

type ErrorBody = {
  error: {
    code: string;
    requestId: string;
    details: { path: string; message: { nl: string; en: string } }[];
  };
};
type Person = { userId: string; name: string };
type View = {
  id: string;
  caseId: string | null;
  caseReference: string;
  municipalityName: string;
  subject: string;
  summary: string;
  warm: boolean;
  from: { organisationId: string; organisation: string; user: Person | null };
  to: { organisationId: string; organisation: string; user: Person | null };
  status: string;
  responseDueAt: string;
  dueAt: string | null;
  overdue: boolean;
  reason: string | null;
  escalation: { level: number; role: string | null; dueAt: string } | null;
  jointContact: { at: string; mode: string; sender: Person | null; receiver: Person | null } | null;
  resolution: string | null;
  takenOverBy: Person | null;
  history: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    by: string | null;
    automatic: boolean;
    reason: string | null;
    escalationLevel: number | null;
    at: string;
  }[];
  mySide: string;
  allowed: Record<string, boolean>;
  people: { sender: Person[]; receiver: Person[] } | null;
};
type CaseDetail = {
  coordinator: { userId: string; name: string };
  team: { userId: string; organisationId: string; caseRole: string; name: string }[];
};

const org: Record<'police' | 'tiel' | 'vt' | 'nijmegen', string> = {
  police: '',
  tiel: '',
  vt: '',
  nijmegen: '',
};
const person: Record<'paul' | 'tessa' | 'wendy' | 'ruben', string> = {
  paul: '',
  tessa: '',
  wendy: '',
  ruben: '',
};

let counter = 0;
/** A household and case of its own per test; wijkteam.nijmegen (Wendy) opens it and is coordinator. */
async function openCase() {
  counter += 1;
  const local = as('wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({
      persons: [
        {
          fullName: `Overdracht Huishouden ${counter}`,
          dateOfBirth: `19${60 + counter}-04-0${(counter % 9) + 1}`,
          role: 'victim',
        },
      ],
    }),
  );
  expect(report.status).toBe(201);
  const opened = await local.post<{ id: string }>('/api/cases', { reportId: report.body.id });
  expect(opened.status).toBe(201);
  return opened.body.id;
}

function propose(caseId: string, overrides: Record<string, unknown> = {}, by: User = 'wijkteam.nijmegen') {
  return as(by).post<View>(`/api/cases/${caseId}/handovers`, {
    subject: 'task',
    taskDescription: 'Plegeraanpak: gesprekken met de vader',
    toOrganisationId: org.police,
    summary: 'Vader pleegt geweld; politie neemt de plegeraanpak over.',
    warm: false,
    ...overrides,
  });
}

async function proposed(caseId: string, overrides: Record<string, unknown> = {}) {
  const r = await propose(caseId, overrides);
  expect(r.status).toBe(201);
  return r.body;
}

async function counts() {
  const [h, e, tm, a] = await Promise.all([
    t.deps.db
      .selectFrom('case_handover')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    t.deps.db
      .selectFrom('case_handover_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    t.deps.db
      .selectFrom('case_team_member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    t.deps.db.selectFrom('household_case').select(['id', 'coordinator_user_id']).orderBy('id').execute(),
  ]);
  return { handovers: Number(h.n), events: Number(e.n), team: Number(tm.n), coordinators: a };
}

async function rowOf(handoverId: string) {
  return t.deps.db
    .selectFrom('case_handover')
    .selectAll()
    .where('id', '=', handoverId)
    .executeTakeFirstOrThrow();
}

function expectRefusal(response: { status: number; body: unknown }, code: keyof typeof HANDOVER_REFUSALS) {
  expect(response.status).toBe(422);
  const body = response.body as ErrorBody;
  expect(body.error.code).toBe('rule_refused');
  expect(typeof body.error.requestId).toBe('string');
  expect(body.error.details.map((d) => d.message)).toEqual([HANDOVER_REFUSALS[code]]);
}

beforeAll(async () => {
  t = await startTestApp();
  clients = new DemoClients(t);
  await clients.signInAll();
  const caseId = await openCase();
  const candidates = await as('wijkteam.nijmegen').get<{
    organisations: { id: string; name: string }[];
    people: { userId: string; name: string; organisationId: string }[];
  }>(`/api/cases/${caseId}/handover-candidates`);
  expect(candidates.status).toBe(200);
  const orgId = (name: string) => candidates.body.organisations.find((o) => o.name === name)?.id ?? '';
  org.police = orgId('Politie Oost-Nederland');
  org.tiel = orgId('Gemeente Tiel');
  org.vt = orgId('Veilig Thuis Gelderland-Zuid');
  const personId = (name: string) =>
    candidates.body.people.find((p) => p.name.startsWith(name))?.userId ?? '';
  person.paul = personId('Paul Politie');
  person.tessa = personId('Tessa Wijkteam');
  person.wendy = personId('Wendy Wijkteam');
  person.ruben = personId('Ruben Regisseur');
  org.nijmegen = candidates.body.people.find((p) => p.userId === person.wendy)?.organisationId ?? '';
  expect(Object.values(org).every(Boolean) && Object.values(person).every(Boolean)).toBe(true);
  // One cannot hand over to one's own organisation, so it is not offered.
  expect(candidates.body.organisations.map((o) => o.id)).not.toContain(org.nijmegen);
});
afterAll(async () => {
  await t.close();
});

describe('propose, and what the receiver sees before accepting', () => {
  it('the police see the handover (not the case) until they accept; then they are in the team', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId, { toUserId: person.paul });
    expect(h).toMatchObject({ status: 'proposed', subject: 'task', mySide: 'sender', caseId });
    expect(h.history.map((e) => [e.action, e.toStatus, e.by])).toEqual([
      ['propose', 'proposed', 'Wendy Wijkteam (Nijmegen)'],
    ]);
    // The receiver's answer is due three working days after the proposal, at the end of the day.
    expect(h.responseDueAt).toBe(
      computeWorkingDayDeadline(new Date(h.history[0]?.at ?? ''), 3).toISOString(),
    );

    const police = as('politie.nijmegen');
    const waiting =
      await police.get<{ id: string; caseReference: string; summary: string; fromUser: string }[]>(
        '/api/handovers/waiting',
      );
    expect(waiting.status).toBe(200);
    expect(waiting.body.find((w) => w.id === h.id)).toMatchObject({
      caseReference: h.caseReference,
      summary: 'Vader pleegt geweld; politie neemt de plegeraanpak over.',
      fromUser: 'Wendy Wijkteam (Nijmegen)',
    });
    const seen = await police.get<View>(`/api/handovers/${h.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ caseId: null, mySide: 'receiver', municipalityName: 'Nijmegen' });
    expect(seen.body.allowed).toMatchObject({ accept: true, decline: true, withdraw: false });
    expect((await police.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await police.get(`/api/cases/${caseId}/handovers`)).status).toBe(404);

    const accepted = await police.post<View>(`/api/handovers/${h.id}/accept`, { caseRole: 'safety_partner' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      caseId,
      takenOverBy: { name: 'Paul Politie' },
    });
    const kase = await police.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(kase.status).toBe(200);
    expect(kase.body.team.find((m) => m.userId === person.paul)).toMatchObject({
      organisationId: org.police,
      caseRole: 'safety_partner',
    });
    // Coordination did not move with a task.
    expect(kase.body.coordinator.userId).toBe(person.wendy);
    expect(
      (await police.get<{ id: string }[]>('/api/handovers/waiting')).body.map((w) => w.id),
    ).not.toContain(h.id);
  });

  it('handing over coordination makes the receiver coordinator; the former coordinator stays in the team', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId, {
      subject: 'coordination',
      taskDescription: undefined,
      toOrganisationId: org.tiel,
    });
    const second = await propose(caseId, {
      subject: 'coordination',
      taskDescription: undefined,
      toOrganisationId: org.vt,
    });
    expect(second.status).toBe(409);
    expect((second.body as unknown as ErrorBody).error.details[0]?.message).toEqual(
      HANDOVER_MESSAGES.open_coordination_handover,
    );

    const tiel = as('wijkteam.tiel');
    expect((await tiel.get(`/api/cases/${caseId}`)).status).toBe(404);
    const accepted = await tiel.post<View>(`/api/handovers/${h.id}/accept`, {});
    expect(accepted.status).toBe(200);
    const kase = await tiel.get<CaseDetail>(`/api/cases/${caseId}`);
    expect(kase.body.coordinator.userId).toBe(person.tessa);
    expect(kase.body.team.filter((m) => m.caseRole === 'coordinator').map((m) => m.userId)).toEqual([
      person.tessa,
    ]);
    expect(kase.body.team.find((m) => m.userId === person.wendy)?.caseRole).toBe('other');
    const row = await t.deps.db
      .selectFrom('household_case')
      .select(['coordinator_user_id', 'coordinator_organisation_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ coordinator_user_id: person.tessa, coordinator_organisation_id: org.tiel });
    // Wendy is no longer coordinator: she may still hand over a task, not the coordination.
    const again = await propose(caseId, {
      subject: 'coordination',
      taskDescription: undefined,
      toOrganisationId: org.vt,
    });
    expect(again.status).toBe(403);
    expect((again.body as unknown as ErrorBody).error.details[0]?.message).toEqual(
      HANDOVER_MESSAGES.coordinator_only,
    );
    expect((await propose(caseId)).status).toBe(201);
  });

  it('a team member who is not coordinator proposes tasks but not coordination', async () => {
    const caseId = await openCase();
    const added = await as('wijkteam.nijmegen').post(`/api/cases/${caseId}/team`, {
      userId: person.ruben,
      organisationId: org.nijmegen,
      caseRole: 'case_manager',
    });
    expect(added.status).toBe(201);
    const coordination = await propose(
      caseId,
      { subject: 'coordination', taskDescription: undefined },
      'regisseur.nijmegen',
    );
    expect(coordination.status).toBe(403);
    const task = await propose(caseId, { toOrganisationId: org.tiel }, 'regisseur.nijmegen');
    expect(task.status).toBe(201);
    expect(task.body.from.user?.userId).toBe(person.ruben);
  });
});

describe('decline, escalate, resolve, withdraw', () => {
  it('a decline escalates to level 1 of the agreement with a working-day deadline; resolving hands over', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId);
    const declined = await as('politie.nijmegen').post<View>(`/api/handovers/${h.id}/decline`, {
      reason: 'Geen strafbaar feit; past niet bij de politie.',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      reason: 'Geen strafbaar feit; past niet bij de politie.',
    });
    expect(declined.body.allowed.escalate).toBe(false);
    // A declined handover waits for the sender, not for the receiver.
    expect(
      (await as('politie.nijmegen').get<{ id: string }[]>('/api/handovers/waiting')).body.map((w) => w.id),
    ).not.toContain(h.id);

    const escalated = await as('wijkteam.nijmegen').post<View>(`/api/handovers/${h.id}/escalate`, {
      reason: 'Wij zien wel een rol voor de politie.',
    });
    expect(escalated.status).toBe(200);
    const step = escalated.body.history.at(-1);
    expect(step).toMatchObject({
      action: 'escalate',
      fromStatus: 'declined',
      toStatus: 'escalated',
      escalationLevel: 1,
      automatic: false,
    });
    expect(escalated.body.escalation).toEqual({
      level: 1,
      role: 'teamleiders van beide organisaties',
      dueAt: computeWorkingDayDeadline(new Date(step?.at ?? ''), 2).toISOString(),
    });
    expect(
      (
        await as('politie.nijmegen').get<{ id: string; status: string }[]>('/api/handovers/waiting')
      ).body.find((w) => w.id === h.id)?.status,
    ).toBe('escalated');

    // Escalating again before the level's deadline is refused by the rules.
    expectRefusal(
      await as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/escalate`, { reason: 'Nog steeds oneens' }),
      'escalation_deadline_not_passed',
    );
    const resolved = await as('wijkteam.nijmegen').post<View>(`/api/handovers/${h.id}/resolve`, {
      resolution: 'handed_over',
      reason: 'Teamleiders: politie neemt de plegeraanpak toch over.',
      receiverUserId: person.paul,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: 'handed_over',
      takenOverBy: { userId: person.paul },
    });
    expect((await as('politie.nijmegen').get(`/api/cases/${caseId}`)).status).toBe(200);
  });

  it('resolving as handed over without a receiving professional is refused and writes nothing', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId);
    await as('politie.nijmegen').post(`/api/handovers/${h.id}/decline`, { reason: 'Niet onze taak' });
    await as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/escalate`, { reason: 'Oneens' });
    const before = await counts();
    const r = await as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/resolve`, {
      resolution: 'handed_over',
      reason: 'Besluit teamleiders',
    });
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).error.details[0]).toEqual({
      path: 'body.receiverUserId',
      message: HANDOVER_MESSAGES.receiver_required,
    });
    expect(await counts()).toEqual(before);
    expect((await rowOf(h.id)).status).toBe('escalated');
    const stays = await as('politie.nijmegen').post<View>(`/api/handovers/${h.id}/resolve`, {
      resolution: 'stays_with_sender',
      reason: 'Het wijkteam houdt de plegeraanpak.',
    });
    expect(stays.status).toBe(200);
    expect(stays.body.takenOverBy).toBeNull();
    expect((await as('politie.nijmegen').get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('the sender withdraws; afterwards nothing can be accepted and nothing is written', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId);
    const withdrawn = await as('wijkteam.nijmegen').post<View>(`/api/handovers/${h.id}/withdraw`, {
      reason: 'Het gezin krijgt al hulp van de GGZ.',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const before = await counts();
    expectRefusal(
      await as('politie.nijmegen').post(`/api/handovers/${h.id}/accept`, {}),
      'transition_not_allowed',
    );
    expect(await counts()).toEqual(before);
    expect((await as('politie.nijmegen').get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  it('after a decline the sender may accept it by withdrawing, which frees the way for a new coordination handover', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId, {
      subject: 'coordination',
      taskDescription: undefined,
      toOrganisationId: org.tiel,
    });
    await as('wijkteam.tiel').post(`/api/handovers/${h.id}/decline`, { reason: 'Gezin woont in Nijmegen' });
    expect(
      (
        await propose(caseId, {
          subject: 'coordination',
          taskDescription: undefined,
          toOrganisationId: org.vt,
        })
      ).status,
    ).toBe(409);
    expect(
      (await as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/withdraw`, { reason: 'Akkoord' })).status,
    ).toBe(200);
    expect(
      (
        await propose(caseId, {
          subject: 'coordination',
          taskDescription: undefined,
          toOrganisationId: org.vt,
        })
      ).status,
    ).toBe(201);
  });
});

describe('refusals of the rules: 422 with the rule’s message, nothing written', () => {
  it('each party only takes its own steps', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId);
    const before = await counts();
    expectRefusal(await as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/accept`, {}), 'receiver_only');
    expectRefusal(
      await as('vt.intake').post(`/api/handovers/${h.id}/decline`, { reason: 'Nee' }),
      'receiver_only',
    );
    expectRefusal(
      await as('politie.nijmegen').post(`/api/handovers/${h.id}/withdraw`, { reason: 'Weg' }),
      'sender_only',
    );
    expectRefusal(
      await as('politie.nijmegen').post(`/api/handovers/${h.id}/escalate`, { reason: 'Te laat' }),
      'response_deadline_not_passed',
    );
    expectRefusal(
      await as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/resolve`, {
        resolution: 'other',
        reason: 'x',
      }),
      'transition_not_allowed',
    );
    expectRefusal(await propose(caseId, { toOrganisationId: org.nijmegen }), 'same_organisation');
    expect(await counts()).toEqual(before);
    expect((await rowOf(h.id)).status).toBe('proposed');
  });

  it('bad input gives the one error shape and writes nothing', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId);
    const before = await counts();
    const attempts = [
      propose(caseId, { summary: '   ' }),
      propose(caseId, { summary: 'x'.repeat(4_001) }),
      propose(caseId, { summary: 'nul\u0000teken' }),
      propose(caseId, { subject: 'everything' }),
      propose(caseId, { toOrganisationId: "'; drop table case_handover; --" }),
      propose(caseId, { extra: true }),
      propose(caseId, { taskDescription: undefined }),
      propose(caseId, { toOrganisationId: '00000000-0000-4000-8000-000000000000' }),
      propose(caseId, { toUserId: person.paul, toOrganisationId: org.tiel }),
      as('politie.nijmegen').post(`/api/handovers/${h.id}/decline`, { reason: '' }),
      as('politie.nijmegen').post(`/api/handovers/${h.id}/decline`, {}),
      as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/resolve`, { resolution: 'maybe', reason: 'x' }),
      as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/joint-contact`, {
        contactAt: 'gisteren',
        mode: 'home_visit',
        senderUserId: person.wendy,
        receiverUserId: person.paul,
      }),
      as('politie.nijmegen').post(`/api/handovers/${h.id}/accept`, { caseRole: 'coordinator' }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.status).toBe(400);
      const body = r.body as ErrorBody;
      expect(['validation_failed', 'bad_request']).toContain(body.error.code);
      expect(typeof body.error.requestId).toBe('string');
    }
    expect(await counts()).toEqual(before);
    expect((await as('politie.nijmegen').get(`/api/handovers/not-a-uuid`)).status).toBe(400);
    expect(
      (await as('politie.nijmegen').get('/api/handovers/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });
});

describe('warm handover: the joint contact comes first', () => {
  it('cannot be accepted before the joint contact, nor while it lies in the future; then it can', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId, { warm: true });
    const police = as('politie.nijmegen');
    expectRefusal(await police.post(`/api/handovers/${h.id}/accept`, {}), 'joint_contact_required');
    const receiverView = await police.get<View>(`/api/handovers/${h.id}`);
    expect(receiverView.body.allowed).toMatchObject({ accept: false, jointContact: true });
    expect(receiverView.body.people?.receiver.map((p) => p.userId)).toContain(person.paul);
    expect(receiverView.body.people?.sender.map((p) => p.userId)).toContain(person.wendy);

    const wrongSides = await police.post<ErrorBody>(`/api/handovers/${h.id}/joint-contact`, {
      contactAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      mode: 'home_visit',
      senderUserId: person.paul,
      receiverUserId: person.wendy,
    });
    expect(wrongSides.status).toBe(400);
    expect(wrongSides.body.error.details.map((d) => d.path).sort()).toEqual([
      'body.receiverUserId',
      'body.senderUserId',
    ]);

    const planned = await police.post<View>(`/api/handovers/${h.id}/joint-contact`, {
      contactAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      mode: 'home_visit',
      senderUserId: person.wendy,
      receiverUserId: person.paul,
      note: 'Samen op huisbezoek bij moeder',
    });
    expect(planned.status).toBe(200);
    expect(planned.body.jointContact).toMatchObject({
      mode: 'home_visit',
      sender: { userId: person.wendy },
      receiver: { userId: person.paul },
    });
    expectRefusal(await police.post(`/api/handovers/${h.id}/accept`, {}), 'joint_contact_in_future');

    const met = await as('wijkteam.nijmegen').post<View>(`/api/handovers/${h.id}/joint-contact`, {
      contactAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
      mode: 'video',
      senderUserId: person.wendy,
      receiverUserId: person.paul,
    });
    expect(met.status).toBe(200);
    const accepted = await police.post<View>(`/api/handovers/${h.id}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.history.map((e) => e.action)).toEqual([
      'propose',
      'joint_contact',
      'joint_contact',
      'accept',
    ]);
    expectRefusal(
      await as('wijkteam.nijmegen').post(`/api/handovers/${h.id}/joint-contact`, {
        contactAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        mode: 'phone',
        senderUserId: person.wendy,
        receiverUserId: person.paul,
      }),
      'transition_not_allowed',
    );
  });
});

describe('the scheduler escalates what nobody answered', () => {
  it('an overdue proposal escalates once per slot, and again only after the level’s deadline', async () => {
    const caseId = await openCase();
    const h = await proposed(caseId, { toOrganisationId: org.tiel });
    const overdueAt = new Date(new Date(h.responseDueAt).getTime() + 60_000);
    const early = await runHandoverEscalation(t.deps.db, {
      slot: `early-${h.id}`,
      instance: 'test',
      now: new Date(new Date(h.responseDueAt).getTime() - 60_000),
    });
    expect(early.escalated).not.toContain(h.id);

    const first = await runHandoverEscalation(t.deps.db, {
      slot: `a-${h.id}`,
      instance: 'test',
      now: overdueAt,
    });
    const repeat = await runHandoverEscalation(t.deps.db, {
      slot: `a-${h.id}`,
      instance: 'test',
      now: overdueAt,
    });
    const otherSlot = await runHandoverEscalation(t.deps.db, {
      slot: `b-${h.id}`,
      instance: 'test',
      now: overdueAt,
    });
    expect(first).toMatchObject({ recorded: true });
    expect(first.escalated).toContain(h.id);
    expect(repeat).toEqual({ recorded: false, escalated: [], atTopLevel: 0 });
    expect(otherSlot.escalated).not.toContain(h.id);

    const view = await as('wijkteam.tiel').get<View>(`/api/handovers/${h.id}`);
    expect(view.body.status).toBe('escalated');
    expect(view.body.escalation).toEqual({
      level: 1,
      role: 'teamleiders van beide organisaties',
      dueAt: computeWorkingDayDeadline(overdueAt, 2).toISOString(),
    });
    expect(view.body.history.filter((e) => e.action === 'escalate')).toEqual([
      expect.objectContaining({ automatic: true, by: null, fromStatus: 'proposed', escalationLevel: 1 }),
    ]);
    const audit = await t.deps.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'details'])
      .where('record_id', '=', caseId)
      .where('action', '=', 'case.handover.escalate')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBeNull();

    const levelOverdue = new Date(new Date(view.body.escalation?.dueAt ?? '').getTime() + 60_000);
    const second = await runHandoverEscalation(t.deps.db, {
      slot: `c-${h.id}`,
      instance: 'test',
      now: levelOverdue,
    });
    expect(second.escalated).toContain(h.id);
    expect((await rowOf(h.id)).escalation_level).toBe(2);
  });
});

describe('authorization of every handover endpoint, for every demo role and users outside the team', () => {
  // A warm task handover from Wendy's team to the police (not in the team), and a withdrawn one:
  // allowed callers reach the rules (422: no joint contact yet / already withdrawn, 400: unknown
  // organisation), so nothing changes while every user tries every endpoint.
  let caseId = '';
  let warmId = '';
  let closedId = '';
  beforeAll(async () => {
    caseId = await openCase();
    warmId = (await proposed(caseId, { warm: true })).id;
    closedId = (await proposed(caseId)).id;
    await as('wijkteam.nijmegen').post(`/api/handovers/${closedId}/withdraw`, { reason: 'Niet meer nodig' });
  });
  const contact = () => ({
    contactAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
    mode: 'phone',
    senderUserId: person.wendy,
    receiverUserId: person.paul,
  });
  const ENDPOINTS = {
    list: (c: ApiClient) => c.get(`/api/cases/${caseId}/handovers`),
    candidates: (c: ApiClient) => c.get(`/api/cases/${caseId}/handover-candidates`),
    propose: (c: ApiClient) =>
      c.post(`/api/cases/${caseId}/handovers`, {
        subject: 'task',
        taskDescription: 'x',
        toOrganisationId: '00000000-0000-4000-8000-000000000000',
        summary: 'x',
        warm: false,
      }),
    waiting: (c: ApiClient) => c.get('/api/handovers/waiting'),
    read: (c: ApiClient) => c.get(`/api/handovers/${warmId}`),
    accept: (c: ApiClient) => c.post(`/api/handovers/${warmId}/accept`, {}),
    decline: (c: ApiClient) => c.post(`/api/handovers/${closedId}/decline`, { reason: 'Nee' }),
    withdraw: (c: ApiClient) => c.post(`/api/handovers/${closedId}/withdraw`, { reason: 'Weg' }),
    escalate: (c: ApiClient) => c.post(`/api/handovers/${closedId}/escalate`, { reason: 'Op' }),
    resolve: (c: ApiClient) =>
      c.post(`/api/handovers/${closedId}/resolve`, { resolution: 'other', reason: 'Besluit' }),
    jointContact: (c: ApiClient) => c.post(`/api/handovers/${closedId}/joint-contact`, contact()),
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;
  const steps = { accept: 422, decline: 422, withdraw: 422, escalate: 422, resolve: 422, jointContact: 422 };
  const sender = { list: 200, candidates: 200, propose: 400, waiting: 200, read: 200, ...steps };
  // Veilig Thuis serves the household and reads the case, but proposes only as a team member.
  const veiligThuis = { ...sender, propose: 403 };
  // The receiver sees the handover and acts on it, not the case.
  const receiver = { ...steps, list: 404, candidates: 404, propose: 404, waiting: 200, read: 200 };
  const outsider = {
    list: 404,
    candidates: 404,
    propose: 404,
    waiting: 200,
    read: 404,
    accept: 404,
    decline: 404,
    withdraw: 404,
    escalate: 404,
    resolve: 404,
    jointContact: 404,
  };
  const noClientWork = Object.fromEntries(Object.keys(outsider).map((k) => [k, 403])) as typeof outsider;
  const EXPECTED: Record<User, Record<Endpoint, number>> = {
    'wijkteam.nijmegen': sender,
    'vt.intake': veiligThuis,
    'vt.teamleider': veiligThuis,
    'politie.nijmegen': receiver,
    // Same organisation as the sender, but not in the team: access is per person.
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
    const response = await ENDPOINTS[endpoint](as(user));
    expect(response.status).toBe(status);
    if (status === 404) expect((response.body as ErrorBody).error.code).toBe('not_found');
  });
  it('nothing changed, and refused reads of a handover are audited as denied', async () => {
    expect((await rowOf(warmId)).status).toBe('proposed');
    expect((await rowOf(closedId)).status).toBe('withdrawn');
    const denied = await t.deps.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', warmId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((d) => d.action)).toEqual(
      expect.arrayContaining(['case.handover.read', 'case.handover.accept']),
    );
  });
  it('the outsider does not find the handover among their waiting work; the receiver does', async () => {
    const tiel = await as('wijkteam.tiel').get<{ id: string }[]>('/api/handovers/waiting');
    expect(tiel.body.map((w) => w.id)).not.toContain(warmId);
    const police = await as('politie.nijmegen').get<{ id: string }[]>('/api/handovers/waiting');
    expect(police.body.map((w) => w.id)).toContain(warmId);
    expect(police.body.map((w) => w.id)).not.toContain(closedId);
  });
});

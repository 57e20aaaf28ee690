import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMonitoringDue } from '../../src/modules/cases/closure-store.ts';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

// Monitoring, reasoned closure with a letter, reopening, and reports after closure (issue 3 §11).
let t: TestApp;
let clients: DemoClients;
const DAY = 86_400_000;

const USERS = DEMO_USERNAMES;
type User = DemoUsername;

type ErrorBody = {
  error: { code: string; details: { path: string; message: { nl: string; en: string } }[] };
};
type Moment = {
  id: string;
  monthsAfter: number;
  dueOn: string;
  status: string;
  contacts: { outcome: string; score: number | null; recordedBy: string }[];
};
type Monitoring = { phase: string; inMonitoring: boolean; intervalsMonths: number[]; moments: Moment[] };
type Letter = { closureId: string; subject: string; paragraphs: string[]; reasonCode: string };
type CaseLink = { id: string | null; reference: string | null; visible: boolean };
type Overview = {
  phase: string;
  canClose: boolean;
  closures: { id: string; reasonCode: string; reopening: { reason: string; toPhase: string } | null }[];
  reportsAfterClosure: {
    reportId: string;
    classification: string;
    concerns: string[];
    reportVisible: boolean;
    inCase: CaseLink | null;
  }[];
  previousCase: CaseLink | null;
  nextCases: CaseLink[];
};

const client = (user: User) => clients.of(user);
/** Sessions end after 15 idle minutes: after moving the clock, everyone signs in again. */
async function signInAll() {
  clients = new DemoClients(t);
  await clients.signInAll();
}
async function advanceDays(days: number) {
  t.clock.advance(days * DAY);
  await signInAll();
}

async function report(by: User, persons: unknown[]) {
  const r = await client(by).post<{ id: string }>('/api/reports', sampleReport({ persons }));
  expect(r.status).toBe(201);
  t.clock.advance(60_000);
  return r.body.id;
}

async function radar(reportId: string) {
  const r = await client('vt.intake').get<{ classification: string }>(`/api/reports/${reportId}/radar`);
  expect(r.status).toBe(200);
  return r.body.classification;
}

/** Score safety (every member the same) and agree a plan, so phases can move. */
async function scoreAndPlan(caseId: string, score: number) {
  const local = client('wijkteam.nijmegen');
  const detail = await local.get<{ members: { id: string }[]; team: { userId: string }[] }>(
    `/api/cases/${caseId}`,
  );
  const assessed = await local.post(`/api/cases/${caseId}/assessments`, {
    scores: detail.body.members.map((m) => ({ participantId: m.id, score })),
    concerns: ['Terugval'],
    actions: [],
  });
  expect(assessed.status).toBe(201);
  return detail.body.team[0]?.userId ?? '';
}

async function toMonitoring(caseId: string, score = 9) {
  const local = client('wijkteam.nijmegen');
  await scoreAndPlan(caseId, score);
  const plan = await local.post(`/api/cases/${caseId}/safety-plan`, {
    conditions: ['Geen geweld in huis'],
    agreements: [],
    ifItGoesWrong: 'Bel 112.',
    agreed: true,
  });
  expect(plan.status).toBe(201);
  for (const to of ['stable_safety', 'recovery', 'monitoring']) {
    expect((await local.post(`/api/cases/${caseId}/phase`, { to, reason: 'Volgende stap' })).status).toBe(
      200,
    );
  }
}

async function openCaseFrom(by: User, reportId: string) {
  const opened = await client(by).post<{ id: string; outcome: string }>('/api/cases', { reportId });
  expect([200, 201]).toContain(opened.status);
  return opened.body;
}

async function addPoliceToTeam(caseId: string) {
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
}

async function countRows(
  table: 'case_closure' | 'case_monitoring_contact' | 'case_reopening',
  caseId: string,
) {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditActions(caseId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_event')
    .select(['action', 'outcome'])
    .where('record_id', '=', caseId)
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

const userId = async (username: string) =>
  (
    await t.deps.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

beforeAll(async () => {
  t = await startTestApp();
  await signInAll();
});
afterAll(async () => {
  await t.close();
});

describe('monitoring', () => {
  it('entering monitoring plans moments at the region intervals; the clock makes them due and overdue', async () => {
    const caseId = (
      await openCaseFrom(
        'wijkteam.nijmegen',
        await report('wijkteam.nijmegen', [
          { fullName: 'Mila Monitor', dateOfBirth: '1984-04-04', role: 'victim' },
        ]),
      )
    ).id;
    const before = await client('wijkteam.nijmegen').get<Monitoring>(`/api/cases/${caseId}/monitoring`);
    expect(before.status).toBe(200);
    expect(before.body.moments).toEqual([]);
    await toMonitoring(caseId);
    const planned = await client('wijkteam.nijmegen').get<Monitoring>(`/api/cases/${caseId}/monitoring`);
    expect(planned.body.inMonitoring).toBe(true);
    expect(planned.body.moments.map((m) => [m.monthsAfter, m.status])).toEqual([
      [1, 'upcoming'],
      [3, 'upcoming'],
      [6, 'upcoming'],
    ]);
    const [first, second] = planned.body.moments;
    if (!first || !second) throw new Error('moments missing');

    // A week before its date the first moment is due; after its date it is overdue.
    await advanceDays(26);
    let now = await client('vt.intake').get<Monitoring>(`/api/cases/${caseId}/monitoring`);
    expect(now.body.moments.map((m) => m.status)).toEqual(['due', 'upcoming', 'upcoming']);
    await advanceDays(10);
    now = await client('politie.nijmegen').get<Monitoring>(`/api/cases/${caseId}/monitoring`);
    // Not in the team (yet): the police answer is the same as for a case that does not exist.
    expect(now.status).toBe(404);
    await addPoliceToTeam(caseId);
    now = await client('politie.nijmegen').get<Monitoring>(`/api/cases/${caseId}/monitoring`);
    expect(now.body.moments.map((m) => m.status)).toEqual(['overdue', 'upcoming', 'upcoming']);

    // The "my work" queue's source: overdue moments of my cases, not of others'.
    const mine = await listMonitoringDue(t.deps.db, {
      userId: await userId('wijkteam.nijmegen'),
      organisationId: (
        await t.deps.db
          .selectFrom('household_case')
          .select('coordinator_organisation_id')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).coordinator_organisation_id,
      from: new Date(0),
      to: t.clock.now(),
    });
    expect(mine.filter((m) => m.caseId === caseId).map((m) => [m.monthsAfter, m.status])).toEqual([
      [1, 'overdue'],
    ]);
    const tiel = await t.deps.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select(['membership.user_id', 'membership.organisation_id'])
      .where('app_user.username', '=', 'wijkteam.tiel')
      .executeTakeFirstOrThrow();
    const others = await listMonitoringDue(t.deps.db, {
      userId: tiel.user_id,
      organisationId: tiel.organisation_id,
      from: new Date(0),
      to: new Date(t.clock.now().getTime() + 365 * DAY),
    });
    expect(others.map((m) => m.caseId)).not.toContain(caseId);

    // Bad contacts write nothing.
    const police = client('politie.nijmegen');
    const base = {
      momentId: first.id,
      contactWith: 'household',
      outcome: 'safety_holds',
      note: 'Gesprek thuis',
    };
    const bad: [unknown, string][] = [
      [{ ...base, score: 11 }, 'body.score'],
      [{ ...base, outcome: 'fine' }, 'body.outcome'],
      [{ ...base, note: '   ' }, 'body.note'],
      [{ ...base, extra: true }, 'body'],
      [{ ...base, contactedAt: new Date(t.clock.now().getTime() + DAY).toISOString() }, 'body.contactedAt'],
      [{ ...base, contactedAt: '2020-01-01T10:00:00Z' }, 'body.contactedAt'],
      [{ ...base, momentId: '00000000-0000-4000-8000-000000000000' }, 'body.momentId'],
    ];
    for (const [body, path] of bad) {
      const r = await police.post<ErrorBody>(`/api/cases/${caseId}/monitoring/contacts`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details[0]?.path.startsWith(path)).toBe(true);
    }
    expect(await countRows('case_monitoring_contact', caseId)).toBe(0);
    // A member records the contact; the moment is done and leaves the queue.
    const recorded = await police.post(`/api/cases/${caseId}/monitoring/contacts`, { ...base, score: 8 });
    expect(recorded.status).toBe(201);
    now = await client('wijkteam.nijmegen').get<Monitoring>(`/api/cases/${caseId}/monitoring`);
    expect(now.body.moments[0]).toMatchObject({ status: 'done' });
    expect(now.body.moments[0]?.contacts).toEqual([
      expect.objectContaining({ outcome: 'safety_holds', score: 8, recordedBy: 'Paul Politie' }),
    ]);
    const team = await police.get<{ team: { name: string; userId: string; organisationId: string }[] }>(
      `/api/cases/${caseId}`,
    );
    const paul = team.body.team.find((m) => m.name === 'Paul Politie');
    const after = await listMonitoringDue(t.deps.db, {
      userId: paul?.userId ?? '',
      organisationId: paul?.organisationId ?? '',
      from: new Date(0),
      to: new Date(t.clock.now().getTime() + 70 * DAY),
    });
    expect(after.filter((m) => m.caseId === caseId).map((m) => m.monthsAfter)).toEqual([3]);
    expect(await auditActions(caseId)).toEqual(
      expect.arrayContaining([
        'case.monitoring.read:success',
        'case.monitoring.contact:success',
        'case.monitoring.read:denied',
      ]),
    );
  });
});

describe('closing', () => {
  it('refuses without a recent assessment at the threshold, from the wrong phase, by a member, or through /phase', async () => {
    const local = client('wijkteam.nijmegen');
    const caseId = (
      await openCaseFrom(
        'wijkteam.nijmegen',
        await report('wijkteam.nijmegen', [
          { fullName: 'Lars Laag', dateOfBirth: '1983-03-03', role: 'victim' },
        ]),
      )
    ).id;
    const body = { reasonCode: 'safety_stable', explanation: 'Het gaat goed.' };
    const tooEarly = await local.post<ErrorBody>(`/api/cases/${caseId}/closure`, body);
    expect(tooEarly.status).toBe(400);
    await toMonitoring(caseId, 4);
    const low = await local.post<ErrorBody>(`/api/cases/${caseId}/closure`, body);
    expect(low.status).toBe(400);
    expect(low.body.error).toMatchObject({ code: 'validation_failed' });
    expect(low.body.error.details).toEqual([
      { path: 'body.phase', message: expect.objectContaining({ en: expect.stringContaining('threshold') }) },
    ]);
    await addPoliceToTeam(caseId);
    expect((await client('politie.nijmegen').post(`/api/cases/${caseId}/closure`, body)).status).toBe(403);
    for (const bad of [
      { ...body, reasonCode: 'bored' },
      { ...body, explanation: ' ' },
      { reasonCode: 'other' },
      { ...body, letter: 'x' },
      { ...body, explanation: 'a\u0000b' },
    ]) {
      expect((await local.post(`/api/cases/${caseId}/closure`, bad)).status).toBe(400);
    }
    // Outdated: a good score more than 30 days old does not show that safety holds.
    await scoreAndPlan(caseId, 9);
    await advanceDays(31);
    const old = await client('wijkteam.nijmegen').post<ErrorBody>(`/api/cases/${caseId}/closure`, body);
    expect(old.body.error.details[0]?.message.en).toContain('too old');
    // When the rule allows it, /phase still does not close: it points to the closure form.
    await scoreAndPlan(caseId, 9);
    const viaPhase = await client('wijkteam.nijmegen').post<ErrorBody>(`/api/cases/${caseId}/phase`, {
      to: 'closed',
      reason: 'Klaar',
    });
    expect(viaPhase.status).toBe(400);
    expect(viaPhase.body.error.details[0]?.message.nl).toContain('afsluitformulier');
    expect(await countRows('case_closure', caseId)).toBe(0);
    const detail = await client('wijkteam.nijmegen').get<{ phase: string }>(`/api/cases/${caseId}`);
    expect(detail.body.phase).toBe('monitoring');
  });

  it('a reasoned closure returns the letter for the household; the letter never names the reporter', async () => {
    const reportId = await report('wijkteam.nijmegen', [
      { fullName: 'Noor Nieuwland', dateOfBirth: '1981-01-01', role: 'victim' },
      { fullName: 'Nina Nieuwland', dateOfBirth: '2017-07-07', role: 'child' },
    ]);
    const caseId = (await openCaseFrom('wijkteam.nijmegen', reportId)).id;
    await toMonitoring(caseId);
    const organisation = await t.deps.db
      .selectFrom('report')
      .innerJoin('organisation', 'organisation.id', 'report.created_by_organisation_id')
      .select('organisation.name')
      .where('report.id', '=', reportId)
      .executeTakeFirstOrThrow();
    const closed = await client('wijkteam.nijmegen').post<{
      phase: string;
      closureId: string;
      letter: Letter;
    }>(`/api/cases/${caseId}/closure`, {
      reasonCode: 'safety_stable',
      explanation: `Dank aan Wendy Wijkteam van ${organisation.name.toUpperCase()}: de afspraken lopen goed.`,
    });
    expect(closed.status).toBe(201);
    expect(closed.body.phase).toBe('closed');
    const text = closed.body.letter.paragraphs.join('\n');
    expect(closed.body.letter.paragraphs[0]).toBe('Beste Noor Nieuwland,');
    expect(text).toContain('veilig');
    expect(text).toContain('de afspraken lopen goed');
    for (const secret of ['Wendy', 'Wijkteam (Nijmegen)', organisation.name.toLowerCase()]) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    // The stored letter is the one generated at closing, for every reader of the case.
    for (const user of ['wijkteam.nijmegen', 'vt.intake'] as const) {
      const letter = await client(user).get<Letter>(`/api/cases/${caseId}/closure/letter`);
      expect(letter.status).toBe(200);
      expect(letter.body).toMatchObject({
        closureId: closed.body.closureId,
        paragraphs: closed.body.letter.paragraphs,
      });
    }
    expect(
      (
        await client('wijkteam.nijmegen').get(
          `/api/cases/${caseId}/closure/letter?closureId=00000000-0000-4000-8000-000000000000`,
        )
      ).status,
    ).toBe(404);
    // Monitoring that was not done is cancelled, not overdue.
    const monitoring = await client('wijkteam.nijmegen').get<Monitoring>(`/api/cases/${caseId}/monitoring`);
    expect(monitoring.body.moments.map((m) => m.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await auditActions(caseId)).toEqual(
      expect.arrayContaining(['case.close:success', 'case.closure.letter:success']),
    );
  });
});

describe('reports about the people of a case: follow-up while open, re-report after closure', () => {
  it('classifies by the case, shows the re-report on the closed case and links the new case to it', async () => {
    const persons = [
      { fullName: 'Rik Ruiter', dateOfBirth: '1979-09-09', bsn: '999996708', role: 'perpetrator' },
      { fullName: 'Roos Ruiter', dateOfBirth: '2014-04-14', role: 'child' },
    ];
    const first = await report('wijkteam.nijmegen', persons);
    // Veilig Thuis hands over to the local team: its own involvement ends, the case opens.
    const assessed = await client('vt.intake').post<{ case: { id: string } | null }>(
      `/api/reports/${first}/assessment`,
      {
        acuteUnsafety: false,
        structuralUnsafety: true,
        route: 'handover_local_team',
        reason: 'Het wijkteam kent het gezin en pakt dit op.',
      },
    );
    expect(assessed.status).toBe(200);
    const caseId = assessed.body.case?.id ?? '';
    expect(caseId).not.toBe('');
    // While the case is open, a report about the same person is a follow-up report.
    const during = await report('politie.nijmegen', [
      { fullName: 'R. Ruiter', dateOfBirth: '1979-09-09', bsn: '999996708', role: 'perpetrator' },
    ]);
    expect(await radar(during)).toBe('follow_up_report');
    expect((await openCaseFrom('vt.intake', during)).outcome).toBe('attached');
    await toMonitoring(caseId);
    const closed = await client('wijkteam.nijmegen').post(`/api/cases/${caseId}/closure`, {
      reasonCode: 'regular_help',
      explanation: 'Het gezin krijgt hulp van de huisarts.',
    });
    expect(closed.status).toBe(201);
    let overview = await client('wijkteam.nijmegen').get<Overview>(`/api/cases/${caseId}/closure`);
    expect(overview.body.reportsAfterClosure).toEqual([]);

    // After closure: a re-report (the report attached while open no longer counts as open involvement).
    const after = await report('politie.nijmegen', [
      { fullName: 'Rik Ruiter', dateOfBirth: '1979-09-09', bsn: '999996708', role: 'perpetrator' },
      { fullName: 'Rosa Ruiter', dateOfBirth: '1990-10-10', role: 'victim' },
    ]);
    expect(await radar(after)).toBe('re_report');
    expect(await radar(during)).toBe('follow_up_report');
    overview = await client('wijkteam.nijmegen').get<Overview>(`/api/cases/${caseId}/closure`);
    expect(overview.body.reportsAfterClosure).toEqual([
      {
        reportId: after,
        reference: expect.any(String),
        receivedAt: expect.any(String),
        concerns: ['Rik Ruiter'],
        classification: 're_report',
        // The local team did not author the police report: its reference shows, the report does not open.
        reportVisible: false,
        inCase: null,
      },
    ]);
    const forVt = await client('vt.intake').get<Overview>(`/api/cases/${caseId}/closure`);
    expect(forVt.body.reportsAfterClosure[0]?.reportVisible).toBe(true);

    // Veilig Thuis opens a case from it: a new case, linked to the closed one (not a reopening).
    const next = await openCaseFrom('vt.intake', after);
    expect(next.outcome).toBe('opened');
    expect(next.id).not.toBe(caseId);
    overview = await client('vt.intake').get<Overview>(`/api/cases/${caseId}/closure`);
    expect(overview.body.nextCases).toEqual([{ id: next.id, reference: expect.any(String), visible: true }]);
    expect(overview.body.reportsAfterClosure[0]?.inCase).toMatchObject({ id: next.id, visible: true });
    const fromNew = await client('vt.intake').get<Overview>(`/api/cases/${next.id}/closure`);
    expect(fromNew.body.previousCase).toMatchObject({ id: caseId, visible: true });
    // The local team of the old case is not in the new team: it sees that there is one, not which.
    const forLocal = await client('wijkteam.nijmegen').get<Overview>(`/api/cases/${caseId}/closure`);
    expect(forLocal.body.nextCases).toEqual([{ id: null, reference: null, visible: false }]);
    // Reopening the old case now would give the household two open cases.
    const reopen = await client('wijkteam.nijmegen').post<ErrorBody>(`/api/cases/${caseId}/reopen`, {
      reason: 'Nieuwe zorgen',
    });
    expect(reopen.status).toBe(409);
    expect(await auditActions(caseId)).toEqual(expect.arrayContaining(['case.closure.read:success']));
    expect(await auditActions(next.id)).toEqual(expect.arrayContaining(['case.link_previous:success']));
  });
});

describe('reopening', () => {
  it('a closed case reopens with a reason, back to direct safety; the history stays', async () => {
    const local = client('wijkteam.nijmegen');
    const caseId = (
      await openCaseFrom(
        'wijkteam.nijmegen',
        await report('wijkteam.nijmegen', [
          { fullName: 'Otto Opnieuw', dateOfBirth: '1975-05-05', role: 'victim' },
        ]),
      )
    ).id;
    const notClosed = await local.post<ErrorBody>(`/api/cases/${caseId}/reopen`, {
      reason: 'Nieuw incident',
    });
    expect(notClosed.status).toBe(400);
    await toMonitoring(caseId);
    const closure = await local.post<{ closureId: string }>(`/api/cases/${caseId}/closure`, {
      reasonCode: 'other',
      explanation: 'Het gezin wil geen hulp meer en het is veilig.',
    });
    expect(closure.status).toBe(201);
    expect((await local.post(`/api/cases/${caseId}/reopen`, { reason: '  ' })).status).toBe(400);
    const wrongPhase = await local.post<ErrorBody>(`/api/cases/${caseId}/reopen`, {
      reason: 'Nieuw incident',
      toPhase: 'recovery',
    });
    expect(wrongPhase.status).toBe(400);
    expect(wrongPhase.body.error.details[0]?.message.en).toContain('direct safety');
    expect(await countRows('case_reopening', caseId)).toBe(0);
    // A team member who does not coordinate may reopen: a move towards safety is never blocked.
    await addPoliceToTeam(caseId);
    const reopened = await client('politie.nijmegen').post<{ phase: string; reopeningId: string }>(
      `/api/cases/${caseId}/reopen`,
      { reason: 'Nieuw incident: politie ingezet' },
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body.phase).toBe('direct_safety');
    const overview = await local.get<Overview>(`/api/cases/${caseId}/closure`);
    expect(overview.body.closures).toEqual([
      expect.objectContaining({
        id: closure.body.closureId,
        reasonCode: 'other',
        reopening: expect.objectContaining({
          reason: 'Nieuw incident: politie ingezet',
          toPhase: 'direct_safety',
        }),
      }),
    ]);
    const detail = await local.get<{ phase: string; phaseHistory: { to: string }[] }>(`/api/cases/${caseId}`);
    expect(detail.body.phaseHistory.map((p) => p.to)).toEqual([
      'direct_safety',
      'stable_safety',
      'recovery',
      'monitoring',
      'closed',
      'direct_safety',
    ]);
    // The letter of the earlier closure stays readable.
    expect((await local.get(`/api/cases/${caseId}/closure/letter`)).status).toBe(200);
    expect(await auditActions(caseId)).toEqual(expect.arrayContaining(['case.reopen:success']));
  });
});

describe('authorization of every closure endpoint', () => {
  let caseId: string;
  beforeAll(async () => {
    await signInAll();
    caseId = (
      await openCaseFrom(
        'wijkteam.nijmegen',
        await report('wijkteam.nijmegen', [
          { fullName: 'Ada Autorisatie', dateOfBirth: '1970-07-07', role: 'victim' },
        ]),
      )
    ).id;
    await addPoliceToTeam(caseId);
    await toMonitoring(caseId);
    const closed = await client('wijkteam.nijmegen').post(`/api/cases/${caseId}/closure`, {
      reasonCode: 'safety_stable',
      explanation: 'Veilig.',
    });
    expect(closed.status).toBe(201);
  });

  const ENDPOINTS = {
    monitoring: (c: ApiClient) => c.get(`/api/cases/${caseId}/monitoring`),
    contact: (c: ApiClient) =>
      c.post(`/api/cases/${caseId}/monitoring/contacts`, {
        momentId: '00000000-0000-4000-8000-000000000000',
        contactWith: 'household',
        outcome: 'concerns',
        note: 'Bellen',
      }),
    overview: (c: ApiClient) => c.get(`/api/cases/${caseId}/closure`),
    // Already closed: an allowed caller reaches the phase rule (400), a member is stopped before (403).
    close: (c: ApiClient) =>
      c.post(`/api/cases/${caseId}/closure`, { reasonCode: 'safety_stable', explanation: 'Nog eens' }),
    letter: (c: ApiClient) => c.get(`/api/cases/${caseId}/closure/letter`),
    // Reopening to another phase than direct safety: the rule refuses (400), nothing changes.
    reopen: (c: ApiClient) => c.post(`/api/cases/${caseId}/reopen`, { reason: 'Test', toPhase: 'recovery' }),
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;
  const manager = { monitoring: 200, contact: 400, overview: 200, close: 400, letter: 200, reopen: 400 };
  const member = { ...manager, close: 403 };
  const outsider = { monitoring: 404, contact: 404, overview: 404, close: 404, letter: 404, reopen: 404 };
  const noClientWork = { monitoring: 403, contact: 403, overview: 403, close: 403, letter: 403, reopen: 403 };
  const EXPECTED: Record<User, Record<Endpoint, number>> = {
    'wijkteam.nijmegen': manager,
    'vt.intake': manager,
    'vt.teamleider': manager,
    'politie.nijmegen': member,
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
  it('outsiders cannot tell a closed case from a missing one; the case is unchanged', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of ['monitoring', 'closure', 'closure/letter']) {
      const a = await client('wijkteam.tiel').get<ErrorBody>(`/api/cases/${caseId}/${path}`);
      const b = await client('wijkteam.tiel').get<ErrorBody>(`/api/cases/${missing}/${path}`);
      expect([a.status, a.body.error.code]).toEqual([b.status, b.body.error.code]);
    }
    expect(await countRows('case_closure', caseId)).toBe(1);
    expect(await countRows('case_reopening', caseId)).toBe(0);
    expect(await auditActions(caseId)).toEqual(
      expect.arrayContaining(['case.closure.read:denied', 'case.close:denied']),
    );
  });
});

import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMeasureReminders } from '../../src/jobs/measure-reminders.ts';
import { listMeasureDeadlines } from '../../src/modules/cases/measure-store.ts';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

// Measures with legal clocks (issue 3 §7): impose, list, extend, refuse past the maximum, lift,
// reminders, categories, and the authorization of every endpoint for every demo role.
let t: TestApp;
let clients: DemoClients;

const USERS = DEMO_USERNAMES;
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
type MeasureView = {
  id: string;
  kind: string;
  category: string;
  status: string;
  imposedAt: string;
  end: string;
  maximumEnd: string | null;
  decidedBy: string;
  decisionReference: string | null;
  note: string | null;
  members: { memberId: string; fullName: string; part: string }[];
  extensions: {
    previousEnd: string;
    newEnd: string;
    reason: string;
    decidedBy: string;
    recordedBy: string;
  }[];
  lifted: { at: string; reason: string; decidedBy: string; by: string } | null;
  nextReminder: { at: string; daysBefore: number } | null;
  reminders: { kind: string; daysBefore: number | null; dueAt: string }[];
  mayChange: boolean;
};
type MeasureList = { measures: MeasureView[]; withheld: number; recordableKinds: string[] };
type CaseDetail = { members: { id: string; fullName: string; role: string }[] };

const AMSTERDAM = 'Europe/Amsterdam';
const wall = (date: Date) => DateTime.fromJSDate(date, { zone: AMSTERDAM });
const iso = (dt: DateTime) => dt.toISO() ?? '';

let counter = 0;
/** A household of its own: an adult who may be ordered out, a partner, a child. */
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
  return { caseId, father: member('Vader'), mother: member('Moeder'), child: member('Kind') };
}

type Household = Awaited<ReturnType<typeof openHousehold>>;

function orderInput(h: Household, imposedAt: DateTime, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'restraining_order',
    members: [
      { memberId: h.father, part: 'subject' },
      { memberId: h.mother, part: 'protected' },
      { memberId: h.child, part: 'protected' },
    ],
    imposedAt: iso(imposedAt),
    decidedBy: 'mayor',
    category: 'justice',
    decisionReference: 'HV-2026-0042',
    ...overrides,
  };
}

async function listFor(user: User, caseId: string) {
  const r = await client(user).get<MeasureList>(`/api/cases/${caseId}/measures`);
  expect(r.status).toBe(200);
  return r.body;
}

async function measureRow(measureId: string) {
  return t.deps.db
    .selectFrom('case_measure')
    .selectAll()
    .where('id', '=', measureId)
    .executeTakeFirstOrThrow();
}

async function extensionCount(measureId: string) {
  const rows = await t.deps.db
    .selectFrom('case_measure_extension')
    .select('id')
    .where('measure_id', '=', measureId)
    .execute();
  return rows.length;
}

async function auditOf(caseId: string, action: string) {
  return t.deps.db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'details'])
    .where('record_id', '=', caseId)
    .where('action', '=', action)
    .orderBy('position')
    .execute();
}

async function userAndOrganisation(username: string) {
  return t.deps.db
    .selectFrom('app_user')
    .innerJoin('membership', 'membership.user_id', 'app_user.id')
    .select(['app_user.id as userId', 'membership.organisation_id as organisationId'])
    .where('app_user.username', '=', username)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await startTestApp();
  clients = new DemoClients(t);
  await clients.signInAll();
});
afterAll(async () => {
  await t.close();
});

describe('a restraining order: impose, list, extend, refuse past 28 days, lift', () => {
  let h: Household;
  let orderId: string;
  let imposed: DateTime;

  beforeAll(async () => {
    h = await openHousehold('Hendriks');
    imposed = wall(t.clock.now()).minus({ hours: 1 }).startOf('minute');
  });

  it('the police record the mayor’s order; the end is 10 days later, the maximum 28', async () => {
    const r = await client('politie.nijmegen').post<{ id: string; end: string; maximumEnd: string }>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, imposed),
    );
    expect(r.status).toBe(201);
    orderId = r.body.id;
    expect(new Date(r.body.end).getTime()).toBe(imposed.plus({ days: 10 }).toMillis());
    expect(new Date(r.body.maximumEnd).getTime()).toBe(imposed.plus({ days: 28 }).toMillis());
    const audit = await auditOf(h.caseId, 'case.measure.impose');
    expect(audit.map((a) => a.outcome)).toEqual(['success']);
  });

  it('lists it with status, end, maximum, members and the next reminder', async () => {
    const list = await listFor('politie.nijmegen', h.caseId);
    expect(list.withheld).toBe(0);
    expect(list.recordableKinds).toContain('restraining_order');
    const order = list.measures.find((m) => m.id === orderId);
    expect(order).toMatchObject({
      kind: 'restraining_order',
      category: 'justice',
      status: 'active',
      decidedBy: 'mayor',
      decisionReference: 'HV-2026-0042',
      extensions: [],
      lifted: null,
      mayChange: true,
    });
    expect(order?.members.map((m) => [m.fullName, m.part])).toEqual([
      ['Hendriks Vader', 'subject'],
      ['Hendriks Moeder', 'protected'],
      ['Hendriks Kind', 'protected'],
    ]);
    expect(order?.nextReminder?.daysBefore).toBe(3);
    expect(new Date(order?.nextReminder?.at ?? '').getTime()).toBe(imposed.plus({ days: 7 }).toMillis());
    expect((await auditOf(h.caseId, 'case.measure.list')).length).toBeGreaterThan(0);
  });

  it('Veilig Thuis sees the justice measure; the local team member does not, and is told one is withheld', async () => {
    expect((await listFor('vt.intake', h.caseId)).measures.map((m) => m.id)).toContain(orderId);
    const local = await listFor('wijkteam.nijmegen', h.caseId);
    expect(local.measures.map((m) => m.id)).not.toContain(orderId);
    expect(local.withheld).toBe(1);
    expect(local.recordableKinds).not.toContain('restraining_order');
  });

  it('the mayor extends within 28 days; the end moves and the extension is listed', async () => {
    const newEnd = imposed.plus({ days: 20 });
    const r = await client('politie.nijmegen').post<{ end: string }>(
      `/api/cases/${h.caseId}/measures/${orderId}/extensions`,
      { newEnd: iso(newEnd), decidedBy: 'mayor', reason: 'Dreiging houdt aan volgens de politie.' },
    );
    expect(r.status).toBe(201);
    expect(new Date(r.body.end).getTime()).toBe(newEnd.toMillis());
    const order = (await listFor('vt.intake', h.caseId)).measures.find((m) => m.id === orderId);
    expect(order?.extensions).toEqual([
      expect.objectContaining({ decidedBy: 'mayor', reason: 'Dreiging houdt aan volgens de politie.' }),
    ]);
    expect(new Date(order?.end ?? '').getTime()).toBe(newEnd.toMillis());
    expect((await measureRow(orderId)).end_at.getTime()).toBe(newEnd.toMillis());
  });

  it('past 28 days after imposition: 422 naming the latest allowed end, and nothing is written', async () => {
    const before = await measureRow(orderId);
    const r = await client('politie.nijmegen').post<ErrorBody>(
      `/api/cases/${h.caseId}/measures/${orderId}/extensions`,
      {
        newEnd: iso(imposed.plus({ days: 28, minutes: 1 })),
        decidedBy: 'mayor',
        reason: 'Nog een week erbij.',
      },
    );
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('rule_refused');
    expect(r.body.error.message.nl).toBeTruthy();
    expect(r.body.error.requestId).toBeTruthy();
    const maximum = imposed.plus({ days: 28 });
    expect(r.body.error.details).toEqual([
      {
        path: 'body.newEnd',
        message: {
          nl: expect.stringContaining(`uiterlijk ${maximum.setLocale('nl').toFormat('d MMMM yyyy HH:mm')}`),
          en: expect.stringContaining(
            `${maximum.setLocale('en-GB').toFormat('d MMMM yyyy HH:mm')} at the latest`,
          ),
        },
      },
    ]);
    expect(await extensionCount(orderId)).toBe(1);
    expect(await measureRow(orderId)).toEqual(before);
    const refusals = (await auditOf(h.caseId, 'case.measure.extend')).filter((a) => a.outcome === 'denied');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.details).toMatchObject({ measureId: orderId, refusal: 'extension_exceeds_maximum' });
  });

  it('exactly 28 days is allowed; the hulpofficier cannot extend (art. 9: only the mayor)', async () => {
    const byProsecutor = await client('politie.nijmegen').post<ErrorBody>(
      `/api/cases/${h.caseId}/measures/${orderId}/extensions`,
      { newEnd: iso(imposed.plus({ days: 28 })), decidedBy: 'assistant_prosecutor', reason: 'Verlenging.' },
    );
    expect(byProsecutor.status).toBe(422);
    expect(byProsecutor.body.error.details[0]?.path).toBe('body.decidedBy');
    expect(byProsecutor.body.error.details[0]?.message.nl).toContain('burgemeester');
    expect(await extensionCount(orderId)).toBe(1);
    const ok = await client('vt.intake').post(`/api/cases/${h.caseId}/measures/${orderId}/extensions`, {
      newEnd: iso(imposed.plus({ days: 28 })),
      decidedBy: 'mayor',
      reason: 'Tot het wettelijk maximum.',
    });
    expect(ok.status).toBe(201);
  });

  it('the mayor withdraws it once help is accepted; it shows as lifted and cannot be extended or lifted again', async () => {
    const r = await client('politie.nijmegen').post<{ status: string }>(
      `/api/cases/${h.caseId}/measures/${orderId}/lift`,
      { decidedBy: 'mayor', reason: 'Hulp aanvaard en bevestigd door Veilig Thuis.' },
    );
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('lifted');
    const order = (await listFor('politie.nijmegen', h.caseId)).measures.find((m) => m.id === orderId);
    expect(order?.status).toBe('lifted');
    expect(order?.lifted).toMatchObject({ decidedBy: 'mayor', by: 'Paul Politie' });
    expect(order?.nextReminder).toBeNull();
    const again = await client('politie.nijmegen').post<ErrorBody>(
      `/api/cases/${h.caseId}/measures/${orderId}/lift`,
      { decidedBy: 'mayor', reason: 'Nogmaals.' },
    );
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('rule_refused');
    const extend = await client('politie.nijmegen').post<ErrorBody>(
      `/api/cases/${h.caseId}/measures/${orderId}/extensions`,
      { newEnd: iso(imposed.plus({ days: 27 })), decidedBy: 'mayor', reason: 'Te laat.' },
    );
    expect(extend.status).toBe(422);
    expect((await auditOf(h.caseId, 'case.measure.lift')).map((a) => a.outcome)).toEqual(['success']);
  });
});

describe('rules on imposing', () => {
  let h: Household;
  beforeAll(async () => {
    h = await openHousehold('Jacobs');
  });

  it('a local team cannot record a restraining order (403 with the reason); it can record intensive case management', async () => {
    const now = wall(t.clock.now()).startOf('minute');
    const order = await client('wijkteam.nijmegen').post<ErrorBody>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, now),
    );
    expect(order.status).toBe(403);
    expect(order.body.error.details[0]?.message.nl).toContain('politie, Veilig Thuis');
    const icm = await client('wijkteam.nijmegen').post<{ id: string; end: string; maximumEnd: string }>(
      `/api/cases/${h.caseId}/measures`,
      {
        kind: 'intensive_case_management',
        members: [{ memberId: h.mother, part: 'subject' }],
        imposedAt: iso(now),
        decidedBy: 'local_team',
        category: 'team',
      },
    );
    expect(icm.status).toBe(201);
    expect(new Date(icm.body.maximumEnd).getTime()).toBe(now.plus({ years: 1 }).toMillis());
    const forPolice = await listFor('politie.nijmegen', h.caseId);
    const seen = forPolice.measures.find((m) => m.id === icm.body.id);
    expect(seen?.mayChange).toBe(true);
  });

  it('an order on a child, on two people, by an unlawful authority, or on someone outside the household is refused; nothing is written', async () => {
    const now = wall(t.clock.now()).startOf('minute');
    const count = async () =>
      (
        await t.deps.db
          .selectFrom('case_measure')
          .select('id')
          .where('case_id', '=', h.caseId)
          .where('kind', '=', 'restraining_order')
          .execute()
      ).length;
    const police = client('politie.nijmegen');
    const onChild = await police.post<ErrorBody>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, now, { members: [{ memberId: h.child, part: 'subject' }] }),
    );
    expect(onChild.status).toBe(422);
    expect(onChild.body.error.details[0]).toMatchObject({ path: 'body.members' });
    expect(onChild.body.error.details[0]?.message.nl).toContain('meerderjarige');
    const two = await police.post<ErrorBody>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, now, {
        members: [
          { memberId: h.father, part: 'subject' },
          { memberId: h.mother, part: 'subject' },
        ],
      }),
    );
    expect(two.status).toBe(422);
    const byVt = await police.post<ErrorBody>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, now, { decidedBy: 'veilig_thuis' }),
    );
    expect(byVt.status).toBe(422);
    expect(byVt.body.error.details[0]?.path).toBe('body.decidedBy');
    const other = await openHousehold('Anders');
    const stranger = await police.post<ErrorBody>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, now, { members: [{ memberId: other.father, part: 'subject' }] }),
    );
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0]?.path).toBe('body.members.0.memberId');
    expect(await count()).toBe(0);
  });

  it('bad input gets the one error shape and writes nothing', async () => {
    const police = client('politie.nijmegen');
    const now = wall(t.clock.now()).startOf('minute');
    const base = orderInput(h, now);
    const before = await t.deps.db.selectFrom('case_measure').select('id').execute();
    const bad: [string, unknown][] = [
      ['unknown field', { ...base, extra: 1 }],
      ['unknown kind', { ...base, kind: 'banishment' }],
      ['time without offset', { ...base, imposedAt: '2026-06-01T14:00' }],
      ['not a date', { ...base, imposedAt: "2026-06-01'; drop table case_measure; --" }],
      ['no members', { ...base, members: [] }],
      ['member id not a uuid', { ...base, members: [{ memberId: "1' or '1'='1", part: 'subject' }] }],
      ['unknown part', { ...base, members: [{ memberId: h.father, part: 'bystander' }] }],
      ['unknown category', { ...base, category: 'secret' }],
      ['control character', { ...base, note: 'a\u0000b' }],
      ['too long reference', { ...base, decisionReference: 'x'.repeat(101) }],
      ['far in the future', { ...base, imposedAt: iso(now.plus({ days: 120 })) }],
      ['before 2000', { ...base, imposedAt: '1999-12-31T12:00:00+01:00' }],
    ];
    for (const [why, body] of bad) {
      const r = await police.post<ErrorBody>(`/api/cases/${h.caseId}/measures`, body);
      expect(r.status, why).toBe(400);
      expect(r.body.error.code, why).toBe('validation_failed');
      expect(r.body.error.details.length, why).toBeGreaterThan(0);
      for (const d of r.body.error.details) {
        expect(typeof d.path, why).toBe('string');
        expect(d.message.nl && d.message.en, why).toBeTruthy();
      }
    }
    const badId = await police.get<ErrorBody>('/api/cases/not-a-uuid/measures');
    expect(badId.status).toBe(400);
    const missing = await police.post<ErrorBody>(
      `/api/cases/${h.caseId}/measures/00000000-0000-4000-8000-000000000000/lift`,
      { decidedBy: 'mayor', reason: 'Bestaat niet.' },
    );
    expect(missing.status).toBe(404);
    const emptyReason = await police.post<ErrorBody>(
      `/api/cases/${h.caseId}/measures/00000000-0000-4000-8000-000000000000/extensions`,
      { newEnd: iso(now.plus({ days: 11 })), decidedBy: 'mayor', reason: '   ' },
    );
    expect(emptyReason.status).toBe(400);
    expect(await t.deps.db.selectFrom('case_measure').select('id').execute()).toHaveLength(before.length);
  });

  it('text is stored and returned as typed, markup and quotes included', async () => {
    const now = wall(t.clock.now()).startOf('minute');
    const note = `<script>alert("x")</script> O'Brien; drop table case_measure;`;
    const r = await client('vt.intake').post<{ id: string }>(`/api/cases/${h.caseId}/measures`, {
      kind: 'aware_alarm',
      members: [{ memberId: h.mother, part: 'subject' }],
      imposedAt: iso(now),
      decidedBy: 'police',
      category: 'team',
      note,
    });
    expect(r.status).toBe(201);
    const seen = (await listFor('wijkteam.nijmegen', h.caseId)).measures.find((m) => m.id === r.body.id);
    expect(seen?.note).toBe(note);
    expect(seen?.maximumEnd).toBeNull();
  });
});

describe('categories', () => {
  it('each reader sees the measures their categories allow; the rest is counted as withheld', async () => {
    const h = await openHousehold('Koster');
    const now = iso(wall(t.clock.now()).startOf('minute'));
    const vt = client('vt.intake');
    const impose = async (category: string) => {
      const r = await vt.post<{ id: string }>(`/api/cases/${h.caseId}/measures`, {
        kind: 'crisis_care',
        members: [{ memberId: h.child, part: 'subject' }],
        imposedAt: now,
        decidedBy: 'veilig_thuis',
        category,
      });
      expect(r.status).toBe(201);
      return r.body.id;
    };
    const team = await impose('team');
    const organisation = await impose('organisation');
    const health = await impose('health');
    const justice = await impose('justice');
    const seen = async (user: User) => (await listFor(user, h.caseId)).measures.map((m) => m.id).sort();
    // Same organisation as the recorder: everything.
    expect(await seen('vt.teamleider')).toEqual([team, organisation, health, justice].sort());
    // Police: team and justice, not health, not another organisation's internal notes.
    expect(await seen('politie.nijmegen')).toEqual([team, justice].sort());
    expect((await listFor('politie.nijmegen', h.caseId)).withheld).toBe(2);
    const local = await seen('wijkteam.nijmegen');
    expect(local).toContain(team);
    expect(local).not.toContain(organisation);
    expect(local).not.toContain(justice);
    // A hidden measure cannot be extended or lifted either: it answers as if it did not exist.
    const extend = await client('politie.nijmegen').post(`/api/cases/${h.caseId}/measures/${health}/lift`, {
      decidedBy: 'other',
      reason: 'Niet zichtbaar voor de politie.',
    });
    expect(extend.status).toBe(404);
    expect((await measureRow(health)).lifted_at).toBeNull();
  });
});

describe('reminders job and deadlines', () => {
  it('records the due reminder and the expiry once, however often it runs', async () => {
    const h = await openHousehold('Visser');
    const imposed = wall(t.clock.now()).minus({ days: 8 }).startOf('minute');
    const r = await client('politie.nijmegen').post<{ id: string; end: string }>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, imposed),
    );
    expect(r.status).toBe(201);
    const measureId = r.body.id;
    const reminders = () =>
      t.deps.db
        .selectFrom('case_measure_reminder')
        .select(['reminder_kind', 'days_before', 'due_at'])
        .where('measure_id', '=', measureId)
        .orderBy('due_at')
        .execute();
    const now = t.clock.now();
    await runMeasureReminders(t.deps.db, { slot: 'a', instance: 'test', now });
    await runMeasureReminders(t.deps.db, { slot: 'b', instance: 'test', now });
    expect((await reminders()).map((x) => [x.reminder_kind, x.days_before])).toEqual([['before_end', 3]]);
    const oneDay = imposed.plus({ days: 9, minutes: 5 }).toJSDate();
    await runMeasureReminders(t.deps.db, { slot: 'c', instance: 'test', now: oneDay });
    await runMeasureReminders(t.deps.db, { slot: 'd', instance: 'test', now: oneDay });
    const afterEnd = imposed.plus({ days: 10, minutes: 1 }).toJSDate();
    const first = await runMeasureReminders(t.deps.db, { slot: 'e', instance: 'test', now: afterEnd });
    const second = await runMeasureReminders(t.deps.db, { slot: 'f', instance: 'test', now: afterEnd });
    expect(first.expiries).toBeGreaterThanOrEqual(1);
    expect(second.expiries).toBe(0);
    const rows = await reminders();
    expect(rows.map((x) => [x.reminder_kind, x.days_before])).toEqual([
      ['before_end', 3],
      ['before_end', 1],
      ['expired', null],
    ]);
    expect(rows[2]?.due_at.getTime()).toBe(new Date(r.body.end).getTime());
    const listed = (await listFor('politie.nijmegen', h.caseId)).measures.find((m) => m.id === measureId);
    expect(listed?.reminders.map((x) => x.kind)).toEqual(['before_end', 'before_end', 'expired']);
  });

  it('an extension yields fresh reminders for the new end; a lifted measure gets none', async () => {
    const h = await openHousehold('Mulder');
    const imposed = wall(t.clock.now()).minus({ days: 8 }).startOf('minute');
    const police = client('politie.nijmegen');
    const order = await police.post<{ id: string }>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, imposed),
    );
    await runMeasureReminders(t.deps.db, { slot: 'g', instance: 'test', now: t.clock.now() });
    const extended = await police.post(`/api/cases/${h.caseId}/measures/${order.body.id}/extensions`, {
      newEnd: iso(imposed.plus({ days: 14 })),
      decidedBy: 'mayor',
      reason: 'Dreiging houdt aan.',
    });
    expect(extended.status).toBe(201);
    await runMeasureReminders(t.deps.db, {
      slot: 'h',
      instance: 'test',
      now: imposed.plus({ days: 11, minutes: 1 }).toJSDate(),
    });
    const rows = await t.deps.db
      .selectFrom('case_measure_reminder')
      .select(['days_before', 'end_at'])
      .where('measure_id', '=', order.body.id)
      .orderBy('due_at')
      .execute();
    expect(rows.map((x) => [x.days_before, x.end_at.getTime()])).toEqual([
      [3, imposed.plus({ days: 10 }).toMillis()],
      [3, imposed.plus({ days: 14 }).toMillis()],
    ]);
    const lifted = await police.post(`/api/cases/${h.caseId}/measures/${order.body.id}/lift`, {
      decidedBy: 'court',
      reason: 'Voorzieningenrechter heft het huisverbod op.',
    });
    expect(lifted.status).toBe(200);
    const result = await runMeasureReminders(t.deps.db, {
      slot: 'i',
      instance: 'test',
      now: imposed.plus({ days: 15 }).toJSDate(),
    });
    const after = await t.deps.db
      .selectFrom('case_measure_reminder')
      .select('id')
      .where('measure_id', '=', order.body.id)
      .execute();
    expect(after).toHaveLength(2);
    expect(result.examined).toBeGreaterThanOrEqual(0);
  });

  it('listMeasureDeadlines: measures ending in the window on my cases, as my categories allow', async () => {
    const h = await openHousehold('Bos');
    const now = wall(t.clock.now()).startOf('minute');
    const order = await client('politie.nijmegen').post<{ id: string; end: string }>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, now),
    );
    const icm = await client('wijkteam.nijmegen').post<{ id: string }>(`/api/cases/${h.caseId}/measures`, {
      kind: 'crisis_care',
      members: [{ memberId: h.child, part: 'subject' }],
      imposedAt: iso(now.minus({ weeks: 5 })),
      decidedBy: 'care_provider',
      category: 'team',
    });
    expect(icm.status).toBe(201);
    const window = { from: now.toJSDate(), to: now.plus({ days: 11 }).toJSDate() };
    const police = await userAndOrganisation('politie.nijmegen');
    const local = await userAndOrganisation('wijkteam.nijmegen');
    const outsider = await userAndOrganisation('regisseur.nijmegen');
    const ids = async (who: { userId: string; organisationId: string }) =>
      (await listMeasureDeadlines(t.deps.db, { ...who, ...window })).map((d) => d.measureId);
    expect(await ids(police)).toEqual(expect.arrayContaining([order.body.id, icm.body.id]));
    const forLocal = await ids(local);
    expect(forLocal).toContain(icm.body.id);
    expect(forLocal).not.toContain(order.body.id);
    expect(await ids(outsider)).not.toContain(icm.body.id);
    const deadline = (await listMeasureDeadlines(t.deps.db, { ...police, ...window })).find(
      (d) => d.measureId === order.body.id,
    );
    expect(deadline).toMatchObject({ caseId: h.caseId, kind: 'restraining_order', category: 'justice' });
    expect(deadline?.end.getTime()).toBe(new Date(order.body.end).getTime());
    const later = { from: now.plus({ days: 11 }).toJSDate(), to: now.plus({ days: 30 }).toJSDate() };
    expect(
      (await listMeasureDeadlines(t.deps.db, { ...police, ...later })).map((d) => d.measureId),
    ).not.toContain(order.body.id);
  });
});

describe('authorization of every measure endpoint', () => {
  let h: Household;
  let orderId: string;
  let liftedId: string;
  let icmId: string;

  beforeAll(async () => {
    h = await openHousehold('Matrix');
    const now = wall(t.clock.now()).startOf('minute');
    const order = await client('politie.nijmegen').post<{ id: string }>(
      `/api/cases/${h.caseId}/measures`,
      orderInput(h, now),
    );
    orderId = order.body.id;
    const icm = await client('wijkteam.nijmegen').post<{ id: string }>(`/api/cases/${h.caseId}/measures`, {
      kind: 'intensive_case_management',
      members: [{ memberId: h.mother, part: 'subject' }],
      imposedAt: iso(now),
      decidedBy: 'local_team',
      category: 'team',
    });
    icmId = icm.body.id;
    const lifted = await client('wijkteam.nijmegen').post<{ id: string }>(`/api/cases/${h.caseId}/measures`, {
      kind: 'shelter_stay',
      members: [{ memberId: h.mother, part: 'subject' }],
      imposedAt: iso(now),
      decidedBy: 'shelter',
      category: 'team',
    });
    liftedId = lifted.body.id;
    await client('wijkteam.nijmegen').post(`/api/cases/${h.caseId}/measures/${liftedId}/lift`, {
      decidedBy: 'shelter',
      reason: 'Terug naar huis met afspraken.',
    });
  });

  const unknownMember = '00000000-0000-4000-8000-000000000000';
  const ENDPOINTS = {
    list: (c: ApiClient) => c.get(`/api/cases/${h.caseId}/measures`),
    imposeIcm: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/measures`, {
        kind: 'intensive_case_management',
        members: [{ memberId: unknownMember, part: 'subject' }],
        imposedAt: '2024-01-05T10:00:00+01:00',
        decidedBy: 'local_team',
        category: 'team',
      }),
    imposeOrder: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/measures`, {
        kind: 'restraining_order',
        members: [{ memberId: unknownMember, part: 'subject' }],
        imposedAt: '2024-01-05T10:00:00+01:00',
        decidedBy: 'mayor',
        category: 'justice',
      }),
    extendOrder: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/measures/${orderId}/extensions`, {
        newEnd: '2099-01-01T00:00:00+01:00',
        decidedBy: 'mayor',
        reason: 'Veel te lang.',
      }),
    liftOrder: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/measures/${orderId}/lift`, {
        decidedBy: 'police',
        reason: 'Niet bevoegd.',
      }),
    extendIcm: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/measures/${icmId}/extensions`, {
        newEnd: '2099-01-01T00:00:00+01:00',
        decidedBy: 'local_team',
        reason: 'Langer dan een jaar.',
      }),
    liftLifted: (c: ApiClient) =>
      c.post(`/api/cases/${h.caseId}/measures/${liftedId}/lift`, {
        decidedBy: 'shelter',
        reason: 'Nogmaals.',
      }),
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;

  // Allowed callers reach the rules: 400 unknown member, 422 past the maximum / wrong authority /
  // already lifted. Police and VT record orders; the local team member does not see the justice
  // order (404) and may not record one (403).
  const orderRecorder: Record<Endpoint, number> = {
    list: 200,
    imposeIcm: 400,
    imposeOrder: 400,
    extendOrder: 422,
    liftOrder: 422,
    extendIcm: 422,
    liftLifted: 422,
  };
  const localTeam = { ...orderRecorder, imposeOrder: 403, extendOrder: 404, liftOrder: 404 };
  const everything = (status: number) =>
    Object.fromEntries(Object.keys(ENDPOINTS).map((k) => [k, status])) as Record<Endpoint, number>;

  const EXPECTED: Record<User, Record<Endpoint, number>> = {
    'wijkteam.nijmegen': localTeam,
    'vt.intake': orderRecorder,
    'vt.teamleider': orderRecorder,
    'politie.nijmegen': orderRecorder,
    // Same organisation as the coordinator, but not in the team: access is per person.
    'regisseur.nijmegen': everything(404),
    'wijkteam.tiel': everything(404),
    'beleid.regio': everything(403),
    'beheer.regio': everything(403),
    'privacy.regio': everything(403),
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

  it('nothing changed by all those calls, and refusals to outsiders are audited', async () => {
    expect(await extensionCount(orderId)).toBe(0);
    expect(await extensionCount(icmId)).toBe(0);
    expect((await measureRow(orderId)).lifted_at).toBeNull();
    const measures = await t.deps.db
      .selectFrom('case_measure')
      .select('id')
      .where('case_id', '=', h.caseId)
      .execute();
    expect(measures).toHaveLength(3);
    const denied = await t.deps.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', h.caseId)
      .where('outcome', '=', 'denied')
      .where('action', 'like', 'case.measure.%')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('writes without the CSRF token are refused', async () => {
    const r = await client('politie.nijmegen').request(
      'POST',
      `/api/cases/${h.caseId}/measures/${orderId}/lift`,
      { decidedBy: 'mayor', reason: 'Zonder token.' },
      { csrf: false },
    );
    expect(r.status).toBe(403);
    expect((await measureRow(orderId)).lifted_at).toBeNull();
  });
});

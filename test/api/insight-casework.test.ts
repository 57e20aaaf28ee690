import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, shareColumn } from '../../src/domain/insight/indicator-facts.ts';
import type { InsightCounts } from '../../src/domain/insight/quarter-summary.ts';
import type { QuarterKey } from '../../src/domain/insight/quarters.ts';
import { loadInsightCounts } from '../../src/modules/insight/store.ts';
import { insertReport, insightRegion, type RecordPerson } from '../support/insight-records.ts';
import { signIn, startTestApp, type TestApp } from '../support/test-app.ts';

// The casework indicators of issue 5 on hand-made records with known answers: what followed a
// closure (6, 12, 18 months), violence stopped, experience experts, perpetrator help, handover
// acceptance and measures. Each block changes a record after the summary was computed and checks
// that the next read has the change (the triggers of migration 0021).
let t: TestApp;
let regionId: number;
let codes: string[];
let userId: string;
let organisationId: string;
let otherOrganisationId: string;
let serial = 0;

const NIJMEGEN = 'GM0268';
const TIEL = 'GM0281';

type Person = RecordPerson;

const counts = (years: number[] = [2023]): Promise<InsightCounts> =>
  loadInsightCounts(t.deps.db, { id: regionId, codes }, years, t.deps.now());

const yesNo = (map: Map<string, number>, municipality: string, quarter: QuarterKey) => [
  map.get(cellKey(municipality, shareColumn(quarter, 'yes'))) ?? 0,
  map.get(cellKey(municipality, shareColumn(quarter, 'no'))) ?? 0,
];

async function addReport(municipality: string, receivedAt: string, person: Person, endedAt?: string) {
  serial += 1;
  return insertReport(t.deps.db, {
    reference: `CW-${serial}`,
    regionId,
    municipality,
    receivedAt,
    person,
    endedAt: endedAt ?? null,
  });
}

async function addCase(municipality: string, openedAt: string, members: Person[] = []) {
  serial += 1;
  const c = await t.deps.db
    .insertInto('household_case')
    .values({
      reference: `CW-C${serial}`,
      region_id: regionId,
      municipality_code: municipality,
      coordinator_user_id: userId,
      coordinator_organisation_id: organisationId,
      opened_by_user_id: userId,
      opened_at: new Date(openedAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const memberIds: string[] = [];
  for (const [position, m] of members.entries()) {
    const row = await t.deps.db
      .insertInto('case_member')
      .values({
        case_id: c.id,
        position,
        full_name: m.name,
        date_of_birth: m.dateOfBirth,
        role: 'perpetrator',
        bsn_hash: m.bsnHash ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    memberIds.push(row.id);
  }
  return { id: c.id, memberIds };
}

async function closeCase(caseId: string, closedAt: string) {
  await t.deps.db
    .updateTable('household_case')
    .set({ closed_at: new Date(closedAt), phase: 'closed' })
    .where('id', '=', caseId)
    .execute();
  const closure = await t.deps.db
    .insertInto('case_closure')
    .values({
      case_id: caseId,
      reason_code: 'safety_stable',
      explanation: 'Veilig',
      closed_by_user_id: userId,
      organisation_id: organisationId,
      closed_at: new Date(closedAt),
      letter_subject: 'Afsluiting',
      letter_paragraphs: ['Beste'],
      letter_protected_passages: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return closure.id;
}

async function addSupport(
  caseId: string,
  kind: 'perpetrator_help' | 'experience_expert',
  offeredAt: string,
  memberId: string | null,
  outcome: 'used' | 'declined' | null,
) {
  const row = await t.deps.db
    .insertInto('case_support')
    .values({
      case_id: caseId,
      kind,
      member_id: memberId,
      provider: 'Aanbieder',
      category: 'team',
      offered_at: new Date(offeredAt),
      outcome,
      outcome_at: outcome ? new Date(offeredAt) : null,
      outcome_recorded_by_user_id: outcome ? userId : null,
      recorded_by_user_id: userId,
      organisation_id: organisationId,
      recorded_at: new Date(offeredAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addMeasure(
  caseId: string,
  kind: string,
  imposedAt: string,
  endAt: string,
  liftedAt: string | null = null,
) {
  const row = await t.deps.db
    .insertInto('case_measure')
    .values({
      case_id: caseId,
      kind,
      category: 'team',
      imposed_at: new Date(imposedAt),
      decided_by: 'mayor',
      end_at: new Date(endAt),
      lifted_at: liftedAt ? new Date(liftedAt) : null,
      recorded_by_user_id: userId,
      organisation_id: organisationId,
      recorded_at: new Date(imposedAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function extend(measureId: string, previousEnd: string, newEnd: string) {
  await t.deps.db
    .insertInto('case_measure_extension')
    .values({
      measure_id: measureId,
      previous_end_at: new Date(previousEnd),
      new_end_at: new Date(newEnd),
      reason: 'Verlengd',
      decided_by: 'mayor',
      recorded_by_user_id: userId,
      organisation_id: organisationId,
      recorded_at: new Date(previousEnd),
    })
    .execute();
}

async function addHandover(caseId: string, proposedAt: string, acceptedAt: string | null) {
  const h = await t.deps.db
    .insertInto('case_handover')
    .values({
      case_id: caseId,
      subject: 'task',
      task_description: 'Taak',
      summary: 'Overdracht',
      warm: true,
      from_organisation_id: otherOrganisationId,
      from_user_id: userId,
      to_organisation_id: organisationId,
      status: acceptedAt ? 'accepted' : 'declined',
      proposed_at: new Date(proposedAt),
      response_due_at: new Date(new Date(proposedAt).getTime() + 5 * 86_400_000),
      decided_at: new Date(acceptedAt ?? proposedAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.deps.db
    .insertInto('case_handover_event')
    .values([
      {
        handover_id: h.id,
        position: 0,
        action: 'propose',
        to_status: 'proposed',
        occurred_at: new Date(proposedAt),
      },
      {
        handover_id: h.id,
        position: 1,
        action: acceptedAt ? 'accept' : 'decline',
        from_status: 'proposed',
        to_status: acceptedAt ? 'accepted' : 'declined',
        occurred_at: new Date(acceptedAt ?? proposedAt),
      },
    ])
    .execute();
  return h.id;
}

beforeAll(async () => {
  t = await startTestApp();
  ({ regionId, codes, userId, organisationId } = await insightRegion(t));
  const other = await t.deps.db
    .selectFrom('organisation')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', '<>', organisationId)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  otherOrganisationId = other.id;
});
afterAll(async () => {
  await t.close();
});

describe('what followed a closure', () => {
  const p = (n: number, bsnHash?: string): Person => ({
    name: `Gesloten Persoon ${n}`,
    dateOfBirth: `1980-01-${String(10 + n).padStart(2, '0')}`,
    ...(bsnHash ? { bsnHash } : {}),
  });
  let firstClosure = '';

  it('counts new reports within 6, 12 and 18 months after closing, and experience experts', async () => {
    const c1 = await addCase(NIJMEGEN, '2022-10-01T10:00:00Z', [p(1, 'closure-bsn-1')]);
    firstClosure = await closeCase(c1.id, '2023-02-15T10:00:00Z');
    // Same BSN key under another name, 2.5 months later: within 6 months.
    await addReport(TIEL, '2023-05-01T10:00:00Z', { ...p(1, 'closure-bsn-1'), name: 'Andere Naam' });
    const c2 = await addCase(NIJMEGEN, '2022-10-02T10:00:00Z', [p(2)]);
    await closeCase(c2.id, '2023-02-20T10:00:00Z');
    await addSupport(c2.id, 'experience_expert', '2022-12-01T10:00:00Z', null, 'declined');
    // Same name (other spacing and case) and date of birth, 9.5 months later: within 12 months.
    await addReport(NIJMEGEN, '2023-12-01T10:00:00Z', { ...p(2), name: 'gesloten  persoon 2' });
    const c3 = await addCase(NIJMEGEN, '2022-10-03T10:00:00Z', [p(3)]);
    await closeCase(c3.id, '2023-03-01T10:00:00Z');
    await addReport(NIJMEGEN, '2024-06-01T10:00:00Z', p(3)); // 15 months: within 18 only
    const c4 = await addCase(NIJMEGEN, '2022-10-04T10:00:00Z', [p(4)]);
    await closeCase(c4.id, '2023-03-10T10:00:00Z');
    await addReport(NIJMEGEN, '2025-01-01T10:00:00Z', p(4)); // 22 months: none
    const c5 = await addCase(NIJMEGEN, '2022-10-05T10:00:00Z', [p(5)]);
    const undone = await closeCase(c5.id, '2023-03-20T10:00:00Z');
    await t.deps.db
      .insertInto('case_reopening')
      .values({
        case_id: c5.id,
        closure_id: undone,
        reason: 'Opnieuw zorgen',
        to_phase: 'stable_safety',
        reopened_by_user_id: userId,
        organisation_id: organisationId,
        reopened_at: new Date('2023-04-01T10:00:00Z'),
      })
      .execute();
    const c6 = await addCase(NIJMEGEN, '2022-10-06T10:00:00Z', [p(6)]);
    await addReport(NIJMEGEN, '2022-12-01T10:00:00Z', p(6)); // before the closure: not after it
    await addSupport(c6.id, 'experience_expert', '2022-11-01T10:00:00Z', null, 'used');
    await closeCase(c6.id, '2023-01-10T10:00:00Z');

    const c = await counts();
    // Five closures count (the reopened one does not).
    expect(yesNo(c.reportAfterClosure['6m'], NIJMEGEN, '2023-Q1')).toEqual([1, 4]);
    expect(yesNo(c.reportAfterClosure['12m'], NIJMEGEN, '2023-Q1')).toEqual([2, 3]);
    expect(yesNo(c.reportAfterClosure['18m'], NIJMEGEN, '2023-Q1')).toEqual([3, 2]);
    expect(yesNo(c.experienceExpert, NIJMEGEN, '2023-Q1')).toEqual([1, 4]);
  });

  it('recomputes when a later report arrives, a closure is undone or an expert joins', async () => {
    await counts();
    await addReport(TIEL, '2024-07-01T10:00:00Z', p(4)); // 16 months after case 4's closure
    let c = await counts();
    expect(yesNo(c.reportAfterClosure['18m'], NIJMEGEN, '2023-Q1')).toEqual([4, 1]);
    expect(yesNo(c.reportAfterClosure['12m'], NIJMEGEN, '2023-Q1')).toEqual([2, 3]);
    const closure = await t.deps.db
      .selectFrom('case_closure')
      .select('case_id')
      .where('id', '=', firstClosure)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('case_reopening')
      .values({
        case_id: closure.case_id,
        closure_id: firstClosure,
        reason: 'Toch niet veilig',
        to_phase: 'stable_safety',
        reopened_by_user_id: userId,
        organisation_id: organisationId,
        reopened_at: new Date('2023-06-01T10:00:00Z'),
      })
      .execute();
    await addSupport(closure.case_id, 'experience_expert', '2023-01-01T10:00:00Z', null, 'used');
    c = await counts();
    expect(yesNo(c.reportAfterClosure['6m'], NIJMEGEN, '2023-Q1')).toEqual([0, 4]);
    expect(yesNo(c.reportAfterClosure['18m'], NIJMEGEN, '2023-Q1')).toEqual([3, 1]);
    expect(yesNo(c.experienceExpert, NIJMEGEN, '2023-Q1')).toEqual([1, 3]);
  });
});

describe('violence stopped: no new report within 12 months after the involvement ended', () => {
  const q = (n: number): Person => ({
    name: `Gestopt ${n}`,
    dateOfBirth: '1970-06-06',
    bsnHash: `stop-${n}`,
  });
  let secondReport = '';

  it('counts the reports whose involvement ended in the quarter', async () => {
    await addReport(TIEL, '2023-03-01T10:00:00Z', q(1), '2023-04-10T10:00:00Z');
    await addReport(TIEL, '2023-10-01T10:00:00Z', q(1)); // within 12 months: not stopped
    secondReport = await addReport(TIEL, '2023-03-02T10:00:00Z', q(2), '2023-05-01T10:00:00Z');
    await addReport(TIEL, '2024-06-01T10:00:00Z', q(2)); // 13 months: stopped
    await addReport(TIEL, '2023-03-03T10:00:00Z', q(3), '2023-06-01T10:00:00Z');
    const c = await counts();
    expect(yesNo(c.violenceStopped, TIEL, '2023-Q2')).toEqual([2, 1]);
  });

  it('recomputes when a new report about the same person arrives, or the end moves', async () => {
    await addReport(NIJMEGEN, '2024-01-01T10:00:00Z', q(3));
    let c = await counts();
    expect(yesNo(c.violenceStopped, TIEL, '2023-Q2')).toEqual([1, 2]);
    // The second report's involvement ended later after all (2023-Q3): 2024-06-01 is within 12 months.
    await t.deps.db
      .updateTable('report')
      .set({ involvement_ended_at: new Date('2023-07-01T10:00:00Z') })
      .where('id', '=', secondReport)
      .execute();
    c = await counts();
    expect(yesNo(c.violenceStopped, TIEL, '2023-Q2')).toEqual([0, 2]);
    expect(yesNo(c.violenceStopped, TIEL, '2023-Q3')).toEqual([0, 1]);
  });
});

describe('perpetrator help, handovers and measures', () => {
  it('counts perpetrator help offered and used, and an answer given later', async () => {
    const c1 = await addCase(TIEL, '2023-09-01T10:00:00Z', [
      { name: 'Pleger Een', dateOfBirth: '1979-09-09' },
    ]);
    const member = c1.memberIds[0] ?? '';
    await addSupport(c1.id, 'perpetrator_help', '2023-10-02T10:00:00Z', member, 'used');
    await addSupport(c1.id, 'perpetrator_help', '2023-10-03T10:00:00Z', member, 'declined');
    const open = await addSupport(c1.id, 'perpetrator_help', '2023-11-03T10:00:00Z', member, null);
    expect(yesNo((await counts()).perpetratorHelp, TIEL, '2023-Q4')).toEqual([1, 2]);
    await t.deps.db
      .updateTable('case_support')
      .set({
        outcome: 'used',
        outcome_at: new Date('2023-11-20T10:00:00Z'),
        outcome_recorded_by_user_id: userId,
      })
      .where('id', '=', open)
      .execute();
    expect(yesNo((await counts()).perpetratorHelp, TIEL, '2023-Q4')).toEqual([2, 1]);
  });

  it('takes the median days from proposal to acceptance of the handovers accepted in the quarter', async () => {
    const c = await addCase(NIJMEGEN, '2023-06-01T10:00:00Z');
    await addHandover(c.id, '2023-07-03T08:00:00Z', '2023-07-05T08:00:00Z');
    await addHandover(c.id, '2023-07-10T08:00:00Z', '2023-07-14T08:00:00Z');
    await addHandover(c.id, '2023-07-11T08:00:00Z', null); // declined: not counted
    expect((await counts()).handoverAcceptance.get('2023-Q3')).toEqual({ n: 2, median: 3 });
    await addHandover(c.id, '2023-08-01T08:00:00Z', '2023-08-11T08:00:00Z');
    expect((await counts()).handoverAcceptance.get('2023-Q3')).toEqual({ n: 3, median: 4 });
  });

  it('counts restraining orders with their extensions, crisis care and shelter stays with their length', async () => {
    const c = await addCase(NIJMEGEN, '2023-09-01T10:00:00Z');
    const order = await addMeasure(c.id, 'restraining_order', '2023-10-02T10:00:00Z', '2023-10-12T10:00:00Z');
    await extend(order, '2023-10-12T10:00:00Z', '2023-10-30T10:00:00Z');
    const second = await addMeasure(
      c.id,
      'restraining_order',
      '2023-11-02T10:00:00Z',
      '2023-11-12T10:00:00Z',
    );
    await addMeasure(c.id, 'crisis_care', '2023-11-05T10:00:00Z', '2023-12-17T10:00:00Z');
    await addMeasure(c.id, 'shelter_stay', '2023-10-01T10:00:00Z', '2024-01-01T10:00:00Z'); // 92 days
    await addMeasure(
      c.id,
      'shelter_stay',
      '2023-11-01T10:00:00Z',
      '2024-02-01T10:00:00Z',
      '2023-11-11T10:00:00Z',
    ); // lifted after 10
    await addMeasure(c.id, 'aware_alarm', '2023-11-01T10:00:00Z', '2024-02-01T10:00:00Z'); // no indicator
    let n = await counts();
    expect(n.restrainingOrders.get(cellKey(NIJMEGEN, '2023-Q4'))).toBe(2);
    expect(yesNo(n.restrainingOrderExtensions, NIJMEGEN, '2023-Q4')).toEqual([1, 1]);
    expect(n.crisisCare.get(cellKey(NIJMEGEN, '2023-Q4'))).toBe(1);
    expect(n.shelterStays.get(cellKey(NIJMEGEN, '2023-Q4'))).toBe(2);
    expect(n.shelterStayLength.get('2023-Q4')).toEqual({ n: 2, median: 51 });
    await extend(second, '2023-11-12T10:00:00Z', '2023-11-26T10:00:00Z');
    n = await counts();
    expect(yesNo(n.restrainingOrderExtensions, NIJMEGEN, '2023-Q4')).toEqual([2, 0]);
  });

  it('moves every casework figure with a case that moves to another municipality', async () => {
    const c = await addCase(NIJMEGEN, '2023-09-01T10:00:00Z', [
      { name: 'Verhuisd', dateOfBirth: '1985-05-05' },
    ]);
    await addMeasure(c.id, 'crisis_care', '2023-12-01T10:00:00Z', '2023-12-20T10:00:00Z');
    await addSupport(c.id, 'perpetrator_help', '2023-12-02T10:00:00Z', c.memberIds[0] ?? null, 'used');
    const before = await counts();
    await t.deps.db
      .updateTable('household_case')
      .set({ municipality_code: TIEL })
      .where('id', '=', c.id)
      .execute();
    const after = await counts();
    expect(after.crisisCare.get(cellKey(NIJMEGEN, '2023-Q4'))).toBe(
      (before.crisisCare.get(cellKey(NIJMEGEN, '2023-Q4')) ?? 0) - 1,
    );
    expect(after.crisisCare.get(cellKey(TIEL, '2023-Q4'))).toBe(1);
    expect(yesNo(after.perpetratorHelp, TIEL, '2023-Q4')).toEqual([3, 1]);
  });
});

describe('on the dashboard', () => {
  it('publishes the casework indicators through the gate, with their follow-up and ambition', async () => {
    const advisor = await signIn(t, 'beleid.regio');
    const year = new Date().getUTCFullYear();
    const r = await advisor.get<{
      sections: {
        kind: string;
        indicator: string;
        maturity?: { months: number; countedUpTo: string | null };
        ambition?: { value: number };
        trend?: { quarter: string }[];
        rows?: { key: string; yes: { suppressed: boolean } }[];
      }[];
    }>(`/api/insight/dashboard?from=2023-Q1&to=${year}-Q4`);
    expect(r.status).toBe(200);
    const byCode = new Map(r.body.sections.map((s) => [s.indicator, s]));
    for (const code of [
      'process.handover_acceptance_time',
      'outcome.report_after_closure_6m',
      'outcome.report_after_closure_12m',
      'outcome.report_after_closure_18m',
      'outcome.violence_stopped',
      'outcome.experience_expert_share',
      'outcome.perpetrator_help',
      'measures.restraining_orders',
      'measures.restraining_order_extensions',
      'measures.crisis_care',
      'measures.shelter_stays',
      'measures.shelter_stay_length',
    ])
      expect(byCode.has(code), code).toBe(true);
    const six = byCode.get('outcome.report_after_closure_6m');
    const eighteen = byCode.get('outcome.report_after_closure_18m');
    expect(six?.maturity?.months).toBe(6);
    expect(eighteen?.maturity?.months).toBe(18);
    // The running quarter has had no follow-up yet: never counted, never in the trend.
    expect(six?.maturity?.countedUpTo).not.toBe(`${year}-Q4`);
    expect((six?.maturity?.countedUpTo ?? '') >= (eighteen?.maturity?.countedUpTo ?? '')).toBe(true);
    for (const point of eighteen?.trend ?? [])
      expect(point.quarter <= (eighteen?.maturity?.countedUpTo ?? '')).toBe(true);
    expect(byCode.get('outcome.violence_stopped')?.ambition?.value).toBe(70);
    // Small hand-made counts: below the threshold of 5, so hidden.
    const tiel = byCode.get('outcome.perpetrator_help')?.rows?.find((x) => x.key === TIEL);
    expect(tiel?.yes.suppressed).toBe(true);
    // Nobody is named.
    expect(JSON.stringify(r.body)).not.toContain('Pleger Een');
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM, isWorkingDay } from '../working-days.ts';
import {
  computeWorkingDayDeadline,
  currentHandoverDeadline,
  type EscalationLevel,
  HANDOVER_REFUSALS,
  HANDOVER_TRANSITIONS,
  type Handover,
  type HandoverAction,
  type HandoverActor,
  type HandoverResult,
  type HandoverStatus,
  OPEN_HANDOVER_STATUSES,
  proposeHandover,
  recordJointContact,
  sortEscalationAgreement,
  transitionHandover,
} from './handover.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();
const local = (date: Date | null) =>
  date === null ? null : DateTime.fromJSDate(date, { zone: AMSTERDAM }).toISO();

const SENDER: HandoverActor = { kind: 'organisation', organisationId: 'veilig-thuis-gz' };
const RECEIVER: HandoverActor = { kind: 'organisation', organisationId: 'wijkteam-nijmegen-oost' };
const THIRD: HandoverActor = { kind: 'organisation', organisationId: 'politie-oost-nl' };
const SYSTEM: HandoverActor = { kind: 'system' };

const AGREEMENT: EscalationLevel[] = [
  { level: 1, role: 'Teamleiders van beide organisaties', responseWorkingDays: 2 },
  { level: 2, role: 'Managers', responseWorkingDays: 3 },
  { level: 3, role: 'Regionaal directeurenoverleg', responseWorkingDays: 5 },
];

function unwrap(result: HandoverResult): Handover {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.handover;
}

function propose(proposedAt: string, warm = false, responseWorkingDays = 2): Handover {
  return unwrap(
    proposeHandover({
      fromOrganisationId: 'veilig-thuis-gz',
      toOrganisationId: 'wijkteam-nijmegen-oost',
      warm,
      proposedAt: at(proposedAt),
      responseWorkingDays,
    }),
  );
}

function step(h: Handover, action: HandoverAction, actor: HandoverActor, now: string): HandoverResult {
  return transitionHandover(h, action, actor, at(now), AGREEMENT);
}

const codeOf = (result: HandoverResult) => (result.ok ? 'ok' : result.code);

describe('response deadline in Dutch working days', () => {
  it.each([
    [
      '2026-04-23T10:00',
      2,
      '2026-04-28T23:59:59.999+02:00',
      "Thursday: Friday, then King's Day Monday skipped → Tuesday",
    ],
    ['2026-04-02T10:00', 2, '2026-04-07T23:59:59.999+02:00', 'Good Friday counts, Easter Monday does not'],
    ['2026-05-22T10:00', 1, '2026-05-26T23:59:59.999+02:00', 'Whit Monday skipped'],
    ['2026-05-04T10:00', 1, '2026-05-06T23:59:59.999+02:00', 'Liberation Day skipped'],
    ['2026-05-13T10:00', 1, '2026-05-15T23:59:59.999+02:00', 'Ascension Day skipped'],
    ['2026-12-23T16:00', 2, '2026-12-28T23:59:59.999+01:00', 'Christmas Day skipped, Boxing Day on Saturday'],
    ['2026-12-31T09:00', 1, '2027-01-04T23:59:59.999+01:00', "New Year's Day skipped"],
    ['2026-11-23T10:00', 0, '2026-11-23T23:59:59.999+01:00', 'zero days: the end of the same day'],
  ])('proposed %s with %i working days: due %s (%s)', (proposed, days, due) => {
    const h = propose(proposed, false, days);
    expect(local(h.responseDueAt)).toBe(due);
  });
  it('the deadline ends at midnight Amsterdam time right after the switch to summer time', () => {
    const h = propose('2026-03-27T10:00', false, 1);
    expect(h.responseDueAt.toISOString()).toBe('2026-03-30T21:59:59.999Z');
  });
  it('a new proposal has no escalation, resolution or decision yet', () => {
    const h = propose('2026-11-23T10:00');
    expect(h).toMatchObject({
      status: 'proposed',
      jointContactAt: null,
      reason: null,
      escalationLevel: null,
      escalationDueAt: null,
      resolution: null,
      decidedAt: null,
    });
  });
  it('an organisation cannot hand over to itself', () => {
    const result = proposeHandover({
      fromOrganisationId: 'x',
      toOrganisationId: 'x',
      warm: false,
      proposedAt: at('2026-11-23T10:00'),
      responseWorkingDays: 2,
    });
    expect(codeOf(result)).toBe('same_organisation');
  });
});

describe('escalation along the regional agreement', () => {
  it('climbs level by level with working-day deadlines around King’s Day, Liberation Day and Ascension', () => {
    const h = propose('2026-04-23T10:00');
    const reason = { type: 'escalate', reason: 'Geen reactie binnen de termijn' } as const;
    expect(codeOf(step(h, reason, SYSTEM, '2026-04-28T23:59'))).toBe('response_deadline_not_passed');

    const level1 = unwrap(step(h, reason, SYSTEM, '2026-04-29T00:00'));
    expect(level1.status).toBe('escalated');
    expect(level1.escalationLevel).toBe(1);
    expect(local(level1.escalationDueAt)).toBe('2026-05-01T23:59:59.999+02:00');

    expect(codeOf(step(level1, reason, SENDER, '2026-05-01T23:59'))).toBe('escalation_deadline_not_passed');
    const level2 = unwrap(step(level1, reason, SENDER, '2026-05-04T09:00'));
    expect(level2.escalationLevel).toBe(2);
    expect(local(level2.escalationDueAt)).toBe('2026-05-08T23:59:59.999+02:00');

    const level3 = unwrap(step(level2, reason, RECEIVER, '2026-05-11T09:00'));
    expect(level3.escalationLevel).toBe(3);
    expect(local(level3.escalationDueAt)).toBe('2026-05-19T23:59:59.999+02:00');

    expect(codeOf(step(level3, reason, SYSTEM, '2026-05-20T09:00'))).toBe('no_higher_escalation_level');
  });
  it('a decline escalates at once, across Christmas', () => {
    const h = propose('2026-12-21T10:00');
    const declined = unwrap(
      step(h, { type: 'decline', reason: 'Geen capaciteit' }, RECEIVER, '2026-12-23T11:00'),
    );
    expect(declined).toMatchObject({ status: 'declined', reason: 'Geen capaciteit' });
    const escalated = unwrap(
      step(declined, { type: 'escalate', reason: 'Wij zijn het niet eens' }, SENDER, '2026-12-23T15:00'),
    );
    expect(escalated.escalationLevel).toBe(1);
    expect(local(escalated.escalationDueAt)).toBe('2026-12-28T23:59:59.999+01:00');
  });
  it('uses the lowest level first whatever order the configuration lists them in', () => {
    const declined = unwrap(
      step(propose('2026-11-23T10:00'), { type: 'decline', reason: 'Nee' }, RECEIVER, '2026-11-23T11:00'),
    );
    const escalated = unwrap(
      transitionHandover(
        declined,
        { type: 'escalate', reason: 'Oneens' },
        SENDER,
        at('2026-11-23T12:00'),
        [...AGREEMENT].reverse(),
      ),
    );
    expect(escalated.escalationLevel).toBe(1);
    expect(local(escalated.escalationDueAt)).toBe('2026-11-25T23:59:59.999+01:00');
  });
  it('with an empty agreement there is nowhere to escalate to', () => {
    const declined = unwrap(
      step(propose('2026-11-23T10:00'), { type: 'decline', reason: 'Nee' }, RECEIVER, '2026-11-23T11:00'),
    );
    const result = transitionHandover(
      declined,
      { type: 'escalate', reason: 'Oneens' },
      SENDER,
      at('2026-11-23T12:00'),
      [],
    );
    expect(codeOf(result)).toBe('no_higher_escalation_level');
  });
  it('levels may skip numbers: the next configured level is used', () => {
    const agreement = [
      { level: 1, role: 'Teamleiders', responseWorkingDays: 1 },
      { level: 5, role: 'Directie', responseWorkingDays: 1 },
    ];
    const declined = unwrap(
      step(propose('2026-11-23T10:00'), { type: 'decline', reason: 'Nee' }, RECEIVER, '2026-11-23T11:00'),
    );
    const l1 = unwrap(
      transitionHandover(
        declined,
        { type: 'escalate', reason: 'Oneens' },
        SENDER,
        at('2026-11-23T12:00'),
        agreement,
      ),
    );
    const l5 = unwrap(
      transitionHandover(
        l1,
        { type: 'escalate', reason: 'Verder' },
        SENDER,
        at('2026-11-25T00:00'),
        agreement,
      ),
    );
    expect([l1.escalationLevel, l5.escalationLevel]).toEqual([1, 5]);
  });
  it.each([
    [
      [
        { level: 1, role: 'a', responseWorkingDays: 2 },
        { level: 1, role: 'b', responseWorkingDays: 2 },
      ],
    ],
    [[{ level: 0, role: 'a', responseWorkingDays: 2 }]],
    [[{ level: 1.5, role: 'a', responseWorkingDays: 2 }]],
    [[{ level: 1, role: 'a', responseWorkingDays: -1 }]],
    [[{ level: 1, role: 'a', responseWorkingDays: 0.5 }]],
  ])('rejects the misconfigured agreement %j', (agreement) => {
    expect(() => sortEscalationAgreement(agreement)).toThrow(RangeError);
  });
});

describe('who may do what', () => {
  const proposed = propose('2026-11-23T10:00');
  const overdueTime = '2026-11-26T09:00';
  const declined = unwrap(step(proposed, { type: 'decline', reason: 'Nee' }, RECEIVER, '2026-11-24T10:00'));
  const escalated = unwrap(
    step(declined, { type: 'escalate', reason: 'Oneens' }, SENDER, '2026-11-24T11:00'),
  );
  const actors = { sender: SENDER, receiver: RECEIVER, third: THIRD, system: SYSTEM } as const;
  type ActorName = keyof typeof actors;

  it.each([
    [
      'accept',
      proposed,
      { type: 'accept' },
      { sender: 'receiver_only', receiver: 'ok', third: 'receiver_only', system: 'receiver_only' },
    ],
    [
      'decline',
      proposed,
      { type: 'decline', reason: 'Nee' },
      { sender: 'receiver_only', receiver: 'ok', third: 'receiver_only', system: 'receiver_only' },
    ],
    [
      'withdraw',
      proposed,
      { type: 'withdraw', reason: 'Ander traject' },
      { sender: 'ok', receiver: 'sender_only', third: 'sender_only', system: 'sender_only' },
    ],
    [
      'escalate overdue',
      proposed,
      { type: 'escalate', reason: 'Te laat' },
      { sender: 'ok', receiver: 'ok', third: 'parties_only', system: 'ok' },
    ],
    [
      'withdraw after a decline (the sender accepts it)',
      declined,
      { type: 'withdraw', reason: 'Wij zoeken een andere partner' },
      { sender: 'ok', receiver: 'sender_only', third: 'sender_only', system: 'sender_only' },
    ],
    [
      'escalate a decline',
      declined,
      { type: 'escalate', reason: 'Oneens' },
      { sender: 'ok', receiver: 'sender_only', third: 'sender_only', system: 'ok' },
    ],
    [
      'resolve',
      escalated,
      { type: 'resolve', resolution: 'handed_over', reason: 'Besluit teamleiders' },
      { sender: 'ok', receiver: 'ok', third: 'parties_only', system: 'parties_only' },
    ],
  ] as [string, Handover, HandoverAction, Record<ActorName, string>][])(
    '%s',
    (_name, h, action, expected) => {
      for (const name of Object.keys(actors) as ActorName[]) {
        expect([
          name,
          codeOf(transitionHandover(h, action, actors[name], at(overdueTime), AGREEMENT)),
        ]).toEqual([name, expected[name]]);
      }
    },
  );
  it('an overdue proposal cannot be escalated before its deadline, whoever asks', () => {
    for (const actor of [SENDER, RECEIVER, SYSTEM]) {
      expect(codeOf(step(proposed, { type: 'escalate', reason: 'Te laat' }, actor, '2026-11-25T23:59'))).toBe(
        'response_deadline_not_passed',
      );
    }
  });
  it('resolving records the outcome, the reason and the moment', () => {
    const resolved = unwrap(
      step(
        escalated,
        { type: 'resolve', resolution: 'stays_with_sender', reason: 'VT houdt de casus' },
        RECEIVER,
        '2026-11-25T10:00',
      ),
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: 'stays_with_sender',
      reason: 'VT houdt de casus',
      decidedAt: at('2026-11-25T10:00'),
      escalationLevel: 1,
    });
  });
  it.each(['', '   '])('decline, withdraw, escalate and resolve need a reason (%j)', (reason) => {
    expect(codeOf(step(proposed, { type: 'decline', reason }, RECEIVER, '2026-11-24T10:00'))).toBe(
      'reason_required',
    );
    expect(codeOf(step(proposed, { type: 'withdraw', reason }, SENDER, '2026-11-24T10:00'))).toBe(
      'reason_required',
    );
    expect(codeOf(step(declined, { type: 'escalate', reason }, SENDER, '2026-11-24T10:00'))).toBe(
      'reason_required',
    );
    expect(
      codeOf(step(escalated, { type: 'resolve', resolution: 'other', reason }, SENDER, '2026-11-25T10:00')),
    ).toBe('reason_required');
  });
});

describe('status transitions: every status × every action by the right actor', () => {
  const base = propose('2026-11-23T10:00');
  const withStatus = (status: HandoverStatus): Handover => ({
    ...base,
    status,
    escalationLevel: status === 'escalated' ? 1 : null,
    escalationDueAt: status === 'escalated' ? at('2026-11-24T23:59') : null,
  });
  const actions: [HandoverAction, HandoverActor][] = [
    [{ type: 'accept' }, RECEIVER],
    [{ type: 'decline', reason: 'Nee' }, RECEIVER],
    [{ type: 'withdraw', reason: 'Anders' }, SENDER],
    [{ type: 'escalate', reason: 'Verder' }, SENDER],
    [{ type: 'resolve', resolution: 'handed_over', reason: 'Besluit' }, SENDER],
  ];
  const expected: Record<HandoverStatus, string[]> = {
    proposed: ['ok', 'ok', 'ok', 'ok', 'transition_not_allowed'],
    declined: ['transition_not_allowed', 'transition_not_allowed', 'ok', 'ok', 'transition_not_allowed'],
    escalated: ['transition_not_allowed', 'transition_not_allowed', 'transition_not_allowed', 'ok', 'ok'],
    accepted: Array(5).fill('transition_not_allowed'),
    withdrawn: Array(5).fill('transition_not_allowed'),
    resolved: Array(5).fill('transition_not_allowed'),
  };
  it.each(Object.entries(expected))('%s', (status, codes) => {
    const h = withStatus(status as HandoverStatus);
    expect(actions.map(([action, actor]) => codeOf(step(h, action, actor, '2026-12-01T10:00')))).toEqual(
      codes,
    );
  });
  it('the transition table lists exactly the moves that can succeed', () => {
    for (const [status, codes] of Object.entries(expected)) {
      const targets = actions
        .filter((_, i) => codes[i] === 'ok')
        .map(
          ([a]) =>
            ({
              accept: 'accepted',
              decline: 'declined',
              withdraw: 'withdrawn',
              escalate: 'escalated',
              resolve: 'resolved',
            })[a.type],
        );
      expect([...HANDOVER_TRANSITIONS[status as HandoverStatus]].sort()).toEqual(targets.sort());
    }
  });
});

describe('the running deadline and open statuses', () => {
  const proposed = propose('2026-11-23T10:00');
  const declined = unwrap(step(proposed, { type: 'decline', reason: 'Nee' }, RECEIVER, '2026-11-24T10:00'));
  const escalated = unwrap(
    step(declined, { type: 'escalate', reason: 'Oneens' }, SENDER, '2026-11-24T11:00'),
  );
  const accepted = unwrap(step(proposed, { type: 'accept' }, RECEIVER, '2026-11-23T11:00'));
  const withdrawn = unwrap(
    step(declined, { type: 'withdraw', reason: 'Akkoord met afwijzing' }, SENDER, '2026-11-24T12:00'),
  );
  const resolved = unwrap(
    step(escalated, { type: 'resolve', resolution: 'other', reason: 'Besluit' }, SENDER, '2026-11-25T10:00'),
  );
  it.each([
    ['proposed', proposed, proposed.responseDueAt],
    ['escalated', escalated, escalated.escalationDueAt],
    ['declined', declined, null],
    ['accepted', accepted, null],
    ['withdrawn', withdrawn, null],
    ['resolved', resolved, null],
  ] as const)('%s', (status, h, due) => {
    expect(h.status).toBe(status);
    expect(currentHandoverDeadline(h)).toEqual(due);
  });
  it('open means exactly the statuses from which a move is still possible', () => {
    const open = (Object.keys(HANDOVER_TRANSITIONS) as HandoverStatus[]).filter(
      (s) => HANDOVER_TRANSITIONS[s].length > 0,
    );
    expect([...OPEN_HANDOVER_STATUSES].sort()).toEqual(open.sort());
  });
});

describe('warm handover (warme overdracht)', () => {
  const warm = propose('2026-11-23T10:00', true);
  it('cannot be accepted before the joint contact moment is recorded', () => {
    expect(codeOf(step(warm, { type: 'accept' }, RECEIVER, '2026-11-24T10:00'))).toBe(
      'joint_contact_required',
    );
  });
  it('is accepted once the joint contact has taken place', () => {
    const met = unwrap(recordJointContact(warm, SENDER, at('2026-11-24T09:00')));
    expect(codeOf(step(met, { type: 'accept' }, RECEIVER, '2026-11-24T08:59'))).toBe(
      'joint_contact_in_future',
    );
    const accepted = unwrap(step(met, { type: 'accept' }, RECEIVER, '2026-11-24T09:00'));
    expect(accepted).toMatchObject({
      status: 'accepted',
      jointContactAt: at('2026-11-24T09:00'),
      decidedAt: at('2026-11-24T09:00'),
    });
  });
  it('only the two organisations record the contact, and only while proposed', () => {
    expect(codeOf(recordJointContact(warm, THIRD, at('2026-11-24T09:00')))).toBe('parties_only');
    expect(codeOf(recordJointContact(warm, SYSTEM, at('2026-11-24T09:00')))).toBe('parties_only');
    expect(codeOf(recordJointContact(warm, RECEIVER, at('2026-11-24T09:00')))).toBe('ok');
    const declined = unwrap(step(warm, { type: 'decline', reason: 'Nee' }, RECEIVER, '2026-11-24T10:00'));
    expect(codeOf(recordJointContact(declined, SENDER, at('2026-11-24T09:00')))).toBe(
      'transition_not_allowed',
    );
  });
  it('a cold handover needs no joint contact', () => {
    expect(
      codeOf(step(propose('2026-11-23T10:00', false), { type: 'accept' }, RECEIVER, '2026-11-23T11:00')),
    ).toBe('ok');
  });
});

describe('every refusal code has a message in both languages', () => {
  it.each(Object.entries(HANDOVER_REFUSALS))('%s', (_code, message) => {
    expect(message.nl.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
  });
});

describe('properties', () => {
  const instant = fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
  const actor = fc.constantFrom(SENDER, RECEIVER, THIRD, SYSTEM);
  const action: fc.Arbitrary<HandoverAction> = fc.oneof(
    fc.constant({ type: 'accept' as const }),
    fc.record({ type: fc.constant('decline' as const), reason: fc.constantFrom('', 'Geen capaciteit') }),
    fc.record({ type: fc.constant('withdraw' as const), reason: fc.constantFrom('', 'Ander traject') }),
    fc.record({ type: fc.constant('escalate' as const), reason: fc.constantFrom('', 'Oneens') }),
    fc.record({
      type: fc.constant('resolve' as const),
      resolution: fc.constantFrom('handed_over' as const, 'stays_with_sender' as const, 'other' as const),
      reason: fc.constantFrom('', 'Besluit'),
    }),
  );

  it('random runs keep every invariant of the state machine', () => {
    fc.assert(
      fc.property(
        instant,
        fc.boolean(),
        fc.array(fc.tuple(action, actor, fc.integer({ min: 0, max: 6 * 24 })), { maxLength: 12 }),
        (start, warmFlag, steps) => {
          let h = unwrap(
            proposeHandover({
              fromOrganisationId: 'veilig-thuis-gz',
              toOrganisationId: 'wijkteam-nijmegen-oost',
              warm: warmFlag,
              proposedAt: start,
              responseWorkingDays: 2,
            }),
          );
          let now = start;
          if (warmFlag) h = unwrap(recordJointContact(h, SENDER, new Date(start.getTime() + 3_600_000)));
          for (const [a, who, hours] of steps) {
            now = new Date(now.getTime() + hours * 3_600_000);
            const result = transitionHandover(h, a, who, now, AGREEMENT);
            if (!result.ok) {
              expect(result.message).toEqual(HANDOVER_REFUSALS[result.code]);
              continue;
            }
            const next = result.handover;
            expect(HANDOVER_TRANSITIONS[h.status]).toContain(next.status);
            if (next.status === 'accepted' || next.status === 'declined') expect(who).toEqual(RECEIVER);
            if (next.status === 'withdrawn') expect(who).toEqual(SENDER);
            if (next.status === 'accepted' && next.warm)
              expect(next.jointContactAt?.getTime()).toBeLessThanOrEqual(now.getTime());
            if (next.status === 'escalated') {
              expect(next.escalationLevel).toBeGreaterThan(h.escalationLevel ?? 0);
              expect(AGREEMENT.map((l) => l.level)).toContain(next.escalationLevel);
              if (h.status === 'proposed') expect(now.getTime()).toBeGreaterThan(h.responseDueAt.getTime());
              expect(next.escalationDueAt?.getTime()).toBeGreaterThan(now.getTime());
            }
            expect(next.reason === null || next.reason.trim() !== '').toBe(true);
            h = next;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  it('a working-day deadline ends a working day with exactly that many working days after the start day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 15 }), (from, days) => {
        const due = DateTime.fromJSDate(computeWorkingDayDeadline(from, days), { zone: AMSTERDAM });
        expect(due.toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
        expect(isWorkingDay(due.toISODate() ?? '')).toBe(true);
        let count = 0;
        let d = DateTime.fromJSDate(from, { zone: AMSTERDAM }).startOf('day').plus({ days: 1 });
        for (; d <= due; d = d.plus({ days: 1 })) if (isWorkingDay(d.toISODate() ?? '')) count++;
        expect(count).toBe(days);
      }),
      // The holiday calendar is slow to query; working-days.test.ts covers the calendar in depth.
      { numRuns: 40 },
    );
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM } from '../working-days.ts';
import {
  ACTION_STATUSES,
  checkMeeting,
  decideActionStatusChange,
  defaultMeetingCategory,
  MEETING_KINDS,
  type MeetingDraft,
  participantKey,
} from './meeting.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();
const NOW = at('2026-06-20T16:00');

function draft(overrides: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    heldAt: at('2026-06-15T10:00'),
    category: 'team',
    information: [{ category: 'team' }, { category: 'justice' }],
    participants: [
      { key: 'team:a:x', chair: true },
      { key: 'outside:officier:om', chair: false },
    ],
    decisions: [{ dueOn: '2026-06-15' }, { dueOn: '2026-07-01' }],
    ...overrides,
  };
}
const codes = (d: MeetingDraft) => checkMeeting(d, NOW).map((i) => `${i.path}:${i.code}`);

describe('defaultMeetingCategory', () => {
  it.each([
    ['mda_table', 'team'],
    ['action_meeting', 'justice'],
    ['case_meeting', 'team'],
  ] as const)('%s → %s', (kind, category) => {
    expect(defaultMeetingCategory(kind)).toBe(category);
  });
  it('covers every kind', () => {
    for (const kind of MEETING_KINDS) expect(defaultMeetingCategory(kind)).toMatch(/^(team|justice)$/);
  });
});

describe('checkMeeting', () => {
  it('accepts a meeting held today with one chair and decisions from that day on', () => {
    expect(codes(draft())).toEqual([]);
  });
  it('accepts a meeting held exactly now, refuses one a minute later', () => {
    expect(codes(draft({ heldAt: NOW, decisions: [] }))).toEqual([]);
    expect(codes(draft({ heldAt: new Date(NOW.getTime() + 60_000), decisions: [] }))).toEqual([
      'heldAt:held_in_future',
    ]);
  });
  it.each([
    [[false, false], ['participants:chair_count']],
    [[true, true], ['participants:chair_count']],
    [[true, false], []],
    [[false, true], []],
  ])('chairs %j → %j', (chairs, expected) => {
    const participants = chairs.map((chair, i) => ({ key: `p${i}`, chair }));
    expect(codes(draft({ participants }))).toEqual(expected);
  });
  it('refuses the same person twice, at the second entry', () => {
    const participants = [
      { key: 'team:a:x', chair: true },
      { key: 'team:b:x', chair: false },
      { key: 'team:a:x', chair: false },
    ];
    expect(codes(draft({ participants }))).toEqual(['participants.2:duplicate_participant']);
  });
  it('judges the due date against the meeting day in Amsterdam, not in UTC', () => {
    // 00:30 on 16 June in Amsterdam is still 15 June in UTC.
    const heldAt = at('2026-06-16T00:30');
    expect(codes(draft({ heldAt, decisions: [{ dueOn: '2026-06-15' }] }))).toEqual([
      'decisions.0.dueOn:decision_due_before_meeting',
    ]);
    expect(codes(draft({ heldAt: at('2026-06-15T23:30'), decisions: [{ dueOn: '2026-06-15' }] }))).toEqual(
      [],
    );
  });
  it('property: a decision is refused exactly when its due date is before the meeting day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 23 }), (offset, hour) => {
        const heldAt = at(`2026-03-29T${String(hour).padStart(2, '0')}:15`);
        const dueOn =
          DateTime.fromISO('2026-03-29', { zone: AMSTERDAM }).plus({ days: offset }).toISODate() ?? '';
        const issues = codes(draft({ heldAt, decisions: [{ dueOn }] }));
        expect(issues.includes('decisions.0.dueOn:decision_due_before_meeting')).toBe(offset < 0);
      }),
    );
  });
});

describe('information within a meeting', () => {
  const categories = ['team', 'organisation', 'justice', 'health'] as const;
  const table = categories.flatMap((meeting) => categories.map((item) => [meeting, item] as const));
  it.each(table)('a %s meeting with a %s item', (category, item) => {
    const issues = codes(draft({ category, information: [{ category: item }] }));
    const refused = item === 'team' && category !== 'team';
    expect(issues).toEqual(refused ? ['information.0.category:information_wider_than_meeting'] : []);
  });
});

describe('participantKey', () => {
  it('an outside participant is the same person whatever the spacing and case', () => {
    expect(participantKey({ type: 'outside', name: ' Olga  Officier', organisation: 'OM' })).toBe(
      participantKey({ type: 'outside', name: 'olga officier', organisation: 'om ' }),
    );
  });
  it('a team member is known by user and organisation', () => {
    const a = participantKey({ type: 'team_member', userId: 'u', organisationId: 'o1' });
    expect(a).not.toBe(participantKey({ type: 'team_member', userId: 'u', organisationId: 'o2' }));
    expect(a).not.toBe(participantKey({ type: 'outside', name: 'u', organisation: 'o1' }));
  });
});

describe('decideActionStatusChange', () => {
  const roles = ['owner', 'coordinator', 'owner_and_coordinator', 'other'] as const;
  const ids = (role: (typeof roles)[number]) => ({
    actorUserId: 'actor',
    ownerUserId: role === 'owner' || role === 'owner_and_coordinator' ? 'actor' : 'owner',
    coordinatorUserId: role === 'coordinator' || role === 'owner_and_coordinator' ? 'actor' : 'coord',
  });
  // Every actor role × every current status.
  const table = roles.flatMap((role) => ACTION_STATUSES.map((current) => [role, current] as const));
  it.each(table)('%s changing a %s action', (role, current) => {
    const verdict = decideActionStatusChange({ current, ...ids(role) });
    if (role === 'other') expect(verdict).toMatchObject({ ok: false, code: 'not_owner_or_coordinator' });
    else if (current !== 'open') expect(verdict).toMatchObject({ ok: false, code: 'already_closed' });
    else expect(verdict).toEqual({ ok: true });
  });
  it('property: allowed exactly for the owner or coordinator of an open action', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTION_STATUSES),
        fc.constantFrom('a', 'b', 'c'),
        fc.constantFrom('a', 'b', 'c'),
        fc.constantFrom('a', 'b', 'c'),
        (current, actorUserId, ownerUserId, coordinatorUserId) => {
          const verdict = decideActionStatusChange({ current, actorUserId, ownerUserId, coordinatorUserId });
          const expected =
            current === 'open' && (actorUserId === ownerUserId || actorUserId === coordinatorUserId);
          expect(verdict.ok).toBe(expected);
        },
      ),
    );
  });
});

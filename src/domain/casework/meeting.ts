import { DateTime } from 'luxon';
import type { InformationCategory } from '../information-category.ts';
import { AMSTERDAM } from '../working-days.ts';
import { ALLOWED, type LocalisedMessage, refuse, type Verdict } from './rule-result.ts';

/**
 * Multi-agency meetings around a household (issue 3 §8, approach.md): the MDA++ table, the
 * Actieoverleg of police, Veilig Thuis and the public prosecutor (OM), and an ordinary case
 * meeting. Their decisions are written as "who does what, by when, and how it is monitored" and
 * become actions in the household's plan.
 */
export const MEETING_KINDS = ['mda_table', 'action_meeting', 'case_meeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * The category a meeting's record gets when the recorder does not choose one. That an Actieoverleg
 * took place — police and OM discussing a household — is itself criminal-law information (AVG
 * art. 10), so its record is justice information unless the recorder deliberately shares it with
 * the whole team; the other meetings are shared with the team.
 */
export function defaultMeetingCategory(kind: MeetingKind): InformationCategory {
  return kind === 'action_meeting' ? 'justice' : 'team';
}

/** Where a plan action stands; an open action is closed once, as done or not done. */
export const ACTION_STATUSES = ['open', 'done', 'not_done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const CLOSING_STATUSES = ['done', 'not_done'] as const;
export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

export type MeetingIssueCode =
  | 'held_in_future'
  | 'chair_count'
  | 'duplicate_participant'
  | 'decision_due_before_meeting'
  | 'information_wider_than_meeting';

export const MEETING_ISSUES: Readonly<Record<MeetingIssueCode, LocalisedMessage>> = {
  held_in_future: {
    nl: 'Leg een overleg vast nadat het is gehouden; deze datum ligt in de toekomst.',
    en: 'Record a meeting after it was held; this date is in the future.',
  },
  chair_count: {
    nl: 'Wijs precies één voorzitter aan onder de deelnemers.',
    en: 'Appoint exactly one chair among the participants.',
  },
  duplicate_participant: {
    nl: 'Deze deelnemer staat er al.',
    en: 'This participant is already listed.',
  },
  decision_due_before_meeting: {
    nl: 'De einddatum van een besluit ligt vóór de dag van het overleg.',
    en: 'The due date of a decision is before the day of the meeting.',
  },
  information_wider_than_meeting: {
    nl: 'Informatie uit dit overleg kan niet met het hele team gedeeld worden als het verslag zelf dat niet is; kies de categorie van het verslag of een engere.',
    en: 'Information from this meeting cannot be shared with the whole team when its record is not; choose the category of the record or a narrower one.',
  },
};

export interface MeetingDraft {
  heldAt: Date;
  /** Category of the record as a whole. */
  category: InformationCategory;
  /** Categories of the pieces of information shared. */
  information: readonly { category: InformationCategory }[];
  /** Who took part; `key` identifies a person (a team member's user and organisation, or a name). */
  participants: readonly { key: string; chair: boolean }[];
  /** Amsterdam calendar dates (yyyy-mm-dd), already known to be valid dates. */
  decisions: readonly { dueOn: string }[];
}

export interface MeetingIssue {
  path: string;
  code: MeetingIssueCode;
  message: LocalisedMessage;
}

/** Every problem with a meeting record at once, at its field (`participants.2`, `decisions.0.dueOn`). */
export function checkMeeting(draft: MeetingDraft, now: Date): MeetingIssue[] {
  const issues: MeetingIssue[] = [];
  const add = (path: string, code: MeetingIssueCode) =>
    issues.push({ path, code, message: MEETING_ISSUES[code] });
  if (draft.heldAt.getTime() > now.getTime()) add('heldAt', 'held_in_future');
  if (draft.participants.filter((p) => p.chair).length !== 1) add('participants', 'chair_count');
  const seen = new Set<string>();
  draft.participants.forEach((p, i) => {
    if (seen.has(p.key)) add(`participants.${i}`, 'duplicate_participant');
    seen.add(p.key);
  });
  // A reader sees an item only when they may read the meeting too, so a "team" item in a meeting
  // that is not team information would not reach the team: refuse it rather than mislead.
  draft.information.forEach((item, i) => {
    if (item.category === 'team' && draft.category !== 'team')
      add(`information.${i}.category`, 'information_wider_than_meeting');
  });
  const meetingDay = DateTime.fromJSDate(draft.heldAt, { zone: AMSTERDAM }).toISODate() ?? '';
  draft.decisions.forEach((d, i) => {
    if (d.dueOn < meetingDay) add(`decisions.${i}.dueOn`, 'decision_due_before_meeting');
  });
  return issues;
}

/** The key that makes two participants the same person: a team member by user and organisation. */
export function participantKey(
  p:
    | { type: 'team_member'; userId: string; organisationId: string }
    | { type: 'outside'; name: string; organisation: string },
): string {
  if (p.type === 'team_member') return `team:${p.userId}:${p.organisationId}`;
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return `outside:${norm(p.name)}:${norm(p.organisation)}`;
}

export type ActionStatusRefusal = 'not_owner_or_coordinator' | 'already_closed';

export interface ActionStatusChange {
  current: ActionStatus;
  actorUserId: string;
  ownerUserId: string;
  coordinatorUserId: string;
}

/**
 * Who closes a plan action: its owner, who did (or did not do) it, or the coordinator, who keeps
 * the plan. Closing is once: a done or not-done action stays so, and a new decision makes a new
 * action, so the history of what was agreed is never rewritten.
 */
export function decideActionStatusChange(change: ActionStatusChange): Verdict<ActionStatusRefusal> {
  if (change.actorUserId !== change.ownerUserId && change.actorUserId !== change.coordinatorUserId)
    return refuse('not_owner_or_coordinator', {
      nl: 'Alleen de eigenaar van de actie of de regisseur kan de status wijzigen.',
      en: 'Only the owner of the action or the coordinator can change its status.',
    });
  if (change.current !== 'open')
    return refuse('already_closed', {
      nl: 'Deze actie is al afgesloten.',
      en: 'This action has already been closed.',
    });
  return ALLOWED;
}

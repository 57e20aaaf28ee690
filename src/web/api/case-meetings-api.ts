import type { CaseRole } from './cases-api.ts';
import { request } from './client.ts';
import type { InformationCategory } from './codes.ts';

/** Multi-agency meetings and plan actions over the HTTP API (src/modules/cases/meeting-routes.ts). */

/** Mirrors MEETING_KINDS in src/domain/casework/meeting.ts. */
export const MEETING_KINDS = ['mda_table', 'action_meeting', 'case_meeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * What a meeting's record is when the recorder does not choose (defaultMeetingCategory on the
 * server): an Actieoverleg is justice information, the others are shared with the team.
 */
export const DEFAULT_MEETING_CATEGORY: Record<MeetingKind, InformationCategory> = {
  mda_table: 'team',
  action_meeting: 'justice',
  case_meeting: 'team',
};

export const ACTION_STATUSES = ['open', 'done', 'not_done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ClosingStatus = Exclude<ActionStatus, 'open'>;

export interface MeetingParticipant {
  type: 'team_member' | 'outside';
  userId: string | null;
  name: string;
  organisation: string;
  caseRole: CaseRole | null;
  role: string | null;
  chair: boolean;
}

export interface CaseMeeting {
  id: string;
  kind: MeetingKind;
  heldAt: string;
  category: InformationCategory;
  organisation: string;
  recordedBy: string;
  recordedAt: string;
  agenda: string[];
  participants: MeetingParticipant[];
  information: { category: InformationCategory; body: string }[];
  informationWithheld: number;
  decisions: {
    actionId: string;
    description: string;
    ownerUserId: string;
    owner: string;
    dueOn: string;
    monitoring: string;
    status: ActionStatus;
  }[];
}

export interface PlanAction {
  id: string;
  description: string;
  ownerUserId: string;
  owner: string;
  dueOn: string;
  status: ActionStatus;
  monitoring: string | null;
  source: { type: 'assessment' | 'meeting'; id: string; meetingKind: MeetingKind | null; at: string };
  statusNote: string | null;
  statusChangedBy: string | null;
  statusChangedAt: string | null;
  canUpdate: boolean;
}

export type ParticipantInput =
  | { type: 'team_member'; userId: string; organisationId: string; chair: boolean }
  | { type: 'outside'; name: string; organisation: string; role: string; chair: boolean };

export interface MeetingInput {
  kind: MeetingKind;
  heldAt: string;
  category: InformationCategory;
  agenda: string[];
  participants: ParticipantInput[];
  /** Left out, an item's category is the record's. */
  information: { category?: InformationCategory; body: string }[];
  decisions: { description: string; ownerUserId: string; dueOn: string; monitoring: string }[];
}

const id = (value: string) => encodeURIComponent(value);

export const caseMeetingsApi = {
  list: (caseId: string) =>
    request<{ meetings: CaseMeeting[]; withheld: number }>('GET', `/api/cases/${id(caseId)}/meetings`),
  record: (caseId: string, input: MeetingInput) =>
    request<{ id: string; actionIds: string[] }>('POST', `/api/cases/${id(caseId)}/meetings`, input),
  actions: (caseId: string) =>
    request<{ actions: PlanAction[]; withheld: number }>('GET', `/api/cases/${id(caseId)}/actions`),
  closeAction: (caseId: string, actionId: string, input: { status: ClosingStatus; note: string }) =>
    request<{ id: string; status: ActionStatus }>(
      'POST',
      `/api/cases/${id(caseId)}/actions/${id(actionId)}/status`,
      input,
    ),
};

/** Under ['cases', …], so invalidating every case query refreshes these too. */
export const caseMeetingKeys = {
  meetings: (caseId: string) => ['cases', 'meetings', caseId] as const,
  actions: (caseId: string) => ['cases', 'actions', caseId] as const,
};

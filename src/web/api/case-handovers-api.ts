import { request } from './client.ts';

/** Handovers between organisations over the HTTP API (src/modules/cases/handover-routes.ts). */

export const HANDOVER_STATUSES = [
  'proposed',
  'accepted',
  'declined',
  'withdrawn',
  'escalated',
  'resolved',
] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];
export type HandoverSubject = 'coordination' | 'task';
export const HANDOVER_RESOLUTIONS = ['handed_over', 'stays_with_sender', 'other'] as const;
export type HandoverResolution = (typeof HANDOVER_RESOLUTIONS)[number];
export const JOINT_CONTACT_MODES = ['home_visit', 'office', 'phone', 'video', 'other'] as const;
export type JointContactMode = (typeof JOINT_CONTACT_MODES)[number];
export type HandoverActionName =
  | 'propose'
  | 'accept'
  | 'decline'
  | 'withdraw'
  | 'escalate'
  | 'resolve'
  | 'joint_contact';

export interface HandoverPerson {
  userId: string;
  name: string;
}

export interface Handover {
  id: string;
  caseId: string | null;
  caseReference: string;
  municipalityName: string;
  subject: HandoverSubject;
  taskDescription: string | null;
  summary: string;
  warm: boolean;
  from: { organisationId: string; organisation: string; user: HandoverPerson | null };
  to: { organisationId: string; organisation: string; user: HandoverPerson | null };
  status: HandoverStatus;
  proposedAt: string;
  responseDueAt: string;
  dueAt: string | null;
  overdue: boolean;
  reason: string | null;
  escalation: { level: number; role: string | null; dueAt: string } | null;
  jointContact: {
    at: string;
    mode: JointContactMode;
    sender: HandoverPerson | null;
    receiver: HandoverPerson | null;
    note: string | null;
  } | null;
  resolution: HandoverResolution | null;
  decidedAt: string | null;
  takenOverBy: HandoverPerson | null;
  history: {
    action: HandoverActionName;
    fromStatus: HandoverStatus | null;
    toStatus: HandoverStatus;
    by: string | null;
    organisation: string | null;
    automatic: boolean;
    reason: string | null;
    escalationLevel: number | null;
    at: string;
  }[];
  mySide: 'sender' | 'receiver' | 'other';
  allowed: Record<'accept' | 'decline' | 'withdraw' | 'escalate' | 'resolve' | 'jointContact', boolean>;
  people: { sender: HandoverPerson[]; receiver: HandoverPerson[] } | null;
}

export interface WaitingHandover {
  id: string;
  caseReference: string;
  municipalityName: string;
  subject: HandoverSubject;
  summary: string;
  warm: boolean;
  fromOrganisation: string;
  fromUser: string;
  toUserId: string | null;
  status: 'proposed' | 'escalated';
  escalationLevel: number | null;
  proposedAt: string;
  dueAt: string;
  overdue: boolean;
}

export interface HandoverCandidates {
  organisations: { id: string; name: string; type: string }[];
  people: { userId: string; name: string; organisationId: string }[];
}

export interface ProposeHandoverInput {
  subject: HandoverSubject;
  taskDescription?: string;
  toOrganisationId: string;
  toUserId?: string;
  summary: string;
  warm: boolean;
}

export interface JointContactInput {
  contactAt: string;
  mode: JointContactMode;
  senderUserId: string;
  receiverUserId: string;
  note?: string;
}

const id = (value: string) => encodeURIComponent(value);

export const caseHandoversApi = {
  list: (caseId: string) => request<Handover[]>('GET', `/api/cases/${id(caseId)}/handovers`),
  candidates: (caseId: string) =>
    request<HandoverCandidates>('GET', `/api/cases/${id(caseId)}/handover-candidates`),
  propose: (caseId: string, input: ProposeHandoverInput) =>
    request<Handover>('POST', `/api/cases/${id(caseId)}/handovers`, input),
  waiting: () => request<WaitingHandover[]>('GET', '/api/handovers/waiting'),
  get: (handoverId: string) => request<Handover>('GET', `/api/handovers/${id(handoverId)}`),
  accept: (handoverId: string) => request<Handover>('POST', `/api/handovers/${id(handoverId)}/accept`, {}),
  step: (handoverId: string, step: 'decline' | 'withdraw' | 'escalate', reason: string) =>
    request<Handover>('POST', `/api/handovers/${id(handoverId)}/${step}`, { reason }),
  resolve: (
    handoverId: string,
    input: { resolution: HandoverResolution; reason: string; receiverUserId?: string },
  ) => request<Handover>('POST', `/api/handovers/${id(handoverId)}/resolve`, input),
  jointContact: (handoverId: string, input: JointContactInput) =>
    request<Handover>('POST', `/api/handovers/${id(handoverId)}/joint-contact`, input),
};

export const handoverKeys = {
  all: ['handovers'] as const,
  ofCase: (caseId: string) => ['handovers', 'case', caseId] as const,
  candidates: (caseId: string) => ['handovers', 'candidates', caseId] as const,
  waiting: ['handovers', 'waiting'] as const,
  one: (handoverId: string) => ['handovers', 'one', handoverId] as const,
};

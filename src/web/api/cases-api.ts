import { request } from './client.ts';
import type { InformationCategory, PersonRole } from './codes.ts';

/** Household casework over the HTTP API (src/modules/cases/routes.ts). */

export const SAFETY_PHASES = ['direct_safety', 'stable_safety', 'recovery', 'monitoring', 'closed'] as const;
export type SafetyPhase = (typeof SAFETY_PHASES)[number];
export const CASE_ROLES = [
  'coordinator',
  'case_manager',
  'safety_partner',
  'care_provider',
  'youth_protection',
  'other',
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];
export type ParticipantType = 'household_member' | 'child' | 'network' | 'professional';

export interface CaseSummary {
  id: string;
  reference: string;
  municipalityName: string;
  phase: SafetyPhase;
  coordinator: string;
  memberCount: number;
  lastScore: number | null;
  lastAssessedAt: string | null;
  openedAt: string;
  myCaseRole: CaseRole | null;
}

export interface CaseTeamMember {
  id: string;
  userId: string;
  name: string;
  organisationId: string;
  organisation: string;
  caseRole: CaseRole;
  joinedAt: string;
}

export interface CaseAssessment {
  id: string;
  assessedAt: string;
  recordedBy: string;
  minScore: number;
  medianScore: number;
  concerns: string[];
  scores: { participantLabel: string; participantType: ParticipantType; score: number }[];
  actions: { id: string; description: string; owner: string; dueOn: string; status: string }[];
}

export const AGREEMENT_STATUSES = ['open', 'done', 'not_kept'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export interface SafetyPlan {
  version: number;
  status: 'draft' | 'agreed';
  conditions: string[];
  agreements: {
    description: string;
    ownerUserId: string;
    owner: string;
    dueOn: string;
    status: AgreementStatus;
  }[];
  ifItGoesWrong: string;
  changedBy: string;
  changedAt: string;
}

export interface SafetyPlanInput {
  conditions: string[];
  agreements: { description: string; ownerUserId: string; dueOn: string; status: AgreementStatus }[];
  ifItGoesWrong: string;
  agreed: boolean;
  changeNote?: string;
}

export interface CaseDetail {
  id: string;
  reference: string;
  municipalityCode: string;
  municipalityName: string;
  phase: SafetyPhase;
  phaseTargets: SafetyPhase[];
  openedAt: string;
  access: 'team' | 'veilig_thuis';
  canManageTeam: boolean;
  coordinator: { userId: string; name: string; organisation: string };
  members: { id: string; fullName: string; dateOfBirth: string; role: PersonRole; bsn: string | null }[];
  reports: { id: string; reference: string; receivedAt: string; attachedAt: string }[];
  team: CaseTeamMember[];
  phaseHistory: { from: SafetyPhase | null; to: SafetyPhase; reason: string; by: string; at: string }[];
  assessments: CaseAssessment[];
  notes: {
    id: string;
    category: InformationCategory;
    organisation: string;
    author: string;
    body: string;
    createdAt: string;
  }[];
  notesWithheld: number;
  safetyPlan: SafetyPlan | null;
  safetyPlanVersions: {
    version: number;
    status: 'draft' | 'agreed';
    changedBy: string;
    organisation: string;
    changedAt: string;
    changeNote: string | null;
  }[];
}

export interface TeamCandidate {
  userId: string;
  name: string;
  organisationId: string;
  organisation: string;
  organisationType: string;
}

export interface AssessmentInput {
  scores: { participantId: string; score: number }[];
  concerns: string[];
  actions: { description: string; ownerUserId: string; dueOn: string }[];
}

/** The shared client's one request function: CSRF token, error shape and retry live there. */
const call = <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
  request<T>(method, path, body);

const id = (value: string) => encodeURIComponent(value);

export const casesApi = {
  mine: () => call<CaseSummary[]>('GET', '/api/cases/mine'),
  get: (caseId: string) => call<CaseDetail>('GET', `/api/cases/${id(caseId)}`),
  ofReport: (reportId: string) =>
    call<{ caseId: string | null; reference: string | null; canOpen: boolean }>(
      'GET',
      `/api/cases/by-report/${id(reportId)}`,
    ),
  open: (reportId: string) =>
    call<{ id: string; reference: string; outcome: 'opened' | 'attached' | 'already_attached' }>(
      'POST',
      '/api/cases',
      { reportId },
    ),
  candidates: (caseId: string) => call<TeamCandidate[]>('GET', `/api/cases/${id(caseId)}/team-candidates`),
  addTeamMember: (caseId: string, input: { userId: string; organisationId: string; caseRole: CaseRole }) =>
    call<{ id: string }>('POST', `/api/cases/${id(caseId)}/team`, input),
  removeTeamMember: (caseId: string, memberId: string) =>
    call<{ ok: true }>('DELETE', `/api/cases/${id(caseId)}/team/${id(memberId)}`),
  changePhase: (caseId: string, input: { to: SafetyPhase; reason: string }) =>
    call<{ phase: SafetyPhase }>('POST', `/api/cases/${id(caseId)}/phase`, input),
  recordAssessment: (caseId: string, input: AssessmentInput) =>
    call<{ id: string }>('POST', `/api/cases/${id(caseId)}/assessments`, input),
  saveSafetyPlan: (caseId: string, input: SafetyPlanInput) =>
    call<{ version: number; status: 'draft' | 'agreed' }>(
      'POST',
      `/api/cases/${id(caseId)}/safety-plan`,
      input,
    ),
  addNote: (caseId: string, input: { category: InformationCategory; body: string }) =>
    call<{ id: string }>('POST', `/api/cases/${id(caseId)}/notes`, input),
};

export const caseKeys = {
  all: ['cases'] as const,
  mine: ['cases', 'mine'] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
  candidates: (caseId: string) => ['cases', 'candidates', caseId] as const,
  ofReport: (reportId: string) => ['cases', 'by-report', reportId] as const,
};

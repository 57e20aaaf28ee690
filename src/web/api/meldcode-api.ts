import { request } from './client.ts';
import type { PersonRole, ViolenceKind } from './codes.ts';
import type { LocalisedMessage } from './types.ts';

/** The meldcode assistant's calls, through the shared client (src/web/api/client.ts). */

export const MELDCODE_STEP_IDS = ['map_signals', 'consult', 'talk_with_client', 'weigh', 'decide'] as const;
export type MeldcodeStepId = (typeof MELDCODE_STEP_IDS)[number];
export const MELDCODE_OUTCOMES = [
  'close',
  'report',
  'help_and_follow_up',
  'close_with_follow_up_agreements',
] as const;
export type MeldcodeOutcome = (typeof MELDCODE_OUTCOMES)[number];
export const CONSULTATION_KINDS = ['colleague', 'veilig_thuis', 'injury_expert'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
/** Mirrors VIOLENCE_DURATIONS and ASKER_ROLES (without non_professional) in src/domain/advice.ts. */
export const VIOLENCE_DURATIONS = [
  'single_incident',
  'under_6_months',
  '6_months_or_more',
  'unknown',
] as const;
export type ViolenceDuration = (typeof VIOLENCE_DURATIONS)[number];
export const PROFESSIONAL_ASKER_ROLES = [
  'health_care',
  'childcare',
  'education',
  'school_attendance',
  'youth_care',
  'justice_security',
  'other_veilig_thuis_region',
  'other_professional',
] as const;
export type ProfessionalAskerRole = (typeof PROFESSIONAL_ASKER_ROLES)[number];
export type WeighingKey = 'q1' | 'q2' | 'q3' | 'q4' | 'q5';
export type WeighingAnswers = Partial<Record<WeighingKey, boolean>>;

export interface MeldcodePerson {
  fullName: string;
  dateOfBirth: string;
  role: PersonRole;
}

export interface MeldcodeRecordInput {
  municipalityCode: string;
  persons: MeldcodePerson[];
  clientIndex: number;
  expectingChild: boolean;
  violenceKinds: ViolenceKind[];
}

export interface MeldcodeSummary {
  id: string;
  createdAt: string;
  updatedAt: string;
  author: string;
  mine: boolean;
  clientName: string;
  municipalityName: string;
  nextStep: MeldcodeStepId | null;
  outcome: MeldcodeOutcome | null;
  reportId: string | null;
}

export interface WeighingDecision {
  kind: 'question' | 'outcome';
  question?: number;
  outcome?: MeldcodeOutcome;
  reason?: string;
  followUpQuestion?: number;
}

export interface MeldcodeDetail extends MeldcodeSummary {
  organisation: string;
  municipalityCode: string;
  canWrite: boolean;
  persons: MeldcodePerson[];
  clientIndex: number;
  expectingChild: boolean;
  violenceKinds: string[];
  kindcheck: { required: boolean; reasons: string[]; why: string | null };
  steps: { id: MeldcodeStepId; number: number; text: LocalisedMessage; done: boolean }[];
  stepsVersion: string;
  signals: { text: string; kindcheckNote: string | null; recordedAt: string } | null;
  consultations: {
    id: string;
    kind: ConsultationKind;
    who: string;
    consultedOn: string;
    outcome: string;
    adviceRequestId: string | null;
    recordedAt: string;
  }[];
  talk: { held: boolean; summary: string | null; skippedReason: string | null; recordedAt: string } | null;
  weighing: {
    textVersion: string;
    textVersions: { id: string; source: string }[];
    questions: { number: number; text: LocalisedMessage }[];
    answers: WeighingAnswers;
    decision: WeighingDecision;
    recordedAt: string | null;
  };
  decision: {
    outcome: MeldcodeOutcome;
    acute: boolean | null;
    note: string | null;
    decidedAt: string;
  } | null;
  report: { id: string; reference: string } | null;
  closure: { mayClose: boolean; blockers: Record<string, string>[] };
}

export interface ConsultationInput {
  kind: ConsultationKind;
  who: string;
  consultedOn: string;
  outcome: string;
  advice?: {
    question: string;
    violenceDuration: ViolenceDuration;
    askerRole: ProfessionalAskerRole;
    askerFunction?: string;
  };
}

/** The shared client's one request function: CSRF token, error shape and retry live there. */
const call = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => request<T>(method, path, body);

const base = '/api/meldcode/records';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const meldcodeApi = {
  list: () => call<MeldcodeSummary[]>('GET', base),
  create: (input: MeldcodeRecordInput) => call<{ id: string }>('POST', base, input),
  get: (id: string) => call<MeldcodeDetail>('GET', one(id)),
  recordSignals: (id: string, input: { signals: string; kindcheckNote?: string }) =>
    call<{ id: string }>('POST', `${one(id)}/signals`, input),
  addConsultation: (id: string, input: ConsultationInput) =>
    call<{ id: string; adviceRequestId: string | null }>('POST', `${one(id)}/consultations`, input),
  recordTalk: (id: string, input: { held: boolean; summary?: string; skippedReason?: string }) =>
    call<{ id: string }>('POST', `${one(id)}/talk`, input),
  recordWeighing: (id: string, input: { textVersion: string; answers: WeighingAnswers }) =>
    call<{ decision: WeighingDecision }>('POST', `${one(id)}/weighing`, input),
  recordDecision: (id: string, input: { outcome: MeldcodeOutcome; acute?: boolean; note?: string }) =>
    call<{ id: string; outcome: MeldcodeOutcome }>('POST', `${one(id)}/decision`, input),
  report: (id: string) => call<{ reportId: string; reference: string }>('POST', `${one(id)}/report`, {}),
};

export const meldcodeKeys = {
  all: ['meldcode'] as const,
  list: ['meldcode', 'list'] as const,
  record: (id: string) => ['meldcode', 'record', id] as const,
};

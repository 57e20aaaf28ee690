import { request } from './client.ts';
import type { InformationCategory, PersonRole } from './codes.ts';

/** Help for perpetrators and experience experts over the HTTP API (src/modules/cases/support-routes.ts). */

export const SUPPORT_KINDS = ['perpetrator_help', 'experience_expert'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SUPPORT_OUTCOMES = ['used', 'declined'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

/** Mirrors src/domain/casework/support.ts so the form proposes the same category (the recorder may change it). */
export const DEFAULT_SUPPORT_CATEGORY: Record<SupportKind, InformationCategory> = {
  perpetrator_help: 'health',
  experience_expert: 'team',
};

/** Member roles that mark a perpetrator, as the server checks them (src/domain/casework/support.ts). */
export const PERPETRATOR_ROLES: readonly PersonRole[] = ['perpetrator', 'both'];

export interface CaseSupportItem {
  id: string;
  kind: SupportKind;
  category: InformationCategory;
  member: { id: string; fullName: string; role: string } | null;
  provider: string;
  offeredAt: string;
  note: string | null;
  outcome: { outcome: SupportOutcome; at: string; note: string | null; recordedBy: string } | null;
  recordedBy: string;
  organisation: string;
  recordedAt: string;
  mayRecordOutcome: boolean;
}

export interface CaseSupportList {
  support: CaseSupportItem[];
  withheld: number;
  mayRecord: boolean;
}

export interface RecordSupportInput {
  kind: SupportKind;
  memberId?: string;
  provider: string;
  category: InformationCategory;
  offeredAt: string;
  note?: string;
}

export interface SupportOutcomeInput {
  outcome: SupportOutcome;
  outcomeAt?: string;
  note?: string;
}

const id = (value: string) => encodeURIComponent(value);
const base = (caseId: string) => `/api/cases/${id(caseId)}/support`;

export const caseSupportApi = {
  list: (caseId: string) => request<CaseSupportList>('GET', base(caseId)),
  record: (caseId: string, input: RecordSupportInput) => request<{ id: string }>('POST', base(caseId), input),
  recordOutcome: (caseId: string, supportId: string, input: SupportOutcomeInput) =>
    request<{ id: string; outcome: SupportOutcome; outcomeAt: string }>(
      'POST',
      `${base(caseId)}/${id(supportId)}/outcome`,
      input,
    ),
};

export const caseSupportKeys = {
  list: (caseId: string) => ['cases', 'support', caseId] as const,
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SafetyPhase } from './cases-api.ts';
import { caseKeys } from './cases-api.ts';
import { request } from './client.ts';

/** Monitoring, closure and reopening over the HTTP API (src/modules/cases/closure-routes.ts). */

export const CLOSURE_REASONS = ['safety_stable', 'regular_help', 'moved_away', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const MONITORING_OUTCOMES = ['safety_holds', 'concerns', 'unsafe'] as const;
export type MonitoringOutcome = (typeof MONITORING_OUTCOMES)[number];
export const MONITORING_CONTACT_WITH = ['household', 'professionals', 'household_and_professionals'] as const;
export type MonitoringContactWith = (typeof MONITORING_CONTACT_WITH)[number];
export type MomentStatus = 'upcoming' | 'due' | 'overdue' | 'done' | 'cancelled';
export type ReportClassification = 'first_report' | 'follow_up_report' | 're_report';

export interface MonitoringMoment {
  id: string;
  roundStartedAt: string;
  monthsAfter: number;
  dueOn: string;
  windowStartsAt: string;
  dueAt: string;
  status: MomentStatus;
  contacts: {
    id: string;
    contactedAt: string;
    contactWith: MonitoringContactWith;
    outcome: MonitoringOutcome;
    score: number | null;
    note: string;
    recordedBy: string;
    organisation: string;
  }[];
}

export interface Monitoring {
  phase: SafetyPhase;
  inMonitoring: boolean;
  intervalsMonths: number[];
  moments: MonitoringMoment[];
}

export interface ClosureLetter {
  closureId: string;
  caseReference: string;
  closedAt: string;
  reasonCode: ClosureReason;
  subject: string;
  paragraphs: string[];
  protectedPassages: number;
}

export interface CaseLink {
  id: string | null;
  reference: string | null;
  visible: boolean;
}

export interface ClosureOverview {
  phase: SafetyPhase;
  canClose: boolean;
  closures: {
    id: string;
    reasonCode: ClosureReason;
    explanation: string;
    closedBy: string;
    organisation: string;
    closedAt: string;
    reopening: { reason: string; toPhase: SafetyPhase; by: string; at: string } | null;
  }[];
  reportsAfterClosure: {
    reportId: string;
    reference: string;
    receivedAt: string;
    concerns: string[];
    classification: ReportClassification;
    reportVisible: boolean;
    inCase: CaseLink | null;
  }[];
  previousCase: CaseLink | null;
  nextCases: CaseLink[];
}

export interface MonitoringContactInput {
  momentId: string;
  contactWith: MonitoringContactWith;
  outcome: MonitoringOutcome;
  score?: number;
  note: string;
}

const id = (value: string) => encodeURIComponent(value);

export const closureKeys = {
  monitoring: (caseId: string) => ['cases', 'monitoring', caseId] as const,
  overview: (caseId: string) => ['cases', 'closure', caseId] as const,
  letter: (caseId: string, closureId: string | null) =>
    ['cases', 'closure-letter', caseId, closureId] as const,
};

export function useMonitoring(caseId: string) {
  return useQuery({
    queryKey: closureKeys.monitoring(caseId),
    queryFn: () => request<Monitoring>('GET', `/api/cases/${id(caseId)}/monitoring`),
  });
}

export function useClosureOverview(caseId: string) {
  return useQuery({
    queryKey: closureKeys.overview(caseId),
    queryFn: () => request<ClosureOverview>('GET', `/api/cases/${id(caseId)}/closure`),
  });
}

/** The letter as generated at closing; produced (and audited) only when someone opens it. */
export function useClosureLetter(caseId: string, closureId: string | null, enabled = true) {
  return useQuery({
    queryKey: closureKeys.letter(caseId, closureId),
    queryFn: () =>
      request<ClosureLetter>(
        'GET',
        `/api/cases/${id(caseId)}/closure/letter${closureId ? `?closureId=${id(closureId)}` : ''}`,
      ),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Writes refresh the case and its monitoring and closure views (all under the 'cases' key). */
export function useClosureActions(caseId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.all });
  return {
    recordContact: useMutation({
      mutationFn: (input: MonitoringContactInput) =>
        request<{ id: string }>('POST', `/api/cases/${id(caseId)}/monitoring/contacts`, input),
      onSuccess: refresh,
    }),
    close: useMutation({
      mutationFn: (input: { reasonCode: ClosureReason; explanation: string }) =>
        request<{ phase: 'closed'; closureId: string; closedAt: string; letter: ClosureLetter }>(
          'POST',
          `/api/cases/${id(caseId)}/closure`,
          input,
        ),
      onSuccess: refresh,
    }),
    reopen: useMutation({
      mutationFn: (input: { reason: string }) =>
        request<{ phase: SafetyPhase; reopeningId: string | null }>(
          'POST',
          `/api/cases/${id(caseId)}/reopen`,
          input,
        ),
      onSuccess: refresh,
    }),
  };
}

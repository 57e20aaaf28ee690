import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';

export type LetterRecipient = 'reporter' | 'household';
export const INVESTIGATION_OUTCOMES = ['confirmed', 'not_confirmed', 'refuted'] as const;
export type InvestigationOutcome = (typeof INVESTIGATION_OUTCOMES)[number];

export interface Letter {
  recipient: LetterRecipient;
  subject: string;
  paragraphs: string[];
  protectedPassages: number;
  sendBy: string | null;
}

/** A letter is produced (and audited) only when someone asks to see it. */
export function useLetter(reportId: string, recipient: LetterRecipient | null) {
  return useQuery({
    queryKey: ['veilig-thuis', 'letter', reportId, recipient],
    queryFn: () =>
      request<Letter>('GET', `/api/reports/${encodeURIComponent(reportId)}/letters/${recipient}`),
    enabled: recipient !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useConcludeInvestigation(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { outcome: InvestigationOutcome; conclusion: string }) =>
      request<{ concludedAt: string; outcome: InvestigationOutcome; onTime: boolean }>(
        'POST',
        `/api/reports/${encodeURIComponent(reportId)}/investigation`,
        input,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.report(reportId) }),
  });
}

export interface Informing {
  reporterInformedAt: string | null;
  householdInformedAt: string | null;
  householdDueAt: string | null;
  extensions: { days: number; reason: string; grantedAt: string }[];
}

const informingKey = (reportId: string) => ['veilig-thuis', 'informing', reportId] as const;

export function useInforming(reportId: string) {
  return useQuery({
    queryKey: informingKey(reportId),
    queryFn: () => request<Informing>('GET', `/api/reports/${encodeURIComponent(reportId)}/informing`),
  });
}

export function useInformingActions(reportId: string) {
  const queryClient = useQueryClient();
  const store = (informing: Informing) => queryClient.setQueryData(informingKey(reportId), informing);
  const base = `/api/reports/${encodeURIComponent(reportId)}`;
  return {
    markInformed: useMutation({
      mutationFn: (recipient: LetterRecipient) =>
        request<Informing>('POST', `${base}/informed`, { recipient }),
      onSuccess: store,
    }),
    extend: useMutation({
      mutationFn: (reason: string) => request<Informing>('POST', `${base}/informing/extensions`, { reason }),
      onSuccess: store,
    }),
  };
}

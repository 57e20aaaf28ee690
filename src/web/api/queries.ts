import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditQuery, Session } from './types.ts';

/** Query keys in one place, so invalidation after a change hits exactly what it should. */
export const queryKeys = {
  meta: ['meta'] as const,
  session: ['session'] as const,
  region: ['region'] as const,
  reports: ['reports'] as const,
  myReports: ['reports', 'mine'] as const,
  queue: ['reports', 'queue'] as const,
  report: (id: string) => ['reports', 'detail', id] as const,
  /** Not under 'reports': reading the radar is audited, so it is not refetched with every report change. */
  radar: (id: string) => ['veilig-thuis', 'radar', id] as const,
  assessmentFigures: ['veilig-thuis', 'figures'] as const,
  users: ['admin', 'users'] as const,
  auditEvents: (q: AuditQuery) => ['audit', 'events', q] as const,
  auditVerification: ['audit', 'verify'] as const,
  breakGlassGrants: (unreviewedOnly: boolean) => ['break-glass', unreviewedOnly] as const,
};

export const SIGNED_OUT: Session = { signedIn: false, expired: false };

export function useMeta() {
  return useQuery({ queryKey: queryKeys.meta, queryFn: api.meta, staleTime: Number.POSITIVE_INFINITY });
}

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: api.session, staleTime: 60_000 });
}

export function useRegion() {
  return useQuery({ queryKey: queryKeys.region, queryFn: api.region, staleTime: 10 * 60_000 });
}

/** Imports a batch of police reports; the lists of reports are read again when anything was imported. */
export function useImportReports() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.importReports,
    onSuccess: async (result) => {
      if (result.imported.length > 0) await queryClient.invalidateQueries({ queryKey: queryKeys.reports });
    },
  });
}

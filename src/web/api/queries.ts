import { useQuery } from '@tanstack/react-query';
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

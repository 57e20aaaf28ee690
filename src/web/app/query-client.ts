import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import type { Session } from '../api/types.ts';

/**
 * React Query with Kring's habits: no automatic refetch on window focus (every read of personal data
 * is audited, so reads happen when the user asks), retries only for network failures, and one place
 * that reacts to an ended session.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => void handleAuthError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => void handleAuthError(client, error) }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (failures, error) => error instanceof ApiError && error.code === 'network' && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * An expired or missing session marks the cached session as signed out; the route guard then sends
 * the user to the login page with a notice. A signed-in user without an organisation also gets
 * "unauthenticated" from some endpoints: that stays an error on the page instead of a loop.
 */
async function handleAuthError(client: QueryClient, error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (error.code === 'session_expired') {
    client.setQueryData<Session>(queryKeys.session, { signedIn: false, expired: true });
    return;
  }
  if (error.code === 'unauthenticated' || error.code === 'mfa_required') {
    try {
      const session = await client.fetchQuery({
        queryKey: queryKeys.session,
        queryFn: api.session,
        staleTime: 0,
      });
      if (session.signedIn && session.mfaPassed) return;
    } catch {
      client.setQueryData<Session>(queryKeys.session, { signedIn: false, expired: false });
    }
  }
}

import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/queries.ts';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { NoAccessPage } from '../pages/no-access-page.tsx';
import { paths } from '../paths.ts';
import type { AccessRule } from './access.ts';
import { CurrentSessionProvider, useCurrentSession } from './current-session.tsx';
import type { LoginState } from './login-notice.ts';

/** Pages behind this need a session with the second factor done; others go to the login page. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryFailure error={session.error} onRetry={() => void session.refetch()} />;
  const data = session.data;
  if (!data.signedIn || !data.mfaPassed) {
    const from = `${location.pathname}${location.search}`;
    const state: LoginState = {
      from,
      notice:
        !data.signedIn && data.expired
          ? 'sessionExpired'
          : from !== paths.start
            ? 'signInRequired'
            : undefined,
    };
    return <Navigate to={paths.login} replace state={state} />;
  }
  return (
    <CurrentSessionProvider value={data}>
      <Outlet />
    </CurrentSessionProvider>
  );
}

/** Hides pages the user's roles do not reach; the server refuses them anyway. */
export function RequireAccess({ rule, children }: { rule: AccessRule; children: React.ReactNode }) {
  const session = useCurrentSession();
  return rule(session) ? children : <NoAccessPage />;
}

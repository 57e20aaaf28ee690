import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { queryKeys, SIGNED_OUT, useSession } from '../api/queries.ts';
import { codeLabel } from '../i18n/labels.ts';
import { paths } from '../paths.ts';
import { type LoginNotice, setLoginNotice } from '../session/login-notice.ts';
import { DemoBanner } from './demo-banner.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { AppLink } from './link.tsx';
import { MainNav } from './main-nav.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  function signedOut(notice: LoginNotice) {
    setLoginNotice(notice);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'meta' });
    queryClient.setQueryData(queryKeys.session, SIGNED_OUT);
    void navigate(paths.login, { replace: true });
  }

  const logout = useMutation({
    mutationFn: api.logout,
    onSettled: () => signedOut({ kind: 'signedOut' }),
  });
  const logoutEverywhere = useMutation({
    mutationFn: api.logoutEverywhere,
    onSuccess: (result) => signedOut({ kind: 'signedOutEverywhere', sessions: result.sessions }),
    onError: () => signedOut({ kind: 'signedOut' }),
  });

  const active = session?.signedIn && session.mfaPassed ? session : null;
  const busy = logout.isPending || logoutEverywhere.isPending;

  return (
    <header className="utrecht-page-header kring-header">
      <DemoBanner />
      <div className="kring-container kring-header__bar">
        <AppLink to={paths.start} className="kring-brand">
          {t('app.name')}
        </AppLink>
        {active ? (
          <p className="kring-header__user">
            <span className="kring-header__name">{active.user.displayName}</span>
            {active.organisation ? (
              <span className="kring-header__organisation">
                {active.organisation.name}
                {active.roles.length > 0
                  ? ` · ${active.roles.map((role) => codeLabel(t, 'role', role)).join(', ')}`
                  : ''}
              </span>
            ) : null}
          </p>
        ) : null}
        <div className="kring-header__tools">
          <LanguageSwitch />
          {session?.signedIn ? (
            <div className="kring-header__logout">
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action kring-header__button"
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (!busy) logout.mutate();
                }}
              >
                {t('header.logout')}
              </button>
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action kring-header__button"
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (!busy) logoutEverywhere.mutate();
                }}
              >
                {t('header.logoutEverywhere')}
              </button>
            </div>
          ) : null}
        </div>
      </div>
      {active ? <MainNav session={active} /> : null}
    </header>
  );
}

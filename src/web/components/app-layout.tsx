import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { AppFooter } from './app-footer.tsx';
import { AppHeader } from './app-header.tsx';

/** Skip link, header with menu, the page, footer: the same landmarks on every page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const shownPath = useRef<string | null>(null);
  // After moving to another page, focus its heading so screen readers announce where the user is.
  useEffect(() => {
    const previous = shownPath.current;
    shownPath.current = pathname;
    if (previous !== null && previous !== pathname) document.getElementById('page-heading')?.focus();
  }, [pathname]);

  return (
    <div className="kring-app">
      <a className="utrecht-skip-link kring-skip-link" href="#main-content">
        {t('app.skipLink')}
      </a>
      <AppHeader />
      <main id="main-content" tabIndex={-1} className="kring-main">
        <div className="kring-container">
          <Outlet />
        </div>
      </main>
      <AppFooter />
      <ScrollRestoration />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/queries.ts';
import { ServerLink } from './link.tsx';

export function AppFooter() {
  const { t } = useTranslation();
  const meta = useMeta();
  return (
    <footer className="utrecht-page-footer kring-footer">
      <div className="kring-container kring-footer__content">
        <p className="utrecht-paragraph">{t('footer.about')}</p>
        <ul className="kring-footer__links">
          <li>
            <ServerLink href="/api/docs/">{t('footer.apiDocs')}</ServerLink>
          </li>
          {meta.data ? <li>{t('footer.version', { version: meta.data.version })}</li> : null}
        </ul>
      </div>
    </footer>
  );
}

import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { ServerLink } from '../../components/link.tsx';
import './public.css';
import { VEILIG_THUIS_PHONE } from './paths.ts';

/** At the top of every public page: call 112 in danger, Veilig Thuis day and night. */
export function EmergencyNotice() {
  const { t } = useTranslation();
  return (
    <div className="kring-help-emergency">
      <Alert type="warning">
        <p className="utrecht-paragraph kring-help-emergency__main">
          {t('advice.public.emergency')}{' '}
          <ServerLink href="tel:112">{t('advice.public.emergencyCall')}</ServerLink>
        </p>
        <p className="utrecht-paragraph kring-help-emergency__line">
          {t('advice.public.phoneBefore')}{' '}
          <ServerLink href={`tel:${VEILIG_THUIS_PHONE.tel}`}>{VEILIG_THUIS_PHONE.text}</ServerLink>{' '}
          {t('advice.public.phoneAfter')}
        </p>
      </Alert>
    </div>
  );
}

/** The wrapper of a public page: a class for the page's own styling, then the emergency notice. */
export function PublicPage({ children }: { children: React.ReactNode }) {
  return <div className="kring-help-page">{children}</div>;
}

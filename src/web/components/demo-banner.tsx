import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/queries.ts';

/** On a demo installation, every page says so, so nobody enters real data. */
export function DemoBanner() {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demo) return null;
  return (
    <p className="kring-demo-banner">
      <strong>{t('app.demoBanner')}</strong>
    </p>
  );
}

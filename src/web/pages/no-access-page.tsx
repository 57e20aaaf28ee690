import { useTranslation } from 'react-i18next';
import { PageHeading, Paragraph } from '../components/heading.tsx';
import { AppLink } from '../components/link.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';
import { paths } from '../paths.ts';

/** Shown when the user's roles do not include this page. */
export function NoAccessPage() {
  const { t } = useTranslation();
  usePageTitle(t('noAccess.title'));
  return (
    <>
      <PageHeading>{t('noAccess.title')}</PageHeading>
      <Paragraph>{t('noAccess.text')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.start}>{t('common.toStart')}</AppLink>
      </Paragraph>
    </>
  );
}

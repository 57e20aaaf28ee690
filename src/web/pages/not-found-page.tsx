import { useTranslation } from 'react-i18next';
import { PageHeading, Paragraph } from '../components/heading.tsx';
import { AppLink } from '../components/link.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';
import { paths } from '../paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.start}>{t('common.toStart')}</AppLink>
      </Paragraph>
    </>
  );
}

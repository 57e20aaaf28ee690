import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { PageHeading, Paragraph } from '../components/heading.tsx';
import { AppLink } from '../components/link.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { ReportTable } from '../components/report-table.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';
import { paths } from '../paths.ts';

export function MyReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('myReports.title'));
  const reports = useQuery({ queryKey: queryKeys.myReports, queryFn: api.myReports });
  return (
    <>
      <PageHeading>{t('myReports.title')}</PageHeading>
      <Paragraph>
        <AppLink to={paths.newReport}>{t('nav.newReport')}</AppLink>
      </Paragraph>
      {reports.isPending ? <Loading /> : null}
      {reports.isError ? <QueryFailure error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      {reports.data?.length === 0 ? <Paragraph>{t('myReports.empty')}</Paragraph> : null}
      {reports.data && reports.data.length > 0 ? (
        <ReportTable caption={t('myReports.caption')} reports={reports.data} showPersonCount />
      ) : null}
    </>
  );
}

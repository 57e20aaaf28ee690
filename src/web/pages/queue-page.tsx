import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { Button } from '../components/button.tsx';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure, StatusText } from '../components/query-state.tsx';
import { ReportTable } from '../components/report-table.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';
import { useCurrentSession } from '../session/current-session.tsx';
import { QueueFigures } from './queue-figures.tsx';

/** Open reports for the Veilig Thuis organisation, most urgent first (the server sorts). */
export function QueuePage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  usePageTitle(t('queue.title'));
  const queue = useQuery({ queryKey: queryKeys.queue, queryFn: api.queue });
  const overdue = queue.data?.filter((report) => report.overdue).length ?? 0;
  return (
    <>
      <PageHeading>{t('queue.title')}</PageHeading>
      <Paragraph>{t('queue.intro', { organisation: session.organisation?.name ?? '' })}</Paragraph>
      <QueueFigures />
      <Heading level={2} id="queue-open-title">
        {t('queue.openTitle')}
      </Heading>
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <QueryFailure error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data ? (
        <div className="kring-toolbar">
          <StatusText>
            {t('queue.count', { count: queue.data.length })}{' '}
            {overdue > 0 ? t('queue.overdueCount', { count: overdue }) : ''}
          </StatusText>
          <Button
            type="button"
            appearance="secondary"
            busy={queue.isFetching}
            onClick={() => void queue.refetch()}
          >
            {t('queue.refresh')}
          </Button>
        </div>
      ) : null}
      {queue.data?.length === 0 ? <Paragraph>{t('queue.empty')}</Paragraph> : null}
      {queue.data && queue.data.length > 0 ? (
        <ReportTable caption={t('queue.caption')} reports={queue.data} />
      ) : null}
    </>
  );
}

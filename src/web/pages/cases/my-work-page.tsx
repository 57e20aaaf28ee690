import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseWorkApi, workKeys } from '../../api/case-work-api.ts';
import { PageHeading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { MyWorkCases, MyWorkHandovers, WorkItemsSection } from './my-work-sections.tsx';

/** Address of "Mijn werk" (Dutch, as users see and share it). */
export const myWorkPath = '/mijn-werk';

/**
 * "Mijn werk": what is due this week and what is overdue on the cases I work on for my
 * organisation, the handovers waiting for us, and my cases — each as a table with a caption.
 */
export function MyWorkPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('caseWork.title'));
  const work = useQuery({ queryKey: workKeys.mine, queryFn: caseWorkApi.mine });
  return (
    <>
      <PageHeading>{t('caseWork.title')}</PageHeading>
      <Paragraph>{t('caseWork.intro')}</Paragraph>
      {work.isPending ? <Loading /> : null}
      {work.isError ? <QueryFailure error={work.error} onRetry={() => void work.refetch()} /> : null}
      {work.data ? (
        <>
          <WorkItemsSection
            id="my-work-week"
            title={t('caseWork.week.title')}
            caption={t('caseWork.week.caption', {
              from: formatCalendarDate(work.data.week.from, language),
              to: formatCalendarDate(work.data.week.to, language),
            })}
            empty={t('caseWork.week.empty')}
            items={work.data.thisWeek}
          />
          <WorkItemsSection
            id="my-work-overdue"
            title={t('caseWork.overdue.title')}
            caption={t('caseWork.overdue.caption')}
            empty={t('caseWork.overdue.empty')}
            items={work.data.overdue}
          />
          <MyWorkHandovers handovers={work.data.handovers} />
          <MyWorkCases cases={work.data.cases} />
        </>
      ) : null}
    </>
  );
}

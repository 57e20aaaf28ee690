import { useTranslation } from 'react-i18next';
import { useAdviceList } from '../../api/advice-api.ts';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure, StatusText } from '../../components/query-state.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { access } from '../../session/access.ts';
import { useCurrentSession } from '../../session/current-session.tsx';
import { AdviceDetails } from './advice-details.tsx';
import { advicePaths } from './paths.ts';

/** "Mijn adviesvragen": the requests this user asked, newest first, with the advice once given. */
export function MyAdvicePage() {
  const { t } = useTranslation();
  usePageTitle(t('advice.mine.title'));
  const session = useCurrentSession();
  const list = useAdviceList(false);
  // Veilig Thuis also receives the requests of its municipalities; here it sees those it asked itself.
  const vt = access.queue(session);
  const mine = (list.data ?? [])
    .filter((r) => !vt || (r.channel === 'web' && r.askerOrganisation === session.organisation?.name))
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const openCount = mine.filter((r) => r.status === 'open').length;
  return (
    <>
      <PageHeading>{t('advice.mine.title')}</PageHeading>
      <Paragraph>
        {t('advice.mine.intro')} <AppLink to={advicePaths.ask}>{t('advice.mine.askLink')}</AppLink>
      </Paragraph>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryFailure error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <StatusText>
          {t('advice.mine.count', { count: mine.length })}{' '}
          {openCount > 0 ? t('advice.mine.openCount', { count: openCount }) : ''}
        </StatusText>
      ) : null}
      {list.data && mine.length === 0 ? <Paragraph>{t('advice.mine.empty')}</Paragraph> : null}
      <ul className="kring-notes">
        {mine.map((request) => (
          <li key={request.id} className="kring-note">
            <section aria-labelledby={`advice-${request.id}-title`}>
              <Heading level={2} id={`advice-${request.id}-title`}>
                {t('advice.list.itemTitle', { reference: request.reference })}
              </Heading>
              <AdviceDetails request={request} withAsker={false} />
            </section>
          </li>
        ))}
      </ul>
    </>
  );
}

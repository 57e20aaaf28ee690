import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseKeys, casesApi } from '../../api/cases-api.ts';
import { PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { casePath } from './case-paths.ts';

/** "Mijn casussen": where I am coordinator or team member, with phase and last safety score. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('cases.mine.title'));
  const cases = useQuery({ queryKey: caseKeys.mine, queryFn: casesApi.mine });
  return (
    <>
      <PageHeading>{t('cases.mine.title')}</PageHeading>
      <Paragraph>{t('cases.mine.intro')}</Paragraph>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <QueryFailure error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data?.length === 0 ? <Paragraph>{t('cases.mine.empty')}</Paragraph> : null}
      {cases.data && cases.data.length > 0 ? (
        <Table caption={t('cases.mine.caption')}>
          <TableHead
            columns={[
              t('cases.reference'),
              t('cases.municipality'),
              t('cases.phase.label'),
              t('cases.coordinator'),
              t('cases.mine.myRole'),
              t('cases.mine.lastScore'),
              t('cases.openedAt'),
            ]}
          />
          <TableBody>
            {cases.data.map((c) => (
              <Row key={c.id}>
                <RowHeader>
                  <AppLink to={casePath(c.id)}>{c.reference}</AppLink>
                </RowHeader>
                <Cell>{c.municipalityName}</Cell>
                <Cell>{t(`cases.phases.${c.phase}`)}</Cell>
                <Cell>{c.coordinator}</Cell>
                <Cell>{c.myCaseRole ? t(`cases.caseRoles.${c.myCaseRole}`) : t('common.none')}</Cell>
                <Cell>{c.lastScore === null ? t('cases.mine.noScore') : `${c.lastScore} / 10`}</Cell>
                <Cell>{formatDateTime(c.openedAt, language)}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  MELDCODE_STEP_IDS,
  type MeldcodeSummary,
  meldcodeApi,
  meldcodeKeys,
} from '../../api/meldcode-api.ts';
import { PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { access } from '../../session/access.ts';
import { useCurrentSession } from '../../session/current-session.tsx';
import { meldcodePaths } from './meldcode-paths.ts';

export function progressText(t: TFunction, record: Pick<MeldcodeSummary, 'reportId' | 'nextStep'>): string {
  if (record.reportId) return t('meldcode.status.reported');
  if (record.nextStep)
    return t('meldcode.status.next', { number: MELDCODE_STEP_IDS.indexOf(record.nextStep) + 1 });
  return t('meldcode.status.done');
}

export function MeldcodeListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useCurrentSession();
  usePageTitle(t('meldcode.list.title'));
  const list = useQuery({ queryKey: meldcodeKeys.list, queryFn: meldcodeApi.list });
  const canCreate = access.meldcodeCreate(session);
  const isOfficer = session.roles.includes('meldcode_officer');
  return (
    <>
      <PageHeading>{t('meldcode.list.title')}</PageHeading>
      <Paragraph>{isOfficer ? t('meldcode.list.introOfficer') : t('meldcode.list.intro')}</Paragraph>
      {canCreate ? (
        <Paragraph>
          <AppLink to={meldcodePaths.create}>{t('meldcode.list.new')}</AppLink>
        </Paragraph>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryFailure error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t('meldcode.list.empty')}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <Table caption={t('meldcode.list.caption')}>
          <TableHead
            columns={[
              t('meldcode.list.client'),
              t('meldcode.list.municipality'),
              t('meldcode.list.author'),
              t('meldcode.list.updated'),
              t('meldcode.list.status'),
            ]}
          />
          <TableBody>
            {list.data.map((record) => (
              <Row key={record.id}>
                <RowHeader>
                  <AppLink
                    to={meldcodePaths.record(record.id)}
                    aria-label={t('meldcode.list.openRecord', { name: record.clientName })}
                  >
                    {record.clientName}
                  </AppLink>
                </RowHeader>
                <Cell>{record.municipalityName}</Cell>
                <Cell>{record.author}</Cell>
                <Cell>{formatDateTime(record.updatedAt, language)}</Cell>
                <Cell>{progressText(t, record)}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
}

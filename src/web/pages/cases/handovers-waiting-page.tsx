import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseHandoversApi, handoverKeys } from '../../api/case-handovers-api.ts';
import { Button } from '../../components/button.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCurrentSession } from '../../session/current-session.tsx';
import { HandoverCard } from './handover-card.tsx';

/** Address of "Overdrachten voor mij" (Dutch, as users see and share it). */
export const handoversWaitingPath = '/overdrachten';

/**
 * "Overdrachten voor mij": what other organisations proposed or escalated to mine (or to me). The
 * receiver sees the handover here, decides, and only then sees the case.
 */
export function HandoversWaitingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useCurrentSession();
  usePageTitle(t('caseHandovers.waiting.title'));
  const waiting = useQuery({ queryKey: handoverKeys.waiting, queryFn: caseHandoversApi.waiting });
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <PageHeading>{t('caseHandovers.waiting.title')}</PageHeading>
      <Paragraph>{t('caseHandovers.waiting.intro')}</Paragraph>
      {waiting.isPending ? <Loading /> : null}
      {waiting.isError ? <QueryFailure error={waiting.error} onRetry={() => void waiting.refetch()} /> : null}
      {waiting.data?.length === 0 ? <Paragraph>{t('caseHandovers.waiting.empty')}</Paragraph> : null}
      {waiting.data && waiting.data.length > 0 ? (
        <Table caption={t('caseHandovers.waiting.caption')}>
          <TableHead
            columns={[
              t('caseHandovers.fields.case'),
              t('caseHandovers.fields.municipality'),
              t('caseHandovers.fields.subject'),
              t('caseHandovers.waiting.from'),
              t('caseHandovers.fields.status'),
              t('caseHandovers.fields.dueAt'),
              t('caseHandovers.waiting.view'),
            ]}
          />
          <TableBody>
            {waiting.data.map((w) => (
              <Row key={w.id}>
                <RowHeader>{w.caseReference}</RowHeader>
                <Cell>{w.municipalityName}</Cell>
                <Cell>
                  {t(`caseHandovers.subjects.${w.subject}`)}
                  {w.toUserId === session.user.id ? ` (${t('caseHandovers.waiting.toYou')})` : ''}
                </Cell>
                <Cell>{`${w.fromUser} (${w.fromOrganisation})`}</Cell>
                <Cell>
                  <StatusBadge variant={w.status === 'escalated' ? 'danger' : 'warning'}>
                    {t(`caseHandovers.statuses.${w.status}`)}
                    {w.escalationLevel !== null
                      ? ` (${t('caseHandovers.history.level', { level: w.escalationLevel })})`
                      : ''}
                  </StatusBadge>
                </Cell>
                <Cell>
                  {formatDateTime(w.dueAt, language)}
                  {w.overdue ? ` (${t('caseHandovers.fields.overdue')})` : ''}
                </Cell>
                <Cell>
                  <Button
                    type="button"
                    appearance="secondary"
                    aria-label={t('caseHandovers.waiting.viewLabel', { reference: w.caseReference })}
                    aria-expanded={selected === w.id}
                    onClick={() => setSelected(selected === w.id ? null : w.id)}
                  >
                    {t('caseHandovers.waiting.view')}
                  </Button>
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {selected ? <WaitingHandoverDetail handoverId={selected} /> : null}
    </>
  );
}

function WaitingHandoverDetail({ handoverId }: { handoverId: string }) {
  const { t } = useTranslation();
  const handover = useQuery({
    queryKey: handoverKeys.one(handoverId),
    queryFn: () => caseHandoversApi.get(handoverId),
  });
  return (
    <section className="kring-section" aria-labelledby="handover-detail-title">
      <Heading level={2} id="handover-detail-title">
        {t('caseHandovers.waiting.detailTitle', { reference: handover.data?.caseReference ?? '' })}
      </Heading>
      {handover.isPending ? <Loading /> : null}
      {handover.isError ? (
        <QueryFailure error={handover.error} onRetry={() => void handover.refetch()} />
      ) : null}
      {handover.data ? <HandoverCard handover={handover.data} /> : null}
    </section>
  );
}

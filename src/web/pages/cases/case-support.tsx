import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CaseSupportItem, caseSupportApi, caseSupportKeys } from '../../api/case-support-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { DataList } from '../../components/data-list.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { type BadgeVariant, StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { RecordSupportForm, SupportOutcomeForm } from './support-forms.tsx';

const BADGE: Record<'open' | 'used' | 'declined', BadgeVariant> = {
  open: 'warning',
  used: 'success',
  declined: 'neutral',
};

function OutcomeBadge({ item }: { item: CaseSupportItem }) {
  const { t } = useTranslation();
  const state = item.outcome?.outcome ?? 'open';
  const label = state === 'open' ? t('caseSupport.open') : t(`caseSupport.outcomes.${item.kind}.${state}`);
  return <StatusBadge variant={BADGE[state]}>{label}</StatusBadge>;
}

/**
 * Help for perpetrators (*plegerhulp*) and experience experts (*ervaringsdeskundigen*) on the case
 * page: what was offered, to whom, by whom, and whether it was used or declined.
 */
export function CaseSupport({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery({
    queryKey: caseSupportKeys.list(kase.id),
    queryFn: () => caseSupportApi.list(kase.id),
  });
  const data = list.data;
  return (
    <section className="kring-section" aria-labelledby="case-support-title">
      <Heading level={2} id="case-support-title">
        {t('caseSupport.title')}
      </Heading>
      <Paragraph>{t('caseSupport.intro')}</Paragraph>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryFailure error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data ? (
        <>
          {data.support.length === 0 ? <Paragraph>{t('caseSupport.none')}</Paragraph> : null}
          {data.withheld > 0 ? (
            <Paragraph>{t('caseSupport.withheld', { count: data.withheld })}</Paragraph>
          ) : null}
          {data.support.length > 0 ? (
            <Table caption={t('caseSupport.caption')}>
              <TableHead
                columns={[
                  t('caseSupport.columns.kind'),
                  t('caseSupport.columns.forWhom'),
                  t('caseSupport.columns.provider'),
                  t('caseSupport.columns.offeredAt'),
                  t('caseSupport.columns.outcome'),
                ]}
              />
              <TableBody>
                {data.support.map((s) => (
                  <Row key={s.id}>
                    <RowHeader>{t(`caseSupport.kinds.${s.kind}`)}</RowHeader>
                    <Cell>{s.member ? s.member.fullName : t('caseSupport.household')}</Cell>
                    <Cell>{s.provider}</Cell>
                    <Cell>{formatDateTime(s.offeredAt, language)}</Cell>
                    <Cell>
                      <OutcomeBadge item={s} />
                    </Cell>
                  </Row>
                ))}
              </TableBody>
            </Table>
          ) : null}
          {data.support.map((s) => (
            <SupportDetails key={s.id} caseId={kase.id} item={s} />
          ))}
          {data.mayRecord ? (
            <RecordSupportForm kase={kase} />
          ) : (
            <Paragraph>{t('caseSupport.recorders')}</Paragraph>
          )}
        </>
      ) : null}
    </section>
  );
}

function SupportDetails({ caseId, item: s }: { caseId: string; item: CaseSupportItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = `support-${s.id}-title`;
  return (
    <article className="kring-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t('caseSupport.itemTitle', {
          kind: t(`caseSupport.kinds.${s.kind}`),
          provider: s.provider,
        })}{' '}
        <OutcomeBadge item={s} />
      </Heading>
      <DataList
        items={[
          {
            key: 'forWhom',
            label: t('caseSupport.details.forWhom'),
            value: s.member
              ? `${s.member.fullName} (${codeLabel(t, 'personRole', s.member.role)})`
              : t('caseSupport.household'),
          },
          {
            key: 'offeredAt',
            label: t('caseSupport.details.offeredAt'),
            value: formatDateTime(s.offeredAt, language),
          },
          {
            key: 'category',
            label: t('caseSupport.details.category'),
            value: codeLabel(t, 'category', s.category),
          },
          {
            key: 'recorded',
            label: t('caseSupport.details.recorded'),
            value: t('caseSupport.details.recordedLine', {
              name: s.recordedBy,
              organisation: s.organisation,
              date: formatDateTime(s.recordedAt, language),
            }),
          },
          ...(s.note ? [{ key: 'note', label: t('caseSupport.details.note'), value: s.note }] : []),
          ...(s.outcome
            ? [
                {
                  key: 'outcome',
                  label: t('caseSupport.details.outcome'),
                  value: t('caseSupport.details.outcomeLine', {
                    outcome: t(`caseSupport.outcomes.${s.kind}.${s.outcome.outcome}`),
                    date: formatDateTime(s.outcome.at, language),
                    name: s.outcome.recordedBy,
                  }),
                },
                ...(s.outcome.note
                  ? [
                      {
                        key: 'outcomeNote',
                        label: t('caseSupport.details.outcomeNote'),
                        value: s.outcome.note,
                      },
                    ]
                  : []),
              ]
            : []),
        ]}
      />
      {s.mayRecordOutcome ? <SupportOutcomeForm caseId={caseId} item={s} /> : null}
    </article>
  );
}

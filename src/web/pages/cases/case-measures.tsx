import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type CaseMeasure,
  caseMeasureKeys,
  caseMeasuresApi,
  type MeasureStatus,
} from '../../api/case-measures-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { DataList } from '../../components/data-list.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { type BadgeVariant, StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ExtendMeasureForm, LiftMeasureForm } from './measure-change-forms.tsx';
import { ImposeMeasureForm } from './measure-impose-form.tsx';

const BADGE: Record<MeasureStatus, BadgeVariant> = {
  scheduled: 'neutral',
  active: 'success',
  expiring_soon: 'warning',
  expired: 'neutral',
  lifted: 'neutral',
};
const RUNNING: ReadonlySet<MeasureStatus> = new Set(['scheduled', 'active', 'expiring_soon']);

export function MeasureStatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return <StatusBadge variant={BADGE[status]}>{t(`caseMeasures.statuses.${status}`)}</StatusBadge>;
}

/** Measures with legal clocks on the case page: overview, details, and forms to record, extend and lift. */
export function CaseMeasures({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery({
    queryKey: caseMeasureKeys.list(kase.id),
    queryFn: () => caseMeasuresApi.list(kase.id),
  });
  const data = list.data;
  return (
    <section className="kring-section" aria-labelledby="case-measures-title">
      <Heading level={2} id="case-measures-title">
        {t('caseMeasures.title')}
      </Heading>
      <Paragraph>{t('caseMeasures.intro')}</Paragraph>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryFailure error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data ? (
        <>
          {data.measures.length === 0 ? <Paragraph>{t('caseMeasures.none')}</Paragraph> : null}
          {data.withheld > 0 ? (
            <Paragraph>{t('caseMeasures.withheld', { count: data.withheld })}</Paragraph>
          ) : null}
          {data.measures.length > 0 ? (
            <Table caption={t('caseMeasures.caption')}>
              <TableHead
                columns={[
                  t('caseMeasures.columns.kind'),
                  t('caseMeasures.columns.concerned'),
                  t('caseMeasures.columns.status'),
                  t('caseMeasures.columns.imposedAt'),
                  t('caseMeasures.columns.end'),
                  t('caseMeasures.columns.maximumEnd'),
                  t('caseMeasures.columns.nextReminder'),
                ]}
              />
              <TableBody>
                {data.measures.map((m) => (
                  <Row key={m.id}>
                    <RowHeader>{t(`caseMeasures.kinds.${m.kind}`)}</RowHeader>
                    <Cell>
                      {m.members
                        .map((p) => `${p.fullName} (${t(`caseMeasures.partShort.${p.part}`)})`)
                        .join(', ')}
                    </Cell>
                    <Cell>
                      <MeasureStatusBadge status={m.status} />
                    </Cell>
                    <Cell>{formatDateTime(m.imposedAt, language)}</Cell>
                    <Cell>{formatDateTime(m.end, language)}</Cell>
                    <Cell>
                      {m.maximumEnd ? formatDateTime(m.maximumEnd, language) : t('caseMeasures.noMaximum')}
                    </Cell>
                    <Cell>
                      {m.nextReminder
                        ? t('caseMeasures.reminderIn', {
                            count: m.nextReminder.daysBefore,
                            date: formatDateTime(m.nextReminder.at, language),
                          })
                        : t('common.none')}
                    </Cell>
                  </Row>
                ))}
              </TableBody>
            </Table>
          ) : null}
          {data.measures.map((m) => (
            <MeasureDetails key={m.id} caseId={kase.id} measure={m} />
          ))}
          {data.recordableKinds.length > 0 ? (
            <ImposeMeasureForm kase={kase} recordableKinds={data.recordableKinds} />
          ) : null}
          {!data.recordableKinds.includes('restraining_order') ? (
            <Paragraph>{t('caseMeasures.orderRecorders')}</Paragraph>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function MeasureDetails({ caseId, measure: m }: { caseId: string; measure: CaseMeasure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const kind = t(`caseMeasures.kinds.${m.kind}`);
  const titleId = `measure-${m.id}-title`;
  const names = m.members.filter((p) => p.part === 'subject').map((p) => p.fullName);
  return (
    <article className="kring-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t('caseMeasures.measureTitle', { kind, names: names.join(', ') })}{' '}
        <MeasureStatusBadge status={m.status} />
      </Heading>
      <DataList
        items={[
          {
            key: 'decidedBy',
            label: t('caseMeasures.details.decidedBy'),
            value: t(`caseMeasures.authorities.${m.decidedBy}`),
          },
          ...(m.decisionReference
            ? [
                {
                  key: 'reference',
                  label: t('caseMeasures.details.decisionReference'),
                  value: m.decisionReference,
                },
              ]
            : []),
          {
            key: 'category',
            label: t('caseMeasures.details.category'),
            value: codeLabel(t, 'category', m.category),
          },
          { key: 'basis', label: t('caseMeasures.details.basis'), value: m.basis },
          {
            key: 'recorded',
            label: t('caseMeasures.details.recorded'),
            value: t('caseMeasures.details.recordedLine', {
              name: m.recordedBy,
              organisation: m.organisation,
              date: formatDateTime(m.recordedAt, language),
            }),
          },
          ...(m.note ? [{ key: 'note', label: t('caseMeasures.details.note'), value: m.note }] : []),
          ...(m.reminders.length > 0
            ? [
                {
                  key: 'reminders',
                  label: t('caseMeasures.details.reminders'),
                  value: m.reminders
                    .map((r) =>
                      t('caseMeasures.details.reminderLine', {
                        date: formatDateTime(r.recordedAt, language),
                        what:
                          r.kind === 'expired'
                            ? t('caseMeasures.details.reminderExpired')
                            : t('caseMeasures.details.reminderBefore', { count: r.daysBefore ?? 0 }),
                      }),
                    )
                    .join('; '),
                },
              ]
            : []),
        ]}
      />
      {m.lifted ? (
        <Paragraph>
          {t('caseMeasures.liftedLine', {
            date: formatDateTime(m.lifted.at, language),
            by: m.lifted.by,
            authority: t(`caseMeasures.authorities.${m.lifted.decidedBy}`),
            reason: m.lifted.reason,
          })}
        </Paragraph>
      ) : null}
      {m.extensions.length > 0 ? (
        <Table caption={t('caseMeasures.extensions.caption', { kind })}>
          <TableHead
            columns={[
              t('caseMeasures.extensions.newEnd'),
              t('caseMeasures.extensions.previousEnd'),
              t('caseMeasures.extensions.decidedBy'),
              t('caseMeasures.extensions.reason'),
              t('caseMeasures.extensions.recordedBy'),
            ]}
          />
          <TableBody>
            {m.extensions.map((e) => (
              <Row key={`${e.recordedAt}-${e.newEnd}`}>
                <RowHeader>{formatDateTime(e.newEnd, language)}</RowHeader>
                <Cell>{formatDateTime(e.previousEnd, language)}</Cell>
                <Cell>{t(`caseMeasures.authorities.${e.decidedBy}`)}</Cell>
                <Cell>{e.reason}</Cell>
                <Cell>
                  {e.recordedBy} ({e.organisation}), {formatDateTime(e.recordedAt, language)}
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {m.mayChange && RUNNING.has(m.status) ? (
        <>
          {m.status !== 'scheduled' ? <ExtendMeasureForm caseId={caseId} measure={m} /> : null}
          <LiftMeasureForm caseId={caseId} measure={m} />
        </>
      ) : null}
    </article>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ReportClassification } from '../api/codes.ts';
import { queryKeys } from '../api/queries.ts';
import { Heading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { type BadgeVariant, StatusBadge } from '../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../components/table.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { formatDateTime } from '../lib/format.ts';

const BADGE: Record<ReportClassification, BadgeVariant> = {
  first_report: 'neutral',
  follow_up_report: 'warning',
  re_report: 'danger',
};

/**
 * The radar for Veilig Thuis: earlier reports about the same people (in every region) and whether
 * this one is a first report, a follow-up report or a re-report. Each load is audited by the server,
 * so it is loaded once per visit, not on every change of the report.
 */
export function ReportRadar({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const radar = useQuery({ queryKey: queryKeys.radar(reportId), queryFn: () => api.radar(reportId) });
  const data = radar.data;
  const hasPossible = data?.matches.some((match) => match.certainty === 'possible') ?? false;
  return (
    <section className="kring-section">
      <Heading level={2} id="radar-title">
        {t('radar.title')}
      </Heading>
      {radar.isPending ? <Loading /> : null}
      {radar.isError ? <QueryFailure error={radar.error} onRetry={() => void radar.refetch()} /> : null}
      {data ? (
        <>
          <p className="utrecht-paragraph kring-radar__classification">
            <span>{t('radar.classificationLabel')}</span>{' '}
            <StatusBadge variant={BADGE[data.classification] ?? 'neutral'}>
              {codeLabel(t, 'classification', data.classification)}
            </StatusBadge>
          </p>
          <Paragraph>
            {t(`radar.explanation.${data.classification}`, { defaultValue: '' })}
            {hasPossible ? ` ${t('radar.possibleNote')}` : ''}
          </Paragraph>
          {data.matches.length === 0 ? (
            <Paragraph>{t('radar.empty')}</Paragraph>
          ) : (
            <Table caption={t('radar.caption')}>
              <TableHead
                columns={[
                  t('radar.columns.reference'),
                  t('radar.columns.region'),
                  t('radar.columns.receivedAt'),
                  t('radar.columns.person'),
                  t('radar.columns.matchedOn'),
                  t('radar.columns.certainty'),
                  t('radar.columns.involvementEnded'),
                ]}
              />
              <TableBody>
                {data.matches.map((match) => (
                  <Row key={match.reportId}>
                    <RowHeader>{match.reference}</RowHeader>
                    <Cell>{match.regionName}</Cell>
                    <Cell>{formatDateTime(match.receivedAt, language)}</Cell>
                    <Cell>{match.personName}</Cell>
                    <Cell>{codeLabel(t, 'matchedOn', match.matchedOn)}</Cell>
                    <Cell>{codeLabel(t, 'certainty', match.certainty)}</Cell>
                    <Cell>
                      {match.involvementEndedAt
                        ? formatDateTime(match.involvementEndedAt, language)
                        : t('radar.stillInvolved')}
                    </Cell>
                  </Row>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      ) : null}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { Heading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../components/table.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { formatMonth, formatNumber, formatPercentage } from '../lib/format.ts';

/** The norm of the Handelingsprotocol: 90% of safety assessments within 5 working days. */
const DEFAULT_NORM = 0.9;

/** Per month: safety assessments within the term against the norm. No personal data. */
export function QueueFigures() {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = useQuery({ queryKey: queryKeys.assessmentFigures, queryFn: api.assessmentFigures });
  const norm = formatPercentage(figures.data?.[0]?.norm ?? DEFAULT_NORM, language);
  return (
    <section className="kring-section">
      <Heading level={2} id="queue-figures-title">
        {t('figures.title')}
      </Heading>
      <Paragraph>{t('figures.intro', { norm })}</Paragraph>
      {figures.isPending ? <Loading /> : null}
      {figures.isError ? <QueryFailure error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.data?.length === 0 ? <Paragraph>{t('figures.empty')}</Paragraph> : null}
      {figures.data && figures.data.length > 0 ? (
        <Table caption={t('figures.caption', { norm })}>
          <TableHead
            columns={[
              t('figures.columns.month'),
              t('figures.columns.onTime'),
              t('figures.columns.late'),
              t('figures.columns.pending'),
              t('figures.columns.share'),
              t('figures.columns.meetsNorm'),
            ]}
          />
          <TableBody>
            {figures.data.map((month) => (
              <Row key={month.month}>
                <RowHeader>{formatMonth(month.month, language)}</RowHeader>
                <Cell>{formatNumber(month.onTime, language)}</Cell>
                <Cell>{formatNumber(month.late, language)}</Cell>
                <Cell>{formatNumber(month.pending, language)}</Cell>
                <Cell>
                  {month.share === undefined ? t('common.none') : formatPercentage(month.share, language)}
                </Cell>
                <Cell>
                  {month.meetsNorm === undefined
                    ? t('common.none')
                    : month.meetsNorm
                      ? t('common.yes')
                      : t('common.no')}
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type {
  IndicatorDefinition,
  InsightSection,
  Localised,
  ReferenceFigure,
} from '../../api/insight-api.ts';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatCalendarDate, formatNumber } from '../../lib/format.ts';
import { PublishedValue, RateValue, ShareValue, SuppressionNote } from './published-value.tsx';
import { TrendChart, type TrendPoint } from './trend-chart.tsx';

function quarterText(key: string, language: 'nl' | 'en') {
  const [year, q] = key.split('-Q');
  return language === 'nl' ? `${year} K${q}` : `${year} Q${q}`;
}

/** The latest national figure entered for this indicator, shown beside the region's own. */
function ReferenceLine({ figure, unit }: { figure: ReferenceFigure | undefined; unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!figure) return null;
  return (
    <Paragraph className="kring-reference">
      {t('insight.reference.line', {
        value: `${formatNumber(figure.value, language)}${unit}`,
        year: figure.year,
        source: figure.source,
        date: formatCalendarDate(figure.sourceDate, language),
      })}
    </Paragraph>
  );
}

/** One indicator: its name, definition, version and source, the protected figures and the trend. */
export function InsightSectionView({
  section,
  definition,
  threshold,
  references,
}: {
  section: InsightSection;
  definition: IndicatorDefinition;
  threshold: number;
  references: ReferenceFigure[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = (l: Localised) => l[language];
  const name = text(definition.name);
  const headingId = `insight-${section.indicator.replace('.', '-')}`;
  const reference = references
    .filter((r) => r.indicator === section.indicator)
    .sort((a, b) => b.year - a.year)[0];
  const unit = definition.unit === 'percent' ? '%' : '';
  return (
    <section className="kring-section kring-panel" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {name}
      </Heading>
      <details className="kring-definition">
        <summary>{t('insight.definition')}</summary>
        <Paragraph>{text(definition.definition)}</Paragraph>
        <Paragraph>
          {t('insight.versionSource', { version: definition.version, source: definition.source })}
        </Paragraph>
      </details>
      <ReferenceLine figure={reference} unit={unit} />
      {section.kind === 'table' ? (
        <>
          <Table caption={t('insight.tableCaption', { name })}>
            <TableHead
              columns={[
                t('insight.rowHeader'),
                ...section.columns.map((c) => text(c.label)),
                t('insight.total'),
              ]}
            />
            <TableBody>
              {section.rows.map((r, i) => (
                <Row key={r.key}>
                  <RowHeader>{text(r.label)}</RowHeader>
                  {section.table.cells[i]?.map((cell, j) => (
                    <Cell key={section.columns[j]?.key}>
                      <PublishedValue cell={cell} threshold={threshold} />
                    </Cell>
                  ))}
                  <Cell>
                    {section.table.rowTotals[i] ? (
                      <PublishedValue cell={section.table.rowTotals[i]} threshold={threshold} />
                    ) : null}
                  </Cell>
                </Row>
              ))}
              <Row>
                <RowHeader>{t('insight.total')}</RowHeader>
                {section.table.columnTotals.map((cell, j) => (
                  <Cell key={section.columns[j]?.key}>
                    <PublishedValue cell={cell} threshold={threshold} />
                  </Cell>
                ))}
                <Cell>
                  <PublishedValue cell={section.table.grandTotal} threshold={threshold} />
                </Cell>
              </Row>
            </TableBody>
          </Table>
          <SuppressionNote threshold={threshold} />
          {section.trend ? (
            <TrendChart
              title={t('insight.trendTitle', { name })}
              points={section.columns.map((c, j): TrendPoint => {
                const cell = section.table.columnTotals[j];
                return { label: text(c.label), value: cell && !cell.suppressed ? cell.value : null };
              })}
            />
          ) : null}
        </>
      ) : null}
      {section.kind === 'share' ? (
        <>
          <Table caption={t('insight.tableCaption', { name })}>
            <TableHead
              columns={[
                t('insight.rowHeader'),
                text(section.outcomes.yes),
                text(section.outcomes.no),
                t('insight.share'),
              ]}
            />
            <TableBody>
              {[...section.rows, section.total].map((r) => (
                <Row key={r.key}>
                  <RowHeader>{r.key === 'total' ? t('insight.total') : text(r.label)}</RowHeader>
                  <Cell>
                    <PublishedValue cell={r.yes} threshold={threshold} />
                  </Cell>
                  <Cell>
                    <PublishedValue cell={r.no} threshold={threshold} />
                  </Cell>
                  <Cell>
                    <ShareValue share={r.share} />
                  </Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
          <SuppressionNote threshold={threshold} />
          {section.maturity ? (
            <Paragraph className="kring-note">
              {section.maturity.countedUpTo
                ? t('insight.maturity.countedUpTo', {
                    months: section.maturity.months,
                    quarter: quarterText(section.maturity.countedUpTo, language),
                  })
                : t('insight.maturity.none', { months: section.maturity.months })}
            </Paragraph>
          ) : null}
          {section.ambition ? (
            <Paragraph className="kring-reference">
              {t('insight.ambition.line', {
                value: formatNumber(section.ambition.value, language),
                source: section.ambition.source,
              })}
            </Paragraph>
          ) : null}
          <TrendChart
            title={t('insight.trendTitle', { name })}
            unit="%"
            reference={
              reference
                ? { value: reference.value, label: t('insight.reference.chart', { year: reference.year }) }
                : section.ambition
                  ? { value: section.ambition.value, label: t('insight.ambition.chart') }
                  : undefined
            }
            points={section.trend.map((p) => ({
              label: quarterText(p.quarter, language),
              value: p.share.suppressed ? null : p.share.percent,
            }))}
          />
        </>
      ) : null}
      {section.kind === 'rate' ? (
        <Table caption={t('insight.tableCaption', { name })}>
          <TableHead
            columns={[t('insight.rowHeader'), t('insight.rate.count'), t('insight.rate.population'), name]}
          />
          <TableBody>
            {[...section.rows, section.total].map((r) => (
              <Row key={r.key}>
                <RowHeader>{r.key === 'total' ? t('insight.total') : text(r.label)}</RowHeader>
                <Cell>
                  <PublishedValue cell={r.count} threshold={threshold} />
                </Cell>
                <Cell>
                  {r.population === null
                    ? t('insight.rate.noPopulation')
                    : r.populationYear
                      ? t('insight.rate.populationOf', {
                          population: formatNumber(r.population, language),
                          year: r.populationYear,
                        })
                      : formatNumber(r.population, language)}
                </Cell>
                <Cell>
                  <RateValue rate={r.rate} />
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {section.kind === 'series' ? (
        <TrendChart
          title={t('insight.trendTitle', { name })}
          points={section.points.map((p) => ({ label: quarterText(p.quarter, language), value: p.value }))}
        />
      ) : null}
      {section.kind === 'series' ? (
        <Paragraph className="kring-note">{t('insight.seriesNote', { threshold })}</Paragraph>
      ) : null}
    </section>
  );
}

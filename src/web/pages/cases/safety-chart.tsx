import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAssessment } from '../../api/cases-api.ts';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 40, right: 16, top: 16, bottom: 40 };
const LOWEST = '#b3261e';
const MEDIAN = '#1c5d99';

function x(index: number, count: number) {
  const span = WIDTH - PAD.left - PAD.right;
  return PAD.left + (count <= 1 ? span / 2 : (span * index) / (count - 1));
}
function y(score: number) {
  return PAD.top + ((10 - score) * (HEIGHT - PAD.top - PAD.bottom)) / 10;
}

/**
 * The trajectory of safety scores (0–10) as an inline SVG: the lowest score of each assessment (one
 * person feeling unsafe is what matters) and the median. The same figures follow in a table, which
 * is the text alternative for people who cannot see the chart.
 */
export function SafetyChart({ assessments }: { assessments: CaseAssessment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const descId = useId();
  const points = [...assessments].sort((a, b) => a.assessedAt.localeCompare(b.assessedAt));
  const line = (value: (a: CaseAssessment) => number) =>
    points.map((p, i) => `${x(i, points.length)},${y(value(p))}`).join(' ');
  const last = points.at(-1);
  return (
    <figure className="kring-section">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{t('cases.chart.title')}</title>
        <desc id={descId}>
          {last
            ? t('cases.chart.description', {
                number: points.length,
                lowest: last.minScore,
                median: last.medianScore,
              })
            : t('cases.chart.empty')}
        </desc>
        {[0, 2, 4, 6, 8, 10].map((score) => (
          <g key={score}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(score)} y2={y(score)} stroke="#c8c8c8" />
            <text x={PAD.left - 8} y={y(score) + 4} textAnchor="end" fontSize="12" fill="#333333">
              {score}
            </text>
          </g>
        ))}
        {points.length > 1 ? (
          <>
            <polyline
              points={line((p) => p.medianScore)}
              fill="none"
              stroke={MEDIAN}
              strokeWidth="2"
              strokeDasharray="6 4"
            />
            <polyline points={line((p) => p.minScore)} fill="none" stroke={LOWEST} strokeWidth="3" />
          </>
        ) : null}
        {points.map((p, i) => (
          <g key={p.id}>
            <circle cx={x(i, points.length)} cy={y(p.medianScore)} r="4" fill={MEDIAN} />
            <rect x={x(i, points.length) - 5} y={y(p.minScore) - 5} width="10" height="10" fill={LOWEST} />
            <text
              x={x(i, points.length)}
              y={HEIGHT - PAD.bottom + 18}
              textAnchor="middle"
              fontSize="11"
              fill="#333333"
            >
              {i + 1}
            </text>
          </g>
        ))}
        <g>
          <rect x={PAD.left} y={HEIGHT - 14} width="10" height="10" fill={LOWEST} />
          <text x={PAD.left + 16} y={HEIGHT - 5} fontSize="12" fill="#333333">
            {t('cases.chart.lowest')}
          </text>
          <circle cx={PAD.left + 200} cy={HEIGHT - 9} r="5" fill={MEDIAN} />
          <text x={PAD.left + 212} y={HEIGHT - 5} fontSize="12" fill="#333333">
            {t('cases.chart.median')}
          </text>
        </g>
      </svg>
      <figcaption className="kring-visually-hidden">{t('cases.chart.title')}</figcaption>
      <Table caption={t('cases.chart.tableCaption')}>
        <TableHead
          columns={[
            t('cases.chart.number'),
            t('cases.chart.date'),
            t('cases.chart.lowest'),
            t('cases.chart.median'),
          ]}
        />
        <TableBody>
          {points.map((p, i) => (
            <Row key={p.id}>
              <RowHeader>{i + 1}</RowHeader>
              <Cell>{formatDateTime(p.assessedAt, language)}</Cell>
              <Cell>{p.minScore}</Cell>
              <Cell>{p.medianScore}</Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}

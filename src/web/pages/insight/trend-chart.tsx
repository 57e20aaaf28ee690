import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';

const WIDTH = 640;
const HEIGHT = 240;
// Room on the right for half of the last quarter's label, which is centred on its point.
const PAD = { left: 56, right: 32, top: 16, bottom: 36 };
/** At most this many quarter labels under the axis; with more quarters every n-th, ending at the last. */
const MAX_LABELS = 8;
const LINE = '#1c5d99';
const REFERENCE = '#8a4b00';

export interface TrendPoint {
  /** Quarter label, e.g. "2024 K1". */
  label: string;
  /** null: hidden to protect small numbers, or nothing to show. */
  value: number | null;
}

/** A rounded upper bound for the axis: 1, 2 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * A trend per quarter as an inline SVG line, broken where a value is hidden; an optional dashed
 * line for the national reference. The same figures follow in a table, the text alternative.
 */
export function TrendChart({
  title,
  points,
  unit,
  reference,
}: {
  title: string;
  points: TrendPoint[];
  /** Appended to values in the table and the description, e.g. "%". */
  unit?: string;
  reference?: { value: number; label: string } | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const descId = useId();
  const shown = points.filter((p): p is { label: string; value: number } => p.value !== null);
  const top = niceMax(Math.max(0, ...shown.map((p) => p.value), reference?.value ?? 0));
  const x = (i: number) => {
    const span = WIDTH - PAD.left - PAD.right;
    return PAD.left + (points.length <= 1 ? span / 2 : (span * i) / (points.length - 1));
  };
  const y = (v: number) => PAD.top + ((top - v) * (HEIGHT - PAD.top - PAD.bottom)) / top;
  const fmt = (v: number) => `${formatNumber(v, language)}${unit ?? ''}`;
  // Consecutive visible points form one segment; a hidden value breaks the line.
  const segments: { i: number; v: number }[][] = [];
  let current: { i: number; v: number }[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push({ i, v: p.value });
  });
  if (current.length) segments.push(current);
  const first = shown[0];
  const last = shown.at(-1);
  const labelEvery = Math.ceil(points.length / MAX_LABELS);
  return (
    <figure className="kring-section kring-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>
          {first && last
            ? t('insight.chart.description', {
                count: points.length,
                first: first.label,
                firstValue: fmt(first.value),
                last: last.label,
                lastValue: fmt(last.value),
                hidden: points.length - shown.length,
              })
            : t('insight.chart.empty')}
        </desc>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top * f)} y2={y(top * f)} stroke="#c8c8c8" />
            <text x={PAD.left - 8} y={y(top * f) + 4} textAnchor="end" fontSize="12" fill="#333333">
              {formatNumber(top * f, language)}
            </text>
          </g>
        ))}
        {reference ? (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(reference.value)}
            y2={y(reference.value)}
            stroke={REFERENCE}
            strokeWidth="2"
            strokeDasharray="6 4"
          />
        ) : null}
        {segments.map((segment) => (
          <polyline
            key={segment[0]?.i}
            points={segment.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}
            fill="none"
            stroke={LINE}
            strokeWidth="3"
          />
        ))}
        {points.map((p, i) => (
          <g key={p.label}>
            {p.value !== null ? <circle cx={x(i)} cy={y(p.value)} r="4" fill={LINE} /> : null}
            {(points.length - 1 - i) % labelEvery === 0 ? (
              <text x={x(i)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" fontSize="11" fill="#333333">
                {p.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="kring-visually-hidden">{title}</figcaption>
      {reference ? <p className="utrecht-paragraph kring-note">{reference.label}</p> : null}
      <Table caption={t('insight.chart.tableCaption', { title })} captionHidden>
        <TableHead columns={[t('insight.quarter'), t('insight.value')]} />
        <TableBody>
          {points.map((p) => (
            <Row key={p.label}>
              <RowHeader>{p.label}</RowHeader>
              <Cell>{p.value === null ? t('insight.chart.hidden') : fmt(p.value)}</Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}

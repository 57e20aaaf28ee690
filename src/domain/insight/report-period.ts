import { DateTime } from 'luxon';

/**
 * The period a regional report covers (issue 5 §4): a quarterly report covers one calendar quarter,
 * the yearly integral measurement one calendar year, and a baseline (nulmeting) any period of at
 * most five years that has ended. Dates are inclusive ISO dates.
 */
export type ReportKind = 'baseline' | 'quarterly' | 'yearly';

export const MAX_BASELINE_YEARS = 5;

export interface PeriodProblem {
  field: 'from' | 'to';
  message: { nl: string; en: string };
}

const date = (s: string) => DateTime.fromISO(s, { zone: 'utc' });

/** Problems with a requested period; empty when it is fine. `today` is an ISO date. */
export function checkReportPeriod(
  kind: ReportKind,
  from: string,
  to: string,
  today: string,
): PeriodProblem[] {
  const a = date(from);
  const b = date(to);
  if (!a.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(from))
    return [{ field: 'from', message: { nl: 'Geen geldige datum.', en: 'Not a valid date.' } }];
  if (!b.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(to))
    return [{ field: 'to', message: { nl: 'Geen geldige datum.', en: 'Not a valid date.' } }];
  if (b < a)
    return [
      {
        field: 'to',
        message: { nl: 'Het einde ligt vóór het begin.', en: 'The end lies before the start.' },
      },
    ];
  if (a > date(today))
    return [
      {
        field: 'from',
        message: { nl: 'De periode is nog niet begonnen.', en: 'The period has not started yet.' },
      },
    ];
  if (kind === 'quarterly') {
    const quarterStart = a.startOf('quarter');
    if (!a.equals(quarterStart) || !b.equals(a.endOf('quarter').startOf('day')))
      return [
        {
          field: 'from',
          message: {
            nl: 'Een kwartaalrapportage beslaat precies één kwartaal (bijvoorbeeld 1 januari tot en met 31 maart).',
            en: 'A quarterly report covers exactly one quarter (for example 1 January to 31 March).',
          },
        },
      ];
  }
  if (kind === 'yearly') {
    if (!a.equals(a.startOf('year')) || !b.equals(a.endOf('year').startOf('day')))
      return [
        {
          field: 'from',
          message: {
            nl: 'De jaarmeting beslaat precies één kalenderjaar.',
            en: 'The yearly measurement covers exactly one calendar year.',
          },
        },
      ];
  }
  if (kind === 'baseline' && b > a.plus({ years: MAX_BASELINE_YEARS }))
    return [
      {
        field: 'to',
        message: {
          nl: `Een nulmeting beslaat hoogstens ${MAX_BASELINE_YEARS} jaar.`,
          en: `A baseline covers at most ${MAX_BASELINE_YEARS} years.`,
        },
      },
    ];
  return [];
}

/** The calendar quarter or year as from/to, for forms that ask "which quarter". */
export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): { from: string; to: string } {
  const start = DateTime.utc(year, (quarter - 1) * 3 + 1, 1);
  return { from: start.toISODate() ?? '', to: start.endOf('quarter').toISODate() ?? '' };
}

export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

import { DateTime } from 'luxon';
import { computeAssessmentDeadline } from '../safety-assessment-deadline.ts';
import { AMSTERDAM, addWorkingDays, endOfAmsterdamDay } from '../working-days.ts';

/**
 * The front door's legal clocks besides the safety assessment (which lives in
 * ../safety-assessment-deadline.ts), and the monthly norm shares Veilig Thuis is measured on.
 * In every clock the day on which it starts does not count, as in the Algemene termijnenwet.
 */

/**
 * Uitvoeringsbesluit Wmo 2015 art. 4.1.7 (version read: 2015): the investigation starts "binnen
 * vijf dagen" and a judgment follows "uiterlijk binnen tien weken na de vaststelling" that an
 * investigation is needed. Interpretation chosen:
 * - both clocks start at that decision (vaststelling). The first paragraph literally counts
 *   "na ontvangst van een melding, nadat is vastgesteld…"; read from receipt it would often have
 *   run out before the 5-working-day safety assessment that leads to the decision;
 * - "vijf dagen" as 5 working days (weekends and the holidays of the Algemene termijnenwet do not
 *   count), the same unit as the safety assessment. The stricter calendar reading is 5 days;
 * - "tien weken" as 70 calendar days, ending at 23:59 Europe/Amsterdam, not moved off a weekend or
 *   holiday: it is the inspectorate's measure and an earlier warning is the safe side.
 */
export const INVESTIGATION_START_WORKING_DAYS = 5;
export const INVESTIGATION_CONCLUDE_WEEKS = 10;

export interface InvestigationDeadlines {
  startBy: Date;
  concludeBy: Date;
}

export function computeInvestigationDeadlines(decidedAt: Date): InvestigationDeadlines {
  const decisionDay = DateTime.fromJSDate(decidedAt, { zone: AMSTERDAM }).startOf('day');
  return {
    startBy: endOfAmsterdamDay(addWorkingDays(decidedAt, INVESTIGATION_START_WORKING_DAYS)),
    concludeBy: decisionDay.plus({ weeks: INVESTIGATION_CONCLUDE_WEEKS }).endOf('day').toJSDate(),
  };
}

/**
 * Wmo 2015 art. 5.3.1: a person whose data Veilig Thuis received from someone else is told within
 * 4 weeks of recording those data; the term may be extended "telkens met ten hoogste twee weken"
 * when needed to end the violence or investigate it, so each extension is at most 14 days and
 * must state that reason. An expired term cannot be extended. (Leaving the notice out altogether,
 * art. 5.3.1 lid 3, is a decision outside this clock.)
 */
export const INFORMING_WEEKS = 4;
export const INFORMING_EXTENSION_MAX_DAYS = 14;

export interface InformingExtension {
  grantedAt: Date;
  reason: string;
  /** Length of this extension in calendar days, 1–14; 14 when left out. */
  days?: number;
}

export type InformingDeadline =
  | { ok: true; dueAt: Date; extensionsApplied: number }
  | {
      ok: false;
      error: 'extension_without_reason' | 'extension_too_long' | 'extension_after_deadline';
      index: number;
    };

export function computeInformingDeadline(
  recordedAt: Date,
  extensions: readonly InformingExtension[] = [],
): InformingDeadline {
  let due = DateTime.fromJSDate(recordedAt, { zone: AMSTERDAM })
    .startOf('day')
    .plus({ weeks: INFORMING_WEEKS });
  const ordered = extensions
    .map((extension, index) => ({ extension, index }))
    .sort((a, b) => a.extension.grantedAt.getTime() - b.extension.grantedAt.getTime() || a.index - b.index);
  for (const { extension, index } of ordered) {
    const days = extension.days ?? INFORMING_EXTENSION_MAX_DAYS;
    if (extension.reason.trim() === '') return { ok: false, error: 'extension_without_reason', index };
    if (!Number.isInteger(days) || days < 1 || days > INFORMING_EXTENSION_MAX_DAYS)
      return { ok: false, error: 'extension_too_long', index };
    if (extension.grantedAt.getTime() > due.endOf('day').toMillis())
      return { ok: false, error: 'extension_after_deadline', index };
    due = due.plus({ days });
  }
  return { ok: true, dueAt: due.endOf('day').toJSDate(), extensionsApplied: ordered.length };
}

/** Field norms (reference §1): 90% of assessments within 5 working days, 80% of investigations within 10 weeks. */
export const ASSESSMENT_NORM_SHARE = 0.9;
export const INVESTIGATION_NORM_SHARE = 0.8;

export interface AssessmentItem {
  receivedAt: Date;
  assessedAt: Date | null;
}

export interface InvestigationItem {
  decidedAt: Date;
  concludedAt: Date | null;
}

export interface MonthlyNormShare {
  /** 'YYYY-MM' in Europe/Amsterdam of the moment the clock started (receipt or decision). */
  month: string;
  total: number;
  onTime: number;
  /** Done after the deadline, or still open with the deadline passed at `asOf`. */
  late: number;
  /** Still open, deadline not yet passed: left out of the share. */
  pending: number;
  /** onTime / (onTime + late); undefined when nothing is decided yet. */
  share: number | undefined;
  norm: number;
  meetsNorm: boolean | undefined;
}

export function amsterdamMonth(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: AMSTERDAM }).toFormat('yyyy-MM');
}

/**
 * Assessments grouped by month of receipt. The norm is "within 5 working days" for every report;
 * an acute report also had to be assessed at once, which is watched in the queue, not here.
 */
export function computeAssessmentNormShares(
  items: readonly AssessmentItem[],
  asOf: Date,
): MonthlyNormShare[] {
  const dueOf = perAmsterdamDay((d) => computeAssessmentDeadline(d, false).dueAt);
  return shareByMonth(
    items.map((i) => ({ start: i.receivedAt, due: dueOf(i.receivedAt), doneAt: i.assessedAt })),
    asOf,
    ASSESSMENT_NORM_SHARE,
  );
}

/** Investigations grouped by month of the decision to investigate, measured against the 10 weeks. */
export function computeInvestigationNormShares(
  items: readonly InvestigationItem[],
  asOf: Date,
): MonthlyNormShare[] {
  const dueOf = perAmsterdamDay((d) => computeInvestigationDeadlines(d).concludeBy);
  return shareByMonth(
    items.map((i) => ({ start: i.decidedAt, due: dueOf(i.decidedAt), doneAt: i.concludedAt })),
    asOf,
    INVESTIGATION_NORM_SHARE,
  );
}

/**
 * These deadlines depend only on the Amsterdam calendar day the clock started; a month of
 * thousands of items has at most 31 such days, and the holiday calendar is slow to consult.
 */
function perAmsterdamDay(compute: (instant: Date) => Date): (instant: Date) => Date {
  const cache = new Map<string, Date>();
  return (instant) => {
    const key = DateTime.fromJSDate(instant, { zone: AMSTERDAM }).toISODate() ?? '';
    let due = cache.get(key);
    if (due === undefined) {
      due = compute(instant);
      cache.set(key, due);
    }
    return due;
  };
}

interface ClockItem {
  start: Date;
  due: Date;
  doneAt: Date | null;
}

function shareByMonth(items: readonly ClockItem[], asOf: Date, norm: number): MonthlyNormShare[] {
  const months = new Map<string, { total: number; onTime: number; late: number; pending: number }>();
  for (const item of items) {
    if (item.doneAt !== null && item.doneAt < item.start)
      throw new RangeError('an item was done before its clock started');
    const month = amsterdamMonth(item.start);
    const m = months.get(month) ?? { total: 0, onTime: 0, late: 0, pending: 0 };
    m.total++;
    if (item.doneAt !== null) {
      if (item.doneAt <= item.due) m.onTime++;
      else m.late++;
    } else if (asOf > item.due) m.late++;
    else m.pending++;
    months.set(month, m);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, m]) => {
      const decided = m.onTime + m.late;
      const share = decided === 0 ? undefined : m.onTime / decided;
      return { month, ...m, share, norm, meetsNorm: share === undefined ? undefined : share >= norm };
    });
}

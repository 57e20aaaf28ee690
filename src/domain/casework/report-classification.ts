/**
 * Kinds of report by earlier Veilig Thuis involvement with the same people (reference.md §1, CBS):
 * - *eerste melding*: no earlier involvement;
 * - *vervolgmelding*: a report during involvement (CBS table 85361NED counts these separately);
 * - *hermelding*: a report about people already known to VT whose involvement had ended.
 * No look-back window is applied: CBS publishes none we could find (reference.md §1, [NF]).
 */
export type ReportClassification = 'first_report' | 'follow_up_report' | 're_report';

export interface EarlierInvolvement {
  caseOpenedAt: Date;
  /** Null while the case is still open. */
  caseClosedAt: Date | null;
}

function assertInvolvement(involvement: EarlierInvolvement): void {
  const { caseOpenedAt, caseClosedAt } = involvement;
  if (Number.isNaN(caseOpenedAt.getTime()) || (caseClosedAt !== null && Number.isNaN(caseClosedAt.getTime())))
    throw new RangeError('involvement has an invalid date');
  if (caseClosedAt !== null && caseClosedAt.getTime() < caseOpenedAt.getTime())
    throw new RangeError('involvement closes before it opens');
}

/**
 * Only involvement that began strictly before receipt counts as earlier: a case opened at the
 * moment of receipt is the one this report opened, not history. Cases opened later are ignored,
 * so classifying an old report again later gives the same answer. Involvement lasts up to, not
 * including, its closing moment: a report received the instant a case closes is a re-report.
 */
export function classifyReport(
  history: readonly EarlierInvolvement[],
  receivedAt: Date,
): ReportClassification {
  history.forEach(assertInvolvement);
  const t = receivedAt.getTime();
  const known = history.filter((i) => i.caseOpenedAt.getTime() < t);
  if (known.some((i) => i.caseClosedAt === null || i.caseClosedAt.getTime() > t)) return 'follow_up_report';
  return known.length > 0 ? 're_report' : 'first_report';
}

/** A phase change of a household case, reduced to whether the case is closed after it. */
export interface CaseStateChange {
  at: Date;
  closed: boolean;
}

/**
 * The periods of involvement of one household case: from opening to its first closure, and from
 * each reopening to the next closure (the last one open-ended while the case is open). Changes
 * that do not switch between open and closed (a phase step inside the open case) change nothing;
 * changes before the opening are ignored. Periods come out ordered and never overlap.
 */
export function caseInvolvementPeriods(
  openedAt: Date,
  changes: readonly CaseStateChange[],
): EarlierInvolvement[] {
  const periods: EarlierInvolvement[] = [];
  let start: Date | null = openedAt;
  const ordered = [...changes]
    .filter((c) => c.at.getTime() >= openedAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const change of ordered) {
    if (change.closed && start !== null) {
      periods.push({ caseOpenedAt: start, caseClosedAt: change.at });
      start = null;
    } else if (!change.closed && start === null) {
      start = change.at;
    }
  }
  if (start !== null) periods.push({ caseOpenedAt: start, caseClosedAt: null });
  return periods;
}

/** What is known about one earlier report of the same people, for the classification. */
export interface EarlierReport {
  receivedAt: Date;
  /** Veilig Thuis' own involvement with the report ended (e.g. no further action). */
  involvementEndedAt: Date | null;
  /** The household case the report was attached to, if any. */
  inCase: { attachedAt: Date; periods: readonly EarlierInvolvement[] } | null;
}

/**
 * The involvement an earlier report stands for. A report outside any case: from receipt until
 * Veilig Thuis' involvement ended. A report in a household case: involvement with the people goes
 * on as long as their case is open, even when Veilig Thuis itself handed over (issue 3 §11) — so
 * from receipt until the end of the case period it was attached in, plus every period of that case
 * (a reopened case is involvement again).
 */
export function involvementOfEarlierReports(reports: readonly EarlierReport[]): EarlierInvolvement[] {
  return reports.flatMap((r): EarlierInvolvement[] => {
    if (r.inCase === null) return [{ caseOpenedAt: r.receivedAt, caseClosedAt: r.involvementEndedAt }];
    const attached = r.inCase.attachedAt.getTime();
    const period = r.inCase.periods.find(
      (p) =>
        p.caseOpenedAt.getTime() <= attached &&
        (p.caseClosedAt === null || p.caseClosedAt.getTime() > attached),
    );
    const end = period ? period.caseClosedAt : r.involvementEndedAt;
    const own = {
      caseOpenedAt: r.receivedAt,
      caseClosedAt: end === null ? null : new Date(Math.max(end.getTime(), r.receivedAt.getTime())),
    };
    return [own, ...r.inCase.periods];
  });
}

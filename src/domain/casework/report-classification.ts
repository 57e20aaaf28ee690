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

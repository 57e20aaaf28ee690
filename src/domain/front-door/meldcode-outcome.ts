import { decideWeighing, type WeighingAnswers, type WeighingOutcome } from './afwegingskader.ts';

/**
 * Step 5 of the meldcode: the professional records the outcome the afwegingskader reached. The
 * outcome is not free: it must be the one decideWeighing gives for the stored answers, so acute or
 * structural unsafety (question 2 = yes) can only ever end in a report, whatever a client sends.
 */
export type OutcomeRefusal = 'weighing_incomplete' | 'unsafety_requires_report' | 'outcome_mismatch';

export function checkMeldcodeOutcome(
  answers: WeighingAnswers | null,
  chosen: WeighingOutcome,
): { ok: true } | { ok: false; refusal: OutcomeRefusal; expected?: WeighingOutcome } {
  if (answers === null) return { ok: false, refusal: 'weighing_incomplete' };
  const decision = decideWeighing(answers);
  if (decision.kind === 'question') return { ok: false, refusal: 'weighing_incomplete' };
  if (decision.outcome === chosen) return { ok: true };
  if (decision.reason === 'acute_or_structural_unsafety')
    return { ok: false, refusal: 'unsafety_requires_report', expected: 'report' };
  return { ok: false, refusal: 'outcome_mismatch', expected: decision.outcome };
}

/** A report may be made from the record once its recorded outcome is a report, and only once. */
export function canReportFromRecord(record: { outcome: string | null; reportId: string | null }): boolean {
  return record.outcome === 'report' && record.reportId === null;
}

/**
 * Indicator arithmetic over plain arrays and counts (issue 5). Figures computed here are
 * unprotected: counts go through protectTable and rates through publishRate
 * (./disclosure.ts) before anyone sees them.
 *
 * A ratio with a zero denominator is undefined, never Infinity or NaN: "no reports" is not
 * "a 0% re-report rate", and growth from zero has no percentage.
 */

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator; undefined when the denominator is 0. */
  value: number | undefined;
}

function assertCount(name: string, n: number): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${name} must be a finite number >= 0`);
}

export function computeRatio(numerator: number, denominator: number): Ratio {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  return { numerator, denominator, value: denominator === 0 ? undefined : numerator / denominator };
}

/**
 * Earlier Veilig Thuis involvement with the same people, as CBS classifies a report: none; ended
 * (a hermelding, re-report); or still going on (a vervolgmelding, follow-up report).
 */
export type EarlierInvolvement = 'none' | 'ended' | 'ongoing';

export interface ReportFact {
  earlierInvolvement: EarlierInvolvement;
}

/** Re-report rate as CBS defines it: hermeldingen over all reports in the period (reference §1). */
export function computeReReportRate(reports: readonly ReportFact[]): Ratio {
  const reReports = reports.filter((r) => r.earlierInvolvement === 'ended').length;
  return computeRatio(reReports, reports.length);
}

/** Count per `per` inhabitants (default 100,000); undefined for an empty population. */
export function computeRatePer100k(count: number, population: number, per = 100_000): number | undefined {
  assertCount('count', count);
  assertCount('population', population);
  if (!(per > 0)) throw new RangeError('per must be > 0');
  return population === 0 ? undefined : (count / population) * per;
}

/**
 * Percentage change from `previous` to `current`: +20 for 100 → 120. Undefined when `previous` is
 * 0, also for 0 → 0: a change from nothing has no percentage.
 */
export function computePercentageChange(previous: number, current: number): number | undefined {
  assertCount('previous', previous);
  assertCount('current', current);
  return previous === 0 ? undefined : ((current - previous) / previous) * 100;
}

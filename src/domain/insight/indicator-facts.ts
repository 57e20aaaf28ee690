import type { ReportClassification } from '../casework/report-classification.ts';
import type { CountTable } from './disclosure.ts';
import { type QuarterKey, quarterOf } from './quarters.ts';
import type { ReporterCategory } from './reporter-category.ts';

/**
 * The facts indicators are defined over: one per report, advice request, investigation, case or
 * assessment, holding nothing that identifies a person (municipality, instants, codes), and the
 * functions that turn them into unprotected counts keyed by row and column. The store does not
 * read facts one by one: it groups them in SQL per region and quarter (./quarter-summary.ts,
 * src/modules/insight/store.ts), and quarter-summary.test.ts checks that the summaries give the
 * same counts as these functions. Counts go through disclosure control
 * (src/modules/insight/disclosure-gate.ts) before anyone sees them.
 */
export interface ReportFact {
  municipality: string;
  receivedAt: Date;
  violenceKinds: readonly string[];
  reporterCategory: ReporterCategory;
  assessedAt: Date | null;
  assessmentDueAt: Date;
  classification: ReportClassification;
}

export interface AdviceFact {
  municipality: string;
  receivedAt: Date;
}

export interface InvestigationFact {
  municipality: string;
  concludedAt: Date;
  concludeBy: Date;
}

export interface CaseFact {
  municipality: string;
  openedAt: Date;
  /** Whether a phase change to stable safety was ever recorded. */
  reachedStableSafety: boolean;
  closedAt: Date | null;
  hasAssessment: boolean;
}

export interface AssessmentFact {
  caseId: string;
  assessedAt: Date;
  /** The lowest participant score (0–10) of the assessment. */
  minScore: number;
}

/** The two columns of a share table: the event happened (yes) or not (no). */
export type ShareOutcome = 'yes' | 'no';

export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;
export const shareColumn = (quarter: QuarterKey, outcome: ShareOutcome) => `${quarter}:${outcome}`;

/** Counts facts per row and column; facts whose row or column is null are left out. */
export function tally<T>(
  facts: readonly T[],
  rowsOf: (fact: T) => string | readonly string[] | null,
  columnOf: (fact: T) => string | null,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fact of facts) {
    const column = columnOf(fact);
    const rows = rowsOf(fact);
    if (column === null || rows === null) continue;
    for (const row of typeof rows === 'string' ? [rows] : new Set(rows)) {
      const key = cellKey(row, column);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** A table of the given rows and columns; a row or column key not in the lists is ignored. */
export function toCountTable(
  rowKeys: readonly string[],
  columnKeys: readonly string[],
  counts: ReadonlyMap<string, number>,
): CountTable {
  return {
    rowKeys,
    columnKeys,
    cells: rowKeys.map((r) => columnKeys.map((c) => counts.get(cellKey(r, c)) ?? 0)),
  };
}

/**
 * Whether the safety assessment of a report was in time: assessed by the due instant (yes),
 * after it or not at all once it has passed (no); null while it is still open and not yet due.
 */
export function assessmentOutcome(fact: ReportFact, asOf: Date): ShareOutcome | null {
  const due = fact.assessmentDueAt.getTime();
  if (fact.assessedAt) return fact.assessedAt.getTime() <= due ? 'yes' : 'no';
  return asOf.getTime() > due ? 'no' : null;
}

export function investigationOutcome(fact: InvestigationFact): ShareOutcome {
  return fact.concludedAt.getTime() <= fact.concludeBy.getTime() ? 'yes' : 'no';
}

export function reReportOutcome(fact: ReportFact): ShareOutcome {
  return fact.classification === 're_report' ? 'yes' : 'no';
}

/** Counts per municipality and quarter of the instant `at`. */
export function tallyByMunicipalityQuarter<T extends { municipality: string }>(
  facts: readonly T[],
  at: (fact: T) => Date,
): Map<string, number> {
  return tally(
    facts,
    (f) => f.municipality,
    (f) => quarterOf(at(f)),
  );
}

/** Counts of a share per municipality and (quarter, outcome); facts with a null outcome are left out. */
export function tallyShare<T extends { municipality: string }>(
  facts: readonly T[],
  at: (fact: T) => Date,
  outcome: (fact: T) => ShareOutcome | null,
): Map<string, number> {
  return tally(
    facts,
    (f) => f.municipality,
    (f) => {
      const o = outcome(f);
      return o === null ? null : shareColumn(quarterOf(at(f)), o);
    },
  );
}

/** Open cases without any safety assessment, per municipality, in one column "waiting". */
export function tallyCasesWaiting(cases: readonly CaseFact[]): Map<string, number> {
  return tally(
    cases.filter((c) => c.closedAt === null && !c.hasAssessment),
    (c) => c.municipality,
    () => 'waiting',
  );
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

const DAY_MS = 86_400_000;

/** Median calendar days (one decimal) from receipt to assessment per quarter of receipt, with the count. */
export function daysToAssessmentByQuarter(
  reports: readonly ReportFact[],
): Map<QuarterKey, { n: number; median: number }> {
  const days = new Map<QuarterKey, number[]>();
  for (const r of reports) {
    if (!r.assessedAt) continue;
    const q = quarterOf(r.receivedAt);
    const list = days.get(q) ?? [];
    list.push((r.assessedAt.getTime() - r.receivedAt.getTime()) / DAY_MS);
    days.set(q, list);
  }
  const out = new Map<QuarterKey, { n: number; median: number }>();
  for (const [q, list] of days)
    out.set(q, { n: list.length, median: Math.round((median(list) ?? 0) * 10) / 10 });
  return out;
}

/**
 * Mean lowest safety score (one decimal) of the assessments in each quarter, with the number of
 * distinct cases assessed in it (the figure the threshold applies to).
 */
export function safetyScoreByQuarter(
  assessments: readonly AssessmentFact[],
): Map<QuarterKey, { cases: number; mean: number }> {
  const byQuarter = new Map<QuarterKey, { cases: Set<string>; sum: number; n: number }>();
  for (const a of assessments) {
    const q = quarterOf(a.assessedAt);
    const entry = byQuarter.get(q) ?? { cases: new Set<string>(), sum: 0, n: 0 };
    entry.cases.add(a.caseId);
    entry.sum += a.minScore;
    entry.n += 1;
    byQuarter.set(q, entry);
  }
  const out = new Map<QuarterKey, { cases: number; mean: number }>();
  for (const [q, e] of byQuarter)
    out.set(q, { cases: e.cases.size, mean: Math.round((e.sum / e.n) * 10) / 10 });
  return out;
}

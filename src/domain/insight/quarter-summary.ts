import type { ReportClassification } from '../casework/report-classification.ts';
import { cellKey, type ShareOutcome, shareColumn } from './indicator-facts.ts';
import type { QuarterKey } from './quarters.ts';
import { categoriseReporter } from './reporter-category.ts';

/**
 * The unprotected counts of one region and quarter, as the store keeps them
 * (insight_quarter_summary, grouped in SQL from the records: src/modules/insight/store.ts). The
 * dashboard adds up the quarters it needs instead of reading the records. Nothing here identifies
 * a person: municipality codes, codes and counts. The counts still pass disclosure control
 * (src/modules/insight/disclosure-gate.ts) before anyone sees them.
 */
export type YesNo = [yes: number, no: number];

export interface QuarterSummary {
  /** Reports received, per municipality. */
  reports: Record<string, number>;
  /** Advice requests received, per municipality. */
  advice: Record<string, number>;
  /** Reports received with each kind of violence (a report counts once per kind). */
  violenceKinds: Record<string, number>;
  /** Reports received per reporter category (src/domain/insight/reporter-category.ts). */
  reporters: Record<string, number>;
  /**
   * Reports received and assessed, per municipality: by the due instant (yes) or after it (no).
   * Reports not yet assessed are counted live, as whether they are late depends on the moment.
   */
  assessedInTime: Record<string, YesNo>;
  /** Investigations concluded in the quarter, per municipality: in time or not. */
  investigationInTime: Record<string, YesNo>;
  /** Reports received, per municipality: a re-report (yes) or not (no). */
  reReports: Record<string, YesNo>;
  /** Cases opened, per municipality: stable safety ever reached (yes) or not (no). */
  stableSafety: Record<string, YesNo>;
  /** Assessed reports received in the quarter and the median days from receipt to assessment. */
  daysToAssessment: { n: number; median: number } | null;
  /** Safety assessments in the quarter: distinct cases, sum and number of lowest scores. */
  safetyScore: { cases: number; sum: number; n: number } | null;
}

export function emptyQuarterSummary(): QuarterSummary {
  return {
    reports: {},
    advice: {},
    violenceKinds: {},
    reporters: {},
    assessedInTime: {},
    investigationInTime: {},
    reReports: {},
    stableSafety: {},
    daysToAssessment: null,
    safetyScore: null,
  };
}

export function addCount(target: Record<string, number>, key: string, n: number): void {
  target[key] = (target[key] ?? 0) + n;
}

export function addYesNo(target: Record<string, YesNo>, key: string, outcome: ShareOutcome, n: number) {
  const entry = target[key] ?? [0, 0];
  entry[outcome === 'yes' ? 0 : 1] += n;
  target[key] = entry;
}

/** What is counted at the moment of reading rather than kept per quarter. */
export interface LiveCounts {
  /** Reports not assessed whose due instant has passed (late), per municipality and quarter of receipt. */
  overdueUnassessed: readonly { municipality: string; quarter: QuarterKey; n: number }[];
  /** Open cases without any safety assessment, per municipality. */
  casesWaiting: readonly { municipality: string; n: number }[];
}

/**
 * The counts the indicator tables are made of, keyed like indicator-facts.ts (cellKey of row and
 * column; share columns "2024-Q1:yes"), so the same tables come out as when tallying facts.
 */
export interface InsightCounts {
  reports: Map<string, number>;
  advice: Map<string, number>;
  violenceKinds: Map<string, number>;
  reporters: Map<string, number>;
  assessmentInTime: Map<string, number>;
  investigationInTime: Map<string, number>;
  reReports: Map<string, number>;
  stableSafety: Map<string, number>;
  casesWaiting: Map<string, number>;
  /** Median days (one decimal) per quarter of receipt, with the count it is over. */
  daysToAssessment: Map<QuarterKey, { n: number; median: number }>;
  /** Mean lowest safety score (one decimal) per quarter, with the number of distinct cases. */
  safetyScore: Map<QuarterKey, { cases: number; mean: number }>;
}

const add = (map: Map<string, number>, key: string, n: number) => {
  if (n !== 0) map.set(key, (map.get(key) ?? 0) + n);
};

/** Turns the summaries of the quarters read (and what is counted live) into the indicator counts. */
export function countsFromSummaries(
  summaries: ReadonlyMap<QuarterKey, QuarterSummary>,
  live: LiveCounts,
): InsightCounts {
  const counts: InsightCounts = {
    reports: new Map(),
    advice: new Map(),
    violenceKinds: new Map(),
    reporters: new Map(),
    assessmentInTime: new Map(),
    investigationInTime: new Map(),
    reReports: new Map(),
    stableSafety: new Map(),
    casesWaiting: new Map(),
    daysToAssessment: new Map(),
    safetyScore: new Map(),
  };
  const plain = (target: Map<string, number>, source: Record<string, number>, quarter: QuarterKey) => {
    for (const [row, n] of Object.entries(source)) add(target, cellKey(row, quarter), n);
  };
  const share = (target: Map<string, number>, source: Record<string, YesNo>, quarter: QuarterKey) => {
    for (const [row, [yes, no]] of Object.entries(source)) {
      add(target, cellKey(row, shareColumn(quarter, 'yes')), yes);
      add(target, cellKey(row, shareColumn(quarter, 'no')), no);
    }
  };
  for (const [quarter, s] of summaries) {
    plain(counts.reports, s.reports, quarter);
    plain(counts.advice, s.advice, quarter);
    plain(counts.violenceKinds, s.violenceKinds, quarter);
    plain(counts.reporters, s.reporters, quarter);
    share(counts.assessmentInTime, s.assessedInTime, quarter);
    share(counts.investigationInTime, s.investigationInTime, quarter);
    share(counts.reReports, s.reReports, quarter);
    share(counts.stableSafety, s.stableSafety, quarter);
    if (s.daysToAssessment && s.daysToAssessment.n > 0)
      counts.daysToAssessment.set(quarter, {
        n: s.daysToAssessment.n,
        median: Math.round(s.daysToAssessment.median * 10) / 10,
      });
    if (s.safetyScore && s.safetyScore.n > 0)
      counts.safetyScore.set(quarter, {
        cases: s.safetyScore.cases,
        mean: Math.round((s.safetyScore.sum / s.safetyScore.n) * 10) / 10,
      });
  }
  for (const o of live.overdueUnassessed)
    if (summaries.has(o.quarter))
      add(counts.assessmentInTime, cellKey(o.municipality, shareColumn(o.quarter, 'no')), o.n);
  for (const w of live.casesWaiting) add(counts.casesWaiting, cellKey(w.municipality, 'waiting'), w.n);
  return counts;
}

/**
 * Rows of the grouping queries that make the summaries (src/modules/insight/store.ts; the
 * benchmark runs the same groupings in DuckDB). `quarter` is a QuarterKey, `n` a count.
 */
export interface SummaryGroups {
  reports: readonly {
    quarter: string;
    municipality: string;
    reporter_kind: string;
    source: string;
    creator_type: string | null;
    /** Assessed by the due instant; null while not assessed. */
    assessed_in_time: boolean | null;
    classification: ReportClassification;
    n: number;
  }[];
  kinds: readonly { quarter: string; kind: string; n: number }[];
  days: readonly { quarter: string; n: number; median: number }[];
  investigations: readonly { quarter: string; municipality: string; in_time: boolean; n: number }[];
  advice: readonly { quarter: string; municipality: string; n: number }[];
  cases: readonly { quarter: string; municipality: string; stable: boolean; n: number }[];
  scores: readonly { quarter: string; cases: number; sum: number; n: number }[];
}

/** The summary of every quarter that has a group (quarters without any are left out). */
export function assembleSummaries(groups: SummaryGroups): Map<QuarterKey, QuarterSummary> {
  const out = new Map<QuarterKey, QuarterSummary>();
  const of = (quarter: string) => {
    const key = quarter as QuarterKey;
    let s = out.get(key);
    if (!s) {
      s = emptyQuarterSummary();
      out.set(key, s);
    }
    return s;
  };
  for (const r of groups.reports) {
    const s = of(r.quarter);
    addCount(s.reports, r.municipality, r.n);
    const category = categoriseReporter({
      reporterKind: r.reporter_kind,
      source: r.source,
      creatorOrganisationType: r.creator_type,
    });
    addCount(s.reporters, category, r.n);
    if (r.assessed_in_time !== null)
      addYesNo(s.assessedInTime, r.municipality, r.assessed_in_time ? 'yes' : 'no', r.n);
    addYesNo(s.reReports, r.municipality, r.classification === 're_report' ? 'yes' : 'no', r.n);
  }
  for (const k of groups.kinds) addCount(of(k.quarter).violenceKinds, k.kind, k.n);
  for (const d of groups.days) of(d.quarter).daysToAssessment = { n: d.n, median: Number(d.median) };
  for (const i of groups.investigations)
    addYesNo(of(i.quarter).investigationInTime, i.municipality, i.in_time ? 'yes' : 'no', i.n);
  for (const a of groups.advice) addCount(of(a.quarter).advice, a.municipality, a.n);
  for (const c of groups.cases)
    addYesNo(of(c.quarter).stableSafety, c.municipality, c.stable ? 'yes' : 'no', c.n);
  for (const c of groups.scores) of(c.quarter).safetyScore = { cases: c.cases, sum: Number(c.sum), n: c.n };
  return out;
}

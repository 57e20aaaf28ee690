import type { ReportClassification } from '../casework/report-classification.ts';
import { indicator } from './catalogue.ts';
import { cellKey, type ShareOutcome, shareColumn } from './indicator-facts.ts';
import { type QuarterKey, quarterMatured } from './quarters.ts';
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
  /** Handovers accepted in the quarter and the median days from proposal to acceptance. */
  handoverAcceptance: { n: number; median: number } | null;
  /** Closures in the quarter, per municipality: a new report within 6, 12, 18 months (yes) or not. */
  reportAfterClosure: Record<ClosureWindow, Record<string, YesNo>>;
  /** Closures in the quarter, per municipality: an experience expert took part (yes) or not. */
  experienceExpert: Record<string, YesNo>;
  /** Reports whose involvement ended in the quarter, per municipality: no new report within 12 months (yes). */
  violenceStopped: Record<string, YesNo>;
  /** Offers of perpetrator help in the quarter, per municipality: used (yes) or not (no). */
  perpetratorHelp: Record<string, YesNo>;
  /** Restraining orders imposed in the quarter, per municipality. */
  restrainingOrders: Record<string, number>;
  /** Restraining orders imposed in the quarter, per municipality: extended (yes) or not (no). */
  restrainingOrderExtensions: Record<string, YesNo>;
  /** Crisis interventions started in the quarter, per municipality. */
  crisisCare: Record<string, number>;
  /** Shelter stays started in the quarter, per municipality. */
  shelterStays: Record<string, number>;
  /** Shelter stays started in the quarter and their median length in days. */
  shelterStayLength: { n: number; median: number } | null;
}

/** The follow-up windows after a closure (issue 5: a new report within 6, 12 and 18 months). */
export const CLOSURE_WINDOWS = ['6m', '12m', '18m'] as const;
export type ClosureWindow = (typeof CLOSURE_WINDOWS)[number];

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
    handoverAcceptance: null,
    reportAfterClosure: { '6m': {}, '12m': {}, '18m': {} },
    experienceExpert: {},
    violenceStopped: {},
    perpetratorHelp: {},
    restrainingOrders: {},
    restrainingOrderExtensions: {},
    crisisCare: {},
    shelterStays: {},
    shelterStayLength: null,
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
  /** Median days to acceptance (one decimal) per quarter of acceptance, with the count it is over. */
  handoverAcceptance: Map<QuarterKey, { n: number; median: number }>;
  /** Only quarters whose follow-up has passed (maturityMonths in the catalogue). */
  reportAfterClosure: Record<ClosureWindow, Map<string, number>>;
  experienceExpert: Map<string, number>;
  /** Only quarters whose 12 months of follow-up have passed. */
  violenceStopped: Map<string, number>;
  perpetratorHelp: Map<string, number>;
  restrainingOrders: Map<string, number>;
  restrainingOrderExtensions: Map<string, number>;
  crisisCare: Map<string, number>;
  shelterStays: Map<string, number>;
  /** Median length in days (one decimal) per quarter of the start, with the count it is over. */
  shelterStayLength: Map<QuarterKey, { n: number; median: number }>;
}

/** Months of follow-up each matured figure needs, from the catalogue (one source for both). */
const MATURITY = {
  '6m': indicator('outcome.report_after_closure_6m').maturityMonths ?? 6,
  '12m': indicator('outcome.report_after_closure_12m').maturityMonths ?? 12,
  '18m': indicator('outcome.report_after_closure_18m').maturityMonths ?? 18,
  violenceStopped: indicator('outcome.violence_stopped').maturityMonths ?? 12,
} as const;

const medianOf = (s: { n: number; median: number } | null) =>
  s && s.n > 0 ? { n: s.n, median: Math.round(s.median * 10) / 10 } : null;

const add = (map: Map<string, number>, key: string, n: number) => {
  if (n !== 0) map.set(key, (map.get(key) ?? 0) + n);
};

/** Turns the summaries of the quarters read (and what is counted live) into the indicator counts. */
export function countsFromSummaries(
  summaries: ReadonlyMap<QuarterKey, QuarterSummary>,
  live: LiveCounts,
  now: Date,
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
    handoverAcceptance: new Map(),
    reportAfterClosure: { '6m': new Map(), '12m': new Map(), '18m': new Map() },
    experienceExpert: new Map(),
    violenceStopped: new Map(),
    perpetratorHelp: new Map(),
    restrainingOrders: new Map(),
    restrainingOrderExtensions: new Map(),
    crisisCare: new Map(),
    shelterStays: new Map(),
    shelterStayLength: new Map(),
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
    const acceptance = medianOf(s.handoverAcceptance);
    if (acceptance) counts.handoverAcceptance.set(quarter, acceptance);
    for (const w of CLOSURE_WINDOWS)
      if (quarterMatured(quarter, MATURITY[w], now))
        share(counts.reportAfterClosure[w], s.reportAfterClosure[w], quarter);
    share(counts.experienceExpert, s.experienceExpert, quarter);
    if (quarterMatured(quarter, MATURITY.violenceStopped, now))
      share(counts.violenceStopped, s.violenceStopped, quarter);
    share(counts.perpetratorHelp, s.perpetratorHelp, quarter);
    plain(counts.restrainingOrders, s.restrainingOrders, quarter);
    share(counts.restrainingOrderExtensions, s.restrainingOrderExtensions, quarter);
    plain(counts.crisisCare, s.crisisCare, quarter);
    plain(counts.shelterStays, s.shelterStays, quarter);
    const length = medianOf(s.shelterStayLength);
    if (length) counts.shelterStayLength.set(quarter, length);
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
  /** Handovers by quarter of acceptance, with the median days from proposal. */
  handovers: readonly { quarter: string; n: number; median: number }[];
  /** Closures (not undone) by quarter of closing, with the first new report's window and the expert. */
  closures: readonly {
    quarter: string;
    municipality: string;
    within_6m: boolean;
    within_12m: boolean;
    within_18m: boolean;
    expert: boolean;
    n: number;
  }[];
  /** Reports by quarter their involvement ended: no new report within 12 months (stopped). */
  ended: readonly { quarter: string; municipality: string; stopped: boolean; n: number }[];
  /** Offers of perpetrator help by quarter of the offer: used or not. */
  perpetratorHelp: readonly { quarter: string; municipality: string; used: boolean; n: number }[];
  /** Measures by quarter of the start (restraining_order, crisis_care, shelter_stay). */
  measures: readonly { quarter: string; municipality: string; kind: string; extended: boolean; n: number }[];
  /** Shelter stays by quarter of the start, with their median length in days. */
  stays: readonly { quarter: string; n: number; median: number }[];
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
  for (const h of groups.handovers) of(h.quarter).handoverAcceptance = { n: h.n, median: Number(h.median) };
  for (const c of groups.closures) {
    const s = of(c.quarter);
    addYesNo(s.reportAfterClosure['6m'], c.municipality, c.within_6m ? 'yes' : 'no', c.n);
    addYesNo(s.reportAfterClosure['12m'], c.municipality, c.within_12m ? 'yes' : 'no', c.n);
    addYesNo(s.reportAfterClosure['18m'], c.municipality, c.within_18m ? 'yes' : 'no', c.n);
    addYesNo(s.experienceExpert, c.municipality, c.expert ? 'yes' : 'no', c.n);
  }
  for (const e of groups.ended)
    addYesNo(of(e.quarter).violenceStopped, e.municipality, e.stopped ? 'yes' : 'no', e.n);
  for (const p of groups.perpetratorHelp)
    addYesNo(of(p.quarter).perpetratorHelp, p.municipality, p.used ? 'yes' : 'no', p.n);
  for (const m of groups.measures) {
    const s = of(m.quarter);
    if (m.kind === 'restraining_order') {
      addCount(s.restrainingOrders, m.municipality, m.n);
      addYesNo(s.restrainingOrderExtensions, m.municipality, m.extended ? 'yes' : 'no', m.n);
    } else if (m.kind === 'crisis_care') addCount(s.crisisCare, m.municipality, m.n);
    else if (m.kind === 'shelter_stay') addCount(s.shelterStays, m.municipality, m.n);
  }
  for (const st of groups.stays) of(st.quarter).shelterStayLength = { n: st.n, median: Number(st.median) };
  return out;
}

import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  assembleSummaries,
  countsFromSummaries,
  emptyQuarterSummary,
  type InsightCounts,
  type LiveCounts,
  type QuarterSummary,
  type SummaryGroups,
} from '../../domain/insight/quarter-summary.ts';
import { type QuarterKey, quarterEnd, quarterStart, quartersOfYear } from '../../domain/insight/quarters.ts';

/**
 * Queries of regional insight. They read facts without names, dates of birth or free text: only
 * municipality codes, instants, codes and counts leave this file (identities are compared inside
 * SQL for the re-report classification and never selected). Counts are grouped in SQL per region
 * and quarter and kept in insight_quarter_summary (migration 0018), recomputed when a change to
 * the records was noted.
 */

export interface RegionMunicipality {
  code: string;
  name: string;
  subregion: string | null;
}

export async function loadRegion(db: Kysely<DB>, regionId: number) {
  return db.selectFrom('region').select(['id', 'code', 'name']).where('id', '=', regionId).executeTakeFirst();
}

export async function loadRegionMunicipalities(
  db: Kysely<DB>,
  regionId: number,
): Promise<RegionMunicipality[]> {
  const rows = await db
    .selectFrom('region_municipality as rm')
    .innerJoin('municipality as m', 'm.cbs_code', 'rm.cbs_code')
    .select(['m.cbs_code', 'm.name', 'rm.subregion'])
    .where('rm.region_id', '=', regionId)
    .orderBy('m.name')
    .orderBy('m.cbs_code')
    .execute();
  return rows.map((r) => ({ code: r.cbs_code, name: r.name, subregion: r.subregion }));
}

export async function loadServedMunicipalities(db: Kysely<DB>, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('organisation_municipality')
    .select('cbs_code')
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Set(rows.map((r) => r.cbs_code));
}

export interface PopulationFigure {
  inhabitants: number;
  year: number;
  source: string;
}

/**
 * Inhabitants per municipality: the latest figure of `year` or before, from municipality_population
 * — the one population table, filled by region files and by the outside-figures import (0016).
 */
export async function loadPopulation(
  db: Kysely<DB>,
  codes: readonly string[],
  year: number,
): Promise<Map<string, PopulationFigure>> {
  const out = new Map<string, PopulationFigure>();
  if (codes.length === 0) return out;
  const rows = await db
    .selectFrom('municipality_population')
    .select(['cbs_code', 'year', 'inhabitants', 'source'])
    .where('cbs_code', 'in', codes)
    .where('year', '<=', year)
    .orderBy('year')
    .execute();
  for (const r of rows) out.set(r.cbs_code, { inhabitants: r.inhabitants, year: r.year, source: r.source });
  return out;
}

/** The version of the summary's definitions: bump it when a count changes meaning, and every summary is recomputed. */
export const SUMMARY_VERSION = 2;

/** Advisory lock class of a summary recomputation (second key: the region). */
const SUMMARY_LOCK = 5_018;

interface Window {
  regionId: number;
  codes: readonly string[];
  from: Date;
  to: Date;
}

const inRegion = (column: string, w: Window) =>
  sql`${sql.ref(`r.region_id`)} = ${w.regionId} and ${sql.ref(column)} in (${sql.join(w.codes)})`;

/**
 * The CTEs `persons` and `linked (report_id, other_id)`: for each report of the CTE `target (id)`,
 * every other report about one of its people — same BSN key, or when either lacks one the same
 * normalised name and date of birth (src/domain/casework/report-classification.ts), in any region.
 */
const LINKED_REPORTS = sql`persons as (
      select p.report_id, p.bsn_hash, p.date_of_birth, insight_name_key(p.full_name) as name_key
      from report_person p where p.report_id in (select id from target)
    ), linked as (
      select p.report_id, q.report_id as other_id from persons p
      join report_person q on q.bsn_hash = p.bsn_hash and q.report_id <> p.report_id
      where p.bsn_hash is not null
      union
      select p.report_id, q.report_id from persons p
      join report_person q on q.date_of_birth = p.date_of_birth
        and insight_name_key(q.full_name) = p.name_key and q.report_id <> p.report_id
      where p.bsn_hash is null or q.bsn_hash is null
    )`;

/**
 * The counts of every quarter in the window, grouped in SQL. Re-reports follow classifyReport
 * (src/domain/casework/report-classification.ts): earlier reports about the same people (same BSN
 * key, or when either lacks one the same normalised name and date of birth; in every region)
 * received strictly before; a follow-up report when one of them was still going on (no end of
 * involvement, or one after receipt), a re-report when all had ended, else a first report.
 */
async function summariseWindow(db: Kysely<DB>, w: Window): Promise<Map<QuarterKey, QuarterSummary>> {
  if (w.codes.length === 0) return new Map();
  const window = (column: string) => sql`${sql.ref(column)} >= ${w.from} and ${sql.ref(column)} < ${w.to}`;

  const reports = await sql<SummaryGroups['reports'][number]>`
    with target as (
      select r.id, r.municipality_code, r.received_at, r.reporter_kind, r.source, o.type as creator_type,
        r.assessed_at, r.assessment_due_at
      from report r left join organisation o on o.id = r.created_by_organisation_id
      where ${inRegion('r.municipality_code', w)} and ${window('r.received_at')}
    ), ${LINKED_REPORTS}, history as (
      select t.id,
        bool_or(e.involvement_ended_at is null or e.involvement_ended_at > t.received_at) as ongoing
      from linked l join target t on t.id = l.report_id
      join report e on e.id = l.other_id and e.received_at < t.received_at
      group by t.id
    )
    select insight_quarter(t.received_at) as quarter, t.municipality_code as municipality,
      t.reporter_kind, t.source, t.creator_type,
      case when t.assessed_at is null then null else t.assessed_at <= t.assessment_due_at end
        as assessed_in_time,
      case when h.ongoing then 'follow_up_report' when h.id is not null then 're_report'
        else 'first_report' end as classification,
      count(*)::int as n
    from target t left join history h on h.id = t.id
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  const kinds = await sql<{ quarter: string; kind: string; n: number }>`
    select insight_quarter(r.received_at) as quarter, k.kind, count(*)::int as n
    from report r cross join lateral (select distinct unnest(r.violence_kinds) as kind) k
    where ${inRegion('r.municipality_code', w)} and ${window('r.received_at')}
    group by 1, 2`.execute(db);

  const days = await sql<{ quarter: string; n: number; median: number }>`
    select insight_quarter(r.received_at) as quarter, count(*)::int as n,
      percentile_cont(0.5) within group (
        order by (extract(epoch from r.assessed_at) - extract(epoch from r.received_at)) / 86400) as median
    from report r
    where ${inRegion('r.municipality_code', w)} and ${window('r.received_at')} and r.assessed_at is not null
    group by 1`.execute(db);

  const investigations = await sql<{ quarter: string; municipality: string; in_time: boolean; n: number }>`
    select insight_quarter(r.investigation_concluded_at) as quarter, r.municipality_code as municipality,
      r.investigation_concluded_at <= r.investigation_conclude_by as in_time, count(*)::int as n
    from report r
    where ${inRegion('r.municipality_code', w)} and ${window('r.investigation_concluded_at')}
      and r.investigation_conclude_by is not null
    group by 1, 2, 3`.execute(db);
  const advice = await sql<{ quarter: string; municipality: string; n: number }>`
    select insight_quarter(r.received_at) as quarter, r.municipality_code as municipality, count(*)::int as n
    from advice_request r
    where ${inRegion('r.municipality_code', w)} and ${window('r.received_at')}
    group by 1, 2`.execute(db);

  const cases = await sql<{ quarter: string; municipality: string; stable: boolean; n: number }>`
    select insight_quarter(r.opened_at) as quarter, r.municipality_code as municipality,
      exists (select 1 from case_phase_change pc where pc.case_id = r.id and pc.to_phase = 'stable_safety')
        as stable,
      count(*)::int as n
    from household_case r
    where ${inRegion('r.municipality_code', w)} and ${window('r.opened_at')}
    group by 1, 2, 3`.execute(db);
  const scores = await sql<{ quarter: string; cases: number; sum: number; n: number }>`
    select insight_quarter(a.assessed_at) as quarter, count(distinct a.case_id)::int as cases,
      sum(a.min_score)::float8 as sum, count(*)::int as n
    from case_assessment a join household_case r on r.id = a.case_id
    where ${inRegion('r.municipality_code', w)} and ${window('a.assessed_at')}
    group by 1`.execute(db);
  return assembleSummaries({
    reports: reports.rows,
    kinds: kinds.rows,
    days: days.rows,
    investigations: investigations.rows,
    advice: advice.rows,
    cases: cases.rows,
    scores: scores.rows,
    ...(await summariseCasework(db, w)),
  });
}

/** An instant plus whole months on the Amsterdam calendar (as the quarters are counted). */
const plusMonths = (column: string, months: number) =>
  sql`((${sql.ref(column)} at time zone 'Europe/Amsterdam') + make_interval(months => ${months}))
    at time zone 'Europe/Amsterdam'`;

/**
 * The casework outcomes and measures of the window: handover acceptance, what followed a closure
 * or the end of an involvement (the same identity rule as re-reports: same BSN key, or when either
 * lacks one the same normalised name and date of birth; reports in every region), perpetrator help
 * and measures. Grouped in SQL like summariseWindow.
 */
async function summariseCasework(db: Kysely<DB>, w: Window) {
  const window = (column: string) => sql`${sql.ref(column)} >= ${w.from} and ${sql.ref(column)} < ${w.to}`;

  const handovers = await sql<SummaryGroups['handovers'][number]>`
    select insight_quarter(e.occurred_at) as quarter, count(*)::int as n,
      percentile_cont(0.5) within group (
        order by (extract(epoch from e.occurred_at) - extract(epoch from h.proposed_at)) / 86400) as median
    from case_handover_event e
    join case_handover h on h.id = e.handover_id
    join household_case r on r.id = h.case_id
    where ${inRegion('r.municipality_code', w)} and ${window('e.occurred_at')} and e.to_status = 'accepted'
    group by 1`.execute(db);

  const closures = await sql<SummaryGroups['closures'][number]>`
    with closed as (
      select c.id, c.case_id, c.closed_at, r.municipality_code
      from case_closure c join household_case r on r.id = c.case_id
      where ${inRegion('r.municipality_code', w)} and ${window('c.closed_at')}
        and not exists (select 1 from case_reopening o where o.closure_id = c.id)
    ), members as (
      select k.id as closure_id, m.bsn_hash, m.date_of_birth, insight_name_key(m.full_name) as name_key
      from closed k join case_member m on m.case_id = k.case_id
    ), linked as (
      select m.closure_id, p.report_id from members m
      join report_person p on p.bsn_hash = m.bsn_hash
      where m.bsn_hash is not null
      union
      select m.closure_id, p.report_id from members m
      join report_person p on p.date_of_birth = m.date_of_birth
        and insight_name_key(p.full_name) = m.name_key
      where m.bsn_hash is null or p.bsn_hash is null
    ), first_after as (
      select k.id, min(l.received_at) as first_at
      from closed k join linked x on x.closure_id = k.id
      join report l on l.id = x.report_id and l.received_at > k.closed_at
      group by k.id
    )
    select insight_quarter(k.closed_at) as quarter, k.municipality_code as municipality,
      coalesce(f.first_at <= ${plusMonths('k.closed_at', 6)}, false) as within_6m,
      coalesce(f.first_at <= ${plusMonths('k.closed_at', 12)}, false) as within_12m,
      coalesce(f.first_at <= ${plusMonths('k.closed_at', 18)}, false) as within_18m,
      exists (select 1 from case_support s where s.case_id = k.case_id
        and s.kind = 'experience_expert' and s.outcome = 'used') as expert,
      count(*)::int as n
    from closed k left join first_after f on f.id = k.id
    group by 1, 2, 3, 4, 5, 6`.execute(db);

  const ended = await sql<SummaryGroups['ended'][number]>`
    with target as (
      select r.id, r.municipality_code, r.involvement_ended_at as ended_at from report r
      where ${inRegion('r.municipality_code', w)} and ${window('r.involvement_ended_at')}
    ), ${LINKED_REPORTS}, again as (
      select distinct t.id from target t join linked l on l.report_id = t.id
      join report x on x.id = l.other_id
        and x.received_at > t.ended_at and x.received_at <= ${plusMonths('t.ended_at', 12)}
    )
    select insight_quarter(t.ended_at) as quarter, t.municipality_code as municipality,
      a.id is null as stopped, count(*)::int as n
    from target t left join again a on a.id = t.id
    group by 1, 2, 3`.execute(db);

  const perpetratorHelp = await sql<SummaryGroups['perpetratorHelp'][number]>`
    select insight_quarter(s.offered_at) as quarter, r.municipality_code as municipality,
      coalesce(s.outcome = 'used', false) as used, count(*)::int as n
    from case_support s join household_case r on r.id = s.case_id
    where ${inRegion('r.municipality_code', w)} and ${window('s.offered_at')} and s.kind = 'perpetrator_help'
    group by 1, 2, 3`.execute(db);

  const measures = await sql<SummaryGroups['measures'][number]>`
    select insight_quarter(m.imposed_at) as quarter, r.municipality_code as municipality, m.kind,
      exists (select 1 from case_measure_extension x where x.measure_id = m.id) as extended,
      count(*)::int as n
    from case_measure m join household_case r on r.id = m.case_id
    where ${inRegion('r.municipality_code', w)} and ${window('m.imposed_at')}
      and m.kind in ('restraining_order', 'crisis_care', 'shelter_stay')
    group by 1, 2, 3, 4`.execute(db);

  const stays = await sql<SummaryGroups['stays'][number]>`
    select insight_quarter(m.imposed_at) as quarter, count(*)::int as n,
      percentile_cont(0.5) within group (order by greatest(0,
        extract(epoch from coalesce(m.lifted_at, m.end_at)) - extract(epoch from m.imposed_at)) / 86400)
        as median
    from case_measure m join household_case r on r.id = m.case_id
    where ${inRegion('r.municipality_code', w)} and ${window('m.imposed_at')} and m.kind = 'shelter_stay'
    group by 1`.execute(db);

  return {
    handovers: handovers.rows,
    closures: closures.rows,
    ended: ended.rows,
    perpetratorHelp: perpetratorHelp.rows,
    measures: measures.rows,
    stays: stays.rows,
  };
}

function parseCounts(value: unknown): QuarterSummary {
  return (typeof value === 'string' ? JSON.parse(value) : value) as QuarterSummary;
}

async function readSummaries(db: Kysely<DB>, regionId: number, quarters: readonly QuarterKey[]) {
  const rows = await db
    .selectFrom('insight_quarter_summary')
    .select(['quarter', 'counts'])
    .where('region_id', '=', regionId)
    .where('quarter', 'in', quarters)
    .where('version', '=', SUMMARY_VERSION)
    .execute();
  return new Map(rows.map((r) => [r.quarter as QuarterKey, parseCounts(r.counts)]));
}

/**
 * The summaries of a region's quarters, recomputed first where a change was noted since (or none
 * was computed yet). Under a per-region advisory lock, in one transaction: the notes seen are
 * deleted before the records are read, so a change committed meanwhile keeps its note and is
 * picked up by the next read — a summary is never served stale. Returns which quarters were
 * recomputed.
 */
export async function loadQuarterSummaries(
  db: Kysely<DB>,
  region: { id: number; codes: readonly string[] },
  quarters: readonly QuarterKey[],
): Promise<{ summaries: Map<QuarterKey, QuarterSummary>; recomputed: QuarterKey[] }> {
  if (quarters.length === 0) return { summaries: new Map(), recomputed: [] };
  const [current, noted] = await Promise.all([
    readSummaries(db, region.id, quarters),
    db
      .selectFrom('insight_stale_quarter')
      .select('quarter')
      .where('region_id', '=', region.id)
      .limit(1)
      .execute(),
  ]);
  if (noted.length === 0 && current.size === quarters.length) return { summaries: current, recomputed: [] };
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SUMMARY_LOCK}, ${region.id})`.execute(trx);
    const notes = await trx
      .deleteFrom('insight_stale_quarter')
      .where('region_id', '=', region.id)
      .returning('quarter')
      .execute();
    const changed = [...new Set(notes.map((n) => n.quarter))];
    if (changed.includes('*'))
      await trx.deleteFrom('insight_quarter_summary').where('region_id', '=', region.id).execute();
    else if (changed.length > 0)
      await trx
        .deleteFrom('insight_quarter_summary')
        .where('region_id', '=', region.id)
        .where('quarter', 'in', changed)
        .execute();
    const summaries = await readSummaries(trx, region.id, quarters);
    const missing = quarters.filter((q) => !summaries.has(q));
    const computedAt = new Date();
    // One quarter at a time: the work per statement stays small (a window of years makes the
    // re-report linkage far slower than its quarters one by one, on PGlite above all).
    for (const quarter of missing) {
      const computed = await summariseWindow(trx, {
        regionId: region.id,
        codes: region.codes,
        from: quarterStart(quarter),
        to: quarterEnd(quarter),
      });
      const counts = computed.get(quarter) ?? emptyQuarterSummary();
      summaries.set(quarter, counts);
      await trx
        .insertInto('insight_quarter_summary')
        .values({
          region_id: region.id,
          quarter,
          version: SUMMARY_VERSION,
          counts: JSON.stringify(counts),
          computed_at: computedAt,
        })
        .onConflict((oc) =>
          oc.columns(['region_id', 'quarter']).doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            counts: eb.ref('excluded.counts'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
    }
    return { summaries, recomputed: missing };
  });
}

/** What depends on the moment of reading: late unassessed reports, and open cases waiting. */
export async function loadLiveCounts(db: Kysely<DB>, w: Window, now: Date): Promise<LiveCounts> {
  if (w.codes.length === 0) return { overdueUnassessed: [], casesWaiting: [] };
  const overdue = await sql<{ quarter: QuarterKey; municipality: string; n: number }>`
    select insight_quarter(r.received_at) as quarter, r.municipality_code as municipality, count(*)::int as n
    from report r
    where ${inRegion('r.municipality_code', w)} and r.received_at >= ${w.from} and r.received_at < ${w.to}
      and r.assessed_at is null and r.assessment_due_at < ${now}
    group by 1, 2`.execute(db);
  const waiting = await sql<{ municipality: string; n: number }>`
    select r.municipality_code as municipality, count(*)::int as n
    from household_case r
    where ${inRegion('r.municipality_code', w)} and r.closed_at is null
      and not exists (select 1 from case_assessment a where a.case_id = r.id)
    group by 1`.execute(db);
  return { overdueUnassessed: overdue.rows, casesWaiting: waiting.rows };
}

/**
 * The unprotected counts of every indicator over whole years of the region (the canonical tables),
 * from the quarter summaries and the live counts.
 */
export async function loadInsightCounts(
  db: Kysely<DB>,
  region: { id: number; codes: readonly string[] },
  years: readonly number[],
  now: Date,
): Promise<InsightCounts> {
  const quarters = years.flatMap(quartersOfYear);
  const { summaries } = await loadQuarterSummaries(db, region, quarters);
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  const live = await loadLiveCounts(
    db,
    {
      regionId: region.id,
      codes: region.codes,
      from: quarterStart(`${first}-Q1`),
      to: quarterEnd(`${last}-Q4`),
    },
    now,
  );
  return countsFromSummaries(summaries, live, now);
}

export async function listReferenceFigures(db: Kysely<DB>, regionId: number) {
  return db
    .selectFrom('insight_reference_figure as f')
    .innerJoin('app_user as u', 'u.id', 'f.entered_by_user_id')
    .select([
      'f.id',
      'f.indicator',
      'f.year',
      'f.value',
      'f.source',
      'f.source_date',
      'f.entered_at',
      'u.display_name as entered_by',
    ])
    .where('f.region_id', '=', regionId)
    .orderBy('f.indicator')
    .orderBy('f.year', 'desc')
    .execute();
}

export interface ReferenceFigureRow {
  regionId: number;
  indicator: string;
  year: number;
  value: number;
  source: string;
  sourceDate: string;
  enteredByUserId: string;
  enteredAt: Date;
}

/** Inserts or replaces the figure of (region, indicator, year); returns the id and any earlier value. */
export async function saveReferenceFigure(db: Kysely<DB>, f: ReferenceFigureRow) {
  const previous = await db
    .selectFrom('insight_reference_figure')
    .select(['value', 'source', 'source_date'])
    .where('region_id', '=', f.regionId)
    .where('indicator', '=', f.indicator)
    .where('year', '=', f.year)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    value: f.value,
    source: f.source,
    source_date: f.sourceDate,
    entered_by_user_id: f.enteredByUserId,
    entered_at: f.enteredAt,
  };
  const { id } = await db
    .insertInto('insight_reference_figure')
    .values({ region_id: f.regionId, indicator: f.indicator, year: f.year, ...values })
    .onConflict((oc) => oc.columns(['region_id', 'indicator', 'year']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, previous: previous ?? null };
}

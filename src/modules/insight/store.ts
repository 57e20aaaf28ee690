import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { classifyReport, type EarlierInvolvement } from '../../domain/casework/report-classification.ts';
import type {
  AdviceFact,
  AssessmentFact,
  CaseFact,
  InvestigationFact,
  ReportFact,
} from '../../domain/insight/indicator-facts.ts';
import { categoriseReporter } from '../../domain/insight/reporter-category.ts';

/**
 * Queries of regional insight. They read facts without names, dates of birth or free text: only
 * municipality codes, instants and codes leave this file (identities are compared inside SQL for
 * the re-report classification and never selected).
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

interface Window {
  regionId: number;
  codes: readonly string[];
  from: Date;
  to: Date;
}

/**
 * Earlier reports about the same people: same BSN key, or (when either lacks one) exactly the same
 * normalised name and date of birth. Earlier reports in every region count, as in the national
 * Veilig Thuis register.
 */
async function loadEarlierInvolvement(db: Kysely<DB>, w: Window) {
  const name = (alias: string) =>
    sql.raw(`lower(regexp_replace(trim(${alias}.full_name), '\\s+', ' ', 'g'))`);
  const { rows } = await sql<{ report_id: string; received_at: Date; involvement_ended_at: Date | null }>`
    with target as (
      select r.id, r.received_at from report r
      where r.region_id = ${w.regionId} and r.municipality_code in (${sql.join(w.codes)})
        and r.received_at >= ${w.from} and r.received_at < ${w.to}
    )
    select t.id as report_id, e.received_at, e.involvement_ended_at
    from target t
    join report_person p on p.report_id = t.id and p.bsn_hash is not null
    join report_person q on q.bsn_hash = p.bsn_hash and q.report_id <> t.id
    join report e on e.id = q.report_id and e.received_at < t.received_at
    union
    select t.id, e.received_at, e.involvement_ended_at
    from target t
    join report_person p on p.report_id = t.id
    join report_person q on q.date_of_birth = p.date_of_birth and q.report_id <> t.id
      and (p.bsn_hash is null or q.bsn_hash is null) and ${name('q')} = ${name('p')}
    join report e on e.id = q.report_id and e.received_at < t.received_at`.execute(db);
  const byReport = new Map<string, EarlierInvolvement[]>();
  for (const r of rows) {
    const list = byReport.get(r.report_id) ?? [];
    list.push({
      caseOpenedAt: new Date(r.received_at),
      caseClosedAt: r.involvement_ended_at && new Date(r.involvement_ended_at),
    });
    byReport.set(r.report_id, list);
  }
  return byReport;
}

export async function loadReportFacts(db: Kysely<DB>, w: Window): Promise<ReportFact[]> {
  if (w.codes.length === 0) return [];
  const [rows, earlier] = await Promise.all([
    db
      .selectFrom('report as r')
      .leftJoin('organisation as o', 'o.id', 'r.created_by_organisation_id')
      .select([
        'r.id',
        'r.municipality_code',
        'r.received_at',
        'r.violence_kinds',
        'r.reporter_kind',
        'r.source',
        'o.type as creator_type',
        'r.assessed_at',
        'r.assessment_due_at',
      ])
      .where('r.region_id', '=', w.regionId)
      .where('r.municipality_code', 'in', w.codes)
      .where('r.received_at', '>=', w.from)
      .where('r.received_at', '<', w.to)
      .execute(),
    loadEarlierInvolvement(db, w),
  ]);
  return rows.map((r) => ({
    municipality: r.municipality_code,
    receivedAt: r.received_at,
    violenceKinds: r.violence_kinds,
    reporterCategory: categoriseReporter({
      reporterKind: r.reporter_kind,
      source: r.source,
      creatorOrganisationType: r.creator_type,
    }),
    assessedAt: r.assessed_at,
    assessmentDueAt: r.assessment_due_at,
    classification: classifyReport(earlier.get(r.id) ?? [], r.received_at),
  }));
}

export async function loadInvestigationFacts(db: Kysely<DB>, w: Window): Promise<InvestigationFact[]> {
  if (w.codes.length === 0) return [];
  const rows = await db
    .selectFrom('report')
    .select(['municipality_code', 'investigation_concluded_at', 'investigation_conclude_by'])
    .where('region_id', '=', w.regionId)
    .where('municipality_code', 'in', w.codes)
    .where('investigation_concluded_at', '>=', w.from)
    .where('investigation_concluded_at', '<', w.to)
    .where('investigation_conclude_by', 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.investigation_concluded_at && r.investigation_conclude_by
      ? [
          {
            municipality: r.municipality_code,
            concludedAt: r.investigation_concluded_at,
            concludeBy: r.investigation_conclude_by,
          },
        ]
      : [],
  );
}

export async function loadAdviceFacts(db: Kysely<DB>, w: Window): Promise<AdviceFact[]> {
  if (w.codes.length === 0) return [];
  const rows = await db
    .selectFrom('advice_request')
    .select(['municipality_code', 'received_at'])
    .where('region_id', '=', w.regionId)
    .where('municipality_code', 'in', w.codes)
    .where('received_at', '>=', w.from)
    .where('received_at', '<', w.to)
    .execute();
  return rows.map((r) => ({ municipality: r.municipality_code, receivedAt: r.received_at }));
}

/** Cases opened in the window, or (with `openOnly`) every case still open, whatever its age. */
export async function loadCaseFacts(
  db: Kysely<DB>,
  w: Window,
  options: { openOnly: boolean } = { openOnly: false },
): Promise<CaseFact[]> {
  if (w.codes.length === 0) return [];
  let query = db
    .selectFrom('household_case as c')
    .select((eb) => [
      'c.municipality_code',
      'c.opened_at',
      'c.closed_at',
      eb
        .exists(
          eb
            .selectFrom('case_phase_change as pc')
            .select('pc.id')
            .whereRef('pc.case_id', '=', 'c.id')
            .where('pc.to_phase', '=', 'stable_safety'),
        )
        .as('reached_stable'),
      eb
        .exists(eb.selectFrom('case_assessment as a').select('a.id').whereRef('a.case_id', '=', 'c.id'))
        .as('has_assessment'),
    ])
    .where('c.region_id', '=', w.regionId)
    .where('c.municipality_code', 'in', w.codes);
  query = options.openOnly
    ? query.where('c.closed_at', 'is', null)
    : query.where('c.opened_at', '>=', w.from).where('c.opened_at', '<', w.to);
  const rows = await query.execute();
  return rows.map((r) => ({
    municipality: r.municipality_code,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    reachedStableSafety: Boolean(r.reached_stable),
    hasAssessment: Boolean(r.has_assessment),
  }));
}

export async function loadAssessmentFacts(db: Kysely<DB>, w: Window): Promise<AssessmentFact[]> {
  if (w.codes.length === 0) return [];
  const rows = await db
    .selectFrom('case_assessment as a')
    .innerJoin('household_case as c', 'c.id', 'a.case_id')
    .select(['a.case_id', 'a.assessed_at', 'a.min_score'])
    .where('c.region_id', '=', w.regionId)
    .where('c.municipality_code', 'in', w.codes)
    .where('a.assessed_at', '>=', w.from)
    .where('a.assessed_at', '<', w.to)
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, assessedAt: r.assessed_at, minScore: r.min_score }));
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

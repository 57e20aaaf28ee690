import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { AMSTERDAM } from '../../../domain/working-days.ts';
import { appendAuditEvent } from '../../audit/store.ts';
import type { Deps } from '../../deps.ts';
import { assertDemoAllowed } from '../seed-demo.ts';
import { BulkWriter } from './bulk-writer.ts';
import { Calendar } from './calendar.ts';
import { SYNTHETIC_REFERENCE_PREFIX } from './ids.ts';
import { type Progress, silentProgress } from './progress.ts';
import { ensureRegions, loadRegionPlans, type Scale } from './region-plan.ts';
import { plannedVolume, type RegionCounts, simulateRegion } from './simulate-region.ts';
import { createStaff, type DemoMembership } from './staff.ts';
import { SYNTHETIC_POPULATION_SOURCE } from './synthetic-regions.ts';

export interface GenerateOptions {
  scale: Scale;
  years: number;
  seed: string;
  /** First day after the period (yyyy-mm-dd); default 1 January of the current year, so N whole years. */
  until?: string;
  /** Share of the calibrated volume: 1 is realistic; tests use less, load tests more. */
  fraction?: number;
  /** NODE_ENV: synthetic data is refused in production. */
  env: string;
  progress?: Progress;
  /** Rows buffered before a bulk write. */
  batchSize?: number;
  /** Benchmark databases only (needs a superuser): skip foreign-key triggers while loading. */
  skipTriggers?: boolean;
}

export interface GenerateResult {
  scale: Scale;
  seed: string;
  period: { from: string; until: string };
  regions: number;
  municipalities: number;
  totals: RegionCounts;
  /** Rows written per table. */
  rows: Record<string, number>;
  milliseconds: number;
}

export const MAX_YEARS = 30;

/** Whether synthetic data is already in this database (a second run would mix two seeds). */
export async function hasSyntheticData(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const found = await deps.db
    .selectFrom('report')
    .select('id')
    .where('reference', 'like', `${SYNTHETIC_REFERENCE_PREFIX}%`)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

/**
 * Generates a synthetic region (or the whole country) into the database: users, advice requests,
 * reports with their persons, household cases with their history, closures, measures, handovers
 * and offers of help. Deterministic: the same seed,
 * scale, years, period end and fraction give the same rows (compare with digestSyntheticData).
 */
export async function generateSyntheticData(deps: Deps, options: GenerateOptions): Promise<GenerateResult> {
  assertDemoAllowed(options.env);
  const started = Date.now();
  const fraction = options.fraction ?? 1;
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > MAX_YEARS)
    throw new RangeError(`years must be a whole number from 1 to ${MAX_YEARS}`);
  if (!(fraction > 0 && fraction <= 100)) throw new RangeError('fraction must be above 0 and at most 100');
  if (options.seed.length === 0) throw new RangeError('seed must not be empty');
  const until =
    options.until ?? DateTime.fromJSDate(deps.now(), { zone: AMSTERDAM }).startOf('year').toISODate() ?? '';
  if (!DateTime.fromISO(until, { zone: AMSTERDAM }).isValid)
    throw new RangeError('until must be a date, yyyy-mm-dd');
  if (await hasSyntheticData(deps))
    throw new Error('this database already holds synthetic data; generate into a fresh database');

  await ensureRegions(deps, options.scale);
  const plans = await loadRegionPlans(deps, options.scale);
  await fillPopulationTable(deps);
  const calendar = new Calendar(until, options.years);
  const demo = await loadDemoMemberships(deps);
  const writer = new BulkWriter(deps.db, options.batchSize, options.skipTriggers === true);
  const progress = options.progress ?? silentProgress;
  const expected = plans.reduce((sum, p) => {
    const v = plannedVolume(p, calendar, fraction);
    return sum + v.reports + v.advice;
  }, 0);
  progress.start(expected, `synthetische data (${options.scale}, ${options.years} jaar)`);
  const totals: RegionCounts = {
    reports: 0,
    reReports: 0,
    followUps: 0,
    policeReports: 0,
    adviceRequests: 0,
    households: 0,
    cases: 0,
  };
  for (const plan of plans) {
    const volume = plannedVolume(plan, calendar, fraction);
    const staff = await createStaff(
      plan,
      { reportsPerYear: volume.reports / options.years },
      demo,
      writer,
      calendar.start,
    );
    const counts = await simulateRegion(plan, {
      seed: options.seed,
      fraction,
      calendar,
      keys: deps.keys,
      writer,
      staff,
      onProgress: (n) => progress.tick(n),
    });
    for (const key of Object.keys(totals) as (keyof RegionCounts)[]) totals[key] += counts[key];
  }
  await writer.flush();
  const period = { from: calendar.days[0]?.iso ?? until, until };
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      actorUserId: null,
      actorOrganisationId: null,
      action: 'demo.synthetic.generate',
      recordType: 'synthetic_data',
      details: {
        scale: options.scale,
        years: options.years,
        seed: options.seed,
        fraction,
        period,
        rows: writer.written,
      },
    }),
  );
  progress.finish(
    `${totals.reports} meldingen, ${totals.adviceRequests} adviesvragen, ${totals.cases} casussen in ${plans.length} regio's`,
  );
  return {
    scale: options.scale,
    seed: options.seed,
    period,
    regions: plans.length,
    municipalities: plans.reduce((s, p) => s + p.municipalities.length, 0),
    totals,
    rows: writer.written,
    milliseconds: Date.now() - started,
  };
}

async function loadDemoMemberships(deps: Deps): Promise<DemoMembership[]> {
  return (
    await deps.db
      .selectFrom('app_user')
      .innerJoin('membership', 'membership.user_id', 'app_user.id')
      .select([
        'app_user.id as userId',
        'app_user.display_name as displayName',
        'membership.organisation_id as organisationId',
        'membership.role',
      ])
      .where('app_user.is_demo', '=', true)
      .orderBy('app_user.username')
      .execute()
  ).map((r) => ({ ...r }));
}

/**
 * The outside-figures table `population` (issue 5 §5) is another part's; when it exists, the
 * synthetic municipalities' inhabitants go there too, so rates per 100,000 work for them.
 */
async function fillPopulationTable(deps: Deps): Promise<void> {
  const exists = await sql<{
    found: string | null;
  }>`select to_regclass('public.population')::text as found`.execute(deps.db);
  if (!exists.rows[0]?.found) return;
  await sql`
    insert into population (municipality_code, year, inhabitants, source)
    select cbs_code, year, inhabitants, source from municipality_population
    where source = ${SYNTHETIC_POPULATION_SOURCE}
    on conflict do nothing`.execute(deps.db);
}

/** One line for the operator: what was generated, for which period, how fast. */
export function describeGeneration(result: GenerateResult): string {
  const t = result.totals;
  const share = (n: number) => (t.reports === 0 ? '0' : ((100 * n) / t.reports).toFixed(1));
  const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
  return [
    `synthetic data (${result.scale}, seed "${result.seed}", ${result.period.from} – ${result.period.until}):`,
    `${result.regions} regions, ${result.municipalities} municipalities;`,
    `${t.reports} reports (police ${share(t.policeReports)}%, re-reports ${share(t.reReports)}%, follow-ups ${share(t.followUps)}%),`,
    `${t.adviceRequests} advice requests, ${t.households} households, ${t.cases} cases`,
    `(${result.rows.case_closure ?? 0} closures, ${result.rows.case_measure ?? 0} measures,`,
    `${result.rows.case_handover ?? 0} handovers, ${result.rows.case_support ?? 0} offers of help);`,
    `${rows} rows in ${(result.milliseconds / 1000).toFixed(1)} s`,
  ].join(' ');
}

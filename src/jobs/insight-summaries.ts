import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { quarterOf, quartersBetween, quarterYear } from '../domain/insight/quarters.ts';
import { loadQuarterSummaries, loadRegionMunicipalities } from '../modules/insight/store.ts';
import type { JobRunInput, ScheduledJob } from './scheduled-job.ts';

export const INSIGHT_SUMMARIES_JOB = 'insight-summaries';

/** At most this many years back are kept computed ahead of a read (older periods compute on demand). */
export const INSIGHT_SUMMARY_YEARS = 10;

/**
 * Computes the quarter summaries a dashboard read would otherwise compute first: every quarter of
 * every region from its first record (at most INSIGHT_SUMMARY_YEARS back) up to now, recomputing
 * where a change was noted. The same function as a read (loadQuarterSummaries), under the same
 * per-region lock, so a read meanwhile waits for it or finds the work done. The first read after a
 * deploy or a bulk import is then a few index lookups instead of seconds of recomputation. With
 * nothing noted and every summary present it costs two small queries per region.
 */
export async function runInsightSummaries(db: Kysely<DB>, input: JobRunInput) {
  const regions = await db.selectFrom('region').select('id').orderBy('id').execute();
  const oldest = new Date(input.now);
  oldest.setUTCFullYear(oldest.getUTCFullYear() - INSIGHT_SUMMARY_YEARS);
  let recomputed = 0;
  for (const region of regions) {
    const first = await sql<{ at: Date | null }>`
      select least(
        (select min(received_at) from report where region_id = ${region.id}),
        (select min(received_at) from advice_request where region_id = ${region.id}),
        (select min(opened_at) from household_case where region_id = ${region.id})) as at`.execute(db);
    const at = first.rows[0]?.at;
    if (!at) continue;
    const from = new Date(Math.max(new Date(at).getTime(), oldest.getTime()));
    const codes = (await loadRegionMunicipalities(db, region.id)).map((m) => m.code);
    // Whole years, as a dashboard read asks for them.
    const quarters = quartersBetween(
      `${quarterYear(quarterOf(from))}-Q1`,
      `${quarterYear(quarterOf(input.now))}-Q4`,
    );
    const result = await loadQuarterSummaries(db, { id: region.id, codes }, quarters);
    recomputed += result.recomputed.length;
  }
  return { regions: regions.length, recomputed };
}

export const insightSummariesJob: ScheduledJob = {
  name: INSIGHT_SUMMARIES_JOB,
  cron: '*/5 * * * *',
  run: runInsightSummaries,
};

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { InsightReportRunTable } from '../../db/schema-outside-figures.ts';

/** Queries of report runs (issue 5 §4). A run is read by the user who requested it, nobody else. */

export interface NewReportRun {
  kind: InsightReportRunTable['kind'];
  from: string;
  to: string;
  municipalityCode: string | null;
  language: 'nl' | 'en';
  format: InsightReportRunTable['format'];
  regionId: number;
  userId: string;
  organisationId: string;
  now: Date;
}

const SUMMARY = [
  'id',
  'kind',
  'period_from',
  'period_to',
  'municipality_code',
  'language',
  'format',
  'status',
  'progress',
  'file_name',
  'failure',
  'created_at',
  'updated_at',
  'finished_at',
] as const;

export async function insertReportRun(db: Kysely<DB>, run: NewReportRun) {
  return db
    .insertInto('insight_report_run')
    .values({
      kind: run.kind,
      period_from: run.from,
      period_to: run.to,
      municipality_code: run.municipalityCode,
      language: run.language,
      format: run.format,
      region_id: run.regionId,
      requested_by_user_id: run.userId,
      requested_by_organisation_id: run.organisationId,
      created_at: run.now,
      updated_at: run.now,
    })
    .returning(SUMMARY)
    .executeTakeFirstOrThrow();
}

export async function countUnfinishedRuns(db: Kysely<DB>, userId: string) {
  const row = await db
    .selectFrom('insight_report_run')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('requested_by_user_id', '=', userId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOwnReportRun(db: Kysely<DB>, userId: string, id: string) {
  return db
    .selectFrom('insight_report_run')
    .select(SUMMARY)
    .where('id', '=', id)
    .where('requested_by_user_id', '=', userId)
    .executeTakeFirst();
}

export async function listOwnReportRuns(db: Kysely<DB>, userId: string, limit: number) {
  return db
    .selectFrom('insight_report_run')
    .select(SUMMARY)
    .where('requested_by_user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function readOwnReportFile(db: Kysely<DB>, userId: string, id: string) {
  return db
    .selectFrom('insight_report_run')
    .select(['status', 'file_name', 'file_bytes', 'format', 'kind'])
    .where('id', '=', id)
    .where('requested_by_user_id', '=', userId)
    .executeTakeFirst();
}

/** Only a run that is still going moves on; a finished run never changes again. */
export async function setRunProgress(
  db: Kysely<DB>,
  id: string,
  status: 'running',
  progress: number,
  now: Date,
) {
  await db
    .updateTable('insight_report_run')
    .set({ status, progress: Math.max(0, Math.min(99, Math.round(progress))), updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

export async function finishRun(
  db: Kysely<DB>,
  id: string,
  file: { name: string; bytes: Uint8Array },
  now: Date,
) {
  await db
    .updateTable('insight_report_run')
    .set({
      status: 'done',
      progress: 100,
      file_name: file.name,
      file_bytes: file.bytes,
      updated_at: now,
      finished_at: now,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

export async function failRun(db: Kysely<DB>, id: string, failure: { nl: string; en: string }, now: Date) {
  await db
    .updateTable('insight_report_run')
    .set({ status: 'failed', failure: JSON.stringify(failure), updated_at: now, finished_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Runs of a user that stopped moving before `cutoff` (the process that ran them went away). */
export async function failStaleRuns(
  db: Kysely<DB>,
  userId: string,
  cutoff: Date,
  failure: { nl: string; en: string },
  now: Date,
) {
  await db
    .updateTable('insight_report_run')
    .set({ status: 'failed', failure: JSON.stringify(failure), updated_at: now, finished_at: now })
    .where('requested_by_user_id', '=', userId)
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '<', cutoff)
    .execute();
}

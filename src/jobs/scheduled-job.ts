import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** One run of a scheduled job: the pg-boss job id is the slot, so a second run of a slot is a no-op. */
export interface JobRunInput {
  slot: string;
  instance: string;
  now: Date;
}

/** A job that runs on a cron schedule on every Kring installation (see scheduler.ts). */
export interface ScheduledJob {
  name: string;
  /** Cron expression in Europe/Amsterdam time. */
  cron: string;
  run: (db: Kysely<DB>, input: JobRunInput) => Promise<unknown>;
}

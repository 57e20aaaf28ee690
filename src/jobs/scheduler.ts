import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import { DEADLINE_REMINDERS_JOB, runDeadlineReminders } from './deadline-reminders.ts';
import { SCHEDULED_JOBS } from './scheduled-jobs.ts';

export const SESSION_CLEANUP_JOB = 'session-cleanup';

export interface SchedulerOptions {
  database: Database;
  databaseUrl: string | undefined;
  instance: string;
  /** Cron expressions; defaults: reminders every 5 minutes, session cleanup hourly. */
  reminderCron?: string;
  cleanupCron?: string;
  cronMonitorIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

/**
 * Scheduled work on pg-boss, in the same PostgreSQL as everything else. pg-boss creates at most one
 * job per cron tick, however many app instances schedule it, and a job is fetched by one worker
 * (SKIP LOCKED). On PGlite it runs through the same serialised connection as Kysely.
 */
export async function startScheduler(options: SchedulerOptions): Promise<PgBoss> {
  const { database } = options;
  const common = {
    schedule: true,
    supervise: true,
    migrate: true,
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
  };
  const boss = options.databaseUrl
    ? new PgBoss({ ...common, connectionString: options.databaseUrl, max: 3 })
    : new PgBoss({
        ...common,
        db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values ?? []) },
      });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  for (const name of [DEADLINE_REMINDERS_JOB, SESSION_CLEANUP_JOB]) await boss.createQueue(name);
  for (const job of SCHEDULED_JOBS) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 5 }, async (runs) => {
      for (const run of runs)
        await job.run(database.db, { slot: run.id, instance: options.instance, now: new Date() });
    });
    await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Amsterdam' });
  }
  await boss.work(DEADLINE_REMINDERS_JOB, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      await runDeadlineReminders(database.db, { slot: job.id, instance: options.instance, now: new Date() });
    }
  });
  await boss.work(SESSION_CLEANUP_JOB, { pollingIntervalSeconds: 10 }, async () => {
    const cutoff = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await database.db.deleteFrom('session').where('absolute_expires_at', '<', cutoff).execute();
  });
  await boss.schedule(
    DEADLINE_REMINDERS_JOB,
    options.reminderCron ?? '*/5 * * * *',
    {},
    { tz: 'Europe/Amsterdam' },
  );
  await boss.schedule(
    SESSION_CLEANUP_JOB,
    options.cleanupCron ?? '17 * * * *',
    {},
    { tz: 'Europe/Amsterdam' },
  );
  return boss;
}

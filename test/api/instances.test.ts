import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { DEADLINE_REMINDERS_JOB } from '../../src/jobs/deadline-reminders.ts';
import { startScheduler } from '../../src/jobs/scheduler.ts';
import { ApiClient, sampleReport, signIn, startTestApp, type TestApp } from '../support/test-app.ts';
import { serverUrl } from '../support/test-database.ts';

let t: TestApp;
const bosses: PgBoss[] = [];

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
  await t.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('scheduled jobs on this engine', () => {
  it('a deadline-reminder job runs and records the counts per Veilig Thuis organisation', async () => {
    const local = await signIn(t, 'wijkteam.nijmegen');
    await local.post('/api/reports', sampleReport({ acute: true }));
    const boss = await startScheduler({
      database: t.testDb.database,
      databaseUrl: t.testDb.url,
      instance: 'solo',
      reminderCron: '0 0 1 1 *',
    });
    bosses.push(boss);
    await boss.send(DEADLINE_REMINDERS_JOB, {});
    const run = await waitFor(
      async () =>
        t.deps.db
          .selectFrom('job_run')
          .selectAll()
          .where('job', '=', DEADLINE_REMINDERS_JOB)
          .executeTakeFirst(),
      30_000,
    );
    const details = run.details as { organisations: { overdue: number; dueSoon: number }[] };
    expect(details.organisations.length).toBe(1);
    expect(
      (details.organisations[0]?.overdue ?? 0) + (details.organisations[0]?.dueSoon ?? 0),
    ).toBeGreaterThanOrEqual(1);
    await boss.stop({ graceful: false, wait: true });
    bosses.pop();
  });
});

describe.skipIf(!serverUrl)('two app instances on one PostgreSQL', () => {
  it('a session made on one instance is valid on the other, and sign-out on one ends it on both', async () => {
    const second = await buildApp({ deps: t.deps, logLevel: 'silent' });
    const base2 = await second.listen({ host: '127.0.0.1', port: 0 });
    try {
      const onFirst = await signIn(t, 'vt.intake');
      const onSecond = new ApiClient(base2);
      onSecond.cookie = onFirst.cookie;
      onSecond.csrfToken = onFirst.csrfToken;
      expect((await onSecond.get('/api/veilig-thuis/queue')).status).toBe(200);
      expect((await onSecond.post('/api/auth/logout')).status).toBe(200);
      expect((await onFirst.get('/api/veilig-thuis/queue')).status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('a scheduled job runs exactly once although both instances schedule and work it', async () => {
    await sql`delete from job_run`.execute(t.deps.db);
    await sql`delete from pgboss.job where name = ${DEADLINE_REMINDERS_JOB}`.execute(t.deps.db);
    for (const instance of ['instance-a', 'instance-b']) {
      bosses.push(
        await startScheduler({
          database: t.testDb.database,
          databaseUrl: t.testDb.url,
          instance,
          reminderCron: '* * * * *',
          cronMonitorIntervalSeconds: 1,
        }),
      );
    }
    // Cron has minute resolution: wait for the next tick, then a little longer for a duplicate to show.
    await waitFor(
      // This job's run: another job's tick (every 15 minutes) may record its own run first.
      async () =>
        (await t.deps.db
          .selectFrom('job_run')
          .select('id')
          .where('job', '=', DEADLINE_REMINDERS_JOB)
          .executeTakeFirst()) ?? undefined,
      75_000,
    );
    await new Promise((r) => setTimeout(r, 5000));
    const runs = await t.deps.db
      .selectFrom('job_run')
      .select(['slot', 'instance'])
      .where('job', '=', DEADLINE_REMINDERS_JOB)
      .execute();
    const jobs = await sql<{ minute: string; n: number }>`
      select date_trunc('minute', created_on)::text as minute, count(*)::int as n
      from pgboss.job where name = ${DEADLINE_REMINDERS_JOB} group by 1`.execute(t.deps.db);
    // One pg-boss job per cron minute, however many instances scheduled it...
    expect(jobs.rows.length).toBeGreaterThanOrEqual(1);
    for (const row of jobs.rows) expect(row.n).toBe(1);
    // ...and each job handled by exactly one instance.
    expect(runs.length).toBe(jobs.rows.length);
    expect(new Set(runs.map((r) => r.slot)).size).toBe(runs.length);
  }, 120_000);
});

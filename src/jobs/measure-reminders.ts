import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DEFAULT_REMINDER_DAYS, findDueReminder, findExpiry } from '../domain/casework/measure-clock.ts';
import { insertReminder, listReminderCandidates, toDomainMeasure } from '../modules/cases/measure-store.ts';
import type { JobRunInput, ScheduledJob } from './scheduled-job.ts';

export const MEASURE_REMINDERS_JOB = 'measure-reminders';

/** Look this far ahead: the earliest reminder (3 wall-clock days) plus an hour for a DST change. */
const HORIZON_MS = (Math.max(...DEFAULT_REMINDER_DAYS) * 24 + 2) * 3_600_000;

/**
 * Records the reminder that is due for each running measure (3 and 1 days before its end) and the
 * expiry of each measure whose end passed. The pure rules decide what is due; the unique key
 * (measure, kind, moment) makes a second run — or a second instance — record nothing new. An
 * extension moves the end, so the reminders for the new end come fresh.
 */
export async function runMeasureReminders(db: Kysely<DB>, input: JobRunInput) {
  const candidates = await listReminderCandidates(db, new Date(input.now.getTime() + HORIZON_MS));
  let reminders = 0;
  let expiries = 0;
  for (const { row, extensions, sent } of candidates) {
    const measure = toDomainMeasure(row, extensions);
    const sentKeys = new Set(
      sent
        .filter((s) => s.reminder_kind === 'before_end')
        .map((s) => `${row.kind}:${s.end_at.toISOString()}:${s.days_before}d`),
    );
    const due = findDueReminder(measure, input.now, sentKeys);
    if (
      due &&
      (await insertReminder(db, {
        measureId: row.id,
        kind: 'before_end',
        daysBefore: due.daysBefore,
        dueAt: due.at,
        endAt: due.end,
        recordedAt: input.now,
        slot: input.slot,
      }))
    )
      reminders += 1;
    const expiry = findExpiry(measure, input.now);
    if (
      expiry &&
      (await insertReminder(db, {
        measureId: row.id,
        kind: 'expired',
        daysBefore: null,
        dueAt: expiry.end,
        endAt: expiry.end,
        recordedAt: input.now,
        slot: input.slot,
      }))
    )
      expiries += 1;
  }
  return { examined: candidates.length, reminders, expiries };
}

export const measureRemindersJob: ScheduledJob = {
  name: MEASURE_REMINDERS_JOB,
  // Every quarter of an hour: an order's reminder arrives at most 15 minutes after its moment.
  cron: '*/15 * * * *',
  run: runMeasureReminders,
};

import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const DEADLINE_REMINDERS_JOB = 'deadline-reminders';
const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/**
 * Per Veilig Thuis organisation: how many open reports are past the deadline of the safety
 * assessment and how many fall due within 24 hours. The result is recorded once per time slot (the
 * unique key makes a second run of the same slot a no-op) and shown above the queue.
 */
export async function runDeadlineReminders(
  db: Kysely<DB>,
  input: { slot: string; instance: string; now: Date },
) {
  const rows = await db
    .selectFrom('report')
    .innerJoin('organisation_municipality as om', 'om.cbs_code', 'report.municipality_code')
    .innerJoin('organisation', (join) =>
      join.onRef('organisation.id', '=', 'om.organisation_id').on('organisation.type', '=', 'veilig_thuis'),
    )
    .select((eb) => [
      'organisation.id as organisation_id',
      eb.fn.countAll<number>().filterWhere('report.assessment_due_at', '<', input.now).as('overdue'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) =>
          w.and([
            w('report.assessment_due_at', '>=', input.now),
            w('report.assessment_due_at', '<', new Date(input.now.getTime() + DUE_SOON_MS)),
          ]),
        )
        .as('due_soon'),
    ])
    .where('report.status', '=', 'received')
    .groupBy('organisation.id')
    .execute();
  const details = {
    organisations: rows.map((r) => ({
      organisationId: r.organisation_id,
      overdue: Number(r.overdue),
      dueSoon: Number(r.due_soon),
    })),
  };
  const inserted = await db
    .insertInto('job_run')
    .values({
      job: DEADLINE_REMINDERS_JOB,
      slot: input.slot,
      instance: input.instance,
      details: JSON.stringify(details),
    })
    .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return { recorded: inserted !== undefined, details };
}

export async function latestReminderFor(db: Kysely<DB>, organisationId: string) {
  const run = await db
    .selectFrom('job_run')
    .select(['ran_at', 'details'])
    .where('job', '=', DEADLINE_REMINDERS_JOB)
    .orderBy('ran_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) return null;
  const details = run.details as {
    organisations: { organisationId: string; overdue: number; dueSoon: number }[];
  };
  const mine = details.organisations.find((o) => o.organisationId === organisationId);
  return { checkedAt: run.ran_at.toISOString(), overdue: mine?.overdue ?? 0, dueSoon: mine?.dueSoon ?? 0 };
}

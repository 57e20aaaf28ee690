import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type EscalationLevel, transitionHandover } from '../domain/casework/handover.ts';
import { appendAuditEvent } from '../modules/audit/store.ts';
import { AUTOMATIC_ESCALATION_REASON, loadEscalationAgreement } from '../modules/cases/handover-config.ts';
import {
  appendHandoverEvent,
  handoverColumns,
  lockOverdueHandovers,
  toDomainHandover,
  updateHandover,
} from '../modules/cases/handover-store.ts';
import type { JobRunInput, ScheduledJob } from './scheduled-job.ts';

export const HANDOVER_ESCALATION_JOB = 'handover-escalation';

/**
 * Silence must not leave a household without help: a proposal nobody answered in time, and an
 * escalation level whose deadline passed, move one level up the region's agreement. One run per
 * slot (job_run's unique key, claimed first in the same transaction); and after a step the new
 * deadline lies ahead, so a second slot at the same moment finds nothing to do either.
 */
export async function runHandoverEscalation(db: Kysely<DB>, input: JobRunInput) {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('job_run')
      .values({ job: HANDOVER_ESCALATION_JOB, slot: input.slot, instance: input.instance, details: '{}' })
      .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!claimed) return { recorded: false, escalated: [] as string[], atTopLevel: 0 };
    const agreements = new Map<number, EscalationLevel[]>();
    const escalated: string[] = [];
    let atTopLevel = 0;
    for (const row of await lockOverdueHandovers(trx, input.now)) {
      let agreement = agreements.get(row.region_id);
      if (!agreement) {
        agreement = await loadEscalationAgreement(trx, row.region_id);
        agreements.set(row.region_id, agreement);
      }
      const result = transitionHandover(
        toDomainHandover(row),
        { type: 'escalate', reason: AUTOMATIC_ESCALATION_REASON },
        { kind: 'system' },
        input.now,
        agreement,
      );
      if (!result.ok) {
        // The top of the ladder stays where it is: the regional table decides, visibly overdue.
        atTopLevel++;
        continue;
      }
      const next = result.handover;
      await updateHandover(trx, row.id, handoverColumns(next));
      await appendHandoverEvent(trx, {
        handoverId: row.id,
        action: 'escalate',
        fromStatus: row.status,
        toStatus: next.status,
        actorUserId: null,
        actorOrganisationId: null,
        automatic: true,
        reason: next.reason,
        escalationLevel: next.escalationLevel,
        at: input.now,
      });
      await appendAuditEvent(trx, {
        actorUserId: null,
        actorOrganisationId: null,
        action: 'case.handover.escalate',
        recordType: 'case',
        recordId: row.case_id,
        purpose: 'casework',
        details: {
          handoverId: row.id,
          automatic: true,
          from: row.status,
          to: next.status,
          escalationLevel: next.escalationLevel,
          slot: input.slot,
        },
      });
      escalated.push(row.id);
    }
    await trx
      .updateTable('job_run')
      .set({ details: JSON.stringify({ escalated, atTopLevel }) })
      .where('id', '=', claimed.id)
      .execute();
    return { recorded: true, escalated, atTopLevel };
  });
}

export const handoverEscalationJob: ScheduledJob = {
  name: HANDOVER_ESCALATION_JOB,
  // Deadlines end at midnight Amsterdam time; every 15 minutes is soon enough and cheap (partial indexes).
  cron: '*/15 * * * *',
  run: runHandoverEscalation,
};

import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { monitoringMomentStatus } from '../../domain/casework/monitoring-schedule.ts';
import type { SafetyPhase } from '../../domain/casework/safety-phase.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { CLOSURE_MESSAGES } from './closure-messages.ts';
import type {
  MONITORING_CONTACT_WITH,
  MONITORING_OUTCOMES,
  MonitoringContactInput,
} from './closure-schemas.ts';
import { endMonitoringRound, findMoment, loadMonitoring, planMonitoringRound } from './closure-store.ts';
import { loadCaseRegionRules, loadRulesOfCase } from './region-config.ts';

/**
 * Keeps monitoring moments in step with the phase, inside the phase change's transaction: entering
 * monitoring plans a round at the region's intervals; leaving it ends the round.
 */
export async function followPhaseForMonitoring(
  trx: Transaction<DB>,
  caseId: string,
  from: SafetyPhase,
  to: SafetyPhase,
  now: Date,
) {
  if (from === 'monitoring' && to !== 'monitoring') await endMonitoringRound(trx, caseId, now);
  if (to === 'monitoring' && from !== 'monitoring')
    return planMonitoringRound(trx, caseId, now, (await loadRulesOfCase(trx, caseId)).monitoring);
  return 0;
}

/** The case's monitoring moments (every round) with their status now, and the contacts recorded. */
export async function listMonitoring(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.monitoring.read');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const { moments, contacts } = await loadMonitoring(trx, caseId);
    const rules = await loadCaseRegionRules(trx, header.region_id);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.monitoring.read',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { moments: moments.length, contacts: contacts.length },
    });
    return {
      phase: header.phase as SafetyPhase,
      inMonitoring: header.phase === 'monitoring',
      intervalsMonths: [...rules.monitoring.intervalsMonths],
      moments: moments.map((m) => {
        const own = contacts.filter((c) => c.moment_id === m.id);
        const first = own[0]?.contacted_at ?? null;
        return {
          id: m.id,
          roundStartedAt: m.round_started_at.toISOString(),
          monthsAfter: m.months_after,
          dueOn: m.due_on,
          windowStartsAt: m.window_starts_at.toISOString(),
          dueAt: m.due_at.toISOString(),
          status: monitoringMomentStatus(
            { windowStartsAt: m.window_starts_at, dueAt: m.due_at },
            first,
            m.ended_at,
            now,
          ),
          contacts: own.map((c) => ({
            id: c.id,
            contactedAt: c.contacted_at.toISOString(),
            contactWith: c.contact_with as (typeof MONITORING_CONTACT_WITH)[number],
            outcome: c.outcome as (typeof MONITORING_OUTCOMES)[number],
            score: c.score,
            note: c.note,
            recordedBy: c.display_name,
            organisation: c.organisation_name,
          })),
        };
      }),
    };
  });
}

/**
 * Records a follow-up contact for one moment: when, with whom, how it went. Any reader of the case
 * may record it (team members and Veilig Thuis serving the household both monitor). A contact
 * cannot lie in the future or before the round began, and a round that ended takes no more.
 */
export async function recordMonitoringContact(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: MonitoringContactInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.monitoring.contact');
  const now = deps.now();
  const contactedAt = input.contactedAt ? new Date(input.contactedAt) : now;
  if (contactedAt.getTime() > now.getTime()) {
    throw new AppError('validation_failed', [
      { path: 'body.contactedAt', message: CLOSURE_MESSAGES.contact_in_future },
    ]);
  }
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const moment = await findMoment(trx, caseId, input.momentId);
    if (!moment) {
      throw new AppError('validation_failed', [
        { path: 'body.momentId', message: CLOSURE_MESSAGES.unknown_moment },
      ]);
    }
    if (moment.ended_at !== null) {
      throw new AppError('conflict', [{ path: 'body.momentId', message: CLOSURE_MESSAGES.monitoring_ended }]);
    }
    if (contactedAt.getTime() < moment.round_started_at.getTime()) {
      throw new AppError('validation_failed', [
        { path: 'body.contactedAt', message: CLOSURE_MESSAGES.contact_before_monitoring },
      ]);
    }
    const created = await trx
      .insertInto('case_monitoring_contact')
      .values({
        case_id: caseId,
        moment_id: moment.id,
        contacted_at: contactedAt,
        contact_with: input.contactWith,
        outcome: input.outcome,
        score: input.score ?? null,
        note: input.note,
        recorded_by_user_id: guard.actor.user.id,
        organisation_id: guard.actor.organisation.id,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.monitoring.contact',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { contactId: created.id, momentId: moment.id, outcome: input.outcome },
    });
    return { id: created.id };
  });
}

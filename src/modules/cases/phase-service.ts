import { decidePhaseTransition, type SafetyPhase } from '../../domain/casework/safety-phase.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { CLOSURE_MESSAGES } from './closure-messages.ts';
import { reopenInTransaction } from './closure-service.ts';
import { CASE_MESSAGES } from './messages.ts';
import { followPhaseForMonitoring } from './monitoring-service.ts';
import { loadRulesOfCase } from './region-config.ts';
import type { PhaseInput } from './schemas.ts';
import { findLatestAssessment, hasAgreedSafetyPlan } from './store.ts';

/**
 * Moves the case to another GSV phase when decidePhaseTransition allows it; history keeps who,
 * when, from, to and why. "Agreed safety plan": the current version of the case's safety plan is
 * marked agreed. Entering monitoring plans the follow-up moments; leaving it ends them.
 *
 * Closing is not done here but through the reasoned closure (closure-service.ts: reason code,
 * explanation, letter); the rule is checked first so its refusal still explains why not. Moving a
 * closed case back is a reopening and is recorded as one (closure-service.ts).
 */
export async function changePhase(deps: Deps, ctx: RequestContext, caseId: string, input: PhaseInput) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.phase.change');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const from = header.phase as SafetyPhase;
    if (from === 'closed') {
      const reopened = await reopenInTransaction(
        trx,
        ctx,
        guard,
        caseId,
        from,
        { reason: input.reason, toPhase: input.to },
        now,
      );
      return { phase: reopened.phase };
    }
    const latest = await findLatestAssessment(trx, caseId);
    const verdict = decidePhaseTransition(from, input.to, {
      hasAgreedSafetyPlan: await hasAgreedSafetyPlan(trx, caseId),
      latestAssessment: latest ? { score: latest.min_score, at: latest.assessed_at } : null,
      regionConfig: (await loadRulesOfCase(trx, caseId)).phase,
      reason: input.reason,
      now,
    });
    if (!verdict.ok) {
      const path = verdict.code === 'reason_required' ? 'body.reason' : 'body.to';
      throw new AppError('validation_failed', [{ path, message: verdict.message }]);
    }
    if (input.to === 'closed') {
      throw new AppError('validation_failed', [
        { path: 'body.to', message: CLOSURE_MESSAGES.close_via_closure },
      ]);
    }
    const updated = await trx
      .updateTable('household_case')
      .set({ phase: input.to, closed_at: null })
      .where('id', '=', caseId)
      .where('phase', '=', from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError('conflict', [{ path: 'body.to', message: CASE_MESSAGES.phase_changed_meanwhile }]);
    }
    await trx
      .insertInto('case_phase_change')
      .values({
        case_id: caseId,
        from_phase: from,
        to_phase: input.to,
        reason: input.reason,
        changed_by_user_id: guard.actor.user.id,
        changed_at: now,
      })
      .execute();
    const planned = await followPhaseForMonitoring(trx, caseId, from, input.to, now);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.phase.change',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { from, to: input.to, monitoringMomentsPlanned: planned },
    });
    return { phase: input.to };
  });
}

import { decidePhaseTransition, type SafetyPhase } from '../../domain/casework/safety-phase.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { CASE_MESSAGES } from './messages.ts';
import { PHASE_REGION_CONFIG } from './region-config.ts';
import type { PhaseInput } from './schemas.ts';
import {
  findLatestAssessment,
  findOpenCaseOfHousehold,
  hasAgreedSafetyPlan,
  loadCaseMembers,
} from './store.ts';

/**
 * Moves the case to another GSV phase when decidePhaseTransition allows it; history keeps who,
 * when, from, to and why. "Agreed safety plan": the current version of the case's safety plan is
 * marked agreed.
 */
export async function changePhase(deps: Deps, ctx: RequestContext, caseId: string, input: PhaseInput) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.phase.change');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const from = header.phase as SafetyPhase;
    const latest = await findLatestAssessment(trx, caseId);
    const verdict = decidePhaseTransition(from, input.to, {
      hasAgreedSafetyPlan: await hasAgreedSafetyPlan(trx, caseId),
      latestAssessment: latest ? { score: latest.min_score, at: latest.assessed_at } : null,
      regionConfig: PHASE_REGION_CONFIG,
      reason: input.reason,
      now,
    });
    if (!verdict.ok) {
      const path = verdict.code === 'reason_required' ? 'body.reason' : 'body.to';
      throw new AppError('validation_failed', [{ path, message: verdict.message }]);
    }
    if (from === 'closed') {
      // One case per household at a time: a reopened case must not sit beside a newer open one.
      const members = await loadCaseMembers(trx, caseId);
      const persons = members.map((m) => ({
        bsnHash: m.bsn_hash,
        fullName: m.full_name,
        dateOfBirth: m.date_of_birth,
      }));
      if (await findOpenCaseOfHousehold(trx, persons, caseId)) {
        throw new AppError('conflict', [{ path: 'body.to', message: CASE_MESSAGES.household_has_open_case }]);
      }
    }
    const updated = await trx
      .updateTable('household_case')
      .set({ phase: input.to, closed_at: input.to === 'closed' ? now : null })
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
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.phase.change',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { from, to: input.to },
    });
    return { phase: input.to };
  });
}

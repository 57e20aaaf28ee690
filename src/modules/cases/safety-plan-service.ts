import { AppError, type ErrorDetail } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { CASE_MESSAGES } from './messages.ts';
import type { SafetyPlanInput } from './schemas.ts';
import { loadActiveTeam, loadSafetyPlanVersions } from './store.ts';

/**
 * Saves a new version of the safety plan (veiligheidsplan): safety conditions, agreements with
 * owner, due date and status, and what to do when it goes wrong. Versions are never overwritten,
 * so who changed what and when stays visible; the latest version is the plan.
 */
export async function saveSafetyPlan(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: SafetyPlanInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.safety_plan.version');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const team = new Set((await loadActiveTeam(trx, caseId)).map((m) => m.user_id));
    const details: ErrorDetail[] = [];
    input.agreements.forEach((a, i) => {
      if (!team.has(a.ownerUserId))
        details.push({ path: `body.agreements.${i}.ownerUserId`, message: CASE_MESSAGES.owner_not_in_team });
    });
    if (details.length > 0) throw new AppError('validation_failed', details);
    const versions = await loadSafetyPlanVersions(trx, caseId);
    const version = (versions.at(-1)?.version ?? 0) + 1;
    const inserted = await trx
      .insertInto('case_safety_plan_version')
      .values({
        case_id: caseId,
        version,
        status: input.agreed ? 'agreed' : 'draft',
        conditions: input.conditions,
        agreements: JSON.stringify(input.agreements),
        if_it_goes_wrong: input.ifItGoesWrong,
        change_note: input.changeNote ?? null,
        changed_by_user_id: guard.actor.user.id,
        organisation_id: guard.actor.organisation.id,
        changed_at: now,
      })
      .onConflict((oc) => oc.columns(['case_id', 'version']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) {
      throw new AppError('conflict', [{ path: 'body', message: CASE_MESSAGES.plan_changed_meanwhile }]);
    }
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.safety_plan.version',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        version,
        agreed: input.agreed,
        conditions: input.conditions.length,
        agreements: input.agreements.length,
      },
    });
    return { version, status: input.agreed ? ('agreed' as const) : ('draft' as const) };
  });
}

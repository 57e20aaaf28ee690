import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { CASE_MESSAGES } from './messages.ts';
import { joinTeam } from './open-case-service.ts';
import type { TeamMemberInput } from './schemas.ts';
import { findClientMembership, listRegionProfessionals, loadActiveTeam } from './store.ts';

/** The coordinator or Veilig Thuis adds a professional of an organisation in the case's region. */
export async function addTeamMember(deps: Deps, ctx: RequestContext, caseId: string, input: TeamMemberInput) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.team.join');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header, manageTeam } = await loadAuthorizedCase(trx, guard, caseId);
    if (!manageTeam) throw new AppError('forbidden');
    const membership = await findClientMembership(trx, input.userId, header.region_id, input.organisationId);
    if (!membership) {
      throw new AppError('validation_failed', [
        { path: 'body.userId', message: CASE_MESSAGES.unknown_team_member },
      ]);
    }
    const team = await loadActiveTeam(trx, caseId);
    if (team.some((m) => m.user_id === input.userId && m.organisation_id === input.organisationId)) {
      throw new AppError('conflict', [{ path: 'body.userId', message: CASE_MESSAGES.already_in_team }]);
    }
    const id = await joinTeam(trx, ctx, caseId, input.userId, input.organisationId, input.caseRole, now);
    return { id };
  });
}

/** Leaving is recorded, not deleted: the history of who worked on the household stays. */
export async function removeTeamMember(deps: Deps, ctx: RequestContext, caseId: string, memberId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.team.leave');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header, manageTeam } = await loadAuthorizedCase(trx, guard, caseId);
    if (!manageTeam) throw new AppError('forbidden');
    const member = (await loadActiveTeam(trx, caseId)).find((m) => m.id === memberId);
    if (!member) throw new AppError('not_found');
    if (member.user_id === header.coordinator_user_id && member.case_role === 'coordinator') {
      throw new AppError('conflict', [{ path: 'params.memberId', message: CASE_MESSAGES.coordinator_stays }]);
    }
    await trx
      .updateTable('case_team_member')
      .set({ left_at: now, left_by_user_id: guard.actor.user.id })
      .where('id', '=', memberId)
      .where('left_at', 'is', null)
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.team.leave',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { teamMemberId: memberId, userId: member.user_id, organisationId: member.organisation_id },
    });
    return { ok: true as const };
  });
}

/** Professionals of the case's region who could join; only for those who manage the team. */
export async function listTeamCandidates(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.team.candidates');
  return deps.db.transaction().execute(async (trx) => {
    const { header, manageTeam } = await loadAuthorizedCase(trx, guard, caseId);
    if (!manageTeam) throw new AppError('forbidden');
    const rows = await listRegionProfessionals(trx, header.region_id);
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.display_name,
      organisationId: r.organisation_id,
      organisation: r.organisation_name,
      organisationType: r.organisation_type,
    }));
  });
}

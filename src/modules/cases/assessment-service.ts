import {
  type ParticipantType,
  summariseSafetyScores,
  validateSafetyAssessment,
} from '../../domain/casework/safety-score.ts';
import { AppError, type ErrorDetail } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { CASE_MESSAGES } from './messages.ts';
import type { CaseAssessmentInput } from './schemas.ts';
import { loadActiveTeam, loadCaseMembers } from './store.ts';

/**
 * Records a safety assessment in the MDA++/TOP-3 manner. Participants are household members (a
 * child by their role in the case) and team members; action owners are team members. Every
 * problem is reported at once, at its field.
 */
export async function recordAssessment(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: CaseAssessmentInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.assessment.create');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const [members, team] = await Promise.all([loadCaseMembers(trx, caseId), loadActiveTeam(trx, caseId)]);
    const participants = new Map<string, { type: ParticipantType; label: string }>();
    for (const m of members)
      participants.set(m.id, { type: m.role === 'child' ? 'child' : 'household_member', label: m.full_name });
    for (const m of team)
      participants.set(m.user_id, {
        type: 'professional',
        label: `${m.display_name} (${m.organisation_name})`,
      });
    const teamUsers = new Set(team.map((m) => m.user_id));

    const details: ErrorDetail[] = [];
    input.scores.forEach((s, i) => {
      if (!participants.has(s.participantId))
        details.push({ path: `body.scores.${i}.participantId`, message: CASE_MESSAGES.unknown_participant });
    });
    input.actions.forEach((a, i) => {
      if (a.ownerUserId.trim() !== '' && !teamUsers.has(a.ownerUserId))
        details.push({ path: `body.actions.${i}.ownerUserId`, message: CASE_MESSAGES.owner_not_in_team });
    });
    const scores = input.scores.map((s) => ({
      participantId: s.participantId,
      participantType: participants.get(s.participantId)?.type ?? 'network',
      score: s.score,
    }));
    const validation = validateSafetyAssessment({
      assessedAt: now,
      scores,
      concerns: input.concerns,
      actions: input.actions.map((a) => ({
        description: a.description,
        ownerId: a.ownerUserId,
        dueOn: a.dueOn,
      })),
    });
    if (!validation.ok) {
      for (const issue of validation.issues)
        details.push({
          path: `body.${issue.path.replace('.ownerId', '.ownerUserId')}`,
          message: issue.message,
        });
    }
    const summary = summariseSafetyScores(scores);
    if (details.length > 0 || summary === null) throw new AppError('validation_failed', details);

    const assessment = await trx
      .insertInto('case_assessment')
      .values({
        case_id: caseId,
        assessed_at: now,
        recorded_by_user_id: guard.actor.user.id,
        organisation_id: guard.actor.organisation.id,
        concerns: input.concerns.map((c) => c.trim()),
        min_score: summary.min,
        median_score: summary.median,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_assessment_score')
      .values(
        scores.map((s, position) => ({
          assessment_id: assessment.id,
          position,
          participant_id: s.participantId,
          participant_type: s.participantType,
          participant_label: participants.get(s.participantId)?.label ?? '',
          score: s.score,
        })),
      )
      .execute();
    if (input.actions.length > 0) {
      await trx
        .insertInto('case_action')
        .values(
          input.actions.map((a, position) => ({
            case_id: caseId,
            assessment_id: assessment.id,
            position,
            description: a.description.trim(),
            owner_user_id: a.ownerUserId,
            due_on: a.dueOn,
          })),
        )
        .execute();
    }
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.assessment.create',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { assessmentId: assessment.id, participants: scores.length, actions: input.actions.length },
    });
    return { id: assessment.id, minScore: summary.min, medianScore: summary.median };
  });
}

import {
  type ChecklistAnswer,
  type ChecklistDefinition,
  decideConclusion,
  maxScoreOf,
  type RiskBand,
  scoreChecklist,
} from '../../domain/casework/risk-checklist.ts';
import { findChecklist, listCurrentChecklists } from '../../domain/casework/risk-checklists.ts';
import type { InformationCategory } from '../../domain/information-category.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext, requireActor } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase, mayReadRecord } from './case-guard.ts';
import { CHECKLIST_MESSAGES } from './checklist-messages.ts';
import type { ChecklistResultInput } from './checklist-schemas.ts';
import { insertChecklistResult, listChecklistResults } from './checklist-store.ts';

/** The checklists in use today, with their questions and weights: not personal data, so not audited. */
export function listChecklistDefinitions(ctx: RequestContext) {
  requireActor(ctx);
  return listCurrentChecklists().map(toDefinitionView);
}

function toDefinitionView(d: ChecklistDefinition) {
  return {
    id: d.id,
    version: d.version,
    title: d.title,
    description: d.description,
    inspiration: d.inspiration,
    sections: d.sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: s.items.map((i) => ({
        id: i.id,
        weight: i.weight,
        minimumBand: i.minimumBand ?? null,
        text: i.text,
      })),
    })),
    bands: d.bands,
    maxScore: maxScoreOf(d),
  };
}

/**
 * Records a filled-in checklist. The server scores it (the client's preview is never trusted) and
 * stores the advice beside the professional's conclusion; a conclusion that departs from the advice
 * needs a reason. Only the current version of a checklist can be filled in.
 */
export async function recordChecklistResult(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: ChecklistResultInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.checklist.create');
  const definition = listCurrentChecklists().find(
    (d) => d.id === input.checklistId && d.version === input.version,
  );
  if (!definition)
    throw new AppError('validation_failed', [
      { path: 'body.checklistId', message: CHECKLIST_MESSAGES.unknown_checklist },
    ]);
  const scored = scoreChecklist(definition, input.answers);
  if (!scored.ok)
    throw new AppError(
      'validation_failed',
      scored.issues.map((i) => ({ path: `body.answers.${i.itemId}`, message: i.message })),
    );
  const verdict = decideConclusion({
    advisedBand: scored.advisedBand,
    conclusion: input.conclusion,
    overrideReason: input.overrideReason,
  });
  if (!verdict.ok)
    throw new AppError('validation_failed', [{ path: 'body.overrideReason', message: verdict.message }]);
  const overridden = input.conclusion !== scored.advisedBand;

  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const row = await insertChecklistResult(trx, {
      caseId,
      checklistId: definition.id,
      checklistVersion: definition.version,
      category: input.category,
      organisationId: guard.actor.organisation.id,
      recordedByUserId: guard.actor.user.id,
      recordedAt: deps.now(),
      answers: input.answers,
      score: scored.score,
      maxScore: scored.maxScore,
      advisedBand: scored.advisedBand,
      conclusionBand: input.conclusion,
      overrideReason: input.overrideReason ?? null,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.checklist.create',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        resultId: row.id,
        checklist: `${definition.id}@${definition.version}`,
        category: input.category,
        advisedBand: scored.advisedBand,
        conclusion: input.conclusion,
        overridden,
      },
    });
    return {
      id: row.id,
      score: scored.score,
      maxScore: scored.maxScore,
      advisedBand: scored.advisedBand,
      conclusion: input.conclusion,
      overridden,
    };
  });
}

/** Results on a case in the categories the reader's organisation may read; the rest is counted. */
export async function listCaseChecklistResults(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  category: InformationCategory | undefined,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.checklist.list');
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const rows = await listChecklistResults(trx, caseId, category);
    const readable = rows.filter((r) => mayReadRecord(guard, r));
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.checklist.list',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        ids: readable.map((r) => r.id),
        withheld: rows.length - readable.length,
        category: category ?? null,
      },
    });
    return {
      results: readable.map((r) => {
        const definition = findChecklist(r.checklist_id, r.checklist_version);
        const answers = r.answers as Record<string, ChecklistAnswer>;
        const rescored = definition ? scoreChecklist(definition, answers) : null;
        const advisedBand = r.advised_band as RiskBand;
        return {
          id: r.id,
          checklistId: r.checklist_id,
          version: r.checklist_version,
          title: definition?.title ?? { nl: r.checklist_id, en: r.checklist_id },
          category: r.category as InformationCategory,
          organisation: r.organisation_name,
          recordedBy: r.display_name,
          recordedAt: r.recorded_at.toISOString(),
          answers,
          score: r.score,
          maxScore: r.max_score,
          advisedBand,
          bandIfUnknownsYes: rescored?.ok ? rescored.bandIfUnknownsYes : advisedBand,
          unknownCount: Object.values(answers).filter((a) => a === 'unknown').length,
          conclusion: r.conclusion_band as RiskBand,
          overridden: r.conclusion_band !== r.advised_band,
          overrideReason: r.override_reason,
        };
      }),
      withheld: rows.length - readable.length,
    };
  });
}

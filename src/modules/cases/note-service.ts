import type { InformationCategory } from '../../domain/information-category.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';

/** A note on the case; its category decides which team members' organisations may read it. */
export async function addCaseNote(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: { category: InformationCategory; body: string },
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.note.create');
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const note = await trx
      .insertInto('case_note')
      .values({
        case_id: caseId,
        category: input.category,
        organisation_id: guard.actor.organisation.id,
        author_user_id: guard.actor.user.id,
        body: input.body,
        created_at: deps.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.note.create',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { category: input.category },
    });
    return { id: note.id };
  });
}

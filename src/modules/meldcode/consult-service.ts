import { AppError } from '../../errors/app-error.ts';
import type { RequestContext } from '../access/request-context.ts';
import { askAdvice } from '../advice/service.ts';
import type { Deps } from '../deps.ts';
import { amsterdamToday } from './record-view.ts';
import type { ConsultationInput } from './schemas.ts';
import { authorizeRecord, fieldError, requireMeldcodeUser, writeStep } from './service.ts';
import { insertConsultation, loadRecord, updateOpenRecord } from './store.ts';

/**
 * Step 2: a consultation with a colleague, an injury expert or Veilig Thuis. Consulting Veilig
 * Thuis from the record also sends it an advice request (adviesvraag) through the advice
 * service, with the record's municipality and kinds of violence; the question itself is the
 * professional's and names no person.
 *
 * The advice request is written in the advice service's own transaction, before the consultation
 * is: should the consultation then fail, Veilig Thuis still has a valid question and the
 * professional records the consultation again.
 */
export async function addConsultation(deps: Deps, ctx: RequestContext, id: string, input: ConsultationInput) {
  const now = deps.now();
  if (input.consultedOn > amsterdamToday(now)) throw fieldError('body.consultedOn', 'consulted_on_future');
  if (input.kind === 'veilig_thuis' && !input.advice) throw fieldError('body.advice', 'advice_required');
  let adviceRequestId: string | null = null;
  if (input.kind === 'veilig_thuis' && input.advice) {
    const { actor, reader } = requireMeldcodeUser(ctx);
    await authorizeRecord(deps, ctx, reader, id, 'meldcode.consult');
    const loaded = await loadRecord(deps.db, id);
    if (!loaded) throw new AppError('not_found');
    // Only the author writes: refuse before anything reaches Veilig Thuis.
    if (loaded.record.created_by_user_id !== actor.user.id) throw new AppError('forbidden');
    if (loaded.record.report_id !== null) throw new AppError('conflict');
    const advice = await askAdvice(deps, ctx, {
      municipalityCode: loaded.record.municipality_code,
      violenceKinds: loaded.record.violence_kinds as Parameters<typeof askAdvice>[2]['violenceKinds'],
      violenceDuration: input.advice.violenceDuration,
      question: input.advice.question,
      askerRole: input.advice.askerRole,
      askerFunction: input.advice.askerFunction,
    });
    adviceRequestId = advice.id;
  }
  return writeStep(deps, ctx, id, 'meldcode.consult', async (trx, _loaded, actor) => {
    const row = await insertConsultation(trx, {
      recordId: id,
      kind: input.kind,
      who: input.who,
      consultedOn: input.consultedOn,
      outcome: input.outcome,
      adviceRequestId,
      userId: actor.user.id,
      now,
    });
    await updateOpenRecord(trx, id, { updated_at: now });
    return {
      result: { id: row.id, adviceRequestId },
      details: { kind: input.kind, consultationId: row.id, adviceRequestId },
    };
  });
}

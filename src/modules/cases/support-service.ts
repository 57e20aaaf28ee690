import {
  canRecordSupport,
  checkSupportMember,
  decideSupportOutcome,
  type SupportKind,
  type SupportOutcome,
  type SupportOutcomeRefusalCode,
} from '../../domain/casework/support.ts';
import type { InformationCategory } from '../../domain/information-category.ts';
import { AppError, type ErrorDetail } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { auditCaseDenied, authorizeCase, loadAuthorizedCase, mayReadRecord } from './case-guard.ts';
import { loadCaseMembers } from './store.ts';
import { SUPPORT_MESSAGES } from './support-messages.ts';
import type { RecordSupportInput, SupportList, SupportOutcomeInput } from './support-schemas.ts';
import { closeSupport, insertSupport, loadCaseSupport, lockSupport } from './support-store.ts';

type Guard = Awaited<ReturnType<typeof authorizeCase>>;

const EARLIEST_OFFER = new Date('2000-01-01T00:00:00Z');

/** A refusal the service answers after leaving a trace of it in the audit log. */
interface AuditedRefusal {
  code: 'forbidden' | 'conflict' | 'rule_refused';
  reason: string;
  detail: ErrorDetail;
}

/** The refusal leaves a trace in its own transaction, since the request's own work is rolled back. */
async function refuseAudited(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  action: string,
  refusal: AuditedRefusal,
  details: Record<string, unknown> = {},
): Promise<never> {
  await auditCaseDenied(deps, ctx, caseId, action, { ...details, reason: refusal.reason });
  throw new AppError(refusal.code, [refusal.detail]);
}

/** Offers are recorded by the help partners (src/domain/casework/support.ts); others only read. */
async function requireRecorder(
  deps: Deps,
  ctx: RequestContext,
  guard: Guard,
  caseId: string,
  action: string,
) {
  if (canRecordSupport(guard.actor.organisation.type)) return;
  await refuseAudited(deps, ctx, caseId, action, {
    code: 'forbidden',
    reason: 'not_a_recorder',
    detail: { path: 'body', message: SUPPORT_MESSAGES.recorder },
  });
}

/** Help for perpetrators and experience experts on the case, as far as the reader's categories allow. */
export async function listCaseSupport(deps: Deps, ctx: RequestContext, caseId: string): Promise<SupportList> {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.support.list');
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const all = await loadCaseSupport(trx, caseId);
    const rows = all.filter((r) => mayReadRecord(guard, r));
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.support.list',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { shown: rows.map((r) => r.id), withheld: all.length - rows.length },
    });
    const mayRecord = canRecordSupport(guard.actor.organisation.type);
    return {
      support: rows.map((r) => ({
        id: r.id,
        kind: r.kind as SupportKind,
        category: r.category as InformationCategory,
        member:
          r.member_id && r.member_name !== null && r.member_role !== null
            ? { id: r.member_id, fullName: r.member_name, role: r.member_role }
            : null,
        provider: r.provider,
        offeredAt: r.offered_at.toISOString(),
        note: r.note,
        outcome:
          r.outcome && r.outcome_at
            ? {
                outcome: r.outcome as SupportOutcome,
                at: r.outcome_at.toISOString(),
                note: r.outcome_note,
                recordedBy: r.outcome_recorded_by_name ?? '',
              }
            : null,
        recordedBy: r.recorded_by_name,
        organisation: r.organisation_name,
        recordedAt: r.recorded_at.toISOString(),
        mayRecordOutcome: mayRecord && r.outcome === null,
      })),
      withheld: all.length - rows.length,
      mayRecord,
    };
  });
}

/** Records an offer of help for a perpetrator, or an experience expert taking part. */
export async function recordSupport(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: RecordSupportInput,
) {
  const action = 'case.support.record';
  const guard = await authorizeCase(deps, ctx, caseId, action);
  await requireRecorder(deps, ctx, guard, caseId, action);
  const now = deps.now();
  const offeredAt = new Date(input.offeredAt);
  if (offeredAt.getTime() > now.getTime())
    throw new AppError('validation_failed', [
      { path: 'body.offeredAt', message: SUPPORT_MESSAGES.offered_in_future },
    ]);
  if (offeredAt.getTime() < EARLIEST_OFFER.getTime())
    throw new AppError('validation_failed', [
      { path: 'body.offeredAt', message: SUPPORT_MESSAGES.offered_too_early },
    ]);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    let member: { role: string } | null = null;
    if (input.memberId !== undefined) {
      const found = (await loadCaseMembers(trx, caseId)).find((m) => m.id === input.memberId);
      if (!found)
        throw new AppError('validation_failed', [
          { path: 'body.memberId', message: SUPPORT_MESSAGES.unknown_member },
        ]);
      member = found;
    }
    const verdict = checkSupportMember(input.kind, member);
    if (!verdict.ok) return { ok: false as const, refusal: verdict };
    const supportId = await insertSupport(trx, {
      caseId,
      kind: input.kind,
      memberId: input.memberId ?? null,
      provider: input.provider,
      category: input.category,
      offeredAt,
      note: input.note ?? null,
      userId: guard.actor.user.id,
      organisationId: guard.actor.organisation.id,
      at: now,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action,
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        supportId,
        kind: input.kind,
        category: input.category,
        memberId: input.memberId ?? null,
      },
    });
    return { ok: true as const, id: supportId };
  });
  if (!outcome.ok)
    return refuseAudited(
      deps,
      ctx,
      caseId,
      action,
      {
        code: 'rule_refused',
        reason: outcome.refusal.code,
        detail: { path: 'body.memberId', message: outcome.refusal.message },
      },
      { kind: input.kind, memberId: input.memberId ?? null },
    );
  return { id: outcome.id };
}

const OUTCOME_REFUSALS: Readonly<
  Record<SupportOutcomeRefusalCode, { code: AuditedRefusal['code']; path: string }>
> = {
  // A decided offer refuses a second outcome like a closed action refuses a second closing: 409.
  outcome_already_recorded: { code: 'conflict', path: 'body.outcome' },
  outcome_before_offer: { code: 'rule_refused', path: 'body.outcomeAt' },
};

/** Records once whether the help started / the expert took part, or the offer was declined. */
export async function recordSupportOutcome(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  supportId: string,
  input: SupportOutcomeInput,
) {
  const action = 'case.support.outcome';
  const guard = await authorizeCase(deps, ctx, caseId, action);
  await requireRecorder(deps, ctx, guard, caseId, action);
  const now = deps.now();
  const outcomeAt = input.outcomeAt ? new Date(input.outcomeAt) : now;
  if (outcomeAt.getTime() > now.getTime())
    throw new AppError('validation_failed', [
      { path: 'body.outcomeAt', message: SUPPORT_MESSAGES.outcome_in_future },
    ]);
  const result = await deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const row = await lockSupport(trx, caseId, supportId);
    // A hidden offer answers as if it did not exist.
    if (!row || !mayReadRecord(guard, row)) throw new AppError('not_found');
    const verdict = decideSupportOutcome(
      { offeredAt: row.offered_at, outcome: row.outcome as SupportOutcome | null },
      outcomeAt,
    );
    if (!verdict.ok) return { ok: false as const, refusal: verdict };
    const closed = await closeSupport(trx, {
      supportId,
      outcome: input.outcome,
      at: outcomeAt,
      note: input.note ?? null,
      userId: guard.actor.user.id,
    });
    if (!closed)
      throw new AppError('conflict', [{ path: 'body.outcome', message: SUPPORT_MESSAGES.changed_meanwhile }]);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action,
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { supportId, kind: row.kind, outcome: input.outcome },
    });
    return { ok: true as const };
  });
  if (!result.ok) {
    const mapped = OUTCOME_REFUSALS[result.refusal.code];
    return refuseAudited(
      deps,
      ctx,
      caseId,
      action,
      {
        code: mapped.code,
        reason: result.refusal.code,
        detail: { path: mapped.path, message: result.refusal.message },
      },
      { supportId, outcome: input.outcome },
    );
  }
  return { id: supportId, outcome: input.outcome, outcomeAt: outcomeAt.toISOString() };
}

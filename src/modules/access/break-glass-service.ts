import { AppError } from '../../errors/app-error.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { auditActor, type RequestContext, requireRole } from './request-context.ts';

/** Emergency access lasts one hour; then a new, separately reasoned grant is needed. */
export const BREAK_GLASS_MS = 60 * 60 * 1000;

/**
 * "Break the glass": a professional without regular access opens one record in an emergency. It
 * needs a written reason, expires, is audited, and waits for the privacy officer's review.
 */
export async function breakGlass(
  deps: Deps,
  ctx: RequestContext,
  input: { recordType: 'report'; recordId: string; reason: string },
) {
  const actor = requireRole(ctx, 'professional', 'coordinator', 'vt_intake', 'team_lead');
  const now = deps.now();
  const exists = await deps.db
    .selectFrom('report')
    .select('id')
    .where('id', '=', input.recordId)
    .executeTakeFirst();
  if (!exists) {
    // A refused attempt is audited in its own transaction, so it survives the error response.
    await deps.db.transaction().execute((trx) =>
      appendAuditEvent(trx, {
        ...auditActor(ctx),
        action: 'break_glass.grant',
        recordType: input.recordType,
        recordId: input.recordId,
        purpose: 'emergency',
        outcome: 'failure',
        details: { reason: input.reason },
      }),
    );
    throw new AppError('not_found');
  }
  return deps.db.transaction().execute(async (trx) => {
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'break_glass.grant',
      recordType: input.recordType,
      recordId: input.recordId,
      purpose: 'emergency',
      details: { reason: input.reason },
    });
    const grant = await trx
      .insertInto('break_glass_grant')
      .values({
        user_id: actor.user.id,
        organisation_id: actor.organisation.id,
        record_type: input.recordType,
        record_id: input.recordId,
        reason: input.reason,
        granted_at: now,
        expires_at: new Date(now.getTime() + BREAK_GLASS_MS),
      })
      .returning(['id', 'expires_at'])
      .executeTakeFirstOrThrow();
    return { id: grant.id, expiresAt: grant.expires_at.toISOString() };
  });
}

export async function listBreakGlassGrants(
  deps: Deps,
  ctx: RequestContext,
  options: { unreviewedOnly: boolean },
) {
  const officer = requireRole(ctx, 'privacy_officer');
  // A privacy officer reviews the emergency accesses of their own region's organisations.
  let query = deps.db
    .selectFrom('break_glass_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .innerJoin('organisation as o', 'o.id', 'g.organisation_id')
    .select([
      'g.id',
      'g.record_type',
      'g.record_id',
      'g.reason',
      'g.granted_at',
      'g.expires_at',
      'g.reviewed_at',
      'g.review_verdict',
      'g.review_note',
      'u.username',
      'u.display_name',
      'o.name as organisation_name',
    ])
    .where('o.region_id', '=', officer.organisation.regionId)
    .orderBy('g.granted_at', 'desc')
    .limit(500);
  if (options.unreviewedOnly) query = query.where('g.reviewed_at', 'is', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    recordType: r.record_type,
    recordId: r.record_id,
    reason: r.reason,
    grantedAt: r.granted_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    verdict: r.review_verdict,
    reviewNote: r.review_note,
    user: r.display_name,
    username: r.username,
    organisation: r.organisation_name,
  }));
}

export async function reviewBreakGlass(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { verdict: 'justified' | 'unjustified'; note: string },
) {
  const actor = requireRole(ctx, 'privacy_officer');
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('break_glass_grant')
      .set({
        reviewed_by: actor.user.id,
        reviewed_at: deps.now(),
        review_verdict: input.verdict,
        review_note: input.note,
      })
      .where('id', '=', id)
      .where('reviewed_at', 'is', null)
      .where(
        'organisation_id',
        'in',
        trx.selectFrom('organisation').select('id').where('region_id', '=', actor.organisation.regionId),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('not_found');
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'break_glass.review',
      recordType: 'break_glass_grant',
      recordId: id,
      details: { verdict: input.verdict },
    });
  });
}

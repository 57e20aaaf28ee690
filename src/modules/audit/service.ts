import { createChainVerifier } from '../../domain/audit-chain.ts';
import { auditActor, type RequestContext, requireRole } from '../access/request-context.ts';
import type { Deps } from '../deps.ts';
import { type AuditSearch, appendAuditEvent, readAuditChain, searchAuditEvents } from './store.ts';

/** The privacy officer searches the trail; the search itself is audited. */
export async function searchAudit(deps: Deps, ctx: RequestContext, filters: Omit<AuditSearch, 'regionId'>) {
  const officer = requireRole(ctx, 'privacy_officer');
  const q: AuditSearch = { ...filters, regionId: officer.organisation.regionId };
  const rows = await searchAuditEvents(deps.db, q);
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'audit.search',
      details: {
        filters: { ...q, from: q.from?.toISOString(), to: q.to?.toISOString() },
        results: rows.length,
      },
    }),
  );
  return rows.map((r) => ({
    position: Number(r.position),
    occurredAt: r.occurred_at.toISOString(),
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    actorOrganisation: r.actor_organisation_name,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    purpose: r.purpose,
    requestId: r.request_id,
    outcome: r.outcome,
  }));
}

/** Recomputes the whole chain. Used by `kring audit verify` and the privacy officer's screen. */
export async function verifyAudit(deps: Pick<Deps, 'db'>) {
  const verifier = createChainVerifier();
  for await (const event of readAuditChain(deps.db)) verifier.push(event);
  return verifier.result();
}

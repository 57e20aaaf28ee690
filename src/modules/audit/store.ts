import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type ChainedFields, GENESIS_HASH, hashAuditEvent } from '../../domain/audit-chain.ts';

export interface AuditEntry {
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
}

// One lock key for the whole chain: appends are serialised across transactions and app instances.
const CHAIN_LOCK = 7_041_976;

/** Appends inside the caller's transaction, so the event commits or rolls back with the change. */
export async function appendAuditEvent(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_event')
    .select(['position', 'hash'])
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: ChainedFields = {
    position: (last?.position ?? 0) + 1,
    // Millisecond precision, the same as PostgreSQL's timestamptz round trip to JavaScript.
    occurredAt: new Date().toISOString(),
    actorUserId: entry.actorUserId,
    actorOrganisationId: entry.actorOrganisationId,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    purpose: entry.purpose ?? null,
    requestId: entry.requestId ?? null,
    outcome: entry.outcome ?? 'success',
    details: entry.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('audit_event')
    .values({
      position: fields.position,
      occurred_at: fields.occurredAt,
      actor_user_id: fields.actorUserId,
      actor_organisation_id: fields.actorOrganisationId,
      action: fields.action,
      record_type: fields.recordType,
      record_id: fields.recordId,
      purpose: fields.purpose,
      request_id: fields.requestId,
      outcome: fields.outcome,
      details: JSON.stringify(fields.details),
      prev_hash: fields.prevHash,
      hash: hashAuditEvent(fields),
    })
    .execute();
}

export interface StoredAuditEvent extends ChainedFields {
  id: string;
  hash: string;
}

type AuditRow = {
  id: string;
  position: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  purpose: string | null;
  request_id: string | null;
  outcome: string;
  details: unknown;
  prev_hash: string;
  hash: string;
};

export function toStoredEvent(row: AuditRow): StoredAuditEvent {
  return {
    id: row.id,
    position: Number(row.position),
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    purpose: row.purpose,
    requestId: row.request_id,
    outcome: row.outcome,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Reads the whole chain in pages, in position order. */
export async function* readAuditChain(db: Kysely<DB>, pageSize = 2000): AsyncGenerator<StoredAuditEvent> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('position', '>', after)
      .orderBy('position')
      .limit(pageSize)
      .execute();
    for (const row of rows) yield toStoredEvent(row);
    const lastRow = rows[rows.length - 1];
    if (!lastRow || rows.length < pageSize) return;
    after = Number(lastRow.position);
  }
}

export interface AuditSearch {
  /** Only events by people of this region's organisations. */
  regionId: number;
  actorUserId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

export async function searchAuditEvents(db: Kysely<DB>, q: AuditSearch) {
  let query = db
    .selectFrom('audit_event')
    .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
    .leftJoin('organisation', 'organisation.id', 'audit_event.actor_organisation_id')
    .selectAll('audit_event')
    .select(['app_user.username as actor_username', 'organisation.name as actor_organisation_name'])
    .where((eb) => {
      const regionOrganisations = eb
        .selectFrom('organisation as ro')
        .select('ro.id')
        .where('ro.region_id', '=', q.regionId);
      return eb.or([
        eb('audit_event.actor_organisation_id', 'in', regionOrganisations),
        eb.and([
          eb('audit_event.actor_organisation_id', 'is', null),
          eb(
            'audit_event.actor_user_id',
            'in',
            eb
              .selectFrom('membership as rm')
              .select('rm.user_id')
              .where('rm.organisation_id', 'in', regionOrganisations),
          ),
        ]),
      ]);
    });
  if (q.actorUserId) query = query.where('audit_event.actor_user_id', '=', q.actorUserId);
  if (q.recordType) query = query.where('audit_event.record_type', '=', q.recordType);
  if (q.recordId) query = query.where('audit_event.record_id', '=', q.recordId);
  if (q.action) query = query.where('audit_event.action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (q.from) query = query.where('audit_event.occurred_at', '>=', q.from);
  if (q.to) query = query.where('audit_event.occurred_at', '<', q.to);
  return query.orderBy('audit_event.position', 'desc').limit(q.limit).execute();
}

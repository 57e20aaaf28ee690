import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that the hash covers, in a fixed order. */
export interface ChainedFields {
  position: number;
  occurredAt: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  purpose: string | null;
  requestId: string | null;
  outcome: string;
  details: unknown;
  prevHash: string;
}

/** JSON with object keys sorted, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Hashes exactly the chained fields, whatever else the object carries (id, hash). */
export function hashAuditEvent(e: ChainedFields): string {
  const fields: ChainedFields = {
    position: e.position,
    occurredAt: e.occurredAt,
    actorUserId: e.actorUserId,
    actorOrganisationId: e.actorOrganisationId,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId,
    purpose: e.purpose,
    requestId: e.requestId,
    outcome: e.outcome,
    details: e.details,
    prevHash: e.prevHash,
  };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export type ChainProblem =
  | { kind: 'gap'; position: number; expected: number }
  | { kind: 'broken_link'; position: number }
  | { kind: 'altered'; position: number };

/**
 * Checks events one by one in position order, so a chain of any length is verified in constant
 * memory. A removed event shows as a gap and a broken link, an inserted or altered one as a wrong
 * hash or link.
 */
export function createChainVerifier(start = { position: 0, hash: GENESIS_HASH }) {
  const problems: ChainProblem[] = [];
  let expectedPosition = start.position + 1;
  let prevHash = start.hash;
  let count = 0;
  return {
    push(event: ChainedFields & { hash: string }) {
      count++;
      if (event.position !== expectedPosition)
        problems.push({ kind: 'gap', position: event.position, expected: expectedPosition });
      if (event.prevHash !== prevHash) problems.push({ kind: 'broken_link', position: event.position });
      if (hashAuditEvent(event) !== event.hash) problems.push({ kind: 'altered', position: event.position });
      expectedPosition = event.position + 1;
      prevHash = event.hash;
    },
    result() {
      return { count, problems, head: { position: expectedPosition - 1, hash: prevHash } };
    },
  };
}

export function verifyChain(events: Iterable<ChainedFields & { hash: string }>) {
  const verifier = createChainVerifier();
  for (const event of events) verifier.push(event);
  return verifier.result();
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChainedFields,
  canonicalJson,
  GENESIS_HASH,
  hashAuditEvent,
  verifyChain,
} from './audit-chain.ts';

function buildChain(n: number): (ChainedFields & { hash: string })[] {
  const events: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      position: i,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorUserId: `user-${i % 3}`,
      actorOrganisationId: 'org',
      action: i % 2 ? 'report.read' : 'report.create',
      recordType: 'report',
      recordId: `r-${i}`,
      purpose: null,
      requestId: `req-${i}`,
      outcome: 'success',
      details: { n: i, nested: { b: 2, a: 1 } },
      prevHash: prev,
    };
    const hash = hashAuditEvent(fields);
    events.push({ ...fields, hash });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('an untouched chain verifies', () => {
    const result = verifyChain(buildChain(20));
    expect(result.problems).toEqual([]);
    expect(result.count).toBe(20);
    expect(result.head.position).toBe(20);
  });
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 1, c: 2 }] })).toBe(
      canonicalJson({ a: [1, { c: 2, d: 1 }], b: 1 }),
    );
  });
  it('any altered field is detected (property)', () => {
    const fields = ['actorUserId', 'action', 'recordId', 'outcome', 'occurredAt', 'purpose'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...fields),
        fc.string({ minLength: 1, maxLength: 10 }),
        (index, field, value) => {
          const chain = buildChain(10);
          const target = chain[index];
          if (!target || target[field] === value) return;
          chain[index] = { ...target, [field]: value };
          expect(verifyChain(chain).problems.some((p) => p.position === index + 1)).toBe(true);
        },
      ),
    );
  });
  it('a removed event is detected (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), (index) => {
        const chain = buildChain(10);
        chain.splice(index, 1);
        expect(verifyChain(chain).problems.length).toBeGreaterThan(0);
      }),
    );
  });
  it('an inserted event is detected, even with a correct own hash', () => {
    const chain = buildChain(10);
    const before = chain[4];
    if (!before) throw new Error('chain too short');
    const forged: ChainedFields = { ...before, position: 6, action: 'forged', prevHash: before.hash };
    chain.splice(5, 0, { ...forged, hash: hashAuditEvent(forged) });
    expect(verifyChain(chain).problems.length).toBeGreaterThan(0);
  });
  it('a details change is detected', () => {
    const chain = buildChain(5);
    const target = chain[2];
    if (!target) throw new Error('chain too short');
    chain[2] = { ...target, details: { n: 999 } };
    expect(verifyChain(chain).problems).toContainEqual({ kind: 'altered', position: 3 });
  });
});

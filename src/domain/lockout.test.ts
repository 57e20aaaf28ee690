import { describe, expect, it } from 'vitest';
import { isLocked, LOCKOUT_MS, lockAfterFailure, MAX_FAILED_LOGINS } from './lockout.ts';

describe('login lockout', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('locks on the fifth failure in a row, not before', () => {
    for (let failed = 0; failed < MAX_FAILED_LOGINS - 1; failed++)
      expect(lockAfterFailure(failed, now)).toBeNull();
    expect(lockAfterFailure(MAX_FAILED_LOGINS - 1, now)?.getTime()).toBe(now.getTime() + LOCKOUT_MS);
  });
  it('a lock holds until it expires', () => {
    const until = new Date(now.getTime() + LOCKOUT_MS);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});

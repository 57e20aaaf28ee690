/** After this many failed attempts in a row (password or second factor) the account locks. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The lock to set after one more failure, or null while under the threshold. */
export function lockAfterFailure(failedSoFar: number, now: Date): Date | null {
  return failedSoFar + 1 >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null;
}

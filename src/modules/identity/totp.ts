import { authenticator } from 'otplib';
import type { Keys } from '../../security/keys.ts';
import { open, seal } from '../../security/secret-box.ts';

// RFC 6238 defaults (SHA-1, 6 digits, 30 s) so every authenticator app works; one step of clock drift.
const STEP_SECONDS = 30;
authenticator.options = { window: 1, step: STEP_SECONDS };

export function createTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function sealTotpSecret(keys: Keys, secret: string): string {
  return seal(keys.encryption, secret);
}

export function openTotpSecret(keys: Keys, sealed: string): string {
  return open(keys.encryption, sealed);
}

/**
 * The time step the code belongs to (within one step of drift), or null when it is wrong. The caller
 * refuses a step at or before the last one accepted, so a code works once (RFC 6238 §5.2).
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: now.getTime() }).checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS) + delta;
}

export function currentTotp(secret: string, now: Date = new Date()): string {
  return authenticator.clone({ epoch: now.getTime() }).generate(secret);
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}

export function totpUri(username: string, secret: string): string {
  return authenticator.keyuri(username, 'Kring', secret);
}

import { authenticator } from 'otplib';
import type { Keys } from '../../security/keys.ts';
import { open, seal } from '../../security/secret-box.ts';

// RFC 6238 defaults (SHA-1, 6 digits, 30 s) so every authenticator app works; one step of clock drift.
authenticator.options = { window: 1 };

export function createTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function sealTotpSecret(keys: Keys, secret: string): string {
  return seal(keys.encryption, secret);
}

export function openTotpSecret(keys: Keys, sealed: string): string {
  return open(keys.encryption, sealed);
}

export function checkTotp(secret: string, code: string): boolean {
  return /^\d{6}$/.test(code) && authenticator.check(code, secret);
}

export function currentTotp(secret: string): string {
  return authenticator.generate(secret);
}

export function totpUri(username: string, secret: string): string {
  return authenticator.keyuri(username, 'Kring', secret);
}

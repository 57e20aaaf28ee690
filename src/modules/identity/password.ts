import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes; OWASP's minimum profile), ~13 ms here.
// Algorithm.Argon2id is an ambient const enum (value 2), not importable under verbatimModuleSyntax.
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so a missing user cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('kring-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
  return false;
}

/** Minimum password policy: length over complexity rules (NIST SP 800-63B). */
export function isAcceptablePassword(password: string): boolean {
  return password.length >= 12 && password.length <= 256;
}

import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Keys {
  /** AES-256-GCM key for identifiers (BSN) and MFA secrets at rest. */
  encryption: Buffer;
  /** HMAC key for the BSN match hash, so equal BSNs can be found without storing them in clear. */
  matching: Buffer;
}

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `kring:${label}`, 32));
}

export function keysFromMaster(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('the master key must be 32 bytes');
  return { encryption: derive(master, 'encryption'), matching: derive(master, 'matching') };
}

/**
 * Keys live outside the database: from KRING_SECRET_KEY, or (development and demo only) from a
 * key file beside the embedded database, created on first start with mode 0600.
 */
export function loadKeys(options: {
  secretKeyHex: string | undefined;
  dataDir: string;
  production: boolean;
}): Keys {
  if (options.secretKeyHex) return keysFromMaster(Buffer.from(options.secretKeyHex, 'hex'));
  if (options.production) throw new Error('KRING_SECRET_KEY is required when NODE_ENV=production');
  const file = path.join(options.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return keysFromMaster(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
}

export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

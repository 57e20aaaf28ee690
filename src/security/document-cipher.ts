import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption of case documents at rest: AES-256-GCM with a key of its own, derived (HKDF) from the
 * installation's encryption key so documents and identifiers never share a key. The associated data
 * names the row and the field, so a ciphertext copied into another row or column fails to open.
 * Stored form: 0x01 | IV (12 bytes) | tag (16 bytes) | ciphertext.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const derived = new WeakMap<Buffer, Buffer>();

function documentKey(encryptionKey: Buffer): Buffer {
  let key = derived.get(encryptionKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'kring:case-documents', 32));
    derived.set(encryptionKey, key);
  }
  return key;
}

export function sealDocumentPart(encryptionKey: Buffer, plaintext: Uint8Array, associated: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', documentKey(encryptionKey), iv);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
}

export function openDocumentPart(encryptionKey: Buffer, sealed: Uint8Array, associated: string): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION)
    throw new Error('unknown sealed document format');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    documentKey(encryptionKey),
    bytes.subarray(1, 1 + IV_BYTES),
  );
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}

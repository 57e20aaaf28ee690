import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDocumentPart, sealDocumentPart } from './document-cipher.ts';

const key = Buffer.alloc(32, 3);

describe('document cipher', () => {
  it('opens what it sealed, for any bytes; the sealed form never contains the plaintext', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 4096 }), (plain) => {
        const sealed = sealDocumentPart(key, plain, 'doc-1:content');
        expect(openDocumentPart(key, sealed, 'doc-1:content').equals(Buffer.from(plain))).toBe(true);
        expect(sealed.includes(Buffer.from(plain))).toBe(false);
      }),
    );
  });

  it('refuses another row, another key, or a changed byte', () => {
    const sealed = sealDocumentPart(key, Buffer.from('verslag'), 'doc-1:content');
    expect(() => openDocumentPart(key, sealed, 'doc-2:content')).toThrow();
    expect(() => openDocumentPart(Buffer.alloc(32, 4), sealed, 'doc-1:content')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => openDocumentPart(key, tampered, 'doc-1:content')).toThrow();
    expect(() => openDocumentPart(key, sealed.subarray(0, 10), 'doc-1:content')).toThrow();
  });

  it('uses a fresh IV each time', () => {
    const a = sealDocumentPart(key, Buffer.from('x'), 'd');
    const b = sealDocumentPart(key, Buffer.from('x'), 'd');
    expect(a.equals(b)).toBe(false);
  });
});

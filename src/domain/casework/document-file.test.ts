import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  DOCUMENT_EXTENSIONS,
  DOCUMENT_KINDS,
  extensionOf,
  isPlainText,
  MAX_FILE_NAME_LENGTH,
  nameMatchesKind,
  sanitizeFileName,
} from './document-file.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'text', 'passwd.txt'],
    ['..\\..\\Windows\\System32\\brief.pdf', 'pdf', 'brief.pdf'],
    ['/var/www/../../secret.docx', 'docx', 'secret.docx'],
    ['verslag gesprek 12-03.PDF', 'pdf', 'verslag gesprek 12-03.pdf'],
    ['foto', 'jpeg', 'foto.jpg'],
    ['foto.jpeg', 'jpeg', 'foto.jpeg'],
    ['...', 'pdf', 'document.pdf'],
    ['', 'png', 'document.png'],
    ['.htaccess', 'text', 'htaccess.txt'],
    ['CON.txt', 'text', '_CON.txt'],
    ['a\u0000b\nc\td.txt', 'text', 'a_b_c_d.txt'],
    ['rapport\u202Etxt.pdf', 'pdf', 'rapport_txt.pdf'],
    ['"quoted"; filename=evil.pdf', 'pdf', '_quoted_; filename=evil.pdf'],
    ['Cafe\u0301 verslag.odt', 'odt', 'Café verslag.odt'],
  ] as const)('%j as %s → %j', (raw, kind, expected) => {
    expect(sanitizeFileName(raw, kind)).toBe(expected);
  });

  it('keeps the extension when cutting a long name', () => {
    const name = sanitizeFileName(`${'a'.repeat(300)}.pdf`, 'pdf');
    expect(name.length).toBe(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('never splits a surrogate pair when cutting', () => {
    const name = sanitizeFileName(`${'😀'.repeat(200)}.txt`, 'text');
    expect(name).toBe(`${'😀'.repeat(MAX_FILE_NAME_LENGTH - 4)}.txt`);
    expect(() => encodeURIComponent(name)).not.toThrow();
  });

  it('for any input: one safe segment, bounded, with an extension of its kind; applying twice changes nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom(...DOCUMENT_KINDS),
        (raw, kind) => {
          const name = sanitizeFileName(raw, kind);
          expect(name).not.toMatch(/[/\\<>:"|?*\p{Cc}\p{Cf}]/u);
          expect(name.startsWith('.')).toBe(false);
          expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
          expect(DOCUMENT_EXTENSIONS[kind]).toContain(extensionOf(name));
          expect(name.split('.')[0]).not.toBe('');
          expect(sanitizeFileName(name, kind)).toBe(name);
          expect(() => encodeURIComponent(name)).not.toThrow();
        },
      ),
    );
  });
});

describe('nameMatchesKind', () => {
  it.each([
    ['brief.pdf', 'pdf', true],
    ['BRIEF.PDF', 'pdf', true],
    ['brief', 'pdf', true],
    ['scan.jpg', 'jpeg', true],
    ['scan.jpeg', 'jpeg', true],
    ['page.html.pdf', 'pdf', true],
    ['page.pdf', 'text', false],
    ['setup.exe.pdf', 'text', false],
    ['photo.png', 'jpeg', false],
    ['notes.txt', 'docx', false],
    ['evil.pdf\u202Eexe', 'pdf', false],
  ] as const)('%j as %s → %s', (raw, kind, expected) => {
    expect(nameMatchesKind(raw, kind)).toBe(expected);
  });
});

describe('isPlainText', () => {
  it.each([
    ['Gesprek met moeder op 12 maart.\r\nAfspraken: zie plan.\t-\f', true],
    ['\uFEFFMet byte-order mark', true],
    ['Ünïcödé en emoji 🙂', true],
    ['', true],
    ['<!DOCTYPE html><script>alert(1)</script>', false],
    ['   \n<html><body>x</body></html>', false],
    ['<script>alert(1)</script>', false],
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', false],
    ['<?xml version="1.0"?><x/>', false],
    ['<p>hallo</p>', false],
    ['< 3 is kleiner dan 5', true],
    ['nul\u0000byte', false],
    ['escape \u001b[31m', false],
  ] as const)('%j → %s', (s, expected) => {
    expect(isPlainText(utf8(s))).toBe(expected);
  });

  it('refuses invalid UTF-8 and binary', () => {
    expect(isPlainText(new Uint8Array([0xc3, 0x28]))).toBe(false);
    expect(isPlainText(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).toBe(false);
    expect(isPlainText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
  });
});

describe('attachmentDisposition', () => {
  it.each([
    ['verslag.pdf', `attachment; filename="verslag.pdf"; filename*=UTF-8''verslag.pdf`],
    ['Café (1).odt', `attachment; filename="Cafe (1).odt"; filename*=UTF-8''Caf%C3%A9%20%281%29.odt`],
    ['a"b\\c%.txt', `attachment; filename="a_b_c_.txt"; filename*=UTF-8''a%22b%5Cc%25.txt`],
    ['😀.txt', `attachment; filename="_.txt"; filename*=UTF-8''%F0%9F%98%80.txt`],
  ])('%j', (name, expected) => {
    expect(attachmentDisposition(name)).toBe(expected);
  });

  it('for any sanitised name: a single header line of visible ASCII, always an attachment', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom(...DOCUMENT_KINDS),
        (raw, kind) => {
          const header = attachmentDisposition(sanitizeFileName(raw, kind));
          expect(header).toMatch(
            /^attachment; filename="[\x20\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/,
          );
        },
      ),
    );
  });
});

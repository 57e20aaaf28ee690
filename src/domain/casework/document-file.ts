/**
 * Rules for documents on a case: which kinds of file are accepted, how a file name is made safe to
 * store and to offer for download, and when bytes count as plain text. The kind of a file is decided
 * by its content (magic bytes, see src/modules/cases/document-content.ts), never by its name or the
 * browser's content type; the name's extension must then agree with the content.
 */
export const DOCUMENT_KINDS = ['pdf', 'png', 'jpeg', 'text', 'docx', 'odt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_MEDIA_TYPES: Readonly<Record<DocumentKind, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  text: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** The extensions a name may carry for each kind; the first is the one added when a name has none. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<DocumentKind, readonly string[]>> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  text: ['txt'],
  docx: ['docx'],
  odt: ['odt'],
};

/** 10 MiB: scans of letters and reports fit; video and archives do not belong in a case file. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 120;

// Control and format characters (incl. the right-to-left override used to disguise "fdp.exe"),
// path separators and characters Windows refuses in names.
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"/\\|?*]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

/**
 * A name that is safe to store and to put in a Content-Disposition header: the last path segment
 * only, NFC, unsafe characters replaced, no leading dots or trailing dots/spaces, no reserved
 * device names, at most 120 characters with the extension kept. Never empty.
 */
export function sanitizeFileName(raw: string, kind: DocumentKind): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const ext = extensionOf(name);
  const allowed = DOCUMENT_EXTENSIONS[kind];
  let stem = ext && allowed.includes(ext) ? name.slice(0, -(ext.length + 1)) : name;
  stem = stem.replace(/[\s.]+$/, '');
  const extension = ext && allowed.includes(ext) ? ext : (allowed[0] ?? 'bin');
  if (stem === '' || /^_+$/.test(stem)) stem = 'document';
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  const room = MAX_FILE_NAME_LENGTH - extension.length - 1;
  // Cut by code point, so a surrogate pair is never split.
  stem =
    Array.from(stem)
      .slice(0, room)
      .join('')
      .replace(/[\s.]+$/, '') || 'document';
  name = `${stem}.${extension}`;
  return name;
}

/**
 * Whether the name the uploader gave agrees with what the content is: no extension is fine (one is
 * added), an extension of another kind is not — an HTML page or a program renamed "x.pdf" is refused
 * even when its bytes would pass as something else.
 */
export function nameMatchesKind(raw: string, kind: DocumentKind): boolean {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  const ext = extensionOf(lastSegment.replace(UNSAFE_CHARACTERS, '').trim());
  return ext === null || DOCUMENT_EXTENSIONS[kind].includes(ext);
}

// What browsers sniff as markup (WHATWG MIME Sniffing §7.1, "HTML" patterns, plus XML and SVG):
// text that starts like this is refused as plain text, so it can never be rendered as a page.
const MARKUP_START =
  /^<(!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--|\?xml|svg)[\s>/]/i;

/**
 * Plain text: valid UTF-8 (an optional byte-order mark), no NUL or other control characters than
 * tab, line feed, form feed and carriage return, and not starting like HTML, XML or SVG.
 */
export function isPlainText(bytes: Uint8Array): boolean {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(decoded)) return false;
  return !MARKUP_START.test(decoded.trimStart());
}

/**
 * The Content-Disposition for a download: always an attachment (never shown inline), with an ASCII
 * fallback name and the exact UTF-8 name per RFC 6266 / RFC 8187.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/gu, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

import { fileTypeFromBuffer } from 'file-type';
import { type DocumentKind, isPlainText } from '../../domain/casework/document-file.ts';

// file-type reads magic bytes, and for DOCX/ODT the ZIP container's entries ([Content_Types].xml,
// the ODF "mimetype" entry); a macro-enabled Word file (docm) or any other ZIP is not on this list.
const BY_FILE_TYPE: Readonly<Record<string, DocumentKind>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  docx: 'docx',
  odt: 'odt',
};

/**
 * What a file is, from its bytes alone: one of the accepted kinds, or null. Bytes without a known
 * signature count only if they are plain UTF-8 text that does not start like markup.
 */
export async function detectDocumentKind(bytes: Uint8Array): Promise<DocumentKind | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected)
    return Object.hasOwn(BY_FILE_TYPE, detected.ext) ? (BY_FILE_TYPE[detected.ext] ?? null) : null;
  return isPlainText(bytes) ? 'text' : null;
}

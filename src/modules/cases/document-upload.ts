import type { FastifyRequest } from 'fastify';
import { MAX_DOCUMENT_BYTES } from '../../domain/casework/document-file.ts';
import { AppError } from '../../errors/app-error.ts';
import { DOCUMENT_MESSAGES } from './document-messages.ts';

/** What an upload form sends: the category field and one file, read into memory within the limits. */
export interface DocumentUpload {
  category: string | undefined;
  fileName: string;
  bytes: Buffer;
}

/** Busboy's limits for one upload: one file of at most 10 MiB, one short field, nothing else. */
export const UPLOAD_LIMITS = {
  fileSize: MAX_DOCUMENT_BYTES,
  files: 1,
  fields: 1,
  parts: 2,
  fieldNameSize: 50,
  fieldSize: 100,
  headerPairs: 20,
};

const LIMIT_ERRORS: Readonly<Record<string, AppError>> = {
  FST_REQ_FILE_TOO_LARGE: new AppError('payload_too_large', [
    { path: 'body.file', message: DOCUMENT_MESSAGES.too_large },
  ]),
  FST_FILES_LIMIT: new AppError('validation_failed', [
    { path: 'body.file', message: DOCUMENT_MESSAGES.one_file },
  ]),
  FST_FIELDS_LIMIT: new AppError('validation_failed', [
    { path: 'body', message: DOCUMENT_MESSAGES.unexpected_field },
  ]),
  FST_PARTS_LIMIT: new AppError('validation_failed', [
    { path: 'body', message: DOCUMENT_MESSAGES.unexpected_field },
  ]),
  FST_INVALID_MULTIPART_CONTENT_TYPE: new AppError('validation_failed', [
    { path: 'body', message: DOCUMENT_MESSAGES.not_multipart },
  ]),
};

function fresh(error: AppError) {
  return new AppError(error.code, error.details);
}

/**
 * Reads a multipart/form-data upload (fields "category" and "file", in any order). Called by the
 * service only after the case is authorized, so nobody without access makes the server read a file.
 */
export async function readDocumentUpload(request: FastifyRequest): Promise<DocumentUpload> {
  if (!request.isMultipart()) throw fresh(LIMIT_ERRORS.FST_INVALID_MULTIPART_CONTENT_TYPE as AppError);
  let category: string | undefined;
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file') {
        file = { fileName: part.filename, bytes: await part.toBuffer() };
      } else if (part.type === 'field' && part.fieldname === 'category' && typeof part.value === 'string') {
        category = part.value;
      } else {
        if (part.type === 'file') part.file.resume();
        throw new AppError('validation_failed', [
          { path: `body.${part.fieldname.slice(0, 50)}`, message: DOCUMENT_MESSAGES.unexpected_field },
        ]);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const known = LIMIT_ERRORS[code];
    if (known && Object.hasOwn(LIMIT_ERRORS, code)) throw fresh(known);
    // Malformed multipart (truncated, bad boundary): the client's fault, one error shape.
    if (error instanceof Error && /multipart|boundary|terminated|Unexpected end/i.test(error.message))
      throw new AppError('bad_request');
    throw error;
  }
  if (!file)
    throw new AppError('validation_failed', [{ path: 'body.file', message: DOCUMENT_MESSAGES.file_missing }]);
  return { category, fileName: file.fileName, bytes: file.bytes };
}

import { randomUUID } from 'node:crypto';
import {
  DOCUMENT_MEDIA_TYPES,
  type DocumentKind,
  nameMatchesKind,
  sanitizeFileName,
} from '../../domain/casework/document-file.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../domain/information-category.ts';
import { AppError } from '../../errors/app-error.ts';
import { openDocumentPart, sealDocumentPart } from '../../security/document-cipher.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase, mayReadRecord } from './case-guard.ts';
import { detectDocumentKind } from './document-content.ts';
import { DOCUMENT_MESSAGES } from './document-messages.ts';
import {
  findCaseDocument,
  insertCaseDocument,
  listCaseDocumentRows,
  loadCaseDocumentContent,
  markCaseDocumentRemoved,
} from './document-store.ts';
import type { DocumentUpload } from './document-upload.ts';

const nameAad = (id: string) => `case_document:${id}:file_name`;
const contentAad = (id: string) => `case_document:${id}:content`;

function isCategory(value: string | undefined): value is InformationCategory {
  return (INFORMATION_CATEGORIES as readonly string[]).includes(value ?? '');
}

/** A refused upload leaves a trace (an executable renamed .pdf is worth knowing about), then fails. */
async function refuseUpload(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  error: AppError,
  reason: string,
) {
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.document.upload',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      outcome: 'failure',
      details: { reason },
    }),
  );
  return error;
}

/**
 * Adds a document to a case. Order matters: the case is authorized before the file is read; the kind
 * comes from the bytes, and the name must agree with it; name and content are sealed before they
 * reach the database; the row and its audit event commit together.
 */
export async function uploadCaseDocument(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  readUpload: () => Promise<DocumentUpload>,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.document.upload');
  let upload: DocumentUpload;
  try {
    upload = await readUpload();
  } catch (error) {
    if (error instanceof AppError) throw await refuseUpload(deps, ctx, caseId, error, error.code);
    throw error;
  }
  const { category, fileName, bytes } = upload;
  if (!isCategory(category)) {
    const error = new AppError('validation_failed', [
      { path: 'body.category', message: DOCUMENT_MESSAGES.category_invalid },
    ]);
    throw await refuseUpload(deps, ctx, caseId, error, 'category_invalid');
  }
  if (bytes.length === 0) {
    const error = new AppError('validation_failed', [
      { path: 'body.file', message: DOCUMENT_MESSAGES.empty },
    ]);
    throw await refuseUpload(deps, ctx, caseId, error, 'empty');
  }
  const kind = await detectDocumentKind(bytes);
  if (!kind) {
    const error = new AppError('validation_failed', [
      { path: 'body.file', message: DOCUMENT_MESSAGES.type_not_allowed },
    ]);
    throw await refuseUpload(deps, ctx, caseId, error, 'type_not_allowed');
  }
  if (!nameMatchesKind(fileName, kind)) {
    const error = new AppError('validation_failed', [
      { path: 'body.file', message: DOCUMENT_MESSAGES.name_does_not_match },
    ]);
    throw await refuseUpload(deps, ctx, caseId, error, 'name_does_not_match');
  }
  const safeName = sanitizeFileName(fileName, kind);
  const id = randomUUID();
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    await insertCaseDocument(trx, {
      id,
      caseId,
      category,
      organisationId: guard.actor.organisation.id,
      uploadedByUserId: guard.actor.user.id,
      uploadedAt: deps.now(),
      kind,
      mediaType: DOCUMENT_MEDIA_TYPES[kind],
      sizeBytes: bytes.length,
      fileNameSealed: sealDocumentPart(deps.keys.encryption, Buffer.from(safeName, 'utf8'), nameAad(id)),
      contentSealed: sealDocumentPart(deps.keys.encryption, bytes, contentAad(id)),
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.document.upload',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { documentId: id, category, kind, size: bytes.length },
    });
    return { id, fileName: safeName, kind, size: bytes.length, category };
  });
}

type DocumentRow = NonNullable<Awaited<ReturnType<typeof findCaseDocument>>>;

function fileNameOf(deps: Deps, row: DocumentRow) {
  return openDocumentPart(deps.keys.encryption, row.file_name_sealed, nameAad(row.id)).toString('utf8');
}

/** Documents on a case that the reader's organisation may read (by category); the rest is counted. */
export async function listCaseDocuments(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  category: InformationCategory | undefined,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.document.list');
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const rows = await listCaseDocumentRows(trx, caseId, category);
    const shown = rows.filter((r) => mayReadRecord(guard, r));
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.document.list',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        ids: shown.map((r) => r.id),
        withheld: rows.length - shown.length,
        category: category ?? null,
      },
    });
    const isCoordinator = header.coordinator_user_id === guard.actor.user.id;
    return {
      documents: shown.map((r) => ({
        id: r.id,
        fileName: fileNameOf(deps, r),
        kind: r.kind as DocumentKind,
        size: r.size_bytes,
        category: r.category as InformationCategory,
        organisation: r.organisation_name,
        uploadedBy: r.display_name,
        uploadedAt: r.uploaded_at.toISOString(),
        canRemove: isCoordinator || r.uploaded_by_user_id === guard.actor.user.id,
      })),
      withheld: rows.length - shown.length,
    };
  });
}

/**
 * One document's content for download, only for a reader of its category. A document of a category
 * the reader may not read answers 404 like a missing one; the refusal is audited.
 */
export async function downloadCaseDocument(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  documentId: string,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.document.download');
  const outcome = await deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const row = await findCaseDocument(trx, caseId, documentId);
    const allowed = row !== undefined && mayReadRecord(guard, row);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.document.download',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      outcome: allowed ? 'success' : 'denied',
      details: { documentId, ...(row ? { category: row.category } : {}) },
    });
    if (!row || !allowed) return null;
    const sealed = await loadCaseDocumentContent(trx, row.id);
    return {
      fileName: fileNameOf(deps, row),
      mediaType: row.media_type,
      bytes: openDocumentPart(deps.keys.encryption, sealed, contentAad(row.id)),
    };
  });
  if (!outcome) throw new AppError('not_found');
  return outcome;
}

/**
 * Soft removal by the person who added the document or the case's coordinator; it leaves every list
 * and download, the row and the audit trail stay.
 */
export async function removeCaseDocument(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  documentId: string,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.document.remove');
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const row = await findCaseDocument(trx, caseId, documentId);
    const visible = row !== undefined && mayReadRecord(guard, row);
    const mayRemove =
      visible &&
      (row.uploaded_by_user_id === guard.actor.user.id || header.coordinator_user_id === guard.actor.user.id);
    const removed = mayRemove
      ? await markCaseDocumentRemoved(trx, documentId, guard.actor.user.id, deps.now())
      : false;
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.document.remove',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      outcome: removed ? 'success' : 'denied',
      details: { documentId },
    });
    if (!visible || (mayRemove && !removed)) return 'not_found' as const;
    return removed ? ('removed' as const) : ('forbidden' as const);
  });
  if (outcome === 'not_found') throw new AppError('not_found');
  if (outcome === 'forbidden')
    throw new AppError('forbidden', [
      { path: 'params.documentId', message: DOCUMENT_MESSAGES.not_allowed_to_remove },
    ]);
  return { ok: true as const };
}

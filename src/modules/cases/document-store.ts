import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { InformationCategory } from '../../domain/information-category.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewCaseDocument {
  id: string;
  caseId: string;
  category: InformationCategory;
  organisationId: string;
  uploadedByUserId: string;
  uploadedAt: Date;
  kind: string;
  mediaType: string;
  sizeBytes: number;
  fileNameSealed: Uint8Array;
  contentSealed: Uint8Array;
}

export async function insertCaseDocument(db: Db, d: NewCaseDocument) {
  await db
    .insertInto('case_document')
    .values({
      id: d.id,
      case_id: d.caseId,
      category: d.category,
      organisation_id: d.organisationId,
      uploaded_by_user_id: d.uploadedByUserId,
      uploaded_at: d.uploadedAt,
      kind: d.kind,
      media_type: d.mediaType,
      size_bytes: d.sizeBytes,
      file_name_sealed: d.fileNameSealed,
      content_sealed: d.contentSealed,
    })
    .execute();
}

const METADATA = [
  'd.id',
  'd.case_id',
  'd.category',
  'd.organisation_id',
  'organisation.name as organisation_name',
  'd.uploaded_by_user_id',
  'app_user.display_name',
  'd.uploaded_at',
  'd.kind',
  'd.media_type',
  'd.size_bytes',
  'd.file_name_sealed',
] as const;

/** Documents of a case that are not removed, newest first: metadata and sealed name, never content. */
export async function listCaseDocumentRows(
  db: Db,
  caseId: string,
  category: InformationCategory | undefined,
) {
  return db
    .selectFrom('case_document as d')
    .innerJoin('app_user', 'app_user.id', 'd.uploaded_by_user_id')
    .innerJoin('organisation', 'organisation.id', 'd.organisation_id')
    .select(METADATA)
    .where('d.case_id', '=', caseId)
    .where('d.removed_at', 'is', null)
    .$if(category !== undefined, (qb) => qb.where('d.category', '=', category ?? 'team'))
    .orderBy('d.uploaded_at', 'desc')
    .orderBy('d.id')
    .limit(500)
    .execute();
}

/** One live document of this case (metadata only). */
export async function findCaseDocument(db: Db, caseId: string, documentId: string) {
  return db
    .selectFrom('case_document as d')
    .innerJoin('app_user', 'app_user.id', 'd.uploaded_by_user_id')
    .innerJoin('organisation', 'organisation.id', 'd.organisation_id')
    .select(METADATA)
    .where('d.id', '=', documentId)
    .where('d.case_id', '=', caseId)
    .where('d.removed_at', 'is', null)
    .executeTakeFirst();
}

export async function loadCaseDocumentContent(db: Db, documentId: string) {
  const row = await db
    .selectFrom('case_document')
    .select('content_sealed')
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  return row.content_sealed;
}

/** Soft removal; false when someone else removed it first. */
export async function markCaseDocumentRemoved(db: Db, documentId: string, userId: string, at: Date) {
  const result = await db
    .updateTable('case_document')
    .set({ removed_at: at, removed_by_user_id: userId })
    .where('id', '=', documentId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

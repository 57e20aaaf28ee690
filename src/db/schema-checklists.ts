import type { ColumnType } from 'kysely';

/** Tables of risk checklists and case documents (src/db/migrations/0013-checklists-documents.ts). */
export interface CaseChecklistResultTable {
  id: ColumnType<string, string | undefined, never>;
  case_id: string;
  checklist_id: string;
  checklist_version: number;
  category: string;
  organisation_id: string;
  recorded_by_user_id: string;
  recorded_at: Date;
  /** jsonb { itemId: 'yes' | 'no' | 'unknown' }: written as a JSON string, read back parsed. */
  answers: ColumnType<Record<string, string>, string, never>;
  score: number;
  max_score: number;
  advised_band: string;
  conclusion_band: string;
  override_reason: string | null;
}

export interface CaseDocumentTable {
  /** Chosen by the service: the ciphertexts are bound to it. */
  id: string;
  case_id: string;
  category: string;
  organisation_id: string;
  uploaded_by_user_id: string;
  uploaded_at: Date;
  kind: string;
  media_type: string;
  size_bytes: number;
  /** bytea; PGlite reads it as Uint8Array, pg as Buffer. */
  file_name_sealed: ColumnType<Uint8Array, Uint8Array, never>;
  content_sealed: ColumnType<Uint8Array, Uint8Array, never>;
  removed_at: Date | null;
  removed_by_user_id: string | null;
}

/** Tables of this part of Kring, one interface per table; merged into DB in schema.ts. */
export interface ChecklistDocumentTables {
  case_checklist_result: CaseChecklistResultTable;
  case_document: CaseDocumentTable;
}

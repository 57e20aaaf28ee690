import type { ColumnType, Generated } from 'kysely';

/** Tables of the meldcode assistant (src/db/migrations/0006-meldcode.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface MeldcodePersonRow {
  fullName: string;
  dateOfBirth: string;
  role: string;
}

export interface MeldcodeRecordTable {
  id: Generated<string>;
  organisation_id: string;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  municipality_code: string;
  persons: Json<MeldcodePersonRow[]>;
  client_index: number;
  expecting_child: boolean;
  violence_kinds: string[];
  violence_kind_list_version: string;
  steps_version: string;
  signals: string | null;
  kindcheck_note: string | null;
  signals_at: Date | null;
  talk_held: boolean | null;
  talk_summary: string | null;
  talk_skipped_reason: string | null;
  talk_at: Date | null;
  weighing_text_version: string | null;
  weighing_answers: ColumnType<Record<string, boolean> | null, string | null, string | null>;
  weighing_at: Date | null;
  outcome: string | null;
  outcome_acute: boolean | null;
  outcome_note: string | null;
  decided_at: Date | null;
  report_id: string | null;
  reported_at: Date | null;
}

export interface MeldcodeConsultationTable {
  id: Generated<string>;
  record_id: string;
  kind: string;
  who: string;
  /** ISO date (the database returns `date` as a string). */
  consulted_on: string;
  outcome: string;
  advice_request_id: string | null;
  created_by_user_id: string;
  created_at: Timestamp;
}

export type MeldcodeTables = {
  meldcode_record: MeldcodeRecordTable;
  meldcode_consultation: MeldcodeConsultationTable;
};

import type { Generated } from 'kysely';

/** Tables of measures with legal clocks (src/db/migrations/0010-measures.ts). */
export interface CaseMeasureTable {
  id: Generated<string>;
  case_id: string;
  /** MeasureKind (src/domain/casework/measure-clock.ts). */
  kind: string;
  /** InformationCategory: who besides the recording organisation may read the measure. */
  category: string;
  imposed_at: Date;
  /** MeasureAuthority (src/domain/casework/measure-authority.ts), e.g. "mayor". */
  decided_by: string;
  decision_reference: string | null;
  note: string | null;
  /** Current planned end (computeEnd), rewritten by an extension. */
  end_at: Date;
  maximum_end_at: Date | null;
  lifted_at: Date | null;
  lifted_reason: string | null;
  lifted_decided_by: string | null;
  lifted_by_user_id: string | null;
  recorded_by_user_id: string;
  organisation_id: string;
  recorded_at: Date;
}
export interface CaseMeasureMemberTable {
  measure_id: string;
  member_id: string;
  /** MeasurePart: subject | protected. */
  part: string;
}
export interface CaseMeasureExtensionTable {
  id: Generated<string>;
  measure_id: string;
  previous_end_at: Date;
  new_end_at: Date;
  reason: string;
  decided_by: string;
  recorded_by_user_id: string;
  organisation_id: string;
  recorded_at: Date;
}
export interface CaseMeasureReminderTable {
  id: Generated<string>;
  measure_id: string;
  /** before_end | expired */
  reminder_kind: string;
  days_before: number | null;
  due_at: Date;
  end_at: Date;
  recorded_at: Date;
  job_slot: string;
}

export interface MeasureTables {
  case_measure: CaseMeasureTable;
  case_measure_member: CaseMeasureMemberTable;
  case_measure_extension: CaseMeasureExtensionTable;
  case_measure_reminder: CaseMeasureReminderTable;
}

/** Tables of monitoring, closure and reopening (src/db/migrations/0014-monitoring-closure.ts). */
import type { Generated } from 'kysely';

export interface CaseMonitoringMomentTable {
  id: Generated<string>;
  case_id: string;
  round_started_at: Date;
  months_after: number;
  due_on: string;
  window_starts_at: Date;
  due_at: Date;
  ended_at: Date | null;
}
export interface CaseMonitoringContactTable {
  id: Generated<string>;
  case_id: string;
  moment_id: string;
  contacted_at: Date;
  contact_with: string;
  outcome: string;
  score: number | null;
  note: string;
  recorded_by_user_id: string;
  organisation_id: string;
  recorded_at: Date;
}
export interface CaseClosureTable {
  id: Generated<string>;
  case_id: string;
  reason_code: string;
  explanation: string;
  closed_by_user_id: string;
  organisation_id: string;
  closed_at: Date;
  letter_subject: string;
  letter_paragraphs: string[];
  letter_protected_passages: number;
}
export interface CaseReopeningTable {
  id: Generated<string>;
  case_id: string;
  closure_id: string;
  reason: string;
  to_phase: string;
  reopened_by_user_id: string;
  organisation_id: string;
  reopened_at: Date;
}
export interface CaseSuccessionTable {
  case_id: string;
  previous_case_id: string;
  report_id: string;
  linked_at: Date;
}

/** Merged into DB in schema.ts. */
export interface ClosureTables {
  case_monitoring_moment: CaseMonitoringMomentTable;
  case_monitoring_contact: CaseMonitoringContactTable;
  case_closure: CaseClosureTable;
  case_reopening: CaseReopeningTable;
  case_succession: CaseSuccessionTable;
}

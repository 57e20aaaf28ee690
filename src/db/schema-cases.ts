import type { ColumnType, Generated } from 'kysely';

/** Tables of household casework (src/db/migrations/0007-cases.ts). */
export interface HouseholdCaseTable {
  id: Generated<string>;
  reference: string;
  region_id: number;
  municipality_code: string;
  phase: Generated<string>;
  coordinator_user_id: string;
  coordinator_organisation_id: string;
  opened_by_user_id: string;
  opened_at: Date;
  closed_at: Date | null;
}
export interface CaseMemberTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  full_name: string;
  date_of_birth: string;
  role: string;
  bsn_encrypted: string | null;
  bsn_hash: string | null;
}
export interface CaseReportTable {
  report_id: string;
  case_id: string;
  attached_at: Date;
  attached_by_user_id: string;
}
export interface CaseTeamMemberTable {
  id: Generated<string>;
  case_id: string;
  user_id: string;
  organisation_id: string;
  case_role: string;
  joined_at: Date;
  joined_by_user_id: string;
  left_at: Date | null;
  left_by_user_id: string | null;
}
export interface CasePhaseChangeTable {
  id: Generated<string>;
  case_id: string;
  from_phase: string | null;
  to_phase: string;
  reason: string;
  changed_by_user_id: string;
  changed_at: Date;
}
export interface CaseAssessmentTable {
  id: Generated<string>;
  case_id: string;
  assessed_at: Date;
  recorded_by_user_id: string;
  organisation_id: string;
  concerns: string[];
  min_score: number;
  median_score: number;
}
export interface CaseAssessmentScoreTable {
  assessment_id: string;
  position: number;
  participant_id: string;
  participant_type: string;
  participant_label: string;
  score: number;
}
export interface CaseActionTable {
  id: Generated<string>;
  case_id: string;
  /** Exactly one source (0011-meetings.ts): a safety assessment or a meeting's decision. */
  assessment_id: string | null;
  meeting_id: string | null;
  position: number;
  description: string;
  owner_user_id: string;
  due_on: string;
  status: Generated<string>;
  /** How a meeting's decision is monitored; null for an assessment's action. */
  monitoring: string | null;
}
export interface CaseNoteTable {
  id: Generated<string>;
  case_id: string;
  category: string;
  organisation_id: string;
  author_user_id: string;
  body: string;
  created_at: Date;
}

export interface SafetyPlanAgreement {
  description: string;
  ownerUserId: string;
  dueOn: string;
  status: string;
}
export interface CaseSafetyPlanVersionTable {
  id: Generated<string>;
  case_id: string;
  version: number;
  status: string;
  conditions: string[];
  /** jsonb: written as a JSON string, read back parsed. */
  agreements: ColumnType<SafetyPlanAgreement[], string, string>;
  if_it_goes_wrong: string;
  change_note: string | null;
  changed_by_user_id: string;
  organisation_id: string;
  changed_at: Date;
}

export interface CaseTables {
  household_case: HouseholdCaseTable;
  case_member: CaseMemberTable;
  case_report: CaseReportTable;
  case_team_member: CaseTeamMemberTable;
  case_phase_change: CasePhaseChangeTable;
  case_assessment: CaseAssessmentTable;
  case_assessment_score: CaseAssessmentScoreTable;
  case_action: CaseActionTable;
  case_note: CaseNoteTable;
  case_safety_plan_version: CaseSafetyPlanVersionTable;
}

import type { ColumnType, Generated } from 'kysely';
import type { RegionAgreementsInput } from '../domain/region-agreements.ts';
import type { CaseTables } from './schema-cases.ts';
import type { ChecklistDocumentTables } from './schema-checklists.ts';
import type { ClosureTables } from './schema-closure.ts';
import type { HandoverTables } from './schema-handovers.ts';
import type { InsightTables } from './schema-insight.ts';
import type { MeasureTables } from './schema-measures.ts';
import type { MeetingTables } from './schema-meetings.ts';
import type { MeldcodeTables } from './schema-meldcode.ts';
import type { OutsideFigureTables } from './schema-outside-figures.ts';
import type { SupportTables } from './schema-support.ts';

/** Table types for Kysely, kept beside the migrations they mirror (src/db/migrations). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  source: string;
  period_from: number | null;
  period_to: number | null;
  imported_at: DefaultTimestamp;
  /** jsonb: the region file's working agreements as given (defaults are applied when read). */
  agreements: ColumnType<RegionAgreementsInput, string | undefined, string>;
}
export interface MunicipalityTable {
  cbs_code: string;
  name: string;
}
export interface RegionMunicipalityTable {
  region_id: number;
  cbs_code: string;
  subregion: string | null;
  is_centre: boolean;
}
export interface MunicipalityPopulationTable {
  cbs_code: string;
  year: number;
  inhabitants: number;
  source: string;
}
export interface MunicipalityPurposeRegionTable {
  cbs_code: string;
  purpose: string;
  region_name: string;
  note: string | null;
}
export interface RegionFigureTable {
  region_id: number;
  key: string;
  year: number | null;
  value: number;
  unit: string;
  source: string;
}
export interface OrganisationTable {
  id: Generated<string>;
  region_id: number;
  key: string;
  name: string;
  type: string;
}
export interface OrganisationMunicipalityTable {
  organisation_id: string;
  cbs_code: string;
}
export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  totp_secret_enc: string | null;
  totp_last_step: number | null;
  mfa_enrolled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
}
export interface MembershipTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: DefaultTimestamp;
}
export interface SessionTable {
  id: string;
  user_id: string;
  organisation_id: string | null;
  csrf_token: string;
  mfa_passed: Generated<boolean>;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  absolute_expires_at: Timestamp;
  revoked_at: Date | null;
}
export interface AuditEventTable {
  position: number;
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  purpose: string | null;
  request_id: string | null;
  outcome: string;
  details: Json;
  prev_hash: string;
  hash: string;
}
export interface BreakGlassGrantTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  record_type: string;
  record_id: string;
  reason: string;
  granted_at: DefaultTimestamp;
  expires_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_verdict: string | null;
  review_note: string | null;
}
export interface ReportTable {
  id: Generated<string>;
  reference: string;
  region_id: number;
  municipality_code: string;
  created_by_user_id: string | null;
  created_by_organisation_id: string | null;
  violence_kinds: string[];
  violence_kind_list_version: string;
  acute: boolean;
  description: string;
  received_at: Timestamp;
  assessment_due_at: Timestamp;
  status: Generated<string>;
  assessed_at: Date | null;
  assessed_by_user_id: string | null;
  acute_unsafety: boolean | null;
  structural_unsafety: boolean | null;
  route: string | null;
  route_reason: string | null;
  investigation_start_by: Date | null;
  investigation_conclude_by: Date | null;
  involvement_ended_at: Date | null;
  source: Generated<string>;
  external_ref: string | null;
  reporter_kind: Generated<string>;
  reporter_identity_encrypted: string | null;
  reporter_anonymous_to_household: Generated<boolean>;
  investigation_concluded_at: Date | null;
  investigation_outcome: string | null;
  investigation_conclusion: string | null;
  reporter_informed_at: Date | null;
  household_informed_at: Date | null;
}
export interface ReportInformingExtensionTable {
  id: Generated<string>;
  report_id: string;
  days: number;
  reason: string;
  granted_at: Timestamp;
  granted_by_user_id: string;
}
export interface AdviceRequestTable {
  id: Generated<string>;
  reference: string;
  region_id: number;
  municipality_code: string;
  channel: string;
  created_by_user_id: string | null;
  created_by_organisation_id: string | null;
  asker_role: string;
  asker_function: string | null;
  asker_organisation: string | null;
  anonymous: boolean;
  contact_encrypted: string | null;
  violence_kinds: string[];
  violence_kind_list_version: string;
  violence_duration: string;
  question: string;
  received_at: Timestamp;
  status: Generated<string>;
  answered_at: Date | null;
  answered_by_user_id: string | null;
  answer: string | null;
}
export interface ReportPersonTable {
  id: Generated<string>;
  report_id: string;
  position: number;
  full_name: string;
  date_of_birth: string;
  role: string;
  bsn_encrypted: string | null;
  bsn_hash: string | null;
}
export interface ReportNoteTable {
  id: Generated<string>;
  report_id: string;
  category: string;
  organisation_id: string;
  author_user_id: string;
  body: string;
  created_at: DefaultTimestamp;
}
export interface JobRunTable {
  id: Generated<string>;
  job: string;
  slot: string;
  instance: string;
  ran_at: DefaultTimestamp;
  details: Json;
}

export type DB = CoreTables &
  CaseTables &
  MeldcodeTables &
  MeasureTables &
  MeetingTables &
  HandoverTables &
  ChecklistDocumentTables &
  ClosureTables &
  InsightTables &
  OutsideFigureTables &
  SupportTables;

export interface CoreTables {
  region: RegionTable;
  municipality: MunicipalityTable;
  region_municipality: RegionMunicipalityTable;
  municipality_population: MunicipalityPopulationTable;
  municipality_purpose_region: MunicipalityPurposeRegionTable;
  region_figure: RegionFigureTable;
  organisation: OrganisationTable;
  organisation_municipality: OrganisationMunicipalityTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  break_glass_grant: BreakGlassGrantTable;
  report: ReportTable;
  report_person: ReportPersonTable;
  report_note: ReportNoteTable;
  advice_request: AdviceRequestTable;
  report_informing_extension: ReportInformingExtensionTable;
  job_run: JobRunTable;
}

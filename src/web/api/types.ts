import type {
  BreakGlassVerdict,
  ImportFormat,
  InformationCategory,
  MatchBasis,
  MatchCertainty,
  OrganisationType,
  PersonRole,
  ReportClassification,
  Role,
  Route,
  ViolenceKind,
} from './codes.ts';

/** Response and request shapes of the Kring HTTP API (see /api/docs for the OpenAPI document). */

export interface LocalisedMessage {
  nl: string;
  en: string;
}

export interface ErrorDetail {
  /** "body.persons.0.bsn", "querystring.from", "params.id". */
  path: string;
  message: LocalisedMessage;
}

export interface ErrorBody {
  error: { code: string; message: LocalisedMessage; details: ErrorDetail[]; requestId: string };
}

export interface Meta {
  demo: boolean;
  version: string;
  /** Only on a demo installation: the shared password and the demo users. */
  demoAccounts?: { password: string; users: { username: string; role: Role; organisation: string }[] };
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  isDemo: boolean;
}

export interface SessionOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
  regionId: number;
}

export interface SessionMembership {
  organisationId: string;
  organisationName: string;
  role: Role;
}

export type Session =
  | { signedIn: false; expired: boolean }
  | {
      signedIn: true;
      mfaPassed: boolean;
      csrfToken: string;
      user: SessionUser;
      organisation: SessionOrganisation | null;
      roles: Role[];
      memberships: SessionMembership[];
    };

export type SignedInSession = Extract<Session, { signedIn: true }>;

export interface LoginResult {
  mfaRequired: boolean;
  csrfToken: string;
}

export interface RegionMunicipality {
  cbsCode: string;
  name: string;
  subregion: string | null;
  isCentre: boolean;
  inhabitants: { year: number; count: number; source: string }[];
  memberships: { purpose: string; region: string; note: string | null }[];
}

export interface RegionOrganisation {
  id: string;
  key: string;
  name: string;
  type: OrganisationType;
  serves: string[];
}

export interface Region {
  id: number;
  code: string;
  name: string;
  source: string | null;
  period: { from: number; to: number } | null;
  municipalities: RegionMunicipality[];
  organisations: RegionOrganisation[];
}

export interface PersonInput {
  fullName: string;
  dateOfBirth: string;
  bsn?: string;
  role: PersonRole;
}

export interface NoteInput {
  category: InformationCategory;
  body: string;
}

export interface ReportInput {
  municipalityCode: string;
  persons: PersonInput[];
  violenceKinds: ViolenceKind[];
  acute: boolean;
  description: string;
  notes: NoteInput[];
}

export interface CreatedReport {
  id: string;
  reference: string;
  assessmentDueAt: string;
  immediate: boolean;
}

/** POST /api/reports/import: a batch of police reports, the file's text as it is. */
export interface ReportImportInput {
  format: ImportFormat;
  /** At most 3,500,000 characters. */
  content: string;
}

export interface ImportProblem {
  /** Where in the file, in Dutch: "regel 4, person_bsn" (CSV), "[1].persons.0.bsn" (JSON), "PL-003, municipality_code". */
  location: string;
  message: LocalisedMessage;
}

export interface ImportedReport {
  /** The police reference (report_ref / externalRef). */
  externalRef: string;
  /** CSV: the file's lines (1-based, the header is line 1). JSON: the 0-based index in the array. */
  lines: number[];
  id: string;
  reference: string;
}

export interface RejectedReport {
  externalRef: string;
  lines: number[];
  problems: ImportProblem[];
}

/** Valid reports are imported, invalid ones listed with their reasons (in one transaction). */
export interface ImportResult {
  imported: ImportedReport[];
  rejected: RejectedReport[];
}

export interface ReportSummary {
  id: string;
  reference: string;
  municipalityCode: string;
  municipalityName: string;
  violenceKinds: string[];
  acute: boolean;
  receivedAt: string;
  assessmentDueAt: string;
  immediate: boolean;
  overdue: boolean;
  status: string;
  personCount: number;
}

export interface ReportDetail extends ReportSummary {
  description: string;
  createdByOrganisation: string;
  persons: { fullName: string; dateOfBirth: string; role: string; bsn: string | null }[];
  notes: { id: string; category: string; organisation: string; body: string; createdAt: string }[];
  access: 'creator' | 'veilig_thuis' | 'break_glass';
  /** The safety assessment (veiligheidsbeoordeling); null until Veilig Thuis records it. */
  assessment: Assessment | null;
}

export interface Assessment {
  assessedAt: string;
  /** Recorded within the term (5 working days, or at once when acute). */
  onTime: boolean;
  /** Null for the reporter: Veilig Thuis tells which steps it took, not its weighing (Wmo 2015 art. 4.1.1). */
  acuteUnsafety: boolean | null;
  structuralUnsafety: boolean | null;
  route: Route;
  reason: string | null;
  /** Only for the route "investigation"; otherwise null. */
  investigationStartBy: string | null;
  investigationConcludeBy: string | null;
  investigationConcludedAt: string | null;
  investigationOutcome: 'confirmed' | 'not_confirmed' | 'refuted' | null;
}

export interface AssessmentInput {
  acuteUnsafety: boolean;
  structuralUnsafety: boolean;
  route: Route;
  /** At least 10 characters after trimming (the server checks). */
  reason: string;
}

export interface AssessmentResult {
  status: string;
  assessedAt: string;
  onTime: boolean;
  route: Route;
  investigationStartBy: string | null;
  investigationConcludeBy: string | null;
}

export interface RadarMatch {
  reportId: string;
  reference: string;
  regionName: string;
  receivedAt: string;
  status: string;
  route: string | null;
  /** Null while Veilig Thuis is still involved. */
  involvementEndedAt: string | null;
  personName: string;
  matchedOn: MatchBasis;
  certainty: MatchCertainty;
  score: number;
}

/** Earlier reports about the same people, and what that makes this report. */
export interface Radar {
  classification: ReportClassification;
  matches: RadarMatch[];
}

/** One month of safety assessments against the norm (90% within 5 working days). */
export interface AssessmentFigures {
  /** "YYYY-MM", the month of receipt in Dutch time. */
  month: string;
  total: number;
  onTime: number;
  late: number;
  pending: number;
  /** onTime / (onTime + late), 0..1; absent when nothing in the month is decided yet. */
  share?: number;
  norm: number;
  meetsNorm?: boolean;
}

export interface BreakGlassGrant {
  id: string;
  expiresAt: string;
}

export interface BreakGlassGrantForReview {
  id: string;
  recordType: string;
  recordId: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  reviewedAt: string | null;
  verdict: BreakGlassVerdict | null;
  reviewNote: string | null;
  user: string;
  username: string;
  organisation: string;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  mfaEnrolled: boolean;
  locked: boolean;
  memberships: { id: string; role: Role; organisationId: string; organisationName: string }[];
}

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  organisationId: string;
  role: Role;
}

export interface CreatedUser {
  id: string;
  totpSecret: string;
  totpUri: string;
}

export interface AuditQuery {
  action?: string;
  recordType?: string;
  recordId?: string;
  actorUserId?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
  limit?: number;
}

export interface AuditEvent {
  position: number;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorOrganisation: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  purpose: string | null;
  requestId: string | null;
  outcome: string;
}

export type ChainProblem =
  | { kind: 'gap'; position: number; expected: number }
  | { kind: 'broken_link'; position: number }
  | { kind: 'altered'; position: number };

export interface AuditVerification {
  count: number;
  problems: ChainProblem[];
  head: { position: number; hash: string };
}

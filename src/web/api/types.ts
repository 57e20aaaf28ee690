import type {
  BreakGlassVerdict,
  InformationCategory,
  OrganisationType,
  PersonRole,
  Role,
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

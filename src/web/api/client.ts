import type { BreakGlassVerdict, Role } from './codes.ts';
import type {
  AdminUser,
  AssessmentFigures,
  AssessmentInput,
  AssessmentResult,
  AuditEvent,
  AuditQuery,
  AuditVerification,
  BreakGlassGrant,
  BreakGlassGrantForReview,
  CreatedReport,
  CreatedUser,
  ErrorDetail,
  ImportResult,
  LocalisedMessage,
  LoginResult,
  Meta,
  NewUserInput,
  NoteInput,
  Radar,
  Region,
  ReportDetail,
  ReportImportInput,
  ReportInput,
  ReportSummary,
  Session,
} from './types.ts';

/**
 * The one way the web app talks to the Kring server. Every call sends the session cookie (HttpOnly,
 * set by the server) and every write sends the CSRF token the server handed out last.
 */

export type Language = 'nl' | 'en';

/** Any failed call: the server's error shape, or a local one for network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: LocalisedMessage;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    messages: LocalisedMessage,
    details: ErrorDetail[] = [],
    requestId: string | null = null,
  ) {
    super(messages.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.details = details;
    this.requestId = requestId;
  }

  messageIn(language: Language): string {
    return this.messages[language];
  }

  /** The session is gone or never existed: the user must sign in (again). */
  get needsSignIn(): boolean {
    return this.status === 401 && (this.code === 'session_expired' || this.code === 'unauthenticated');
  }
}

const NETWORK_FAILURE: LocalisedMessage = {
  nl: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  en: 'The server cannot be reached. Check your connection and try again.',
};
const UNEXPECTED_RESPONSE: LocalisedMessage = {
  nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  en: 'Something went wrong on our side. Please try again later.',
};

let csrfToken: string | null = null;
let language: Language = 'nl';

/** The server answers in this language where it has a choice. */
export function setApiLanguage(next: Language) {
  language = next;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && isRecord(error.message)) {
    const message = error.message;
    const messages = {
      nl: typeof message.nl === 'string' ? message.nl : UNEXPECTED_RESPONSE.nl,
      en: typeof message.en === 'string' ? message.en : UNEXPECTED_RESPONSE.en,
    };
    const details = Array.isArray(error.details)
      ? error.details.filter(
          (d): d is ErrorDetail =>
            isRecord(d) &&
            typeof d.path === 'string' &&
            isRecord(d.message) &&
            typeof d.message.nl === 'string' &&
            typeof d.message.en === 'string',
        )
      : [];
    const requestId = typeof error.requestId === 'string' ? error.requestId : null;
    return new ApiError(status, error.code, messages, details, requestId);
  }
  return new ApiError(status, 'unexpected_response', UNEXPECTED_RESPONSE);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The one way the web app calls the API: JSON, same-origin cookie, CSRF token on writes, one error type. */
export async function request<T>(method: Method, path: string, body?: unknown, isRetry = false): Promise<T> {
  const writes = method !== 'GET';
  if (writes && csrfToken === null && path !== '/api/auth/login') await getSession();
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (writes && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_FAILURE);
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    if (response.ok) throw new ApiError(response.status, 'unexpected_response', UNEXPECTED_RESPONSE);
  }
  if (response.ok) return data as T;
  const error = toApiError(response.status, data);
  // The token changes when the user signs in again (for example in another tab): fetch it once more.
  if (error.code === 'csrf_failed' && !isRetry && path !== '/api/auth/login') {
    await getSession();
    return request<T>(method, path, body, true);
  }
  throw error;
}

async function getSession(): Promise<Session> {
  const session = await request<Session>('GET', '/api/session');
  csrfToken = session.signedIn ? session.csrfToken : null;
  return session;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  meta: () => request<Meta>('GET', '/api/meta'),
  session: getSession,

  async login(input: { username: string; password: string }): Promise<LoginResult> {
    const result = await request<LoginResult>('POST', '/api/auth/login', input);
    csrfToken = result.csrfToken;
    return result;
  },
  async completeMfa(code: string): Promise<void> {
    const result = await request<{ csrfToken: string }>('POST', '/api/auth/mfa', { code });
    csrfToken = result.csrfToken;
  },
  switchOrganisation: (organisationId: string) =>
    request<{ ok: true }>('POST', '/api/auth/organisation', { organisationId }),
  async logout(): Promise<void> {
    try {
      await request<{ ok: true }>('POST', '/api/auth/logout');
    } finally {
      csrfToken = null;
    }
  },
  async logoutEverywhere(): Promise<{ sessions: number }> {
    try {
      return await request<{ sessions: number }>('POST', '/api/auth/logout-everywhere');
    } finally {
      csrfToken = null;
    }
  },

  region: () => request<Region>('GET', '/api/region'),

  createReport: (input: ReportInput) => request<CreatedReport>('POST', '/api/reports', input),
  importReports: (input: ReportImportInput) => request<ImportResult>('POST', '/api/reports/import', input),
  myReports: () => request<ReportSummary[]>('GET', '/api/reports/mine'),
  queue: () => request<ReportSummary[]>('GET', '/api/veilig-thuis/queue'),
  report: (reportId: string) => request<ReportDetail>('GET', `/api/reports/${id(reportId)}`),
  addNote: (reportId: string, input: NoteInput) =>
    request<{ id: string }>('POST', `/api/reports/${id(reportId)}/notes`, input),
  assessReport: (reportId: string, input: AssessmentInput) =>
    request<AssessmentResult>('POST', `/api/reports/${id(reportId)}/assessment`, input),
  radar: (reportId: string) => request<Radar>('GET', `/api/reports/${id(reportId)}/radar`),
  assessmentFigures: () => request<AssessmentFigures[]>('GET', '/api/veilig-thuis/figures'),

  breakGlass: (input: { recordType: 'report'; recordId: string; reason: string }) =>
    request<BreakGlassGrant>('POST', '/api/break-glass', input),
  breakGlassGrants: (unreviewedOnly: boolean) =>
    request<BreakGlassGrantForReview[]>(
      'GET',
      `/api/break-glass${query({ unreviewed: String(unreviewedOnly) })}`,
    ),
  reviewBreakGlass: (grantId: string, input: { verdict: BreakGlassVerdict; note: string }) =>
    request<{ ok: true }>('POST', `/api/break-glass/${id(grantId)}/review`, input),

  users: () => request<AdminUser[]>('GET', '/api/admin/users'),
  createUser: (input: NewUserInput) => request<CreatedUser>('POST', '/api/admin/users', input),
  addMembership: (userId: string, input: { organisationId: string; role: Role }) =>
    request<{ id: string }>('POST', `/api/admin/users/${id(userId)}/memberships`, input),
  removeMembership: (userId: string, membershipId: string) =>
    request<{ ok: true }>('DELETE', `/api/admin/users/${id(userId)}/memberships/${id(membershipId)}`),
  setUserActive: (userId: string, active: boolean) =>
    request<{ ok: true }>('PATCH', `/api/admin/users/${id(userId)}`, { active }),

  auditEvents: (q: AuditQuery) =>
    request<AuditEvent[]>(
      'GET',
      `/api/audit/events${query({
        action: q.action,
        recordType: q.recordType,
        recordId: q.recordId,
        actorUserId: q.actorUserId,
        from: q.from,
        to: q.to,
        limit: q.limit,
      })}`,
    ),
  verifyAudit: () => request<AuditVerification>('GET', '/api/audit/verify'),
};

/** The one error type. Every failure a user can cause is an AppError with a stable code. */
export const ERROR_MESSAGES = {
  bad_request: { status: 400, nl: 'De invoer is niet geldig.', en: 'The input is not valid.' },
  validation_failed: {
    status: 400,
    nl: 'Een of meer velden zijn niet goed ingevuld.',
    en: 'One or more fields are not filled in correctly.',
  },
  invalid_bsn: {
    status: 400,
    nl: 'Het BSN is niet geldig (elfproef).',
    en: 'The citizen service number (BSN) is not valid (11-check).',
  },
  unauthenticated: { status: 401, nl: 'U bent niet ingelogd.', en: 'You are not signed in.' },
  invalid_credentials: {
    status: 401,
    nl: 'Gebruikersnaam of wachtwoord is onjuist.',
    en: 'Username or password is incorrect.',
  },
  invalid_mfa_code: {
    status: 401,
    nl: 'De code uit de authenticator-app is onjuist.',
    en: 'The authenticator code is incorrect.',
  },
  session_expired: {
    status: 401,
    nl: 'Uw sessie is verlopen. Log opnieuw in.',
    en: 'Your session has expired. Please sign in again.',
  },
  mfa_required: {
    status: 401,
    nl: 'Bevestig eerst met de code uit uw authenticator-app.',
    en: 'Confirm with the code from your authenticator app first.',
  },
  account_locked: {
    status: 423,
    nl: 'Het account is tijdelijk geblokkeerd na te veel mislukte pogingen.',
    en: 'The account is temporarily locked after too many failed attempts.',
  },
  csrf_failed: {
    status: 403,
    nl: 'Het verzoek is geweigerd (ontbrekend of onjuist beveiligingstoken).',
    en: 'The request was refused (missing or wrong security token).',
  },
  forbidden: {
    status: 403,
    nl: 'U heeft geen toegang tot deze functie.',
    en: 'You do not have access to this function.',
  },
  not_found: {
    status: 404,
    nl: 'Niet gevonden, of u heeft er geen toegang toe.',
    en: 'Not found, or you do not have access to it.',
  },
  conflict: { status: 409, nl: 'Dit bestaat al.', en: 'This already exists.' },
  /** A domain rule said no (src/domain); the details carry the rule's own message. */
  rule_refused: {
    status: 422,
    nl: 'Dit kan volgens de afspraken nu niet.',
    en: 'The agreed rules do not allow this now.',
  },
  payload_too_large: { status: 413, nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  unsupported_media_type: {
    status: 415,
    nl: 'Dit gegevensformaat wordt niet ondersteund; gebruik JSON.',
    en: 'This content type is not supported; use JSON.',
  },
  rate_limited: {
    status: 429,
    nl: 'Te veel verzoeken. Probeer het later opnieuw.',
    en: 'Too many requests. Please try again later.',
  },
  internal: {
    status: 500,
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  not_ready: { status: 503, nl: 'De dienst is nog niet gereed.', en: 'The service is not ready yet.' },
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorDetail {
  /** Where the problem is: "body.persons.0.bsn", "querystring.from", "params.id". */
  path: string;
  message: { nl: string; en: string };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, details: ErrorDetail[] = []) {
    super(ERROR_MESSAGES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_MESSAGES[code].status;
    this.details = details;
  }
}

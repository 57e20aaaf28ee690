/** A user-facing text in both interface languages (Dutch first: the UI is Dutch). */
export interface LocalisedMessage {
  readonly nl: string;
  readonly en: string;
}

/**
 * Why a rule said no. The code is stable (the API, the UI and audit events key on it); the
 * message is for people. Same shape as the `error` body of the HTTP API so a service can pass it on.
 */
export interface Refusal<Code extends string = string> {
  readonly ok: false;
  readonly code: Code;
  readonly message: LocalisedMessage;
}

export type Verdict<Code extends string = string> = { readonly ok: true } | Refusal<Code>;

export const ALLOWED: { readonly ok: true } = Object.freeze({ ok: true });

export function refuse<Code extends string>(code: Code, message: LocalisedMessage): Refusal<Code> {
  return { ok: false, code, message };
}

/** A reason counts only when it has visible text; whitespace alone is no reasoning. */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

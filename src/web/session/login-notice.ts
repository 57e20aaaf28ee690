/**
 * Why the login page is shown: kept outside the router state because signing out changes the cached
 * session and the address at nearly the same moment, and either may win.
 */
export type LoginNotice =
  | { kind: 'sessionExpired' }
  | { kind: 'signInRequired' }
  | { kind: 'signedOut' }
  | { kind: 'signedOutEverywhere'; sessions: number };

let pending: LoginNotice | null = null;

export function setLoginNotice(notice: LoginNotice | null) {
  pending = notice;
}

export function peekLoginNotice(): LoginNotice | null {
  return pending;
}

/** What the login page receives in the router state. */
export interface LoginState {
  notice?: 'sessionExpired' | 'signInRequired' | undefined;
  from?: string | undefined;
}

export function readLoginState(state: unknown): LoginState {
  if (typeof state !== 'object' || state === null) return {};
  const { notice, from } = state as Record<string, unknown>;
  return {
    notice: notice === 'sessionExpired' || notice === 'signInRequired' ? notice : undefined,
    from: typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : undefined,
  };
}

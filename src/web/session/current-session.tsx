import { createContext, useContext } from 'react';
import type { SignedInSession } from '../api/types.ts';

const CurrentSession = createContext<SignedInSession | null>(null);

export const CurrentSessionProvider = CurrentSession.Provider;

/** The signed-in session; only inside RequireSession. */
export function useCurrentSession(): SignedInSession {
  const session = useContext(CurrentSession);
  if (!session) throw new Error('useCurrentSession outside RequireSession');
  return session;
}

import type { SignedInSession } from '../../api/types.ts';
import { hasAnyRole } from '../../session/access.ts';

/** Paths of the report-file and outside-figure pages (Dutch, like the rest of the app). */
export const insightReportsPath = '/inzicht/rapporten';
export const insightFiguresPath = '/inzicht/externe-cijfers';

/** Policy advisors and functional admins import and read outside figures (the server decides again). */
export const figuresAccess = (session: SignedInSession) =>
  hasAnyRole(session, ['policy_advisor', 'functional_admin']);

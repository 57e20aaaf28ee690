import { CLIENT_ROLES, QUEUE_ROLES, type Role } from '../api/codes.ts';
import type { SignedInSession } from '../api/types.ts';

/** Who may open which part of the app. The server decides again on every call; this only hides dead ends. */
export type AccessRule = (session: SignedInSession) => boolean;

export function hasAnyRole(session: SignedInSession, roles: readonly Role[]): boolean {
  return session.roles.some((role) => roles.includes(role));
}

/** Intake staff and team leads acting for a Veilig Thuis organisation. */
const worksQueue: AccessRule = (session) =>
  session.organisation?.type === 'veilig_thuis' && hasAnyRole(session, QUEUE_ROLES);

export const access = {
  anyone: (() => true) satisfies AccessRule,
  clientWork: ((session) => hasAnyRole(session, CLIENT_ROLES)) satisfies AccessRule,
  queue: worksQueue,
  /** Importing police batches: client-work roles acting for the police, and the queue. */
  policeImport: ((session) =>
    (session.organisation?.type === 'police' && hasAnyRole(session, CLIENT_ROLES)) ||
    worksQueue(session)) satisfies AccessRule,
  admin: ((session) => hasAnyRole(session, ['functional_admin'])) satisfies AccessRule,
  privacy: ((session) => hasAnyRole(session, ['privacy_officer'])) satisfies AccessRule,
  /** The meldcode assistant: professionals (their own records) and the meldcode officer (the organisation's). */
  meldcode: ((session) => hasAnyRole(session, [...CLIENT_ROLES, 'meldcode_officer'])) satisfies AccessRule,
  /** Opening a meldcode record: the professionals themselves. */
  meldcodeCreate: ((session) => hasAnyRole(session, CLIENT_ROLES)) satisfies AccessRule,
  /** Regional insight: policy advisors (region aggregates) and Veilig Thuis team leads (process figures). */
  insight: ((session) =>
    hasAnyRole(session, ['policy_advisor']) ||
    (session.organisation?.type === 'veilig_thuis' &&
      hasAnyRole(session, ['team_lead']))) satisfies AccessRule,
  /** Entering national reference figures: the policy advisor. */
  insightReferences: ((session) => hasAnyRole(session, ['policy_advisor'])) satisfies AccessRule,
};

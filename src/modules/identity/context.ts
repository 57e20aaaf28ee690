import type { OrganisationType } from '../../domain/organisation-type.ts';
import type { RequestContext } from '../access/request-context.ts';
import type { Deps } from '../deps.ts';
import { findLiveSession } from './session-store.ts';
import { listMemberships, type MembershipView } from './store.ts';

export type SessionState = 'none' | 'live' | 'expired';

/**
 * Builds the request context once from the session token: who, for which organisation, with which
 * roles. Everything downstream authorizes on this and never on raw input.
 */
export async function resolveContext(
  deps: Deps,
  base: Pick<RequestContext, 'requestId' | 'ip' | 'language'>,
  token: string | undefined,
): Promise<{ ctx: RequestContext; state: SessionState; memberships: MembershipView[] }> {
  const anonymous: RequestContext = { ...base, session: null, user: null, organisation: null, roles: [] };
  if (!token) return { ctx: anonymous, state: 'none', memberships: [] };
  const found = await findLiveSession(deps.db, token, deps.now());
  if (found.status === 'missing') return { ctx: anonymous, state: 'none', memberships: [] };
  if (found.status === 'expired') return { ctx: anonymous, state: 'expired', memberships: [] };
  const s = found.row;
  const memberships = await listMemberships(deps.db, [s.user_id]);
  const active = memberships.filter((m) => m.organisationId === s.organisation_id);
  const first = active[0];
  return {
    state: 'live',
    memberships,
    ctx: {
      ...base,
      session: { id: s.id, csrfToken: s.csrf_token, mfaPassed: s.mfa_passed },
      user: { id: s.user_id, username: s.username, displayName: s.display_name, isDemo: s.is_demo },
      organisation: first
        ? {
            id: first.organisationId,
            name: first.organisationName,
            type: first.organisationType as OrganisationType,
            regionId: first.regionId,
          }
        : null,
      roles: active.map((m) => m.role),
    },
  };
}

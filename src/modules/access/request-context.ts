import type { OrganisationType } from '../../domain/organisation-type.ts';
import type { ReportReader } from '../../domain/report-access.ts';
import type { Role } from '../../domain/roles.ts';
import { AppError } from '../../errors/app-error.ts';

/** Built once per request from the session (src/http/session-plugin.ts); services receive only this. */
export interface RequestContext {
  requestId: string;
  ip: string;
  language: 'nl' | 'en';
  session: { id: string; csrfToken: string; mfaPassed: boolean } | null;
  user: { id: string; username: string; displayName: string; isDemo: boolean } | null;
  organisation: { id: string; name: string; type: OrganisationType; regionId: number } | null;
  roles: Role[];
}

export interface ActorContext extends RequestContext {
  session: { id: string; csrfToken: string; mfaPassed: true };
  user: NonNullable<RequestContext['user']>;
  organisation: NonNullable<RequestContext['organisation']>;
}

/** Signed in, second factor done where required, acting for an organisation. */
export function requireActor(ctx: RequestContext): ActorContext {
  if (!ctx.session || !ctx.user || !ctx.organisation) throw new AppError('unauthenticated');
  if (!ctx.session.mfaPassed) throw new AppError('mfa_required');
  return ctx as ActorContext;
}

export function requireRole(ctx: RequestContext, ...allowed: Role[]): ActorContext {
  const actor = requireActor(ctx);
  if (!actor.roles.some((r) => allowed.includes(r))) throw new AppError('forbidden');
  return actor;
}

export function auditActor(ctx: RequestContext) {
  return {
    actorUserId: ctx.user?.id ?? null,
    actorOrganisationId: ctx.organisation?.id ?? null,
    requestId: ctx.requestId,
  };
}

/** The actor as the report-access rules see it. */
export function readerOf(actor: ActorContext): ReportReader {
  return {
    userId: actor.user.id,
    organisationId: actor.organisation.id,
    organisationType: actor.organisation.type,
    roles: actor.roles,
  };
}

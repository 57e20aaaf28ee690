import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { RequestContext } from '../modules/access/request-context.ts';
import type { Deps } from '../modules/deps.ts';
import { resolveContext, type SessionState } from '../modules/identity/context.ts';
import type { MembershipView } from '../modules/identity/store.ts';

export const SESSION_COOKIE = 'kring_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    sessionState: SessionState;
    memberships: MembershipView[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Endpoints reachable before a session exists; JSON-only bodies and SameSite=Strict protect them. */
const NO_CSRF = new Set(['/api/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

/** Builds the request context once per API request and enforces the CSRF token on every write. */
export function installContext(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionState', 'none');
  app.decorateRequest('memberships', null as unknown as MembershipView[]);
  app.addHook('preHandler', async (request, reply) => {
    const language = request.headers['accept-language']?.toLowerCase().startsWith('en') ? 'en' : 'nl';
    const { ctx, state, memberships } = await resolveContext(
      deps,
      { requestId: request.id, ip: request.ip, language },
      request.cookies[SESSION_COOKIE],
    );
    request.ctx = ctx;
    request.sessionState = state;
    request.memberships = memberships;
    const path = request.routeOptions.url ?? request.url;
    if (state === 'expired') {
      clearSessionCookie(request, reply);
      if (path.startsWith('/api/') && path !== '/api/session' && !NO_CSRF.has(path))
        throw new AppError('session_expired');
    }
    if (!SAFE_METHODS.has(request.method) && path.startsWith('/api/') && !NO_CSRF.has(path)) {
      const sent = request.headers['x-csrf-token'];
      if (ctx.session && (typeof sent !== 'string' || !sameToken(sent, ctx.session.csrfToken)))
        throw new AppError('csrf_failed');
    }
  });
}

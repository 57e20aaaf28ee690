import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/context-plugin.ts';
import { plainText } from '../../validation/text.ts';
import type { Deps } from '../deps.ts';
import { addMembership, createUser, listUsers, removeMembership, setUserActive } from './admin-service.ts';
import { completeMfa, login, logout, logoutEverywhere, switchOrganisation } from './service.ts';

const ok = z.object({ ok: z.literal(true) });

export function registerIdentityRoutes(
  app: FastifyInstance,
  deps: Deps,
  limits: { signInPerMinute: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: limits.signInPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in, step 1: username and password',
        body: z
          .object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(256) })
          .strict(),
        response: { 200: z.object({ mfaRequired: z.boolean(), csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await login(deps, request.ctx, request.body);
      setSessionCookie(request, reply, result.token);
      return { mfaRequired: result.mfaRequired, csrfToken: result.csrfToken };
    },
  );

  r.post(
    '/api/auth/mfa',
    {
      config: { rateLimit: { max: limits.signInPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in, step 2: the 6-digit code from the authenticator app',
        body: z
          .object({
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/),
          })
          .strict(),
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const token = request.cookies.kring_session ?? '';
      const result = await completeMfa(deps, request.ctx, token, request.body.code);
      setSessionCookie(request, reply, result.token);
      return { csrfToken: result.csrfToken };
    },
  );

  r.get(
    '/api/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'The current session: who, for which organisation, which roles, and the CSRF token',
      },
    },
    async (request) => {
      const ctx = request.ctx;
      if (!ctx.session || !ctx.user) return { signedIn: false, expired: request.sessionState === 'expired' };
      return {
        signedIn: true,
        mfaPassed: ctx.session.mfaPassed,
        csrfToken: ctx.session.csrfToken,
        user: ctx.user,
        organisation: ctx.session.mfaPassed ? ctx.organisation : null,
        roles: ctx.session.mfaPassed ? ctx.roles : [],
        memberships: ctx.session.mfaPassed
          ? request.memberships.map((m) => ({
              organisationId: m.organisationId,
              organisationName: m.organisationName,
              role: m.role,
            }))
          : [],
      };
    },
  );

  r.post(
    '/api/auth/organisation',
    {
      schema: {
        tags: ['identity'],
        summary: 'Act for another organisation you are a member of',
        body: z.object({ organisationId: z.uuid() }).strict(),
        response: { 200: ok },
      },
    },
    async (request) => {
      await switchOrganisation(deps, request.ctx, request.body.organisationId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['identity'], summary: 'Sign out on this device', response: { 200: ok } } },
    async (request, reply) => {
      await logout(deps, request.ctx);
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/logout-everywhere',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign out on every device',
        response: { 200: z.object({ sessions: z.number() }) },
      },
    },
    async (request, reply) => {
      const sessions = await logoutEverywhere(deps, request.ctx);
      clearSessionCookie(request, reply);
      return { sessions };
    },
  );

  r.get(
    '/api/admin/users',
    { schema: { tags: ['admin'], summary: "Users of the administrator's region with their memberships" } },
    async (request) => listUsers(deps, request.ctx),
  );

  r.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a user with a first membership; returns the authenticator secret once',
        body: z
          .object({
            username: z
              .string()
              .trim()
              .regex(/^[a-z0-9._-]{3,64}$/),
            displayName: plainText(200),
            email: z.email().max(200).optional(),
            password: z.string().min(12).max(256),
            organisationId: z.uuid(),
            role: z.enum(ROLES),
          })
          .strict(),
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(deps, request.ctx, request.body)),
  );

  r.post(
    '/api/admin/users/:userId/memberships',
    {
      schema: {
        tags: ['admin'],
        summary: 'Give a user a role in an organisation',
        params: z.object({ userId: z.uuid() }),
        body: z.object({ organisationId: z.uuid(), role: z.enum(ROLES) }).strict(),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMembership(deps, request.ctx, request.params.userId, request.body)),
  );

  r.delete(
    '/api/admin/users/:userId/memberships/:membershipId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Take a role away (ends the user’s sessions)',
        params: z.object({ userId: z.uuid(), membershipId: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await removeMembership(deps, request.ctx, request.params.userId, request.params.membershipId);
      return { ok: true as const };
    },
  );

  r.patch(
    '/api/admin/users/:userId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Activate or deactivate a user',
        params: z.object({ userId: z.uuid() }),
        body: z.object({ active: z.boolean() }).strict(),
        response: { 200: ok },
      },
    },
    async (request) => {
      await setUserActive(deps, request.ctx, request.params.userId, request.body.active);
      return { ok: true as const };
    },
  );
}

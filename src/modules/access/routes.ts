import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '../../validation/text.ts';
import type { Deps } from '../deps.ts';
import { breakGlass, listBreakGlassGrants, reviewBreakGlass } from './break-glass-service.ts';

export function registerAccessRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/break-glass',
    {
      schema: {
        tags: ['access'],
        summary: 'Emergency access to one record, with a reason; expires after one hour and is reviewed',
        body: z
          .object({
            recordType: z.literal('report'),
            recordId: z.uuid(),
            reason: plainText(2000).refine((r) => r.length >= 20, {
              message: 'reason_too_short',
            }),
          })
          .strict(),
      },
    },
    async (request, reply) => reply.status(201).send(await breakGlass(deps, request.ctx, request.body)),
  );
  r.get(
    '/api/break-glass',
    {
      schema: {
        tags: ['access'],
        summary: 'Emergency accesses for review (privacy officer)',
        querystring: z.object({ unreviewed: z.enum(['true', 'false']).default('true') }),
      },
    },
    async (request) =>
      listBreakGlassGrants(deps, request.ctx, { unreviewedOnly: request.query.unreviewed === 'true' }),
  );
  r.post(
    '/api/break-glass/:id/review',
    {
      schema: {
        tags: ['access'],
        summary: 'Record the review of an emergency access',
        params: z.object({ id: z.uuid() }),
        body: z.object({ verdict: z.enum(['justified', 'unjustified']), note: plainText(2000) }).strict(),
      },
    },
    async (request) => {
      await reviewBreakGlass(deps, request.ctx, request.params.id, request.body);
      return { ok: true };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../access/request-context.ts';
import type { Deps } from '../deps.ts';
import { searchAudit, verifyAudit } from './service.ts';

export function registerAuditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail (privacy officer)',
        querystring: z
          .object({
            actorUserId: z.uuid().optional(),
            recordType: z.string().max(50).optional(),
            recordId: z.string().max(100).optional(),
            action: z.string().max(100).optional(),
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(200),
          })
          .strict(),
      },
    },
    async (request) => {
      const q = request.query;
      return searchAudit(deps, request.ctx, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
    },
  );
  r.get(
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: 'Verify the hash chain of the audit trail (privacy officer)' } },
    async (request) => {
      requireRole(request.ctx, 'privacy_officer');
      return verifyAudit(deps);
    },
  );
}

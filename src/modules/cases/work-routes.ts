import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { idParams } from './schemas.ts';
import { caseTimeline, myWork } from './work-schemas.ts';
import { getCaseTimeline, getMyWork } from './work-service.ts';

const tags = ['cases'];

/** Work queues and the household timeline (issue 3 §12). */
export function registerWorkRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/work',
    {
      schema: {
        tags,
        summary:
          'My work: plan actions, agreements, measures ending and monitoring moments due this week or overdue, handovers waiting for me, my cases',
        response: { 200: myWork },
      },
    },
    async (request) => getMyWork(deps, request.ctx),
  );

  r.get(
    '/api/cases/:id/timeline',
    {
      schema: {
        tags,
        summary:
          'The household timeline across organisations, holding back what your categories may not read',
        params: idParams,
        response: { 200: caseTimeline },
      },
    },
    async (request) => getCaseTimeline(deps, request.ctx, request.params.id),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { getOwnRegion } from './service.ts';

export function registerRegionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/region',
    {
      schema: {
        tags: ['region'],
        summary: 'Your region: municipalities (with purposes and inhabitants) and organisations',
      },
    },
    async (request) => getOwnRegion(deps, request.ctx),
  );
}

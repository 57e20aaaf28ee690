import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import {
  catalogueResponse,
  dashboardQuery,
  dashboardResponse,
  referenceFigure,
  referenceFigureInput,
  referenceFigureSaved,
} from './schemas.ts';
import { getCatalogue, getDashboard, listReferenceFigures, saveReferenceFigure } from './service.ts';

const tags = ['insight'];

/** Regional insight (issue 5): indicators, dashboards, reports, outside figures. */
export function registerInsightRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/insight/catalogue',
    {
      schema: {
        tags,
        summary:
          'The indicator catalogue: definition, version, source, unit and allowed splits of each indicator',
        response: { 200: catalogueResponse },
      },
    },
    async (request) => getCatalogue(deps, request.ctx),
  );

  r.get(
    '/api/insight/dashboard',
    {
      schema: {
        tags,
        summary:
          'Dashboard figures for a period of quarters, optionally one municipality or subregion; every count passed disclosure control',
        querystring: dashboardQuery,
        response: { 200: dashboardResponse },
      },
    },
    async (request) => getDashboard(deps, request.ctx, request.query),
  );

  r.get(
    '/api/insight/reference-figures',
    {
      schema: {
        tags,
        summary: 'National reference figures of the region, with source and date',
        response: { 200: z.array(referenceFigure) },
      },
    },
    async (request) => listReferenceFigures(deps, request.ctx),
  );

  r.post(
    '/api/insight/reference-figures',
    {
      schema: {
        tags,
        summary: 'Enter (or replace) a national reference figure for an indicator and year (policy advisor)',
        body: referenceFigureInput,
        response: { 200: referenceFigureSaved, 201: referenceFigureSaved },
      },
    },
    async (request, reply) => {
      const result = await saveReferenceFigure(deps, request.ctx, request.body);
      return reply.status(result.replaced ? 200 : 201).send(result);
    },
  );
}

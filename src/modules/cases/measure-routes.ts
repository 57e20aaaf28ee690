import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import {
  extendMeasureInput,
  extendMeasureResult,
  imposeMeasureInput,
  imposeMeasureResult,
  liftMeasureInput,
  liftMeasureResult,
  measureList,
  measureParams,
} from './measure-schemas.ts';
import { extendCaseMeasure, imposeMeasure, liftCaseMeasure, listCaseMeasures } from './measure-service.ts';
import { idParams } from './schemas.ts';

const tags = ['cases'];

/** Measures with legal clocks (issue 3 §7). */
export function registerMeasureRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cases/:id/measures',
    {
      schema: {
        tags,
        summary:
          'Measures on the case (restraining order, crisis care, ICM, Aware, shelter) with status, end, maximum end, extensions and next reminder, as far as your categories allow',
        params: idParams,
        response: { 200: measureList },
      },
    },
    async (request) => listCaseMeasures(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/measures',
    {
      schema: {
        tags,
        summary:
          'Record a measure decided elsewhere (a restraining order: by the police, Veilig Thuis or the safety house; decided by the mayor or the assistant prosecutor)',
        params: idParams,
        body: imposeMeasureInput,
        response: { 201: imposeMeasureResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await imposeMeasure(deps, request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/api/cases/:id/measures/:measureId/extensions',
    {
      schema: {
        tags,
        summary:
          'Extend a running measure; past its legal maximum (an order: 28 days after imposition) it answers 422 naming the latest allowed end',
        params: measureParams,
        body: extendMeasureInput,
        response: { 201: extendMeasureResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await extendCaseMeasure(
            deps,
            request.ctx,
            request.params.id,
            request.params.measureId,
            request.body,
          ),
        ),
  );

  r.post(
    '/api/cases/:id/measures/:measureId/lift',
    {
      schema: {
        tags,
        summary: 'Lift (end early) a running or planned measure, with the reason and who decided',
        params: measureParams,
        body: liftMeasureInput,
        response: { 200: liftMeasureResult },
      },
    },
    async (request) =>
      liftCaseMeasure(deps, request.ctx, request.params.id, request.params.measureId, request.body),
  );
}

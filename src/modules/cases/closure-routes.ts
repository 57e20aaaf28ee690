import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import {
  closeInput,
  closeResult,
  closureLetter,
  closureOverview,
  letterQuery,
  monitoringContactInput,
  monitoringOverview,
  reopenInput,
  reopenResult,
} from './closure-schemas.ts';
import { closeCase, getClosureLetter, getClosureOverview, reopenCase } from './closure-service.ts';
import { listMonitoring, recordMonitoringContact } from './monitoring-service.ts';
import { idParams } from './schemas.ts';

const tags = ['cases'];

/** Monitoring, closure and reopening (issue 3 §11). */
export function registerClosureRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cases/:id/monitoring',
    {
      schema: {
        tags,
        summary:
          'Monitoring moments of the case with their status (upcoming, due, overdue, done) and contacts',
        params: idParams,
        response: { 200: monitoringOverview },
      },
    },
    async (request) => listMonitoring(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/monitoring/contacts',
    {
      schema: {
        tags,
        summary: 'Record a monitoring contact for a moment: when, with whom, outcome, score and note',
        params: idParams,
        body: monitoringContactInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordMonitoringContact(deps, request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/api/cases/:id/closure',
    {
      schema: {
        tags,
        summary:
          'Closures and reopenings of the case, reports about its members after closure, and linked cases',
        params: idParams,
        response: { 200: closureOverview },
      },
    },
    async (request) => getClosureOverview(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/closure',
    {
      schema: {
        tags,
        summary:
          'Close the case with a reason code and explanation (coordinator or Veilig Thuis); returns the letter',
        params: idParams,
        body: closeInput,
        response: { 201: closeResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await closeCase(deps, request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/api/cases/:id/closure/letter',
    {
      schema: {
        tags,
        summary: 'The closure letter to the household as generated at closing (latest closure by default)',
        params: idParams,
        querystring: letterQuery,
        response: { 200: closureLetter },
      },
    },
    async (request) => getClosureLetter(deps, request.ctx, request.params.id, request.query.closureId),
  );

  r.post(
    '/api/cases/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed case with a reason (back to direct safety); the history stays',
        params: idParams,
        body: reopenInput,
        response: { 200: reopenResult },
      },
    },
    async (request) => reopenCase(deps, request.ctx, request.params.id, request.body),
  );
}

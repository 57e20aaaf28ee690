import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { idParams } from './schemas.ts';
import {
  recordSupportInput,
  recordSupportResult,
  supportList,
  supportOutcomeInput,
  supportOutcomeResult,
  supportParams,
} from './support-schemas.ts';
import { listCaseSupport, recordSupport, recordSupportOutcome } from './support-service.ts';

const tags = ['cases'];

/** Help for perpetrators (*plegerhulp*) and experience experts (*ervaringsdeskundigen*) on a case. */
export function registerSupportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cases/:id/support',
    {
      schema: {
        tags,
        summary:
          'Help offered to a perpetrator and experience experts taking part, with their outcome (used or declined), as far as your categories allow',
        params: idParams,
        response: { 200: supportList },
      },
    },
    async (request) => listCaseSupport(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/support',
    {
      schema: {
        tags,
        summary:
          'Record help offered to a perpetrator of the household (e.g. a De Waag programme) or an experience expert taking part (help partners only)',
        params: idParams,
        body: recordSupportInput,
        response: { 201: recordSupportResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordSupport(deps, request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/api/cases/:id/support/:supportId/outcome',
    {
      schema: {
        tags,
        summary:
          'Record once whether the help started / the expert took part (used) or the offer was declined; a second outcome answers 409',
        params: supportParams,
        body: supportOutcomeInput,
        response: { 200: supportOutcomeResult },
      },
    },
    async (request) =>
      recordSupportOutcome(deps, request.ctx, request.params.id, request.params.supportId, request.body),
  );
}

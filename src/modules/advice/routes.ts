import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import {
  adviceSummary,
  answerInput,
  contactInput,
  professionalAdviceInput,
  publicAdviceInput,
} from './schemas.ts';
import {
  answerAdvice,
  askAdvice,
  askAdviceAsResident,
  listAdvice,
  listPublicMunicipalities,
  recordContact,
} from './service.ts';

const created = z.object({ id: z.uuid(), reference: z.string() });

export function registerAdviceRoutes(app: FastifyInstance, deps: Deps, limits: { publicPerMinute: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/advice',
    {
      schema: {
        tags: ['advice'],
        summary: 'A professional asks Veilig Thuis for advice',
        body: professionalAdviceInput,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await askAdvice(deps, request.ctx, request.body)),
  );

  r.post(
    '/api/veilig-thuis/contacts',
    {
      schema: {
        tags: ['advice'],
        summary: 'Veilig Thuis records a phone or chat contact (advice request)',
        body: contactInput,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await recordContact(deps, request.ctx, request.body)),
  );

  r.get(
    '/api/advice',
    {
      schema: {
        tags: ['advice'],
        summary: 'Advice requests: your own, or for Veilig Thuis those of the municipalities it serves',
        querystring: z.object({ open: z.enum(['true', 'false']).default('false') }).strict(),
        response: { 200: z.array(adviceSummary) },
      },
    },
    async (request) => listAdvice(deps, request.ctx, { openOnly: request.query.open === 'true' }),
  );

  r.post(
    '/api/advice/:id/answer',
    {
      schema: {
        tags: ['advice'],
        summary: 'Veilig Thuis records its advice',
        params: z.object({ id: z.uuid() }),
        body: answerInput,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await answerAdvice(deps, request.ctx, request.params.id, request.body.answer);
      return { ok: true as const };
    },
  );

  // Public pages for residents: no sign-in, tightly rate limited, JSON only.
  r.get(
    '/api/public/municipalities',
    {
      schema: {
        tags: ['public'],
        summary: 'Municipalities and the Veilig Thuis that serves them',
        response: {
          200: z.array(z.object({ cbsCode: z.string(), name: z.string(), veiligThuis: z.string() })),
        },
      },
    },
    async () => listPublicMunicipalities(deps),
  );

  r.post(
    '/api/public/advice',
    {
      config: { rateLimit: { max: limits.publicPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'A resident asks Veilig Thuis for advice, anonymously if they wish',
        body: publicAdviceInput,
        response: { 201: z.object({ reference: z.string() }) },
      },
    },
    async (request, reply) => {
      const { reference } = await askAdviceAsResident(deps, request.ctx, request.body);
      return reply.status(201).send({ reference });
    },
  );
}

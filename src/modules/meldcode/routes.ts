import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { addConsultation } from './consult-service.ts';
import { reportFromRecord } from './report-service.ts';
import {
  consultationInput,
  decisionInput,
  recordDetail,
  recordInput,
  recordSummary,
  signalsInput,
  talkInput,
  weighingInput,
} from './schemas.ts';
import {
  createRecord,
  getRecord,
  listRecords,
  recordDecision,
  recordSignals,
  recordTalk,
  recordWeighing,
} from './service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['meldcode'];
const idResult = z.object({ id: z.uuid() });

/** The meldcode assistant: a professional's record of the five steps, in their own organisation. */
export function registerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/meldcode/records',
    {
      schema: {
        tags,
        summary: 'Your meldcode records; for the meldcode officer, those of the organisation',
        response: { 200: z.array(recordSummary) },
      },
    },
    async (request) => listRecords(deps, request.ctx),
  );

  r.post(
    '/api/meldcode/records',
    {
      schema: {
        tags,
        summary: 'Open a meldcode record (persons, client, kinds of violence)',
        body: recordInput,
        response: { 201: idResult },
      },
    },
    async (request, reply) => reply.status(201).send(await createRecord(deps, request.ctx, request.body)),
  );

  r.get(
    '/api/meldcode/records/:id',
    {
      schema: {
        tags,
        summary: 'One meldcode record with its five steps, kindcheck and afwegingskader',
        params: idParams,
        response: { 200: recordDetail },
      },
    },
    async (request) => getRecord(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/meldcode/records/:id/signals',
    {
      schema: {
        tags,
        summary: 'Step 1: map the signals (with the kindcheck where it applies)',
        params: idParams,
        body: signalsInput,
        response: { 200: idResult },
      },
    },
    async (request) => recordSignals(deps, request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/meldcode/records/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Step 2: a consultation; consulting Veilig Thuis also sends an advice request',
        params: idParams,
        body: consultationInput,
        response: { 201: z.object({ id: z.uuid(), adviceRequestId: z.uuid().nullable() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addConsultation(deps, request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/api/meldcode/records/:id/talk',
    {
      schema: {
        tags,
        summary: 'Step 3: the talk with the client, or why it did not take place',
        params: idParams,
        body: talkInput,
        response: { 200: idResult },
      },
    },
    async (request) => recordTalk(deps, request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/meldcode/records/:id/weighing',
    {
      schema: {
        tags,
        summary: 'Step 4: the answers to the afwegingskader so far; answers the next question or the outcome',
        params: idParams,
        body: weighingInput,
        response: {
          200: z.object({
            decision: z.object({
              kind: z.enum(['question', 'outcome']),
              question: z.number().int().optional(),
              outcome: z.string().optional(),
              reason: z.string().optional(),
              followUpQuestion: z.number().int().optional(),
            }),
          }),
        },
      },
    },
    async (request) => recordWeighing(deps, request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/meldcode/records/:id/decision',
    {
      schema: {
        tags,
        summary: 'Step 5: record the outcome; acute or structural unsafety only allows a report',
        params: idParams,
        body: decisionInput,
        response: { 200: z.object({ id: z.uuid(), outcome: z.string() }) },
      },
    },
    async (request) => recordDecision(deps, request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/meldcode/records/:id/report',
    {
      schema: {
        tags,
        summary: 'Melding doen: a report to Veilig Thuis prefilled from the record',
        params: idParams,
        body: z.object({}).strict(),
        response: { 201: z.object({ reportId: z.uuid(), reference: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportFromRecord(deps, request.ctx, request.params.id)),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVESTIGATION_OUTCOMES } from '../../domain/front-door/investigation-outcome.ts';
import { plainText } from '../../validation/text.ts';
import type { Deps } from '../deps.ts';
import {
  assessReport,
  concludeInvestigation,
  getInvestigationFigures,
  getQueueFigures,
} from './assessment-service.ts';
import { importPoliceBatch } from './batch-service.ts';
import { extendInforming, getInforming, markInformed } from './informing-service.ts';
import { getLetter } from './letter-service.ts';
import { createPublicReport } from './public-report-service.ts';
import { getRadar } from './radar-service.ts';
import {
  assessmentInput,
  assessmentResult,
  normShare,
  noteInput,
  publicReportInput,
  radarResult,
  reportDetail,
  reportInput,
  reportSummary,
} from './schemas.ts';
import { addReportNote, createReport, getReport, listOwnReports, listQueue } from './service.ts';

const idParams = z.object({ id: z.uuid() });

export function registerIntakeRoutes(app: FastifyInstance, deps: Deps, limits: { publicPerMinute: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/reports',
    {
      schema: {
        tags: ['intake'],
        summary: 'Record a report (melding) for Veilig Thuis',
        body: reportInput,
        response: {
          201: z.object({
            id: z.uuid(),
            reference: z.string(),
            assessmentDueAt: z.string(),
            immediate: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await createReport(deps, request.ctx, request.body)),
  );

  r.get(
    '/api/reports/mine',
    {
      schema: {
        tags: ['intake'],
        summary: 'Reports you recorded',
        response: { 200: z.array(reportSummary) },
      },
    },
    async (request) => listOwnReports(deps, request.ctx),
  );

  r.get(
    '/api/veilig-thuis/queue',
    {
      schema: {
        tags: ['intake'],
        summary:
          'Veilig Thuis queue: open reports with the deadline of the safety assessment, most urgent first',
        response: { 200: z.array(reportSummary) },
      },
    },
    async (request) => listQueue(deps, request.ctx),
  );

  r.get(
    '/api/reports/:id',
    {
      schema: {
        tags: ['intake'],
        summary: 'One report, with the notes your organisation may read',
        params: idParams,
        response: { 200: reportDetail },
      },
    },
    async (request) => getReport(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/reports/:id/notes',
    {
      schema: {
        tags: ['intake'],
        summary: 'Add a note with an information category',
        params: idParams,
        body: noteInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addReportNote(deps, request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/api/reports/:id/assessment',
    {
      schema: {
        tags: ['intake'],
        summary: 'Veilig Thuis records the safety assessment (veiligheidsbeoordeling) with a reasoned route',
        params: idParams,
        body: assessmentInput,
        response: { 200: assessmentResult },
      },
    },
    async (request) => assessReport(deps, request.ctx, request.params.id, request.body),
  );

  r.get(
    '/api/reports/:id/radar',
    {
      schema: {
        tags: ['intake'],
        summary:
          'Radar: earlier reports about the same people, and whether this is a re-report or follow-up report',
        params: idParams,
        response: { 200: radarResult },
      },
    },
    async (request) => getRadar(deps, request.ctx, request.params.id),
  );

  r.get(
    '/api/veilig-thuis/figures',
    {
      schema: {
        tags: ['intake'],
        summary: 'Per month: share of safety assessments within 5 working days against the 90% norm',
        response: { 200: z.array(normShare) },
      },
    },
    async (request) => getQueueFigures(deps, request.ctx),
  );

  const location = z.object({ location: z.string(), message: z.object({ nl: z.string(), en: z.string() }) });
  r.post(
    '/api/reports/import',
    {
      // Batches are larger than a single form; everything else keeps the 256 KiB limit.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['intake'],
        summary:
          'Import a batch of police reports (CSV or JSON); valid reports are imported, invalid ones listed with reasons',
        body: z
          .object({ format: z.enum(['csv', 'json']), content: z.string().min(1).max(3_500_000) })
          .strict(),
        response: {
          200: z.object({
            imported: z.array(
              z.object({
                externalRef: z.string(),
                lines: z.array(z.number()),
                id: z.uuid(),
                reference: z.string(),
              }),
            ),
            rejected: z.array(
              z.object({ externalRef: z.string(), lines: z.array(z.number()), problems: z.array(location) }),
            ),
          }),
        },
      },
    },
    async (request) => importPoliceBatch(deps, request.ctx, request.body),
  );

  r.post(
    '/api/public/reports',
    {
      config: { rateLimit: { max: limits.publicPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary:
          'A resident reports to Veilig Thuis; the reporter is known to Veilig Thuis and may stay anonymous towards the household',
        body: publicReportInput,
        response: { 201: z.object({ reference: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPublicReport(deps, request.ctx, request.body)),
  );

  r.get(
    '/api/reports/:id/letters/:recipient',
    {
      schema: {
        tags: ['intake'],
        summary:
          'Letter to the reporter (steps taken) or to the household (informing within 4 weeks); the reporter stays protected',
        params: z.object({ id: z.uuid(), recipient: z.enum(['reporter', 'household']) }),
        response: {
          200: z.object({
            recipient: z.enum(['reporter', 'household']),
            subject: z.string(),
            paragraphs: z.array(z.string()),
            protectedPassages: z.number(),
            sendBy: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => getLetter(deps, request.ctx, request.params.id, request.params.recipient),
  );

  r.post(
    '/api/reports/:id/investigation',
    {
      schema: {
        tags: ['intake'],
        summary: "Conclude Veilig Thuis' own investigation: confirmed, not confirmed or refuted",
        params: idParams,
        body: z.object({ outcome: z.enum(INVESTIGATION_OUTCOMES), conclusion: plainText(5000) }).strict(),
        response: {
          200: z.object({
            concludedAt: z.string(),
            outcome: z.enum(INVESTIGATION_OUTCOMES),
            onTime: z.boolean(),
          }),
        },
      },
    },
    async (request) => concludeInvestigation(deps, request.ctx, request.params.id, request.body),
  );

  r.get(
    '/api/veilig-thuis/figures/investigations',
    {
      schema: {
        tags: ['intake'],
        summary:
          'Per month of the decision: share of investigations concluded within 10 weeks against the 80% norm',
        response: { 200: z.array(normShare) },
      },
    },
    async (request) => getInvestigationFigures(deps, request.ctx),
  );

  const informing = z.object({
    reporterInformedAt: z.string().nullable(),
    householdInformedAt: z.string().nullable(),
    householdDueAt: z.string().nullable(),
    extensions: z.array(z.object({ days: z.number(), reason: z.string(), grantedAt: z.string() })),
  });
  r.post(
    '/api/reports/:id/informed',
    {
      schema: {
        tags: ['intake'],
        summary: 'Record that the reporter or the household has been informed',
        params: idParams,
        body: z.object({ recipient: z.enum(['reporter', 'household']) }).strict(),
        response: { 200: informing },
      },
    },
    async (request) => markInformed(deps, request.ctx, request.params.id, request.body.recipient),
  );
  r.post(
    '/api/reports/:id/informing/extensions',
    {
      schema: {
        tags: ['intake'],
        summary: 'Extend the term to inform the household by two weeks, with a reason (Wmo 2015 art. 5.3.1)',
        params: idParams,
        body: z.object({ reason: plainText(2000) }).strict(),
        response: { 200: informing },
      },
    },
    async (request) => extendInforming(deps, request.ctx, request.params.id, request.body.reason),
  );
  r.get(
    '/api/reports/:id/informing',
    {
      schema: {
        tags: ['intake'],
        summary: 'Who was informed when, and the deadline for the household',
        params: idParams,
        response: { 200: informing },
      },
    },
    async (request) => getInforming(deps, request.ctx, request.params.id),
  );
}

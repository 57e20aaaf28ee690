import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { buildInsightReport } from './report-builder.ts';
import {
  getReportFile,
  getReportRun,
  listReportRuns,
  type ReportBuilder,
  requestReportRun,
} from './report-run-service.ts';
import { createReportRunner } from './report-runner.ts';

const localised = z.object({ nl: z.string(), en: z.string() });
const run = z.object({
  id: z.uuid(),
  kind: z.enum(['baseline', 'quarterly', 'yearly']),
  from: z.string(),
  to: z.string(),
  municipalityCode: z.string().nullable(),
  language: z.enum(['nl', 'en']),
  format: z.enum(['pdf', 'xlsx', 'csv']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  fileName: z.string().nullable(),
  failure: localised.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
const idParams = z.object({ id: z.uuid() });

/**
 * Report runs (issue 5 §4): request a report file, poll its progress, download it. `build` makes
 * the document (the indicator service by default; tests may pass their own).
 */
export function registerReportRunRoutes(
  app: FastifyInstance,
  deps: Deps,
  build: ReportBuilder = buildInsightReport,
) {
  const runner = createReportRunner(deps, build, (error) =>
    app.log.error({ err: { type: error instanceof Error ? error.name : typeof error } }, 'report run failed'),
  );
  // Let running reports finish before the database closes.
  app.addHook('onClose', async () => {
    await runner.idle();
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/insight/reports',
    {
      schema: {
        tags: ['insight'],
        summary:
          'Request a report file (baseline, quarterly report or yearly measurement as PDF, XLSX or CSV); it is made in the background',
        body: z
          .object({
            kind: z.enum(['baseline', 'quarterly', 'yearly']),
            from: z.iso.date(),
            to: z.iso.date(),
            municipalityCode: z
              .string()
              .regex(/^GM\d{4}$/)
              .optional(),
            format: z.enum(['pdf', 'xlsx', 'csv']),
            language: z.enum(['nl', 'en']).optional(),
          })
          .strict(),
        response: { 202: run },
      },
    },
    async (request, reply) => {
      const created = await requestReportRun(deps, request.ctx, request.body, runner);
      return reply.code(202).send(created);
    },
  );

  r.get(
    '/api/insight/reports',
    {
      schema: {
        tags: ['insight'],
        summary: 'Your 20 most recent report runs',
        response: { 200: z.array(run) },
      },
    },
    async (request) => listReportRuns(deps, request.ctx),
  );

  r.get(
    '/api/insight/reports/:id',
    {
      schema: {
        tags: ['insight'],
        summary: 'One of your report runs: status and progress (0–100)',
        params: idParams,
        response: { 200: run },
      },
    },
    async (request) => getReportRun(deps, request.ctx, request.params.id),
  );

  r.get(
    '/api/insight/reports/:id/file',
    {
      schema: {
        tags: ['insight'],
        summary: 'Download the file of a finished report run',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await getReportFile(deps, request.ctx, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );
}

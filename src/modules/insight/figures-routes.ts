import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIGURE_FORMATS, FIGURE_KINDS } from '../../domain/insight/outside-figures.ts';
import { plainText } from '../../validation/text.ts';
import type { Deps } from '../deps.ts';
import { getOutsideFigures, importOutsideFigures } from './figures-service.ts';

const localised = z.object({ nl: z.string(), en: z.string() });
const problem = z.object({ line: z.number().nullable(), column: z.string().nullable(), message: localised });

const importResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('imported'),
    kind: z.enum(FIGURE_KINDS),
    figures: z.number(),
    replaced: z.number(),
    municipalities: z.number(),
    years: z.object({ from: z.number(), to: z.number() }),
  }),
  z.object({ outcome: z.literal('rejected'), kind: z.enum(FIGURE_KINDS), problems: z.array(problem) }),
]);

const point = z.object({
  year: z.number(),
  value: z.number(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  sourceText: z.string(),
  sourceDate: z.string().nullable(),
  importedAt: z.string().nullable(),
});

const overview = z.object({
  kind: z.enum(FIGURE_KINDS),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  series: z.array(
    z.object({
      municipalityCode: z.string(),
      municipalityName: z.string(),
      measure: z.string(),
      points: z.array(point),
    }),
  ),
  totals: z.array(
    z.object({
      measure: z.string(),
      points: z.array(
        z.object({
          year: z.number(),
          value: z.number(),
          municipalities: z.number(),
          complete: z.boolean(),
          change: z.number().nullable(),
        }),
      ),
    }),
  ),
});

/** Outside figures (issue 5 §5): import and read police and population figures per municipality. */
export function registerFiguresRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/insight/figures/import',
    {
      // A figures file is larger than a form; everything else keeps the 256 KiB limit.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['insight'],
        summary:
          'Import police or population figures per municipality per year (CSV or JSON); a file with any problem imports nothing and lists every problem with line and column',
        body: z
          .object({
            kind: z.enum(FIGURE_KINDS),
            format: z.enum(FIGURE_FORMATS),
            content: z.string().min(1).max(3_500_000),
            source: plainText(300),
            sourceDate: z.iso.date(),
          })
          .strict(),
        response: { 200: importResult },
      },
    },
    async (request) => importOutsideFigures(deps, request.ctx, request.body),
  );

  r.get(
    '/api/insight/figures',
    {
      schema: {
        tags: ['insight'],
        summary:
          'Outside figures of your region per municipality and in total, with the percentage change on the year before',
        querystring: z.object({ kind: z.enum(FIGURE_KINDS).default('police') }).strict(),
        response: { 200: overview },
      },
    },
    async (request) => getOutsideFigures(deps, request.ctx, request.query.kind),
  );
}

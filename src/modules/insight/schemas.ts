import { z } from 'zod';
import { INDICATOR_DIMENSIONS, INDICATOR_GROUPS } from '../../domain/insight/catalogue.ts';
import { plainText } from '../../validation/text.ts';

/** A quarter "2024-Q3". */
const quarter = z.string().regex(/^(19|20|21)\d{2}-Q[1-4]$/);
const municipalityCode = z.string().regex(/^GM\d{4}$/);

export const dashboardQuery = z
  .object({
    from: quarter,
    to: quarter,
    municipality: municipalityCode.optional(),
    subregion: plainText(200).optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const isoDate = z.iso.date();

export const referenceFigureInput = z
  .object({
    indicator: z.string().min(1).max(100),
    year: z.number().int().min(1990).max(2100),
    value: z.number().finite().min(0).max(1_000_000_000),
    source: plainText(500),
    sourceDate: isoDate,
  })
  .strict();
export type ReferenceFigureInput = z.infer<typeof referenceFigureInput>;

const localised = z.object({ nl: z.string(), en: z.string() });

export const indicatorSchema = z.object({
  code: z.string(),
  group: z.enum(INDICATOR_GROUPS),
  name: localised,
  definition: localised,
  version: z.string(),
  source: z.string(),
  unit: z.enum(['count', 'percent', 'per_100k', 'days', 'score']),
  dimensions: z.array(z.enum(INDICATOR_DIMENSIONS)).readonly(),
  audiences: z.array(z.enum(['policy_advisor', 'team_lead'])).readonly(),
  availability: z.union([
    z.object({ status: z.literal('available') }),
    z.object({ status: z.literal('not_yet_available'), awaiting: z.string() }),
  ]),
  maturityMonths: z.number().optional(),
  ambition: z.object({ value: z.number(), source: z.string() }).optional(),
});

const audience = z.enum(['policy_advisor', 'team_lead']);

export const catalogueResponse = z.object({ audience, indicators: z.array(indicatorSchema) });

/** A suppressed cell has no value field at all: nothing to leak through serialisation. */
const publishedCell = z.union([
  z.object({ suppressed: z.literal(false), value: z.number() }).strict(),
  z.object({ suppressed: z.literal(true), reason: z.enum(['primary', 'secondary']) }).strict(),
]);

const protectedTable = z.object({
  rowKeys: z.array(z.string()).readonly(),
  columnKeys: z.array(z.string()).readonly(),
  cells: z.array(z.array(publishedCell)),
  rowTotals: z.array(publishedCell),
  columnTotals: z.array(publishedCell),
  grandTotal: publishedCell,
});

const publishedShare = z.union([
  z
    .object({
      suppressed: z.literal(false),
      numerator: z.number(),
      denominator: z.number(),
      percent: z.number(),
    })
    .strict(),
  z.object({ suppressed: z.literal(true) }).strict(),
]);

const gatedRate = z.union([
  z.object({ suppressed: z.literal(false), value: z.number() }).strict(),
  z
    .object({
      suppressed: z.literal(true),
      reason: z.enum(['numerator_suppressed', 'denominator_too_small', 'no_population']),
    })
    .strict(),
]);

const labelled = z.object({ key: z.string(), label: localised });
const shareRow = labelled.extend({ yes: publishedCell, no: publishedCell, share: publishedShare });
const rateRow = labelled.extend({
  count: publishedCell,
  population: z.number().nullable(),
  populationYear: z.number().nullable(),
  rate: gatedRate,
});

export const insightSection = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('table'),
    indicator: z.string(),
    rows: z.array(labelled),
    columns: z.array(labelled),
    table: protectedTable,
    trend: z.boolean(),
  }),
  z.object({
    kind: z.literal('share'),
    indicator: z.string(),
    outcomes: z.object({ yes: localised, no: localised }),
    rows: z.array(shareRow),
    total: shareRow,
    trend: z.array(z.object({ quarter: z.string(), share: publishedShare })),
    maturity: z.object({ months: z.number(), countedUpTo: z.string().nullable() }).optional(),
    ambition: z.object({ value: z.number(), source: z.string() }).optional(),
  }),
  z.object({
    kind: z.literal('rate'),
    indicator: z.string(),
    rows: z.array(rateRow),
    total: rateRow,
    years: z.number(),
  }),
  z.object({
    kind: z.literal('series'),
    indicator: z.string(),
    points: z.array(z.object({ quarter: z.string(), value: z.number().nullable() })),
  }),
]);

export const referenceFigure = z.object({
  id: z.uuid(),
  indicator: z.string(),
  year: z.number(),
  value: z.number(),
  source: z.string(),
  sourceDate: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

export const dashboardResponse = z.object({
  region: z.object({ name: z.string() }),
  audience,
  filters: z.object({
    from: z.string(),
    to: z.string(),
    municipality: z.string().nullable(),
    subregion: z.string().nullable(),
  }),
  municipalities: z.array(z.object({ code: z.string(), name: z.string(), subregion: z.string().nullable() })),
  subregions: z.array(z.string()),
  quarters: z.array(z.string()),
  disclosure: z.object({ threshold: z.number(), rounding: z.number().nullable() }),
  sections: z.array(insightSection),
  references: z.array(referenceFigure),
});

export const referenceFigureSaved = z.object({ figure: referenceFigure, replaced: z.boolean() });

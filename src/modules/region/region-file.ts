import { type ParseError, parse as parseJsonWithErrors, printParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import { ORGANISATION_TYPES, REGION_PURPOSES } from '../../domain/organisation-type.ts';

const cbsCode = z
  .string()
  .regex(/^GM\d{4}$/, 'CBS-gemeentecode verwacht, bv. GM0268 / CBS municipality code expected');
const year = z.number().int().min(1900).max(2200);
const text = z.string().trim().min(1).max(300);

const agreementsSchema = z
  .object({
    caseClosure: z
      .object({
        minimumScore: z.number().int().min(0).max(10),
        assessmentMaxAgeDays: z.number().int().min(1).max(365),
      })
      .partial()
      .strict(),
    monitoring: z
      .object({
        intervalsMonths: z
          .array(z.number().int().min(1).max(60))
          .min(1)
          .max(12)
          .refine((months) => months.every((m, i) => i === 0 || m > (months[i - 1] ?? 0)), {
            message: 'months must increase / maanden moeten oplopen',
          }),
        dueWindowDays: z.number().int().min(0).max(90),
      })
      .partial()
      .strict(),
    handoverEscalation: z
      .array(
        z
          .object({
            level: z.number().int().min(1).max(9),
            role: text,
            responseWorkingDays: z.number().int().min(1).max(30),
          })
          .strict(),
      )
      .min(1)
      .max(9)
      .refine((levels) => levels.every((l, i) => l.level === i + 1), {
        message: 'levels must be 1, 2, 3, … in order / niveaus moeten 1, 2, 3, … zijn',
      }),
    disclosure: z
      .object({
        threshold: z.number().int().min(1).max(100),
        roundingBase: z.number().int().min(1).max(100).nullable(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const regionFileSchema = z
  .object({
    $schema: z.string().optional(),
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case code expected'),
    name: text,
    source: z.string().trim().min(1).max(1000),
    period: z.object({ from: year, to: year }).strict().nullable(),
    centreMunicipalities: z.array(cbsCode).min(1),
    municipalities: z
      .array(
        z
          .object({
            cbsCode,
            name: text,
            subregion: text.nullable(),
            inhabitants: z.array(
              z
                .object({ year, count: z.number().int().min(0).max(20_000_000), source: z.string().min(1) })
                .strict(),
            ),
            memberships: z.array(
              z
                .object({
                  purpose: z.enum(REGION_PURPOSES),
                  region: text,
                  note: z.string().max(1000).optional(),
                })
                .strict(),
            ),
          })
          .strict(),
      )
      .min(1),
    organisations: z.array(
      z
        .object({
          key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case key expected'),
          name: text,
          type: z.enum(ORGANISATION_TYPES),
          serves: z.array(cbsCode),
        })
        .strict(),
    ),
    figures: z.array(
      z
        .object({
          key: z.string().regex(/^[a-z0-9_]+$/, 'snake_case key expected'),
          year: year.nullable(),
          value: z.number().finite(),
          unit: z.enum(['count', 'percent', 'euro']),
          source: z.string().min(1),
        })
        .strict(),
    ),
    /** Working agreements Kring's rules use; anything left out takes the defaults. */
    agreements: agreementsSchema.optional(),
  })
  .strict();

export type RegionFile = z.infer<typeof regionFileSchema>;

export interface RegionFileProblem {
  /** JSON path such as "municipalities[3].cbsCode", or "line 4, column 7" for syntax errors. */
  location: string;
  message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, part) =>
        typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
      '',
    ) || '(root)'
  );
}

function lineAndColumn(textIn: string, position: number): string {
  const before = textIn.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/** Parses and checks a region file completely, returning every problem found, not just the first. */
export function parseRegionFile(
  content: string,
): { ok: true; region: RegionFile } | { ok: false; problems: RegionFileProblem[] } {
  // jsonc-parser reports every syntax error with its offset (JSON.parse on Node 20 gives neither).
  const syntaxErrors: ParseError[] = [];
  const raw: unknown = parseJsonWithErrors(content, syntaxErrors, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  if (syntaxErrors.length > 0) {
    return {
      ok: false,
      problems: syntaxErrors.map((e) => ({
        location: lineAndColumn(content, e.offset),
        message: `JSON: ${printParseErrorCode(e.error)}`,
      })),
    };
  }
  const parsed = regionFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ location: formatPath(i.path), message: i.message })),
    };
  }
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, region: parsed.data };
}

function crossCheck(region: RegionFile): RegionFileProblem[] {
  const problems: RegionFileProblem[] = [];
  const codes = new Set<string>();
  region.municipalities.forEach((m, i) => {
    if (codes.has(m.cbsCode))
      problems.push({
        location: `municipalities[${i}].cbsCode`,
        message: `duplicate municipality ${m.cbsCode}`,
      });
    codes.add(m.cbsCode);
    const years = new Set<number>();
    m.inhabitants.forEach((p, j) => {
      if (years.has(p.year))
        problems.push({
          location: `municipalities[${i}].inhabitants[${j}].year`,
          message: `duplicate year ${p.year}`,
        });
      years.add(p.year);
    });
  });
  region.centreMunicipalities.forEach((c, i) => {
    if (!codes.has(c))
      problems.push({
        location: `centreMunicipalities[${i}]`,
        message: `${c} is not one of the region's municipalities`,
      });
  });
  const keys = new Set<string>();
  region.organisations.forEach((o, i) => {
    if (keys.has(o.key))
      problems.push({ location: `organisations[${i}].key`, message: `duplicate organisation key ${o.key}` });
    keys.add(o.key);
    o.serves.forEach((c, j) => {
      if (!codes.has(c))
        problems.push({
          location: `organisations[${i}].serves[${j}]`,
          message: `${c} is not one of the region's municipalities`,
        });
    });
  });
  if (region.period && region.period.from > region.period.to) {
    problems.push({ location: 'period', message: 'period.from is after period.to' });
  }
  return problems;
}

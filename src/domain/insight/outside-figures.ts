import { parse as parseCsv } from 'csv-parse/sync';
import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { computePercentageChange } from './indicators.ts';

/**
 * Outside figures (issue 5 §5): police incidents and crimes of domestic violence, and population,
 * per municipality per year, imported from a CSV or JSON file. Parsing and validation are pure
 * and all-or-nothing: every row is checked, every problem is reported with its line and column in
 * Dutch and English, and a file with any problem yields no figures at all.
 *
 * CSV (separator `,` or `;`, UTF-8, header on line 1), one row per municipality and year:
 *   police:     municipality, year, incidents_domestic_violence, crimes_domestic_violence
 *   population: municipality, year, inhabitants
 * Dutch headers are accepted too (gemeente, jaar, incidenten, misdrijven, inwoners). A municipality
 * is given by CBS code (GM0479) or by name (Zaanstad). An empty police cell means "not given",
 * never zero. JSON: an array of objects with the same (English) keys; numbers as JSON numbers.
 *
 * Counts are whole numbers; Dutch thousands separators (1.139) are read, decimals are refused.
 */

export const FIGURE_KINDS = ['police', 'population'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** Columns of the police table in seed 003, Bijlage 1: "Incidenten" and "Misdrijven" per pleeggemeente. */
export const POLICE_MEASURES = ['incidents_domestic_violence', 'crimes_domestic_violence'] as const;
export type PoliceMeasure = (typeof POLICE_MEASURES)[number];

export const FIGURE_FORMATS = ['csv', 'json'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/** The oldest year a figure may describe; the newest is the current year. */
export const FIRST_FIGURE_YEAR = 1990;
/** More rows than every municipality of the Netherlands over decades means a wrong file. */
export const MAX_FIGURE_ROWS = 20_000;

export interface Localised {
  nl: string;
  en: string;
}

/** One reason a file is refused. line: 1-based line in the file (null: the file as a whole). */
export interface FigureProblem {
  line: number | null;
  column: string | null;
  message: Localised;
}

export interface KnownMunicipality {
  code: string;
  name: string;
  /** Whether the importer may write figures for it (its own region). */
  writable: boolean;
}

export interface PoliceFigure {
  municipalityCode: string;
  year: number;
  measure: PoliceMeasure;
  value: number;
  line: number;
}

export interface PopulationFigure {
  municipalityCode: string;
  year: number;
  inhabitants: number;
  line: number;
}

export type ParsedFigures =
  | { ok: true; kind: 'police'; figures: PoliceFigure[] }
  | { ok: true; kind: 'population'; figures: PopulationFigure[] }
  | { ok: false; problems: FigureProblem[] };

export interface ParseFiguresInput {
  kind: FigureKind;
  format: FigureFormat;
  content: string;
  municipalities: readonly KnownMunicipality[];
  /** The current year (passed in: this module reads no clock). */
  currentYear: number;
}

type Field = 'municipality' | 'year' | PoliceMeasure | 'inhabitants';

const FIELDS: Record<FigureKind, { required: Field[]; optional: Field[] }> = {
  police: { required: ['municipality', 'year'], optional: [...POLICE_MEASURES] },
  population: { required: ['municipality', 'year', 'inhabitants'], optional: [] },
};

/** Header names people use, normalised (lower case, spaces as _), mapped to the field. */
const CSV_ALIASES: Record<string, Field> = {
  municipality: 'municipality',
  municipality_code: 'municipality',
  gemeente: 'municipality',
  gemeentecode: 'municipality',
  pleeggemeente: 'municipality',
  year: 'year',
  jaar: 'year',
  incidents_domestic_violence: 'incidents_domestic_violence',
  incidents: 'incidents_domestic_violence',
  incidenten: 'incidents_domestic_violence',
  crimes_domestic_violence: 'crimes_domestic_violence',
  crimes: 'crimes_domestic_violence',
  misdrijven: 'crimes_domestic_violence',
  inhabitants: 'inhabitants',
  inwoners: 'inhabitants',
};

const problem = (line: number | null, column: string | null, nl: string, en: string): FigureProblem => ({
  line,
  column,
  message: { nl, en },
});

/** "Edam-Volendam", "edam volendam" and "Gemeente Edam-Volendam" are the same municipality. */
export function normaliseMunicipalityName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^gemeente\s+/, '')
    .replace(/[\s\-_'’.]+/g, ' ')
    .trim();
}

const CBS_CODE = /^gm\d{4}$/i;
const TOTAL_ROW = /^(eind)?\s*totaal$|^(grand\s*)?total$/i;

/**
 * A count as a person or spreadsheet writes it: "1139", "1.139" or "1 139" (Dutch thousands
 * separators, exact groups of three). Anything else (decimals, signs, text) is undefined.
 */
export function parseCount(text: string): number | undefined {
  const t = text.trim().replace(/\u00a0/g, ' ');
  let digits: string;
  if (/^\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}([. ]\d{3})+$/.test(t) && new Set(t.replace(/\d/g, '')).size === 1)
    digits = t.replace(/[. ]/g, '');
  else return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : undefined;
}

interface RawRow {
  line: number;
  /** Per field: the raw value and the line it is on (JSON values may sit on their own line). */
  values: Partial<Record<Field, { value: unknown; line: number }>>;
}

export function parseOutsideFigures(input: ParseFiguresInput): ParsedFigures {
  const raw = input.format === 'csv' ? readCsv(input) : readJson(input);
  if (!raw.ok) return raw;
  if (raw.rows.length === 0)
    return {
      ok: false,
      problems: [problem(null, null, 'Het bestand bevat geen cijfers.', 'The file contains no figures.')],
    };
  if (raw.rows.length > MAX_FIGURE_ROWS)
    return {
      ok: false,
      problems: [
        problem(
          null,
          null,
          `Het bestand heeft meer dan ${MAX_FIGURE_ROWS} regels.`,
          `The file has more than ${MAX_FIGURE_ROWS} rows.`,
        ),
      ],
    };
  return validateRows(input, raw.rows);
}

type Read = { ok: true; rows: RawRow[] } | { ok: false; problems: FigureProblem[] };

function readCsv(input: ParseFiguresInput): Read {
  const headerLine = input.content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Dutch spreadsheets save with ';'; the header tells which separator the file uses.
  const delimiter = headerLine.includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true every record comes with its line number (csv-parse's types do not say so).
    records = parseCsv(input.content, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : null;
    return {
      ok: false,
      problems: [
        problem(
          line || null,
          null,
          'Het CSV-bestand kan niet worden gelezen (controleer aanhalingstekens en scheidingstekens).',
          'The CSV file cannot be read (check quotes and separators).',
        ),
      ],
    };
  }
  const [header, ...body] = records;
  if (!header)
    return {
      ok: false,
      problems: [problem(null, null, 'Het bestand is leeg.', 'The file is empty.')],
    };
  const problems: FigureProblem[] = [];
  const columns: (Field | null)[] = [];
  const seen = new Map<Field, string>();
  const allowed = new Set([...FIELDS[input.kind].required, ...FIELDS[input.kind].optional]);
  for (const name of header.record) {
    const field = CSV_ALIASES[name.toLowerCase().replace(/\s+/g, '_')];
    if (field === undefined || !allowed.has(field)) {
      problems.push(
        problem(
          header.info.lines,
          name,
          `Onbekende kolom "${name}" voor ${kindNl(input.kind)}.`,
          `Unknown column "${name}" for ${kindEn(input.kind)}.`,
        ),
      );
      columns.push(null);
      continue;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined)
      problems.push(
        problem(
          header.info.lines,
          name,
          `Kolom "${name}" betekent hetzelfde als "${earlier}".`,
          `Column "${name}" means the same as "${earlier}".`,
        ),
      );
    seen.set(field, name);
    columns.push(field);
  }
  for (const field of FIELDS[input.kind].required)
    if (!seen.has(field))
      problems.push(
        problem(header.info.lines, field, `Kolom "${field}" ontbreekt.`, `Column "${field}" is missing.`),
      );
  if (input.kind === 'police' && !POLICE_MEASURES.some((m) => seen.has(m)))
    problems.push(
      problem(
        header.info.lines,
        POLICE_MEASURES.join(' / '),
        'Geef minstens één van de kolommen incidents_domestic_violence en crimes_domestic_violence.',
        'Give at least one of the columns incidents_domestic_violence and crimes_domestic_violence.',
      ),
    );
  if (problems.length > 0) return { ok: false, problems };
  const rows = body.map(({ record, info }): RawRow => {
    const values: RawRow['values'] = {};
    columns.forEach((field, index) => {
      if (field !== null) values[field] = { value: record[index] ?? '', line: info.lines };
    });
    if (record.length > columns.length)
      problems.push(
        problem(
          info.lines,
          null,
          `Deze regel heeft ${record.length} waarden, de kop ${columns.length} kolommen.`,
          `This line has ${record.length} values, the header ${columns.length} columns.`,
        ),
      );
    return { line: info.lines, values };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function readJson(input: ParseFiguresInput): Read {
  const text = input.content.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined || tree === undefined)
    return {
      ok: false,
      problems: [
        problem(
          first ? lineAt(lineStarts, first.offset) : null,
          null,
          'Het bestand is geen geldige JSON.',
          'The file is not valid JSON.',
        ),
      ],
    };
  if (tree.type !== 'array')
    return {
      ok: false,
      problems: [
        problem(
          lineAt(lineStarts, tree.offset),
          null,
          'Verwacht een lijst (array) met één object per gemeente en jaar.',
          'Expected an array with one object per municipality and year.',
        ),
      ],
    };
  const problems: FigureProblem[] = [];
  const allowed = new Set<string>([...FIELDS[input.kind].required, ...FIELDS[input.kind].optional]);
  const rows: RawRow[] = [];
  for (const element of tree.children ?? []) {
    const line = lineAt(lineStarts, element.offset);
    if (element.type !== 'object') {
      problems.push(problem(line, null, 'Verwacht een object.', 'Expected an object.'));
      continue;
    }
    const values: RawRow['values'] = {};
    for (const property of element.children ?? []) {
      const [key, value] = property.children ?? [];
      const name = String(key?.value ?? '');
      if (!allowed.has(name)) {
        problems.push(
          problem(
            lineAt(lineStarts, property.offset),
            name,
            `Onbekend veld "${name}" voor ${kindNl(input.kind)}.`,
            `Unknown field "${name}" for ${kindEn(input.kind)}.`,
          ),
        );
        continue;
      }
      values[name as Field] = { value: jsonValue(value), line: lineAt(lineStarts, property.offset) };
    }
    rows.push({ line, values });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** Scalars keep their JSON type (so "12" as a string is refused where a number belongs). */
function jsonValue(node: Node | undefined): unknown {
  if (node === undefined) return undefined;
  if (node.type === 'object' || node.type === 'array') return { nested: true };
  return node.value;
}

function kindNl(kind: FigureKind) {
  return kind === 'police' ? 'politiecijfers' : 'inwonertallen';
}
function kindEn(kind: FigureKind) {
  return kind === 'police' ? 'police figures' : 'population';
}

function readText(v: unknown): string | undefined {
  return typeof v === 'string' ? v.trim() : undefined;
}

/** A count from a CSV cell (text) or a JSON number; null when the cell is empty or absent. */
function readCountValue(v: unknown, format: FigureFormat): number | null | undefined {
  if (v === undefined || v === null) return null;
  if (format === 'json')
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 2_147_483_647 ? v : undefined;
  const text = String(v).trim();
  return text === '' ? null : parseCount(text);
}

function validateRows(input: ParseFiguresInput, rows: RawRow[]): ParsedFigures {
  const byCode = new Map(input.municipalities.map((m) => [m.code.toUpperCase(), m]));
  const byName = new Map(input.municipalities.map((m) => [normaliseMunicipalityName(m.name), m]));
  const problems: FigureProblem[] = [];
  const police: PoliceFigure[] = [];
  const population: PopulationFigure[] = [];
  const firstLine = new Map<string, number>();

  for (const row of rows) {
    const rowStart = problems.length;
    const at = (field: Field) => row.values[field]?.line ?? row.line;
    const fail = (field: Field | null, nl: string, en: string) =>
      problems.push(problem(field ? at(field) : row.line, field, nl, en));

    // Municipality: CBS code or name, known to Kring and writable for this importer.
    const given = readText(row.values.municipality?.value);
    let code: string | undefined;
    if (given === undefined || given === '') {
      fail('municipality', 'Gemeente ontbreekt.', 'Municipality is missing.');
    } else {
      const found = CBS_CODE.test(given)
        ? byCode.get(given.toUpperCase())
        : byName.get(normaliseMunicipalityName(given));
      if (found === undefined && TOTAL_ROW.test(given))
        fail(
          'municipality',
          `"${given}" is een totaalregel: laat die weg, Kring telt de gemeenten zelf op.`,
          `"${given}" is a total row: leave it out, Kring adds the municipalities up itself.`,
        );
      else if (found === undefined)
        fail(
          'municipality',
          `Onbekende gemeente "${given}" (gebruik de CBS-code, bijvoorbeeld GM0479, of de naam).`,
          `Unknown municipality "${given}" (use the CBS code, e.g. GM0479, or the name).`,
        );
      else if (!found.writable)
        fail(
          'municipality',
          `${found.name} (${found.code}) hoort niet bij uw regio.`,
          `${found.name} (${found.code}) is not in your region.`,
        );
      else code = found.code;
    }

    // Year: a whole year, not before FIRST_FIGURE_YEAR and not in the future.
    const yearRaw = row.values.year?.value;
    const year =
      input.format === 'json'
        ? typeof yearRaw === 'number' && Number.isInteger(yearRaw)
          ? yearRaw
          : undefined
        : /^\d{4}$/.test(String(yearRaw ?? '').trim())
          ? Number(String(yearRaw).trim())
          : undefined;
    if (year === undefined)
      fail('year', 'Vul een jaartal in, bijvoorbeeld 2019.', 'Fill in a year, for example 2019.');
    else if (year < FIRST_FIGURE_YEAR || year > input.currentYear)
      fail(
        'year',
        `Het jaar moet tussen ${FIRST_FIGURE_YEAR} en ${input.currentYear} liggen.`,
        `The year must lie between ${FIRST_FIGURE_YEAR} and ${input.currentYear}.`,
      );

    // Values.
    const counts: [Field, number][] = [];
    const measures: Field[] = input.kind === 'police' ? [...POLICE_MEASURES] : ['inhabitants'];
    for (const field of measures) {
      const value = readCountValue(row.values[field]?.value, input.format);
      if (value === undefined)
        fail(
          field,
          'Vul een heel getal van 0 of meer in (zonder decimalen).',
          'Fill in a whole number of 0 or more (no decimals).',
        );
      else if (value === null) {
        if (input.kind === 'population')
          fail(field, 'Het aantal inwoners ontbreekt.', 'The number of inhabitants is missing.');
      } else if (field === 'inhabitants' && value === 0)
        fail(field, 'Een gemeente heeft meer dan 0 inwoners.', 'A municipality has more than 0 inhabitants.');
      else counts.push([field, value]);
    }
    const measureProblems = problems.slice(rowStart).some((p) => measures.includes(p.column as Field));
    if (input.kind === 'police' && counts.length === 0 && !measureProblems)
      fail(null, 'Deze regel bevat geen cijfers.', 'This row contains no figures.');

    if (code === undefined || year === undefined) continue;
    const key = `${code}:${year}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      fail(
        'municipality',
        `Dezelfde gemeente en hetzelfde jaar als regel ${earlier}.`,
        `The same municipality and year as line ${earlier}.`,
      );
      continue;
    }
    firstLine.set(key, row.line);
    for (const [field, value] of counts) {
      if (field === 'inhabitants')
        population.push({ municipalityCode: code, year, inhabitants: value, line: row.line });
      else
        police.push({ municipalityCode: code, year, measure: field as PoliceMeasure, value, line: row.line });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return input.kind === 'police'
    ? { ok: true, kind: 'police', figures: police }
    : { ok: true, kind: 'population', figures: population };
}

export interface YearValue {
  year: number;
  value: number;
}

export interface YearChange extends YearValue {
  /** The value of the year before, when that year is present. */
  previous: number | null;
  /**
   * Percentage change from the year before (+20 for 100 → 120); undefined when the year before is
   * missing or was 0 (growth from nothing has no percentage).
   */
  change: number | undefined;
}

/** Year-on-year changes of one series (one municipality and measure, or a total), oldest first. */
export function computeYearOnYearChanges(series: readonly YearValue[]): YearChange[] {
  const byYear = new Map<number, number>();
  for (const p of series) {
    if (byYear.has(p.year)) throw new RangeError(`year ${p.year} occurs twice in one series`);
    byYear.set(p.year, p.value);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, value]) => {
      const previous = byYear.get(year - 1);
      return {
        year,
        value,
        previous: previous ?? null,
        change: previous === undefined ? undefined : computePercentageChange(previous, value),
      };
    });
}

export interface YearTotal extends YearValue {
  /** How many municipalities the total adds up. */
  municipalities: number;
}

/**
 * Totals per year over municipalities. Years are only comparable when the same municipalities
 * report in both: `comparableYears` keeps the years in which every municipality of the series
 * reports, so a change is never caused by a municipality that is missing in one year.
 */
export function sumByYear(figures: readonly { municipalityCode: string; year: number; value: number }[]): {
  totals: YearTotal[];
  comparableYears: number[];
} {
  const totals = new Map<number, { value: number; codes: Set<string> }>();
  const all = new Set<string>();
  for (const f of figures) {
    all.add(f.municipalityCode);
    const t = totals.get(f.year) ?? { value: 0, codes: new Set<string>() };
    t.value += f.value;
    t.codes.add(f.municipalityCode);
    totals.set(f.year, t);
  }
  const list = [...totals.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, t]) => ({ year, value: t.value, municipalities: t.codes.size }));
  return {
    totals: list,
    comparableYears: list.filter((t) => t.municipalities === all.size).map((t) => t.year),
  };
}

import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { describeIssue } from '../../validation/issue-message.ts';
import { type ReportInput, reportInput } from './schemas.ts';

/**
 * Police reports arrive in batches (CSV or JSON). Parsing and validation are pure: every row is
 * checked and every problem is reported with its line (CSV) or index (JSON) and field.
 *
 * CSV: one row per person; rows with the same report_ref form one report. Columns:
 *   report_ref, municipality_code, acute (ja/nee), violence_kinds (codes separated by ; or |),
 *   description, person_name, person_date_of_birth, person_bsn (optional), person_role
 * JSON: an array of report objects as POST /api/reports takes them, each with an externalRef.
 */
export const CSV_COLUMNS = [
  'report_ref',
  'municipality_code',
  'acute',
  'violence_kinds',
  'description',
  'person_name',
  'person_date_of_birth',
  'person_bsn',
  'person_role',
] as const;

export interface BatchProblem {
  /** "regel 4, person_bsn" / "line 4, person_bsn" for CSV; "[2].persons.0.bsn" for JSON. */
  location: string;
  message: { nl: string; en: string };
}

export interface BatchItem {
  externalRef: string;
  /** CSV lines (1-based, header is line 1) or the JSON index. */
  lines: number[];
}

export interface ParsedBatch {
  valid: (BatchItem & { input: ReportInput })[];
  rejected: (BatchItem & { problems: BatchProblem[] })[];
  /** Problems with the file as a whole (syntax, header): nothing can be imported. */
  fileProblems: BatchProblem[];
}

const problem = (location: string, nl: string, en: string): BatchProblem => ({
  location,
  message: { nl, en },
});

const jsonItem = reportInput.extend({ externalRef: z.string().trim().min(1).max(100) });

export function parsePoliceBatch(format: 'csv' | 'json', content: string): ParsedBatch {
  return format === 'csv' ? parseCsvBatch(content) : parseJsonBatch(content);
}

function parseJsonBatch(content: string): ParsedBatch {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return {
      valid: [],
      rejected: [],
      fileProblems: [problem('(file)', 'Het bestand is geen geldige JSON.', 'The file is not valid JSON.')],
    };
  }
  if (!Array.isArray(raw)) {
    return {
      valid: [],
      rejected: [],
      fileProblems: [
        problem('(file)', 'Verwacht een lijst (array) van meldingen.', 'Expected an array of reports.'),
      ],
    };
  }
  const result: ParsedBatch = { valid: [], rejected: [], fileProblems: [] };
  raw.forEach((item, index) => {
    const parsed = jsonItem.safeParse(item);
    const externalRef =
      typeof item === 'object' && item !== null && 'externalRef' in item
        ? String(item.externalRef)
        : `#${index}`;
    if (parsed.success) {
      const { externalRef: ref, ...input } = parsed.data;
      result.valid.push({ externalRef: ref, lines: [index], input });
    } else {
      result.rejected.push({
        externalRef,
        lines: [index],
        problems: parsed.error.issues.map((i) => ({
          location: `[${index}].${i.path.join('.')}`,
          message: describeIssue(i),
        })),
      });
    }
  });
  return result;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1']);
const NO = new Set(['nee', 'n', 'no', 'false', '0']);

function parseCsvBatch(content: string): ParsedBatch {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // Dutch spreadsheets often save with ';'; the header line tells which separator the file uses.
    const headerLine = content.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = headerLine.includes(',') ? ',' : ';';
    records = parseCsv(content, {
      columns: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      delimiter,
    });
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 0;
    return {
      valid: [],
      rejected: [],
      fileProblems: [
        problem(
          line ? `regel ${line}` : '(file)',
          'Het CSV-bestand kan niet worden gelezen.',
          'The CSV file cannot be read.',
        ),
      ],
    };
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = CSV_COLUMNS.filter((c) => c !== 'person_bsn' && !header.includes(c));
  if (records.length === 0 || missing.length > 0) {
    return {
      valid: [],
      rejected: [],
      fileProblems: [
        problem(
          'regel 1',
          `Ontbrekende kolommen: ${missing.join(', ') || 'alle'}.`,
          `Missing columns: ${missing.join(', ') || 'all'}.`,
        ),
      ],
    };
  }
  const groups = new Map<string, { record: Record<string, string>; line: number }[]>();
  for (const { record, info } of records) {
    const ref = record.report_ref ?? '';
    const group = groups.get(ref) ?? [];
    group.push({ record, line: info.lines });
    groups.set(ref, group);
  }
  const result: ParsedBatch = { valid: [], rejected: [], fileProblems: [] };
  for (const [ref, rows] of groups) {
    const lines = rows.map((r) => r.line);
    const problems: BatchProblem[] = [];
    const first = rows[0]?.record ?? {};
    if (!ref)
      problems.push(
        problem(`regel ${lines[0]}, report_ref`, 'report_ref ontbreekt.', 'report_ref is missing.'),
      );
    for (const { record, line } of rows.slice(1)) {
      for (const column of ['municipality_code', 'acute', 'violence_kinds', 'description'] as const) {
        if ((record[column] ?? '') !== (first[column] ?? '')) {
          problems.push(
            problem(
              `regel ${line}, ${column}`,
              `Wijkt af van de eerste regel van melding ${ref}.`,
              `Differs from the first line of report ${ref}.`,
            ),
          );
        }
      }
    }
    const acuteText = (first.acute ?? '').toLowerCase();
    const acute = YES.has(acuteText) ? true : NO.has(acuteText) ? false : undefined;
    if (acute === undefined)
      problems.push(problem(`regel ${lines[0]}, acute`, 'Vul ja of nee in.', 'Fill in yes or no.'));
    const input = {
      municipalityCode: first.municipality_code ?? '',
      acute: acute ?? false,
      violenceKinds: (first.violence_kinds ?? '')
        .split(/[;|]/)
        .map((k) => k.trim())
        .filter(Boolean),
      description: first.description ?? '',
      persons: rows.map(({ record }) => ({
        fullName: record.person_name ?? '',
        dateOfBirth: record.person_date_of_birth ?? '',
        ...(record.person_bsn ? { bsn: record.person_bsn } : {}),
        role: record.person_role ?? '',
      })),
      notes: [],
    };
    const parsed = reportInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ location: csvLocation(issue.path, lines), message: describeIssue(issue) });
    }
    if (problems.length > 0 || !parsed.success) result.rejected.push({ externalRef: ref, lines, problems });
    else result.valid.push({ externalRef: ref, lines, input: parsed.data });
  }
  return result;
}

const CSV_FIELD: Record<string, string> = {
  municipalityCode: 'municipality_code',
  violenceKinds: 'violence_kinds',
  description: 'description',
  acute: 'acute',
  fullName: 'person_name',
  dateOfBirth: 'person_date_of_birth',
  bsn: 'person_bsn',
  role: 'person_role',
};

/** Maps a schema path back to the CSV line and column the value came from. */
function csvLocation(path: readonly PropertyKey[], lines: number[]): string {
  if (path[0] === 'persons' && typeof path[1] === 'number') {
    return `regel ${lines[path[1]] ?? lines[0]}, ${CSV_FIELD[String(path[2])] ?? String(path[2] ?? 'person')}`;
  }
  return `regel ${lines[0]}, ${CSV_FIELD[String(path[0])] ?? String(path[0] ?? '')}`;
}

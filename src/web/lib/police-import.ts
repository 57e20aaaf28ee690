import type { ImportFormat } from '../api/codes.ts';

/** The server takes at most 3,500,000 characters; a file of at most this many bytes never has more. */
export const MAX_IMPORT_BYTES = 3_500_000;

/** The columns of a police CSV file, in the order the server documents them (person_bsn is optional). */
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
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The format a file's name (or else its type) suggests; null when neither tells. */
export function formatOfFile(file: { name: string; type: string }): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  if (file.type === 'application/json') return 'json';
  if (file.type === 'text/csv') return 'csv';
  return null;
}

/**
 * The server names places in the file in Dutch ("regel 4, person_bsn", "(file)"); this puts the
 * line number into the UI language and leaves the rest (column names, JSON paths, references) as is.
 */
export function localiseLocation(
  location: string,
  texts: { line: (number: number) => string; file: string },
): string {
  if (location === '(file)') return texts.file;
  return location.replace(/^regel (\d+)/, (_, number: string) => texts.line(Number(number)));
}

/** CSV lines as the server counts them (header is line 1); JSON positions as "[0]", like the problem locations. */
export function linesText(lines: readonly number[], format: ImportFormat): string {
  return lines.map((line) => (format === 'json' ? `[${line}]` : String(line))).join(', ');
}

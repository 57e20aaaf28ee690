import { ApiError, type Language } from '../api/client.ts';
import type { SummaryItem } from '../components/error-summary.tsx';

/** The server says where input came from ("body.persons.0.bsn"); forms know fields as "persons.0.bsn". */
export function normaliseErrorPath(path: string): string {
  return path.replace(/^(body|querystring|params)(\.|$)/, '');
}

export interface ServerErrors {
  /** Localised message per field id. */
  fields: Record<string, string>;
  /** For the error summary: the general message and one line per field. */
  summary: SummaryItem[];
}

export interface FieldRef {
  id: string;
  label: string;
}

/**
 * Spreads an API error over a form: messages per field id and a summary whose
 * lines name the field and link to it (`field` returns null when the form has no such field).
 */
export function serverErrors(
  error: unknown,
  language: Language,
  field: (path: string) => FieldRef | null,
  texts: { fieldInvalid: string; unknownError: string },
): ServerErrors {
  if (!error) return { fields: {}, summary: [] };
  if (!(error instanceof ApiError))
    return { fields: {}, summary: [{ fieldId: null, message: texts.unknownError }] };
  const fields: Record<string, string> = {};
  const summary: SummaryItem[] = [{ fieldId: null, message: error.messageIn(language) }];
  for (const detail of error.details) {
    const path = normaliseErrorPath(detail.path);
    const message = detail.message[language] || texts.fieldInvalid;
    const ref = field(path);
    if (ref && fields[ref.id] === undefined) fields[ref.id] = message;
    summary.push({ fieldId: ref?.id ?? null, message: ref ? `${ref.label}: ${message}` : message });
  }
  return { fields, summary };
}

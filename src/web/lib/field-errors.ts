import { ApiError, type Language } from '../api/client.ts';
import type { SummaryItem } from '../components/error-summary.tsx';

/** "body.persons.0.bsn" and "persons.0.bsn" both mean the field persons.0.bsn. */
export function normaliseErrorPath(path: string): string {
  return path.replace(/^(body|querystring|params)(\.|$)/, '');
}

/**
 * Server messages for fields are either "Nederlands / English" or a validator's English text. The
 * first is split by language; the second is replaced by a general Dutch sentence in Dutch.
 */
export function localiseDetail(message: string, language: Language, fallbackNl: string): string {
  const parts = message.split(' / ');
  if (parts.length === 2 && parts[0] && parts[1]) return language === 'nl' ? parts[0] : parts[1];
  return language === 'nl' ? fallbackNl : message;
}

export interface ServerErrors {
  /** Localised message per normalised field path. */
  fields: Record<string, string>;
  /** For the error summary: the general message and one line per field. */
  summary: SummaryItem[];
}

export interface FieldRef {
  id: string;
  label: string;
}

/**
 * Spreads an API error over a form: messages per field (by normalised path) and a summary whose
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
    const message = localiseDetail(detail.message, language, texts.fieldInvalid);
    const ref = field(path);
    if (ref && fields[path] === undefined) fields[path] = message;
    summary.push({ fieldId: ref?.id ?? null, message: ref ? `${ref.label}: ${message}` : message });
  }
  return { fields, summary };
}

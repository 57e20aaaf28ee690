import { type core, z } from 'zod';
import { FIELD_MESSAGES, isFieldMessageKey } from '../errors/field-messages.ts';

const dutch = z.locales.nl().localeError;
const english = z.locales.en().localeError;

type LocaleError = typeof dutch;
type Issue = Parameters<LocaleError>[0];

function worded(locale: LocaleError, issue: Issue, fallback: string): string {
  const result = locale(issue);
  if (typeof result === 'string') return result;
  return result?.message ?? fallback;
}

/**
 * One schema problem in Dutch and English: our own keyed messages (src/errors/field-messages.ts),
 * or Zod's nl and en wording. Used by the HTTP error handler and by batch imports.
 */
export function describeIssue(issue: { code: core.$ZodIssue['code']; message: string }): {
  nl: string;
  en: string;
} {
  const text = issue.message ?? '';
  if (isFieldMessageKey(text)) return FIELD_MESSAGES[text];
  const raw = { ...issue, path: [], input: undefined } as unknown as Issue;
  return { nl: worded(dutch, raw, text), en: worded(english, raw, text) };
}

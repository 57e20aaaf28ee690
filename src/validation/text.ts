import { z } from 'zod';

// Control characters other than tab, line feed and carriage return have no place in what people
// type, and PostgreSQL text cannot hold NUL: refuse them at the boundary with a clear message.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text as people type it: trimmed, non-empty, bounded, no control characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !FORBIDDEN_CONTROL.test(s), {
      message: 'forbidden_characters',
    });
}

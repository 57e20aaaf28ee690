import { randomInt } from 'node:crypto';

// Crockford-style alphabet: no I, L, O or U, so a reference read out over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A reference people can quote ("M-2026-7QK2M9D"): a prefix per kind of record (M report, A advice
 * request, C case), the year, and seven random characters — random, so it reveals no count.
 */
export function newRecordReference(prefix: 'M' | 'A' | 'C', now: Date): string {
  let suffix = '';
  for (let i = 0; i < 7; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${now.getUTCFullYear()}-${suffix}`;
}

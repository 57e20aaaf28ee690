/** Spaces and dots people type in a BSN ("1234.56.782") are dropped before checking and sending. */
export function cleanBsn(input: string): string {
  return input.replace(/[\s.]/g, '');
}

/**
 * The elfproef as a hint while typing; the server checks again and is authoritative.
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), all zeros rejected.
 */
export function passesElfproef(input: string): boolean {
  const bsn = cleanBsn(input);
  if (!/^\d{8,9}$/.test(bsn)) return false;
  const digits = bsn.padStart(9, '0');
  if (digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * Burgerservicenummer (BSN) check. The elfproef (11-check) proves a number is possible, not that it
 * exists: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). All zeros passes the arithmetic and is
 * rejected explicitly (see docs/domain.md, reference §7).
 */
export function isValidBsn(input: string): boolean {
  if (!/^\d{8,9}$/.test(input)) return false;
  const digits = input.padStart(9, '0');
  if (digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Normalises a BSN to its 9-digit form; call only after isValidBsn. */
export function normaliseBsn(input: string): string {
  return input.padStart(9, '0');
}

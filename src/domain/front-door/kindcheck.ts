/**
 * Kindcheck: in step 1 of the meldcode a professional whose client is an adult checks whether the
 * client cares for minors, or is expecting a child, and whether those children are safe (Besluit
 * verplichte meldcode art. 2; reference §3). This rule decides when the prompt is shown; the
 * check itself is the professional's.
 *
 * Unknown facts prompt: a needless prompt costs one click, a missed one may leave a child unseen.
 */

export const AGE_OF_MAJORITY = 18;

export interface KindcheckChild {
  /** ISO date; null when the professional does not know it. */
  birthDate: string | null;
}

export interface KindcheckInput {
  /** ISO date of birth of the client; null when unknown. */
  clientBirthDate: string | null;
  /** Children the client cares for (own, step or foster children, also when living elsewhere). */
  childrenInCare: readonly KindcheckChild[];
  expectingChild: boolean;
}

export type KindcheckReason = 'cares_for_minor' | 'child_age_unknown' | 'expecting_child';

export type KindcheckResult =
  | { required: true; reasons: readonly KindcheckReason[] }
  | { required: false; why: 'client_is_minor' | 'no_minor_in_care' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`invalid date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    throw new RangeError(`invalid date: ${iso}`);
  return [y, mo, d];
}

/**
 * Age in whole years on a date. Someone born on 29 February has their birthday on 1 March in a
 * common year (the 28th is still before it): for a child this keeps them a minor for the longer
 * reading, which is the safe side for this rule.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parseIsoDate(birthDate);
  const [y, m, d] = parseIsoDate(onDate);
  if (onDate < birthDate) throw new RangeError(`born after ${onDate}: ${birthDate}`);
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

export function isMinorOn(birthDate: string, onDate: string): boolean {
  return ageOn(birthDate, onDate) < AGE_OF_MAJORITY;
}

/** Whether the kindcheck prompt applies on `onDate` (ISO date, Europe/Amsterdam calendar day). */
export function assessKindcheck(input: KindcheckInput, onDate: string): KindcheckResult {
  parseIsoDate(onDate);
  // The kindcheck concerns adult clients; for a minor client the meldcode is about the client.
  if (input.clientBirthDate !== null && isMinorOn(input.clientBirthDate, onDate))
    return { required: false, why: 'client_is_minor' };
  const reasons: KindcheckReason[] = [];
  if (input.childrenInCare.some((c) => c.birthDate !== null && isMinorOn(c.birthDate, onDate)))
    reasons.push('cares_for_minor');
  if (input.childrenInCare.some((c) => c.birthDate === null)) reasons.push('child_age_unknown');
  if (input.expectingChild) reasons.push('expecting_child');
  return reasons.length > 0 ? { required: true, reasons } : { required: false, why: 'no_minor_in_care' };
}

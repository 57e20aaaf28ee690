/**
 * One case per household at a time (issue 3 §1; approach.md "1 gezin, 1 plan, 1 regisseur"): a new
 * report about somebody who is already a member of an open case joins that case. Deliberately
 * stricter than the radar's tolerant matching: attaching a report to the wrong household would
 * show one family's information to another family's team, so only certain matches count.
 */
export interface HouseholdPerson {
  /** Keyed hash of the BSN; null without a BSN. */
  bsnHash: string | null;
  fullName: string;
  /** ISO date (yyyy-mm-dd). */
  dateOfBirth: string;
}

/** Lower case, no diacritics, single spaces: "  José  de Vries" and "jose de vries" are the same. */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();
}

/**
 * The same person: when both have a BSN the hash decides (two different BSNs are two people, even
 * with the same name and birthday); otherwise the same normalised full name and date of birth.
 */
export function isSameHouseholdMember(a: HouseholdPerson, b: HouseholdPerson): boolean {
  if (a.bsnHash !== null && b.bsnHash !== null) return a.bsnHash === b.bsnHash;
  const name = normaliseName(a.fullName);
  return name !== '' && name === normaliseName(b.fullName) && a.dateOfBirth === b.dateOfBirth;
}

/**
 * Radar matching of persons (reference §1 radarfunctie; issue 4). With a BSN on both sides the
 * keyed hash decides: equal is the same person, different is never the same person. Without, a
 * tolerant score over the identifying data the Wmo prescribes when there is no BSN (art. 5.2.9
 * lid 5: surname, first names, date of birth, postcode and house number).
 *
 * The score is a weighted sum of per-field similarities in [0, 1]; an unknown field adds nothing,
 * so missing data can lower a score but never raise it. Two hard rules override the score: a
 * different BSN and a different date of birth (beyond a day–month swap) mean a different person.
 */

export interface PersonIdentity {
  /** Keyed hash (HMAC) of the BSN, computed elsewhere; null without a BSN. */
  bsnHash: string | null;
  /** Surname, possibly with its tussenvoegsel ("van der Berg", "Berg, van der"). */
  surname: string | null;
  /** Tussenvoegsel when stored apart ("van der"). */
  surnamePrefix?: string | null;
  /** First names or initials ("Jan Pieter", "J.P."). */
  firstNames: string | null;
  /** ISO date. */
  dateOfBirth: string | null;
  postcode: string | null;
  /** House number with any addition ("12", "12a", "12-2", "12 hs"). */
  houseNumber: string | null;
}

export interface MatchOptions {
  /** At or above: the same person. */
  matchThreshold: number;
  /** At or above (and below matchThreshold): shown to staff as a possible match. */
  possibleThreshold: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { matchThreshold: 0.85, possibleThreshold: 0.7 };

/** Name and date of birth dominate; an address changes when people move (or flee). */
export const MATCH_WEIGHTS = { surname: 0.3, firstNames: 0.25, dateOfBirth: 0.3, address: 0.15 } as const;

export type MatchClass = 'match' | 'possible' | 'no_match';

export interface PersonMatch {
  score: number;
  classification: MatchClass;
  basis: 'bsn' | 'attributes';
  conflict?: 'bsn' | 'date_of_birth';
  fields: {
    surname: number | null;
    firstNames: number | null;
    dateOfBirth: number | null;
    address: number | null;
  };
}

const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i' };

/** Lower case, no diacritics, "ij" as "y" (Dijkstra/Dykstra), other characters as word breaks. */
function stripDiacritics(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøæœłđı]/g, (c) => EXTRA_FOLDS[c] ?? c);
}

export function foldText(input: string): string {
  return stripDiacritics(input)
    .replace(/ij/g, 'y')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Dutch and common European tussenvoegsels, including abbreviations ("v.d.", "'t", "'s"), in
 * folded form ("bij" is "by").
 */
const SURNAME_PREFIXES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  't',
  's',
  'te',
  'ter',
  'ten',
  'in',
  'op',
  'aan',
  'by',
  'uit',
  'onder',
  'over',
  'vd',
  'v',
  'd',
  'l',
  'la',
  'le',
  'les',
  'du',
  'des',
  'da',
  'das',
  'di',
  'do',
  'dos',
  'del',
  'della',
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
]);

function tokens(input: string | null | undefined): string[] {
  if (!input) return [];
  const folded = foldText(input);
  return folded === '' ? [] : folded.split(' ');
}

/** The surname without its tussenvoegsels, as tokens; all tokens when the name is only prefixes. */
export function surnameCore(surname: string | null, prefix?: string | null): string[] {
  const all = [...tokens(prefix), ...tokens(surname)];
  const core = all.filter((t) => !SURNAME_PREFIXES.has(t));
  return core.length > 0 ? core : all;
}

export function normalisePostcode(input: string | null): string | null {
  if (input === null) return null;
  const p = stripDiacritics(input)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toUpperCase();
  return p === '' ? null : p;
}

export function normaliseHouseNumber(input: string | null): { number: string; addition: string } | null {
  if (input === null) return null;
  const folded = foldText(input);
  if (folded === '') return null;
  // The separator matters: "12-2" is number 12, addition 2; "122" is number 122.
  const m = /^(\d+)(.*)$/.exec(folded);
  if (!m) return { number: folded.replace(/ /g, ''), addition: '' };
  return { number: String(Number(m[1])), addition: (m[2] ?? '').replace(/ /g, '') };
}

function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit: boolean[] = new Array(a.length).fill(false);
  const bHit: boolean[] = new Array(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = true;
      bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  return (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro–Winkler, with its arguments in a fixed order so that it is symmetric by construction. */
export function jaroWinkler(x: string, y: string): number {
  const [a, b] = x <= y ? [x, y] : [y, x];
  const j = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && a[prefix] === b[prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

function compareSurnames(a: PersonIdentity, b: PersonIdentity): number | null {
  const x = surnameCore(a.surname, a.surnamePrefix);
  const y = surnameCore(b.surname, b.surnamePrefix);
  if (x.length === 0 || y.length === 0) return null;
  if (x.join(' ') === y.join(' ')) return 1;
  // Double or married names: "Jansen-de Vries" against "de Vries".
  if (x.every((t) => y.includes(t)) || y.every((t) => x.includes(t))) return 0.9;
  const jw = jaroWinkler(x.join(''), y.join(''));
  return jw >= 0.88 ? jw * 0.9 : 0;
}

function compareFirstNames(a: PersonIdentity, b: PersonIdentity): number | null {
  const x = tokens(a.firstNames);
  const y = tokens(b.firstNames);
  if (x.length === 0 || y.length === 0) return null;
  if (x.join(' ') === y.join(' ')) return 1;
  let compatible = true;
  let initials = false;
  let identical = true;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] ?? '';
    const q = y[i] ?? '';
    if (p.length === 1 || q.length === 1) {
      initials = true;
      if (p[0] !== q[0]) compatible = false;
    } else if (p !== q) {
      identical = false;
      if (jaroWinkler(p, q) < 0.9) compatible = false;
    }
  }
  if (compatible) return initials ? 0.8 : identical ? 0.95 : 0.9;
  // A roepnaam (name in daily use) that is a later official first name: "Pieter" for "Jan Pieter".
  const full = x.filter((t) => t.length > 1);
  if (full.some((t) => y.includes(t))) return 0.7;
  return 0;
}

type DateParts = [number, number, number];

function parseDate(iso: string | null): DateParts | null {
  if (iso === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const parts: DateParts = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  // An impossible date is treated as unknown rather than as evidence either way.
  if (check.getUTCMonth() !== parts[1] - 1 || check.getUTCDate() !== parts[2]) return null;
  return parts;
}

/** 1 when equal, 0.7 for a day–month swap in the same year, 'conflict' otherwise; null when unknown. */
function compareBirthDates(a: PersonIdentity, b: PersonIdentity): number | 'conflict' | null {
  const x = parseDate(a.dateOfBirth);
  const y = parseDate(b.dateOfBirth);
  if (x === null || y === null) return null;
  if (x[0] === y[0] && x[1] === y[1] && x[2] === y[2]) return 1;
  if (x[0] === y[0] && x[1] === y[2] && x[2] === y[1]) return 0.7;
  return 'conflict';
}

function compareAddresses(a: PersonIdentity, b: PersonIdentity): number | null {
  const pa = normalisePostcode(a.postcode);
  const pb = normalisePostcode(b.postcode);
  if (pa === null || pb === null) return null;
  if (pa !== pb) return 0;
  const ha = normaliseHouseNumber(a.houseNumber);
  const hb = normaliseHouseNumber(b.houseNumber);
  if (ha === null || hb === null || ha.number !== hb.number) return 0.2;
  if (ha.addition === hb.addition) return 1;
  if (ha.addition === '' || hb.addition === '') return 0.8;
  return 0.4;
}

function classify(score: number, options: MatchOptions): MatchClass {
  if (score >= options.matchThreshold) return 'match';
  return score >= options.possibleThreshold ? 'possible' : 'no_match';
}

export function matchPersons(
  a: PersonIdentity,
  b: PersonIdentity,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): PersonMatch {
  const { matchThreshold, possibleThreshold } = options;
  if (!(possibleThreshold > 0 && possibleThreshold <= matchThreshold && matchThreshold <= 1))
    throw new RangeError('thresholds must satisfy 0 < possible <= match <= 1');
  if (a.bsnHash !== null && b.bsnHash !== null) {
    const noFields = { surname: null, firstNames: null, dateOfBirth: null, address: null };
    return a.bsnHash === b.bsnHash
      ? { score: 1, classification: 'match', basis: 'bsn', fields: noFields }
      : { score: 0, classification: 'no_match', basis: 'bsn', conflict: 'bsn', fields: noFields };
  }
  const dob = compareBirthDates(a, b);
  const fields = {
    surname: compareSurnames(a, b),
    firstNames: compareFirstNames(a, b),
    dateOfBirth: dob === 'conflict' ? 0 : dob,
    address: compareAddresses(a, b),
  };
  if (dob === 'conflict')
    return { score: 0, classification: 'no_match', basis: 'attributes', conflict: 'date_of_birth', fields };
  const raw =
    MATCH_WEIGHTS.surname * (fields.surname ?? 0) +
    MATCH_WEIGHTS.firstNames * (fields.firstNames ?? 0) +
    MATCH_WEIGHTS.dateOfBirth * (fields.dateOfBirth ?? 0) +
    MATCH_WEIGHTS.address * (fields.address ?? 0);
  // Rounded so that 0.3 + 0.25 + 0.3 is 0.85 and not 0.8500000000000001.
  const score = Math.round(raw * 10_000) / 10_000;
  return { score, classification: classify(score, options), basis: 'attributes', fields };
}

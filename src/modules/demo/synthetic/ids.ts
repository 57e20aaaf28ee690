/**
 * Identifiers of synthetic rows, made from counters rather than drawn at random, so the same seed
 * gives the same ids (and rows can point at each other before anything is written). They are valid
 * version-4 shaped UUIDs whose first group starts with "5e" ("synthetic"), and references carry the
 * prefix SYN-, so synthetic records are recognisable everywhere.
 */
export const SYNTHETIC_REFERENCE_PREFIX = 'SYN-';
export const SYNTHETIC_USERNAME_PREFIX = 'syn.';

export const ID_KINDS = {
  user: 1,
  membership: 2,
  report: 3,
  reportPerson: 4,
  advice: 5,
  householdCase: 6,
  caseMember: 7,
  teamMember: 8,
  phaseChange: 9,
  assessment: 10,
  action: 11,
  note: 12,
  planVersion: 13,
  actionStatus: 14,
  closure: 15,
  measure: 16,
  measureExtension: 17,
  handover: 18,
  handoverEvent: 19,
  support: 20,
} as const;
export type IdKind = keyof typeof ID_KINDS;

/** Counters per kind of row, for one region (regionIndex 0–255). */
export class IdSource {
  readonly #counters = new Map<IdKind, number>();
  constructor(readonly regionIndex: number) {}

  next(kind: IdKind): string {
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    return syntheticUuid(ID_KINDS[kind], this.regionIndex, n);
  }

  /** A number unique per kind within the region, for references. */
  serial(kind: IdKind): number {
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    return n;
  }
}

export function syntheticUuid(kind: number, regionIndex: number, serial: number): string {
  const head = (0x5e000000 + kind * 0x10000 + regionIndex).toString(16).padStart(8, '0');
  return `${head}-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

/** "SYN-M-2021-07-000123": kind letter as in record-reference.ts (M report, A advice, C case), year, region, serial. */
export function syntheticReference(
  letter: 'M' | 'A' | 'C',
  year: number,
  regionIndex: number,
  serial: number,
) {
  return `${SYNTHETIC_REFERENCE_PREFIX}${letter}-${year}-${String(regionIndex).padStart(2, '0')}-${String(serial).padStart(6, '0')}`;
}

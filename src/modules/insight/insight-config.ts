/**
 * Disclosure settings per region (issue 5 §2). Region files do not carry them yet; until they do,
 * every region uses these defaults. CBS rounds Veilig Thuis figures to fives; we suppress counts
 * below 5 and leave rounding off by default so that regional tables still add up.
 */
export interface RegionDisclosureSettings {
  /** Counts below this are suppressed (primary suppression). */
  threshold: number;
  /** Whether zero counts are suppressed too. */
  suppressZeros: boolean;
  /** Round published counts to a multiple of this; null for none. */
  roundingBase: number | null;
  /** A rate per 100,000 needs at least this many inhabitants (per year of the period). */
  rateMinPopulation: number;
}

export const DEFAULT_REGION_DISCLOSURE: RegionDisclosureSettings = {
  threshold: 5,
  suppressZeros: false,
  roundingBase: null,
  rateMinPopulation: 1_000,
};

const REGION_DISCLOSURE: Readonly<Record<string, Partial<RegionDisclosureSettings>>> = {};

export function disclosureSettingsFor(regionCode: string): RegionDisclosureSettings {
  return { ...DEFAULT_REGION_DISCLOSURE, ...REGION_DISCLOSURE[regionCode] };
}

import type { RegionAgreements } from '../../domain/region-agreements.ts';

/**
 * Disclosure settings of a region (issue 5 §2). The threshold and rounding are the region's working
 * agreements (region file `agreements.disclosure`, default 5 and no rounding: CBS rounds Veilig
 * Thuis figures to fives, but unrounded regional tables still add up); the rest is Kring's rule.
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

export function disclosureSettingsFrom(agreed: RegionAgreements['disclosure']): RegionDisclosureSettings {
  return {
    threshold: agreed.threshold,
    roundingBase: agreed.roundingBase,
    suppressZeros: false,
    rateMinPopulation: 1_000,
  };
}

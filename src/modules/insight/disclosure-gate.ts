import {
  type CountTable,
  type DisclosureOptions,
  type ProtectedTable,
  type PublishedCell,
  type PublishedRate,
  protectTable,
  publishRate,
} from '../../domain/insight/disclosure.ts';
import { type PublishedShare, publishShare, selectView } from '../../domain/insight/table-view.ts';
import type { RegionDisclosureSettings } from './insight-config.ts';

/**
 * The one place every published figure passes (issue 5 §2): the dashboard, the API and the report
 * files all take their numbers from here, never from the raw counts.
 *
 * - counts: protected once per canonical table (all municipalities of the region × the quarters of
 *   one year, or a region-wide breakdown × quarters) with primary and secondary suppression and
 *   the region's rounding; readers' filters only select from those (see table-view.ts);
 * - shares: only from two published counts (events and their complement);
 * - rates: only from a published count over a known, large enough population;
 * - medians and means: only over at least `threshold` items.
 */
export interface DisclosureGate {
  settings: RegionDisclosureSettings;
  protect(table: CountTable): ProtectedTable;
  view(parts: readonly ProtectedTable[], rows: readonly string[], columns: readonly string[]): ProtectedTable;
  share(yes: PublishedCell, no: PublishedCell): PublishedShare;
  rate(count: PublishedCell, population: number | null, years: number): GatedRate;
  statistic(n: number, value: number | undefined): number | null;
}

export type GatedRate = PublishedRate | { suppressed: true; reason: 'no_population' };

/** Protected tables kept, most recently used last; a few MB at most. */
const PROTECTED_CACHE_SIZE = 4_096;
const protectedCache = new Map<string, ProtectedTable>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * protectTable is pure and the costly step of a read (secondary suppression with its audit, per
 * table of a year: a 10-year dashboard protects a few hundred tables). The same table with the same
 * settings always gives the same protection, so results are kept by their exact input — counts
 * included, so a changed count is a new key and never a stale answer — and frozen, as every reader
 * shares them.
 */
function protectOnce(table: CountTable, options: DisclosureOptions): ProtectedTable {
  const key = JSON.stringify([
    options.threshold,
    options.suppressZeros,
    options.roundingBase,
    table.rowKeys,
    table.columnKeys,
    table.cells,
  ]);
  const hit = protectedCache.get(key);
  if (hit) {
    protectedCache.delete(key);
    protectedCache.set(key, hit);
    return hit;
  }
  const protectedTable = deepFreeze(protectTable(table, options));
  protectedCache.set(key, protectedTable);
  if (protectedCache.size > PROTECTED_CACHE_SIZE) {
    const oldest = protectedCache.keys().next().value;
    if (oldest !== undefined) protectedCache.delete(oldest);
  }
  return protectedTable;
}

export function createDisclosureGate(settings: RegionDisclosureSettings): DisclosureGate {
  return {
    settings,
    protect: (table) =>
      protectOnce(table, {
        threshold: settings.threshold,
        suppressZeros: settings.suppressZeros,
        roundingBase: settings.roundingBase,
      }),
    view: selectView,
    share: (yes, no) => publishShare(yes, no, settings.threshold),
    rate(count, population, years) {
      if (population === null || !(years > 0)) return { suppressed: true, reason: 'no_population' };
      // Per year: the denominator is person-years, so a half-year period is not compared with a year.
      return publishRate(count, population * years, {
        minDenominator: settings.rateMinPopulation * years,
        per: 100_000,
        decimals: 1,
      });
    },
    statistic: (n, value) => (value === undefined || n < settings.threshold ? null : value),
  };
}

import type { Generated } from 'kysely';

/** Tables of regional insight (src/db/migrations/0015-insight.ts); merged into DB in schema.ts. */
export interface InsightReferenceFigureTable {
  id: Generated<string>;
  region_id: number;
  /** Indicator code of the catalogue (src/domain/insight/catalogue.ts). */
  indicator: string;
  year: number;
  value: number;
  source: string;
  /** date: read back as an ISO string "YYYY-MM-DD". */
  source_date: string;
  entered_by_user_id: string;
  entered_at: Date;
}

/** The unprotected counts of one region and quarter (0018-insight-indexes.ts), see store.ts. */
export interface InsightQuarterSummaryTable {
  region_id: number;
  quarter: string;
  version: number;
  /** A QuarterSummary (src/domain/insight/quarter-summary.ts) as JSON. */
  counts: unknown;
  computed_at: Date;
}

/** A note that a region's quarter (or '*': all its quarters) changed since its summary. */
export interface InsightStaleQuarterTable {
  region_id: number;
  quarter: string;
}

export interface InsightTables {
  insight_reference_figure: InsightReferenceFigureTable;
  insight_quarter_summary: InsightQuarterSummaryTable;
  insight_stale_quarter: InsightStaleQuarterTable;
}

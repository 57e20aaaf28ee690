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

export interface InsightTables {
  insight_reference_figure: InsightReferenceFigureTable;
}

import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OutsideFigureTable {
  id: Generated<string>;
  /** Who published the figure; 'police' for now. */
  source: string;
  /** incidents_domestic_violence | crimes_domestic_violence (src/domain/insight/outside-figures.ts). */
  measure: string;
  municipality_code: string;
  year: number;
  value: number;
  /** The publication, as the importer names it. */
  source_text: string;
  /** ISO date the source was published. */
  source_date: string;
  /** null when imported with the kring CLI. */
  imported_by_user_id: string | null;
  imported_at: Timestamp;
}

/**
 * Columns 0016 adds to municipality_population (declared in schema.ts); the DB type intersects
 * the two declarations. Null for inhabitants that came with a region file.
 */
export interface MunicipalityPopulationImportColumns {
  source_date: string | null;
  imported_by_user_id: string | null;
  imported_at: Timestamp | null;
}

export interface InsightReportRunTable {
  id: Generated<string>;
  kind: 'baseline' | 'quarterly' | 'yearly';
  period_from: string;
  period_to: string;
  municipality_code: string | null;
  language: 'nl' | 'en';
  format: 'pdf' | 'xlsx' | 'csv';
  region_id: number;
  requested_by_user_id: string;
  requested_by_organisation_id: string;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  file_name: string | null;
  file_bytes: ColumnType<Uint8Array | null, Uint8Array | null, Uint8Array | null>;
  /** Why a failed run failed, as { nl, en }; never internals. */
  failure: ColumnType<{ nl: string; en: string } | null, string | null, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** Tables of this part of Kring, one interface per table; merged into DB in schema.ts. */
export interface OutsideFigureTables {
  outside_figure: OutsideFigureTable;
  municipality_population: MunicipalityPopulationImportColumns;
  insight_report_run: InsightReportRunTable;
}

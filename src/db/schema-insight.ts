/** Tables of this part of Kring, one interface per table; merged into DB in schema.ts. */
export type InsightTables = Record<never, never>;

import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PoliceFigure, PopulationFigure } from '../../domain/insight/outside-figures.ts';

/** Queries of outside figures (issue 5 §5). */

type Reader = Kysely<DB> | Transaction<DB>;

export interface ImportProvenance {
  sourceText: string;
  sourceDate: string;
  importedByUserId: string | null;
  importedAt: Date;
}

/** Every municipality Kring knows, with whether it lies in the given region (null: any region). */
export async function listKnownMunicipalities(db: Reader, regionId: number | null) {
  const rows = await db
    .selectFrom('municipality')
    .select(['cbs_code', 'name'])
    .select((eb) =>
      regionId === null
        ? sql<boolean>`true`.as('in_region')
        : eb
            .exists(
              eb
                .selectFrom('region_municipality')
                .select('cbs_code')
                .whereRef('region_municipality.cbs_code', '=', 'municipality.cbs_code')
                .where('region_municipality.region_id', '=', regionId),
            )
            .as('in_region'),
    )
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ code: r.cbs_code, name: r.name, inRegion: r.in_region === true }));
}

export async function listRegionMunicipalityCodes(db: Reader, regionId: number) {
  const rows = await db
    .selectFrom('region_municipality')
    .innerJoin('municipality', 'municipality.cbs_code', 'region_municipality.cbs_code')
    .select(['municipality.cbs_code', 'municipality.name'])
    .where('region_municipality.region_id', '=', regionId)
    .orderBy('municipality.name')
    .execute();
  return rows.map((r) => ({ code: r.cbs_code, name: r.name }));
}

// 7 parameters a row; PostgreSQL takes at most 65,535 parameters in one statement.
const CHUNK = 1_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Writes police figures; a figure for the same measure, municipality and year replaces the old one. */
export async function upsertPoliceFigures(
  trx: Transaction<DB>,
  figures: readonly PoliceFigure[],
  provenance: ImportProvenance,
): Promise<{ replaced: number }> {
  const codes = [...new Set(figures.map((f) => f.municipalityCode))];
  const existing = await trx
    .selectFrom('outside_figure')
    .select(['measure', 'municipality_code', 'year'])
    .where('source', '=', 'police')
    .where('municipality_code', 'in', codes)
    .execute();
  const before = new Set(existing.map((e) => `${e.measure}:${e.municipality_code}:${e.year}`));
  for (const chunk of chunks(figures)) {
    await trx
      .insertInto('outside_figure')
      .values(
        chunk.map((f) => ({
          source: 'police',
          measure: f.measure,
          municipality_code: f.municipalityCode,
          year: f.year,
          value: f.value,
          source_text: provenance.sourceText,
          source_date: provenance.sourceDate,
          imported_by_user_id: provenance.importedByUserId,
          imported_at: provenance.importedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['source', 'measure', 'municipality_code', 'year']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source_text: eb.ref('excluded.source_text'),
          source_date: eb.ref('excluded.source_date'),
          imported_by_user_id: eb.ref('excluded.imported_by_user_id'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
  return {
    replaced: figures.filter((f) => before.has(`${f.measure}:${f.municipalityCode}:${f.year}`)).length,
  };
}

/** Writes inhabitants into municipality_population, replacing the figure of the same municipality and year. */
export async function upsertPopulation(
  trx: Transaction<DB>,
  figures: readonly PopulationFigure[],
  provenance: ImportProvenance,
): Promise<{ replaced: number }> {
  const codes = [...new Set(figures.map((f) => f.municipalityCode))];
  const existing = await trx
    .selectFrom('municipality_population')
    .select(['cbs_code', 'year'])
    .where('cbs_code', 'in', codes)
    .execute();
  const before = new Set(existing.map((e) => `${e.cbs_code}:${e.year}`));
  for (const chunk of chunks(figures)) {
    await trx
      .insertInto('municipality_population')
      .values(
        chunk.map((f) => ({
          cbs_code: f.municipalityCode,
          year: f.year,
          inhabitants: f.inhabitants,
          source: provenance.sourceText,
          source_date: provenance.sourceDate,
          imported_by_user_id: provenance.importedByUserId,
          imported_at: provenance.importedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cbs_code', 'year']).doUpdateSet((eb) => ({
          inhabitants: eb.ref('excluded.inhabitants'),
          source: eb.ref('excluded.source'),
          source_date: eb.ref('excluded.source_date'),
          imported_by_user_id: eb.ref('excluded.imported_by_user_id'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
  return { replaced: figures.filter((f) => before.has(`${f.municipalityCode}:${f.year}`)).length };
}

export async function listPoliceFigures(db: Reader, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('outside_figure')
    .select(['measure', 'municipality_code', 'year', 'value', 'source_text', 'source_date', 'imported_at'])
    .where('source', '=', 'police')
    .where('municipality_code', 'in', codes)
    .orderBy('municipality_code')
    .orderBy('measure')
    .orderBy('year')
    .execute();
}

export async function listPopulation(db: Reader, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('municipality_population')
    .select(['cbs_code', 'year', 'inhabitants', 'source', 'source_date', 'imported_at'])
    .where('cbs_code', 'in', codes)
    .orderBy('cbs_code')
    .orderBy('year')
    .execute();
}

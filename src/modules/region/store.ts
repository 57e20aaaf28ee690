import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RegionFile } from './region-file.ts';

/** Writes a validated region file; the caller provides the transaction, so it is all or nothing. */
export async function writeRegion(
  trx: Transaction<DB>,
  region: RegionFile,
): Promise<{ regionId: number; organisations: number }> {
  const { id: regionId } = await trx
    .insertInto('region')
    .values({
      code: region.code,
      name: region.name,
      source: region.source,
      period_from: region.period?.from ?? null,
      period_to: region.period?.to ?? null,
      agreements: JSON.stringify(region.agreements ?? {}),
    })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: region.name,
        source: region.source,
        period_from: region.period?.from ?? null,
        period_to: region.period?.to ?? null,
        agreements: JSON.stringify(region.agreements ?? {}),
        imported_at: sql`now()`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();

  const codes = region.municipalities.map((m) => m.cbsCode);
  for (const m of region.municipalities) {
    await trx
      .insertInto('municipality')
      .values({ cbs_code: m.cbsCode, name: m.name })
      .onConflict((oc) => oc.column('cbs_code').doUpdateSet({ name: m.name }))
      .execute();
  }
  await trx.deleteFrom('region_municipality').where('region_id', '=', regionId).execute();
  await trx
    .insertInto('region_municipality')
    .values(
      region.municipalities.map((m) => ({
        region_id: regionId,
        cbs_code: m.cbsCode,
        subregion: m.subregion,
        is_centre: region.centreMunicipalities.includes(m.cbsCode),
      })),
    )
    .execute();
  await trx.deleteFrom('municipality_purpose_region').where('cbs_code', 'in', codes).execute();
  const purposeRows = region.municipalities.flatMap((m) =>
    m.memberships.map((p) => ({
      cbs_code: m.cbsCode,
      purpose: p.purpose,
      region_name: p.region,
      note: p.note ?? null,
    })),
  );
  if (purposeRows.length > 0) {
    await trx
      .insertInto('municipality_purpose_region')
      .values(purposeRows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const m of region.municipalities) {
    for (const p of m.inhabitants) {
      await trx
        .insertInto('municipality_population')
        .values({ cbs_code: m.cbsCode, year: p.year, inhabitants: p.count, source: p.source })
        .onConflict((oc) =>
          oc.columns(['cbs_code', 'year']).doUpdateSet({ inhabitants: p.count, source: p.source }),
        )
        .execute();
    }
  }
  await trx.deleteFrom('region_figure').where('region_id', '=', regionId).execute();
  if (region.figures.length > 0) {
    await trx
      .insertInto('region_figure')
      .values(
        region.figures.map((f) => ({
          region_id: regionId,
          key: f.key,
          year: f.year,
          value: f.value,
          unit: f.unit,
          source: f.source,
        })),
      )
      .execute();
  }
  // Organisations keep their id across imports (memberships point at them); only what they serve is replaced.
  for (const o of region.organisations) {
    const { id } = await trx
      .insertInto('organisation')
      .values({ region_id: regionId, key: o.key, name: o.name, type: o.type })
      .onConflict((oc) => oc.columns(['region_id', 'key']).doUpdateSet({ name: o.name, type: o.type }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('organisation_municipality').where('organisation_id', '=', id).execute();
    if (o.serves.length > 0) {
      await trx
        .insertInto('organisation_municipality')
        .values(o.serves.map((c) => ({ organisation_id: id, cbs_code: c })))
        .execute();
    }
  }
  return { regionId, organisations: region.organisations.length };
}

export async function listRegions(db: Kysely<DB>) {
  return db
    .selectFrom('region')
    .select(['id', 'code', 'name', 'period_from', 'period_to'])
    .orderBy('name')
    .execute();
}

export async function findRegion(db: Kysely<DB>, regionId: number) {
  return db
    .selectFrom('region')
    .select(['id', 'code', 'name', 'source', 'period_from', 'period_to'])
    .where('id', '=', regionId)
    .executeTakeFirst();
}

export async function listRegionMunicipalities(db: Kysely<DB>, regionId: number) {
  const rows = await db
    .selectFrom('region_municipality as rm')
    .innerJoin('municipality as m', 'm.cbs_code', 'rm.cbs_code')
    .select(['m.cbs_code', 'm.name', 'rm.subregion', 'rm.is_centre'])
    .where('rm.region_id', '=', regionId)
    .orderBy('m.name')
    .execute();
  const codes = rows.map((r) => r.cbs_code);
  const [population, purposes] = codes.length
    ? await Promise.all([
        db
          .selectFrom('municipality_population')
          .selectAll()
          .where('cbs_code', 'in', codes)
          .orderBy('year')
          .execute(),
        db
          .selectFrom('municipality_purpose_region')
          .selectAll()
          .where('cbs_code', 'in', codes)
          .orderBy('purpose')
          .execute(),
      ])
    : [[], []];
  return rows.map((r) => ({
    cbsCode: r.cbs_code,
    name: r.name,
    subregion: r.subregion,
    isCentre: r.is_centre,
    inhabitants: population
      .filter((p) => p.cbs_code === r.cbs_code)
      .map((p) => ({ year: p.year, count: p.inhabitants, source: p.source })),
    memberships: purposes
      .filter((p) => p.cbs_code === r.cbs_code)
      .map((p) => ({ purpose: p.purpose, region: p.region_name, note: p.note })),
  }));
}

export async function listRegionOrganisations(db: Kysely<DB>, regionId: number) {
  const orgs = await db
    .selectFrom('organisation')
    .select(['id', 'key', 'name', 'type'])
    .where('region_id', '=', regionId)
    .orderBy('name')
    .execute();
  const serves = orgs.length
    ? await db
        .selectFrom('organisation_municipality')
        .selectAll()
        .where(
          'organisation_id',
          'in',
          orgs.map((o) => o.id),
        )
        .execute()
    : [];
  return orgs.map((o) => ({
    ...o,
    serves: serves.filter((s) => s.organisation_id === o.id).map((s) => s.cbs_code),
  }));
}

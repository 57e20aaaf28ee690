import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type RegionAgreements, resolveRegionAgreements } from '../../domain/region-agreements.ts';

/** The working agreements of a region, defaults filled in; the one way every rule reads them. */
export async function loadRegionAgreements(db: Kysely<DB>, regionId: number): Promise<RegionAgreements> {
  const row = await db
    .selectFrom('region')
    .select('agreements')
    .where('id', '=', regionId)
    .executeTakeFirst();
  return resolveRegionAgreements(row?.agreements);
}

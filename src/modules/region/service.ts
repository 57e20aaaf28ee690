import { readFile } from 'node:fs/promises';
import { AppError } from '../../errors/app-error.ts';
import { type RequestContext, requireActor } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { parseRegionFile, type RegionFileProblem } from './region-file.ts';
import { findRegion, listRegionMunicipalities, listRegionOrganisations, writeRegion } from './store.ts';

export type ImportOutcome =
  | { ok: true; code: string; regionId: number; municipalities: number; organisations: number }
  | { ok: false; problems: RegionFileProblem[] };

/** Validates the whole file first; an invalid file writes nothing. Used by the CLI and the demo. */
export async function importRegionContent(
  deps: Deps,
  content: string,
  actor: { userId: string | null; via: string },
): Promise<ImportOutcome> {
  const parsed = parseRegionFile(content);
  if (!parsed.ok) return parsed;
  const region = parsed.region;
  return deps.db.transaction().execute(async (trx) => {
    const written = await writeRegion(trx, region);
    await appendAuditEvent(trx, {
      actorUserId: actor.userId,
      actorOrganisationId: null,
      action: 'region.import',
      recordType: 'region',
      recordId: String(written.regionId),
      details: { code: region.code, via: actor.via },
    });
    return {
      ok: true as const,
      code: region.code,
      regionId: written.regionId,
      municipalities: region.municipalities.length,
      organisations: written.organisations,
    };
  });
}

export async function importRegionFile(deps: Deps, file: string, via = 'cli'): Promise<ImportOutcome> {
  return importRegionContent(deps, await readFile(file, 'utf8'), { userId: null, via });
}

/** The signed-in user's own region: municipalities, purposes, population and organisations. No personal data. */
export async function getOwnRegion(deps: Deps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const region = await findRegion(deps.db, actor.organisation.regionId);
  if (!region) throw new AppError('not_found');
  const [municipalities, organisations] = await Promise.all([
    listRegionMunicipalities(deps.db, region.id),
    listRegionOrganisations(deps.db, region.id),
  ]);
  return {
    id: region.id,
    code: region.code,
    name: region.name,
    source: region.source,
    period:
      region.period_from !== null && region.period_to !== null
        ? { from: region.period_from, to: region.period_to }
        : null,
    municipalities,
    organisations,
  };
}

import type { IndicatorAudience } from '../../domain/insight/catalogue.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  type ActorContext,
  auditActor,
  type RequestContext,
  requireActor,
} from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { loadRegionAgreements } from '../region/agreements.ts';
import { createDisclosureGate, type DisclosureGate } from './disclosure-gate.ts';
import { disclosureSettingsFrom } from './insight-config.ts';
import type { InsightScope } from './insight-sections.ts';
import {
  loadRegion,
  loadRegionMunicipalities,
  loadServedMunicipalities,
  type RegionMunicipality,
} from './store.ts';

/**
 * Who reads insight and over which municipalities. A policy advisor reads the aggregates of their
 * organisation's region; a team lead of Veilig Thuis reads the process figures of the municipalities
 * their organisation serves. Nobody else (403): insight never holds a person, but what it shows is
 * still for those whose work it is.
 */
export interface InsightReader {
  actor: ActorContext;
  audience: IndicatorAudience;
  region: { id: number; code: string; name: string };
  /** The municipalities the reader may select, in name order. */
  visible: RegionMunicipality[];
  scope: InsightScope;
  gate: DisclosureGate;
}

export function insightAudienceOf(actor: ActorContext): IndicatorAudience | null {
  if (actor.roles.includes('policy_advisor')) return 'policy_advisor';
  if (actor.roles.includes('team_lead') && actor.organisation.type === 'veilig_thuis') return 'team_lead';
  return null;
}

export async function insightReaderOf(deps: Deps, ctx: RequestContext): Promise<InsightReader> {
  const actor = requireActor(ctx);
  const audience = insightAudienceOf(actor);
  if (!audience) throw new AppError('forbidden');
  const region = await loadRegion(deps.db, actor.organisation.regionId);
  if (!region) throw new AppError('not_found');
  const municipalities = await loadRegionMunicipalities(deps.db, region.id);
  let visible = municipalities;
  if (audience === 'team_lead') {
    const served = await loadServedMunicipalities(deps.db, actor.organisation.id);
    visible = municipalities.filter((m) => served.has(m.code));
  }
  return {
    actor,
    audience,
    region,
    visible,
    scope: { regionId: region.id, municipalities, complete: visible.length === municipalities.length },
    gate: createDisclosureGate(
      disclosureSettingsFrom((await loadRegionAgreements(deps.db, region.id)).disclosure),
    ),
  };
}

/** Who looked at what: an insight read holds no personal data, but it is recorded all the same. */
export async function auditInsightRead(
  deps: Deps,
  ctx: RequestContext,
  reader: InsightReader,
  action: string,
  details: Record<string, unknown>,
) {
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action,
      recordType: 'region',
      recordId: String(reader.region.id),
      purpose: reader.audience === 'policy_advisor' ? 'policy' : 'management',
      details: { audience: reader.audience, ...details },
    }),
  );
}

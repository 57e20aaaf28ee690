import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { EscalationLevel } from '../../../domain/casework/handover.ts';
import type { OrganisationType } from '../../../domain/organisation-type.ts';
import { resolveRegionAgreements } from '../../../domain/region-agreements.ts';
import type { Deps } from '../../deps.ts';
import { importRegionContent, importRegionFile } from '../../region/service.ts';
import { DEMO_REGION_FILE, REGIONS_DIR } from '../seed-demo.ts';
import { CALIBRATION } from './calibration.ts';
import { APPROXIMATE_INHABITANTS, DEFAULT_INHABITANTS } from './municipality-weights.ts';
import { Random } from './random.ts';
import { buildSyntheticRegions } from './synthetic-regions.ts';

export type Scale = 'region' | 'national';

export interface PlannedOrganisation {
  id: string;
  key: string;
  name: string;
  type: OrganisationType;
  serves: Set<string>;
}

export interface PlannedMunicipality {
  code: string;
  name: string;
  /** Relative size: inhabitants (from the region file, the synthetic geography or an approximation). */
  inhabitants: number;
}

/** One Veilig Thuis region as the generator works it: where, who, and how much per year. */
export interface RegionPlan {
  /** 1-based position in the generation; part of every synthetic id of the region. */
  index: number;
  regionId: number;
  code: string;
  name: string;
  synthetic: boolean;
  municipalities: PlannedMunicipality[];
  organisations: PlannedOrganisation[];
  /** Reports and advice requests a year at fraction 1 (before the yearly trend). */
  reportsPerYear: number;
  adviceRequestsPerYear: number;
  /** Year the figures above hold for; advice requests grow around it. */
  referenceYear: number | null;
  policeShare: number;
  reReportRate: number;
  /** Measures a year at fraction 1, by kind: the region's own figure where its seed gives one, else the national rate. */
  measuresPerYear: Record<SteeredMeasureKind, number>;
  /** The region's escalation ladder for handovers (its agreements, defaults filled in). */
  handoverEscalation: EscalationLevel[];
}

/** Measures whose yearly number the generator keeps on target; the others follow from these. */
export type SteeredMeasureKind = 'restraining_order' | 'crisis_care' | 'shelter_stay';

const DEMO_REGION_CODE = 'gelderland-zuid';

/** Imports the regions a scale needs when they are not there yet (configured files, then synthetic ones). */
export async function ensureRegions(deps: Deps, scale: Scale): Promise<void> {
  const present = new Set((await deps.db.selectFrom('region').select('code').execute()).map((r) => r.code));
  const files =
    scale === 'region'
      ? [DEMO_REGION_FILE]
      : readdirSync(REGIONS_DIR)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => path.join(REGIONS_DIR, f));
  for (const file of files) {
    const code = path.basename(file, '.json');
    if (present.has(code)) continue;
    const outcome = await importRegionFile(deps, file, 'synthetic');
    if (!outcome.ok) throw new Error(`region file ${file} is invalid: ${JSON.stringify(outcome.problems)}`);
  }
  if (scale === 'national') {
    const real = await loadRegionPlans(deps, 'national-configured');
    const realPopulation = real.reduce((sum, r) => sum + totalInhabitants(r), 0);
    const specs = buildSyntheticRegions(
      CALIBRATION.veiligThuisRegions - real.length,
      Math.max(0, CALIBRATION.nationalPopulation - realPopulation),
    );
    for (const spec of specs) {
      if (present.has(spec.file.code)) continue;
      const outcome = await importRegionContent(deps, JSON.stringify(spec.file), {
        userId: null,
        via: 'synthetic',
      });
      if (!outcome.ok)
        throw new Error(`synthetic region ${spec.file.code}: ${JSON.stringify(outcome.problems)}`);
    }
  }
}

function totalInhabitants(plan: RegionPlan): number {
  return plan.municipalities.reduce((sum, m) => sum + m.inhabitants, 0);
}

/**
 * Reads the regions of a scale from the database and sets their yearly volumes: a region's own
 * figures where its seed gives them (Gelderland-Zuid 2,839 reports and 6,453 advice requests in
 * 2020; Rotterdam-Rijnmond 12,421 and 12,261 in 2022; the police share; the re-report rate), else
 * the national rate per inhabitant. Synthetic regions share what is left of the national total.
 */
export async function loadRegionPlans(
  deps: Deps,
  scale: Scale | 'national-configured',
): Promise<RegionPlan[]> {
  const regions = await deps.db
    .selectFrom('region')
    .select(['id', 'code', 'name', 'agreements'])
    .orderBy('code')
    .execute();
  const wanted = regions.filter((r) =>
    scale === 'region'
      ? r.code === DEMO_REGION_CODE
      : scale === 'national-configured'
        ? !r.code.startsWith('synthetische-regio-')
        : true,
  );
  if (wanted.length === 0) throw new Error('no region to generate data for');
  const ids = wanted.map((r) => r.id);
  const [organisations, serves, municipalities, population, figures] = await Promise.all([
    deps.db
      .selectFrom('organisation')
      .select(['id', 'key', 'name', 'type', 'region_id'])
      .where('region_id', 'in', ids)
      .orderBy('region_id')
      .orderBy('key')
      .execute(),
    deps.db
      .selectFrom('organisation_municipality as om')
      .innerJoin('organisation as o', 'o.id', 'om.organisation_id')
      .select(['om.organisation_id', 'om.cbs_code'])
      .where('o.region_id', 'in', ids)
      .execute(),
    deps.db
      .selectFrom('region_municipality as rm')
      .innerJoin('municipality as m', 'm.cbs_code', 'rm.cbs_code')
      .select(['rm.region_id', 'm.cbs_code', 'm.name'])
      .where('rm.region_id', 'in', ids)
      .orderBy('m.cbs_code')
      .execute(),
    deps.db.selectFrom('municipality_population').select(['cbs_code', 'year', 'inhabitants']).execute(),
    deps.db
      .selectFrom('region_figure')
      .select(['region_id', 'key', 'year', 'value'])
      .where('region_id', 'in', ids)
      .execute(),
  ]);
  // The intake route: the Veilig Thuis organisation (first by name) serving the municipality within its own region.
  const intakeRegion = new Map<string, number>();
  const vt = organisations
    .filter((o) => o.type === 'veilig_thuis')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const membership = new Set(municipalities.map((m) => `${m.region_id}:${m.cbs_code}`));
  for (const o of vt)
    for (const s of serves)
      if (
        s.organisation_id === o.id &&
        membership.has(`${o.region_id}:${s.cbs_code}`) &&
        !intakeRegion.has(s.cbs_code)
      )
        intakeRegion.set(s.cbs_code, o.region_id);

  const plans = wanted.map((region, i): RegionPlan => {
    const own = municipalities.filter(
      (m) => m.region_id === region.id && intakeRegion.get(m.cbs_code) === region.id,
    );
    const figure = (key: string) =>
      figures
        .filter((f) => f.region_id === region.id && f.key === key)
        .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
    const approx = figure('inhabitants_approx')?.value;
    const planned = own.map((m) => {
      const rows = population.filter((p) => p.cbs_code === m.cbs_code).sort((a, b) => b.year - a.year);
      return {
        code: m.cbs_code,
        name: m.name,
        inhabitants: rows[0]?.inhabitants ?? APPROXIMATE_INHABITANTS[m.cbs_code] ?? DEFAULT_INHABITANTS,
        measured: rows.length > 0,
      };
    });
    // Gelderland-Zuid prints only its total ("ruim 536.000"): approximate sizes are scaled to it.
    if (approx && planned.every((m) => !m.measured)) {
      const sum = planned.reduce((s, m) => s + m.inhabitants, 0);
      for (const m of planned) m.inhabitants = Math.round((m.inhabitants * approx) / sum);
    }
    const inhabitants = planned.reduce((s, m) => s + m.inhabitants, 0);
    const reports = figure('vt_reports');
    const advice = figure('vt_advice_requests');
    const nationalRate = CALIBRATION.nationalReportsPerYear / CALIBRATION.nationalPopulation;
    const nationalAdviceRate = CALIBRATION.nationalAdviceRequestsPerYear / CALIBRATION.nationalPopulation;
    return {
      index: i + 1,
      regionId: region.id,
      code: region.code,
      name: region.name,
      synthetic: region.code.startsWith('synthetische-regio-'),
      municipalities: planned.map(({ code, name, inhabitants: n }) => ({ code, name, inhabitants: n })),
      organisations: organisations
        .filter((o) => o.region_id === region.id)
        .map((o) => ({
          id: o.id,
          key: o.key,
          name: o.name,
          type: o.type as OrganisationType,
          serves: new Set(serves.filter((s) => s.organisation_id === o.id).map((s) => s.cbs_code)),
        })),
      reportsPerYear: reports?.value ?? inhabitants * nationalRate,
      adviceRequestsPerYear: advice?.value ?? inhabitants * nationalAdviceRate,
      referenceYear: reports?.year ?? advice?.year ?? null,
      policeShare: (figure('vt_reports_from_police_share')?.value ?? CALIBRATION.policeShare * 100) / 100,
      reReportRate: (figure('re_report_rate')?.value ?? CALIBRATION.reReportRate * 100) / 100,
      measuresPerYear: {
        restraining_order:
          figure('restraining_orders')?.value ??
          (inhabitants * CALIBRATION.nationalRestrainingOrdersPerYear) / CALIBRATION.nationalPopulation,
        crisis_care:
          figure('vt_crisis_callouts')?.value ?? (inhabitants * CALIBRATION.crisisCarePer100k) / 1e5,
        shelter_stay:
          figure('shelter_women_sheltered')?.value ?? (inhabitants * CALIBRATION.shelterStaysPer100k) / 1e5,
      },
      handoverEscalation: resolveRegionAgreements(region.agreements).handoverEscalation,
    };
  });
  if (scale === 'national') shareNationalRemainder(plans);
  return plans;
}

/** Synthetic regions take what the configured ones leave of the national totals, by inhabitants. */
function shareNationalRemainder(plans: RegionPlan[]) {
  const real = plans.filter((p) => !p.synthetic);
  const synthetic = plans.filter((p) => p.synthetic);
  if (synthetic.length === 0) return;
  const rng = new Random('kring-synthetic-geography-v1', 'rates');
  const weights = synthetic.map((p) => totalInhabitants(p) * rng.between(0.8, 1.2));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sum = (f: (p: RegionPlan) => number) => real.reduce((s, p) => s + f(p), 0);
  const reportsLeft = Math.max(0, CALIBRATION.nationalReportsPerYear - sum((p) => p.reportsPerYear));
  const adviceLeft = Math.max(
    0,
    CALIBRATION.nationalAdviceRequestsPerYear - sum((p) => p.adviceRequestsPerYear),
  );
  synthetic.forEach((p, i) => {
    const share = (weights[i] ?? 0) / weightSum;
    p.reportsPerYear = reportsLeft * share;
    p.adviceRequestsPerYear = adviceLeft * share;
  });
}

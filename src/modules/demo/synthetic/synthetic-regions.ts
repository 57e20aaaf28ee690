import type { RegionFile } from '../../region/region-file.ts';
import { Random } from './random.ts';

/**
 * Region files for the Veilig Thuis regions Kring has no configuration for, so the national scale
 * covers the whole country. They are plainly fictional: named "Synthetische regio NN", with
 * municipality codes GM9000–GM9839, which CBS has never issued (real codes stay below GM2000), and
 * population figures marked as synthetic. The geography uses its own fixed seed, so it is the same
 * for every generation seed.
 */
export const SYNTHETIC_REGION_CODE_PREFIX = 'synthetische-regio-';
export const SYNTHETIC_MUNICIPALITY_BASE = 9000;
const MAX_MUNICIPALITIES = 40;
const GEOGRAPHY_SEED = 'kring-synthetic-geography-v1';
export const SYNTHETIC_POPULATION_SOURCE = 'Synthetisch (Kring demo-generator), geen echte bevolkingscijfers';
/** Inhabitants are given for these years, whatever period is generated. */
export const SYNTHETIC_POPULATION_YEARS = { from: 2010, to: 2035 } as const;

export interface SyntheticRegionSpec {
  file: RegionFile;
  /** Inhabitants in the first population year, per municipality code. */
  inhabitants: Map<string, number>;
}

export function syntheticMunicipalityCode(regionNumber: number, municipality: number): string {
  if (municipality >= MAX_MUNICIPALITIES)
    throw new RangeError('too many municipalities in a synthetic region');
  return `GM${SYNTHETIC_MUNICIPALITY_BASE + (regionNumber - 1) * MAX_MUNICIPALITIES + municipality}`;
}

/** `count` synthetic regions sharing `totalPopulation` inhabitants. */
export function buildSyntheticRegions(count: number, totalPopulation: number): SyntheticRegionSpec[] {
  const rng = new Random(GEOGRAPHY_SEED, 'regions');
  const sizes = Array.from({ length: count }, () => rng.logNormal(1, 0.45));
  const sizeSum = sizes.reduce((a, b) => a + b, 0);
  return sizes.map((size, i) => {
    const number = i + 1;
    const nn = String(number).padStart(2, '0');
    const code = `${SYNTHETIC_REGION_CODE_PREFIX}${nn}`;
    const name = `Synthetische regio ${nn}`;
    const population = Math.round((totalPopulation * size) / sizeSum);
    const municipalityCount = Math.max(5, Math.min(MAX_MUNICIPALITIES - 1, Math.round(population / 38_000)));
    const weights = Array.from({ length: municipalityCount }, (_, m) =>
      m === 0 ? rng.between(4, 8) : rng.logNormal(1, 0.6),
    );
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const inhabitants = new Map<string, number>();
    const municipalities: RegionFile['municipalities'] = weights.map((w, m) => {
      const cbsCode = syntheticMunicipalityCode(number, m);
      const base = Math.max(1_000, Math.round((population * w) / weightSum));
      inhabitants.set(cbsCode, base);
      const label = `${nn}-${String(m + 1).padStart(2, '0')}`;
      return {
        cbsCode,
        name: m === 0 ? `Synthetische stad ${label}` : `Synthetische gemeente ${label}`,
        subregion: null,
        inhabitants: populationSeries(base, rng),
        memberships: [{ purpose: 'veilig_thuis', region: code }],
      };
    });
    const all = municipalities.map((m) => m.cbsCode);
    const regional = (key: string, orgName: string, type: RegionFile['organisations'][number]['type']) => ({
      key,
      name: `${orgName} ${name}`,
      type,
      serves: all,
    });
    const organisations: RegionFile['organisations'] = [
      regional('veilig-thuis', 'Veilig Thuis', 'veilig_thuis'),
      regional('politie', 'Politie', 'police'),
      regional('openbaar-ministerie', 'Openbaar Ministerie', 'public_prosecutor'),
      regional('raad-voor-de-kinderbescherming', 'Raad voor de Kinderbescherming', 'child_protection_board'),
      regional('jeugdbescherming', 'Jeugdbescherming', 'certified_institution'),
      regional('vrouwenopvang', 'Vrouwenopvang', 'shelter'),
      regional('ggz', 'GGZ', 'care_provider'),
      regional('maatschappelijk-werk', 'Maatschappelijk werk', 'care_provider'),
      regional('zorg-en-veiligheidshuis', 'Zorg- en Veiligheidshuis', 'safety_house'),
      ...municipalities.flatMap((m) => {
        const slug = m.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        const own: RegionFile['organisations'] = [
          { key: `gemeente-${slug}`, name: `Gemeente ${m.name}`, type: 'municipality', serves: [m.cbsCode] },
        ];
        // Larger municipalities have a local team of their own (wijkteam), as in the demo region.
        if ((inhabitants.get(m.cbsCode) ?? 0) >= 60_000)
          own.push({
            key: `wijkteam-${slug}`,
            name: `Wijkteam ${m.name}`,
            type: 'local_team',
            serves: [m.cbsCode],
          });
        return own;
      }),
    ];
    const file: RegionFile = {
      code,
      name,
      source: 'Synthetisch: gegenereerd door kring demo --scale national; geen echte regio',
      period: null,
      centreMunicipalities: [all[0] ?? ''],
      municipalities,
      organisations,
      figures: [],
    };
    return { file, inhabitants };
  });
}

function populationSeries(base: number, rng: Random) {
  const growth = rng.between(-0.002, 0.009);
  const rows: { year: number; count: number; source: string }[] = [];
  for (let year = SYNTHETIC_POPULATION_YEARS.from; year <= SYNTHETIC_POPULATION_YEARS.to; year++) {
    const count = Math.round(base * (1 + growth) ** (year - SYNTHETIC_POPULATION_YEARS.from));
    rows.push({ year, count, source: SYNTHETIC_POPULATION_SOURCE });
  }
  return rows;
}

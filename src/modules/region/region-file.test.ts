import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGIONS_DIR } from '../demo/seed-demo.ts';
import { parseRegionFile } from './region-file.ts';

const files = readdirSync(REGIONS_DIR).filter((f) => f.endsWith('.json'));
const gz = readFileSync(path.join(REGIONS_DIR, 'gelderland-zuid.json'), 'utf8');

describe('shipped region files', () => {
  it('ships the five seed regions', () => {
    expect(files.sort()).toEqual([
      'gelderland-zuid.json',
      'noord-en-midden-limburg.json',
      'noordoost-brabant.json',
      'rotterdam-rijnmond.json',
      'zaanstreek-waterland.json',
    ]);
  });
  it.each(files)('%s is valid', (file) => {
    const result = parseRegionFile(readFileSync(path.join(REGIONS_DIR, file), 'utf8'));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
  it('Gelderland-Zuid keeps the exceptions of Bijlage 2: Maasdriel and Zaltbommel use another shelter region', () => {
    const result = parseRegionFile(gz);
    if (!result.ok) throw new Error('invalid');
    const shelterOf = (name: string) =>
      result.region.municipalities
        .find((m) => m.name === name)
        ?.memberships.filter((x) => x.purpose === 'shelter')
        .map((x) => x.region);
    expect(shelterOf('Maasdriel')).not.toContain('gelderland-zuid');
    expect(shelterOf('Zaltbommel')).not.toContain('gelderland-zuid');
    expect(shelterOf('Nijmegen')).toContain('gelderland-zuid');
    const mook = result.region.municipalities.find((m) => m.name === 'Mook en Middelaar');
    expect(mook?.memberships.some((x) => x.purpose === 'court_district')).toBe(true);
  });
  it('Noordoost-Brabant carries inhabitants per municipality from §8.1', () => {
    const result = parseRegionFile(readFileSync(path.join(REGIONS_DIR, 'noordoost-brabant.json'), 'utf8'));
    if (!result.ok) throw new Error('invalid');
    expect(result.region.municipalities.every((m) => m.inhabitants.length > 0)).toBe(true);
  });
});

describe('invalid region files report every problem with its location', () => {
  it('a JSON syntax error gives a line and column', () => {
    const result = parseRegionFile('{\n  "code": "x",\n  "name": }');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.location).toMatch(/^line 3, column \d+$/);
  });
  it('several problems are all reported', () => {
    const region = JSON.parse(gz);
    region.municipalities[0].cbsCode = 'XX12';
    region.municipalities[1].inhabitants = [{ year: 2020, count: -5, source: 's' }];
    region.organisations[0].type = 'bank';
    region.organisations[1].serves = ['GM9999'];
    region.centreMunicipalities = ['GM0001'];
    region.extra = true;
    const result = parseRegionFile(JSON.stringify(region));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const locations = result.problems.map((p) => p.location);
    expect(locations).toEqual(
      expect.arrayContaining([
        'municipalities[0].cbsCode',
        'municipalities[1].inhabitants[0].count',
        'organisations[0].type',
        '(root)',
      ]),
    );
  });
  it('cross-references are checked once the shape is right', () => {
    const region = JSON.parse(gz);
    region.organisations[1].serves = ['GM9999'];
    region.centreMunicipalities = ['GM0001'];
    region.municipalities.push({ ...region.municipalities[0] });
    const result = parseRegionFile(JSON.stringify(region));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.location)).toEqual(
      expect.arrayContaining([
        'organisations[1].serves[0]',
        'centreMunicipalities[0]',
        `municipalities[${region.municipalities.length - 1}].cbsCode`,
      ]),
    );
  });
});

describe('working agreements in a region file', () => {
  const withAgreements = (agreements: unknown) =>
    parseRegionFile(JSON.stringify({ ...(JSON.parse(gz) as object), agreements }));

  it('accepts a partial set and leaves the rest to the defaults', () => {
    const result = withAgreements({
      disclosure: { threshold: 10 },
      monitoring: { intervalsMonths: [1, 3, 6] },
    });
    expect(result.ok).toBe(true);
  });
  it('refuses months that do not increase, with the path', () => {
    const result = withAgreements({ monitoring: { intervalsMonths: [3, 3] } });
    expect(result.ok ? [] : result.problems.map((p) => p.location)).toEqual([
      'agreements.monitoring.intervalsMonths',
    ]);
  });
  it('refuses an escalation ladder with a gap and unknown keys', () => {
    const ladder = withAgreements({
      handoverEscalation: [
        { level: 1, role: 'teamleiders', responseWorkingDays: 2 },
        { level: 3, role: 'directie', responseWorkingDays: 5 },
      ],
    });
    expect(ladder.ok ? [] : ladder.problems.map((p) => p.location)).toEqual([
      'agreements.handoverEscalation',
    ]);
    const unknown = withAgreements({ disclosure: { threshold: 5, secret: true } });
    expect(unknown.ok).toBe(false);
  });
  it('refuses a disclosure threshold below 1', () => {
    expect(withAgreements({ disclosure: { threshold: 0 } }).ok).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePercentageChange } from './indicators.ts';
import {
  computeYearOnYearChanges,
  type FigureProblem,
  type KnownMunicipality,
  normaliseMunicipalityName,
  type ParsedFigures,
  type PoliceFigure,
  type PoliceMeasure,
  parseCount,
  parseOutsideFigures,
  sumByYear,
} from './outside-figures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ZAWA_REGION = JSON.parse(
  readFileSync(path.join(ROOT, 'config/regions/zaanstreek-waterland.json'), 'utf8'),
) as {
  municipalities: { cbsCode: string; name: string }[];
  figures: { key: string; year: number | null; value: number }[];
};
const ZAWA: KnownMunicipality[] = ZAWA_REGION.municipalities.map((m) => ({
  code: m.cbsCode,
  name: m.name,
  writable: true,
}));
const SEED_FIXTURE = readFileSync(
  path.join(ROOT, 'test/fixtures/figures/zaanstreek-waterland-police-2017-2019.csv'),
  'utf8',
);

const MUNICIPALITIES: KnownMunicipality[] = [...ZAWA, { code: 'GM0268', name: 'Nijmegen', writable: false }];

function police(content: string, format: 'csv' | 'json' = 'csv', municipalities = MUNICIPALITIES) {
  return parseOutsideFigures({ kind: 'police', format, content, municipalities, currentYear: 2025 });
}
function population(content: string, format: 'csv' | 'json' = 'csv') {
  return parseOutsideFigures({
    kind: 'population',
    format,
    content,
    municipalities: MUNICIPALITIES,
    currentYear: 2025,
  });
}
function problemsOf(parsed: ParsedFigures): FigureProblem[] {
  if (parsed.ok) throw new Error(`expected a rejection, got ${JSON.stringify(parsed)}`);
  return parsed.problems;
}
function where(parsed: ParsedFigures) {
  return problemsOf(parsed).map((p) => `${p.line ?? '-'}:${p.column ?? '-'}`);
}
function policeFigures(parsed: ParsedFigures): PoliceFigure[] {
  if (!parsed.ok || parsed.kind !== 'police') throw new Error(JSON.stringify(parsed));
  return parsed.figures;
}

const series = (figures: PoliceFigure[], measure: PoliceMeasure, code?: string) =>
  figures
    .filter((f) => f.measure === measure && (code === undefined || f.municipalityCode === code))
    .map((f) => ({ municipalityCode: f.municipalityCode, year: f.year, value: f.value }));

describe('seed 003, Bijlage 1: the imported police table reproduces the seed', () => {
  const figures = policeFigures(police(SEED_FIXTURE));
  const incidents = sumByYear(series(figures, 'incidents_domestic_violence'));
  const crimes = sumByYear(series(figures, 'crimes_domestic_violence'));
  const totalOf = (t: typeof incidents, year: number) => t.totals.find((x) => x.year === year)?.value;
  const change = (t: typeof incidents, from: number, to: number) => {
    const a = totalOf(t, from);
    const b = totalOf(t, to);
    if (a === undefined || b === undefined) throw new Error('missing year');
    return computePercentageChange(a, b);
  };

  it('reads all 8 municipalities × 3 years × 2 measures, by name, from Dutch headers and ";"', () => {
    expect(figures).toHaveLength(48);
    expect(new Set(figures.map((f) => f.municipalityCode))).toEqual(new Set(ZAWA.map((m) => m.code)));
  });

  it('matches the region file transcribed from the same table, figure by figure', () => {
    for (const f of figures) {
      const key = `police_dv_${f.measure === 'incidents_domestic_violence' ? 'incidents' : 'crimes'}_${f.municipalityCode.toLowerCase()}`;
      const printed = ZAWA_REGION.figures.find((x) => x.key === key && x.year === f.year);
      expect(printed?.value, `${key} ${f.year}`).toBe(f.value);
    }
  });

  it('adds up to the printed "Eindtotaal" rows: incidents 959 / 973 / 1139, crimes 359 / 294 / 399', () => {
    expect(incidents.totals.map((t) => [t.year, t.value])).toEqual([
      [2017, 959],
      [2018, 973],
      [2019, 1139],
    ]);
    expect(crimes.totals.map((t) => [t.year, t.value])).toEqual([
      [2017, 359],
      [2018, 294],
      [2019, 399],
    ]);
    expect(incidents.comparableYears).toEqual([2017, 2018, 2019]);
  });

  it('"misdrijven in 2019 licht toegenomen tov 2017 (11%) en fors tov 2018 (36%)"', () => {
    expect(Math.round(change(crimes, 2017, 2019) ?? Number.NaN)).toBe(11);
    expect(Math.round(change(crimes, 2018, 2019) ?? Number.NaN)).toBe(36);
  });

  it('"in Zaanstad ... in 2019 tov het voorgaande jaar zeer sterk gestegen (49%)"', () => {
    const zaanstad = computeYearOnYearChanges(series(figures, 'crimes_domestic_violence', 'GM0479'));
    expect(zaanstad.map((c) => c.value)).toEqual([184, 165, 246]);
    expect(Math.round(zaanstad[2]?.change ?? Number.NaN)).toBe(49);
  });

  it('"Wormerland (van 7 naar 12)"', () => {
    const wormerland = computeYearOnYearChanges(series(figures, 'crimes_domestic_violence', 'GM0880'));
    expect(wormerland.find((c) => c.year === 2019)).toMatchObject({ previous: 7, value: 12 });
  });

  it('"incidenten ... in 2019 tov 2018 ... (17%)" and rise every year since 2017', () => {
    const yearly = computeYearOnYearChanges(incidents.totals);
    expect(Math.round(yearly[2]?.change ?? Number.NaN)).toBe(17);
    expect(yearly.slice(1).every((c) => (c.change ?? 0) > 0)).toBe(true);
    // §1.1: "gestegen van 959 naar 1139 per jaar en het aantal misdrijven van 359 naar 399".
    expect([totalOf(incidents, 2017), totalOf(incidents, 2019)]).toEqual([959, 1139]);
  });

  it('"ongeveer een kwart een misdrijf en driekwart een incident", every year', () => {
    for (const year of [2017, 2018, 2019]) {
      const c = totalOf(crimes, year) ?? 0;
      const share = c / (c + (totalOf(incidents, year) ?? 0));
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
  });

  it('the seed itself is wrong once (§1.1, not Bijlage 1): crisis call-outs 74 → 148 is +100%, not "50%"', () => {
    expect(computePercentageChange(74, 148)).toBe(100);
  });
});

describe('rejection report: every problem with line, column and reason; nothing from a bad file', () => {
  const header = 'municipality,year,incidents_domestic_violence,crimes_domestic_violence';

  it('lists every bad row at once, with its line and column, in Dutch and English', () => {
    const parsed = police(
      [
        header,
        'Zaanstad,2019,667,246',
        'Zaandam,2019,1,1',
        'Eindtotaal,2019,1139,399',
        'GM0479,2031,1,1',
        'Purmerend,19,1,1',
        'Purmerend,2019,3.5,-1',
        'Nijmegen,2019,1,1',
        'GM0479,2019,5,5',
        'Waterland,2019,,',
      ].join('\n'),
    );
    expect(where(parsed)).toEqual([
      '3:municipality',
      '4:municipality',
      '5:year',
      '6:year',
      '7:incidents_domestic_violence',
      '7:crimes_domestic_violence',
      '8:municipality',
      '9:municipality',
      '10:-',
    ]);
    const [unknown, total, future, , decimal, , outside, duplicate, empty] = problemsOf(parsed);
    expect(unknown?.message.nl).toContain('Onbekende gemeente "Zaandam"');
    expect(unknown?.message.en).toContain('Unknown municipality "Zaandam"');
    expect(total?.message.en).toContain('total row');
    expect(future?.message.nl).toContain('tussen 1990 en 2025');
    expect(decimal?.message.en).toContain('whole number');
    expect(outside?.message.nl).toBe('Nijmegen (GM0268) hoort niet bij uw regio.');
    expect(duplicate?.message.en).toBe('The same municipality and year as line 2.');
    expect(empty?.message.nl).toBe('Deze regel bevat geen cijfers.');
  });

  it('refuses unknown, repeated and missing columns on line 1', () => {
    expect(where(police('gemeente,jaar,incidenten,incidenten_hg\nZaanstad,2019,1,2'))).toEqual([
      '1:incidenten_hg',
    ]);
    expect(where(police('gemeente,municipality,jaar,incidenten\nZaanstad,Zaanstad,2019,1'))).toEqual([
      '1:municipality',
    ]);
    expect(where(police('gemeente,incidenten\nZaanstad,1'))).toEqual(['1:year']);
    expect(where(police('gemeente,jaar\nZaanstad,2019'))).toEqual([
      '1:incidents_domestic_violence / crimes_domestic_violence',
    ]);
    expect(where(population('gemeente,jaar,incidenten\nZaanstad,2019,1'))).toEqual([
      '1:incidenten',
      '1:inhabitants',
    ]);
  });

  it('refuses an empty file, a file with only a header, broken quoting and extra values', () => {
    expect(where(police(''))).toEqual(['-:-']);
    expect(where(police(`${header}\n`))).toEqual(['-:-']);
    expect(where(police(`${header}\n"Zaanstad,2019,1,1\n`))).toHaveLength(1);
    expect(where(police(`${header}\nZaanstad,2019,1,1,9\n`))).toEqual(['2:-']);
  });

  it('population: inhabitants are required and more than zero', () => {
    expect(where(population('gemeente;jaar;inwoners\nZaanstad;2019;\nPurmerend;2019;0\n'))).toEqual([
      '2:inhabitants',
      '3:inhabitants',
    ]);
    const ok = population('gemeente;jaar;inwoners\nZaanstad;2019;156.901\n');
    expect(ok).toEqual({
      ok: true,
      kind: 'population',
      figures: [{ municipalityCode: 'GM0479', year: 2019, inhabitants: 156_901, line: 2 }],
    });
  });

  it('JSON: syntax errors and wrong types are located on their line', () => {
    expect(where(police('[\n  {"municipality": "Zaanstad",\n  "year": 2019,, }\n]', 'json'))).toEqual([
      '3:-',
    ]);
    expect(where(police('{"municipality": "Zaanstad"}', 'json'))).toEqual(['1:-']);
    const parsed = police(
      [
        '[',
        '  {"municipality": "Zaanstad", "year": 2019, "crimes_domestic_violence": 246},',
        '  {',
        '    "municipality": "GM0439",',
        '    "year": "2019",',
        '    "incidents_domestic_violence": 1.5',
        '  },',
        '  {"municipality": "Oostzaan", "year": 2019, "misdrijven": 6},',
        '  7',
        ']',
      ].join('\n'),
      'json',
    );
    expect(where(parsed)).toEqual(['8:misdrijven', '9:-']);
    const types = police(
      '[\n{"municipality": "GM0439",\n"year": "2019",\n"incidents_domestic_violence": 1.5}\n]',
      'json',
    );
    expect(where(types)).toEqual(['3:year', '4:incidents_domestic_violence']);
  });

  it('an empty police cell is "not given", never zero', () => {
    const figures = policeFigures(police(`${header}\nZaanstad,2019,,246`));
    expect(figures).toEqual([
      { municipalityCode: 'GM0479', year: 2019, measure: 'crimes_domestic_violence', value: 246, line: 2 },
    ]);
  });
});

describe('parseCount and municipality names', () => {
  it.each([
    ['0', 0],
    ['1139', 1139],
    ['1.139', 1139],
    ['156.901', 156_901],
    ['1 139', 1139],
    ['1\u00a0139', 1139],
    [' 42 ', 42],
    ['1.234.567', 1_234_567],
  ])('reads %j as %d', (text, value) => expect(parseCount(text)).toBe(value));

  it.each([
    '',
    '-1',
    '+3',
    '3.5',
    '1,5',
    '1,139',
    '1.13',
    '1.2345',
    '1.234 567',
    '12a',
    '1e3',
    '99999999999',
  ])('refuses %j', (text) => expect(parseCount(text)).toBeUndefined());

  it('matches names regardless of case, accents, hyphens and a "Gemeente" prefix', () => {
    expect(normaliseMunicipalityName('Gemeente Edam-Volendam')).toBe(
      normaliseMunicipalityName('edam volendam'),
    );
    expect(normaliseMunicipalityName('Súdwest-Fryslân')).toBe('sudwest fryslan');
    const figures = policeFigures(
      police('gemeente;jaar;misdrijven\nGEMEENTE EDAM VOLENDAM;2019;13\ngm0479;2019;246'),
    );
    expect(figures.map((f) => f.municipalityCode)).toEqual(['GM0385', 'GM0479']);
  });
});

// Properties over generated files.
const rowArb = fc.record({
  municipality: fc.constantFrom(...ZAWA),
  year: fc.integer({ min: 1990, max: 2025 }),
  incidents: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
  crimes: fc.integer({ min: 0, max: 2_000_000 }),
  byName: fc.boolean(),
});
const uniqueRows = fc.uniqueArray(rowArb, {
  minLength: 1,
  maxLength: 30,
  selector: (r) => `${r.municipality.code}:${r.year}`,
});
type Row = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

function toCsv(rows: Row[], separator: ',' | ';') {
  return [
    ['municipality', 'year', 'incidents_domestic_violence', 'crimes_domestic_violence'].join(separator),
    ...rows.map((r) =>
      [
        r.byName ? r.municipality.name : r.municipality.code,
        r.year,
        r.incidents ?? '',
        separator === ';' && r.crimes >= 1000 ? r.crimes.toLocaleString('nl-NL') : r.crimes,
      ].join(separator),
    ),
  ].join('\n');
}
function toJson(rows: Row[]) {
  return JSON.stringify(
    rows.map((r) => ({
      municipality: r.byName ? r.municipality.name : r.municipality.code,
      year: r.year,
      ...(r.incidents === undefined ? {} : { incidents_domestic_violence: r.incidents }),
      crimes_domestic_violence: r.crimes,
    })),
    null,
    2,
  );
}
function expected(rows: Row[]) {
  return rows.flatMap((r) => [
    ...(r.incidents === undefined
      ? []
      : [
          {
            code: r.municipality.code,
            year: r.year,
            measure: 'incidents_domestic_violence',
            value: r.incidents,
          },
        ]),
    { code: r.municipality.code, year: r.year, measure: 'crimes_domestic_violence', value: r.crimes },
  ]);
}
const plain = (figures: PoliceFigure[]) =>
  figures.map((f) => ({ code: f.municipalityCode, year: f.year, measure: f.measure, value: f.value }));

describe('properties', () => {
  it('every valid file is read back exactly, CSV with either separator and JSON', () => {
    fc.assert(
      fc.property(uniqueRows, fc.constantFrom<',' | ';'>(',', ';'), (rows, separator) => {
        expect(plain(policeFigures(police(toCsv(rows, separator))))).toEqual(expected(rows));
        expect(plain(policeFigures(police(toJson(rows), 'json')))).toEqual(expected(rows));
      }),
    );
  });

  it('one bad cell anywhere refuses the whole file and names that line and column', () => {
    const bad = fc.constantFrom(
      { column: 'municipality', value: 'Atlantis' },
      { column: 'year', value: '2099' },
      { column: 'year', value: 'twintig' },
      { column: 'crimes_domestic_violence', value: '-4' },
      { column: 'crimes_domestic_violence', value: '"2,5"' },
    );
    fc.assert(
      fc.property(uniqueRows, fc.nat(), bad, (rows, pick, corruption) => {
        const index = pick % rows.length;
        const lines = toCsv(rows, ',').split('\n');
        const cells = (lines[index + 1] ?? '').split(',');
        const position = [
          'municipality',
          'year',
          'incidents_domestic_violence',
          'crimes_domestic_violence',
        ].indexOf(corruption.column);
        cells[position] = corruption.value;
        lines[index + 1] = cells.join(',');
        const parsed = police(lines.join('\n'));
        expect(parsed.ok).toBe(false);
        expect(where(parsed)).toContain(`${index + 2}:${corruption.column}`);
      }),
    );
  });

  it('year-on-year change: back to the current value from the previous; none from zero or a gap', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ year: fc.integer({ min: 2000, max: 2030 }), value: fc.nat(100_000) }), {
          selector: (p) => p.year,
          maxLength: 15,
        }),
        (points) => {
          const changes = computeYearOnYearChanges(points);
          expect(changes.map((c) => c.year)).toEqual(points.map((p) => p.year).sort((a, b) => a - b));
          for (const c of changes) {
            const previous = points.find((p) => p.year === c.year - 1);
            expect(c.previous).toBe(previous?.value ?? null);
            if (previous === undefined || previous.value === 0) expect(c.change).toBeUndefined();
            else {
              expect(c.change).toBeDefined();
              expect(previous.value * (1 + (c.change ?? 0) / 100)).toBeCloseTo(c.value, 6);
              expect(Math.sign(c.change ?? 0)).toBe(Math.sign(c.value - previous.value));
            }
          }
        },
      ),
    );
  });

  it('totals add up, and only years in which every municipality reports are comparable', () => {
    fc.assert(
      fc.property(uniqueRows, (rows) => {
        const figures = rows.map((r) => ({
          municipalityCode: r.municipality.code,
          year: r.year,
          value: r.crimes,
        }));
        const { totals, comparableYears } = sumByYear(figures);
        const codes = new Set(figures.map((f) => f.municipalityCode));
        for (const t of totals) {
          const inYear = figures.filter((f) => f.year === t.year);
          expect(t.value).toBe(inYear.reduce((s, f) => s + f.value, 0));
          expect(comparableYears.includes(t.year)).toBe(inYear.length === codes.size);
        }
      }),
    );
  });
});

it('a year twice in one series is a programming error, not a silent overwrite', () => {
  expect(() =>
    computeYearOnYearChanges([
      { year: 2019, value: 1 },
      { year: 2019, value: 2 },
    ]),
  ).toThrow(RangeError);
});

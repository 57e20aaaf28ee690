/**
 * Approximate inhabitants of the configured municipalities, used ONLY as relative weights to spread
 * a region's synthetic reports over its municipalities (general knowledge, rounded, about 2022).
 * They are never written to the database: population figures of real municipalities come from the
 * region files and the outside-figures import. Noordoost-Brabant's own figures (seed 002) are read
 * from its region file instead.
 */
export const APPROXIMATE_INHABITANTS: Readonly<Record<string, number>> = {
  // Gelderland-Zuid (seed 000 gives only the region total, "ruim 536.000")
  GM1945: 35_000,
  GM0209: 26_000,
  GM0214: 27_500,
  GM0216: 29_500,
  GM0225: 19_500,
  GM0252: 16_600,
  GM0263: 25_000,
  GM0944: 7_900,
  GM1740: 24_800,
  GM0268: 179_000,
  GM0281: 42_500,
  GM0668: 19_700,
  GM1960: 52_000,
  GM0296: 41_500,
  GM0297: 30_000,
  GM0907: 17_400,
  // Noord- en Midden-Limburg
  GM0889: 13_500,
  GM0893: 13_100,
  GM1507: 43_000,
  GM1894: 44_000,
  GM0983: 102_000,
  GM0984: 44_500,
  GM1711: 31_800,
  GM1640: 36_200,
  GM1641: 23_800,
  GM0946: 17_200,
  GM1669: 20_700,
  GM0957: 59_000,
  GM0988: 50_500,
  // Rotterdam-Rijnmond
  GM0613: 25_800,
  GM0489: 50_000,
  GM0502: 67_500,
  GM0542: 29_500,
  GM1621: 63_000,
  GM0597: 47_000,
  GM0599: 655_000,
  GM1930: 85_500,
  GM1924: 50_500,
  GM1992: 71_000,
  GM0622: 74_500,
  GM0606: 80_000,
  GM0556: 33_500,
  GM1963: 89_000,
  // Zaanstreek-Waterland
  GM0370: 9_800,
  GM0385: 36_500,
  GM0415: 11_700,
  GM0431: 9_800,
  GM0439: 81_000,
  GM0852: 17_300,
  GM0880: 16_700,
  GM0479: 157_000,
};

/** Default weight for a municipality missing above. */
export const DEFAULT_INHABITANTS = 30_000;

/**
 * Municipalities that merged during a plausible 10-year period: from the given year on, their
 * reports go to the successor (Beemster joined Purmerend on 1 January 2022; config/regions/README.md).
 */
export const MERGED_INTO: Readonly<Record<string, { from: number; into: string }>> = {
  GM0370: { from: 2022, into: 'GM0439' },
};

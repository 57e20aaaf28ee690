import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CountTable,
  type DisclosureOptions,
  type ProtectedTable,
  type PublishedCell,
  protectTable,
  publishRate,
} from './disclosure.ts';

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const tableOf = (cells: number[][]): CountTable => ({
  rowKeys: keys('GM', cells.length),
  columnKeys: keys('Q', cells[0]?.length ?? 0),
  cells,
});

const v = (value: number): PublishedCell => ({ suppressed: false, value });
const P: PublishedCell = { suppressed: true, reason: 'primary' };
const S: PublishedCell = { suppressed: true, reason: 'secondary' };

/** The published table as an (R+1)×(C+1) grid: cells, row totals in the last column, column totals in the last row. */
function extended(t: ProtectedTable): PublishedCell[][] {
  return [
    ...t.cells.map((row, r) => [...row, t.rowTotals[r] as PublishedCell]),
    [...t.columnTotals, t.grandTotal],
  ];
}

function trueExtended(cells: number[][]): number[][] {
  const rowTotals = cells.map((row) => row.reduce((s, x) => s + x, 0));
  const columnTotals = (cells[0] ?? []).map((_, c) => cells.reduce((s, row) => s + (row[c] ?? 0), 0));
  return [
    ...cells.map((row, r) => [...row, rowTotals[r] ?? 0]),
    [...columnTotals, rowTotals.reduce((s, x) => s + x, 0)],
  ];
}

/** Every row and every column of the extended grid: [interior positions, margin position]. */
function equations(rows: number, columns: number): [[number, number][], [number, number]][] {
  const eqs: [[number, number][], [number, number]][] = [];
  for (let r = 0; r <= rows; r++)
    eqs.push([Array.from({ length: columns }, (_, c): [number, number] => [r, c]), [r, columns]]);
  for (let c = 0; c <= columns; c++)
    eqs.push([Array.from({ length: rows }, (_, r): [number, number] => [r, c]), [rows, c]]);
  return eqs;
}

/**
 * Brute force, independent of the implementation: is there an assignment of non-negative integers
 * (each at most `bound`) to the suppressed entries, consistent with every published value and
 * every row and column equation, in which `target` differs from its true value? Depth-first search
 * with interval propagation, trying values near the truth first.
 */
function hasAlternative(
  published: PublishedCell[][],
  truth: number[][],
  target: [number, number],
  bound: number,
): boolean {
  const rows = truth.length - 1;
  const columns = (truth[0]?.length ?? 1) - 1;
  const unknown: [number, number][] = [];
  const index = new Map<string, number>();
  for (const [r, c] of suppressedPositions(published)) {
    index.set(`${r},${c}`, unknown.length);
    unknown.push([r, c]);
  }
  const eqs = equations(rows, columns);
  const known = (r: number, c: number) => {
    const p = published[r]?.[c];
    if (!p || p.suppressed) throw new Error('not published');
    return p.value;
  };
  const range = (lo: number[], hi: number[], [r, c]: [number, number]): [number, number] => {
    const i = index.get(`${r},${c}`);
    if (i === undefined) return [known(r, c), known(r, c)];
    return [lo[i] ?? 0, hi[i] ?? 0];
  };
  const propagate = (lo: number[], hi: number[]): boolean => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const [interior, margin] of eqs) {
        const parts = interior.map((pos) => range(lo, hi, pos));
        const sLo = parts.reduce((s, [a]) => s + a, 0);
        const sHi = parts.reduce((s, [, b]) => s + b, 0);
        const [mLo, mHi] = range(lo, hi, margin);
        const narrow = (pos: [number, number], newLo: number, newHi: number) => {
          const i = index.get(`${pos[0]},${pos[1]}`);
          if (i === undefined) return;
          if (newLo > (lo[i] ?? 0)) {
            lo[i] = newLo;
            changed = true;
          }
          if (newHi < (hi[i] ?? 0)) {
            hi[i] = newHi;
            changed = true;
          }
        };
        narrow(margin, sLo, sHi);
        interior.forEach((pos, k) => {
          const [a, b] = parts[k] ?? [0, 0];
          narrow(pos, mLo - (sHi - b), mHi - (sLo - a));
        });
        if (mHi < sLo || mLo > sHi) return false;
      }
      if (unknown.some((_, i) => (lo[i] ?? 0) > (hi[i] ?? 0))) return false;
    }
    return true;
  };
  const truthOf = (i: number) => {
    const [r, c] = unknown[i] ?? [0, 0];
    return truth[r]?.[c] ?? 0;
  };
  const candidates = (i: number, lo: number, hi: number) => {
    const t = truthOf(i);
    const values: number[] = [];
    for (let d = 0; t - d >= lo || t + d <= hi; d++) {
      if (t + d >= lo && t + d <= hi) values.push(t + d);
      if (d > 0 && t - d >= lo && t - d <= hi) values.push(t - d);
    }
    return values;
  };
  const search = (lo: number[], hi: number[]): boolean => {
    if (!propagate(lo, hi)) return false;
    let pick = -1;
    for (let i = 0; i < unknown.length; i++)
      if (
        (lo[i] ?? 0) < (hi[i] ?? 0) &&
        (pick < 0 || (hi[i] ?? 0) - (lo[i] ?? 0) < (hi[pick] ?? 0) - (lo[pick] ?? 0))
      )
        pick = i;
    if (pick < 0) {
      // All fixed: check every equation exactly.
      return eqs.every(
        ([interior, margin]) =>
          interior.reduce((s, pos) => s + range(lo, hi, pos)[0], 0) === range(lo, hi, margin)[0],
      );
    }
    for (const value of candidates(pick, lo[pick] ?? 0, hi[pick] ?? 0)) {
      const lo2 = [...lo];
      const hi2 = [...hi];
      lo2[pick] = value;
      hi2[pick] = value;
      if (search(lo2, hi2)) return true;
    }
    return false;
  };
  const t = index.get(`${target[0]},${target[1]}`);
  if (t === undefined) throw new Error('target is not suppressed');
  const trueValue = truthOf(t);
  for (const value of candidates(t, 0, bound)) {
    if (value === trueValue) continue;
    const lo = unknown.map(() => 0);
    const hi = unknown.map(() => bound);
    lo[t] = value;
    hi[t] = value;
    if (search(lo, hi)) return true;
  }
  return false;
}

function suppressedPositions(grid: PublishedCell[][]): [number, number][] {
  return grid.flatMap((row, r) => row.flatMap((p, c): [number, number][] => (p.suppressed ? [[r, c]] : [])));
}

describe('protectTable: hand-computed tables', () => {
  it('suppresses a small cell and the smallest cells that hide it, keeping all margins', () => {
    const t = protectTable(
      tableOf([
        [10, 3, 20],
        [12, 15, 8],
        [30, 25, 40],
      ]),
    );
    expect(t.cells).toEqual([
      [S, P, v(20)],
      [S, S, v(8)],
      [v(30), v(25), v(40)],
    ]);
    expect(t.rowTotals).toEqual([v(33), v(35), v(95)]);
    expect(t.columnTotals).toEqual([v(52), v(43), v(68)]);
    expect(t.grandTotal).toEqual(v(163));
  });

  it('suppresses a small row total and hides it with another row total', () => {
    const t = protectTable(
      tableOf([
        [1, 2],
        [10, 10],
      ]),
    );
    expect(t.cells).toEqual([
      [P, P],
      [S, S],
    ]);
    expect(t.rowTotals).toEqual([P, S]);
    expect(t.columnTotals).toEqual([v(11), v(12)]);
    expect(t.grandTotal).toEqual(v(23));
  });

  it('publishes zeros unless configured otherwise', () => {
    const cells = [
      [0, 10],
      [10, 10],
    ];
    expect(suppressedPositions(extended(protectTable(tableOf(cells))))).toEqual([]);
    const t = protectTable(tableOf(cells), { suppressZeros: true });
    expect(t.cells).toEqual([
      [P, S],
      [S, S],
    ]);
    expect(t.rowTotals).toEqual([v(10), v(20)]);
  });

  it('publishes everything at or above the threshold; a configured threshold of 10 suppresses 5..9', () => {
    const cells = [
      [5, 6],
      [7, 9],
    ];
    expect(suppressedPositions(extended(protectTable(tableOf(cells))))).toEqual([]);
    const t = protectTable(tableOf(cells), { threshold: 10 });
    expect(t.cells).toEqual([
      [P, P],
      [P, P],
    ]);
    expect(t.rowTotals).toEqual([v(11), v(16)]);
    expect(t.grandTotal).toEqual(v(27));
  });

  it('rounds published values to the base and never a suppressed one', () => {
    const t = protectTable(
      tableOf([
        [7, 12],
        [13, 26],
      ]),
      { roundingBase: 5 },
    );
    expect(t.cells).toEqual([
      [v(5), v(10)],
      [v(15), v(25)],
    ]);
    expect(t.rowTotals).toEqual([v(20), v(40)]);
    expect(t.columnTotals).toEqual([v(20), v(40)]);
    expect(t.grandTotal).toEqual(v(60));
  });

  it('catches what "two per line" misses: zeros locked in a cycle', () => {
    const cells = [
      [0, 0, 9],
      [0, 0, 9],
      [9, 9, 9],
    ];
    const t = protectTable(tableOf(cells), { suppressZeros: true });
    const grid = extended(t);
    const truth = trueExtended(cells);
    // The four zeros alone satisfy "two per line" but are all pinned at 0 by the row totals.
    expect(suppressedPositions(grid).length).toBeGreaterThan(4);
    for (const pos of suppressedPositions(grid)) expect(hasAlternative(grid, truth, pos, 60)).toBe(true);
  });

  it('catches what "two per line" misses: one cell bridging two suppressed blocks', () => {
    // Two 2×2 blocks of small cells and the small cell (0,2) joining them. Every line has 0 or at
    // least 2 small cells, yet row 0 and the columns of block A pin (0,2) at 1.
    const cells = [
      [1, 1, 1, 50, 50],
      [1, 1, 50, 50, 50],
      [50, 50, 1, 1, 50],
      [50, 50, 1, 1, 50],
      [50, 50, 50, 50, 50],
    ];
    const t = protectTable(tableOf(cells));
    const grid = extended(t);
    const truth = trueExtended(cells);
    expect(
      lineCounts(grid.map((row) => row.map((p) => (p === S ? v(0) : p)))).filter((n) => n === 1),
    ).toEqual([]);
    expect(suppressedPositions(grid).length).toBeGreaterThan(9);
    expect(t.cells[0]?.[2]).toEqual(P);
    for (const pos of suppressedPositions(grid)) expect(hasAlternative(grid, truth, pos, 2000)).toBe(true);
  });

  it.each<[string, number[][], Partial<DisclosureOptions>]>([
    ['no rows', [], {}],
    ['ragged rows', [[1, 2], [3]], {}],
    ['negative count', [[-1, 2]], {}],
    ['fractional count', [[1.5, 2]], {}],
    ['threshold 0', [[1, 2]], { threshold: 0 }],
    ['rounding base 0', [[1, 2]], { roundingBase: 0 }],
  ])('rejects %s', (_name, cells, options) => {
    const table = { rowKeys: keys('r', cells.length), columnKeys: keys('c', 2), cells };
    expect(() => protectTable(table, options)).toThrow(RangeError);
  });
});

const smallTable = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, columns }) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 25 })), {
        minLength: columns,
        maxLength: columns,
      }),
      { minLength: rows, maxLength: rows },
    ),
  );

const optionsArb = fc.record({
  threshold: fc.constantFrom(3, 5, 10),
  suppressZeros: fc.boolean(),
  roundingBase: fc.constant(null),
});

function lineCounts(grid: PublishedCell[][]): number[] {
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  const counts: number[] = [];
  for (let r = 0; r < rows; r++) counts.push((grid[r] ?? []).filter((p) => p.suppressed).length);
  for (let c = 0; c < columns; c++) counts.push(grid.filter((row) => row[c]?.suppressed).length);
  return counts;
}

describe('protectTable: properties', () => {
  it('(a) no row or column of the table with its margins has exactly one suppressed entry', () => {
    const anyTable = fc
      .record({ rows: fc.integer({ min: 1, max: 25 }), columns: fc.integer({ min: 1, max: 6 }) })
      .chain(({ rows, columns }) =>
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 400 })), {
            minLength: columns,
            maxLength: columns,
          }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
      );
    fc.assert(
      fc.property(anyTable, optionsArb, (cells, options) => {
        const grid = extended(protectTable(tableOf(cells), options));
        expect(lineCounts(grid).filter((n) => n === 1)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('(b) every suppressed value has more than one feasible value (brute force over small tables)', () => {
    fc.assert(
      fc.property(smallTable, optionsArb, (cells, options) => {
        const grid = extended(protectTable(tableOf(cells), options));
        const truth = trueExtended(cells);
        const bound = (truth.at(-1)?.at(-1) ?? 0) + 2;
        for (const pos of suppressedPositions(grid))
          expect(hasAlternative(grid, truth, pos, bound)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('every sensitive count is suppressed as primary and every published value is the true one', () => {
    fc.assert(
      fc.property(smallTable, optionsArb, (cells, options) => {
        const grid = extended(protectTable(tableOf(cells), options));
        const truth = trueExtended(cells);
        for (const [r, row] of grid.entries())
          for (const [c, p] of row.entries()) {
            const x = truth[r]?.[c] ?? -1;
            const sensitive = x < options.threshold && (x > 0 || options.suppressZeros);
            if (sensitive) expect(p).toEqual(P);
            else if (!p.suppressed) expect(p.value).toBe(x);
            else expect(p.reason).toBe('secondary');
          }
      }),
      { numRuns: 500 },
    );
  });

  it('rounding changes values only: same suppression pattern, multiples of the base, off by at most half', () => {
    fc.assert(
      fc.property(smallTable, fc.constantFrom(2, 5, 10), (cells, base) => {
        const plain = extended(protectTable(tableOf(cells)));
        const rounded = extended(protectTable(tableOf(cells), { roundingBase: base }));
        for (const [r, row] of rounded.entries())
          for (const [c, p] of row.entries()) {
            const q = plain[r]?.[c];
            expect(p.suppressed).toBe(q?.suppressed);
            if (!p.suppressed && q && !q.suppressed) {
              expect(p.value % base).toBe(0);
              expect(Math.abs(p.value - q.value)).toBeLessThanOrEqual(base / 2);
            }
          }
      }),
    );
  });

  it('a table with nothing sensitive is published whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 5, max: 1000 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 10,
        }),
        (cells) => {
          expect(suppressedPositions(extended(protectTable(tableOf(cells))))).toEqual([]);
        },
      ),
    );
  });
});

describe('publishRate', () => {
  it.each<[PublishedCell, number, number, ReturnType<typeof publishRate>]>([
    [v(25), 50_000, 10_000, { suppressed: false, value: 50 }],
    [v(7), 123_456, 10_000, { suppressed: false, value: 5.7 }],
    [v(0), 20_000, 10_000, { suppressed: false, value: 0 }],
    [v(25), 9_999, 10_000, { suppressed: true, reason: 'denominator_too_small' }],
    [v(25), 10_000, 10_000, { suppressed: false, value: 250 }],
    [v(25), 0, 0, { suppressed: true, reason: 'denominator_too_small' }],
    [P, 50_000, 10_000, { suppressed: true, reason: 'numerator_suppressed' }],
    [S, 5, 10_000, { suppressed: true, reason: 'numerator_suppressed' }],
  ])('%j over %i (minimum %i)', (numerator, denominator, minDenominator, expected) => {
    expect(publishRate(numerator, denominator, { minDenominator })).toEqual(expected);
  });

  it('uses the published (rounded) count, so the rate cannot give the true count back', () => {
    const t = protectTable(tableOf([[12, 13]]), { roundingBase: 5 });
    const cell = t.cells[0]?.[0] as PublishedCell;
    expect(publishRate(cell, 100_000, { minDenominator: 1 })).toEqual({ suppressed: false, value: 10 });
  });

  it('supports another base and precision, and rejects a negative denominator', () => {
    expect(publishRate(v(3), 1_000, { minDenominator: 100, per: 1_000, decimals: 2 })).toEqual({
      suppressed: false,
      value: 3,
    });
    expect(publishRate(v(1), 3, { minDenominator: 1, per: 100, decimals: 2 })).toEqual({
      suppressed: false,
      value: 33.33,
    });
    expect(() => publishRate(v(1), -1, { minDenominator: 0 })).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProtectedTable, type PublishedCell, protectTable } from './disclosure.ts';
import { publishShare, selectView, sumPublished } from './table-view.ts';

const v = (value: number): PublishedCell => ({ suppressed: false, value });
const S: PublishedCell = { suppressed: true, reason: 'secondary' };

const rows = ['a', 'b', 'c'];
const year = (y: number) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`);

describe('sumPublished', () => {
  it('adds published values and hides a sum with a hidden part', () => {
    expect(sumPublished([v(2), v(3)])).toEqual(v(5));
    expect(sumPublished([v(2), S])).toEqual(S);
    expect(sumPublished([])).toEqual(v(0));
  });
});

describe('selectView', () => {
  const cells2023 = [
    [10, 12, 9, 8],
    [6, 0, 7, 11],
    [2, 0, 0, 1],
  ];
  const cells2024 = [
    [20, 11, 10, 9],
    [8, 7, 6, 5],
    [0, 0, 3, 0],
  ];
  const t2023 = protectTable({ rowKeys: rows, columnKeys: year(2023), cells: cells2023 });
  const t2024 = protectTable({ rowKeys: rows, columnKeys: year(2024), cells: cells2024 });

  it('keeps the canonical margins where the view covers a whole table', () => {
    const view = selectView([t2023], rows, year(2023));
    expect(view).toEqual(t2023);
  });

  it('copies cells and adds margins over several years', () => {
    const view = selectView([t2023, t2024], ['a'], ['2023-Q4', '2024-Q1']);
    expect(view.cells).toEqual([[t2023.cells[0]?.[3], t2024.cells[0]?.[0]]]);
    expect(view.rowTotals).toEqual([sumPublished([t2023.cells[0]?.[3] ?? S, t2024.cells[0]?.[0] ?? S])]);
  });

  it('refuses unknown rows and columns and tables with other rows', () => {
    expect(() => selectView([t2023], ['z'], year(2023))).toThrow(RangeError);
    expect(() => selectView([t2023], rows, ['2030-Q1'])).toThrow(RangeError);
    const other = protectTable({ rowKeys: ['x'], columnKeys: ['2030-Q1'], cells: [[9]] });
    expect(() => selectView([t2023, other], rows, year(2023))).toThrow(RangeError);
  });

  const tableArb = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([r, c]) =>
      fc.array(fc.array(fc.nat({ max: 20 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );

  it('publishes only true sums, and hides every entry hidden in the canonical table', () => {
    fc.assert(
      fc.property(tableArb, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (cells, picks) => {
        const rowKeys = cells.map((_, i) => `r${i}`);
        const columnKeys = (cells[0] ?? []).map((_, i) => `c${i}`);
        const canonical: ProtectedTable = protectTable({ rowKeys, columnKeys, cells });
        const selRows = rowKeys.filter((_, i) => picks[i]);
        const selCols = columnKeys.filter((_, i) => picks[4 + i]);
        if (selRows.length === 0 || selCols.length === 0) return;
        const view = selectView([canonical], selRows, selCols);
        const ri = selRows.map((k) => rowKeys.indexOf(k));
        const ci = selCols.map((k) => columnKeys.indexOf(k));
        const trueCell = (r: number, c: number) => cells[r]?.[c] ?? 0;
        const check = (published: PublishedCell | undefined, truth: number) => {
          if (published && !published.suppressed) expect(published.value).toBe(truth);
        };
        ri.forEach((r, i) => {
          ci.forEach((c, j) => {
            expect(view.cells[i]?.[j]).toEqual(canonical.cells[r]?.[c]);
          });
          check(
            view.rowTotals[i],
            ci.reduce((s, c) => s + trueCell(r, c), 0),
          );
        });
        ci.forEach((c, j) => {
          check(
            view.columnTotals[j],
            ri.reduce((s, r) => s + trueCell(r, c), 0),
          );
        });
        check(
          view.grandTotal,
          ri.reduce((s, r) => s + ci.reduce((t, c) => t + trueCell(r, c), 0), 0),
        );
        // A view line with one hidden cell hides its total too, so the cell cannot be recovered.
        view.cells.forEach((row, i) => {
          if (row.filter((x) => x.suppressed).length === 1) expect(view.rowTotals[i]?.suppressed).toBe(true);
        });
      }),
    );
  });
});

describe('publishShare', () => {
  it('shows a share only from two published counts over a safe denominator', () => {
    expect(publishShare(v(5), v(27), 5)).toEqual({
      suppressed: false,
      numerator: 5,
      denominator: 32,
      percent: 15.6,
    });
    expect(publishShare(v(0), v(18), 5)).toEqual({
      suppressed: false,
      numerator: 0,
      denominator: 18,
      percent: 0,
    });
    expect(publishShare(S, v(27), 5)).toEqual({ suppressed: true });
    // 39 of 40 would reveal that one report was not: the complement is hidden, so is the share.
    expect(publishShare(v(39), S, 5)).toEqual({ suppressed: true });
    expect(publishShare(v(0), v(0), 5)).toEqual({ suppressed: true });
    expect(publishShare(v(2), v(2), 5)).toEqual({ suppressed: true });
  });
});

import type { ProtectedTable, PublishedCell } from './disclosure.ts';

/**
 * Views on protected tables for readers' filters (municipality, subregion, period).
 *
 * Protecting each filtered table on its own would leak: the suppression pattern depends on which
 * rows and columns are in the table, so a cell hidden in one selection could be computed from the
 * totals of another (differencing). Instead every table is protected once in a canonical form —
 * all municipalities of the region × the quarters of one calendar year — and a view only copies
 * published entries or adds them up; a sum with a suppressed part is suppressed. A view therefore
 * publishes nothing that cannot be computed from the canonical tables, which are protected.
 */

export function sumPublished(parts: readonly PublishedCell[]): PublishedCell {
  if (parts.length === 1 && parts[0]) return parts[0];
  let value = 0;
  for (const p of parts) {
    if (p.suppressed) return { suppressed: true, reason: 'secondary' };
    value += p.value;
  }
  return { suppressed: false, value };
}

function cellAt(table: ProtectedTable, r: number, c: number): PublishedCell {
  const cell = table.cells[r]?.[c];
  if (!cell) throw new RangeError(`no cell ${r},${c}`);
  return cell;
}

function entry<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new RangeError(`no entry ${i}`);
  return v;
}

/**
 * The rows and columns asked for, taken from canonical tables that share their rows and split the
 * columns between them (e.g. one table per year of quarters). Every row and column asked for must
 * exist; margins come from the canonical margins where the view covers them whole.
 */
export function selectView(
  parts: readonly ProtectedTable[],
  rows: readonly string[],
  columns: readonly string[],
): ProtectedTable {
  if (parts.length === 0) throw new RangeError('a view needs at least one table');
  const first = entry(parts, 0);
  for (const p of parts)
    if (p.rowKeys.join('\u0000') !== first.rowKeys.join('\u0000'))
      throw new RangeError('the tables of a view share their rows');
  if (rows.length === 0 || columns.length === 0) throw new RangeError('a view needs rows and columns');
  const rowIndex = rows.map((r) => {
    const i = first.rowKeys.indexOf(r);
    if (i < 0) throw new RangeError(`unknown row ${r}`);
    return i;
  });
  const owners = columns.map((c) => {
    const t = parts.findIndex((p) => p.columnKeys.includes(c));
    if (t < 0) throw new RangeError(`unknown column ${c}`);
    const part = entry(parts, t);
    return { t, part, c: part.columnKeys.indexOf(c) };
  });
  const allRows = new Set(rows).size === first.rowKeys.length;
  const used = [...new Set(owners.map((o) => o.t))].map((t) => {
    const part = entry(parts, t);
    const mine = owners.filter((o) => o.t === t).map((o) => o.c);
    return { part, columns: mine, allColumns: new Set(mine).size === part.columnKeys.length };
  });

  const cells = rowIndex.map((r) => owners.map((o) => cellAt(o.part, r, o.c)));
  const rowTotals = rowIndex.map((r) =>
    sumPublished(
      used.map((u) =>
        u.allColumns ? entry(u.part.rowTotals, r) : sumPublished(u.columns.map((c) => cellAt(u.part, r, c))),
      ),
    ),
  );
  const columnTotals = owners.map((o) =>
    allRows ? entry(o.part.columnTotals, o.c) : sumPublished(rowIndex.map((r) => cellAt(o.part, r, o.c))),
  );
  const grandTotal = sumPublished(
    used.map((u) => {
      if (allRows && u.allColumns) return u.part.grandTotal;
      if (allRows) return sumPublished(u.columns.map((c) => entry(u.part.columnTotals, c)));
      if (u.allColumns) return sumPublished(rowIndex.map((r) => entry(u.part.rowTotals, r)));
      return sumPublished(rowIndex.flatMap((r) => u.columns.map((c) => cellAt(u.part, r, c))));
    }),
  );
  return { rowKeys: rows, columnKeys: columns, cells, rowTotals, columnTotals, grandTotal };
}

export type PublishedShare =
  | { suppressed: false; numerator: number; denominator: number; percent: number }
  | { suppressed: true };

/**
 * A percentage from the published counts of both outcomes: shown only when both are published
 * (so neither the events nor their complement is a hidden small count) and the denominator is at
 * least `minDenominator`. One decimal.
 */
export function publishShare(yes: PublishedCell, no: PublishedCell, minDenominator: number): PublishedShare {
  if (yes.suppressed || no.suppressed) return { suppressed: true };
  const denominator = yes.value + no.value;
  if (denominator === 0 || denominator < minDenominator) return { suppressed: true };
  return {
    suppressed: false,
    numerator: yes.value,
    denominator,
    percent: Math.round((yes.value / denominator) * 1000) / 10,
  };
}

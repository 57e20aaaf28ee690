/**
 * Statistical disclosure control for two-way tables of counts with their margins (e.g.
 * municipalities × quarters), the one place every published figure passes (issue 5). CBS publishes
 * Veilig Thuis figures rounded to fives (reference §2); regions set their own threshold.
 *
 * 1. Primary suppression: a count below the threshold (default 5), zero only when configured,
 *    in the cells and in the margins (a small row, column or grand total is itself suppressed).
 * 2. Secondary suppression: the table with its margins is read as (R+1)×(C+1) entries in which
 *    every row and column is an equation (cells sum to their total). An equation with exactly one
 *    suppressed entry gives it away, so each line gets 0 or at least 2 suppressed entries, the
 *    extra ones being the smallest non-zero entries of the line (a zero can only move up, so it
 *    hides less).
 * 3. Audit: "two per line" is not enough (two suppressed cycles joined by a single cell, or zeros
 *    that can only move one way, still pin values). The equations of such a table form a network:
 *    a suppressed entry can take another non-negative integer value exactly when it lies on a
 *    cycle of suppressed entries along which every entry can move by one (alternately up and
 *    down) without going negative. Each entry is checked for such a cycle; a pinned entry gets the
 *    cheapest rectangle of extra suppressions that frees it (one always exists: the entry with its
 *    row total, column total and grand total can all rise together). Steps 2–3 repeat until stable.
 * 4. Optional rounding of every published value to a base (e.g. 5).
 *
 * An attacker who also knows the threshold learns that a primary cell lies in 1..threshold-1; the
 * guarantee here is the stated one: no suppressed value follows from the published ones.
 */

export interface CountTable {
  rowKeys: readonly string[];
  columnKeys: readonly string[];
  /** cells[row][column]: non-negative integer counts. */
  cells: readonly (readonly number[])[];
}

export interface DisclosureOptions {
  /** Counts below this are suppressed. */
  threshold: number;
  /** Whether a zero is suppressed too (it is a safe count unless a region decides otherwise). */
  suppressZeros: boolean;
  /** Round every published value to a multiple of this; null for no rounding. */
  roundingBase: number | null;
}

export const DEFAULT_DISCLOSURE_OPTIONS: DisclosureOptions = {
  threshold: 5,
  suppressZeros: false,
  roundingBase: null,
};

export type SuppressionReason = 'primary' | 'secondary';

/** A suppressed entry carries no value at all, so it cannot leak through serialisation. */
export type PublishedCell =
  | { suppressed: false; value: number }
  | { suppressed: true; reason: SuppressionReason };

export interface ProtectedTable {
  rowKeys: readonly string[];
  columnKeys: readonly string[];
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
}

type Status = SuppressionReason | null;

interface Grid {
  /** Rows and columns of the interior; index `rows` / `columns` is the margin. */
  rows: number;
  columns: number;
  value: number[][];
  status: Status[][];
}

function validate(table: CountTable, options: DisclosureOptions): void {
  const { threshold, roundingBase } = options;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError('threshold must be an integer >= 1');
  if (roundingBase !== null && (!Number.isInteger(roundingBase) || roundingBase < 1))
    throw new RangeError('roundingBase must be an integer >= 1');
  if (table.rowKeys.length === 0 || table.columnKeys.length === 0)
    throw new RangeError('a table needs at least one row and one column');
  if (table.cells.length !== table.rowKeys.length) throw new RangeError('one row of cells per row key');
  for (const row of table.cells) {
    if (row.length !== table.columnKeys.length) throw new RangeError('one cell per column key in every row');
    for (const v of row)
      if (!Number.isSafeInteger(v) || v < 0) throw new RangeError('cells must be non-negative integers');
  }
}

function buildGrid(table: CountTable, options: DisclosureOptions): Grid {
  const rows = table.rowKeys.length;
  const columns = table.columnKeys.length;
  const value: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const v = table.cells[r]?.[c] ?? 0;
      setAt(value, r, c, v);
      addAt(value, r, columns, v);
      addAt(value, rows, c, v);
      addAt(value, rows, columns, v);
    }
  const sensitive = (v: number) => v < options.threshold && (v > 0 || options.suppressZeros);
  const status = value.map((row) => row.map((v): Status => (sensitive(v) ? 'primary' : null)));
  return { rows, columns, value, status };
}

function at<T>(m: T[][], r: number, c: number): T {
  const v = m[r]?.[c];
  if (v === undefined) throw new RangeError(`no entry ${r},${c}`);
  return v;
}

function setAt<T>(m: T[][], r: number, c: number, v: T): void {
  const row = m[r];
  if (row === undefined || c >= row.length) throw new RangeError(`no entry ${r},${c}`);
  row[c] = v;
}

function addAt(m: number[][], r: number, c: number, v: number): void {
  setAt(m, r, c, at(m, r, c) + v);
}

/** Every row and column of the extended table, as lists of [row, column] positions. */
function linesOf(g: Grid): [number, number][][] {
  const lines: [number, number][][] = [];
  for (let r = 0; r <= g.rows; r++) lines.push(Array.from({ length: g.columns + 1 }, (_, c) => [r, c]));
  for (let c = 0; c <= g.columns; c++) lines.push(Array.from({ length: g.rows + 1 }, (_, r) => [r, c]));
  return lines;
}

function isMargin(g: Grid, r: number, c: number): boolean {
  return r === g.rows || c === g.columns;
}

/** Step 2: no line with exactly one suppressed entry. Returns whether anything was added. */
function suppressSecondPerLine(g: Grid): boolean {
  let any = false;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of linesOf(g)) {
      if (line.filter(([r, c]) => at(g.status, r, c) !== null).length !== 1) continue;
      const rank = ([r, c]: [number, number]) => {
        const v = at(g.value, r, c);
        return [v === 0 ? 1 : 0, v, isMargin(g, r, c) ? 1 : 0];
      };
      const pick = line
        .filter(([r, c]) => at(g.status, r, c) === null)
        .sort((a, b) => compareTuples(rank(a), rank(b)))[0];
      if (pick === undefined) throw new Error('a line of the extended table has at least two entries');
      setAt(g.status, pick[0], pick[1], 'secondary');
      changed = true;
      any = true;
    }
  }
  return any;
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Arc {
  to: number;
  entry: number;
}

/**
 * Arcs of the network of suppressed entries. Nodes are the lines (rows 0..R, then columns). With
 * the sign +1 for interior entries and the grand total and −1 for the other margins, every line
 * sums to zero; a move of +1 (in signed terms) along an entry is an arc row→column, −1 an arc
 * column→row. An arc exists when the entry's count stays non-negative after the move.
 */
function buildArcs(g: Grid): Arc[][] {
  const arcs: Arc[][] = Array.from({ length: g.rows + g.columns + 2 }, () => []);
  for (let r = 0; r <= g.rows; r++)
    for (let c = 0; c <= g.columns; c++) {
      if (at(g.status, r, c) === null) continue;
      const positive = (r === g.rows) === (c === g.columns);
      const x = at(g.value, r, c);
      const entry = r * (g.columns + 1) + c;
      const rowNode = r;
      const colNode = g.rows + 1 + c;
      if (positive || x >= 1) arcs[rowNode]?.push({ to: colNode, entry });
      if (!positive || x >= 1) arcs[colNode]?.push({ to: rowNode, entry });
    }
  return arcs;
}

function reachable(arcs: Arc[][], from: number, to: number, skipEntry: number): boolean {
  const seen = new Set<number>([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    for (const arc of arcs[queue[head] ?? -1] ?? []) {
      if (arc.entry === skipEntry || seen.has(arc.to)) continue;
      if (arc.to === to) return true;
      seen.add(arc.to);
      queue.push(arc.to);
    }
  }
  return false;
}

/** Whether the suppressed entry (r, c) can take another value given everything published. */
function canMove(g: Grid, arcs: Arc[][], r: number, c: number): boolean {
  const positive = (r === g.rows) === (c === g.columns);
  const x = at(g.value, r, c);
  const entry = r * (g.columns + 1) + c;
  const rowNode = r;
  const colNode = g.rows + 1 + c;
  if ((positive || x >= 1) && reachable(arcs, colNode, rowNode, entry)) return true;
  return (!positive || x >= 1) && reachable(arcs, rowNode, colNode, entry);
}

function findPinned(g: Grid): [number, number] | null {
  const arcs = buildArcs(g);
  for (let r = 0; r <= g.rows; r++)
    for (let c = 0; c <= g.columns; c++)
      if (at(g.status, r, c) !== null && !canMove(g, arcs, r, c)) return [r, c];
  return null;
}

/** Step 3: suppress the cheapest rectangle through (r, c) that lets it move. */
function freePinned(g: Grid, r: number, c: number): void {
  const options: { cells: [number, number][]; cost: number[] }[] = [];
  for (let r2 = 0; r2 <= g.rows; r2++)
    for (let c2 = 0; c2 <= g.columns; c2++) {
      if (r2 === r || c2 === c) continue;
      const cells = (
        [
          [r, c2],
          [r2, c],
          [r2, c2],
        ] as [number, number][]
      ).filter(([i, j]) => at(g.status, i, j) === null);
      const sum = cells.reduce((s, [i, j]) => s + at(g.value, i, j), 0);
      const margins = cells.filter(([i, j]) => isMargin(g, i, j)).length;
      options.push({ cells, cost: [sum, margins, cells.length, r2, c2] });
    }
  options.sort((a, b) => compareTuples(a.cost, b.cost));
  for (const option of options) {
    if (option.cells.length === 0) continue;
    for (const [i, j] of option.cells) setAt(g.status, i, j, 'secondary');
    if (canMove(g, buildArcs(g), r, c)) return;
    for (const [i, j] of option.cells) setAt(g.status, i, j, null);
  }
  throw new Error(`no rectangle frees entry ${r},${c}`);
}

export function protectTable(table: CountTable, options: Partial<DisclosureOptions> = {}): ProtectedTable {
  const opts: DisclosureOptions = { ...DEFAULT_DISCLOSURE_OPTIONS, ...options };
  validate(table, opts);
  const g = buildGrid(table, opts);
  for (;;) {
    suppressSecondPerLine(g);
    const pinned = findPinned(g);
    if (pinned === null) break;
    freePinned(g, pinned[0], pinned[1]);
  }
  const base = opts.roundingBase;
  const publish = (r: number, c: number): PublishedCell => {
    const status = at(g.status, r, c);
    if (status !== null) return { suppressed: true, reason: status };
    const v = at(g.value, r, c);
    return { suppressed: false, value: base === null ? v : Math.round(v / base) * base };
  };
  return {
    rowKeys: table.rowKeys,
    columnKeys: table.columnKeys,
    cells: Array.from({ length: g.rows }, (_, r) =>
      Array.from({ length: g.columns }, (_, c) => publish(r, c)),
    ),
    rowTotals: Array.from({ length: g.rows }, (_, r) => publish(r, g.columns)),
    columnTotals: Array.from({ length: g.columns }, (_, c) => publish(g.rows, c)),
    grandTotal: publish(g.rows, g.columns),
  };
}

export type PublishedRate =
  | { suppressed: false; value: number }
  | { suppressed: true; reason: 'numerator_suppressed' | 'denominator_too_small' };

export interface RateOptions {
  /** The smallest denominator (e.g. population) over which a rate may be shown. */
  minDenominator: number;
  /** Per how many (default 100,000 inhabitants). */
  per?: number;
  decimals?: number;
}

/**
 * A rate from a published count. It uses the published (possibly rounded) value, never the true
 * count: rate × denominator would otherwise give the unrounded count back.
 */
export function publishRate(
  numerator: PublishedCell,
  denominator: number,
  options: RateOptions,
): PublishedRate {
  const { minDenominator, per = 100_000, decimals = 1 } = options;
  if (!Number.isFinite(denominator) || denominator < 0) throw new RangeError('denominator must be >= 0');
  if (numerator.suppressed) return { suppressed: true, reason: 'numerator_suppressed' };
  if (denominator === 0 || denominator < minDenominator)
    return { suppressed: true, reason: 'denominator_too_small' };
  const scale = 10 ** decimals;
  return { suppressed: false, value: Math.round((numerator.value / denominator) * per * scale) / scale };
}

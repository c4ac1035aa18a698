import { RunMonitor } from './run-monitor.js';
import { sparseStart } from './sparse-start.js';

/**
 * Dense rectangular linear assignment by shortest augmenting paths.
 *
 * References:
 * - R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse
 *   linear assignment problems", Computing 38 (1987) 325–340: column reduction, reduction
 *   transfer, augmenting row reduction, and the Dijkstra search that settles every column of
 *   the current minimum distance at once (the SCAN list), which is what makes ties cheap.
 * - D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE Transactions on
 *   Aerospace and Electronic Systems 52(4) (2016) 1679–1696, and SciPy's `rectangular_lsap.cpp`:
 *   the rectangular case (rows ≤ cols) with column potentials kept ≤ 0.
 *
 * Only column potentials `v` are stored. The row potential is implied: an assigned row `i`
 * always sits on a column minimising `c(i, j) - v[j]`, so `u[i] = c(i, col(i)) - v[col(i)]`.
 * That invariant is the dual feasibility certificate and every phase below keeps it.
 *
 * Forbidden cells are `+Infinity` after the sign is applied. Potentials stay finite: a step
 * that would move a potential by an infinite amount is skipped instead.
 */

/** What the kernel hands back; the caller owns every array. */
export interface DenseKernelResult {
  readonly rowToCol: Int32Array;
  readonly colToRow: Int32Array;
  /** Column potentials of the minimisation problem `sign * cost`. */
  readonly v: Float64Array;
  /** Rows for which no augmenting path exists, in the order they failed. */
  readonly failedRows: number[];
  /**
   * For each failed row, the rows its search reached (itself first) and the columns they can
   * use: a set of rows larger than its set of allowed columns (Hall's condition fails).
   */
  readonly deficientSets: { rows: number[]; cols: number[] }[];
}

/**
 * Minimises `Σ sign * cost[i * cols + rowToCol[i]]` over assignments of every row, for
 * `rows <= cols`. Rows without an augmenting path are left unassigned and reported.
 * `lowest`, when known, is the smallest `sign * cost` of an allowed cell. `monitor` sees the
 * phase `phase`, with rows assigned as progress.
 */
export function solveDense(
  cost: Float64Array,
  rows: number,
  cols: number,
  sign: 1 | -1,
  lowest = Number.NEGATIVE_INFINITY,
  monitor = new RunMonitor('solveDense', undefined, undefined),
  phase = 'assign',
): DenseKernelResult {
  monitor.begin(phase, rows);
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  const v = new Float64Array(cols);
  const free = new Int32Array(rows);
  let freeCount: number;
  if (rows < cols) {
    // Rectangular: potentials start at 0 and only decrease, as Crouse's method requires.
    for (let i = 0; i < rows; i++) free[i] = i;
    freeCount = rows;
  } else {
    freeCount =
      rows >= SPARSE_START_MIN_SIZE
        ? sparseStart(cost, rows, sign, lowest, { rowToCol, colToRow, v }, free, monitor)
        : -1;
    if (freeCount < 0) {
      // Small, or the sparse start gave up: start over from a column reduction, which sets
      // every potential afresh.
      rowToCol.fill(-1);
      colToRow.fill(-1);
      freeCount = columnReduction(cost, rows, cols, sign, v, rowToCol, colToRow, free);
    }
  }
  // Two passes, as Jonker and Volgenant recommend; the second catches rows the first displaced.
  for (let pass = 0; pass < 2 && freeCount > 0; pass++) {
    freeCount = augmentingRowReduction(
      cost,
      cols,
      sign,
      v,
      rowToCol,
      colToRow,
      free,
      freeCount,
      monitor,
    );
  }

  const search = new ShortestPathSearch(cost, cols, sign, v, rowToCol, colToRow);
  const failedRows: number[] = [];
  const deficientSets: { rows: number[]; cols: number[] }[] = [];
  const assignedBefore = rows - freeCount;
  for (let f = 0; f < freeCount; f++) {
    const row = free[f];
    const scansBefore = search.scans;
    if (!search.augment(row)) {
      failedRows.push(row);
      deficientSets.push(search.reachedSets(row));
    }
    monitor.tick(assignedBefore + f + 1, (search.scans - scansBefore + 1) * cols);
  }
  monitor.end();
  return { rowToCol, colToRow, v, failedRows, deficientSets };
}

/** Below this size the sparse start costs more than it saves. */
const SPARSE_START_MIN_SIZE = 128;

/**
 * Sets `v[j]` to the column minimum and gives each column to its minimum row when that row is
 * still free; then moves the slack of singly-assigned rows onto their column (reduction
 * transfer) so later phases see tighter potentials. Returns the number of free rows.
 */
function columnReduction(
  cost: Float64Array,
  n: number,
  cols: number,
  sign: number,
  v: Float64Array,
  rowToCol: Int32Array,
  colToRow: Int32Array,
  free: Int32Array,
): number {
  const argmin = new Int32Array(cols).fill(-1);
  v.fill(Number.POSITIVE_INFINITY);
  // Row-major sweep: the matrix is read once, sequentially.
  for (let i = 0; i < n; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const c = sign * cost[base + j];
      if (c < v[j]) {
        v[j] = c;
        argmin[j] = i;
      }
    }
  }
  const matches = new Int32Array(n);
  // Right to left, as in the original, so ties among columns favour the lower index last.
  for (let j = cols - 1; j >= 0; j--) {
    if (v[j] === Number.POSITIVE_INFINITY) {
      v[j] = 0; // a column no row may use; a finite potential keeps the arithmetic clean
      continue;
    }
    const i = argmin[j];
    matches[i]++;
    if (rowToCol[i] === -1) {
      rowToCol[i] = j;
      colToRow[j] = i;
    }
  }

  let freeCount = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      free[freeCount++] = i;
    } else if (matches[i] === 1) {
      const j1 = rowToCol[i];
      const base = i * cols;
      let mu = Number.POSITIVE_INFINITY;
      for (let j = 0; j < cols; j++) {
        if (j === j1) continue;
        const h = sign * cost[base + j] - v[j];
        if (h < mu) mu = h;
      }
      if (mu !== Number.POSITIVE_INFINITY) v[j1] -= mu;
    }
  }
  return freeCount;
}

/**
 * Auction-like step: a free row takes its best column, lowering that column's potential to
 * the row's second-best reduced cost, and the displaced row becomes free. The number of steps
 * is bounded because on near-ties (floats, rounded scores) the exchange can ping-pong between
 * two rows for a long time while gaining almost nothing; the shortest-path phase finishes
 * whatever is left, so the bound costs no optimality.
 */
function augmentingRowReduction(
  cost: Float64Array,
  cols: number,
  sign: number,
  v: Float64Array,
  rowToCol: Int32Array,
  colToRow: Int32Array,
  free: Int32Array,
  freeCount: number,
  monitor: RunMonitor,
): number {
  let k = 0;
  let newFree = 0;
  let budget = 2 * freeCount + 16;
  // Rows out of the queue are assigned; a step never lowers that count.
  const assigned = rowToCol.length - freeCount;
  while (k < freeCount) {
    monitor.tick(assigned, cols);
    const i = free[k++];
    const base = i * cols;
    let u1 = Number.POSITIVE_INFINITY;
    let u2 = Number.POSITIVE_INFINITY;
    let j1 = -1;
    let j2 = -1;
    for (let j = 0; j < cols; j++) {
      const h = sign * cost[base + j] - v[j];
      if (h < u2) {
        if (h >= u1) {
          u2 = h;
          j2 = j;
        } else {
          u2 = u1;
          j2 = j1;
          u1 = h;
          j1 = j;
        }
      }
    }
    if (j1 === -1 || budget-- <= 0) {
      // No allowed column (left for the search to report), or out of budget.
      free[newFree++] = i;
      continue;
    }
    let i0 = colToRow[j1];
    const lowered = v[j1] - (u2 - u1);
    // Comparing the potentials themselves, not u1 < u2, treats a gap lost to rounding as a tie.
    const lowers = u2 !== Number.POSITIVE_INFINITY && lowered < v[j1];
    if (lowers) {
      v[j1] = lowered;
    } else if (i0 >= 0 && j2 >= 0 && u2 !== Number.POSITIVE_INFINITY) {
      // A tie: take the second column instead, which may be free, rather than evict.
      j1 = j2;
      i0 = colToRow[j2];
    }
    if (i0 >= 0) {
      rowToCol[i0] = -1;
      if (lowers) free[--k] = i0;
      else free[newFree++] = i0;
    }
    rowToCol[i] = j1;
    colToRow[j1] = i;
  }
  return newFree;
}

/**
 * Dijkstra over reduced costs from one free row, settling all columns at the current minimum
 * distance together. Workspaces are allocated once and reused for every row.
 */
class ShortestPathSearch {
  private readonly d: Float64Array;
  private readonly pred: Int32Array;
  /** Settled columns in the order they were settled. */
  private readonly scanned: Int32Array;
  /** 1 for the settled columns of the current search. */
  private readonly inTree: Uint8Array;
  /** The unsettled columns at the smallest distance seen in the last sweep. */
  private readonly ties: Int32Array;
  /** How many columns the last failed search settled (the prefix of `order`). */
  private lastReached = 0;
  /** Rows scanned by every search so far: the work a caller watching the run counts. */
  scans = 0;

  constructor(
    private readonly cost: Float64Array,
    private readonly cols: number,
    private readonly sign: number,
    private readonly v: Float64Array,
    private readonly rowToCol: Int32Array,
    private readonly colToRow: Int32Array,
  ) {
    this.d = new Float64Array(cols);
    this.pred = new Int32Array(cols);
    this.scanned = new Int32Array(cols);
    this.inTree = new Uint8Array(cols);
    this.ties = new Int32Array(cols);
  }

  /** Augments from `start`; false when no free column is reachable through allowed cells. */
  augment(start: number): boolean {
    const { cost, cols, sign, v, rowToCol, colToRow, d, pred, scanned, ties, inTree } = this;
    // Every pass over the columns also finds the unsettled minimum and where it is, so the
    // next level needs no pass of its own. The last scan of a level adds no column to it, so
    // what that scan found is exactly the minimum over the unsettled columns.
    let nextMin = Number.POSITIVE_INFINITY;
    let tieCount = 0;
    const startBase = start * cols;
    for (let j = 0; j < cols; j++) {
      pred[j] = start;
      const dj = sign * cost[startBase + j] - v[j];
      d[j] = dj;
      if (dj <= nextMin) {
        if (dj < nextMin) {
          nextMin = dj;
          tieCount = 0;
        }
        ties[tieCount++] = j;
      }
    }
    // scanned[0, lo) are settled and scanned, [lo, hi) settled and waiting to be scanned.
    let lo = 0;
    let hi = 0;
    let ready = 0;
    let mind = 0;
    let sink = -1;
    search: while (true) {
      if (lo === hi) {
        ready = lo;
        mind = nextMin;
        if (mind === Number.POSITIVE_INFINITY) {
          // Only forbidden cells remain: the rows settled so far cannot all be placed.
          this.lastReached = lo;
          this.scans += lo;
          for (let k = 0; k < hi; k++) inTree[scanned[k]] = 0;
          return false;
        }
        for (let t = 0; t < tieCount; t++) {
          const j = ties[t];
          if (colToRow[j] < 0) {
            sink = j;
            break search;
          }
          scanned[hi++] = j;
          inTree[j] = 1;
        }
      }
      while (lo < hi) {
        const j0 = scanned[lo++];
        const i = colToRow[j0];
        const base = i * cols;
        const h = sign * cost[base + j0] - v[j0] - mind;
        nextMin = Number.POSITIVE_INFINITY;
        tieCount = 0;
        // A straight sweep with a skip flag beats a list of unsettled columns: the reads are
        // sequential, and the settled columns are few.
        for (let j = 0; j < cols; j++) {
          if (inTree[j] !== 0) continue;
          let dj = d[j];
          const reduced = sign * cost[base + j] - v[j] - h;
          if (reduced < dj) {
            d[j] = reduced;
            pred[j] = i;
            dj = reduced;
            if (reduced === mind) {
              if (colToRow[j] < 0) {
                sink = j;
                break search;
              }
              // Joins the current level; this scan's minimum is stale, a later scan redoes it.
              scanned[hi++] = j;
              inTree[j] = 1;
              continue;
            }
          }
          if (dj <= nextMin) {
            if (dj < nextMin) {
              nextMin = dj;
              tieCount = 0;
            }
            ties[tieCount++] = j;
          }
        }
      }
    }

    // Settled columns move by how much shorter their path was than the sink's.
    for (let k = 0; k < ready; k++) {
      const j = scanned[k];
      v[j] += d[j] - mind;
    }
    this.scans += lo;
    for (let k = 0; k < hi; k++) inTree[scanned[k]] = 0;
    let j = sink;
    while (true) {
      const i = pred[j];
      colToRow[j] = i;
      const next = rowToCol[i];
      rowToCol[i] = j;
      if (i === start) break;
      j = next;
    }
    return true;
  }

  /** After a failed `augment(start)`: the rows it reached and the columns they may use. */
  reachedSets(start: number): { rows: number[]; cols: number[] } {
    const rows = [start];
    const cols: number[] = [];
    for (let k = 0; k < this.lastReached; k++) {
      const j = this.scanned[k];
      cols.push(j);
      rows.push(this.colToRow[j]);
    }
    cols.sort((a, b) => a - b);
    return { rows, cols };
  }
}

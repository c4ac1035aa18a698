import { ColumnHeap } from './lap-sparse.js';
import type { RunMonitor } from './run-monitor.js';

/**
 * Exact assignment on a sparse bipartite graph by shortest augmenting paths, after
 * R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38 (1987) 325–340 (LAPJVsp, which SciPy's
 * `min_weight_full_bipartite_matching` ports), with the rectangular conditions of D. F. Crouse,
 * IEEE TAES 52(4) (2016): when rows < columns, column potentials start at 0 and only decrease,
 * so columns left unassigned keep potential 0 and the duals certify the optimum. Square graphs
 * need no sign on potentials and start from a column reduction instead.
 *
 * Three phases: column reduction (square only); augmenting row reduction, an auction without
 * epsilon that places most rows cheaply and is stopped when it stalls; then one Dijkstra per
 * remaining row over reduced costs `cost − v` with an indexed heap. Columns reached at the
 * distance being settled go on a stack instead of the heap (Jonker & Volgenant's SCAN list),
 * which makes plateaus of equal costs cheap; free columns never enter the heap, and once one
 * is reached nothing at its distance or beyond is relaxed (3× faster on graphs where many
 * rows want the same few columns); and only the columns a search touched are reset
 * afterwards, so a short search costs what it explores, not O(columns).
 *
 * The kernel remembers each row's assigned *edge*, not just its column: a repeated edge then
 * needs no special case (the search relaxes the cheaper copy and keeps it), and the row's
 * implied potential needs no lookup.
 */

/** Candidate edges in compressed sparse rows, as the kernel takes them. */
export interface CsrCosts {
  /** Row `i` owns edges `[offsets[i], offsets[i + 1])`. */
  readonly offsets: Int32Array;
  readonly columns: Int32Array;
  /** Costs to minimise (the caller has applied any sign). */
  readonly costs: Float64Array;
}

/** What the kernel hands back; the caller owns every array. */
export interface CsrKernelResult {
  readonly rowToCol: Int32Array;
  readonly colToRow: Int32Array;
  /** Edge index of each row's assignment, -1 when unassigned. */
  readonly rowEdge: Int32Array;
  /** Column potentials of the minimisation. */
  readonly v: Float64Array;
  /** Rows with no augmenting path, in the order they failed. */
  readonly failedRows: number[];
  /**
   * For the first `maxListed` failed rows, the rows its search reached (itself first) and the
   * columns they can use: more rows than columns, so Hall's condition fails.
   */
  readonly deficientSets: { rows: number[]; cols: number[] }[];
}

/**
 * Assigns every row it can, minimising the total cost; rows that cannot be assigned without
 * unassigning another are skipped and reported. `rows <= cols` is the caller's job.
 */
export function solveCsr(
  graph: CsrCosts,
  rows: number,
  cols: number,
  monitor: RunMonitor,
  phase: string,
  maxListed: number,
): CsrKernelResult {
  const { offsets, columns, costs } = graph;
  const rowToCol = new Int32Array(rows).fill(-1);
  const rowEdge = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  const v = new Float64Array(cols);
  const d = new Float64Array(cols).fill(Number.POSITIVE_INFINITY);
  const predEdge = new Int32Array(cols);
  const predRow = new Int32Array(cols);
  const heap = new ColumnHeap(d, colToRow);
  const touched = new Int32Array(cols);
  const settledList = new Int32Array(cols);
  const settled = new Uint8Array(cols);
  const stack = new Int32Array(cols);
  const failedRows: number[] = [];
  const deficientSets: { rows: number[]; cols: number[] }[] = [];

  monitor.begin(phase, rows);
  const free = new Int32Array(rows);
  let freeCount: number;
  if (rows === cols) {
    freeCount = columnReduction(graph, rows, v, rowToCol, rowEdge, colToRow, free);
  } else {
    // Rectangular: potentials start at 0 and only decrease, as Crouse's method requires.
    for (let i = 0; i < rows; i++) free[i] = i;
    freeCount = rows;
  }
  // Two passes, as Jonker and Volgenant recommend; the second catches rows the first displaced.
  // A pass that stalled makes a second one pointless: it would only stall again.
  for (let pass = 0; pass < ARR_PASSES && freeCount > 0; pass++) {
    const left = augmentingRowReduction(
      graph,
      v,
      rowToCol,
      rowEdge,
      colToRow,
      free,
      freeCount,
      monitor,
    );
    freeCount = left < 0 ? -1 - left : left;
    if (left < 0) break;
  }
  // Rows are searched in index order, whatever order the reduction left them in.
  free.subarray(0, freeCount).sort();
  const assignedBefore = rows - freeCount;

  for (let f = 0; f < freeCount; f++) {
    const start = free[f];
    // A row whose cheapest reduced edge leads to a free column has a one-edge shortest path:
    // most rows, early on. Among equal edges a free column wins.
    const first = offsets[start];
    const last = offsets[start + 1];
    let best = Number.POSITIVE_INFINITY;
    let bestEdge = -1;
    for (let e = first; e < last; e++) {
      const j = columns[e];
      const reduced = costs[e] - v[j];
      if (
        reduced < best ||
        (reduced === best && colToRow[j] < 0 && colToRow[columns[bestEdge]] >= 0)
      ) {
        best = reduced;
        bestEdge = e;
      }
    }
    if (bestEdge >= 0 && colToRow[columns[bestEdge]] < 0) {
      const j = columns[bestEdge];
      rowToCol[start] = j;
      colToRow[j] = start;
      rowEdge[start] = bestEdge;
      monitor.tick(assignedBefore + f + 1, last - first + 1);
      continue;
    }

    let touchedCount = 0;
    let settledCount = 0;
    let work = 0;
    let sink = -1;
    let mind = Number.NEGATIVE_INFINITY;
    let stackSize = 0;
    let row = start;
    let offset = 0;
    // The nearest free column reached so far. Free columns never enter the heap: the search
    // ends when nothing in it is nearer, and a column no nearer than it is not even relaxed,
    // which keeps the heap small once a free column has been seen.
    let freeDist = Number.POSITIVE_INFINITY;
    let freeCol = -1;
    search: while (true) {
      // Relax the edges of `row`, whose own column (if any) was just settled at `mind`.
      const from = offsets[row];
      const to = offsets[row + 1];
      work += to - from + 1;
      for (let e = from; e < to; e++) {
        const j = columns[e];
        const dist = offset + costs[e] - v[j];
        if (dist >= freeDist || settled[j] !== 0) continue;
        const old = d[j];
        if (dist < old) {
          if (old === Number.POSITIVE_INFINITY) touched[touchedCount++] = j;
          d[j] = dist;
          predEdge[j] = e;
          predRow[j] = row;
          if (colToRow[j] < 0) {
            if (dist === mind) {
              sink = j;
              break search;
            }
            freeDist = dist;
            freeCol = j;
          } else if (dist === mind) {
            stack[stackSize++] = j;
            if (heap.has(j)) heap.update(j);
          } else {
            heap.update(j);
          }
        }
      }
      let j: number;
      if (stackSize > 0) {
        j = stack[--stackSize];
      } else {
        while (true) {
          if (heap.size === 0 || d[heap.peek()] >= freeDist) {
            // Nothing left nearer than the nearest free column (if any): the path ends there.
            if (freeCol >= 0) {
              sink = freeCol;
              mind = freeDist;
            }
            break search;
          }
          j = heap.pop();
          if (settled[j] === 0) break;
        }
        mind = d[j];
      }
      settled[j] = 1;
      settledList[settledCount++] = j;
      row = colToRow[j];
      // The distance to `row` is `mind`; its implied potential is its own edge's reduced cost.
      offset = mind - (costs[rowEdge[row]] - v[j]);
    }

    if (sink >= 0) {
      // Settled columns move by how much shorter their path was than the sink's.
      for (let k = 0; k < settledCount; k++) {
        const j = settledList[k];
        v[j] += d[j] - mind;
      }
      let j = sink;
      while (true) {
        const i = predRow[j];
        colToRow[j] = i;
        const next = rowToCol[i];
        rowToCol[i] = j;
        rowEdge[i] = predEdge[j];
        if (i === start) break;
        j = next;
      }
    } else {
      failedRows.push(start);
      if (deficientSets.length < maxListed) {
        // The search settled every column reachable from `start`, all of them assigned.
        const reachedRows = [start];
        const reachedCols: number[] = [];
        for (let k = 0; k < settledCount; k++) {
          reachedCols.push(settledList[k]);
          reachedRows.push(colToRow[settledList[k]]);
        }
        reachedCols.sort((a, b) => a - b);
        deficientSets.push({ rows: reachedRows, cols: reachedCols });
      }
    }
    heap.clear();
    for (let k = 0; k < touchedCount; k++) {
      const j = touched[k];
      d[j] = Number.POSITIVE_INFINITY;
      settled[j] = 0;
    }
    monitor.tick(assignedBefore + f + 1, work + touchedCount);
  }
  monitor.end();
  return { rowToCol, colToRow, rowEdge, v, failedRows, deficientSets };
}

/** Passes of the augmenting row reduction before the shortest-path phase. */
const ARR_PASSES = 2;

/**
 * Jonker and Volgenant's augmenting row reduction, an auction without epsilon: a free row
 * takes its best column, lowering that column's potential to the row's second-best reduced
 * cost, and the row it displaces becomes free. Potentials only decrease and a column once
 * taken stays taken, so Crouse's rectangular conditions (free columns at 0, all ≤ 0) hold
 * throughout, and every assigned row still sits on a minimum of `cost − v`. The steps are
 * bounded because near-ties can make two rows trade a column for a long time while gaining
 * almost nothing; the shortest-path phase finishes whatever is left. Returns the number of
 * rows left in `free`, or `-1 - that number` when the pass stopped because it stalled.
 */
function augmentingRowReduction(
  { offsets, columns, costs }: CsrCosts,
  v: Float64Array,
  rowToCol: Int32Array,
  rowEdge: Int32Array,
  colToRow: Int32Array,
  free: Int32Array,
  freeCount: number,
  monitor: RunMonitor,
): number {
  let k = 0;
  let newFree = 0;
  const rows = rowToCol.length;
  // Rows not in the queue are assigned; an eviction swaps one for another, so this only grows.
  let assigned = rows - freeCount;
  const window = WINDOW_PER_ROW * rows + 16;
  let steps = 0;
  let gained = 0;
  while (k < freeCount) {
    const i = free[k++];
    let u1 = Number.POSITIVE_INFINITY;
    let u2 = Number.POSITIVE_INFINITY;
    let e1 = -1;
    let e2 = -1;
    const end = offsets[i + 1];
    for (let e = offsets[i]; e < end; e++) {
      const h = costs[e] - v[columns[e]];
      if (h < u2) {
        if (h >= u1) {
          u2 = h;
          e2 = e;
        } else {
          u2 = u1;
          e2 = e1;
          u1 = h;
          e1 = e;
        }
      }
    }
    if (e1 === -1) {
      free[newFree++] = i; // no edge: left for the search to report
      continue;
    }
    if (++steps === window) {
      // The row reduction's tail is a price war: when a window of steps places almost no new
      // row, a shortest-path search per remaining row is cheaper.
      if (gained < MIN_GAIN_PER_WINDOW) {
        free[newFree++] = i;
        while (k < freeCount) free[newFree++] = free[k++];
        return -1 - newFree;
      }
      steps = 0;
      gained = 0;
    }
    let j1 = columns[e1];
    let i0 = colToRow[j1];
    const lowered = v[j1] - (u2 - u1);
    // Comparing the potentials themselves, not u1 < u2, treats a gap lost to rounding as a tie.
    const lowers = u2 !== Number.POSITIVE_INFINITY && lowered < v[j1];
    if (lowers) {
      v[j1] = lowered;
    } else if (i0 >= 0 && e2 >= 0 && u2 !== Number.POSITIVE_INFINITY) {
      // A tie: take the second column instead, which may be free, rather than evict.
      e1 = e2;
      j1 = columns[e2];
      i0 = colToRow[j1];
    }
    if (i0 >= 0) {
      rowToCol[i0] = -1;
      rowEdge[i0] = -1;
      if (lowers) free[--k] = i0;
      else free[newFree++] = i0;
    } else {
      gained++;
      assigned++;
    }
    rowToCol[i] = j1;
    rowEdge[i] = e1;
    colToRow[j1] = i;
    monitor.tick(assigned, offsets[i + 1] - offsets[i] + 1);
  }
  return newFree;
}

/**
 * The row reduction is watched in windows of this many steps per row of the problem, and
 * stops after a window that placed fewer than `MIN_GAIN_PER_WINDOW` new rows: past that, a
 * search per remaining row is cheaper. Measured on random graphs: 1 to 2 would suit 10,000 ×
 * 50 slightly better (searches there are short), 4 suits 100,000 × 30 clearly better
 * (searches near the end settle a large share of the columns).
 */
const WINDOW_PER_ROW = 4;
const MIN_GAIN_PER_WINDOW = 2;

/**
 * For square problems, where potentials need no sign: sets `v[j]` to the cheapest edge into
 * column `j` and gives the column to that edge's row when the row is still free; then moves
 * the slack of each row that won exactly one column onto that column (reduction transfer), so
 * the later phases start from tight potentials. Returns the number of free rows.
 */
function columnReduction(
  { offsets, columns, costs }: CsrCosts,
  n: number,
  v: Float64Array,
  rowToCol: Int32Array,
  rowEdge: Int32Array,
  colToRow: Int32Array,
  free: Int32Array,
): number {
  const argmin = new Int32Array(n).fill(-1);
  v.fill(Number.POSITIVE_INFINITY);
  for (let e = 0; e < costs.length; e++) {
    const j = columns[e];
    if (costs[e] < v[j]) {
      v[j] = costs[e];
      argmin[j] = e;
    }
  }
  // Edge -> row, for the argmin edges only: rows own contiguous edge ranges.
  const edgeRow = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = columns[e];
      if (argmin[j] === e) edgeRow[j] = i;
    }
  }
  const matches = new Int32Array(n);
  // Right to left, as in the original, so ties among columns favour the lower index last.
  for (let j = n - 1; j >= 0; j--) {
    if (argmin[j] < 0) {
      v[j] = 0; // a column without edges; a finite potential keeps the arithmetic clean
      continue;
    }
    const i = edgeRow[j];
    matches[i]++;
    if (rowToCol[i] === -1) {
      rowToCol[i] = j;
      rowEdge[i] = argmin[j];
      colToRow[j] = i;
    }
  }
  let freeCount = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      free[freeCount++] = i;
    } else if (matches[i] === 1) {
      const j1 = rowToCol[i];
      let mu = Number.POSITIVE_INFINITY;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const j = columns[e];
        if (j === j1) continue;
        const h = costs[e] - v[j];
        if (h < mu) mu = h;
      }
      if (mu !== Number.POSITIVE_INFINITY) v[j1] -= mu;
    }
  }
  return freeCount;
}

import {
  type AssignmentState,
  augmentSparse,
  type CsrGraph,
  cheapestCandidates,
} from './lap-sparse.js';
import type { RunMonitor } from './run-monitor.js';

/**
 * A warm start for square dense problems: most of an optimal assignment lies among each
 * row's cheapest cells, so solve that sparse problem first (cheap: `n × k` edges), then check
 * it against the full matrix and repair what the check rejects by giving the rejected rows
 * their best columns under the current potentials, a few rounds at most. Each round costs
 * one or two sequential sweeps of the matrix, against the hundreds of row scans a long
 * augmenting path costs in the dense search.
 *
 * On return every assigned row sits on a column minimising `cost - v` over the full matrix,
 * the invariant the dense kernel continues from; the rows still free are in `free`, and their
 * number is returned. Returns -1, with the state to be discarded, when the first round shows
 * that the matrix does not suit this start.
 */
export function sparseStart(
  cost: Float64Array,
  n: number,
  sign: number,
  lowest: number,
  state: AssignmentState,
  free: Int32Array,
  monitor: RunMonitor,
): number {
  const k = Math.min(n, CANDIDATES_PER_ROW);
  let graph = cheapestCandidates(cost, n, n, sign, k, state, lowest);
  // The first candidate of each row is its cheapest cell (all potentials are still 0).
  const rowMin = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rowMin[i] = graph.offsets[i + 1] > graph.offsets[i] ? graph.weights[graph.offsets[i]] : 0;
  }
  const rejected = new Int32Array(n);
  const freeCols = new Int32Array(n);
  for (let round = 0; ; round++) {
    monitor.throwIfAborted();
    const unreachable = augmentSparse(graph, n, state).length;
    // When many rows find no free column among their cheapest cells, they all want the same
    // few columns and those cells say little about the optimum: give up at once and let the
    // caller start from a column reduction instead.
    if (round === 0 && unreachable > n / 4) return -1;
    lowerFreeColumns(cost, n, sign, state, freeCols);
    const rejectedCount = rejectRows(cost, n, sign, state, rowMin, rejected);
    if (rejectedCount === 0 || round === MAX_ROUNDS) break;
    graph = withReducedCandidates(cost, n, sign, state.v, graph, rejected, rejectedCount, k);
  }
  let freeCount = 0;
  for (let i = 0; i < n; i++) if (state.rowToCol[i] < 0) free[freeCount++] = i;
  return freeCount;
}

/** Candidates per row in the first round; enough for random costs, cheap to solve. */
const CANDIDATES_PER_ROW = 16;
/** Repair rounds before the dense search takes over whatever is left. */
const MAX_ROUNDS = 6;

/**
 * Lowers each unassigned column's potential until no assigned row prefers it. A square
 * problem puts no sign on potentials, and lowering one never breaks another row's choice.
 */
function lowerFreeColumns(
  cost: Float64Array,
  n: number,
  sign: number,
  { rowToCol, colToRow, v }: AssignmentState,
  freeCols: Int32Array,
): void {
  let count = 0;
  for (let j = 0; j < n; j++) if (colToRow[j] < 0) freeCols[count++] = j;
  if (count === 0) return;
  const lowest = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const j0 = rowToCol[i];
    if (j0 < 0) continue;
    const base = i * n;
    const u = sign * cost[base + j0] - v[j0];
    for (let f = 0; f < count; f++) {
      const reduced = sign * cost[base + freeCols[f]] - u;
      if (reduced < lowest[f]) lowest[f] = reduced;
    }
  }
  for (let f = 0; f < count; f++) {
    if (lowest[f] !== Number.POSITIVE_INFINITY) v[freeCols[f]] = lowest[f];
  }
}

/**
 * Unassigns every row whose column no longer minimises `cost - v` over the whole row (within
 * the rounding of that very subtraction), and lists them with the rows that were never
 * assigned. Returns how many it listed. A row whose reduced cost is at most its cheapest
 * cell minus the largest potential cannot be beaten and is not swept: on tied or easy
 * matrices that is most rows.
 */
function rejectRows(
  cost: Float64Array,
  n: number,
  sign: number,
  { rowToCol, colToRow, v }: AssignmentState,
  rowMin: Float64Array,
  rejected: Int32Array,
): number {
  let vMax = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) if (v[j] > vMax) vMax = v[j];
  let count = 0;
  for (let i = 0; i < n; i++) {
    const j0 = rowToCol[i];
    if (j0 < 0) {
      rejected[count++] = i;
      continue;
    }
    const base = i * n;
    const own = sign * cost[base + j0];
    const bound = own - v[j0] - 1e-12 * (Math.abs(own) + Math.abs(v[j0]));
    if (bound <= rowMin[i] - vMax) continue;
    for (let j = 0; j < n; j++) {
      if (sign * cost[base + j] - v[j] < bound) {
        rowToCol[i] = -1;
        colToRow[j0] = -1;
        rejected[count++] = i;
        break;
      }
    }
  }
  return count;
}

/**
 * The graph with each listed row's edges joined by its `k` best columns under the current
 * potentials (smallest `cost - v`), which is where its optimal column now most likely is.
 */
function withReducedCandidates(
  cost: Float64Array,
  n: number,
  sign: number,
  v: Float64Array,
  graph: CsrGraph,
  rows: Int32Array,
  rowCount: number,
  k: number,
): CsrGraph {
  const extra = new Map<number, { cols: Int32Array; weights: Float64Array }>();
  const bestCols = new Int32Array(k);
  const bestReduced = new Float64Array(k);
  for (let r = 0; r < rowCount; r++) {
    const i = rows[r];
    const base = i * n;
    let count = 0;
    for (let j = 0; j < n; j++) {
      const c = sign * cost[base + j];
      if (c === Number.POSITIVE_INFINITY) continue;
      const reduced = c - v[j];
      if (count === k && reduced >= bestReduced[k - 1]) continue;
      let p = count < k ? count++ : k - 1;
      while (p > 0 && bestReduced[p - 1] > reduced) {
        bestReduced[p] = bestReduced[p - 1];
        bestCols[p] = bestCols[p - 1];
        p--;
      }
      bestReduced[p] = reduced;
      bestCols[p] = j;
    }
    const cols = bestCols.slice(0, count);
    const weights = new Float64Array(count);
    for (let t = 0; t < count; t++) weights[t] = sign * cost[base + cols[t]];
    extra.set(i, { cols, weights });
  }

  const offsets = new Int32Array(n + 1);
  const mergedCols: number[] = [];
  const mergedWeights: number[] = [];
  const seen = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      seen[graph.cols[e]] = i;
      mergedCols.push(graph.cols[e]);
      mergedWeights.push(graph.weights[e]);
    }
    const added = extra.get(i);
    if (added) {
      for (let t = 0; t < added.cols.length; t++) {
        if (seen[added.cols[t]] === i) continue;
        mergedCols.push(added.cols[t]);
        mergedWeights.push(added.weights[t]);
      }
    }
    offsets[i + 1] = mergedCols.length;
  }
  return { offsets, cols: Int32Array.from(mergedCols), weights: Float64Array.from(mergedWeights) };
}

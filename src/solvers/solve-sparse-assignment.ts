import { type CsrKernelResult, solveCsr } from './_internal/csr-assignment.js';
import { infeasibleError } from './_internal/infeasible.js';
import { type CsrProblem, readCsr } from './_internal/read-csr.js';
import { type ProgressCallback, readSolverOptions } from './_internal/read-options.js';
import { RunMonitor } from './_internal/run-monitor.js';
import type { AssignmentResult } from './solve-assignment.js';

/**
 * Candidate pairs in compressed sparse rows (CSR): row `i`'s candidates are the edges
 * `offsets[i] … offsets[i + 1] − 1`, edge `e` going to column `columns[e]` with weight
 * `weights[e]`. A pair that is not an edge is forbidden. Typed arrays are used as they are;
 * plain number arrays are accepted and copied.
 */
export interface SparseCandidates {
  readonly rows: number;
  readonly cols: number;
  /** `rows + 1` entries: row `i` owns edges `[offsets[i], offsets[i + 1])`. */
  readonly offsets: Int32Array | readonly number[];
  /** Column of each edge. */
  readonly columns: Int32Array | readonly number[];
  /** Weight of each edge. */
  readonly weights: Float64Array | readonly number[];
}

/** Options of {@link solveSparseAssignment}. */
export interface SolveSparseAssignmentOptions {
  /**
   * Maximise the total weight instead of minimising it.
   * @default false
   */
  readonly maximize?: boolean;
  /**
   * When no complete assignment of the smaller side exists, return the one with the most
   * pairs (and among those the best total) instead of throwing `INFEASIBLE`.
   * @default false
   */
  readonly partial?: boolean;
  /**
   * Also return the dual potentials `u` (rows) and `v` (columns) on the candidate graph.
   * @default false
   */
  readonly duals?: boolean;
  /**
   * Cancels the run: it then throws `PeermatchError` `ABORTED` within a few milliseconds of
   * work and returns nothing.
   * @default undefined
   */
  readonly signal?: AbortSignal;
  /**
   * Called with `('assign', done, total)` as rows of the smaller side are processed, at most
   * about a thousand times per phase plus once at the end (`done === total`); `done` never
   * decreases within a phase. A second phase, `'partial'`, runs when `partial` needs it.
   * @default undefined
   */
  readonly onProgress?: ProgressCallback;
}

/** Defaults of the boolean {@link SolveSparseAssignmentOptions}. */
export const SOLVE_SPARSE_ASSIGNMENT_DEFAULTS: Readonly<{
  maximize: boolean;
  partial: boolean;
  duals: boolean;
}> = Object.freeze({ maximize: false, partial: false, duals: false });

const API = 'solveSparseAssignment';
/** Failed rows whose reason is spelled out; the rest are counted. */
const MAX_LISTED = 100;

/**
 * Finds an optimal assignment using only candidate pairs: every row of the smaller side gets
 * a distinct column of the other side through one of its edges, with the minimal total
 * weight (maximal with `maximize`). For cohorts too large for a dense matrix, where each
 * person keeps a few dozen candidates.
 *
 * Exact on the candidate graph: shortest augmenting paths with Dijkstra on an indexed heap
 * (Jonker & Volgenant's LAPJVsp, 1987, in Crouse's rectangular form, 2016), O(rows + cols +
 * edges) memory. A repeated edge counts once, at its best weight. Deterministic.
 *
 * @param candidates - `{ rows, cols, offsets, columns, weights }`; never modified.
 * @param options - see {@link SolveSparseAssignmentOptions}.
 * @returns the assignment and its total, as {@link solveAssignment} returns it.
 * @throws {PeermatchError} `INVALID_MATRIX` listing every bad offset, column and non-finite
 *   weight; `INFEASIBLE` naming the rows that compete for too few columns (unless
 *   `partial`); `INVALID_OPTIONS`; `ABORTED` when `signal` fires.
 *
 * @example
 * ```ts
 * // Row 0 may take column 0 (4) or 1 (1); row 1 only column 1 (2).
 * const { rowToCol, total } = solveSparseAssignment({
 *   rows: 2,
 *   cols: 2,
 *   offsets: [0, 2, 3],
 *   columns: [0, 1, 1],
 *   weights: [4, 1, 2],
 * });
 * //=> rowToCol: Int32Array [0, 1], total: 6
 * ```
 */
export function solveSparseAssignment(
  candidates: SparseCandidates,
  options: SolveSparseAssignmentOptions = {},
): AssignmentResult {
  const { maximize, partial, duals, signal, onProgress } = readSolverOptions(
    API,
    options,
    SOLVE_SPARSE_ASSIGNMENT_DEFAULTS,
  );
  const monitor = new RunMonitor(API, signal, onProgress);
  monitor.throwIfAborted();
  const problem = readCsr(API, candidates, maximize);
  let solved = solveCsr(problem, problem.rows, problem.cols, monitor, 'assign', MAX_LISTED);
  const complete = solved.failedRows.length === 0;
  if (!complete) {
    if (!partial) throw infeasibleError(API, problem.rows, solved, problem.transposed, 'candidate');
    solved = solveMostPairs(problem, monitor);
  }

  const { rows, weights, costs, transposed } = problem;
  const rowToCol = transposed ? solved.colToRow : solved.rowToCol;
  const colToRow = transposed ? solved.rowToCol : solved.colToRow;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const e = solved.rowEdge[i];
    if (e >= 0) total += weights[e];
  }
  if (!duals || !complete) return { rowToCol, colToRow, total };

  // The row potential implied by the kernel is the reduced cost of the row's own edge.
  const sign = maximize ? -1 : 1;
  const u = new Float64Array(rows);
  const v = solved.v;
  for (let i = 0; i < rows; i++) {
    const e = solved.rowEdge[i];
    u[i] = sign * (costs[e] - v[solved.rowToCol[i]]);
  }
  if (sign < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j] + 0; // + 0 turns -0 into 0
  return transposed
    ? { rowToCol, colToRow, total, u: v, v: u }
    : { rowToCol, colToRow, total, u, v };
}

/**
 * Most pairs first, then the best total. Each row gets a private fallback column whose cost,
 * `rows + 1`, exceeds what any difference between two totals can be once costs are scaled to
 * [0, 1]: an assignment with `p` real pairs costs between `(rows − p)(rows + 1)` and
 * `(rows − p)(rows + 1) + p`, and `p ≤ rows`, so one more real pair always wins. Among
 * assignments with the same number of pairs the scaled total is an increasing affine function
 * of the real one, so the best of them is the best real total. Every row can fall back, so
 * the kernel assigns all of them.
 */
function solveMostPairs(problem: CsrProblem, monitor: RunMonitor): CsrKernelResult {
  const { rows, cols, offsets, columns, costs } = problem;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let e = 0; e < costs.length; e++) {
    if (costs[e] < min) min = costs[e];
    if (costs[e] > max) max = costs[e];
  }
  const span = max > min ? max - min : 1;
  const edges = costs.length + rows;
  const padOffsets = new Int32Array(rows + 1);
  const padColumns = new Int32Array(edges);
  const padCosts = new Float64Array(edges);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++, p++) {
      padColumns[p] = columns[e];
      padCosts[p] = (costs[e] - min) / span;
    }
    padColumns[p] = cols + i;
    padCosts[p++] = rows + 1;
    padOffsets[i + 1] = p;
  }
  const padded = solveCsr(
    { offsets: padOffsets, columns: padColumns, costs: padCosts },
    rows,
    cols + rows,
    monitor,
    'partial',
    0,
  );
  // Map the padded edges back to the caller's: row i's edges shifted by the i fallbacks before it.
  const rowToCol = padded.rowToCol;
  const rowEdge = padded.rowEdge;
  for (let i = 0; i < rows; i++) {
    if (rowToCol[i] >= cols) {
      rowToCol[i] = -1;
      rowEdge[i] = -1;
    } else {
      rowEdge[i] -= i;
    }
  }
  const colToRow = padded.colToRow.slice(0, cols);
  return { rowToCol, colToRow, rowEdge, v: padded.v, failedRows: [], deficientSets: [] };
}

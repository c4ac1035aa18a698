import { infeasibleError } from './_internal/infeasible.js';
import { type DenseKernelResult, solveDense } from './_internal/lap-dense.js';
import { type DenseMatrix, readMatrix } from './_internal/read-matrix.js';
import { type ProgressCallback, readSolverOptions } from './_internal/read-options.js';
import { RunMonitor } from './_internal/run-monitor.js';

export type { ProgressCallback } from './_internal/read-options.js';

/**
 * A cost (or score) matrix: nested arrays, or `{ rows, cols, data }` with `data` row-major
 * (`data[i * cols + j]` is cell `(i, j)`). Rows and columns may differ in number.
 */
export type AssignmentMatrix =
  | readonly (readonly number[])[]
  | { readonly rows: number; readonly cols: number; readonly data: Float64Array };

/** Options of {@link solveAssignment}. */
export interface SolveAssignmentOptions {
  /**
   * Maximise the total instead of minimising it. Forbid a pair with `-Infinity` then.
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
   * Also return the dual potentials `u` (rows) and `v` (columns), a certificate of optimality.
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
   * Called with `('assign', done, total)`: `done` of the `total` rows of the smaller side
   * processed, never decreasing within a phase, at most about a thousand times per phase plus
   * once at the end (`done === total`). A second phase, `'partial'`, runs when `partial`
   * needs it.
   * @default undefined
   */
  readonly onProgress?: ProgressCallback;
}

/** Defaults of the boolean {@link SolveAssignmentOptions}. */
export const SOLVE_ASSIGNMENT_DEFAULTS: Readonly<{
  maximize: boolean;
  partial: boolean;
  duals: boolean;
}> = Object.freeze({
  maximize: false,
  partial: false,
  duals: false,
});

/** An optimal assignment. */
export interface AssignmentResult {
  /** Column of each row, or -1 when the row is unassigned. */
  readonly rowToCol: Int32Array;
  /** Row of each column, or -1 when the column is unassigned. */
  readonly colToRow: Int32Array;
  /** Sum of the matrix cells of the assigned pairs. */
  readonly total: number;
  /**
   * Row potentials, with `duals: true` and a complete assignment. Minimising, `u[i] + v[j] <=
   * cost(i, j)` for every allowed cell, with equality on assigned pairs (maximising, `>=`);
   * on the larger side, unassigned entries are 0 and all are `<= 0` (`>= 0` maximising).
   * So `Σu + Σv === total` proves the total optimal, up to rounding.
   */
  readonly u?: Float64Array;
  /** Column potentials; see `u`. */
  readonly v?: Float64Array;
}

const API = 'solveAssignment';

/**
 * Finds an optimal assignment of rows to columns (the linear sum assignment problem). Every
 * row of the smaller side gets a distinct column of the other side; the total is minimal
 * (or maximal with `maximize`). Forbid a pair with `Infinity` (`-Infinity` when maximising).
 *
 * Shortest augmenting paths after Jonker & Volgenant (1987) and Crouse (2016), on typed arrays,
 * O(n) extra memory when `matrix` is a flat `Float64Array` with rows ≤ cols (otherwise one copy).
 * Deterministic: the same input always gives the same assignment.
 *
 * @param matrix - costs (or scores with `maximize`); never modified.
 * @param options - see {@link SolveAssignmentOptions}.
 * @returns the assignment and its total.
 * @throws {PeermatchError} `INVALID_MATRIX` naming every bad cell; `INFEASIBLE` naming the rows
 *   that compete for too few allowed columns (unless `partial`); `INVALID_OPTIONS`; `ABORTED`
 *   when `signal` fires.
 *
 * @example
 * ```ts
 * const { rowToCol, total } = solveAssignment([
 *   [4, 1, 3],
 *   [2, 0, 5],
 *   [3, 2, 2],
 * ]);
 * //=> rowToCol: Int32Array [1, 0, 2], total: 5
 *
 * solveAssignment([[0.9, 0.2], [0.8, -Infinity]], { maximize: true }).rowToCol;
 * //=> Int32Array [1, 0]
 * ```
 */
export function solveAssignment(
  matrix: AssignmentMatrix,
  options: SolveAssignmentOptions = {},
): AssignmentResult {
  const { maximize, partial, duals, signal, onProgress } = readSolverOptions(
    API,
    options,
    SOLVE_ASSIGNMENT_DEFAULTS,
  );
  const monitor = new RunMonitor(API, signal, onProgress);
  monitor.throwIfAborted();
  const dense = readMatrix(API, matrix, maximize);
  const sign = maximize ? -1 : 1;
  let solved = solveDense(dense.data, dense.rows, dense.cols, sign, dense.lowest, monitor);
  const complete = solved.failedRows.length === 0;
  if (!complete) {
    if (!partial) throw infeasibleError(API, dense.rows, solved, dense.transposed, 'allowed');
    solved = solveMostPairs(dense, sign, monitor);
  }

  const rowToCol = dense.transposed ? solved.colToRow : solved.rowToCol;
  const colToRow = dense.transposed ? solved.rowToCol : solved.colToRow;
  let total = 0;
  for (let i = 0; i < dense.rows; i++) {
    const j = solved.rowToCol[i];
    if (j >= 0) total += dense.data[i * dense.cols + j];
  }
  if (!duals || !complete) return { rowToCol, colToRow, total };

  // Kernel potentials are for `sign * cost`; the implied row potential is the reduced cost of
  // the row's own column.
  const uKernel = new Float64Array(dense.rows);
  const vKernel = solved.v;
  for (let i = 0; i < dense.rows; i++) {
    const j = solved.rowToCol[i];
    uKernel[i] = sign * dense.data[i * dense.cols + j] - vKernel[j];
  }
  if (sign < 0) {
    for (let i = 0; i < uKernel.length; i++) uKernel[i] = -uKernel[i];
    for (let j = 0; j < vKernel.length; j++) vKernel[j] = -vKernel[j] + 0; // + 0 turns -0 into 0
  }
  return dense.transposed
    ? { rowToCol, colToRow, total, u: vKernel, v: uKernel }
    : { rowToCol, colToRow, total, u: uKernel, v: vKernel };
}

/**
 * Most pairs first, then the best total: each row gets a private fallback column that costs
 * more than any difference in total between two assignments can be, so using one is only
 * ever chosen when no assignment avoids it. Costs are first scaled to [0, 1] so that bound,
 * `rows + 1`, stays small and exact whatever the input's scale.
 */
function solveMostPairs(dense: DenseMatrix, sign: 1 | -1, monitor: RunMonitor): DenseKernelResult {
  const { data, rows, cols } = dense;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < data.length; k++) {
    const c = sign * data[k];
    if (c === Number.POSITIVE_INFINITY) continue;
    if (c < min) min = c;
    if (c > max) max = c;
  }
  const span = max > min ? max - min : 1;
  const wide = cols + rows;
  const fallback = rows + 1;
  const padded = new Float64Array(rows * wide).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const c = sign * data[i * cols + j];
      if (c !== Number.POSITIVE_INFINITY) padded[i * wide + j] = (c - min) / span;
    }
    padded[i * wide + cols + i] = fallback;
  }
  const solved = solveDense(padded, rows, wide, 1, undefined, monitor, 'partial');
  const rowToCol = solved.rowToCol;
  const colToRow = new Int32Array(cols);
  colToRow.set(solved.colToRow.subarray(0, cols));
  for (let i = 0; i < rows; i++) if (rowToCol[i] >= cols) rowToCol[i] = -1;
  return { rowToCol, colToRow, v: solved.v, failedRows: [], deficientSets: [] };
}

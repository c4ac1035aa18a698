import type { Cohort } from '../profile/cohort.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import { denseMatrix, fillDenseRows } from './_internal/dense-rows.js';
import { checkAborted, RowKernel } from './_internal/row-kernel.js';
import { type CompatibilityOptions, setup as prepare } from './_internal/setup.js';
import type { CompatibilityMatrix } from './types.js';

/**
 * A checked, ready-to-fill compatibility build: the matrix's rows can be scored in any order,
 * in blocks, by several threads or web workers into one shared buffer, then wrapped as the
 * same {@link CompatibilityMatrix} `buildCompatibility` returns.
 */
export interface CompatibilityRows {
  readonly rows: number;
  readonly cols: number;
  /** The program in force, parsed: hand it to other threads as plain data. */
  readonly program: Program;
  /**
   * True when a custom scorer or constraint is in force. Those are functions, which cannot be
   * sent to another thread: fill every row on this one.
   */
  readonly custom: boolean;
  /**
   * Scores rows `from … to - 1` into row-major `scores` and `allowed` (which must start zeroed,
   * as new and shared buffers do), writes each row's allowed count into `perLeft[i]` and adds
   * each column's into `perRight[j]`. Checks `options.signal` before each block of 64 rows.
   */
  fill(
    from: number,
    to: number,
    scores: Float64Array,
    allowed: Uint8Array,
    perLeft: Int32Array,
    perRight: Int32Array,
  ): void;
  /** The matrix around arrays whose every row has been filled (not copied). */
  toMatrix(
    scores: Float64Array,
    allowed: Uint8Array,
    perLeft: Int32Array,
    perRight: Int32Array,
  ): CompatibilityMatrix;
}

const BLOCK = 64;

/**
 * Checks a compatibility build as `buildCompatibility` does and returns it unfilled, so the rows
 * can be scored in blocks — on worker threads (`buildCompatibilityParallel` in `peermatch/node`
 * does this), in web workers, or a block at a time to bound latency. Rows are independent:
 * filling the same row twice, or rows in any order, gives the same matrix, bit for bit.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - As for `buildCompatibility`.
 * @returns The rows to fill and the way to wrap them.
 * @throws {PeermatchError} As `buildCompatibility`; `ABORTED` from `fill` when the signal fires.
 * @example
 * ```ts
 * const build = prepareCompatibility(cohort);
 * const scores = new Float64Array(build.rows * build.cols);
 * const allowed = new Uint8Array(build.rows * build.cols);
 * const perLeft = new Int32Array(build.rows);
 * const perRight = new Int32Array(build.cols);
 * build.fill(0, build.rows, scores, allowed, perLeft, perRight); // or in blocks, anywhere
 * build.toMatrix(scores, allowed, perLeft, perRight).explain('ana', 'bo').score;
 * //=> 0.74
 * ```
 */
export function prepareCompatibility(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: CompatibilityOptions,
): CompatibilityRows {
  return prepareNamed('prepareCompatibility', cohort, program, options);
}

/** {@link prepareCompatibility} with errors named after the calling function. */
export function prepareNamed(
  api: string,
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  options: CompatibilityOptions | undefined,
): CompatibilityRows {
  const setup = prepare(api, cohort, program, options);
  const rows = setup.left.length;
  const cols = setup.right.length;
  let kernel: RowKernel | undefined;
  return Object.freeze({
    rows,
    cols,
    program: setup.program,
    custom: setup.scorers.some((s) => s.custom) || setup.constraints.some((c) => c.custom),
    fill(from, to, scores, allowed, perLeft, perRight) {
      kernel ??= new RowKernel(setup, cols);
      for (let i = from; i < to; i += BLOCK) {
        checkAborted(setup, i, rows);
        const end = Math.min(i + BLOCK, to);
        fillDenseRows(setup, kernel, i, end, scores, allowed, perLeft, perRight);
      }
    },
    toMatrix(scores, allowed, perLeft, perRight) {
      return denseMatrix(setup, scores, allowed, perLeft, perRight);
    },
  } satisfies CompatibilityRows);
}

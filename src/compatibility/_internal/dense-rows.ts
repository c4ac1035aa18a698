import type { CompatibilityMatrix } from '../types.js';
import { baseOf } from './base.js';
import type { RowKernel } from './row-kernel.js';
import type { Setup } from './setup.js';

/**
 * Scores rows `from … to - 1` of a dense matrix into `scores` and `allowed` (zero-filled, as new
 * and shared buffers are), counting allowed partners into `perLeft[i]` and `perRight[j]`. Rows
 * are independent, so disjoint row ranges can be filled by different threads into one shared
 * buffer; each thread then keeps its own `perRight` to add up.
 */
export function fillDenseRows(
  setup: Setup,
  kernel: RowKernel,
  from: number,
  to: number,
  scores: Float64Array,
  allowed: Uint8Array,
  perLeft: Int32Array,
  perRight: Int32Array,
): void {
  const { left, right } = setup;
  const cols = right.length;
  const { position } = kernel;
  for (let i = from; i < to; i++) {
    const base = i * cols;
    // Scores go straight into the row; the mask and counts follow the survivors' columns.
    const count = kernel.runInto(left[i], right, scores, base);
    for (let k = 0; k < count; k++) {
      const j = position[k];
      allowed[base + j] = 1;
      perRight[j]++;
    }
    perLeft[i] = count;
  }
}

/** The matrix object around filled arrays: explanations and diagnostics are computed lazily. */
export function denseMatrix(
  setup: Setup,
  scores: Float64Array,
  allowed: Uint8Array,
  perLeft: Int32Array,
  perRight: Int32Array,
): CompatibilityMatrix {
  const rows = setup.left.length;
  const cols = setup.right.length;
  const matrix: CompatibilityMatrix = {
    ...baseOf(setup, perLeft, perRight),
    scores,
    allowed,
    toAssignmentMatrix() {
      const data = Float64Array.from(scores);
      for (let c = 0; c < data.length; c++)
        if (allowed[c] === 0) data[c] = Number.NEGATIVE_INFINITY;
      return { rows, cols, data };
    },
  };
  return Object.freeze(matrix);
}

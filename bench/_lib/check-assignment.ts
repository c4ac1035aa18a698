/** Checking contenders' answers: a valid assignment, its cost, and agreement between contenders. */
import type { DenseMatrix } from './matrices.js';

/**
 * Two totals agree when they are within a relative 1e-9 of each other (different optimal
 * assignments may sum their costs in a different order); the tiny absolute floor keeps two
 * near-zero totals from failing on rounding alone.
 */
export function totalsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

/**
 * Validates a row → column answer of a square (or wide) problem and returns its cost, summed
 * in row order the same way for every contender. Checking the assignment itself, rather than
 * trusting each library's own total, means a wrong total can never hide a wrong assignment.
 *
 * @param matrix - the cost matrix
 * @param rowToCol - column of each row
 * @returns the total cost, or a description of what is wrong
 */
export function costOf(
  matrix: DenseMatrix,
  rowToCol: ArrayLike<number>,
): { readonly total: number } | { readonly invalid: string } {
  const { rows, cols, data } = matrix;
  if (rowToCol.length !== rows) {
    return { invalid: `answer has ${rowToCol.length} rows, the matrix ${rows}` };
  }
  const used = new Uint8Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i];
    if (!Number.isInteger(j) || j < 0 || j >= cols) {
      return { invalid: `row ${i} is assigned to column ${j}` };
    }
    if (used[j]) return { invalid: `column ${j} is assigned twice` };
    used[j] = 1;
    total += data[i * cols + j];
  }
  return { total };
}

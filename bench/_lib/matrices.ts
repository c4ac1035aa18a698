/** The benchmark cost matrices: four kinds, each rebuilt from `(kind, n, seed)`. */
import { createRandom } from './random.js';

/** A dense row-major cost matrix, the form `solveAssignment` takes directly. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** The four kinds of matrices every assignment contender is timed on. */
export const MATRIX_KINDS = ['integers', 'floats', 'ties', 'euclidean'] as const;
export type MatrixKind = (typeof MATRIX_KINDS)[number];

/** Human titles, used as table headings. */
export const MATRIX_KIND_TITLES: Readonly<Record<MatrixKind, string>> = {
  integers: 'Uniform integers in [0, 10⁶)',
  floats: 'Uniform floats in [0, 1)',
  ties: 'Heavy ties: floats rounded to tenths (11 distinct values)',
  euclidean: 'Structured: Euclidean distances between two random point sets in the unit square',
};

/**
 * Builds an `n × n` cost matrix of the given kind.
 *
 * Heavy ties imitate compatibility scores, which are coarse (rounded) and so tie a lot; that is
 * where shortest-augmenting-path solvers differ most. Euclidean distances have structure
 * (nearby points are cheap) that random matrices lack.
 *
 * @param kind - which distribution
 * @param n - rows and columns
 * @param seed - PRNG seed; the same `(kind, n, seed)` always gives the same matrix
 * @returns the matrix, row-major
 * @example
 * makeMatrix('ties', 2, 1).data; //=> Float64Array [0.6, 0, 0.5, 1]
 */
export function makeMatrix(kind: MatrixKind, n: number, seed: number): DenseMatrix {
  const random = createRandom(seed);
  const data = new Float64Array(n * n);
  switch (kind) {
    case 'integers':
      for (let k = 0; k < data.length; k++) data[k] = Math.floor(random() * 1e6);
      break;
    case 'floats':
      for (let k = 0; k < data.length; k++) data[k] = random();
      break;
    case 'ties':
      for (let k = 0; k < data.length; k++) data[k] = Math.round(random() * 10) / 10;
      break;
    case 'euclidean': {
      const points = new Float64Array(4 * n);
      for (let k = 0; k < points.length; k++) points[k] = random();
      // Rows are the first n points, columns the next n.
      for (let i = 0; i < n; i++) {
        const x = points[2 * i];
        const y = points[2 * i + 1];
        for (let j = 0; j < n; j++) {
          const dx = x - points[2 * (n + j)];
          const dy = y - points[2 * (n + j) + 1];
          data[i * n + j] = Math.sqrt(dx * dx + dy * dy);
        }
      }
      break;
    }
  }
  return { rows: n, cols: n, data };
}

/**
 * Converts a dense matrix to an array of plain number rows, the form most npm peers take.
 *
 * @param matrix - the dense matrix
 * @returns a fresh `number[][]` (the caller may let a peer mutate it)
 */
export function toRows(matrix: DenseMatrix): number[][] {
  const out: number[][] = new Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    out[i] = Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols));
  }
  return out;
}

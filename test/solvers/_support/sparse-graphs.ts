/**
 * Random candidate graphs for the sparse solver's tests, with the same graph as a dense matrix
 * (missing pairs forbidden) so that brute force and the dense solver can check it.
 */

/** A CSR graph as `solveSparseAssignment` takes it, plain arrays. */
export interface SparseGraph {
  readonly rows: number;
  readonly cols: number;
  readonly offsets: number[];
  readonly columns: number[];
  readonly weights: number[];
}

/** Weight kinds: spread integers, floats in [-1, 1], heavy ties. */
export type WeightKind = 'integers' | 'floats' | 'ties';

/** xorshift32 from a seed: deterministic and cheap. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * Each pair is an edge with probability `density`; with `duplicates`, some edges are repeated
 * with another weight. Columns within a row are shuffled, not sorted, as callers may give them.
 */
export function randomSparseGraph(
  rows: number,
  cols: number,
  density: number,
  kind: WeightKind,
  seed: number,
  duplicates = false,
): SparseGraph {
  const random = seededRandom(seed);
  const weight = () => {
    const x = random();
    if (kind === 'integers') return Math.floor(x * 2_000_001) - 1_000_000;
    if (kind === 'ties') return Math.floor(x * 4) / 10;
    return 2 * x - 1;
  };
  const offsets = [0];
  const columns: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) {
      if (random() < density) row.push(j);
      if (duplicates && random() < density / 3) row.push(j);
    }
    for (let a = row.length - 1; a > 0; a--) {
      const b = Math.floor(random() * (a + 1));
      [row[a], row[b]] = [row[b], row[a]];
    }
    for (const j of row) {
      columns.push(j);
      weights.push(weight());
    }
    offsets.push(columns.length);
  }
  return { rows, cols, offsets, columns, weights };
}

/**
 * The graph as a dense matrix, forbidden cells `Infinity` (`-Infinity` maximising); a repeated
 * edge keeps its best weight.
 */
export function toDense(graph: SparseGraph, maximize: boolean): number[][] {
  const forbidden = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const better = (a: number, b: number) => (maximize ? a > b : a < b);
  const matrix = Array.from({ length: graph.rows }, () =>
    new Array<number>(graph.cols).fill(forbidden),
  );
  for (let i = 0; i < graph.rows; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      const j = graph.columns[e];
      if (matrix[i][j] === forbidden || better(graph.weights[e], matrix[i][j])) {
        matrix[i][j] = graph.weights[e];
      }
    }
  }
  return matrix;
}

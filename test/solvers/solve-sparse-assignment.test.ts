import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import { solveAssignment } from '../../src/solvers/solve-assignment.js';
import {
  type SparseCandidates,
  solveSparseAssignment,
} from '../../src/solvers/solve-sparse-assignment.js';
import { numRuns } from '../_support/runs.js';
import { bruteForceAssignment } from './_support/brute-force.js';
import {
  randomSparseGraph,
  type SparseGraph,
  toDense,
  type WeightKind,
} from './_support/sparse-graphs.js';

const kinds: WeightKind[] = ['integers', 'floats', 'ties'];

function closeTo(actual: number, expected: number, scale = 1): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(scale, Math.abs(expected));
}

function errorOf(run: () => unknown): PeermatchError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PeermatchError);
    return error as PeermatchError;
  }
  throw new Error('expected a PeermatchError');
}

/**
 * The result is a matching that uses only candidate edges (the safety property: a pair that
 * is not a candidate is never returned), and its total is the best weight of its pairs.
 * Returns the number of pairs.
 */
function expectValid(
  graph: SparseGraph,
  maximize: boolean,
  result: { rowToCol: Int32Array; colToRow: Int32Array; total: number },
): number {
  const dense = toDense(graph, maximize);
  const forbidden = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  expect(result.rowToCol.length).toBe(graph.rows);
  expect(result.colToRow.length).toBe(graph.cols);
  let pairs = 0;
  let total = 0;
  for (let i = 0; i < graph.rows; i++) {
    const j = result.rowToCol[i];
    if (j === -1) continue;
    expect(result.colToRow[j]).toBe(i);
    expect(dense[i][j]).not.toBe(forbidden);
    pairs++;
    total += dense[i][j];
  }
  for (let j = 0; j < graph.cols; j++) {
    const i = result.colToRow[j];
    if (i !== -1) expect(result.rowToCol[i]).toBe(j);
  }
  expect(closeTo(result.total, total, 1e6)).toBe(true);
  return pairs;
}

const smallGraph = fc
  .record({
    rows: fc.integer({ min: 0, max: 8 }),
    cols: fc.integer({ min: 0, max: 9 }),
    density: fc.constantFrom(0.15, 0.35, 0.7, 1),
    kind: fc.constantFrom(...kinds),
    seed: fc.integer(),
    maximize: fc.boolean(),
    duplicates: fc.boolean(),
  })
  .map(({ rows, cols, density, kind, seed, maximize, duplicates }) => ({
    graph: randomSparseGraph(rows, cols, density, kind, seed, duplicates),
    maximize,
  }));

describe('solveSparseAssignment', () => {
  it('solveSparseAssignment(graph) matches brute force on every instance up to 8 × 9, or throws INFEASIBLE exactly when it must', () => {
    fc.assert(
      fc.property(smallGraph, ({ graph, maximize }) => {
        const expected = bruteForceAssignment(toDense(graph, maximize), maximize, false);
        if (expected === null) {
          expect(errorOf(() => solveSparseAssignment(graph, { maximize })).code).toBe('INFEASIBLE');
          return;
        }
        const result = solveSparseAssignment(graph, { maximize });
        expect(expectValid(graph, maximize, result)).toBe(expected.pairs);
        expect(closeTo(result.total, expected.total, 1e6)).toBe(true);
      }),
      { numRuns: numRuns(500) },
    );
  });

  it('solveSparseAssignment(graph, { partial: true }) makes the most pairs, then the best total', () => {
    fc.assert(
      fc.property(smallGraph, ({ graph, maximize }) => {
        const expected = bruteForceAssignment(toDense(graph, maximize), maximize, true)!;
        const result = solveSparseAssignment(graph, { maximize, partial: true });
        expect(expectValid(graph, maximize, result)).toBe(expected.pairs);
        expect(closeTo(result.total, expected.total, 1e6)).toBe(true);
      }),
      { numRuns: numRuns(500) },
    );
  });

  it('solveSparseAssignment(graph) equals solveAssignment on the same graph with missing cells forbidden, up to 300 × 300', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(0.01, 0.03, 0.1, 0.3),
        fc.constantFrom(...kinds),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (rows, cols, density, kind, maximize, partial, seed) => {
          const graph = randomSparseGraph(rows, cols, density, kind, seed);
          const matrix = toDense(graph, maximize);
          let dense: ReturnType<typeof solveAssignment> | string;
          try {
            dense = solveAssignment(matrix, { maximize, partial });
          } catch (error) {
            dense = (error as PeermatchError).code;
          }
          if (typeof dense === 'string') {
            expect(errorOf(() => solveSparseAssignment(graph, { maximize, partial })).code).toBe(
              dense,
            );
            return;
          }
          const sparse = solveSparseAssignment(graph, { maximize, partial, duals: true });
          const densePairs = dense.rowToCol.filter((j) => j >= 0).length;
          expect(expectValid(graph, maximize, sparse)).toBe(densePairs);
          expect(closeTo(sparse.total, dense.total, 1e6)).toBe(true);
          if (sparse.u) expectCertified(graph, maximize, sparse, kind === 'integers' ? 1e6 : 1);
        },
      ),
      { numRuns: numRuns(60) },
    );
  });

  it('solveSparseAssignment(graph, { duals: true }) returns potentials that certify optimality on the candidate edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(...kinds),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (n, extra, kind, maximize, tall, seed) => {
          const [rows, cols] = tall ? [n + extra, n] : [n, n + extra];
          const graph = randomSparseGraph(rows, cols, Math.min(1, 12 / n), kind, seed);
          let result: ReturnType<typeof solveSparseAssignment>;
          try {
            result = solveSparseAssignment(graph, { maximize, duals: true });
          } catch (error) {
            expect((error as PeermatchError).code).toBe('INFEASIBLE');
            return;
          }
          expectCertified(graph, maximize, result, kind === 'integers' ? 1e6 : 1);
        },
      ),
      { numRuns: numRuns(60) },
    );
  });

  it('solveSparseAssignment(graph) with more rows than columns assigns every column', () => {
    // Column 1 is wanted by rows 0 and 2; row 1 is the only one for column 0.
    const result = solveSparseAssignment({
      rows: 3,
      cols: 2,
      offsets: [0, 1, 3, 4],
      columns: [1, 0, 1, 1],
      weights: [5, 9, 1, 3],
    });
    expect([...result.rowToCol]).toEqual([-1, 0, 1]);
    expect([...result.colToRow]).toEqual([1, 2]);
    expect(result.total).toBe(12);
  });

  it('solveSparseAssignment(graph) keeps the best of repeated edges', () => {
    const graph = {
      rows: 1,
      cols: 2,
      offsets: [0, 3],
      columns: [0, 0, 1],
      weights: [7, 2, 4],
    };
    const min = solveSparseAssignment(graph);
    expect([...min.rowToCol]).toEqual([0]);
    expect(min.total).toBe(2);
    const max = solveSparseAssignment(graph, { maximize: true });
    expect([...max.rowToCol]).toEqual([0]);
    expect(max.total).toBe(7);
  });

  it('solveSparseAssignment(graph) throws INFEASIBLE naming a row without candidates and rows that crowd too few columns', () => {
    // Row 3 has no edge; rows 1 and 2 can only use column 0.
    const graph = {
      rows: 4,
      cols: 4,
      offsets: [0, 2, 3, 4, 4],
      columns: [0, 3, 0, 0],
      weights: [1, 4, 2, 3],
    };
    const error = errorOf(() => solveSparseAssignment(graph));
    expect(error.code).toBe('INFEASIBLE');
    expect(error.issues.map((issue) => issue.code).sort()).toEqual([
      'NO_ALLOWED_PAIR',
      'TOO_FEW_ALLOWED',
    ]);
    expect(error.issues.find((i) => i.code === 'NO_ALLOWED_PAIR')!.path).toEqual([3]);
    expect(error.issues.find((i) => i.code === 'TOO_FEW_ALLOWED')!.message).toContain(
      'rows 1, 2 can only use column 0: 2 rows for 1 column',
    );
    expect(error.message).toContain('at most 2 of the 4 rows');

    const partial = solveSparseAssignment(graph, { partial: true });
    expect([...partial.rowToCol]).toEqual([3, 0, -1, -1]);
    expect(partial.total).toBe(6);
  });

  it('solveSparseAssignment(graph) names columns when the graph has more rows than columns', () => {
    // Column 1 has no candidate row.
    const error = errorOf(() =>
      solveSparseAssignment({
        rows: 3,
        cols: 2,
        offsets: [0, 1, 2, 3],
        columns: [0, 0, 0],
        weights: [1, 2, 3],
      }),
    );
    expect(error.code).toBe('INFEASIBLE');
    expect(error.issues[0]).toMatchObject({ code: 'NO_ALLOWED_PAIR', path: [1] });
    expect(error.issues[0].message).toContain('column 1 has no candidate row');
  });

  it('solveSparseAssignment(graph) handles empty graphs and rows without edges under partial', () => {
    expect(
      solveSparseAssignment({ rows: 0, cols: 0, offsets: [0], columns: [], weights: [] }),
    ).toEqual({ rowToCol: new Int32Array(0), colToRow: new Int32Array(0), total: 0 });
    const wide = solveSparseAssignment({
      rows: 2,
      cols: 0,
      offsets: [0, 0, 0],
      columns: [],
      weights: [],
    });
    expect([...wide.rowToCol]).toEqual([-1, -1]);
    const empty = solveSparseAssignment(
      { rows: 2, cols: 3, offsets: [0, 0, 0], columns: [], weights: [] },
      { partial: true },
    );
    expect([...empty.rowToCol]).toEqual([-1, -1]);
    expect(empty.total).toBe(0);
  });

  it('solveSparseAssignment(graph) never modifies its input, and typed and plain arrays give the same answer, twice', () => {
    fc.assert(
      fc.property(smallGraph, ({ graph, maximize }) => {
        const typed: SparseCandidates = {
          rows: graph.rows,
          cols: graph.cols,
          offsets: Int32Array.from(graph.offsets),
          columns: Int32Array.from(graph.columns),
          weights: Float64Array.from(graph.weights),
        };
        const plainCopy = structuredClone(graph);
        const typedCopy = structuredClone(typed);
        const options = { maximize, partial: true, duals: true };
        const first = solveSparseAssignment(graph, options);
        expect(solveSparseAssignment(typed, options)).toEqual(first);
        expect(solveSparseAssignment(graph, options)).toEqual(first);
        expect(graph).toEqual(plainCopy);
        expect(typed).toEqual(typedCopy);
      }),
      { numRuns: numRuns(200) },
    );
  });

  it('solveSparseAssignment(graph) solves the example in its documentation', () => {
    const { rowToCol, total } = solveSparseAssignment({
      rows: 2,
      cols: 2,
      offsets: [0, 2, 3],
      columns: [0, 1, 1],
      weights: [4, 1, 2],
    });
    expect([...rowToCol]).toEqual([0, 1]);
    expect(total).toBe(6);
  });
});

describe('solveSparseAssignment errors', () => {
  it('solveSparseAssignment(graph) lists every bad edge: NaN and infinite weights, columns out of range', () => {
    const error = errorOf(() =>
      solveSparseAssignment({
        rows: 2,
        cols: 2,
        offsets: [0, 2, 4],
        columns: [0, 2, 1, -1],
        weights: [Number.NaN, 1, Number.POSITIVE_INFINITY, 3],
      }),
    );
    expect(error.code).toBe('INVALID_MATRIX');
    expect(error.issues.map((issue) => [issue.code, ...issue.path])).toEqual([
      ['INVALID_WEIGHT', 'weights', 0],
      ['INVALID_COLUMN', 'columns', 1],
      ['INVALID_WEIGHT', 'weights', 2],
      ['INVALID_COLUMN', 'columns', 3],
    ]);
    expect(error.issues[2].message).toContain('edge 2 (row 1, column 1) has weight Infinity');
  });

  it('solveSparseAssignment(graph) rejects bad sizes, offsets and lengths', () => {
    expect(
      errorOf(() =>
        solveSparseAssignment({ rows: -1, cols: 1.5, offsets: [0], columns: [], weights: [] }),
      ).issues.map((issue) => issue.path),
    ).toEqual([['rows'], ['cols']]);
    expect(
      errorOf(() =>
        solveSparseAssignment({ rows: 2, cols: 2, offsets: [0, 1], columns: [0], weights: [1] }),
      ).issues[0],
    ).toMatchObject({ code: 'OFFSETS_LENGTH', path: ['offsets'] });
    expect(
      errorOf(() =>
        solveSparseAssignment({
          rows: 2,
          cols: 2,
          offsets: [1, 0, 1],
          columns: [0],
          weights: [1, 2],
        }),
      ).issues.map((issue) => issue.code),
    ).toEqual(['INVALID_OFFSET', 'INVALID_OFFSET', 'LENGTH_MISMATCH']);
    expect(errorOf(() => solveSparseAssignment('graph' as never)).code).toBe('INVALID_MATRIX');
    expect(
      errorOf(() =>
        solveSparseAssignment({
          rows: 1,
          cols: 1,
          offsets: 'x',
          columns: [],
          weights: [],
        } as never),
      ).issues[0],
    ).toMatchObject({ code: 'INVALID_ARRAY', path: ['offsets'] });
  });

  it('solveSparseAssignment(graph) lists at most 100 bad edges and counts the rest', () => {
    const n = 150;
    const error = errorOf(() =>
      solveSparseAssignment({
        rows: 1,
        cols: 1,
        offsets: [0, n],
        columns: new Array(n).fill(0),
        weights: new Array(n).fill(Number.NaN),
      }),
    );
    expect(error.issues).toHaveLength(101);
    expect(error.issues[100]).toMatchObject({ code: 'MORE_ISSUES' });
    expect(error.issues[100].message).toContain('50 more');
  });

  it('solveSparseAssignment(graph, options) lists every bad option at once', () => {
    const error = errorOf(() =>
      solveSparseAssignment({ rows: 1, cols: 1, offsets: [0, 1], columns: [0], weights: [1] }, {
        maximize: 'yes',
        signal: {},
        onProgress: 3,
      } as never),
    );
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['maximize'],
      ['signal'],
      ['onProgress'],
    ]);
  });
});

describe('solveSparseAssignment signal and onProgress', () => {
  /** Large enough that the solver looks at its signal many times. */
  const large = randomSparseGraph(3000, 3000, 0.006, 'floats', 7);

  it('solveSparseAssignment(graph, { signal }) with an aborted signal throws ABORTED before any work', () => {
    const controller = new AbortController();
    controller.abort();
    const calls: number[] = [];
    const error = errorOf(() =>
      solveSparseAssignment(large, {
        signal: controller.signal,
        onProgress: (_phase, done) => calls.push(done),
      }),
    );
    expect(error.code).toBe('ABORTED');
    expect(calls).toEqual([]);
  });

  it('solveSparseAssignment(graph, { signal }) aborted from onProgress mid-run throws ABORTED and returns nothing', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const error = errorOf(() =>
      solveSparseAssignment(large, {
        signal: controller.signal,
        onProgress: (_phase, done, total) => {
          calls.push(done);
          if (done > 0 && done < total) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('ABORTED');
    // Stopped at the first look after the abort: no report of a finished run.
    expect(calls.at(-1)).toBeLessThan(3000);
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it('solveSparseAssignment(graph, { onProgress }) reports monotone progress ending at the total, per phase', () => {
    const reports: [string, number, number][] = [];
    const result = solveSparseAssignment(large, {
      onProgress: (phase, done, total) => reports.push([phase, done, total]),
    });
    expect(expectValid(large, false, result)).toBe(3000);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.length).toBeLessThanOrEqual(1002);
    expect(reports[0]).toEqual(['assign', 0, 3000]);
    expect(reports.at(-1)).toEqual(['assign', 3000, 3000]);
    for (let k = 1; k < reports.length; k++) {
      expect(reports[k][1]).toBeGreaterThan(reports[k - 1][1]);
    }

    // partial on an infeasible graph runs a second phase, itself monotone from 0 to the total.
    const cut = large.offsets[1];
    const starved: SparseGraph = {
      rows: large.rows,
      cols: large.cols,
      offsets: [0, ...large.offsets.slice(1).map((offset) => offset - cut)],
      columns: large.columns.slice(cut),
      weights: large.weights.slice(cut),
    };
    const phases: [string, number, number][] = [];
    const partialResult = solveSparseAssignment(starved, {
      partial: true,
      onProgress: (phase, done, total) => phases.push([phase, done, total]),
    });
    expect(partialResult.rowToCol[0]).toBe(-1);
    expect(expectValid(starved, false, partialResult)).toBe(2999);
    const partial = phases.filter(([phase]) => phase === 'partial');
    expect(partial[0]).toEqual(['partial', 0, 3000]);
    expect(partial.at(-1)).toEqual(['partial', 3000, 3000]);
    for (let k = 1; k < partial.length; k++)
      expect(partial[k][1]).toBeGreaterThan(partial[k - 1][1]);
  });
});

/**
 * The potentials prove the assignment optimal on the candidate graph: no negative slack on any
 * edge, none on assigned pairs, the larger side's unassigned potentials on the right side of
 * 0, and the dual total equal to the total.
 */
function expectCertified(
  graph: SparseGraph,
  maximize: boolean,
  { rowToCol, colToRow, total, u, v }: ReturnType<typeof solveSparseAssignment>,
  scale: number,
): void {
  expect(u).toBeDefined();
  const sign = maximize ? -1 : 1;
  const tol = 1e-9 * scale * Math.max(graph.rows, graph.cols, 1);
  let dualTotal = 0;
  for (let i = 0; i < graph.rows; i++) {
    dualTotal += u![i];
    let assignedSlack = Number.POSITIVE_INFINITY;
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
      const j = graph.columns[e];
      const slack = sign * (graph.weights[e] - u![i] - v![j]);
      expect(slack).toBeGreaterThanOrEqual(-tol);
      if (rowToCol[i] === j) assignedSlack = Math.min(assignedSlack, Math.abs(slack));
    }
    if (rowToCol[i] === -1) expect(sign * u![i]).toBeLessThanOrEqual(tol);
    else expect(assignedSlack).toBeLessThanOrEqual(tol);
  }
  for (let j = 0; j < graph.cols; j++) {
    dualTotal += v![j];
    if (colToRow[j] === -1) expect(sign * v![j]).toBeLessThanOrEqual(tol);
  }
  expect(Math.abs(dualTotal - total)).toBeLessThanOrEqual(
    tol * Math.max(graph.rows, graph.cols, 1),
  );
}

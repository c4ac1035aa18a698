import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import { type AssignmentResult, solveAssignment } from '../../src/solvers/index.js';
import { numRuns } from '../_support/runs.js';
import { bruteForceAssignment } from './_support/brute-force.js';

type Matrix = number[][];

/** Cell values of one kind, so shrinking keeps the flavour that failed. */
const cellKinds = {
  integers: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  floats: fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }),
  ties: fc.integer({ min: 0, max: 3 }).map((x) => x / 10),
  huge: fc.constantFrom(-1e15, -3e14, 0, 7e14, 1e15),
};

function matrixArbitrary(maxRows: number, maxCols: number, forbidRate: number) {
  return fc
    .record({
      rows: fc.integer({ min: 0, max: maxRows }),
      cols: fc.integer({ min: 0, max: maxCols }),
      kind: fc.constantFrom(...(Object.keys(cellKinds) as (keyof typeof cellKinds)[])),
      maximize: fc.boolean(),
    })
    .chain(({ rows, cols, kind, maximize }) =>
      fc
        .array(
          fc.array(fc.tuple(cellKinds[kind], fc.double({ min: 0, max: 1, noNaN: true })), {
            minLength: cols,
            maxLength: cols,
          }),
          { minLength: rows, maxLength: rows },
        )
        .map((cells) => ({
          maximize,
          matrix: cells.map((row) =>
            row.map(([value, draw]) =>
              draw < forbidRate
                ? maximize
                  ? Number.NEGATIVE_INFINITY
                  : Number.POSITIVE_INFINITY
                : value,
            ),
          ),
        })),
    );
}

function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** The result is a valid (partial) assignment that uses only allowed cells. */
function expectValid(matrix: Matrix, maximize: boolean, result: AssignmentResult): number {
  const rows = matrix.length;
  const cols = rows > 0 ? matrix[0].length : 0;
  const forbidden = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  expect(result.rowToCol.length).toBe(rows);
  expect(result.colToRow.length).toBe(cols);
  let pairs = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = result.rowToCol[i];
    if (j === -1) continue;
    expect(result.colToRow[j]).toBe(i);
    expect(matrix[i][j]).not.toBe(forbidden);
    pairs++;
    total += matrix[i][j];
  }
  for (let j = 0; j < cols; j++) {
    const i = result.colToRow[j];
    if (i !== -1) expect(result.rowToCol[i]).toBe(j);
  }
  expect(closeTo(result.total, total)).toBe(true);
  return pairs;
}

describe('solveAssignment', () => {
  it('solveAssignment(matrix) matches brute force on every complete instance up to 7 × 8', () => {
    fc.assert(
      fc.property(matrixArbitrary(7, 8, 0.25), ({ matrix, maximize }) => {
        const expected = bruteForceAssignment(matrix, maximize, false);
        if (expected === null) {
          expect(() => solveAssignment(matrix, { maximize })).toThrow(PeermatchError);
          return;
        }
        const result = solveAssignment(matrix, { maximize });
        expect(expectValid(matrix, maximize, result)).toBe(expected.pairs);
        expect(closeTo(result.total, expected.total)).toBe(true);
      }),
      { numRuns: numRuns(400) },
    );
  });

  it('solveAssignment(matrix) also matches brute force on taller-than-wide matrices', () => {
    fc.assert(
      fc.property(matrixArbitrary(8, 4, 0.1), ({ matrix, maximize }) => {
        const expected = bruteForceAssignment(matrix, maximize, false);
        if (expected === null) return;
        const result = solveAssignment(matrix, { maximize });
        expect(expectValid(matrix, maximize, result)).toBe(expected.pairs);
        expect(closeTo(result.total, expected.total)).toBe(true);
      }),
      { numRuns: numRuns(200) },
    );
  });

  it('solveAssignment(matrix, { partial: true }) makes the most pairs, then the best total', () => {
    fc.assert(
      fc.property(matrixArbitrary(7, 7, 0.55), ({ matrix, maximize }) => {
        const expected = bruteForceAssignment(matrix, maximize, true)!;
        const result = solveAssignment(matrix, { maximize, partial: true });
        expect(expectValid(matrix, maximize, result)).toBe(expected.pairs);
        expect(closeTo(result.total, expected.total)).toBe(true);
      }),
      { numRuns: numRuns(400) },
    );
  });

  it('solveAssignment(flat, { duals: true }) returns potentials that certify optimality up to 300 × 300', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('integers', 'floats', 'ties'),
        fc.boolean(),
        fc.integer(),
        (n, extra, kind, maximize, seed) => {
          const rows = seed % 2 === 0 ? n : n + extra;
          const cols = seed % 2 === 0 ? n + extra : n;
          const data = randomMatrix(rows, cols, kind, seed);
          const result = solveAssignment({ rows, cols, data }, { maximize, duals: true });
          expectCertified(data, rows, cols, maximize, result, kind === 'integers' ? 1e6 : 1);
        },
      ),
      { numRuns: numRuns(40) },
    );
  });

  it('solveAssignment(square) is optimal on the sizes that take the sparse warm start', () => {
    // From 128 × 128 the solver first solves each row's cheapest cells, then repairs against
    // the full matrix: check it on every kind, with forbidden cells, by the dual certificate.
    fc.assert(
      fc.property(
        fc.integer({ min: 128, max: 260 }),
        fc.constantFrom('integers', 'floats', 'ties', 'points', 'rowsAlike'),
        fc.constantFrom(0, 0.05, 0.6),
        fc.boolean(),
        fc.integer(),
        (n, kind, forbidRate, maximize, seed) => {
          const data = randomMatrix(n, n, kind, seed);
          const forbidden = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
          const draw = randomMatrix(n, n, 'floats', seed + 1);
          for (let k = 0; k < data.length; k++) {
            // Keep the diagonal allowed so that a complete assignment exists.
            if (draw[k] < forbidRate && k % (n + 1) !== 0) data[k] = forbidden;
          }
          const result = solveAssignment({ rows: n, cols: n, data }, { maximize, duals: true });
          expectCertified(data, n, n, maximize, result, kind === 'integers' ? 1e6 : 1);
        },
      ),
      { numRuns: numRuns(30) },
    );
  });

  it('solveAssignment(matrix) gives the same answer for nested and flat input, twice', () => {
    fc.assert(
      fc.property(matrixArbitrary(6, 6, 0.2), ({ matrix, maximize }) => {
        const rows = matrix.length;
        const cols = rows > 0 ? matrix[0].length : 0;
        const data = Float64Array.from(matrix.flat());
        const options = { maximize, partial: true };
        const nested = solveAssignment(matrix, options);
        const flat = solveAssignment({ rows, cols, data }, options);
        expect(flat).toEqual(nested);
        expect(solveAssignment(matrix, options)).toEqual(nested);
      }),
      { numRuns: numRuns(200) },
    );
  });

  it('solveAssignment(matrix) never modifies its input', () => {
    fc.assert(
      fc.property(matrixArbitrary(6, 6, 0.3), ({ matrix, maximize }) => {
        const copy = matrix.map((row) => [...row]);
        const rows = matrix.length;
        const cols = rows > 0 ? matrix[0].length : 0;
        const data = Float64Array.from(matrix.flat());
        const dataCopy = data.slice();
        solveAssignment(matrix, { maximize, partial: true, duals: true });
        solveAssignment({ rows, cols, data }, { maximize, partial: true, duals: true });
        expect(matrix).toEqual(copy);
        expect(data).toEqual(dataCopy);
      }),
      { numRuns: numRuns(100) },
    );
  });

  it('solveAssignment(matrix) solves the example in its documentation', () => {
    const result = solveAssignment([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect([...result.rowToCol]).toEqual([1, 0, 2]);
    expect(result.total).toBe(5);
    expect([
      ...solveAssignment(
        [
          [0.9, 0.2],
          [0.8, Number.NEGATIVE_INFINITY],
        ],
        { maximize: true },
      ).rowToCol,
    ]).toEqual([1, 0]);
  });

  it('solveAssignment([]) and zero-width matrices return empty assignments', () => {
    expect(solveAssignment([])).toEqual({
      rowToCol: new Int32Array(0),
      colToRow: new Int32Array(0),
      total: 0,
    });
    const wide = solveAssignment({ rows: 2, cols: 0, data: new Float64Array(0) });
    expect([...wide.rowToCol]).toEqual([-1, -1]);
    expect(wide.total).toBe(0);
  });
});

describe('solveAssignment errors', () => {
  function codeOf(run: () => unknown): {
    code: string;
    issues: readonly { code: string; path: readonly (string | number)[] }[];
  } {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(PeermatchError);
      return error as PeermatchError;
    }
    throw new Error('expected a PeermatchError');
  }

  it('solveAssignment(matrix) with NaN or the wrong infinity names every bad cell', () => {
    const error = codeOf(() =>
      solveAssignment([
        [1, Number.NaN],
        [Number.NEGATIVE_INFINITY, 2],
      ]),
    );
    expect(error.code).toBe('INVALID_MATRIX');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    const maxError = codeOf(() =>
      solveAssignment([[Number.POSITIVE_INFINITY]], { maximize: true }),
    );
    expect(maxError.issues[0].path).toEqual([0, 0]);
  });

  it('solveAssignment(matrix) rejects ragged rows, non-numbers and non-matrices', () => {
    expect(codeOf(() => solveAssignment([[1, 2], [3]])).issues[0]).toMatchObject({
      code: 'ROW_LENGTH',
      path: [1],
    });
    expect(codeOf(() => solveAssignment([[1, '2' as unknown as number]])).issues[0]).toMatchObject({
      code: 'INVALID_CELL',
      path: [0, 1],
    });
    expect(codeOf(() => solveAssignment('matrix' as never)).code).toBe('INVALID_MATRIX');
  });

  it('solveAssignment({ rows, cols, data }) rejects non-integer sizes and wrong lengths', () => {
    const data = new Float64Array(6);
    expect(codeOf(() => solveAssignment({ rows: 2.5, cols: 2, data })).issues[0]).toMatchObject({
      code: 'INVALID_SIZE',
      path: ['rows'],
    });
    expect(codeOf(() => solveAssignment({ rows: 2, cols: -1, data })).issues[0].path).toEqual([
      'cols',
    ]);
    expect(codeOf(() => solveAssignment({ rows: 2, cols: 2, data })).issues[0]).toMatchObject({
      code: 'DATA_LENGTH',
      path: ['data'],
    });
    const flatNaN = Float64Array.from([0, 1, Number.NaN, 3]);
    expect(
      codeOf(() => solveAssignment({ rows: 2, cols: 2, data: flatNaN })).issues[0].path,
    ).toEqual(['data', 2]);
  });

  it('solveAssignment(matrix) lists at most 100 bad cells and counts the rest', () => {
    const matrix = Array.from({ length: 20 }, () => new Array<number>(20).fill(Number.NaN));
    const error = codeOf(() => solveAssignment(matrix));
    expect(error.issues).toHaveLength(101);
    expect(error.issues[100].code).toBe('MORE_ISSUES');
  });

  it('solveAssignment(matrix) without a complete assignment throws INFEASIBLE naming the rows', () => {
    const I = Number.POSITIVE_INFINITY;
    const error = codeOf(() =>
      solveAssignment([
        [1, I, I, 4],
        [2, I, I, I],
        [3, I, I, I],
        [I, I, I, I],
      ]),
    );
    expect(error.code).toBe('INFEASIBLE');
    expect(error.issues.map((issue) => issue.code).sort()).toEqual([
      'NO_ALLOWED_PAIR',
      'TOO_FEW_ALLOWED',
    ]);
    const crowded = error.issues.find((issue) => issue.code === 'TOO_FEW_ALLOWED')!;
    expect((crowded as PeermatchError['issues'][number]).message).toContain(
      'rows 1, 2 can only use column 0: 2 rows for 1 column',
    );
  });

  it('solveAssignment(matrix, options) rejects options that are not booleans', () => {
    const error = codeOf(() =>
      solveAssignment([[1]], { maximize: 'yes' as never, partial: 1 as never }),
    );
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.map((issue) => issue.path)).toEqual([['maximize'], ['partial']]);
  });
});

/**
 * The potentials prove the assignment optimal: no negative slack on any allowed cell, no
 * slack on assigned pairs, the larger side's unassigned potentials on the right side of 0,
 * and the dual total equal to the total.
 */
function expectCertified(
  data: Float64Array,
  rows: number,
  cols: number,
  maximize: boolean,
  { rowToCol, colToRow, total, u, v }: AssignmentResult,
  scale: number,
): void {
  const sign = maximize ? -1 : 1;
  const tol = 1e-9 * scale * Math.max(rows, cols);
  let minSlack = 0;
  let maxAssignedSlack = 0;
  let maxFreePotential = 0;
  let dualTotal = 0;
  for (let i = 0; i < rows; i++) {
    dualTotal += u![i];
    for (let j = 0; j < cols; j++) {
      const cell = data[i * cols + j];
      if (!Number.isFinite(cell)) {
        expect(rowToCol[i]).not.toBe(j);
        continue;
      }
      const slack = sign * (cell - u![i] - v![j]);
      minSlack = Math.min(minSlack, slack);
      if (rowToCol[i] === j) maxAssignedSlack = Math.max(maxAssignedSlack, Math.abs(slack));
    }
    if (rowToCol[i] === -1) maxFreePotential = Math.max(maxFreePotential, sign * u![i]);
  }
  for (let j = 0; j < cols; j++) {
    dualTotal += v![j];
    if (colToRow[j] === -1) maxFreePotential = Math.max(maxFreePotential, sign * v![j]);
  }
  expect(minSlack).toBeGreaterThanOrEqual(-tol);
  expect(maxAssignedSlack).toBeLessThanOrEqual(tol);
  expect(maxFreePotential).toBeLessThanOrEqual(tol);
  expect(Math.abs(dualTotal - total)).toBeLessThanOrEqual(tol * Math.max(rows, cols));
}

/** Deterministic matrices for the larger certificate checks (fast-check supplies the seed). */
function randomMatrix(rows: number, cols: number, kind: string, seed: number): Float64Array {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const data = new Float64Array(rows * cols);
  if (kind === 'points') {
    // Distances between two random point sets: structured, far from the cheapest cells.
    const px = Array.from({ length: rows }, next);
    const py = Array.from({ length: rows }, next);
    const qx = Array.from({ length: cols }, next);
    const qy = Array.from({ length: cols }, next);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) data[i * cols + j] = Math.hypot(px[i] - qx[j], py[i] - qy[j]);
    }
    return data;
  }
  // rowsAlike: every row ranks the columns the same way, the worst case for cheapest-cell starts.
  const columnBias = Array.from({ length: cols }, next);
  for (let k = 0; k < data.length; k++) {
    const x = next();
    if (kind === 'integers') data[k] = Math.floor(x * 1e6);
    else if (kind === 'ties') data[k] = Math.round(x * 10) / 10;
    else if (kind === 'rowsAlike') data[k] = columnBias[k % cols] + x * 0.01;
    else data[k] = x;
  }
  return data;
}

describe('solveAssignment signal and onProgress', () => {
  /** Every row ranks the columns alike: long searches, so the solver looks at its signal often. */
  const rows = 400;
  const cols = 500;
  const data = randomMatrix(rows, cols, 'rowsAlike', 11);

  it('solveAssignment(matrix, { signal }) with an aborted signal throws ABORTED before any work', () => {
    const controller = new AbortController();
    controller.abort();
    const calls: number[] = [];
    let error: unknown;
    try {
      solveAssignment(
        { rows, cols, data },
        { signal: controller.signal, onProgress: (_phase, done) => calls.push(done) },
      );
    } catch (caught) {
      error = caught;
    }
    expect(PeermatchError.is(error) && error.code).toBe('ABORTED');
    expect(calls).toEqual([]);
  });

  it('solveAssignment(matrix, { signal }) aborted from onProgress mid-run throws ABORTED', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    let error: unknown;
    try {
      solveAssignment(
        { rows, cols, data },
        {
          signal: controller.signal,
          onProgress: (_phase, done, total) => {
            calls.push(done);
            if (done > 0 && done < total) controller.abort();
          },
        },
      );
    } catch (caught) {
      error = caught;
    }
    expect(PeermatchError.is(error) && error.code).toBe('ABORTED');
    expect(calls.at(-1)).toBeLessThan(rows);
  });

  it('solveAssignment(matrix, { onProgress }) reports monotone progress ending at the total', () => {
    const reports: [string, number, number][] = [];
    const plain = solveAssignment({ rows, cols, data });
    const watched = solveAssignment(
      { rows, cols, data },
      { onProgress: (phase, done, total) => reports.push([phase, done, total]) },
    );
    expect(watched).toEqual(plain);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports[0]).toEqual(['assign', 0, rows]);
    expect(reports.at(-1)).toEqual(['assign', rows, rows]);
    for (let k = 1; k < reports.length; k++) {
      expect(reports[k][1]).toBeGreaterThan(reports[k - 1][1]);
    }
  });

  it('solveAssignment(matrix, options) rejects a signal or onProgress of the wrong type', () => {
    let error: unknown;
    try {
      solveAssignment([[1]], { signal: 'stop', onProgress: {} } as never);
    } catch (caught) {
      error = caught;
    }
    expect(PeermatchError.is(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as PeermatchError).issues.map((issue) => issue.path)).toEqual([
      ['signal'],
      ['onProgress'],
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import { capacitatedAssignment } from '../../src/solvers/_internal/capacitated-assignment.js';
import { solveAssignment } from '../../src/solvers/solve-assignment.js';
import { numRuns } from '../_support/runs.js';
import { bruteForceAssignment } from './_support/brute-force.js';

const NO = Number.NEGATIVE_INFINITY;

/** The seat-expanded matrix: column j repeated capacity[j] times. */
function seatRows(scores: Float64Array, rows: number, cols: number, capacity: readonly number[]) {
  const seatOf: number[] = capacity.flatMap((c, j) => Array<number>(Math.max(0, c)).fill(j));
  const matrix: number[][] = [];
  for (let i = 0; i < rows; i++) matrix.push(seatOf.map((j) => scores[i * cols + j]));
  return { seatOf, matrix };
}

/** The same problem as seat columns for the dense solver: the reference optimum, or null. */
function bySeats(scores: Float64Array, rows: number, cols: number, capacity: readonly number[]) {
  const { seatOf, matrix } = seatRows(scores, rows, cols, capacity);
  if (seatOf.length < rows) return null;
  const data = Float64Array.from(matrix.flat());
  try {
    return solveAssignment({ rows, cols: seatOf.length, data }, { maximize: true }).total;
  } catch (error) {
    if (PeermatchError.is(error) && error.code === 'INFEASIBLE') return null;
    throw error;
  }
}

/** Exhaustive reference on tiny instances: the best complete placement, or null. */
function byBruteForce(
  scores: Float64Array,
  rows: number,
  cols: number,
  capacity: readonly number[],
) {
  const { seatOf, matrix } = seatRows(scores, rows, cols, capacity);
  if (seatOf.length < rows) return null;
  if (rows === 0) return 0;
  const best = bruteForceAssignment(matrix, true, false);
  return best === null ? null : best.total;
}

/** Checks `got` is a complete placement within capacities on allowed cells; its total. */
function totalOf(
  got: Int32Array | null,
  scores: Float64Array,
  rows: number,
  cols: number,
  capacity: readonly number[],
): number {
  expect(got).not.toBeNull();
  const load = new Array<number>(cols).fill(0);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = got?.[i] ?? -1;
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThan(cols);
    expect(scores[i * cols + j]).not.toBe(NO);
    load[j]++;
    total += scores[i * cols + j];
  }
  for (let j = 0; j < cols; j++) expect(load[j]).toBeLessThanOrEqual(Math.max(0, capacity[j]));
  return total;
}

const cell = (levels: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: levels }).map((x) => x / levels) },
    { weight: 1, arbitrary: fc.constant(NO) },
  );

/** Rows × cols scores (twentieths, or a few levels for many ties) and capacities 0–5. */
const problem = (maxRows: number, maxCols: number, maxCap = 5) =>
  fc
    .record({
      rows: fc.integer({ min: 0, max: maxRows }),
      cols: fc.integer({ min: 1, max: maxCols }),
      levels: fc.constantFrom(1, 2, 20),
    })
    .chain(({ rows, cols, levels }) =>
      fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        capacity: fc.array(fc.integer({ min: 0, max: maxCap }), {
          minLength: cols,
          maxLength: cols,
        }),
        cells: fc.array(cell(levels), { minLength: rows * cols, maxLength: rows * cols }),
      }),
    );

/** The sparse start on every instance, with lists short enough to need every repair. */
const tunings = fc.record({
  sparseMinCells: fc.constant(0),
  candidatesPerRow: fc.integer({ min: 1, max: 4 }),
  rowsPerColumn: fc.integer({ min: 0, max: 3 }),
  maxRounds: fc.integer({ min: 0, max: 6 }),
});

/** Appends the "unmatched" column: score 0 for every row, capacity `rows`. */
function withUnmatched(scores: Float64Array, rows: number, cols: number, capacity: number[]) {
  const wide = new Float64Array(rows * (cols + 1));
  for (let i = 0; i < rows; i++) {
    wide.set(scores.subarray(i * cols, (i + 1) * cols), i * (cols + 1));
    wide[i * (cols + 1) + cols] = 0;
  }
  return { scores: wide, cols: cols + 1, capacity: [...capacity, rows] };
}

describe('capacitatedAssignment', () => {
  it('places every row optimally within capacities, or returns null exactly when that is impossible (vs seat columns)', () => {
    fc.assert(
      fc.property(problem(14, 5), ({ rows, cols, capacity, cells }) => {
        const scores = Float64Array.from(cells);
        const got = capacitatedAssignment(scores, rows, cols, Int32Array.from(capacity));
        const want = bySeats(scores, rows, cols, capacity);
        if (want === null) expect(got).toBeNull();
        else expect(totalOf(got, scores, rows, cols, capacity)).toBeCloseTo(want, 9);
      }),
      { numRuns: numRuns(400) },
    );
  });

  it('capacitatedAssignment(…, { sparseMinCells: 0 }) is optimal through the sparse start and its repairs (brute force)', () => {
    fc.assert(
      fc.property(problem(6, 4, 3), tunings, ({ rows, cols, capacity, cells }, tuning) => {
        const scores = Float64Array.from(cells);
        const got = capacitatedAssignment(scores, rows, cols, Int32Array.from(capacity), tuning);
        const want = byBruteForce(scores, rows, cols, capacity);
        if (want === null) expect(got).toBeNull();
        else expect(totalOf(got, scores, rows, cols, capacity)).toBeCloseTo(want, 9);
      }),
      { numRuns: numRuns(400) },
    );
  });

  it('capacitatedAssignment(…, { sparseMinCells: 0 }) matches seat columns on larger instances, ties and forbidden cells included', () => {
    fc.assert(
      fc.property(problem(40, 9), tunings, ({ rows, cols, capacity, cells }, tuning) => {
        const scores = Float64Array.from(cells);
        const got = capacitatedAssignment(scores, rows, cols, Int32Array.from(capacity), tuning);
        const want = bySeats(scores, rows, cols, capacity);
        if (want === null) expect(got).toBeNull();
        else expect(totalOf(got, scores, rows, cols, capacity)).toBeCloseTo(want, 9);
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('with an "unmatched" column of capacity rows (score 0) every row is placed, at the optimum (vs seat columns)', () => {
    fc.assert(
      fc.property(
        problem(30, 6),
        fc.option(tunings, { nil: undefined }),
        ({ rows, cols, capacity, cells }, tuning) => {
          const wide = withUnmatched(Float64Array.from(cells), rows, cols, capacity);
          const got = capacitatedAssignment(
            wide.scores,
            rows,
            wide.cols,
            Int32Array.from(wide.capacity),
            tuning,
          );
          const want = bySeats(wide.scores, rows, wide.cols, wide.capacity);
          expect(want).not.toBeNull();
          const total = totalOf(got, wide.scores, rows, wide.cols, wide.capacity);
          expect(total).toBeCloseTo(want ?? Number.NaN, 9);
        },
      ),
      { numRuns: numRuns(150) },
    );
  });

  it('when every seat is needed (capacities summing to rows) the sparse start stays optimal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((cols) =>
          fc.record({
            capacity: fc.array(fc.integer({ min: 1, max: 5 }), {
              minLength: cols,
              maxLength: cols,
            }),
            seed: fc.array(cell(20), { minLength: 40 * cols, maxLength: 40 * cols }),
          }),
        ),
        tunings,
        ({ capacity, seed }, tuning) => {
          const cols = capacity.length;
          const rows = capacity.reduce((a, b) => a + b, 0);
          const scores = new Float64Array(rows * cols);
          for (let c = 0; c < scores.length; c++) scores[c] = seed[c % seed.length];
          const got = capacitatedAssignment(scores, rows, cols, Int32Array.from(capacity), tuning);
          const want = bySeats(scores, rows, cols, capacity);
          if (want === null) expect(got).toBeNull();
          else expect(totalOf(got, scores, rows, cols, capacity)).toBeCloseTo(want, 9);
        },
      ),
      { numRuns: numRuns(100) },
    );
  });

  it('capacitatedAssignment is deterministic and leaves its inputs alone', () => {
    fc.assert(
      fc.property(
        problem(30, 6),
        fc.option(tunings, { nil: undefined }),
        ({ rows, cols, capacity, cells }, tuning) => {
          const scores = Float64Array.from(cells);
          const cap = Int32Array.from(capacity);
          const first = capacitatedAssignment(scores, rows, cols, cap, tuning);
          expect(Array.from(scores)).toEqual(cells);
          expect(Array.from(cap)).toEqual(capacity);
          const again = capacitatedAssignment(scores.slice(), rows, cols, cap.slice(), tuning);
          expect(again === null ? null : Array.from(again)).toEqual(
            first === null ? null : Array.from(first),
          );
        },
      ),
      { numRuns: numRuns(100) },
    );
  });

  it('capacitatedAssignment on all-equal scores (as the bottleneck search builds) places everyone within capacities', () => {
    const rows = 250; // 280 seats
    const cols = 70;
    const capacity = Array.from({ length: cols }, (_, j) => 1 + (j % 7));
    const scores = new Float64Array(rows * cols).fill(1);
    for (let c = 0; c < scores.length; c += 13) scores[c] = NO;
    const got = capacitatedAssignment(scores, rows, cols, Int32Array.from(capacity));
    expect(totalOf(got, scores, rows, cols, capacity)).toBe(rows);
  });
});

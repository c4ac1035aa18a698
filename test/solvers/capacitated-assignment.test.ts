import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import { capacitatedAssignment } from '../../src/solvers/_internal/capacitated-assignment.js';
import { solveAssignment } from '../../src/solvers/solve-assignment.js';
import { numRuns } from '../_support/runs.js';

const NO = Number.NEGATIVE_INFINITY;

/** The same problem as seat columns for the dense solver: the reference optimum, or null. */
function bySeats(scores: Float64Array, rows: number, cols: number, capacity: number[]) {
  const seatOf: number[] = capacity.flatMap((c, j) => Array<number>(c).fill(j));
  const data = new Float64Array(rows * seatOf.length);
  for (let i = 0; i < rows; i++) {
    seatOf.forEach((j, s) => {
      data[i * seatOf.length + s] = scores[i * cols + j];
    });
  }
  try {
    return solveAssignment({ rows, cols: seatOf.length, data }, { maximize: true }).total;
  } catch (error) {
    if (PeermatchError.is(error) && error.code === 'INFEASIBLE') return null;
    throw error;
  }
}

const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 14 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      capacity: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: cols, maxLength: cols }),
      cells: fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }).map((x) => x / 20) },
          { weight: 1, arbitrary: fc.constant(NO) },
        ),
        { minLength: rows * cols, maxLength: rows * cols },
      ),
    }),
  );

describe('capacitatedAssignment', () => {
  it('places every row optimally within capacities, or returns null exactly when that is impossible (vs seat columns)', () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, capacity, cells }) => {
        const scores = Float64Array.from(cells);
        const cap = Int32Array.from(capacity);
        const got = capacitatedAssignment(scores, rows, cols, cap);
        const want =
          capacity.reduce((a, b) => a + b, 0) >= rows
            ? bySeats(scores, rows, cols, capacity)
            : null;
        if (want === null) {
          expect(got).toBeNull();
          return;
        }
        expect(got).not.toBeNull();
        const load = new Array<number>(cols).fill(0);
        let total = 0;
        for (let i = 0; i < rows; i++) {
          const j = got?.[i] ?? -1;
          expect(j).toBeGreaterThanOrEqual(0);
          expect(scores[i * cols + j]).not.toBe(NO);
          load[j]++;
          total += scores[i * cols + j];
        }
        for (let j = 0; j < cols; j++) expect(load[j]).toBeLessThanOrEqual(capacity[j]);
        expect(total).toBeCloseTo(want, 9);
      }),
      { numRuns: numRuns(400) },
    );
  });
});

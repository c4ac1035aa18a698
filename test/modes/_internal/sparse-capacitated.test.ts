import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparseCapacitatedAssignment } from '../../../src/modes/_internal/sparse-capacitated.js';
import { capacitatedAssignment } from '../../../src/solvers/_internal/capacitated-assignment.js';
import { numRuns } from '../../_support/runs.js';

/** Up to 9 rows × 5 columns, each cell an edge with probability ~0.5, scores in tenths. */
const instance = fc
  .record({ rows: fc.integer({ min: 1, max: 9 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      cells: fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }), {
        minLength: rows * cols,
        maxLength: rows * cols,
      }),
    }),
  );

describe('sparseCapacitatedAssignment', () => {
  it('sparseCapacitatedAssignment(csr, capacity) equals the dense capacitated kernel on the same graph', () => {
    fc.assert(
      fc.property(instance, ({ rows, cols, capacity, cells }) => {
        const dense = new Float64Array(rows * cols).fill(Number.NEGATIVE_INFINITY);
        const offsets = new Int32Array(rows + 1);
        const columns: number[] = [];
        const scores: number[] = [];
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const c = cells[i * cols + j];
            if (c === undefined) continue;
            dense[i * cols + j] = c / 10;
            columns.push(j);
            scores.push(c / 10);
          }
          offsets[i + 1] = columns.length;
        }
        const caps = Int32Array.from(capacity);
        const want = capacitatedAssignment(dense, rows, cols, caps);
        const got = sparseCapacitatedAssignment(
          {
            rows,
            cols,
            offsets,
            columns: Int32Array.from(columns),
            scores: Float64Array.from(scores),
          },
          caps,
        );
        if (want === null) {
          expect(got).toBeNull();
          return;
        }
        expect(got).not.toBeNull();
        const load = new Int32Array(cols);
        let total = 0;
        let best = 0;
        for (let i = 0; i < rows; i++) {
          const j = (got as Int32Array)[i];
          expect(dense[i * cols + j]).toBeGreaterThan(Number.NEGATIVE_INFINITY);
          load[j]++;
          total += dense[i * cols + j];
          best += dense[i * cols + want[i]];
        }
        for (let j = 0; j < cols; j++) expect(load[j]).toBeLessThanOrEqual(capacity[j]);
        expect(total).toBeCloseTo(best, 9);
      }),
      { numRuns: numRuns(300) },
    );
  });
});

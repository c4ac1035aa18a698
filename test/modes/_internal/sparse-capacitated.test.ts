import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../../src/errors.js';
import {
  type CapacitatedCsr,
  sparseCapacitatedAssignment,
} from '../../../src/modes/_internal/sparse-capacitated.js';
import { capacitatedAssignment } from '../../../src/solvers/_internal/capacitated-assignment.js';
import { solveAssignment } from '../../../src/solvers/solve-assignment.js';
import { numRuns } from '../../_support/runs.js';

const NO = Number.NEGATIVE_INFINITY;

interface Instance {
  readonly rows: number;
  readonly cols: number;
  readonly capacity: number[];
  /** Row-major scores; `undefined` is no edge. */
  readonly cells: (number | undefined)[];
}

/**
 * Up to `maxRows` rows × `maxCols` columns, each cell an edge with a drawn density, scores on
 * `values + 1` levels in [0, 1] (few levels: many ties).
 */
function instances(maxRows: number, maxCols: number, maxCap: number, values: number) {
  return fc
    .record({
      rows: fc.integer({ min: 1, max: maxRows }),
      cols: fc.integer({ min: 1, max: maxCols }),
      density: fc.double({ min: 0.15, max: 1, noNaN: true }),
    })
    .chain(({ rows, cols, density }) =>
      fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        density: fc.constant(density),
        capacity: fc.array(fc.integer({ min: 0, max: maxCap }), {
          minLength: cols,
          maxLength: cols,
        }),
        cells: fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: values })),
          { minLength: rows * cols, maxLength: rows * cols },
        ),
      }),
    )
    .map(
      ({ rows, cols, density, capacity, cells }): Instance => ({
        rows,
        cols,
        capacity,
        cells: cells.map(([draw, level]) => (draw < density ? level / values : undefined)),
      }),
    );
}

/** The same instance with a last "fallback" column every row may take, of capacity `rows`. */
function withFallback(x: Instance, score: number): Instance {
  const cols = x.cols + 1;
  const cells: (number | undefined)[] = [];
  for (let i = 0; i < x.rows; i++) {
    cells.push(...x.cells.slice(i * x.cols, (i + 1) * x.cols), score);
  }
  return { rows: x.rows, cols, capacity: [...x.capacity, x.rows], cells };
}

function csrOf({ rows, cols, cells }: Instance): CapacitatedCsr {
  const offsets = new Int32Array(rows + 1);
  const columns: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const c = cells[i * cols + j];
      if (c === undefined) continue;
      columns.push(j);
      scores.push(c);
    }
    offsets[i + 1] = columns.length;
  }
  return {
    rows,
    cols,
    offsets,
    columns: Int32Array.from(columns),
    scores: Float64Array.from(scores),
  };
}

/** The reference: the dense solver on seat columns (one column per unit of capacity). */
function bySeats({ rows, cols, capacity, cells }: Instance): number | null {
  const seatOf = capacity.flatMap((c, j) => Array<number>(c).fill(j));
  if (seatOf.length < rows) return null;
  const data = new Float64Array(rows * seatOf.length);
  for (let i = 0; i < rows; i++) {
    seatOf.forEach((j, s) => {
      data[i * seatOf.length + s] = cells[i * cols + j] ?? NO;
    });
  }
  try {
    return solveAssignment({ rows, cols: seatOf.length, data }, { maximize: true }).total;
  } catch (error) {
    if (PeermatchError.is(error) && error.code === 'INFEASIBLE') return null;
    throw error;
  }
}

/** Checks `got` is a feasible assignment of `x` and returns its total. */
function totalOf(x: Instance, got: Int32Array): number {
  const load = new Array<number>(x.cols).fill(0);
  let total = 0;
  for (let i = 0; i < x.rows; i++) {
    const j = got[i];
    const s = x.cells[i * x.cols + j];
    expect(s).toBeDefined();
    load[j]++;
    total += s as number;
  }
  for (let j = 0; j < x.cols; j++) expect(load[j]).toBeLessThanOrEqual(x.capacity[j]);
  return total;
}

function expectOptimal(x: Instance, want: number | null): void {
  const got = sparseCapacitatedAssignment(csrOf(x), Int32Array.from(x.capacity));
  if (want === null) {
    expect(got).toBeNull();
    return;
  }
  expect(got).not.toBeNull();
  expect(totalOf(x, got as Int32Array)).toBeCloseTo(want, 9);
}

/** The dense capacitated kernel's optimum on the same graph, or null when it is infeasible. */
function denseOptimum(x: Instance): number | null {
  const dense = new Float64Array(x.rows * x.cols);
  x.cells.forEach((c, k) => {
    dense[k] = c ?? NO;
  });
  const want = capacitatedAssignment(dense, x.rows, x.cols, Int32Array.from(x.capacity));
  if (want === null) return null;
  let best = 0;
  for (let i = 0; i < x.rows; i++) best += dense[i * x.cols + want[i]];
  return best;
}

describe('sparseCapacitatedAssignment', () => {
  it('sparseCapacitatedAssignment(csr, capacity) equals the dense capacitated kernel on the same graph', () => {
    fc.assert(
      fc.property(instances(9, 5, 3, 10), (x) => {
        expectOptimal(x, denseOptimum(x));
      }),
      { numRuns: numRuns(300) },
    );
  });

  it('sparseCapacitatedAssignment(csr, capacity) reaches the seat-expanded optimum, null exactly when infeasible, on heavily tied graphs', () => {
    fc.assert(
      fc.property(instances(24, 8, 5, 3), (x) => expectOptimal(x, bySeats(x))),
      { numRuns: numRuns(200) },
    );
  });

  it('sparseCapacitatedAssignment(csr, capacity) with a fallback column (as the top-k path builds it) reaches the seat-expanded optimum', () => {
    fc.assert(
      fc.property(
        instances(30, 8, 5, 20),
        fc.constantFrom(0, -1000),
        fc.boolean(),
        (x, fallback, scarce) => {
          // Scarce: as many seats as rows at most, so the auction must fill every seat.
          const capacity = scarce
            ? x.capacity.map((c) => Math.min(c, Math.ceil(x.rows / x.cols)))
            : x.capacity;
          const y = withFallback({ ...x, capacity }, fallback);
          expectOptimal(y, bySeats(y));
        },
      ),
      { numRuns: numRuns(200) },
    );
  });

  it('sparseCapacitatedAssignment(csr, capacity) equals the dense kernel on larger sparse graphs where most seats are needed', () => {
    // Sizes where the auction runs several rounds, prices climb through chains of full columns,
    // and rows are left to the exact searches; scores on 16 levels, so ties are common.
    const medium = fc
      .record({
        rows: fc.integer({ min: 40, max: 160 }),
        cols: fc.integer({ min: 8, max: 30 }),
        degree: fc.integer({ min: 1, max: 8 }),
        fallback: fc.constantFrom(undefined, 0, -1000),
        seed: fc.integer(),
      })
      .map(({ rows, cols, degree, fallback, seed }) => {
        let state = seed | 0;
        const next = () => {
          state = (Math.imul(state, 1103515245) + 12345) | 0;
          return (state >>> 8) / 16777216;
        };
        const width = cols + (fallback === undefined ? 0 : 1);
        const cells: (number | undefined)[] = new Array(rows * width).fill(undefined);
        for (let i = 0; i < rows; i++) {
          // Popular columns (low indices) are everyone's candidates more often.
          for (let d = 0; d < degree; d++) {
            const j = Math.floor(cols * next() * next());
            cells[i * width + j] = Math.floor(next() * 16) / 16;
          }
          if (fallback !== undefined) cells[i * width + cols] = fallback;
        }
        const capacity = Array.from({ length: cols }, () => 1 + Math.floor(next() * 6));
        if (fallback !== undefined) capacity.push(rows);
        return { rows, cols: width, capacity, cells };
      });
    fc.assert(
      fc.property(medium, (x) => {
        expectOptimal(x, denseOptimum(x));
      }),
      { numRuns: numRuns(60) },
    );
  });

  it('sparseCapacitatedAssignment(csr, capacity, …, prices) writes an optimal dual: prices ≥ 0, 0 where there is room, each row on a best edge, and Σ best + Σ capacity × price = the total', () => {
    fc.assert(
      fc.property(
        instances(30, 8, 5, 20),
        fc.constantFrom(0, -1000),
        fc.boolean(),
        (x, fallback, withFallbackColumn) => {
          const y = withFallbackColumn ? withFallback(x, fallback) : x;
          const graph = csrOf(y);
          const prices = new Float64Array(y.cols).fill(Number.NaN);
          const got = sparseCapacitatedAssignment(
            graph,
            Int32Array.from(y.capacity),
            undefined,
            undefined,
            prices,
          );
          if (got === null) return;
          const total = totalOf(y, got);
          const load = new Array<number>(y.cols).fill(0);
          for (const j of got) load[j]++;
          let dual = 0;
          for (let j = 0; j < y.cols; j++) {
            expect(prices[j]).toBeGreaterThanOrEqual(0);
            if (load[j] < y.capacity[j]) expect(prices[j]).toBe(0);
            dual += Math.max(0, y.capacity[j]) * prices[j];
          }
          for (let i = 0; i < y.rows; i++) {
            let best = Number.NEGATIVE_INFINITY;
            for (let j = 0; j < y.cols; j++) {
              const s = y.cells[i * y.cols + j];
              if (s !== undefined && y.capacity[j] > 0) best = Math.max(best, s - prices[j]);
            }
            const own = (y.cells[i * y.cols + got[i]] as number) - prices[got[i]];
            expect(own).toBeCloseTo(best, 9);
            dual += best;
          }
          expect(dual).toBeCloseTo(total, 6);
        },
      ),
      { numRuns: numRuns(200) },
    );
  });

  it('sparseCapacitatedAssignment(csr, capacity) gives the same assignment on the same input, and leaves its input unchanged', () => {
    fc.assert(
      fc.property(instances(30, 8, 5, 4), (x) => {
        const graph = csrOf(x);
        const capacity = Int32Array.from(x.capacity);
        const before = [graph.offsets.slice(), graph.columns.slice(), graph.scores.slice()];
        const first = sparseCapacitatedAssignment(graph, capacity);
        const second = sparseCapacitatedAssignment(csrOf(x), Int32Array.from(x.capacity));
        expect(second).toEqual(first);
        expect([graph.offsets, graph.columns, graph.scores]).toEqual(before);
        expect(Array.from(capacity)).toEqual(x.capacity);
      }),
      { numRuns: numRuns(100) },
    );
  });

  it('sparseCapacitatedAssignment(csr, capacity, signal, onAbort) calls onAbort when the signal is aborted', () => {
    const x = withFallback({ rows: 50, cols: 5, capacity: [10, 10, 10, 10, 10], cells: [] }, 0);
    const cells = Array.from({ length: 50 * 6 }, (_, k) => ((k * 7919) % 13) / 13);
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      sparseCapacitatedAssignment(
        csrOf({ ...x, cells }),
        Int32Array.from(x.capacity),
        controller.signal,
        () => {
          throw new Error('aborted');
        },
      ),
    ).toThrow('aborted');
  });
});

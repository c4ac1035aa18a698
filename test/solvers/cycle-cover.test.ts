import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import { cycleCover } from '../../src/solvers/cycle-cover.js';
import { numRuns } from '../_support/runs.js';

const NO = Number.NEGATIVE_INFINITY;

/** Lengths of the cycles of a permutation (loops count as 1). */
function cycleLengths(next: ArrayLike<number>): number[] {
  const seen = new Array<boolean>(next.length).fill(false);
  const out: number[] = [];
  for (let i = 0; i < next.length; i++) {
    if (seen[i]) continue;
    let len = 0;
    for (let v = i; !seen[v]; v = next[v]) {
      seen[v] = true;
      len++;
    }
    out.push(len);
  }
  return out;
}

/** Best total over every permutation whose arcs are allowed and cycles ≤ `limit`, or null. */
function bruteForce(n: number, data: Float64Array, limit: number): number | null {
  const perm = Array.from({ length: n }, (_, i) => i);
  let best: number | null = null;
  const visit = (k: number) => {
    if (k === n) {
      let total = 0;
      for (let i = 0; i < n; i++) total += data[i * n + perm[i]];
      if (total === NO || Math.max(...cycleLengths(perm), 0) > limit) return;
      if (best === null || total > best) best = total;
      return;
    }
    for (let j = k; j < n; j++) {
      [perm[k], perm[j]] = [perm[j], perm[k]];
      visit(k + 1);
      [perm[k], perm[j]] = [perm[j], perm[k]];
    }
  };
  visit(0);
  return best;
}

/** Up to 6 nodes; integer weights 0–9 (many ties); some arcs forbidden; loops 0 or forbidden. */
const instance = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    cells: fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(NO)), {
      minLength: n * n,
      maxLength: n * n,
    }),
    loops: fc.boolean(),
    limit: fc.integer({ min: 2, max: 6 }),
  }),
);

function matrixOf({ n, cells, loops }: { n: number; cells: number[]; loops: boolean }) {
  const data = Float64Array.from(cells);
  for (let i = 0; i < n; i++) data[i * n + i] = loops ? 0 : NO;
  return { n, data };
}

describe('cycleCover', () => {
  it('cycleCover(matrix) finds the best cycle cover (brute force over permutations)', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const matrix = matrixOf(inst);
        const before = matrix.data.slice();
        const best = bruteForce(inst.n, matrix.data, inst.n);
        if (best === null) {
          expect(() => cycleCover(matrix)).toThrow(PeermatchError);
          return;
        }
        const result = cycleCover(matrix);
        expect(result.total).toBe(best);
        expect(result.cut).toBe(0);
        expect(result.fromSplit.every((x) => x === 0)).toBe(true);
        expect(matrix.data).toEqual(before);
      }),
      { numRuns: numRuns(300) },
    );
  });

  it('cycleCover(matrix, { maxLength }) keeps every cycle short, uses allowed arcs only, and is optimal when nothing was cut', () => {
    fc.assert(
      fc.property(
        instance.filter((inst) => inst.loops),
        (inst) => {
          const matrix = matrixOf(inst);
          const result = cycleCover(matrix, { maxLength: inst.limit });
          const { n, data } = matrix;
          // `next` is a permutation whose cycles are exactly `cycles` (loops aside).
          expect([...result.next].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
          let total = 0;
          for (let i = 0; i < n; i++) {
            total += data[i * n + result.next[i]];
            expect(data[i * n + result.next[i]]).not.toBe(NO);
          }
          expect(result.total).toBe(total);
          for (const cycle of result.cycles) {
            expect(cycle.length).toBeGreaterThanOrEqual(2);
            expect(cycle.length).toBeLessThanOrEqual(inst.limit);
            expect(cycle[0]).toBe(Math.min(...cycle));
            for (let t = 0; t < cycle.length; t++) {
              expect(result.next[cycle[t]]).toBe(cycle[(t + 1) % cycle.length]);
            }
          }
          const covered = result.cycles.reduce((s, c) => s + c.length, 0);
          expect(covered).toBe([...result.next].filter((v, i) => v !== i).length);
          const bounded = bruteForce(n, data, inst.limit) ?? NO;
          expect(total).toBeLessThanOrEqual(bounded);
          if (result.cut === 0) expect(total).toBe(bounded);
        },
      ),
      { numRuns: numRuns(300) },
    );
  });

  it('cycleCover cuts a long cycle at its best point (exact DP along the cycle)', () => {
    // The optimum is the 4-cycle 0→1→2→3→0 (weight 40). With maxLength 2 the best cut keeps
    // 1⇄2 (10 + 9) and 3⇄0 (10 + 9): 38, better than 0⇄1 and 2⇄3 (10 + 1 twice: 22).
    const n = 4;
    const w = [
      [0, 10, NO, 9],
      [1, 0, 10, NO],
      [NO, 9, 0, 10],
      [10, NO, 1, 0],
    ];
    const data = Float64Array.from(w.flat());
    expect(cycleCover({ n, data }).total).toBe(40);
    const cut = cycleCover({ n, data }, { maxLength: 2 });
    expect(cut.cycles.map((c) => [...c])).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect([...cut.fromSplit]).toEqual([1, 1]);
    expect(cut.cut).toBe(1);
    expect(cut.total).toBe(38);
    expect(cut.total).toBe(bruteForce(n, data, 2));
  });

  it('cycleCover rejects a bad maxLength and a matrix of the wrong size', () => {
    const data = new Float64Array(4);
    expect(() => cycleCover({ n: 2, data }, { maxLength: 1 })).toThrow(/maxLength/);
    expect(() => cycleCover({ n: 2, data }, { maxLength: 2.5 })).toThrow(/integer/);
    expect(() => cycleCover({ n: 3, data })).toThrow(PeermatchError);
    expect(cycleCover({ n: 0, data: new Float64Array(0) }).cycles).toEqual([]);
  });
});

describe('cycleCover signal and onProgress', () => {
  const n = 300;
  // Every node ranks the others alike: long searches in the assignment underneath.
  const data = Float64Array.from({ length: n * n }, (_, k) =>
    k % (n + 1) === 0 ? 0 : ((k % n) * 7919) % 1000,
  );

  it('cycleCover(matrix, { onProgress }) passes on the assignment progress and changes nothing', () => {
    const reports: [string, number, number][] = [];
    const plain = cycleCover({ n, data });
    const watched = cycleCover(
      { n, data },
      { onProgress: (phase, done, total) => reports.push([phase, done, total]) },
    );
    expect(watched).toEqual(plain);
    expect(reports[0]).toEqual(['assign', 0, n]);
    expect(reports.at(-1)).toEqual(['assign', n, n]);
  });

  it('cycleCover(matrix, { signal }) throws ABORTED; a bad signal is INVALID_OPTIONS', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => cycleCover({ n, data }, { signal: controller.signal })).toThrowError(
      expect.objectContaining({ code: 'ABORTED' }),
    );
    expect(() => cycleCover({ n, data }, { signal: 'stop' } as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});

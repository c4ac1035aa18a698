import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fractionalStart } from '../../../src/solvers/_internal/fractional-start.js';
import { RunMonitor } from '../../../src/solvers/_internal/run-monitor.js';
import { numRuns } from '../../_support/runs.js';

/** A simple graph with positive weights: each pair present with probability `density`. */
const graph = fc
  .record({
    n: fc.integer({ min: 1, max: 24 }),
    density: fc.constantFrom(0.15, 0.4, 1),
    integers: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ n, density, integers, seed }) => {
    let state = seed >>> 0;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const u: number[] = [];
    const v: number[] = [];
    const w: number[] = [];
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (random() >= density) continue;
        u.push(a);
        v.push(b);
        w.push(integers ? 1 + Math.floor(random() * 6) : 0.01 + random());
      }
    }
    return { n, u: Int32Array.from(u), v: Int32Array.from(v), w: Float64Array.from(w) };
  });

describe('fractionalStart', () => {
  it('fractionalStart gives a matching on the edges, duals ≥ 0 that cover every edge, tight on the matched ones', () => {
    fc.assert(
      fc.property(graph, ({ n, u, v, w }) => {
        const { mate, dual } = fractionalStart(
          n,
          u,
          v,
          w,
          new RunMonitor('test', undefined, undefined),
        );
        const tol = 1e-9;
        let matchedWeight = 0;
        let halfCover = 0;
        for (let a = 0; a < n; a++) {
          expect(dual[a]).toBeGreaterThanOrEqual(0);
          if (mate[a] >= 0) expect(mate[mate[a]]).toBe(a);
          halfCover += dual[a] / 2;
        }
        for (let k = 0; k < u.length; k++) {
          // Doubled duals: dual[a] + dual[b] ≥ 2w on every edge, = 2w on a matched one.
          const slack = dual[u[k]] + dual[v[k]] - 2 * w[k];
          expect(slack).toBeGreaterThanOrEqual(-tol);
          if (mate[u[k]] === v[k]) {
            expect(Math.abs(slack)).toBeLessThanOrEqual(tol);
            matchedWeight += w[k];
          }
        }
        let pairs = 0;
        for (let a = 0; a < n; a++) if (mate[a] > a) pairs++;
        let edgesMatched = 0;
        for (let k = 0; k < u.length; k++) if (mate[u[k]] === v[k]) edgesMatched++;
        // Every pair is an edge of the graph.
        expect(edgesMatched).toBe(pairs);
        // Weak duality: the duals bound every matching, the start's included.
        expect(matchedWeight).toBeLessThanOrEqual(halfCover + tol);
      }),
      { numRuns: numRuns(300) },
    );
  });

  it('fractionalStart on an odd cycle leaves out the vertex whose absence keeps the heaviest pair', () => {
    // Triangle 0–1–2 with 1–2 the heaviest edge: half of every edge (3.1) beats any one edge
    // (2.2 at most), so the fractional optimum is the whole cycle at ½.
    const start = fractionalStart(
      3,
      Int32Array.of(0, 1, 2),
      Int32Array.of(1, 2, 0),
      Float64Array.of(2, 2.2, 2),
      new RunMonitor('test', undefined, undefined),
    );
    expect(Array.from(start.mate)).toEqual([-1, 2, 1]);
    // The duals prove the cycle optimal: doubled, they add up to twice 3.1.
    expect(start.dual[0] + start.dual[1] + start.dual[2]).toBeCloseTo(6.2, 9);
  });
});

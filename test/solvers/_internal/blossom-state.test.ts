import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlossomState } from '../../../src/solvers/_internal/blossom-state.js';
import { numRuns } from '../../_support/runs.js';

/** The top-level blossom of x the slow way: up through `parent` until a node has none. */
function climb(state: BlossomState, x: number): number {
  let node = x;
  while (state.parent[node] !== -1) node = state.parent[node];
  return node;
}

describe('BlossomState', () => {
  it('topBlossom agrees with climbing through parent while blossoms nest, dissolve and their ids are reused', () => {
    // An operation: nest top-level nodes into a new blossom (at least three, as odd cycles
    // have, so at most ⌊n/2⌋ are alive), dissolve a top-level blossom, or look a vertex up.
    // Each draw is a fraction, resolved against the nodes at the time.
    const draw = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    const operation = fc.oneof(
      {
        arbitrary: fc.tuple(
          fc.constant('nest' as const),
          fc.array(draw, { minLength: 3, maxLength: 7 }),
        ),
        weight: 3,
      },
      { arbitrary: fc.tuple(fc.constant('dissolve' as const), draw), weight: 2 },
      { arbitrary: fc.tuple(fc.constant('lookup' as const), draw), weight: 5 },
    );
    // Ids reused after `reclaim`, over all runs: the stale caches it must clear.
    let reused = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.array(operation, { minLength: 50, maxLength: 400 }),
        (n, operations) => {
          const state = new BlossomState(
            n,
            new Int32Array(0),
            new Int32Array(0),
            new Float64Array(0),
            true,
          );
          const alive = new Set<number>();
          const retired = new Set<number>();
          const tops = () => {
            const out: number[] = [];
            for (let v = 0; v < n; v++) out.push(v);
            for (const b of alive) out.push(b);
            return out.filter((x) => state.parent[x] === -1);
          };
          for (const op of operations) {
            if (op[0] === 'nest') {
              const free = tops();
              if (free.length < 3) continue;
              const children: number[] = [];
              for (const d of op[1]) {
                if (free.length > 0) children.push(free.splice(Math.floor(d * free.length), 1)[0]);
              }
              const b = state.takeBlossomId();
              if (retired.has(b)) reused++;
              alive.add(b);
              for (const c of children) state.parent[c] = b;
            } else if (op[0] === 'dissolve') {
              const blossoms = tops().filter((x) => x >= n);
              if (blossoms.length === 0) continue;
              const b = blossoms[Math.floor(op[1] * blossoms.length)];
              for (let x = 0; x < 2 * n; x++) if (state.parent[x] === b) state.parent[x] = -1;
              alive.delete(b);
              retired.add(b);
              state.retire(b);
            } else {
              const v = Math.floor(op[1] * n);
              expect(state.topBlossom(v)).toBe(climb(state, v));
            }
          }
          for (let v = 0; v < n; v++) expect(state.topBlossom(v)).toBe(climb(state, v));
        },
      ),
      { numRuns: numRuns(300) },
    );
    expect(reused).toBeGreaterThan(0);
  });
});

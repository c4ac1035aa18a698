import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairScorer } from '../../src/compatibility/_internal/pair-scores.js';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import type { Constraint } from '../../src/constraints/constraint.js';
import { buildPeerGraph } from '../../src/modes/_internal/peer-graph.js';
import { numRuns } from '../_support/runs.js';
import { randomCase } from '../compatibility/_support/random-case.js';

describe('buildPeerGraph', () => {
  it("on the call's own scan takes each listed direction as it is and builds exactly the graph that scoring both directions again builds, with only pairs allowed both ways", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(1, 2, 3, 5),
        fc.constantFrom(30, 80),
        fc.boolean(),
        (seed, k, size, oneWay) => {
          const { cohort, program, weights } = randomCase(seed, size);
          const ids = [...cohort.ids];
          // A rule that forbids some pairs one way only, so a listed direction says nothing of
          // the other.
          const constraints: Constraint[] = oneWay
            ? [
                {
                  name: 'oneWay',
                  prepare: () => ({
                    allows: (giver, receiver) => (giver + 2 * receiver) % 5 !== 0,
                    violations: () => [],
                  }),
                },
              ]
            : [];
          const options = {
            weights,
            layout: 'square' as const,
            left: ids,
            right: ids,
            constraints,
          };
          const candidates = buildCandidates(cohort, program, { ...options, k });
          const scorer = pairScorer('test', cohort, program, options);
          // A floor, so some pairs are kept at -Infinity as the mode keeps them.
          const scoreOf = (x: number, y: number) =>
            Math.min(x, y) >= 0.3 ? (x + y) / 2 : Number.NEGATIVE_INFINITY;
          const own = buildPeerGraph(candidates, scorer, scoreOf, true);
          const rescored = buildPeerGraph(candidates, scorer, scoreOf, false);
          expect(own).toEqual(rescored);
          const matrix = buildCompatibility(cohort, program, options);
          const n = ids.length;
          const listed = new Set<number>();
          for (let e = 0; e < candidates.edges.rows.length; e++) {
            const [r, c] = [candidates.edges.rows[e], candidates.edges.cols[e]];
            if (r !== c) listed.add(Math.min(r, c) * n + Math.max(r, c));
          }
          const kept = new Set<number>();
          for (let e = 0; e < own.pairA.length; e++) {
            const [a, b] = [own.pairA[e], own.pairB[e]];
            expect(matrix.allowed[a * n + b] && matrix.allowed[b * n + a]).toBe(1);
            expect(own.pairScore[e]).toBe(
              scoreOf(matrix.scores[a * n + b], matrix.scores[b * n + a]),
            );
            kept.add(a * n + b);
          }
          // Every listed pair allowed both ways is in the graph.
          for (const key of listed) {
            const [a, b] = [Math.floor(key / n), key % n];
            const both = matrix.allowed[a * n + b] === 1 && matrix.allowed[b * n + a] === 1;
            expect(kept.has(key)).toBe(both);
          }
        },
      ),
      { numRuns: numRuns(40) },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offerTop } from '../../../src/solvers/_internal/top-list.js';
import { numRuns } from '../../_support/runs.js';

describe('offerTop', () => {
  it('offerTop keeps the k best scores, highest first, ties to the earlier offer, never -Infinity', () => {
    const score = fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((x) => x / 5),
      fc.constant(Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(
        fc.array(score, { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (scores, k) => {
          const best = new Float64Array(k);
          const who = new Int32Array(k);
          let size = 0;
          scores.forEach((s, id) => {
            size = offerTop(best, who, size, k, s, id);
          });
          // Reference: a stable sort by score, highest first.
          const expected = scores
            .map((s, id) => ({ s, id }))
            .filter(({ s }) => s !== Number.NEGATIVE_INFINITY)
            .sort((a, b) => b.s - a.s || a.id - b.id)
            .slice(0, k);
          expect(Array.from(who.subarray(0, size))).toEqual(expected.map((e) => e.id));
          expect(Array.from(best.subarray(0, size))).toEqual(expected.map((e) => e.s));
        },
      ),
      { numRuns: numRuns(200) },
    );
  });
});

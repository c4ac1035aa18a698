import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairScorer } from '../../../src/compatibility/_internal/pair-scores.js';
import { buildCompatibility } from '../../../src/compatibility/build-compatibility.js';
import type { Constraint } from '../../../src/constraints/constraint.js';
import type { Scorer } from '../../../src/scoring/scorer.js';
import { numRuns } from '../../_support/runs.js';
import { randomCase } from '../_support/random-case.js';

/** A custom scorer with a row fast path, so batching must hand it the right candidates. */
const parity: Scorer = {
  name: 'parity',
  prepare: () => ({
    score: (a, b) => ((a + 2 * b) % 5) / 4,
    fillRow: (a, rights, count, out) => {
      for (let k = 0; k < count; k++) out[k] = ((a + 2 * rights[k]) % 5) / 4;
    },
  }),
};

/** A directed custom rule: forbids a giving to b when (a + b) is a multiple of 7 and a < b. */
const sevens: Constraint = {
  name: 'sevens',
  prepare: () => ({
    allows: (a, b) => !((a + b) % 7 === 0 && a < b),
    violations: (a, b) =>
      (a + b) % 7 === 0 && a < b
        ? [{ rule: 'sevens', code: 'SEVENS', message: 'a multiple of seven' }]
        : [],
  }),
};

describe('pairScorer (batched scores of chosen pairs)', () => {
  it('scores any list of pairs (repeats, any order) bit for bit as buildCompatibility fills those cells, every rule and custom rules included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 400 }),
        fc.boolean(),
        (seed, raw, custom) => {
          const { cohort, program, weights, layout } = randomCase(seed, 20);
          const options = custom
            ? {
                weights: { ...weights, parity: 0.5 },
                layout,
                scorers: [parity],
                constraints: [sevens],
              }
            : { weights, layout };
          const matrix = buildCompatibility(cohort, program, options);
          const { rows, cols } = matrix;
          if (rows === 0 || cols === 0) return;
          const givers = Int32Array.from(raw, ([g]) => g % rows);
          const receivers = Int32Array.from(raw, ([, r]) => r % cols);
          const scores = new Float64Array(raw.length).fill(Number.NaN);
          const allowed = new Uint8Array(raw.length).fill(9);
          pairScorer('test', cohort, program, options).score(givers, receivers, scores, allowed);
          for (let p = 0; p < raw.length; p++) {
            const cell = givers[p] * cols + receivers[p];
            expect(allowed[p]).toBe(matrix.allowed[cell]);
            expect(Object.is(scores[p], matrix.scores[cell])).toBe(true);
          }
        },
      ),
      { numRuns: numRuns(40) },
    );
  });
});

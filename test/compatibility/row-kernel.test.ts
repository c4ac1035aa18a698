import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { BUILT_IN_CONSTRAINTS } from '../../src/constraints/built-in-constraints.js';
import { parseProgram } from '../../src/profile/parse-program.js';
import { BUILT_IN_SCORERS } from '../../src/scoring/built-in-scorers.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { numRuns } from '../_support/runs.js';
import { RULES, randomCase } from './_support/random-case.js';

// The row kernel scores built-in rules and scorers in fused passes (`BuiltInRules`,
// `BuiltInRow`). These properties hold them to the per-pair contract on random cohorts and
// programs: the same allowed set as every constraint's `allows`, and bit-for-bit the score the
// weighted per-pair `score()` calls give.

/** A custom scorer after the built-ins, so the fused sum must leave room for it in order. */
const parity: Scorer = {
  name: 'parity',
  prepare: () => ({ score: (a, b) => ((a + b) % 3) / 2 }),
};

describe('the row kernel (fused built-in rules and scorers)', () => {
  /** Every cell of the matrix against the constraints' `allows` and the scorers' `score()`. */
  function checkAgainstPerPair(seed: number, custom: boolean, size = 24, few = false): void {
    const { cohort, program, weights, layout } = randomCase(seed, size, few);
    const allWeights: Record<string, number> = custom ? { ...weights, parity: 0.75 } : weights;
    const options = { weights: allWeights, layout, scorers: custom ? [parity] : [] };
    const matrix = buildCompatibility(cohort, program, options);
    const enabled = new Set(matrix.rules);
    const context = { cohort, program: parseProgram(program), layout };
    const rules = BUILT_IN_CONSTRAINTS.flatMap((c) => {
      const p = c.prepare({ ...context, enabled: (rule) => enabled.has(rule) });
      return p === undefined ? [] : [p];
    });
    const scorers = [...BUILT_IN_SCORERS, ...options.scorers]
      .filter((s) => (options.weights[s.name] ?? 0) > 0)
      .map((s) => ({ weight: options.weights[s.name], prepared: s.prepare(context) }));
    const total = scorers.reduce((sum, s) => sum + s.weight, 0);
    for (let i = 0; i < matrix.rows; i++) {
      for (let j = 0; j < matrix.cols; j++) {
        const l = matrix.left[i];
        const r = matrix.right[j];
        const allowed = rules.every((p) => p.allows(l, r));
        expect(matrix.allowed[i * matrix.cols + j]).toBe(allowed ? 1 : 0);
        if (!allowed) {
          expect(matrix.scores[i * matrix.cols + j]).toBe(0);
          continue;
        }
        let sum = 0;
        for (const { weight, prepared } of scorers) sum += weight * prepared.score(l, r);
        expect(matrix.scores[i * matrix.cols + j]).toBe(Math.min(sum * (1 / total), 1));
      }
    }
  }

  it('buildCompatibility(cohort, program, { weights, layout, scorers }) allows exactly the pairs every constraint allows, and scores them as the weighted per-pair score() calls do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) =>
        checkAgainstPerPair(seed, true),
      ),
      { numRuns: numRuns(25) },
    );
  });

  it('buildCompatibility(cohort, program, { weights, layout }) with built-in scorers only (the fused pass writes the final scores into the matrix) scores exactly as the weighted per-pair score() calls do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) =>
        checkAgainstPerPair(seed, false),
      ),
      { numRuns: numRuns(25) },
    );
  });

  it('buildCompatibility on 60 participants with few distinct language lists (rows much longer than the number of groups, so each group is decided once per row) agrees with the per-pair calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, custom) =>
        checkAgainstPerPair(seed, custom, 60, true),
      ),
      { numRuns: numRuns(15) },
    );
  });

  it("each built-in constraint's fillRow(left, rights) clears exactly the pairs its allows(left, right) forbids", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { cohort, program, layout } = randomCase(seed, 16);
        const all = new Set(RULES);
        const context = { cohort, program: parseProgram(program), layout };
        const rights = Int32Array.from({ length: cohort.size }, (_, i) => i);
        const flags = new Uint8Array(cohort.size);
        for (const c of BUILT_IN_CONSTRAINTS) {
          const p = c.prepare({ ...context, enabled: (rule) => all.has(rule) });
          if (p?.fillRow === undefined) continue;
          for (let l = 0; l < cohort.size; l++) {
            flags.fill(1);
            p.fillRow(l, rights, cohort.size, flags);
            for (let r = 0; r < cohort.size; r++) expect(flags[r] === 1).toBe(p.allows(l, r));
          }
        }
      }),
      { numRuns: numRuns(15) },
    );
  });
});

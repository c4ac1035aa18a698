import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateBound } from '../../src/compatibility/_internal/candidate-bound.js';
import { HOUR_WORDS, ScheduleCap } from '../../src/compatibility/_internal/schedule-cap.js';
import { setup } from '../../src/compatibility/_internal/setup.js';
import { ColumnWatch } from '../../src/compatibility/_internal/visible-columns.js';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import type { Constraint } from '../../src/constraints/constraint.js';
import type { Cohort } from '../../src/profile/cohort.js';
import type { ProgramInput } from '../../src/profile/program-schema.js';
import { BUILT_IN_SCORERS } from '../../src/scoring/built-in-scorers.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { numRuns } from '../_support/runs.js';
import { RULES, randomCase } from './_support/random-case.js';
import { expectCandidatesOfMatrix } from './_support/same-candidates.js';

/** Every built-in rule switched on (the cohort's normalisation fields are kept). */
function everyRule(program: ProgramInput): ProgramInput {
  return { ...program, constraints: Object.fromEntries(RULES.map((rule) => [rule, true])) };
}

/** Whether participant `right` wants a skill `left` offers (or an ancestor of one). */
function wantsOffered(cohort: Cohort, left: number, right: number): boolean {
  const { offsets, values } = cohort.offeredClosure;
  const offered = new Set(values.subarray(offsets[left], offsets[left + 1]));
  const wanted = cohort.wanted;
  return wanted.values
    .subarray(wanted.offsets[right], wanted.offsets[right + 1])
    .some((skill) => offered.has(skill));
}

/** Only scorers with few distinct values weighted, so most of a row ties. */
function tiedWeights(seed: number): Record<string, number> {
  const few = ['stage', 'communication', 'languages', 'preferences'];
  return Object.fromEntries(
    BUILT_IN_SCORERS.map((s) => [s.name, few.includes(s.name) ? 1 + (seed % 3) : 0]),
  );
}

describe('CandidateBound', () => {
  it('allows exactly the pairs the dense matrix allows, and bounds each one at or above its score, whatever the rules and weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, all) => {
        const { cohort, program: drawn, weights, layout } = randomCase(seed, 40);
        const program = all ? everyRule(drawn) : drawn;
        const options = { weights, layout };
        const matrix = buildCompatibility(cohort, program, options);
        const built = setup('test', cohort, program, options);
        const bound = CandidateBound.of(built);
        expect(bound).toBeDefined();
        if (bound === undefined) return;
        for (let i = 0; i < matrix.rows; i++) {
          const count = bound.run(built.left[i]);
          const allowed: number[] = [];
          for (let j = 0; j < matrix.cols; j++)
            if (matrix.allowed[i * matrix.cols + j]) allowed.push(j);
          expect(Array.from(bound.position.subarray(0, count))).toEqual(allowed);
          for (let k = 0; k < count; k++) {
            const score = matrix.scores[i * matrix.cols + bound.position[k]];
            // The schedule's cap only ever lowers the bound, never below the score.
            const tight = bound.tighten(bound.position[k], bound.value[k]);
            if (!(bound.value[k] >= tight && tight >= score)) {
              expect({ row: i, col: bound.position[k], bound: bound.value[k], tight }).toEqual({
                row: i,
                col: bound.position[k],
                bound: score,
                tight: score,
              });
            }
          }
        }
      }),
      { numRuns: numRuns(30) },
    );
  });

  it('a row by skill bounds each allowed column exactly once (visible or rest); a pair it leaves out, given its heap root, could enter neither its heap nor its column heap', () => {
    let settled = 0;
    let dropped = 0;
    let skipped = 0;
    // Skipped pairs whose column wants a skill the row offers: left out as sharing no hour.
    let apart = 0;
    // Rows that must bound some pairs of coverage 0 but skip others, which also share no hour.
    let both = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(1, 2, 3),
        fc.constantFrom(60, 150),
        (seed, k, size) => {
          const { cohort, program, weights, layout } = randomCase(seed, size);
          // The coverage term weighs the most, as in most programs, so rows do settle.
          const options = { layout, weights: { ...weights, skills: 6 } };
          const matrix = buildCompatibility(cohort, program, options);
          const built = setup('test', cohort, program, options);
          const bound = CandidateBound.of(built);
          if (bound === undefined || !bound.bySkill) return;
          const { rows, cols } = matrix;
          const cell = (i: number, j: number) => i * cols + j;
          // The final heap roots, from the dense matrix: a heap's k-th best, -1 if not full.
          const rootOf = (owners: number, partners: number, at: (o: number, p: number) => number) =>
            Array.from({ length: owners }, (_, o) => {
              const scores: number[] = [];
              for (let p = 0; p < partners; p++) {
                if (matrix.allowed[at(o, p)]) scores.push(matrix.scores[at(o, p)]);
              }
              scores.sort((a, b) => b - a);
              return scores.length >= k ? scores[k - 1] : -1;
            });
          const rowRoot = rootOf(rows, cols, cell);
          const colRoot = Float64Array.from(rootOf(cols, rows, (j, i) => cell(i, j)));
          const { hours } = new ScheduleCap(cohort);
          const sharesHour = (a: number, b: number) =>
            hours
              .subarray(a * HOUR_WORDS, (a + 1) * HOUR_WORDS)
              .some((word, w) => (word & hours[b * HOUR_WORDS + w]) !== 0);
          const watch = new ColumnWatch(cols);
          bound.narrowWatch(watch, colRoot);
          dropped += cols - watch.size;
          for (let i = 0; i < rows; i++) {
            const row = bound.beginSkillRow(built.left[i]);
            const allowed: number[] = [];
            for (let j = 0; j < cols; j++) if (matrix.allowed[cell(i, j)]) allowed.push(j);
            if (row === null) {
              expect(allowed).toEqual([]);
              continue;
            }
            const visible = Array.from(
              bound.position.subarray(0, bound.boundVisible(built.left[i], row, watch)),
            );
            const rest = Array.from(bound.position.subarray(0, bound.boundRest(row, watch, -1)));
            expect([...visible, ...rest].sort((a, b) => a - b)).toEqual(allowed);
            const needed = new Set(
              bound.position.subarray(0, bound.boundRest(row, watch, rowRoot[i])),
            );
            if (needed.size < rest.length) settled++;
            const zero = (j: number) => !wantsOffered(cohort, built.left[i], built.right[j]);
            const shares = (j: number) => sharesHour(built.left[i], built.right[j]);
            if (
              [...needed].some((j) => zero(j) && shares(j)) &&
              rest.some((j) => !needed.has(j) && zero(j) && !shares(j))
            ) {
              both++;
            }
            for (const j of rest) {
              if (needed.has(j)) continue;
              skipped++;
              if (!zero(j)) apart++;
              const score = matrix.scores[cell(i, j)];
              expect({ i, j, below: score < rowRoot[i] && score < colRoot[j] }).toEqual({
                i,
                j,
                below: true,
              });
            }
            bound.endSkillRow(built.left[i]);
          }
        },
      ),
      { numRuns: numRuns(20) },
    );
    // The property must have been put to work: rows settled, columns left the watch, pairs
    // skipped, some for sharing no hour, some for that and coverage 0 where coverage 0 alone
    // was not enough.
    expect(Math.min(settled, dropped, skipped, apart, both)).toBeGreaterThan(0);
  });

  it('is not used with a custom scorer or a custom constraint: they are functions it cannot bound', () => {
    const { cohort, program, layout } = randomCase(7, 10);
    const custom: Scorer = { name: 'custom', prepare: () => ({ score: () => 1 }) };
    const rule: Constraint = {
      name: 'custom',
      prepare: () => ({ allows: () => true, violations: () => [] }),
    };
    expect(CandidateBound.of(setup('test', cohort, program, { layout }))).toBeDefined();
    expect(CandidateBound.of(setup('test', cohort, program, { layout, scorers: [custom] }))).toBe(
      undefined,
    );
    expect(CandidateBound.of(setup('test', cohort, program, { layout, constraints: [rule] }))).toBe(
      undefined,
    );
  });
});

describe('buildCandidates, skipping the pairs the bound rules out', () => {
  it('gives exactly the k best of the dense matrix on random cohorts: every rule, zero weights, heavy ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(1, 2, 3, 5),
        fc.constantFrom('drawn', 'every rule', 'ties'),
        fc.constantFrom(40, 120),
        (seed, k, variant, size) => {
          const { cohort, program: drawn, weights, layout } = randomCase(seed, size);
          const program = variant === 'every rule' ? everyRule(drawn) : drawn;
          const options = { layout, weights: variant === 'ties' ? tiedWeights(seed) : weights };
          const candidates = buildCandidates(cohort, program, { ...options, k });
          expectCandidatesOfMatrix(candidates, buildCompatibility(cohort, program, options), k);
        },
      ),
      { numRuns: numRuns(25) },
    );
  });

  it('gives exactly the k best of the dense matrix where coverage weighs the most and rows settle early (the scan by skill at work)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(1, 2, 3), (seed, k) => {
        const { cohort, program, weights, layout } = randomCase(seed, 200);
        const options = { layout, weights: { ...weights, skills: 6 } };
        const candidates = buildCandidates(cohort, program, { ...options, k });
        expectCandidatesOfMatrix(candidates, buildCompatibility(cohort, program, options), k);
      }),
      { numRuns: numRuns(15) },
    );
  });

  it('with a custom scorer (scored on every pair) still gives the k best of the dense matrix', () => {
    const parity: Scorer = {
      name: 'parity',
      prepare: () => ({ score: (a, b) => ((a + b) % 2 === 0 ? 1 : 0.25) }),
    };
    const { cohort, program, weights, layout } = randomCase(99, 80);
    const options = { layout, weights: { ...weights, parity: 2 }, scorers: [parity] };
    const candidates = buildCandidates(cohort, program, { ...options, k: 3 });
    expectCandidatesOfMatrix(candidates, buildCompatibility(cohort, program, options), 3);
  });
});

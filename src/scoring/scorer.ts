import type { Cohort } from '../profile/cohort.js';
import type { Program } from '../profile/program-schema.js';

/** What a scorer is prepared with: the cohort and the program the matrix is built for. */
export interface ScorerContext {
  readonly cohort: Cohort;
  /** The program in force (its weights, rules and `matching` parameters may differ from `cohort.program`). */
  readonly program: Program;
}

/** A fact a scorer could not use, so it fell back to a neutral score for it. */
export interface MissingData {
  readonly participantId: string;
  /** The profile field, e.g. `'skills'`, `'availability'`. */
  readonly field: string;
  /** `true` when the participant withheld the field through consent, `false` when it is simply empty. */
  readonly withheld: boolean;
}

/** One scorer's verdict on one pair, with the facts behind it. */
export interface ScoreExplanation {
  /** In `[0, 1]`. */
  readonly score: number;
  /** A sentence with the facts, e.g. `offers react (level 5) for javascript, wanted at priority 5`. */
  readonly reason: string;
  /** Data the scorer needed and did not have; the score is then neutral for that part. */
  readonly missing: readonly MissingData[];
}

/**
 * A scorer bound to one cohort. `left` and `right` are participant indices of the cohort (the
 * giver and the receiver in a mentor × mentee matrix).
 */
export interface PreparedScorer {
  /** Score of one pair, in `[0, 1]`. */
  score(left: number, right: number): number;
  /**
   * Optional fast path: `out[k] = score(left, rights[k])` for `k < count`. Builders call it once
   * per row, so a scorer can index the left participant's data once and not allocate per cell.
   */
  fillRow?(left: number, rights: Int32Array, count: number, out: Float64Array): void;
  /** The score with its reasons; called lazily, only for pairs someone asks about. */
  explain?(left: number, right: number): ScoreExplanation;
}

/**
 * The scorer contract. A custom scorer is a plain object of this shape; `prepare` runs once per
 * build (index what you need there), and the builder weighs scorers by `name`
 * (`program.weights`, then `options.weights`).
 *
 * A scorer can never make a forbidden pair allowed: builders compute the allowed mask from the
 * constraints alone, and never give a scorer the mask.
 *
 * @example
 * ```ts
 * const sameCity: Scorer = {
 *   name: 'sameCity',
 *   prepare: ({ cohort }) => ({
 *     score: (a, b) =>
 *       cohort.location[a] < 0 || cohort.location[b] < 0 ? 0.5 : cohort.location[a] === cohort.location[b] ? 1 : 0,
 *   }),
 * };
 * buildCompatibility(cohort, program, { scorers: [sameCity], weights: { sameCity: 2 } });
 * //=> a CompatibilityMatrix whose explanations list sameCity's contribution
 * ```
 */
export interface Scorer {
  /** Unique name, used as the key of `weights`. */
  readonly name: string;
  /** One line for people: what the scorer rewards. */
  readonly description?: string;
  /** `true` when `score(a, b) === score(b, a)` always. */
  readonly symmetric?: boolean;
  /** Binds the scorer to a cohort. */
  prepare(context: ScorerContext): PreparedScorer;
}

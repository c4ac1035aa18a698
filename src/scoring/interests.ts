import {
  intersectionSize,
  lengthOf,
  listing,
  missing,
  NEUTRAL,
  neutral,
  RowMarks,
  round2,
  sharedNames,
} from './_internal/facts.js';
import type { Scorer } from './scorer.js';

/**
 * The `interests` scorer: the Dice overlap `2 |A ∩ B| / (|A| + |B|)` of two participants'
 * interests — symmetric, and not diluted as much as Jaccard for someone with many interests.
 * Either side without interests (none given or withheld) gives the neutral 0.5.
 *
 * @example
 * ```ts
 * // ana: hiking, chess; bo: chess
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'interests')?.score;
 * //=> 0.6666666666666666
 * ```
 */
export const interestsScorer: Scorer = Object.freeze<Scorer>({
  name: 'interests',
  description: 'Overlap of interests (Dice coefficient).',
  symmetric: true,
  prepare({ cohort }) {
    const interests = cohort.interests;
    const marks = new RowMarks(cohort.vocabularies.tags.names.length);
    const score = (left: number, right: number) => {
      const a = lengthOf(interests, left);
      const b = lengthOf(interests, right);
      if (a === 0 || b === 0) return NEUTRAL;
      return (2 * intersectionSize(interests, left, right)) / (a + b);
    };
    return {
      score,
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        const a = lengthOf(interests, left);
        if (a === 0) {
          out.fill(NEUTRAL, 0, count);
          return;
        }
        marks.mark(interests, left);
        const offsets = interests.offsets;
        for (let k = 0; k < count; k++) {
          const right = rights[k];
          const b = offsets[right + 1] - offsets[right];
          out[k] = b === 0 ? NEUTRAL : (2 * marks.hits(interests, right)) / (a + b);
        }
        marks.clear(interests, left);
      },
      explain(left: number, right: number) {
        const s = score(left, right);
        const empty = [left, right].filter((i) => lengthOf(interests, i) === 0);
        if (empty.length > 0) {
          return neutral(
            'shared interests',
            empty.map((i) => missing(cohort, i, 'interests')),
          );
        }
        const shared = sharedNames(interests, left, right, cohort.vocabularies.tags.names);
        return {
          score: s,
          reason:
            shared.length === 0
              ? 'no shared interests'
              : `shares ${listing(shared)} (overlap ${round2(s)})`,
          missing: [],
        };
      },
    };
  },
});

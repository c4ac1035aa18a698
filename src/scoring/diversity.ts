import { NEUTRAL, round2 } from './_internal/facts.js';
import {
  describeFields,
  fillSimilarity,
  meanSimilarity,
  similarityReaders,
} from './_internal/similarity.js';
import type { Scorer } from './scorer.js';

/**
 * The `diversity` scorer, opt-in: on the fields listed in `program.matching.diversity`
 * (department, team, location, stage, background, languages, interests), the share on which
 * the two differ (lists compare by Dice overlap). Only consented fields exist in a cohort, and a
 * field either side lacks is skipped and named; with no comparable field the score is neutral.
 * It is weighted 1 by default once fields are listed, 0 (off) otherwise.
 *
 * @example
 * ```ts
 * // program.matching.diversity = ['department', 'location']; different departments, same city
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'diversity')?.score;
 * //=> 0.5
 * ```
 */
export const diversityScorer: Scorer = Object.freeze<Scorer>({
  name: 'diversity',
  description: 'Different backgrounds on the opted-in fields score higher.',
  symmetric: true,
  prepare({ cohort, program }) {
    const readers = similarityReaders(cohort, program.matching.diversity);
    const sum = new Float64Array(cohort.size);
    const compared = new Int32Array(cohort.size);
    const score = (a: number, b: number): number => {
      const s = meanSimilarity(readers, a, b);
      return s < 0 ? NEUTRAL : 1 - s;
    };
    return {
      score,
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        fillSimilarity(readers, left, rights, count, sum, compared);
        const neutralScore = NEUTRAL;
        for (let k = 0; k < count; k++) {
          const n = compared[k];
          out[k] = n === 0 ? neutralScore : 1 - sum[k] / n;
        }
      },
      explain(a: number, b: number) {
        if (readers.length === 0) {
          return {
            score: NEUTRAL,
            reason: 'neutral: program.matching.diversity lists no field (the scorer is opt-in)',
            missing: [],
          };
        }
        const { parts, gaps } = describeFields(cohort, readers, a, b);
        const s = score(a, b);
        const none = meanSimilarity(readers, a, b) < 0;
        return {
          score: s,
          reason: none
            ? `neutral: no field to compare (${parts.join('; ')})`
            : `${parts.join('; ')} → different on ${round2(s * 100)}% of the compared fields`,
          missing: gaps,
        };
      },
    };
  },
});

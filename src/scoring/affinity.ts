import { similarityScorer } from './_internal/similarity-scorer.js';
import type { Scorer } from './scorer.js';

/**
 * The `affinity` scorer, opt-in: on the fields listed in `program.matching.affinity` (e.g.
 * `background` so international students meet one another), the share the two have in common
 * (lists compare by Dice overlap). Only consented fields exist in a cohort, and a field either
 * side lacks is skipped and named; with no comparable field the score is neutral. It is weighted
 * 1 by default once fields are listed, 0 (off) otherwise.
 *
 * @example
 * ```ts
 * // program.matching.affinity = ['background']; both list international-student
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'affinity')?.score;
 * //=> 1
 * ```
 */
export const affinityScorer: Scorer = similarityScorer({
  name: 'affinity',
  description: 'Shared backgrounds on the opted-in fields score higher.',
  rewardsDifference: false,
});

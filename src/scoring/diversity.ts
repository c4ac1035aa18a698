import { similarityScorer } from './_internal/similarity-scorer.js';
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
export const diversityScorer: Scorer = similarityScorer({
  name: 'diversity',
  description: 'Different backgrounds on the opted-in fields score higher.',
  rewardsDifference: true,
});

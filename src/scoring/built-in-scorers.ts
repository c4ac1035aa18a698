import { affinityScorer } from './affinity.js';
import { communicationScorer } from './communication.js';
import { diversityScorer } from './diversity.js';
import { goalsScorer } from './goals.js';
import { interestsScorer } from './interests.js';
import { languagesScorer } from './languages.js';
import { preferencesScorer } from './preferences.js';
import { reverseMentoringScorer } from './reverse-mentoring.js';
import { scheduleScorer } from './schedule.js';
import type { Scorer } from './scorer.js';
import { skillsScorer } from './skills.js';
import { stageScorer } from './stage.js';

/**
 * Every built-in scorer, in explanation order. Builders always include them; a weight of 0
 * (see `defaultWeights`) switches one off.
 *
 * @example
 * ```ts
 * BUILT_IN_SCORERS.map((s) => s.name);
 * //=> ['skills', 'reverseMentoring', 'goals', 'interests', 'stage', 'schedule', 'communication', 'languages', 'preferences', 'diversity', 'affinity']
 * ```
 */
export const BUILT_IN_SCORERS: readonly Scorer[] = Object.freeze([
  skillsScorer,
  reverseMentoringScorer,
  goalsScorer,
  interestsScorer,
  stageScorer,
  scheduleScorer,
  communicationScorer,
  languagesScorer,
  preferencesScorer,
  diversityScorer,
  affinityScorer,
]);

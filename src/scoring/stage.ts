import type { Program } from '../profile/program-schema.js';
import { missing, NEUTRAL, neutral, round2 } from './_internal/facts.js';
import type { Scorer } from './scorer.js';

/**
 * The stage gap a program prefers, giver minus receiver: `program.matching.stageGap` when set,
 * else by kind — 2 for mentoring (experienced but still relatable), 1 for buddies and
 * situational mentoring, −2 for reverse mentoring, 0 for peer circles and skill swaps.
 *
 * @param program - A parsed program.
 * @returns The preferred gap in stages.
 * @example
 * ```ts
 * preferredStageGap(parseProgram({ date: '2025-03-15', kind: 'buddy' }));
 * //=> 1
 * ```
 */
export function preferredStageGap(program: Program): number {
  if (program.matching.stageGap !== undefined) return program.matching.stageGap;
  switch (program.kind) {
    case 'reverse':
      return -2;
    case 'buddy':
    case 'situational':
      return 1;
    case 'peer-circle':
    case 'skill-swap':
      return 0;
    default:
      return 2;
  }
}

/**
 * The `stage` scorer: how close the stage gap (giver's ordinal in `program.stages` minus the
 * receiver's) is to the preferred gap ({@link preferredStageGap}): `1` at the preferred gap,
 * falling linearly to `0` at `matching.stageTolerance` stages away — too close is as bad as too
 * far. An unknown stage (none given, withheld, or a program without a stage ordering) is neutral.
 *
 * @example
 * ```ts
 * // stages: intern, junior, mid, senior, staff; preferred gap 2, tolerance 2
 * buildCompatibility(cohort).explain('senior-ana', 'junior-bo').contributions.find((c) => c.scorer === 'stage')?.score;
 * //=> 1
 * ```
 */
export const stageScorer: Scorer = Object.freeze<Scorer>({
  name: 'stage',
  description: 'Stage gap close to the preferred one (not too close, not too far).',
  symmetric: false,
  prepare({ cohort, program }) {
    const stage = cohort.stage;
    const preferred = preferredStageGap(program);
    const tolerance = program.matching.stageTolerance;
    const score = (left: number, right: number) => {
      const a = stage[left];
      const b = stage[right];
      if (a < 0 || b < 0) return NEUTRAL;
      return Math.max(0, 1 - Math.abs(a - b - preferred) / tolerance);
    };
    return {
      score,
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        const a = stage[left];
        if (a < 0) {
          out.fill(NEUTRAL, 0, count);
          return;
        }
        for (let k = 0; k < count; k++) {
          const b = stage[rights[k]];
          out[k] = b < 0 ? NEUTRAL : Math.max(0, 1 - Math.abs(a - b - preferred) / tolerance);
        }
      },
      explain(left: number, right: number) {
        const unknown = [left, right].filter((i) => stage[i] < 0);
        if (unknown.length > 0) {
          const noOrdering = program.stages.length === 0;
          const gaps = unknown.map((i) => missing(cohort, i, 'stage'));
          const base = neutral('the stage gap', gaps);
          return noOrdering
            ? { ...base, reason: `${base.reason} (the program has no stage ordering)` }
            : base;
        }
        const gap = stage[left] - stage[right];
        const s = score(left, right);
        const labels = cohort.vocabularies.stages.names;
        return {
          score: s,
          reason: `${cohort.ids[left]} (${labels[cohort.stageLabel[left]]}) is ${Math.abs(gap)} stage${Math.abs(gap) === 1 ? '' : 's'} ${gap >= 0 ? 'above' : 'below'} ${cohort.ids[right]} (${labels[cohort.stageLabel[right]]}); the program prefers a gap of ${preferred}, tolerance ${tolerance} → ${round2(s)}`,
          missing: [],
        };
      },
    };
  },
});

import { JUNIOR_TEACHES, SAME_STAGE, SENIOR_TEACHES } from './_internal/constants.js';
import { missing, NEUTRAL, neutral, round2 } from './_internal/facts.js';
import { SkillCoverage } from './_internal/skill-coverage.js';
import type { Scorer } from './scorer.js';
import { SKILLS_SCORER_DEFAULTS } from './skills.js';

/**
 * The `reverseMentoring` scorer: skill coverage as in `skills`, for programs where the less
 * senior person teaches (technology, social media, new ways of working). The coverage is kept in
 * full when the giver's stage is below the receiver's, ×0.6 at the same stage and ×0.2 when the
 * giver is more senior (that pair is ordinary mentoring). Unknown stages leave the coverage as
 * it is and are named in the explanation. On by default only in `kind: 'reverse'` programs.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort, { ...program, kind: 'reverse' }).explain('intern', 'cfo').contributions
 *   .find((c) => c.scorer === 'reverseMentoring')?.reason;
 * //=> 'the giver (intern) is less senior than the receiver (staff): full credit; covers 100% …'
 * ```
 */
export const reverseMentoringScorer: Scorer = Object.freeze<Scorer>({
  name: 'reverseMentoring',
  description: 'Skill coverage where the less senior person teaches.',
  symmetric: false,
  prepare({ cohort }) {
    const coverage = new SkillCoverage(cohort, SKILLS_SCORER_DEFAULTS.shortfallPenalty);
    const stage = cohort.stage;
    const factor = (left: number, right: number): number => {
      const a = stage[left];
      const b = stage[right];
      if (a < 0 || b < 0) return 1;
      return a < b ? JUNIOR_TEACHES : a === b ? SAME_STAGE : SENIOR_TEACHES;
    };
    return {
      score(left: number, right: number) {
        const c = coverage.coverage(left, right);
        return c < 0 ? NEUTRAL : c * factor(left, right);
      },
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        coverage.fillRow(left, rights, count, out);
        const a = stage[left];
        const neutralScore = NEUTRAL;
        for (let k = 0; k < count; k++) {
          const b = stage[rights[k]];
          const f =
            a < 0 || b < 0 ? 1 : a < b ? JUNIOR_TEACHES : a === b ? SAME_STAGE : SENIOR_TEACHES;
          out[k] = out[k] < 0 ? neutralScore : out[k] * f;
        }
      },
      explain(left: number, right: number) {
        const c = coverage.coverage(left, right);
        if (c < 0) return neutral('reverse-mentoring skill coverage', coverage.gaps(left, right));
        const f = factor(left, right);
        const labels = cohort.vocabularies.stages.names;
        const a = stage[left];
        const b = stage[right];
        const giver = cohort.ids[left];
        const stageText =
          a < 0 || b < 0
            ? `the stage of ${a < 0 ? giver : cohort.ids[right]} is unknown, so seniority is not weighed`
            : `the giver (${giver}, ${labels[cohort.stageLabel[left]]}) is ${
                a < b ? 'less senior than' : a === b ? 'at the same stage as' : 'more senior than'
              } the receiver (${cohort.ids[right]}, ${labels[cohort.stageLabel[right]]}): ×${f}`;
        const gaps = [];
        if (a < 0) gaps.push(missing(cohort, left, 'stage'));
        if (b < 0) gaps.push(missing(cohort, right, 'stage'));
        return {
          score: c * f,
          reason: `${stageText}; covers ${round2(c * 100)}% of the wanted skills by priority: ${coverage.describe(left, right)}`,
          missing: gaps,
        };
      },
    };
  },
});

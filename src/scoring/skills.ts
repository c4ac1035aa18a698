import { NEUTRAL, neutral, round2 } from './_internal/facts.js';
import { SkillCoverage } from './_internal/skill-coverage.js';
import type { Scorer } from './scorer.js';

/** Options of {@link createSkillsScorer}. */
export interface SkillsScorerOptions {
  /**
   * Credit lost per level the giver's offered level falls short of the level the receiver wants
   * to reach (a mentor should be at or above it).
   * @default 0.35
   */
  readonly shortfallPenalty?: number;
}

/** Defaults of {@link SkillsScorerOptions}. */
export const SKILLS_SCORER_DEFAULTS: Readonly<Required<SkillsScorerOptions>> = Object.freeze({
  shortfallPenalty: 0.35,
});

/**
 * A `skills` scorer with its own options: how much of what the receiver (right) wants the giver
 * (left) offers. Each wanted skill counts by its priority (1–5); it is served by the giver's
 * offered skill or, at `taxonomy.hierarchyCredit` per step, by a narrower one (offering `react`
 * serves wanting `javascript`); a giver below the wanted level loses `shortfallPenalty` per
 * level. A receiver who wants nothing, or a giver who withheld skills, gets the neutral 0.5.
 *
 * @param options - See {@link SkillsScorerOptions}.
 * @returns A scorer named `skills`.
 * @example
 * ```ts
 * buildCompatibility(cohort, program, { scorers: [createSkillsScorer({ shortfallPenalty: 0.5 })] });
 * //=> throws INVALID_OPTIONS: a scorer named skills is built in; give yours another name
 * const strict = { ...createSkillsScorer({ shortfallPenalty: 0.5 }), name: 'strictSkills' };
 * buildCompatibility(cohort, program, { scorers: [strict], weights: { skills: 0, strictSkills: 3 } });
 * //=> a matrix scored with the stricter level rule
 * ```
 */
export function createSkillsScorer(options: SkillsScorerOptions = {}): Scorer {
  const { shortfallPenalty } = { ...SKILLS_SCORER_DEFAULTS, ...options };
  return Object.freeze<Scorer>({
    name: 'skills',
    description: 'How much of what the receiver wants the giver offers, at the right level.',
    symmetric: false,
    prepare({ cohort }) {
      const coverage = new SkillCoverage(cohort, shortfallPenalty);
      return {
        score(left: number, right: number) {
          const c = coverage.coverage(left, right);
          return c < 0 ? NEUTRAL : c;
        },
        fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
          coverage.fillRow(left, rights, count, out);
          const neutralScore = NEUTRAL;
          for (let k = 0; k < count; k++) if (out[k] < 0) out[k] = neutralScore;
        },
        explain(left: number, right: number) {
          const c = coverage.coverage(left, right);
          if (c < 0) return neutral('skill coverage', coverage.gaps(left, right));
          return {
            score: c,
            reason: `covers ${round2(c * 100)}% of the wanted skills by priority: ${coverage.describe(left, right)}`,
            missing: [],
          };
        },
      };
    },
  });
}

/**
 * The built-in `skills` scorer (default options); see {@link createSkillsScorer}.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort).explain('ana', 'bo').contributions[0].reason;
 * //=> 'covers 50% of the wanted skills by priority: javascript (wanted at level 3, priority 5): served by a narrower skill at level 5, 1 step down the taxonomy → 0.5'
 * ```
 */
export const skillsScorer: Scorer = createSkillsScorer();

import type { Scorer } from '../scorer.js';
import { NEUTRAL, round2 } from './facts.js';
import { describeFields, fillSimilarity, meanSimilarity, similarityReaders } from './similarity.js';

/** What sets `diversity` (different scores higher) apart from `affinity` (alike scores higher). */
export interface SimilarityScorerSpec {
  readonly name: 'diversity' | 'affinity';
  readonly description: string;
  /** `true`: the score is the share of compared fields that differ, else the share that match. */
  readonly rewardsDifference: boolean;
}

/** The opt-in similarity scorer over `program.matching[spec.name]`'s fields. */
export function similarityScorer(spec: SimilarityScorerSpec): Scorer {
  const { name, description, rewardsDifference } = spec;
  return Object.freeze<Scorer>({
    name,
    description,
    symmetric: true,
    prepare({ cohort, program }) {
      const readers = similarityReaders(cohort, program.matching[name]);
      const sum = new Float64Array(cohort.size);
      const compared = new Int32Array(cohort.size);
      const score = (a: number, b: number): number => {
        const s = meanSimilarity(readers, a, b);
        return s < 0 ? NEUTRAL : rewardsDifference ? 1 - s : s;
      };
      return {
        score,
        fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
          fillSimilarity(readers, left, rights, count, sum, compared);
          const neutralScore = NEUTRAL;
          for (let k = 0; k < count; k++) {
            const n = compared[k];
            out[k] = n === 0 ? neutralScore : rewardsDifference ? 1 - sum[k] / n : sum[k] / n;
          }
        },
        explain(a: number, b: number) {
          if (readers.length === 0) {
            return {
              score: NEUTRAL,
              reason: `neutral: program.matching.${name} lists no field (the scorer is opt-in)`,
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
              : `${parts.join('; ')} → ${rewardsDifference ? 'different' : 'shared'} on ${round2(s * 100)}% of the compared fields`,
            missing: gaps,
          };
        },
      };
    },
  });
}

import type { CompatibilityBase } from '../../compatibility/types.js';
import type { MatchExplanation } from '../match-result.js';

/** The plain-data explanation of one directed pair (giver, receiver) for a result. */
export function explanationOf(
  matrix: Pick<CompatibilityBase, 'explain'>,
  giverId: string,
  receiverId: string,
): MatchExplanation {
  const why = matrix.explain(giverId, receiverId);
  return {
    summary: why.summary,
    contributions: why.contributions.map((c) => ({
      scorer: c.scorer,
      share: c.share,
      score: c.score,
      contribution: c.contribution,
      reason: c.reason,
    })),
  };
}

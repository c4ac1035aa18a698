import { describe, expect, it } from 'vitest';
import { summarizeResult } from '../../src/cli/summarize-result.js';
import { matchOneToOne } from '../../src/modes/match-one-to-one.js';
import type { MatchPricing, MatchResult } from '../../src/modes/match-result.js';
import { cohortOf, PEOPLE } from '../compatibility/_cohort.js';

describe('summarizeResult', () => {
  const dense = matchOneToOne(cohortOf(PEOPLE));
  const topK = matchOneToOne(cohortOf(PEOPLE, { matching: { denseLimit: 0, candidates: 1 } }));
  const withPricing = (pricing: MatchPricing): MatchResult => ({
    ...topK,
    scale: { ...(topK.scale as NonNullable<MatchResult['scale']>), pricing },
  });

  it('says nothing of scale on the dense path, and names k and the candidate pairs on the top-k path', () => {
    expect(summarizeResult(dense)).not.toContain('top-k');
    expect(summarizeResult(topK)).toContain(
      `top-k: the best partner of each participant, ${topK.scale?.edges} candidate pairs (${topK.scale?.cells} cells, above the dense limit of 0).`,
    );
    expect(summarizeResult(topK)).not.toContain('pricing');
    const given = {
      ...topK,
      scale: { ...(topK.scale as NonNullable<MatchResult['scale']>), denseLimit: 1e9 },
    };
    expect(summarizeResult(given)).toContain('candidate pairs (candidates built beforehand).');
  });

  it('reads a result written before scale.pricing existed as unpriced', () => {
    const { pricing: _, ...older } = topK.scale as NonNullable<MatchResult['scale']>;
    const text = summarizeResult({ ...topK, scale: older as NonNullable<MatchResult['scale']> });
    expect(text).toContain('top-k:');
    expect(text).not.toContain('pricing');
  });

  it('says what pricing proved: optimal, a bound and how far above the total it is, or no bound yet', () => {
    const total = topK.stats.totalScore;
    expect(
      summarizeResult(withPricing({ rounds: 1, added: 0, optimal: true, bound: total })),
    ).toContain('pricing: 1 round added 0 pairs; the result is optimal for the whole cohort.');
    expect(
      summarizeResult(withPricing({ rounds: 2, added: 1234, optimal: false, bound: total * 1.01 })),
    ).toContain(
      `pricing: 2 rounds added 1,234 pairs; the optimum totals at most ${(total * 1.01).toFixed(2)} (1.0 % above this total).`,
    );
    expect(
      summarizeResult(withPricing({ rounds: 1, added: 7, optimal: false, bound: null })),
    ).toContain('pricing: 1 round added 7 pairs; no bound on the optimum proved yet.');
  });
});

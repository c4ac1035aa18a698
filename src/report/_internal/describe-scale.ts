import type { MatchResult } from '../../modes/match-result.js';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * How a result was computed, in plain sentences, when it was not on the dense path: the top-k
 * candidates solved on, and what pricing proved. Results written before `scale.pricing`
 * existed read as unpriced.
 */
export function describeScale({ scale, stats }: MatchResult): string[] {
  if (scale?.method !== 'top-k') return [];
  // Below the limit the top-k path runs only on candidates the caller built beforehand.
  const why =
    scale.cells > scale.denseLimit
      ? `${count(scale.cells)} cells, above the dense limit of ${count(scale.denseLimit)}`
      : 'candidates built beforehand';
  const lines = [
    `top-k: ${scale.k === 1 ? 'the best partner' : `the ${scale.k ?? 0} best partners`} of each participant, ${count(scale.edges ?? 0)} candidate pairs (${why}).`,
  ];
  const { pricing } = scale;
  if (pricing == null) return lines;
  const what = `pricing: ${pricing.rounds} round${pricing.rounds === 1 ? '' : 's'} added ${count(pricing.added)} pairs`;
  if (pricing.optimal) lines.push(`${what}; the result is optimal for the whole cohort.`);
  else if (pricing.bound === null) lines.push(`${what}; no bound on the optimum proved yet.`);
  else {
    const above =
      stats.totalScore > 0 ? (100 * (pricing.bound - stats.totalScore)) / stats.totalScore : 0;
    lines.push(
      `${what}; the optimum totals at most ${pricing.bound.toFixed(2)} (${above.toPrecision(2)} % above this total).`,
    );
  }
  return lines;
}

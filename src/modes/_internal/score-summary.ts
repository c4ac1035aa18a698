import type { ScoreSummary } from '../match-result.js';

/** Quantile `p` of ascending `sorted` by linear interpolation (R-7, as d3's `quantile`). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/** Mean, min, quartiles and max of `scores`, or `null` when there are none. */
export function summarizeScores(scores: readonly number[]): ScoreSummary | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  let sum = 0;
  for (const s of sorted) sum += s;
  return {
    mean: sum / sorted.length,
    min: sorted[0],
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1],
  };
}

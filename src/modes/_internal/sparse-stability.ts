import type { BlockingPair, StabilityReport } from '../match-result.js';
import type { PairGraph } from './sparse-pair-graph.js';

/**
 * Blocking pairs of a one-to-one result judged on the candidate pairs only (the top-k path):
 * the same test as the dense `oneToOneStability` — a suitable pair not together, the mentee
 * unmatched or scoring lower with their mentor, the mentor with a free seat or scoring lower
 * with their worst mentee — over the graph's edges instead of every cell. O(edges).
 */
export function graphStability(
  graph: PairGraph,
  leftIds: readonly string[],
  rightIds: readonly string[],
  capacity: Int32Array,
  assigned: Int32Array,
  current: Float64Array,
  minScore: number,
  limit: number,
): StabilityReport {
  const { mentors, mentees, mentorOffsets, mentorMentees, mentorScores } = graph;
  const used = new Int32Array(mentors);
  const worst = new Float64Array(mentors).fill(Number.POSITIVE_INFINITY);
  for (let e = 0; e < mentees; e++) {
    const m = assigned[e];
    if (m < 0) continue;
    used[m]++;
    worst[m] = Math.min(worst[m], current[e]);
  }
  for (let m = 0; m < mentors; m++) {
    if (used[m] < capacity[m]) worst[m] = Number.NEGATIVE_INFINITY;
  }
  const blockingPairs: BlockingPair[] = [];
  let count = 0;
  for (let m = 0; m < mentors; m++) {
    const bar = worst[m];
    if (bar === Number.POSITIVE_INFINITY) continue;
    for (let p = mentorOffsets[m]; p < mentorOffsets[m + 1]; p++) {
      const e = mentorMentees[p];
      const s = mentorScores[p];
      if (s < minScore || assigned[e] === m) continue;
      if (s > current[e] && s > bar) {
        if (count < limit)
          blockingPairs.push({ participantIds: [leftIds[m], rightIds[e]], score: s });
        count++;
      }
    }
  }
  return { count, blockingPairs };
}

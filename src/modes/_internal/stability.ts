import type { CompatibilityMatrix } from '../../compatibility/types.js';
import type { BlockingPair, StabilityReport } from '../match-result.js';

/** How many blocking pairs a result lists by default (all are counted). */
export const DEFAULT_STABILITY_LIMIT = 100;

/**
 * Blocking pairs of a one-to-one result: a suitable (allowed, ≥ `minScore`) mentor and mentee
 * not paired together, where the mentee is unmatched or scores lower with their mentor, and the
 * mentor has a free seat or scores lower with their worst current mentee. Strict preferences:
 * a tie does not block. One pass over the cells, O(mentors × mentees).
 */
export function oneToOneStability(
  matrix: CompatibilityMatrix,
  capacity: Int32Array,
  assigned: Int32Array,
  minScore: number,
  limit: number,
): StabilityReport {
  const { rows, cols, scores, allowed, leftIds, rightIds } = matrix;
  const current = new Float64Array(cols).fill(Number.NEGATIVE_INFINITY);
  const used = new Int32Array(rows);
  const worst = new Float64Array(rows).fill(Number.POSITIVE_INFINITY);
  for (let e = 0; e < cols; e++) {
    const m = assigned[e];
    if (m < 0) continue;
    current[e] = scores[m * cols + e];
    used[m]++;
    worst[m] = Math.min(worst[m], current[e]);
  }
  // A free seat accepts anyone suitable; a mentor of capacity 0 (used = 0 = capacity) nobody.
  for (let m = 0; m < rows; m++) {
    if (used[m] < capacity[m]) worst[m] = Number.NEGATIVE_INFINITY;
  }
  const blockingPairs: BlockingPair[] = [];
  let count = 0;
  for (let m = 0; m < rows; m++) {
    const bar = worst[m];
    if (bar === Number.POSITIVE_INFINITY) continue;
    const base = m * cols;
    for (let e = 0; e < cols; e++) {
      const s = scores[base + e];
      if (allowed[base + e] !== 1 || s < minScore || assigned[e] === m) continue;
      if (s > current[e] && s > bar) {
        if (count < limit)
          blockingPairs.push({ participantIds: [leftIds[m], rightIds[e]], score: s });
        count++;
      }
    }
  }
  return { count, blockingPairs };
}

/**
 * Blocking pairs of a reciprocal result: two suitable peers (`pairScore` not `-Infinity`) in
 * different relationships (or unmatched), each of whom values the pair strictly above the
 * relationship they are in (`value`, `-Infinity` when unmatched). Peers are in id order, so the
 * list is too. O(peers²) pair scores, no allocation per pair.
 */
export function reciprocalStability(
  ids: readonly string[],
  pairScore: (a: number, b: number) => number,
  value: Float64Array,
  group: Int32Array,
  limit: number,
): StabilityReport {
  const n = ids.length;
  const blockingPairs: BlockingPair[] = [];
  let count = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (group[a] >= 0 && group[a] === group[b]) continue;
      const s = pairScore(a, b);
      if (s > value[a] && s > value[b]) {
        if (count < limit) blockingPairs.push({ participantIds: [ids[a], ids[b]], score: s });
        count++;
      }
    }
  }
  return { count, blockingPairs };
}

/**
 * {@link reciprocalStability} judged on the candidate graph of the top-k path: the same test
 * over its pairs only (given once each, sorted, so the list is in id order too). O(pairs).
 */
export function graphReciprocalStability(
  ids: readonly string[],
  pairA: Int32Array,
  pairB: Int32Array,
  pairScore: Float64Array,
  value: Float64Array,
  group: Int32Array,
  limit: number,
): StabilityReport {
  const blockingPairs: BlockingPair[] = [];
  let count = 0;
  for (let e = 0; e < pairA.length; e++) {
    const a = pairA[e];
    const b = pairB[e];
    if (group[a] >= 0 && group[a] === group[b]) continue;
    const s = pairScore[e];
    if (s > value[a] && s > value[b]) {
      if (count < limit) blockingPairs.push({ participantIds: [ids[a], ids[b]], score: s });
      count++;
    }
  }
  return { count, blockingPairs };
}

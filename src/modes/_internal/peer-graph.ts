import type { PairScorer } from '../../compatibility/_internal/pair-scores.js';
import type { CompatibilityCandidates } from '../../compatibility/types.js';
import { offerTop } from '../../solvers/_internal/top-list.js';
import type { PeerNeighbourhood } from './reciprocal-unmatched.js';

/**
 * The candidate graph of the reciprocal top-k path: every pair {a, b} where one is among the
 * other's `k` best receivers or givers and both directions are allowed, in compressed sparse
 * rows (both ends, neighbours ascending), plus the same pairs once each (`a < b`, sorted), the
 * order the dense path visits pairs in.
 */
export interface PeerGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly peers: Int32Array;
  /** `d(a → peer)` and `d(peer → a)` of each adjacency entry. */
  readonly gives: Float64Array;
  readonly receives: Float64Array;
  /** The balanced pair score of each adjacency entry, `-Infinity` below `minScore`. */
  readonly balanced: Float64Array;
  /** The index (into `pairA`/`pairB`) of each adjacency entry's pair. */
  readonly pairOf: Int32Array;
  /** Each pair once, `pairA < pairB`, sorted by (pairA, pairB). */
  readonly pairA: Int32Array;
  readonly pairB: Int32Array;
  /** The balanced pair score, `-Infinity` below `minScore`. */
  readonly pairScore: Float64Array;
}

/**
 * Builds the candidate graph: the union of both candidate lists as unordered pairs, then both
 * directions of each scored again in one batch (a list holds only the direction it ranked),
 * keeping the pairs allowed both ways. O(n·k log(n·k)) time and memory, never n².
 */
export function buildPeerGraph(
  candidates: CompatibilityCandidates,
  scorer: PairScorer,
  pairScoreOf: (x: number, y: number) => number,
): PeerGraph {
  const n = candidates.rows;
  const { forLeft, forRight } = candidates;
  // Keys a·n + b (a < b) stay exact in a double up to n ≈ 9.4·10⁷ peers.
  const keys = new Float64Array(forLeft.partners.length + forRight.partners.length);
  let size = 0;
  for (const lists of [forLeft, forRight]) {
    for (let a = 0; a < n; a++) {
      for (let p = lists.offsets[a]; p < lists.offsets[a + 1]; p++) {
        const b = lists.partners[p];
        if (b !== a) keys[size++] = a < b ? a * n + b : b * n + a;
      }
    }
  }
  const sorted = keys.subarray(0, size).sort();
  let m = 0;
  for (let t = 0; t < size; t++)
    if (t === 0 || sorted[t] !== sorted[t - 1]) sorted[m++] = sorted[t];
  const givers = new Int32Array(2 * m);
  const receivers = new Int32Array(2 * m);
  for (let t = 0; t < m; t++) {
    const a = Math.floor(sorted[t] / n);
    const b = sorted[t] - a * n;
    givers[t] = a;
    receivers[t] = b;
    givers[m + t] = b;
    receivers[m + t] = a;
  }
  const scores = new Float64Array(2 * m);
  const allowed = new Uint8Array(2 * m);
  scorer.score(givers, receivers, scores, allowed);
  let kept = 0;
  for (let t = 0; t < m; t++) if (allowed[t] === 1 && allowed[m + t] === 1) kept++;
  const pairA = new Int32Array(kept);
  const pairB = new Int32Array(kept);
  const pairScore = new Float64Array(kept);
  const forward = new Float64Array(kept);
  const backward = new Float64Array(kept);
  const offsets = new Int32Array(n + 1);
  for (let t = 0, e = 0; t < m; t++) {
    if (allowed[t] !== 1 || allowed[m + t] !== 1) continue;
    pairA[e] = givers[t];
    pairB[e] = receivers[t];
    forward[e] = scores[t];
    backward[e] = scores[m + t];
    pairScore[e] = pairScoreOf(scores[t], scores[m + t]);
    offsets[givers[t] + 1]++;
    offsets[receivers[t] + 1]++;
    e++;
  }
  for (let a = 0; a < n; a++) offsets[a + 1] += offsets[a];
  const peers = new Int32Array(2 * kept);
  const pairOf = new Int32Array(2 * kept);
  const gives = new Float64Array(2 * kept);
  const receives = new Float64Array(2 * kept);
  const balanced = new Float64Array(2 * kept);
  const at = offsets.slice(0, n);
  // Pairs come sorted by (a, b): every node's lower neighbours arrive before its higher ones,
  // each group ascending, so the adjacency lists come out sorted.
  for (let e = 0; e < kept; e++) {
    const a = pairA[e];
    const b = pairB[e];
    let p = at[a]++;
    pairOf[p] = e;
    peers[p] = b;
    gives[p] = forward[e];
    receives[p] = backward[e];
    balanced[p] = pairScore[e];
    p = at[b]++;
    pairOf[p] = e;
    peers[p] = a;
    gives[p] = backward[e];
    receives[p] = forward[e];
    balanced[p] = pairScore[e];
  }
  return { n, offsets, peers, gives, receives, balanced, pairOf, pairA, pairB, pairScore };
}

/** Where `b` sits in `a`'s adjacency, or -1 when the pair is not in the graph. */
export function entryOf(graph: PeerGraph, a: number, b: number): number {
  const { offsets, peers } = graph;
  let lo = offsets[a];
  let hi = offsets[a + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = peers[mid];
    if (x === b) return mid;
    if (x < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The candidate graph as the neighbourhood unmatched reasons are judged on. A peer's partners
 * are all in the graph when all their allowed receivers or all their allowed givers made their
 * own list (`allowedPer… ≤ k`: a partner must be allowed both ways). A peer with no pair in the
 * graph and unseen allowed partners is scored against the whole cohort (2·(n − 1) pairs), so
 * `NO_ALLOWED_PARTNER` is never said of someone who has one; otherwise the partners seen are
 * the candidates.
 */
export function graphPeerNeighbourhood(
  graph: PeerGraph,
  candidates: CompatibilityCandidates,
  scorer: PairScorer,
  pairScoreOf: (x: number, y: number) => number,
): PeerNeighbourhood {
  const { n, offsets, peers, balanced } = graph;
  const { allowedPerLeft, allowedPerRight, k } = candidates;
  const scanned = new Uint8Array(n);
  return {
    n,
    ids: candidates.leftIds,
    diagnose: () => candidates.diagnose(),
    forEachPartner(a, visit) {
      if (offsets[a + 1] > offsets[a] || allowedPerLeft[a] <= k || allowedPerRight[a] <= k) {
        for (let p = offsets[a]; p < offsets[a + 1]; p++) {
          visit(peers[p], balanced[p] !== Number.NEGATIVE_INFINITY);
        }
        return;
      }
      const others = n - 1;
      const givers = new Int32Array(2 * others);
      const receivers = new Int32Array(2 * others);
      for (let b = 0, t = 0; b < n; b++) {
        if (b === a) continue;
        givers[t] = a;
        receivers[t] = b;
        givers[others + t] = b;
        receivers[others + t] = a;
        t++;
      }
      const scores = new Float64Array(2 * others);
      const allowed = new Uint8Array(2 * others);
      scorer.score(givers, receivers, scores, allowed);
      for (let t = 0; t < others; t++) {
        if (allowed[t] !== 1 || allowed[others + t] !== 1) continue;
        const s = pairScoreOf(scores[t], scores[others + t]);
        visit(receivers[t], s !== Number.NEGATIVE_INFINITY);
      }
      scanned[a] = 1;
    },
    complete: (a) => scanned[a] === 1 || allowedPerLeft[a] <= k || allowedPerRight[a] <= k,
  };
}

/**
 * The pairs the blossom gets: each peer's `k` best suitable pairs by balanced score (ties by the
 * smaller index), the union over both ends, in pair order: the same rule as the dense path's
 * `candidates`, so when the graph holds every allowed pair the two paths solve the same edges.
 * Returns a 0/1 flag per pair.
 */
export function bestPairs(graph: PeerGraph, k: number): Uint8Array {
  const { n, offsets, balanced, pairOf, pairScore } = graph;
  const chosen = new Uint8Array(pairScore.length);
  const best = new Float64Array(Math.max(1, k));
  const who = new Int32Array(Math.max(1, k));
  for (let a = 0; a < n; a++) {
    let size = 0;
    for (let p = offsets[a]; p < offsets[a + 1]; p++) {
      size = offerTop(best, who, size, k, balanced[p], pairOf[p]);
    }
    for (let t = 0; t < size; t++) chosen[who[t]] = 1;
  }
  return chosen;
}

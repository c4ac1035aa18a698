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
 * Builds the candidate graph: the union of both candidate lists (`candidates.edges`) as
 * unordered pairs, the directions to score (a list holds only the direction it ranked) scored
 * in one batch, keeping the pairs allowed both ways. O(n·k) time and memory, never n².
 *
 * `ownScan`: the candidates were scanned by this very call, under its program, scorers and
 * rules, so the direction a list holds is taken as it is (bit for bit what scoring it again
 * gives, and allowed) and only the other direction is scored: about half the scoring. A scan
 * from anywhere else is scored again both ways, which keeps a scan built under other rules
 * from pairing anyone those rules would not.
 *
 * `onProgress(done, total)` hears the givers scored, from 0 to all (seconds at 100,000 peers).
 *
 * @example
 * ```ts
 * const graph = buildPeerGraph(candidates, pairScorer(API, cohort, program, options), scoreOf, true);
 * graph.pairA.length; // pairs allowed both ways
 * ```
 */
export function buildPeerGraph(
  candidates: CompatibilityCandidates,
  scorer: PairScorer,
  pairScoreOf: (x: number, y: number) => number,
  ownScan: boolean,
  onProgress?: (done: number, total: number) => void,
): PeerGraph {
  const n = candidates.rows;
  const { a: pairsA, b: pairsB, ab, ba } = candidatePairs(candidates);
  if (!ownScan) {
    ab.fill(Number.NaN);
    ba.fill(Number.NaN);
  }
  const m = pairsA.length;
  // One batch for every direction no list holds (NaN): giver, receiver and where it goes.
  let missing = 0;
  for (let t = 0; t < m; t++)
    missing += (Number.isNaN(ab[t]) ? 1 : 0) + (Number.isNaN(ba[t]) ? 1 : 0);
  const givers = new Int32Array(missing);
  const receivers = new Int32Array(missing);
  for (let t = 0, x = 0; t < m; t++) {
    if (Number.isNaN(ab[t])) {
      givers[x] = pairsA[t];
      receivers[x++] = pairsB[t];
    }
    if (Number.isNaN(ba[t])) {
      givers[x] = pairsB[t];
      receivers[x++] = pairsA[t];
    }
  }
  const scored = new Float64Array(missing);
  const scoredAllowed = new Uint8Array(missing);
  scorer.score(givers, receivers, scored, scoredAllowed, onProgress);
  // Listed directions are allowed; a pair needs both.
  const allowed = new Uint8Array(m).fill(1);
  for (let t = 0, x = 0; t < m; t++) {
    if (Number.isNaN(ab[t])) {
      ab[t] = scored[x];
      allowed[t] &= scoredAllowed[x++];
    }
    if (Number.isNaN(ba[t])) {
      ba[t] = scored[x];
      allowed[t] &= scoredAllowed[x++];
    }
  }
  let kept = 0;
  for (let t = 0; t < m; t++) kept += allowed[t];
  const pairA = new Int32Array(kept);
  const pairB = new Int32Array(kept);
  const pairScore = new Float64Array(kept);
  const forward = new Float64Array(kept);
  const backward = new Float64Array(kept);
  const offsets = new Int32Array(n + 1);
  for (let t = 0, e = 0; t < m; t++) {
    if (allowed[t] !== 1) continue;
    pairA[e] = pairsA[t];
    pairB[e] = pairsB[t];
    forward[e] = ab[t];
    backward[e] = ba[t];
    pairScore[e] = pairScoreOf(ab[t], ba[t]);
    offsets[pairsA[t] + 1]++;
    offsets[pairsB[t] + 1]++;
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

/**
 * Unordered pairs `a < b` in (a, b) order, with `d(a → b)` in `ab` and `d(b → a)` in `ba`, or
 * NaN where it is still to be scored.
 */
interface Pairs {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly ab: Float64Array;
  readonly ba: Float64Array;
}

/**
 * Every pair on a list, with the directions the lists hold. The union edges (directed row →
 * column, sorted by row then column, each once) give `d(a → b)` for a < b in order; those with
 * a > b are bucketed by their column, where they arrive by row, so each peer's two sorted runs
 * merge without a sort.
 */
function candidatePairs(candidates: CompatibilityCandidates): Pairs {
  const n = candidates.rows;
  const { rows, cols, scores } = candidates.edges;
  const edges = rows.length;
  // Edges r → c with r > c, by c: each bucket's rows ascending.
  const start = new Int32Array(n + 1);
  for (let e = 0; e < edges; e++) if (rows[e] > cols[e]) start[cols[e] + 1]++;
  for (let c = 0; c < n; c++) start[c + 1] += start[c];
  const fill = start.slice(0, n);
  const upRow = new Int32Array(start[n]);
  const upScore = new Float64Array(start[n]);
  for (let e = 0; e < edges; e++) {
    if (rows[e] <= cols[e]) continue;
    const at = fill[cols[e]]++;
    upRow[at] = rows[e];
    upScore[at] = scores[e];
  }
  // Each pair has at least one edge.
  const a = new Int32Array(edges);
  const b = new Int32Array(edges);
  const ab = new Float64Array(edges);
  const ba = new Float64Array(edges);
  let m = 0;
  let e = 0;
  for (let x = 0; x < n; x++) {
    // x's own edges to higher peers (sorted by column), merged with the higher peers' edges to x.
    while (e < edges && rows[e] < x) e++;
    while (e < edges && rows[e] === x && cols[e] <= x) e++;
    let u = start[x];
    const uEnd = start[x + 1];
    while ((e < edges && rows[e] === x) || u < uEnd) {
      const own = e < edges && rows[e] === x ? cols[e] : n;
      const other = u < uEnd ? upRow[u] : n;
      a[m] = x;
      b[m] = Math.min(own, other);
      ab[m] = own <= other ? scores[e++] : Number.NaN;
      ba[m] = other <= own ? upScore[u++] : Number.NaN;
      m++;
    }
  }
  return { a: a.subarray(0, m), b: b.subarray(0, m), ab: ab.subarray(0, m), ba: ba.subarray(0, m) };
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

/**
 * Maximum-weight matching in a general graph: Edmonds' blossom algorithm with the
 * primal-dual method, O(n³).
 *
 * References:
 * - Z. Galil, "Efficient algorithms for finding maximum matching in graphs", ACM Computing
 *   Surveys 18(1), 1986 — the algorithm, its dual variables and the terms used below
 *   (S-/T-blossom, stage, substage, delta1..delta4).
 * - J. van Rantwijk, `mwmatching.py` (http://jorisvr.nl/article/maximum-matching) — the
 *   bookkeeping this kernel follows step by step: edge endpoints numbered 2k / 2k+1, vertex
 *   duals stored doubled, least-slack edges per vertex and per S-blossom for delta2/delta3.
 *
 * This file holds the drivers (stages from cold, single-tree phases from a start) and the
 * result; the state and the structural steps are in `blossom-kernel.ts`.
 */
import { BlossomKernel } from './blossom-kernel.js';
import { BLOSSOM, VERTEX } from './blossom-state.js';
import type { RunMonitor } from './run-monitor.js';

/**
 * A matching and doubled vertex duals to start from (no blossoms): the duals must be feasible
 * (`dual[u] + dual[v] ≥ 2·w` on every edge, every dual ≥ 0) and tight on the matched edges.
 * See `fractionalStart`.
 */
export interface MatchingStart {
  /** Partner of each vertex, or -1. */
  readonly mate: Int32Array;
  /** 2·u(v) of each vertex. */
  readonly dual: Float64Array;
}

/** What the kernel hands back; the public wrapper turns it into the API's result. */
export interface BlossomOutcome {
  /** Partner vertex of each vertex, or -1. */
  readonly mate: Int32Array;
  /** Sum of the weights of matched edges. */
  readonly total: number;
  /** Index of each vertex's matched edge, or -1. */
  readonly edge: Int32Array;
  /** Length 2n: 2·u(v) for vertices 0..n-1, z(B) for blossom ids n..2n-1. */
  readonly dual: Float64Array;
  /** Length 2n: parent blossom id of each vertex or blossom, -1 at the top. */
  readonly parent: Int32Array;
  /** Length 2n: base vertex of each blossom id in use, -1 for ids not in use. */
  readonly base: Int32Array;
}

/**
 * Runs the blossom algorithm on a validated simple graph (no self-loops, no parallel edges,
 * endpoints in 0..n-1, finite weights). Inputs are read, never written.
 *
 * Without `start`, every stage grows alternating trees from all free vertices at once, as in
 * the reference (their duals start equal and stay equal). With `start` (maximum weight only,
 * not `maxCardinality`: the caller shifts the weights), free vertices may have unequal duals,
 * so each phase grows a single tree from one free vertex whose dual is still positive, until
 * it is matched or its dual (or another tree vertex's, then freed instead) reaches 0 — the
 * single-tree primal-dual method of Galil (1986, δ1 with an even path to the vertex at 0).
 * Its bookkeeping is kept to the vertices and blossoms the tree touched, so a phase costs what
 * it explores: after a good start, few phases with small trees.
 */ export function blossomMatching(
  n: number,
  edgeU: Int32Array,
  edgeV: Int32Array,
  weight: Float64Array,
  maxCardinality: boolean,
  monitor: RunMonitor,
  start?: MatchingStart,
): BlossomOutcome {
  if (start !== undefined && maxCardinality)
    throw new Error('blossomMatching: a start needs plain maximum weight');
  const k = new BlossomKernel(n, edgeU, edgeV, weight, start !== undefined);

  /**
   * A stage without a start: grows the alternating forest from every free vertex along tight
   * edges, moving all duals by the largest feasible delta whenever no tight edge is left.
   * True when it augmented; false when no augmentation is possible: the run is over.
   */
  const growForest = (pairs: number): boolean => {
    // Locals: these loops run over every vertex and blossom id in every substage.
    const { n, n2, dual, bestEdge, bestSlack, label, parent, base } = k;
    for (;;) {
      // Substage: grow the alternating forest along tight edges.
      while (k.queueLength > 0) {
        if (k.scanVertex(k.queue[--k.queueLength])) return true;
      }
      monitor.tick(pairs, n);

      // No tight edge left to follow: move the duals by the largest delta that keeps them
      // feasible (duals of vertices are doubled, so every delta here is doubled too).
      let deltaType = -1;
      let delta = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      if (!maxCardinality) {
        deltaType = 1;
        delta = dual[0];
        for (let v = 1; v < n; v++) if (dual[v] < delta) delta = dual[v];
      }
      for (let v = 0; v < n; v++) {
        const e = bestEdge[v];
        if (e !== -1 && label[k.topBlossom(v)] === 0) {
          const d = bestSlack[v];
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = e;
          }
        }
      }
      for (let b = 0; b < n2; b++) {
        const e = bestEdge[b];
        if (e !== -1 && parent[b] === -1 && label[b] === 1) {
          const d = bestSlack[b] / 2;
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = e;
          }
        }
      }
      for (let b = n; b < n2; b++) {
        if (
          base[b] >= 0 &&
          parent[b] === -1 &&
          label[b] === 2 &&
          (deltaType === -1 || dual[b] < delta)
        ) {
          delta = dual[b];
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      if (deltaType === -1) {
        // Maximum cardinality reached; one last uniform shift makes the duals a certificate.
        deltaType = 1;
        delta = dual[0];
        for (let v = 1; v < n; v++) if (dual[v] < delta) delta = dual[v];
        if (delta < 0) delta = 0;
      }

      for (let v = 0; v < n; v++) {
        const l = label[k.topBlossom(v)];
        if (l === 1) dual[v] -= delta;
        else if (l === 2) dual[v] += delta;
      }
      for (let b = n; b < n2; b++) {
        if (base[b] >= 0 && parent[b] === -1) {
          if (label[b] === 1) dual[b] += delta;
          else if (label[b] === 2) dual[b] -= delta;
        }
      }
      for (let x = 0; x < n2; x++) {
        const e = bestEdge[x];
        if (e !== -1) bestSlack[x] = k.slack(e);
      }

      if (deltaType === 1) return false;
      if (deltaType === 2) {
        k.allowed[deltaEdge] = k.stamp;
        let i = k.endpoint[2 * deltaEdge];
        if (label[k.topBlossom(i)] === 0) i = k.endpoint[2 * deltaEdge + 1];
        k.queue[k.queueLength++] = i;
      } else if (deltaType === 3) {
        k.allowed[deltaEdge] = k.stamp;
        k.queue[k.queueLength++] = k.endpoint[2 * deltaEdge];
      } else {
        k.expandTBlossom(deltaBlossom);
      }
    }
  };

  /**
   * A phase with a start: grows the tree of its root along tight edges; when none is left,
   * moves the clock to the earliest event still valid (events are checked when they come up,
   * and put back if they came early). True when the root was matched (augmented to a free
   * vertex); false when the dual of an S-vertex reached 0 first: that vertex is made free,
   * with the even path to the root flipped (or it is the root, which stays free).
   */
  const growTree = (pairs: number): boolean => {
    for (;;) {
      while (k.queueLength > 0) {
        const v = k.queue[--k.queueLength];
        monitor.tick(pairs, k.adjStart[v + 1] - k.adjStart[v] + 1);
        if (k.scanVertex(v)) return true;
      }
      // The root's own event is always queued (S-vertices stay S), so events never run dry.
      for (;;) {
        if (k.events.peekTime() > k.clock) k.clock = k.events.peekTime();
        const item = k.events.pop();
        const id = item >> 2;
        const kind = item & 3;
        if (kind === VERTEX) {
          const y = k.dualOf(id);
          if (y > k.tolerance) k.events.push(k.clock + y, item);
          else {
            k.augmentFrom(id, -1);
            return false;
          }
        } else if (kind === BLOSSOM) {
          if (k.base[id] < 0 || k.parent[id] !== -1 || k.label[id] !== 2) continue;
          const z = k.dualOf(id);
          if (z > k.tolerance) k.events.push(k.clock + z, item);
          else {
            k.expandTBlossom(id);
            break;
          }
        } else {
          if (k.allowed[id] === k.stamp) continue;
          let i = k.endpoint[2 * id];
          let j = k.endpoint[2 * id + 1];
          if (k.label[k.topBlossom(i)] !== 1) {
            const t = i;
            i = j;
            j = t;
          }
          const bj = k.topBlossom(j);
          // Inside one blossom now, or to a T-vertex reached (its slack no longer moves).
          if (k.topBlossom(i) === bj || (k.label[bj] === 2 && k.label[j] !== 0)) continue;
          const e = k.slack(id);
          if (e > k.tolerance) k.events.push(k.clock + (k.label[bj] === 1 ? e / 2 : e), item);
          else {
            k.allowed[id] = k.stamp;
            if (k.follow(i, j, k.endpoint[2 * id] === j ? 2 * id : 2 * id + 1)) return true;
            break;
          }
        }
      }
    }
  };

  let pairs = 0;
  monitor.begin('augment', Math.floor(k.n / 2));
  if (start !== undefined) {
    k.dual.set(start.dual);
    for (let v = 0; v < k.n; v++) {
      const w = start.mate[v];
      if (w < 0) continue;
      for (let a = k.adjStart[v]; a < k.adjStart[v + 1]; a++) {
        if (k.adjTo[a] === w) k.mate[v] = k.adjP[a];
      }
      if (k.mate[v] === -1)
        throw new Error(`blossomMatching: start pairs ${v} and ${w}, not an edge`);
      if (v < w) pairs++;
    }
    // Each phase matches its root, or brings the dual of a free vertex to 0 for good, so one
    // pass over the vertices leaves every free vertex at 0: the matching is optimal.
    for (let r = 0; r < k.n; r++) {
      if (k.mate[r] !== -1 || k.dual[r] <= 0) continue;
      k.stamp++;
      k.treeVCount = k.treeBCount = 0;
      k.queueLength = 0;
      k.events.clear();
      k.clock = 0;
      k.assignLabel(r, 1, -1);
      if (growTree(pairs)) pairs++;
      // Settle every dual the phase moved, then reset what it labelled.
      for (let i = 0; i < k.treeVCount; i++) k.setRate(k.treeV[i], 0);
      for (let i = 0; i < k.treeBCount; i++) k.setRate(k.treeB[i], 0);
      k.expandSpentBlossoms(k.treeB, k.treeBCount);
      for (let i = 0; i < k.treeVCount; i++) k.label[k.treeV[i]] = 0;
      for (let i = 0; i < k.treeBCount; i++) if (k.base[k.treeB[i]] >= 0) k.label[k.treeB[i]] = 0;
    }
  } else {
    // Each stage forms one more pair (or ends the run); a substage's dual update scans O(n).
    for (let v = 0; v < k.n; v++) k.dual[v] = k.maxWeight;
    const blossomIds = new Int32Array(k.n);
    for (let b = 0; b < k.n; b++) blossomIds[b] = k.n + b;
    for (let stage = 0; stage < k.n; stage++) {
      k.label.fill(0);
      k.bestEdge.fill(-1);
      k.listStart.fill(-1, k.n);
      k.poolLength = 0;
      // Edges proven tight earlier may have lost that status when labels were dropped.
      k.stamp++;
      k.queueLength = 0;
      for (let v = 0; v < k.n; v++) {
        if (k.mate[v] === -1 && k.label[k.topBlossom(v)] === 0) k.assignLabel(v, 1, -1);
      }
      if (!growForest(pairs)) break;
      pairs++;
      k.expandSpentBlossoms(blossomIds, k.n);
    }
  }

  let total = 0;
  const partner = new Int32Array(k.n);
  const edge = new Int32Array(k.n);
  for (let v = 0; v < k.n; v++) {
    const p = k.mate[v];
    if (p < 0) {
      partner[v] = edge[v] = -1;
      continue;
    }
    const w = k.endpoint[p];
    partner[v] = w;
    edge[v] = p >> 1;
    if (v < w) total += weight[p >> 1];
  }
  monitor.end();
  return { mate: partner, total, edge, dual: k.dual, parent: k.parent, base: k.base };
}

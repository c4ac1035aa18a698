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
 * Differences from the reference, all for speed or stack safety, none in the algorithm:
 * - Everything lives in typed arrays allocated once per call; the adjacency is CSR.
 * - A blossom's children are a cyclic doubly-linked list threaded through `childNext` /
 *   `childPrev` (a sub-blossom has exactly one parent), so rotating a blossom to a new base
 *   is O(1) and no per-blossom arrays are allocated.
 * - The least-slack edge lists of S-blossoms share one pool that is emptied every stage
 *   (the lists only live for a stage).
 * - No recursion: blossom leaves, end-of-stage expansion and augmentation through nested
 *   blossoms use explicit stacks, so nesting depth ~n on 10⁵-node graphs cannot overflow.
 */
import { EventQueue } from './event-queue.js';
import type { RunMonitor } from './run-monitor.js';

/** Kinds of the events of a single-tree phase, in the low two bits of an event's item. */
const EDGE = 0;
const VERTEX = 1;
const BLOSSOM = 2;

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
 */
export function blossomMatching(
  n: number,
  edgeU: Int32Array,
  edgeV: Int32Array,
  weight: Float64Array,
  maxCardinality: boolean,
  monitor: RunMonitor,
  start?: MatchingStart,
): BlossomOutcome {
  const single = start !== undefined;
  if (single && maxCardinality)
    throw new Error('blossomMatching: a start needs plain maximum weight');
  const m = edgeU.length;
  const n2 = 2 * n;

  // endpoint[2k] and endpoint[2k+1] are the two ends of edge k; p ^ 1 is the other end.
  const endpoint = new Int32Array(2 * m);
  const weight2 = new Float64Array(m);
  let maxWeight = 0;
  for (let k = 0; k < m; k++) {
    endpoint[2 * k] = edgeU[k];
    endpoint[2 * k + 1] = edgeV[k];
    weight2[k] = 2 * weight[k];
    if (weight[k] > maxWeight) maxWeight = weight[k];
  }

  // CSR adjacency; per entry the remote endpoint p, the neighbour and 2w, side by side so
  // the scan loop (the hot loop: ~n³/4 visits on a complete graph) reads memory in order.
  const adjStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    adjStart[edgeU[k] + 1]++;
    adjStart[edgeV[k] + 1]++;
  }
  for (let v = 0; v < n; v++) adjStart[v + 1] += adjStart[v];
  const adjP = new Int32Array(2 * m);
  const adjTo = new Int32Array(2 * m);
  const adjW2 = new Float64Array(2 * m);
  {
    const fill = adjStart.slice(0, n);
    for (let k = 0; k < m; k++) {
      const i = edgeU[k];
      const j = edgeV[k];
      let a = fill[i]++;
      adjP[a] = 2 * k + 1;
      adjTo[a] = j;
      adjW2[a] = weight2[k];
      a = fill[j]++;
      adjP[a] = 2 * k;
      adjTo[a] = i;
      adjW2[a] = weight2[k];
    }
  }

  // mate[v] is the remote endpoint of v's matched edge (not the vertex) until the very end.
  const mate = new Int32Array(n).fill(-1);
  // 0 free, 1 S, 2 T; 5 marks a breadcrumb in scanBlossom; -1 for recycled blossom ids.
  const label = new Int8Array(n2);
  const labelEnd = new Int32Array(n2).fill(-1);
  const inBlossom = new Int32Array(n);
  for (let v = 0; v < n; v++) inBlossom[v] = v;
  const parent = new Int32Array(n2).fill(-1);
  const base = new Int32Array(n2).fill(-1);
  for (let v = 0; v < n; v++) base[v] = v;
  // Children of blossom b: the cycle firstChild[b] → childNext → … back to firstChild[b],
  // starting at the base child. childEndp[s] is the endpoint, inside s, of the edge joining
  // s to childNext[s] (van Rantwijk's blossomendps, attached to the child instead of an index).
  const firstChild = new Int32Array(n2).fill(-1);
  const childNext = new Int32Array(n2);
  const childPrev = new Int32Array(n2);
  const childEndp = new Int32Array(n2);
  const bestEdge = new Int32Array(n2).fill(-1);
  // slack(bestEdge[x]), kept current (refreshed after every dual update) because the scan
  // loop compares against it for almost every edge it visits.
  const bestSlack = new Float64Array(n2);
  // Least-slack edges from an S-blossom to each neighbouring S-blossom: a slice of `pool`.
  const listStart = new Int32Array(n2).fill(-1);
  const listLength = new Int32Array(n2);
  let pool = new Int32Array(Math.max(16, 4 * n));
  let poolLength = 0;
  const unused = new Int32Array(Math.max(n, 1));
  let unusedTop = 0;
  for (let b = n; b < n2; b++) unused[unusedTop++] = b;
  const dual = new Float64Array(n2);
  // Edge k is known tight in the current stage (or phase) when allowed[k] === stamp.
  const allowed = new Int32Array(m);
  let stamp = 1;

  // Workspaces. A vertex enters the queue at most once per stage as it turns S, plus at
  // most one extra entry per substage, pushed only when the queue is empty.
  const queue = new Int32Array(n + 2);
  let queueLength = 0;
  const stack = new Int32Array(n2 + 1);
  const leafBuffer = new Int32Array(n);
  const pathBuffer = new Int32Array(n2);
  const endpBuffer = new Int32Array(n2);
  const bestTo = new Int32Array(n2).fill(-1);
  const bestToSlack = new Float64Array(n2);
  const touched = new Int32Array(n2);
  const augmentB = new Int32Array(n2);
  const augmentV = new Int32Array(n2);

  // Single-tree phases keep the duals lazily: x's dual is dual[x] + rate[x]·(clock − since[x]),
  // rate −1 for an S-vertex, +1 for a T-vertex (a top-level S-blossom +1, T −1), 0 otherwise,
  // so moving every dual in the tree is one step of `clock`; each label change first settles
  // the dual at the current clock. The next dual move is the earliest event in `events` (an
  // edge turning tight, an S-vertex dual or a T-blossom z reaching 0). Without a start, rates
  // stay 0, the clock stays 0 and every stage updates the duals and scans for deltas over all.
  const rate = new Int8Array(n2);
  const since = new Float64Array(n2);
  let clock = 0;
  const events = new EventQueue();
  let scale = 0;
  for (let k = 0; k < m; k++) scale = Math.max(scale, Math.abs(weight2[k]));
  // Slacks recomputed at an event's time round a few ulps either side of 0: within this they
  // count as 0 (a matching that far from optimal weighs within n·tolerance of it).
  const tolerance = 1e-12 * scale;
  // What a phase touched, to settle and reset afterwards: vertices, and blossom ids; `seen`
  // and `blossomSeen` (per id − n) hold the stamp of the phase that listed them.
  const treeV = new Int32Array(single ? n : 0);
  const treeB = new Int32Array(single ? n : 0);
  let treeVCount = 0;
  let treeBCount = 0;
  const seen = new Int32Array(single ? n : 0);
  const blossomSeen = new Int32Array(single ? n : 0);

  const dualOf = (x: number): number => dual[x] + rate[x] * (clock - since[x]);
  /** Settles x's dual at the current clock and moves it at rate r from now on; lists x. */
  const setRate = (x: number, r: number): void => {
    dual[x] += rate[x] * (clock - since[x]);
    since[x] = clock;
    rate[x] = r;
    if (x < n) {
      if (seen[x] !== stamp) {
        seen[x] = stamp;
        treeV[treeVCount++] = x;
      }
    } else if (blossomSeen[x - n] !== stamp) {
      blossomSeen[x - n] = stamp;
      treeB[treeBCount++] = x;
    }
  };
  /**
   * Single-tree phases: top-level blossom b (or vertex) has just been labelled t. Its vertices
   * (given in out[from … to − 1]) and b itself start moving, and the events they may cause are
   * queued: each new S-vertex's dual reaching 0, a T-blossom's z reaching 0.
   */
  const startMoving = (b: number, t: number, out: Int32Array, from: number, to: number): void => {
    const r = t === 1 ? -1 : 1;
    for (let i = from; i < to; i++) {
      const x = out[i];
      setRate(x, r);
      if (t === 1) events.push(clock + dual[x], x * 4 + VERTEX);
    }
    if (b >= n) {
      setRate(b, -r);
      if (t === 2) events.push(clock + dual[b], b * 4 + BLOSSOM);
    }
  };

  /**
   * The top-level blossom of vertex x (x itself when in none). `inBlossom[x]` caches an
   * ancestor of x, climbed through `parent` and updated here, so nesting a large blossom into a
   * new one touches only the new blossom's children, not every vertex inside; the expansions
   * reset the cache of the vertices they release.
   */
  const top = (x: number): number => {
    let b = inBlossom[x];
    if (parent[b] === -1) return b;
    do b = parent[b];
    while (parent[b] !== -1);
    inBlossom[x] = b;
    return b;
  };

  const slack = (k: number): number =>
    dualOf(endpoint[2 * k]) + dualOf(endpoint[2 * k + 1]) - weight2[k];

  /** Writes the vertices of blossom b into out from index start, in child order; returns the new end. */
  const leaves = (b: number, out: Int32Array, start: number): number => {
    let end = start;
    if (b < n) {
      out[end++] = b;
      return end;
    }
    let top = 0;
    stack[top++] = b;
    while (top > 0) {
      const x = stack[--top];
      if (x < n) {
        out[end++] = x;
        continue;
      }
      // Push children last-to-first so they pop in cycle order, as the reference yields them.
      const first = firstChild[x];
      let c = childPrev[first];
      for (;;) {
        stack[top++] = c;
        if (c === first) break;
        c = childPrev[c];
      }
    }
    return end;
  };

  /** Labels the top-level blossom of w with S (1) or T (2), reached through remote endpoint p. */
  const assignLabel = (w: number, t: number, p: number): void => {
    let b = top(w);
    label[w] = label[b] = t;
    labelEnd[w] = labelEnd[b] = p;
    bestEdge[w] = bestEdge[b] = -1;
    if (t === 2) {
      if (single) startMoving(b, 2, leafBuffer, 0, leaves(b, leafBuffer, 0));
      // A T-blossom's base is matched; its mate's blossom becomes S.
      const mb = mate[base[b]];
      w = endpoint[mb];
      b = top(w);
      label[w] = label[b] = 1;
      labelEnd[w] = labelEnd[b] = mb ^ 1;
      bestEdge[w] = bestEdge[b] = -1;
    }
    const from = queueLength;
    queueLength = leaves(b, queue, queueLength);
    if (single) startMoving(b, 1, queue, from, queueLength);
  };

  /** Traces back from S-vertices v and w: the base of a new blossom, or -1 for an augmenting path. */
  const scanBlossom = (v: number, w: number): number => {
    let length = 0;
    let found = -1;
    while (v !== -1 || w !== -1) {
      let b = top(v);
      if (label[b] & 4) {
        found = base[b];
        break;
      }
      pathBuffer[length++] = b;
      label[b] = 5;
      if (labelEnd[b] === -1) {
        v = -1;
      } else {
        v = endpoint[labelEnd[b]];
        b = top(v);
        v = endpoint[labelEnd[b]];
      }
      if (w !== -1) {
        const swap = v;
        v = w;
        w = swap;
      }
    }
    for (let i = 0; i < length; i++) label[pathBuffer[i]] = 1;
    return found;
  };

  // State of the least-slack merge in addBlossom, hoisted so no closure is made per blossom.
  let newBlossom = -1;
  let touchedCount = 0;
  const consider = (k: number, other: number): void => {
    const bj = top(other);
    if (bj === newBlossom || label[bj] !== 1) return;
    const s = slack(k);
    if (bestTo[bj] === -1) {
      touched[touchedCount++] = bj;
      bestTo[bj] = k;
      bestToSlack[bj] = s;
    } else if (s < bestToSlack[bj]) {
      bestTo[bj] = k;
      bestToSlack[bj] = s;
    }
  };

  /** Makes the odd cycle closed by edge k (between two S-blossoms) into a new S-blossom. */
  const addBlossom = (baseVertex: number, k: number): void => {
    let v = endpoint[2 * k];
    let w = endpoint[2 * k + 1];
    const bb = top(baseVertex);
    let bv = top(v);
    let bw = top(w);
    const b = unused[--unusedTop];
    base[b] = baseVertex;
    parent[b] = -1;

    // Children in cycle order: bb, the v-side back towards v, then the w-side back to bb.
    let length = 0;
    while (bv !== bb) {
      pathBuffer[length] = bv;
      endpBuffer[length] = labelEnd[bv];
      length++;
      v = endpoint[labelEnd[bv]];
      bv = top(v);
    }
    pathBuffer[length++] = bb;
    for (let i = 0, j = length - 1; i < j; i++, j--) {
      const t = pathBuffer[i];
      pathBuffer[i] = pathBuffer[j];
      pathBuffer[j] = t;
    }
    for (let i = 0, j = length - 2; i < j; i++, j--) {
      const t = endpBuffer[i];
      endpBuffer[i] = endpBuffer[j];
      endpBuffer[j] = t;
    }
    endpBuffer[length - 1] = 2 * k;
    while (bw !== bb) {
      pathBuffer[length] = bw;
      endpBuffer[length] = labelEnd[bw] ^ 1;
      length++;
      w = endpoint[labelEnd[bw]];
      bw = top(w);
    }
    for (let i = 0; i < length; i++) {
      const c = pathBuffer[i];
      childNext[c] = pathBuffer[i + 1 === length ? 0 : i + 1];
      childPrev[c] = pathBuffer[i === 0 ? length - 1 : i - 1];
      childEndp[c] = endpBuffer[i];
      // Only now: until the cycle is complete, top() must still find the children.
      parent[c] = b;
    }
    firstChild[b] = bb;

    label[b] = 1;
    labelEnd[b] = labelEnd[bb];
    dual[b] = 0;
    if (single) {
      setRate(b, 1);
      // The children's z stop moving: they are no longer top-level.
      for (let i = 0; i < length; i++) if (pathBuffer[i] >= n) setRate(pathBuffer[i], 0);
    }

    // Former T-vertices are S now and must be scanned (S children were scanned already).
    for (let i = 0; i < length; i++) {
      const child = pathBuffer[i];
      if (label[child] !== 2) continue;
      const leafCount = leaves(child, leafBuffer, 0);
      for (let j = 0; j < leafCount; j++) {
        const x = leafBuffer[j];
        queue[queueLength++] = x;
        if (single) {
          setRate(x, -1);
          events.push(clock + dual[x], x * 4 + VERTEX);
        }
      }
    }
    // Single-tree phases find S–S edges through their events, not through these lists.
    if (single) return;

    // Least-slack edge from b to every other S-blossom, merged from the children's lists
    // (or, for a child without one, from its vertices' edges).
    newBlossom = b;
    touchedCount = 0;
    for (let i = 0; i < length; i++) {
      const child = pathBuffer[i];
      if (listStart[child] === -1) {
        const count = leaves(child, leafBuffer, 0);
        for (let c = 0; c < count; c++) {
          const x = leafBuffer[c];
          for (let a = adjStart[x], end = adjStart[x + 1]; a < end; a++) {
            consider(adjP[a] >> 1, adjTo[a]);
          }
        }
      } else {
        for (let a = listStart[child], end = a + listLength[child]; a < end; a++) {
          const e = pool[a];
          const i0 = endpoint[2 * e];
          consider(e, top(i0) === b ? endpoint[2 * e + 1] : i0);
        }
      }
      listStart[child] = -1;
      bestEdge[child] = -1;
    }
    if (poolLength + touchedCount > pool.length) {
      const grown = new Int32Array(Math.max(2 * pool.length, poolLength + touchedCount));
      grown.set(pool.subarray(0, poolLength));
      pool = grown;
    }
    listStart[b] = poolLength;
    listLength[b] = touchedCount;
    let best = -1;
    let leastSlack = 0;
    for (let i = 0; i < touchedCount; i++) {
      const bj = touched[i];
      const e = bestTo[bj];
      pool[poolLength++] = e;
      if (best === -1 || bestToSlack[bj] < leastSlack) {
        best = e;
        leastSlack = bestToSlack[bj];
      }
      bestTo[bj] = -1;
    }
    bestEdge[b] = best;
    bestSlack[b] = leastSlack;
  };

  const recycle = (b: number): void => {
    label[b] = -1;
    labelEnd[b] = -1;
    firstChild[b] = -1;
    base[b] = -1;
    listStart[b] = -1;
    bestEdge[b] = -1;
    unused[unusedTop++] = b;
  };

  /** Ends a stage: dissolves top-level S-blossom b0 and, recursively, children whose z is 0. */
  const expandAtEndOfStage = (b0: number): void => {
    let top = 0;
    augmentB[top++] = b0;
    while (top > 0) {
      const b = augmentB[--top];
      const first = firstChild[b];
      let s = first;
      do {
        parent[s] = -1;
        if (s < n) inBlossom[s] = s;
        else if (dual[s] === 0) augmentB[top++] = s;
        else {
          const count = leaves(s, leafBuffer, 0);
          for (let i = 0; i < count; i++) inBlossom[leafBuffer[i]] = s;
        }
        s = childNext[s];
      } while (s !== first);
      recycle(b);
    }
  };

  /** Dissolves top-level T-blossom b whose z reached 0 (delta4), relabelling its children. */
  const expandTBlossom = (b: number): void => {
    // Single-tree phases: everything inside stops moving until relabelled below.
    if (single) setRate(b, 0);
    const first = firstChild[b];
    let s = first;
    do {
      parent[s] = -1;
      if (s < n) {
        inBlossom[s] = s;
        if (single) setRate(s, 0);
      } else {
        const count = leaves(s, leafBuffer, 0);
        for (let i = 0; i < count; i++) {
          inBlossom[leafBuffer[i]] = s;
          if (single) setRate(leafBuffer[i], 0);
        }
      }
      s = childNext[s];
    } while (s !== first);

    // Relabel from the child through which b got its T label to the base, going the way
    // round the cycle that gives an even-length alternating path.
    const entryChild = top(endpoint[labelEnd[b] ^ 1]);
    let index = 0;
    for (let c = first; c !== entryChild; c = childNext[c]) index++;
    const forward = (index & 1) === 1;
    // Endpoint, inside child c, of the edge from c to the next child in the walking direction.
    const exitEndp = (c: number): number => (forward ? childEndp[c] : childEndp[childPrev[c]] ^ 1);
    const step = (c: number): number => (forward ? childNext[c] : childPrev[c]);

    let p = labelEnd[b];
    let cur = entryChild;
    while (cur !== first) {
      const q = exitEndp(cur);
      label[endpoint[p ^ 1]] = 0;
      label[endpoint[q ^ 1]] = 0;
      assignLabel(endpoint[p ^ 1], 2, p);
      allowed[q >> 1] = stamp;
      cur = step(cur);
      p = exitEndp(cur);
      allowed[p >> 1] = stamp;
      cur = step(cur);
    }
    // The base child becomes T without passing the label on to its mate (already S).
    label[endpoint[p ^ 1]] = label[cur] = 2;
    labelEnd[endpoint[p ^ 1]] = labelEnd[cur] = p;
    bestEdge[cur] = -1;
    if (single) startMoving(cur, 2, leafBuffer, 0, leaves(cur, leafBuffer, 0));
    cur = step(cur);
    while (cur !== entryChild) {
      // Children off the path stay in the tree only if a vertex in them was reached from an
      // S-vertex outside b while b was T (label[v] = 2 marks that).
      if (label[cur] !== 1) {
        const count = leaves(cur, leafBuffer, 0);
        let reached = -1;
        for (let i = 0; i < count; i++) {
          if (label[leafBuffer[i]] !== 0) {
            reached = leafBuffer[i];
            break;
          }
        }
        if (reached !== -1) {
          label[reached] = 0;
          label[endpoint[mate[base[cur]]]] = 0;
          assignLabel(reached, 2, labelEnd[reached]);
        }
      }
      cur = step(cur);
    }
    recycle(b);
  };

  /**
   * Flips matched and unmatched edges along the even path from vertex v to the base of
   * blossom b, making v the base. Nested blossoms on the path are queued on an explicit
   * stack: each touches disjoint vertices, so the order they are handled in does not matter.
   */
  const augmentBlossom = (b0: number, v0: number): void => {
    let top = 0;
    augmentB[top] = b0;
    augmentV[top++] = v0;
    while (top > 0) {
      top--;
      const b = augmentB[top];
      const v = augmentV[top];
      let t = v;
      while (parent[t] !== b) t = parent[t];
      if (t >= n) {
        augmentB[top] = t;
        augmentV[top++] = v;
      }
      const first = firstChild[b];
      let index = 0;
      for (let c = first; c !== t; c = childNext[c]) index++;
      const forward = (index & 1) === 1;
      let cur = t;
      while (cur !== first) {
        cur = forward ? childNext[cur] : childPrev[cur];
        const p = forward ? childEndp[cur] : childEndp[childPrev[cur]] ^ 1;
        if (cur >= n) {
          augmentB[top] = cur;
          augmentV[top++] = endpoint[p];
        }
        cur = forward ? childNext[cur] : childPrev[cur];
        if (cur >= n) {
          augmentB[top] = cur;
          augmentV[top++] = endpoint[p ^ 1];
        }
        mate[endpoint[p]] = p ^ 1;
        mate[endpoint[p ^ 1]] = p;
      }
      firstChild[b] = t;
      base[b] = v;
    }
  };

  /**
   * Matches S-vertex s0 through remote endpoint p0 (-1: leaves it free) and flips the
   * alternating path from its blossom up to the root of its tree.
   */
  const augmentFrom = (s0: number, p0: number): void => {
    let s = s0;
    let p = p0;
    for (;;) {
      const bs = top(s);
      if (bs >= n) augmentBlossom(bs, s);
      mate[s] = p;
      if (labelEnd[bs] === -1) break;
      const t = endpoint[labelEnd[bs]];
      const bt = top(t);
      s = endpoint[labelEnd[bt]];
      const j = endpoint[labelEnd[bt] ^ 1];
      if (bt >= n) augmentBlossom(bt, j);
      mate[j] = labelEnd[bt];
      p = labelEnd[bt] ^ 1;
    }
  };

  /** Augments along the path through edge k, which joins two S-vertices in different trees. */
  const augmentMatching = (k: number): void => {
    augmentFrom(endpoint[2 * k], 2 * k + 1);
    augmentFrom(endpoint[2 * k + 1], 2 * k);
  };

  /**
   * Follows the tight edge from S-vertex v to w (w's endpoint p): labels w's blossom T (its
   * mate's S), makes a blossom, augments (true), or, for w inside a T-blossom, remembers that
   * w is reachable for the blossom's expansion.
   */
  const follow = (v: number, w: number, p: number): boolean => {
    const bw = top(w);
    const lw = label[bw];
    if (lw === 0) {
      if (mate[base[bw]] === -1) {
        // A free vertex outside the tree (single-tree phases only): augment to it.
        labelEnd[bw] = -1;
        augmentMatching(p >> 1);
        return true;
      }
      assignLabel(w, 2, p ^ 1);
    } else if (lw === 1) {
      const found = scanBlossom(v, w);
      if (found < 0) {
        augmentMatching(p >> 1);
        return true;
      }
      addBlossom(found, p >> 1);
    } else if (label[w] === 0) {
      label[w] = 2;
      labelEnd[w] = p ^ 1;
    }
    return false;
  };

  /**
   * Scans the edges of S-vertex v: follows tight ones (labelling, making blossoms, or
   * augmenting) and records the least-slack others for delta2/delta3. True when it augmented.
   * Kept as its own function: this is the hot loop and V8 optimises it better alone.
   */
  const scanVertex = (v: number): boolean => {
    // Local aliases: V8 keeps these in registers instead of reloading closure slots per edge.
    const to = adjTo;
    const remote = adjP;
    const w2 = adjW2;
    const inB = inBlossom;
    const par = parent;
    const lab = label;
    const y = dual;
    const allow = allowed;
    const now = stamp;
    const best = bestEdge;
    const bestS = bestSlack;
    const rt = rate;
    const sn = since;
    const clk = clock;
    const yv = dualOf(v);
    // bv and its least-slack edge live in locals; they are written back before any call that
    // may read them or move v into a new blossom, and reloaded after.
    let bv = top(v);
    let bvBest = best[bv];
    let bvSlack = bestS[bv];
    for (let a = adjStart[v], end = adjStart[v + 1]; a < end; a++) {
      const w = to[a];
      let bw = inB[w];
      if (par[bw] !== -1) bw = top(w);
      if (bv === bw) continue;
      const p = remote[a];
      const k = p >> 1;
      let kSlack = 0;
      let tight = allow[k] === now;
      if (!tight) {
        kSlack = yv + y[w] + rt[w] * (clk - sn[w]) - w2[a];
        if (kSlack <= 0) {
          allow[k] = now;
          tight = true;
        }
      }
      if (tight) {
        // T-vertices already reached: nothing to follow.
        if (lab[bw] === 2 && lab[w] !== 0) continue;
        best[bv] = bvBest;
        bestS[bv] = bvSlack;
        if (follow(v, w, p)) return true;
        bv = top(v);
        bvBest = best[bv];
        bvSlack = bestS[bv];
      } else if (lab[bw] === 1) {
        // Another S-blossom: the slack falls twice as fast as the clock runs.
        if (single) events.push(clk + kSlack / 2, k * 4 + EDGE);
        else if (bvBest === -1 || kSlack < bvSlack) {
          bvBest = k;
          bvSlack = kSlack;
        }
      } else if (lab[w] === 0) {
        // Outside the tree (or not yet reached inside a T-blossom, where the event comes early
        // and is put back when it is due).
        if (single) events.push(clk + kSlack, k * 4 + EDGE);
        else if (best[w] === -1 || kSlack < bestS[w]) {
          best[w] = k;
          bestS[w] = kSlack;
        }
      }
    }
    best[bv] = bvBest;
    bestS[bv] = bvSlack;
    return false;
  };

  /**
   * A stage without a start: grows the alternating forest from every free vertex along tight
   * edges, moving all duals by the largest feasible delta whenever no tight edge is left.
   * True when it augmented; false when no augmentation is possible: the run is over.
   */
  const growForest = (pairs: number): boolean => {
    for (;;) {
      // Substage: grow the alternating forest along tight edges.
      while (queueLength > 0) {
        if (scanVertex(queue[--queueLength])) return true;
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
        if (e !== -1 && label[top(v)] === 0) {
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
        const l = label[top(v)];
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
        if (e !== -1) bestSlack[x] = slack(e);
      }

      if (deltaType === 1) return false;
      if (deltaType === 2) {
        allowed[deltaEdge] = stamp;
        let i = endpoint[2 * deltaEdge];
        if (label[top(i)] === 0) i = endpoint[2 * deltaEdge + 1];
        queue[queueLength++] = i;
      } else if (deltaType === 3) {
        allowed[deltaEdge] = stamp;
        queue[queueLength++] = endpoint[2 * deltaEdge];
      } else {
        expandTBlossom(deltaBlossom);
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
      while (queueLength > 0) {
        const v = queue[--queueLength];
        monitor.tick(pairs, adjStart[v + 1] - adjStart[v] + 1);
        if (scanVertex(v)) return true;
      }
      // The root's own event is always queued (S-vertices stay S), so events never run dry.
      for (;;) {
        if (events.peekTime() > clock) clock = events.peekTime();
        const item = events.pop();
        const id = item >> 2;
        const kind = item & 3;
        if (kind === VERTEX) {
          const y = dualOf(id);
          if (y > tolerance) events.push(clock + y, item);
          else {
            augmentFrom(id, -1);
            return false;
          }
        } else if (kind === BLOSSOM) {
          if (base[id] < 0 || parent[id] !== -1 || label[id] !== 2) continue;
          const z = dualOf(id);
          if (z > tolerance) events.push(clock + z, item);
          else {
            expandTBlossom(id);
            break;
          }
        } else {
          if (allowed[id] === stamp) continue;
          let i = endpoint[2 * id];
          let j = endpoint[2 * id + 1];
          if (label[top(i)] !== 1) {
            const t = i;
            i = j;
            j = t;
          }
          const bj = top(j);
          // Inside one blossom now, or to a T-vertex reached (its slack no longer moves).
          if (top(i) === bj || (label[bj] === 2 && label[j] !== 0)) continue;
          const e = slack(id);
          if (e > tolerance) events.push(clock + (label[bj] === 1 ? e / 2 : e), item);
          else {
            allowed[id] = stamp;
            if (follow(i, j, endpoint[2 * id] === j ? 2 * id : 2 * id + 1)) return true;
            break;
          }
        }
      }
    }
  };

  /** Dissolves the top-level S-blossoms whose z is 0 among `ids[0 … count − 1]`. */
  const expandSpentBlossoms = (ids: Int32Array, count: number): void => {
    for (let i = 0; i < count; i++) {
      const b = ids[i];
      if (parent[b] === -1 && base[b] >= 0 && label[b] === 1 && dual[b] === 0) {
        expandAtEndOfStage(b);
      }
    }
  };

  let pairs = 0;
  monitor.begin('augment', Math.floor(n / 2));
  if (single) {
    dual.set(start.dual);
    for (let v = 0; v < n; v++) {
      const w = start.mate[v];
      if (w < 0) continue;
      for (let a = adjStart[v]; a < adjStart[v + 1]; a++) {
        if (adjTo[a] === w) mate[v] = adjP[a];
      }
      if (mate[v] === -1)
        throw new Error(`blossomMatching: start pairs ${v} and ${w}, not an edge`);
      if (v < w) pairs++;
    }
    // Each phase matches its root, or brings the dual of a free vertex to 0 for good, so one
    // pass over the vertices leaves every free vertex at 0: the matching is optimal.
    for (let r = 0; r < n; r++) {
      if (mate[r] !== -1 || dual[r] <= 0) continue;
      stamp++;
      treeVCount = treeBCount = 0;
      queueLength = 0;
      events.clear();
      clock = 0;
      assignLabel(r, 1, -1);
      if (growTree(pairs)) pairs++;
      // Settle every dual the phase moved, then reset what it labelled.
      for (let i = 0; i < treeVCount; i++) setRate(treeV[i], 0);
      for (let i = 0; i < treeBCount; i++) setRate(treeB[i], 0);
      expandSpentBlossoms(treeB, treeBCount);
      for (let i = 0; i < treeVCount; i++) label[treeV[i]] = 0;
      for (let i = 0; i < treeBCount; i++) if (base[treeB[i]] >= 0) label[treeB[i]] = 0;
    }
  } else {
    // Each stage forms one more pair (or ends the run); a substage's dual update scans O(n).
    for (let v = 0; v < n; v++) dual[v] = maxWeight;
    const blossomIds = new Int32Array(n);
    for (let b = 0; b < n; b++) blossomIds[b] = n + b;
    for (let stage = 0; stage < n; stage++) {
      label.fill(0);
      bestEdge.fill(-1);
      listStart.fill(-1, n);
      poolLength = 0;
      // Edges proven tight earlier may have lost that status when labels were dropped.
      stamp++;
      queueLength = 0;
      for (let v = 0; v < n; v++) {
        if (mate[v] === -1 && label[top(v)] === 0) assignLabel(v, 1, -1);
      }
      if (!growForest(pairs)) break;
      pairs++;
      expandSpentBlossoms(blossomIds, n);
    }
  }

  let total = 0;
  const partner = new Int32Array(n);
  const edge = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const p = mate[v];
    if (p < 0) {
      partner[v] = edge[v] = -1;
      continue;
    }
    const w = endpoint[p];
    partner[v] = w;
    edge[v] = p >> 1;
    if (v < w) total += weight[p >> 1];
  }
  monitor.end();
  return { mate: partner, total, edge, dual, parent, base };
}

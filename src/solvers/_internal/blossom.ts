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
import type { RunMonitor } from './run-monitor.js';

/** What the kernel hands back; the public wrapper turns it into the API's result. */
export interface BlossomOutcome {
  /** Partner vertex of each vertex, or -1. */
  readonly mate: Int32Array;
  /** Sum of the weights of matched edges. */
  readonly total: number;
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
 */
export function blossomMatching(
  n: number,
  edgeU: Int32Array,
  edgeV: Int32Array,
  weight: Float64Array,
  maxCardinality: boolean,
  monitor: RunMonitor,
): BlossomOutcome {
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
  for (let v = 0; v < n; v++) dual[v] = maxWeight;
  const allowed = new Uint8Array(m);

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

  const slack = (k: number): number =>
    dual[endpoint[2 * k]] + dual[endpoint[2 * k + 1]] - weight2[k];

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
    let b = inBlossom[w];
    label[w] = label[b] = t;
    labelEnd[w] = labelEnd[b] = p;
    bestEdge[w] = bestEdge[b] = -1;
    if (t === 2) {
      // A T-blossom's base is matched; its mate's blossom becomes S.
      const mb = mate[base[b]];
      w = endpoint[mb];
      b = inBlossom[w];
      label[w] = label[b] = 1;
      labelEnd[w] = labelEnd[b] = mb ^ 1;
      bestEdge[w] = bestEdge[b] = -1;
    }
    queueLength = leaves(b, queue, queueLength);
  };

  /** Traces back from S-vertices v and w: the base of a new blossom, or -1 for an augmenting path. */
  const scanBlossom = (v: number, w: number): number => {
    let length = 0;
    let found = -1;
    while (v !== -1 || w !== -1) {
      let b = inBlossom[v];
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
        b = inBlossom[v];
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
    const bj = inBlossom[other];
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
    const bb = inBlossom[baseVertex];
    let bv = inBlossom[v];
    let bw = inBlossom[w];
    const b = unused[--unusedTop];
    base[b] = baseVertex;
    parent[b] = -1;
    parent[bb] = b;

    // Children in cycle order: bb, the v-side back towards v, then the w-side back to bb.
    let length = 0;
    while (bv !== bb) {
      parent[bv] = b;
      pathBuffer[length] = bv;
      endpBuffer[length] = labelEnd[bv];
      length++;
      v = endpoint[labelEnd[bv]];
      bv = inBlossom[v];
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
      parent[bw] = b;
      pathBuffer[length] = bw;
      endpBuffer[length] = labelEnd[bw] ^ 1;
      length++;
      w = endpoint[labelEnd[bw]];
      bw = inBlossom[w];
    }
    for (let i = 0; i < length; i++) {
      const c = pathBuffer[i];
      childNext[c] = pathBuffer[i + 1 === length ? 0 : i + 1];
      childPrev[c] = pathBuffer[i === 0 ? length - 1 : i - 1];
      childEndp[c] = endpBuffer[i];
    }
    firstChild[b] = bb;

    label[b] = 1;
    labelEnd[b] = labelEnd[bb];
    dual[b] = 0;

    const leafCount = leaves(b, leafBuffer, 0);
    for (let i = 0; i < leafCount; i++) {
      const x = leafBuffer[i];
      // Former T-vertices are S now and must be scanned.
      if (label[inBlossom[x]] === 2) queue[queueLength++] = x;
      inBlossom[x] = b;
    }

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
          consider(e, inBlossom[i0] === b ? endpoint[2 * e + 1] : i0);
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
    const first = firstChild[b];
    let s = first;
    do {
      parent[s] = -1;
      if (s < n) inBlossom[s] = s;
      else {
        const count = leaves(s, leafBuffer, 0);
        for (let i = 0; i < count; i++) inBlossom[leafBuffer[i]] = s;
      }
      s = childNext[s];
    } while (s !== first);

    // Relabel from the child through which b got its T label to the base, going the way
    // round the cycle that gives an even-length alternating path.
    const entryChild = inBlossom[endpoint[labelEnd[b] ^ 1]];
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
      allowed[q >> 1] = 1;
      cur = step(cur);
      p = exitEndp(cur);
      allowed[p >> 1] = 1;
      cur = step(cur);
    }
    // The base child becomes T without passing the label on to its mate (already S).
    label[endpoint[p ^ 1]] = label[cur] = 2;
    labelEnd[endpoint[p ^ 1]] = labelEnd[cur] = p;
    bestEdge[cur] = -1;
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

  /** Augments along the path through edge k, which joins two S-vertices in different trees. */
  const augmentMatching = (k: number): void => {
    for (let side = 0; side < 2; side++) {
      let s = endpoint[2 * k + side];
      let p = 2 * k + 1 - side;
      for (;;) {
        const bs = inBlossom[s];
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break;
        const t = endpoint[labelEnd[bs]];
        const bt = inBlossom[t];
        s = endpoint[labelEnd[bt]];
        const j = endpoint[labelEnd[bt] ^ 1];
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt];
        p = labelEnd[bt] ^ 1;
      }
    }
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
    const lab = label;
    const y = dual;
    const allow = allowed;
    const best = bestEdge;
    const bestS = bestSlack;
    const yv = y[v];
    // bv and its least-slack edge live in locals; they are written back before any call that
    // may read them or move v into a new blossom, and reloaded after.
    let bv = inB[v];
    let bvBest = best[bv];
    let bvSlack = bestS[bv];
    for (let a = adjStart[v], end = adjStart[v + 1]; a < end; a++) {
      const w = to[a];
      const bw = inB[w];
      if (bv === bw) continue;
      const p = remote[a];
      const k = p >> 1;
      let kSlack = 0;
      let tight = allow[k] !== 0;
      if (!tight) {
        kSlack = yv + y[w] - w2[a];
        if (kSlack <= 0) {
          allow[k] = 1;
          tight = true;
        }
      }
      if (tight) {
        const lw = lab[bw];
        if (lw === 0) {
          best[bv] = bvBest;
          bestS[bv] = bvSlack;
          assignLabel(w, 2, p ^ 1);
        } else if (lw === 1) {
          best[bv] = bvBest;
          bestS[bv] = bvSlack;
          const found = scanBlossom(v, w);
          if (found < 0) {
            augmentMatching(k);
            return true;
          }
          addBlossom(found, k);
          bv = inB[v];
        } else if (lab[w] === 0) {
          // w is inside a T-blossom and now reachable: remembered for its expansion.
          lab[w] = 2;
          labelEnd[w] = p ^ 1;
          continue;
        } else {
          continue;
        }
        bvBest = best[bv];
        bvSlack = bestS[bv];
      } else if (lab[bw] === 1) {
        if (bvBest === -1 || kSlack < bvSlack) {
          bvBest = k;
          bvSlack = kSlack;
        }
      } else if (lab[w] === 0) {
        if (best[w] === -1 || kSlack < bestS[w]) {
          best[w] = k;
          bestS[w] = kSlack;
        }
      }
    }
    best[bv] = bvBest;
    bestS[bv] = bvSlack;
    return false;
  };

  // Each stage forms one more pair (or ends the run); a substage's dual update scans O(n).
  monitor.begin('augment', Math.floor(n / 2));
  for (let stage = 0; stage < n; stage++) {
    monitor.tick(stage, n + m);
    label.fill(0);
    bestEdge.fill(-1);
    listStart.fill(-1, n);
    poolLength = 0;
    // Edges proven tight earlier may have lost that status when labels were dropped.
    allowed.fill(0);
    queueLength = 0;
    for (let v = 0; v < n; v++) {
      if (mate[v] === -1 && label[inBlossom[v]] === 0) assignLabel(v, 1, -1);
    }

    let augmented = false;
    for (;;) {
      // Substage: grow the alternating forest along tight edges.
      while (queueLength > 0 && !augmented) {
        augmented = scanVertex(queue[--queueLength]);
      }
      if (augmented) break;
      monitor.tick(stage, n);

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
        if (e !== -1 && label[inBlossom[v]] === 0) {
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
        const l = label[inBlossom[v]];
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

      if (deltaType === 1) break;
      if (deltaType === 2) {
        allowed[deltaEdge] = 1;
        let i = endpoint[2 * deltaEdge];
        if (label[inBlossom[i]] === 0) i = endpoint[2 * deltaEdge + 1];
        queue[queueLength++] = i;
      } else if (deltaType === 3) {
        allowed[deltaEdge] = 1;
        queue[queueLength++] = endpoint[2 * deltaEdge];
      } else {
        expandTBlossom(deltaBlossom);
      }
    }

    if (!augmented) break;
    for (let b = n; b < n2; b++) {
      if (parent[b] === -1 && base[b] >= 0 && label[b] === 1 && dual[b] === 0) {
        expandAtEndOfStage(b);
      }
    }
  }

  let total = 0;
  const partner = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const p = mate[v];
    if (p < 0) {
      partner[v] = -1;
      continue;
    }
    const w = endpoint[p];
    partner[v] = w;
    if (v < w) total += weight[p >> 1];
  }
  monitor.end();
  return { mate: partner, total, dual, parent, base };
}

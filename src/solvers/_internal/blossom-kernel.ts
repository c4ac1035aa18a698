/**
 * The structural steps of the blossom algorithm (see `blossom.ts` for the drivers and the
 * references, `blossom-state.ts` for the state): labels, alternating trees, making and
 * dissolving blossoms, augmenting, and the scan of a vertex's edges. Nested blossoms are
 * walked with explicit stacks, never recursion.
 *
 * Differences from the reference (van Rantwijk's `mwmatching.py`), all for speed or stack
 * safety, none in the algorithm:
 * - The adjacency is CSR, the remote endpoint, neighbour and doubled weight side by side.
 * - A blossom's children are a cyclic doubly-linked list threaded through `childNext` /
 *   `childPrev` (a sub-blossom has exactly one parent), so rotating a blossom to a new base
 *   is O(1) and no per-blossom arrays are allocated.
 * - The least-slack edge lists of S-blossoms share one pool that is emptied every stage.
 * - A vertex's top-level blossom is found from a cached ancestor (`topBlossom`); dissolving a
 *   blossom marks its id dead instead of resetting the caches of every vertex inside.
 * - For single-tree phases, duals move lazily with a clock and the next event comes from a
 *   heap; the children of a dissolved T-blossom that stay T keep their vertices' rates. With
 *   both, a deep nest of T-blossoms (a maximum-cardinality phase on a large graph dissolved
 *   8,373 of them, down to 49,000 vertices) costs its children, not its vertices at each level.
 */
import { BlossomState, DEAD, EDGE, VERTEX } from './blossom-state.js';

/** The steps of the blossom algorithm that change its state. */
export class BlossomKernel extends BlossomState {
  /**
   * Labels the top-level blossom of w with S (1) or T (2), reached through remote endpoint p.
   * `moving`: w's blossom was just released from a T-blossom, so in single-tree phases its
   * vertices already move as T-vertices and a T label need not touch them.
   */
  assignLabel(w: number, t: number, p: number, moving = false): void {
    let b = this.topBlossom(w);
    this.label[w] = this.label[b] = t;
    this.labelEnd[w] = this.labelEnd[b] = p;
    this.bestEdge[w] = this.bestEdge[b] = -1;
    if (t === 2) {
      if (this.single) {
        const count = moving ? 0 : this.leaves(b, this.leafBuffer, 0);
        this.startMoving(b, 2, this.leafBuffer, 0, count);
      }
      // A T-blossom's base is matched; its mate's blossom becomes S.
      const mb = this.mate[this.base[b]];
      w = this.endpoint[mb];
      b = this.topBlossom(w);
      this.label[w] = this.label[b] = 1;
      this.labelEnd[w] = this.labelEnd[b] = mb ^ 1;
      this.bestEdge[w] = this.bestEdge[b] = -1;
    }
    const from = this.queueLength;
    this.queueLength = this.leaves(b, this.queue, this.queueLength);
    if (this.single) this.startMoving(b, 1, this.queue, from, this.queueLength);
  }

  /** Traces back from S-vertices v and w: the base of a new blossom, or -1 for an augmenting path. */
  scanBlossom(v: number, w: number): number {
    let length = 0;
    let found = -1;
    while (v !== -1 || w !== -1) {
      let b = this.topBlossom(v);
      if (this.label[b] & 4) {
        found = this.base[b];
        break;
      }
      this.pathBuffer[length++] = b;
      this.label[b] = 5;
      if (this.labelEnd[b] === -1) {
        v = -1;
      } else {
        v = this.endpoint[this.labelEnd[b]];
        b = this.topBlossom(v);
        v = this.endpoint[this.labelEnd[b]];
      }
      if (w !== -1) {
        const swap = v;
        v = w;
        w = swap;
      }
    }
    for (let i = 0; i < length; i++) this.label[this.pathBuffer[i]] = 1;
    return found;
  }

  // State of the least-slack merge in addBlossom, hoisted so no closure is made per blossom.
  consider(k: number, other: number): void {
    const bj = this.topBlossom(other);
    if (bj === this.newBlossom || this.label[bj] !== 1) return;
    const s = this.slack(k);
    if (this.bestTo[bj] === -1) {
      this.touched[this.touchedCount++] = bj;
      this.bestTo[bj] = k;
      this.bestToSlack[bj] = s;
    } else if (s < this.bestToSlack[bj]) {
      this.bestTo[bj] = k;
      this.bestToSlack[bj] = s;
    }
  }

  /** Makes the odd cycle closed by edge k (between two S-blossoms) into a new S-blossom. */
  addBlossom(baseVertex: number, k: number): void {
    let v = this.endpoint[2 * k];
    let w = this.endpoint[2 * k + 1];
    const bb = this.topBlossom(baseVertex);
    let bv = this.topBlossom(v);
    let bw = this.topBlossom(w);
    const b = this.unused[--this.unusedTop];
    this.base[b] = baseVertex;
    this.parent[b] = -1;

    // Children in cycle order: bb, the v-side back towards v, then the w-side back to bb.
    let length = 0;
    while (bv !== bb) {
      this.pathBuffer[length] = bv;
      this.endpBuffer[length] = this.labelEnd[bv];
      length++;
      v = this.endpoint[this.labelEnd[bv]];
      bv = this.topBlossom(v);
    }
    this.pathBuffer[length++] = bb;
    for (let i = 0, j = length - 1; i < j; i++, j--) {
      const t = this.pathBuffer[i];
      this.pathBuffer[i] = this.pathBuffer[j];
      this.pathBuffer[j] = t;
    }
    for (let i = 0, j = length - 2; i < j; i++, j--) {
      const t = this.endpBuffer[i];
      this.endpBuffer[i] = this.endpBuffer[j];
      this.endpBuffer[j] = t;
    }
    this.endpBuffer[length - 1] = 2 * k;
    while (bw !== bb) {
      this.pathBuffer[length] = bw;
      this.endpBuffer[length] = this.labelEnd[bw] ^ 1;
      length++;
      w = this.endpoint[this.labelEnd[bw]];
      bw = this.topBlossom(w);
    }
    for (let i = 0; i < length; i++) {
      const c = this.pathBuffer[i];
      this.childNext[c] = this.pathBuffer[i + 1 === length ? 0 : i + 1];
      this.childPrev[c] = this.pathBuffer[i === 0 ? length - 1 : i - 1];
      this.childEndp[c] = this.endpBuffer[i];
      // Only now: until the cycle is complete, topBlossom() must still find the children.
      this.parent[c] = b;
    }
    this.firstChild[b] = bb;

    this.label[b] = 1;
    this.labelEnd[b] = this.labelEnd[bb];
    this.dual[b] = 0;
    if (this.single) {
      this.setRate(b, 1);
      // The children's z stop moving: they are no longer top-level.
      for (let i = 0; i < length; i++)
        if (this.pathBuffer[i] >= this.n) this.setRate(this.pathBuffer[i], 0);
    }

    // Former T-vertices are S now and must be scanned (S children were scanned already).
    for (let i = 0; i < length; i++) {
      const child = this.pathBuffer[i];
      if (this.label[child] !== 2) continue;
      const leafCount = this.leaves(child, this.leafBuffer, 0);
      for (let j = 0; j < leafCount; j++) {
        const x = this.leafBuffer[j];
        this.queue[this.queueLength++] = x;
        if (this.single) {
          this.setRate(x, -1);
          this.events.push(this.clock + this.dual[x], x * 4 + VERTEX);
        }
      }
    }
    // Single-tree phases find S–S edges through their events, not through these lists.
    if (this.single) return;

    // Least-slack edge from b to every other S-blossom, merged from the children's lists
    // (or, for a child without one, from its vertices' edges).
    this.newBlossom = b;
    this.touchedCount = 0;
    for (let i = 0; i < length; i++) {
      const child = this.pathBuffer[i];
      if (this.listStart[child] === -1) {
        const count = this.leaves(child, this.leafBuffer, 0);
        for (let c = 0; c < count; c++) {
          const x = this.leafBuffer[c];
          for (let a = this.adjStart[x], end = this.adjStart[x + 1]; a < end; a++) {
            this.consider(this.adjP[a] >> 1, this.adjTo[a]);
          }
        }
      } else {
        for (let a = this.listStart[child], end = a + this.listLength[child]; a < end; a++) {
          const e = this.pool[a];
          const i0 = this.endpoint[2 * e];
          this.consider(e, this.topBlossom(i0) === b ? this.endpoint[2 * e + 1] : i0);
        }
      }
      this.listStart[child] = -1;
      this.bestEdge[child] = -1;
    }
    if (this.poolLength + this.touchedCount > this.pool.length) {
      const grown = new Int32Array(
        Math.max(2 * this.pool.length, this.poolLength + this.touchedCount),
      );
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.listStart[b] = this.poolLength;
    this.listLength[b] = this.touchedCount;
    let best = -1;
    let leastSlack = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const bj = this.touched[i];
      const e = this.bestTo[bj];
      this.pool[this.poolLength++] = e;
      if (best === -1 || this.bestToSlack[bj] < leastSlack) {
        best = e;
        leastSlack = this.bestToSlack[bj];
      }
      this.bestTo[bj] = -1;
    }
    this.bestEdge[b] = best;
    this.bestSlack[b] = leastSlack;
  }

  recycle(b: number): void {
    this.label[b] = -1;
    this.labelEnd[b] = -1;
    this.firstChild[b] = -1;
    this.base[b] = -1;
    this.listStart[b] = -1;
    this.bestEdge[b] = -1;
    this.retire(b);
  }

  /** Ends a stage: dissolves top-level S-blossom b0 and, recursively, children whose z is 0. */
  expandAtEndOfStage(b0: number): void {
    let top = 0;
    this.augmentB[top++] = b0;
    while (top > 0) {
      const b = this.augmentB[--top];
      const first = this.firstChild[b];
      let s = first;
      do {
        this.parent[s] = -1;
        if (s >= this.n && this.dual[s] === 0) this.augmentB[top++] = s;
        s = this.childNext[s];
      } while (s !== first);
      this.recycle(b);
    }
  }

  /**
   * Dissolves top-level T-blossom b whose z reached 0 (delta4), relabelling its children. In
   * single-tree phases b's vertices keep moving as T-vertices until relabelled: those in the
   * children that stay T keep that rate untouched, so a deep nest of T-blossoms dissolves in
   * time proportional to the children of each, not to the vertices inside.
   */
  expandTBlossom(b: number): void {
    if (this.single) this.setRate(b, 0);
    const first = this.firstChild[b];
    let s = first;
    do {
      this.parent[s] = -1;
      s = this.childNext[s];
    } while (s !== first);
    // Lookups during the relabelling below must not stop at b (`recycle` lists it at the end).
    this.parent[b] = DEAD;

    // Relabel from the child through which b got its T label to the base, going the way
    // round the cycle that gives an even-length alternating path.
    const entryChild = this.topBlossom(this.endpoint[this.labelEnd[b] ^ 1]);
    let index = 0;
    for (let c = first; c !== entryChild; c = this.childNext[c]) index++;
    const forward = (index & 1) === 1;
    // Endpoint, inside child c, of the edge from c to the next child in the walking direction.
    const exitEndp = (c: number): number =>
      forward ? this.childEndp[c] : this.childEndp[this.childPrev[c]] ^ 1;
    const step = (c: number): number => (forward ? this.childNext[c] : this.childPrev[c]);

    let p = this.labelEnd[b];
    let cur = entryChild;
    while (cur !== first) {
      const q = exitEndp(cur);
      this.label[this.endpoint[p ^ 1]] = 0;
      this.label[this.endpoint[q ^ 1]] = 0;
      this.assignLabel(this.endpoint[p ^ 1], 2, p, true);
      this.allowed[q >> 1] = this.stamp;
      cur = step(cur);
      p = exitEndp(cur);
      this.allowed[p >> 1] = this.stamp;
      cur = step(cur);
    }
    // The base child becomes T without passing the label on to its mate (already S).
    this.label[this.endpoint[p ^ 1]] = this.label[cur] = 2;
    this.labelEnd[this.endpoint[p ^ 1]] = this.labelEnd[cur] = p;
    this.bestEdge[cur] = -1;
    if (this.single) this.startMoving(cur, 2, this.leafBuffer, 0, 0);
    cur = step(cur);
    while (cur !== entryChild) {
      // Children off the path stay in the tree only if a vertex in them was reached from an
      // S-vertex outside b while b was T (label[v] = 2 marks that).
      if (this.label[cur] !== 1) {
        const count = this.leaves(cur, this.leafBuffer, 0);
        let reached = -1;
        for (let i = 0; i < count; i++) {
          if (this.label[this.leafBuffer[i]] !== 0) {
            reached = this.leafBuffer[i];
            break;
          }
        }
        if (reached !== -1) {
          this.label[reached] = 0;
          this.label[this.endpoint[this.mate[this.base[cur]]]] = 0;
          this.assignLabel(reached, 2, this.labelEnd[reached], true);
        } else if (this.single) {
          // Out of the tree: its vertices stop moving (a T label passed on later restarts them).
          for (let i = 0; i < count; i++) this.setRate(this.leafBuffer[i], 0);
        }
      }
      cur = step(cur);
    }
    this.recycle(b);
  }

  /**
   * Flips matched and unmatched edges along the even path from vertex v to the base of
   * blossom b, making v the base. Nested blossoms on the path are queued on an explicit
   * stack: each touches disjoint vertices, so the order they are handled in does not matter.
   */
  augmentBlossom(b0: number, v0: number): void {
    let top = 0;
    this.augmentB[top] = b0;
    this.augmentV[top++] = v0;
    while (top > 0) {
      top--;
      const b = this.augmentB[top];
      const v = this.augmentV[top];
      let t = v;
      while (this.parent[t] !== b) t = this.parent[t];
      if (t >= this.n) {
        this.augmentB[top] = t;
        this.augmentV[top++] = v;
      }
      const first = this.firstChild[b];
      let index = 0;
      for (let c = first; c !== t; c = this.childNext[c]) index++;
      const forward = (index & 1) === 1;
      let cur = t;
      while (cur !== first) {
        cur = forward ? this.childNext[cur] : this.childPrev[cur];
        const p = forward ? this.childEndp[cur] : this.childEndp[this.childPrev[cur]] ^ 1;
        if (cur >= this.n) {
          this.augmentB[top] = cur;
          this.augmentV[top++] = this.endpoint[p];
        }
        cur = forward ? this.childNext[cur] : this.childPrev[cur];
        if (cur >= this.n) {
          this.augmentB[top] = cur;
          this.augmentV[top++] = this.endpoint[p ^ 1];
        }
        this.mate[this.endpoint[p]] = p ^ 1;
        this.mate[this.endpoint[p ^ 1]] = p;
      }
      this.firstChild[b] = t;
      this.base[b] = v;
    }
  }

  /**
   * Matches S-vertex s0 through remote endpoint p0 (-1: leaves it free) and flips the
   * alternating path from its blossom up to the root of its tree.
   */
  augmentFrom(s0: number, p0: number): void {
    let s = s0;
    let p = p0;
    for (;;) {
      const bs = this.topBlossom(s);
      if (bs >= this.n) this.augmentBlossom(bs, s);
      this.mate[s] = p;
      if (this.labelEnd[bs] === -1) break;
      const t = this.endpoint[this.labelEnd[bs]];
      const bt = this.topBlossom(t);
      s = this.endpoint[this.labelEnd[bt]];
      const j = this.endpoint[this.labelEnd[bt] ^ 1];
      if (bt >= this.n) this.augmentBlossom(bt, j);
      this.mate[j] = this.labelEnd[bt];
      p = this.labelEnd[bt] ^ 1;
    }
  }

  /** Augments along the path through edge k, which joins two S-vertices in different trees. */
  augmentMatching(k: number): void {
    this.augmentFrom(this.endpoint[2 * k], 2 * k + 1);
    this.augmentFrom(this.endpoint[2 * k + 1], 2 * k);
  }

  /**
   * Follows the tight edge from S-vertex v to w (w's endpoint p): labels w's blossom T (its
   * mate's S), makes a blossom, augments (true), or, for w inside a T-blossom, remembers that
   * w is reachable for the blossom's expansion.
   */
  follow(v: number, w: number, p: number): boolean {
    const bw = this.topBlossom(w);
    const lw = this.label[bw];
    if (lw === 0) {
      if (this.mate[this.base[bw]] === -1) {
        // A free vertex outside the tree (single-tree phases only): augment to it.
        this.labelEnd[bw] = -1;
        this.augmentMatching(p >> 1);
        return true;
      }
      this.assignLabel(w, 2, p ^ 1);
    } else if (lw === 1) {
      const found = this.scanBlossom(v, w);
      if (found < 0) {
        this.augmentMatching(p >> 1);
        return true;
      }
      this.addBlossom(found, p >> 1);
    } else if (this.label[w] === 0) {
      this.label[w] = 2;
      this.labelEnd[w] = p ^ 1;
    }
    return false;
  }

  /**
   * Scans the edges of S-vertex v: follows tight ones (labelling, making blossoms, or
   * augmenting) and records the least-slack others for delta2/delta3. True when it augmented.
   * Kept as its own function: this is the hot loop and V8 optimises it better alone.
   */
  scanVertex(v: number): boolean {
    // Local aliases: V8 keeps these in registers instead of reloading closure slots per edge.
    const to = this.adjTo;
    const remote = this.adjP;
    const w2 = this.adjW2;
    const inB = this.inBlossom;
    const par = this.parent;
    const lab = this.label;
    const y = this.dual;
    const allow = this.allowed;
    const now = this.stamp;
    const best = this.bestEdge;
    const bestS = this.bestSlack;
    const rt = this.rate;
    const sn = this.since;
    const clk = this.clock;
    // Without a start every rate is 0: skip reading them.
    const lazy = this.single;
    const yv = this.dualOf(v);
    // bv and its least-slack edge live in locals; they are written back before any call that
    // may read them or move v into a new blossom, and reloaded after.
    let bv = this.topBlossom(v);
    let bvBest = best[bv];
    let bvSlack = bestS[bv];
    for (let a = this.adjStart[v], end = this.adjStart[v + 1]; a < end; a++) {
      const w = to[a];
      let bw = inB[w];
      if (par[bw] !== -1) bw = this.topBlossom(w);
      if (bv === bw) continue;
      const p = remote[a];
      const k = p >> 1;
      let kSlack = 0;
      let tight = allow[k] === now;
      if (!tight) {
        kSlack = lazy ? yv + y[w] + rt[w] * (clk - sn[w]) - w2[a] : yv + y[w] - w2[a];
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
        if (this.follow(v, w, p)) return true;
        bv = this.topBlossom(v);
        bvBest = best[bv];
        bvSlack = bestS[bv];
      } else if (lab[bw] === 1) {
        // Another S-blossom: the slack falls twice as fast as the clock runs.
        if (this.single) this.events.push(clk + kSlack / 2, k * 4 + EDGE);
        else if (bvBest === -1 || kSlack < bvSlack) {
          bvBest = k;
          bvSlack = kSlack;
        }
      } else if (lab[w] === 0) {
        // Outside the tree (or not yet reached inside a T-blossom, where the event comes early
        // and is put back when it is due).
        if (this.single) this.events.push(clk + kSlack, k * 4 + EDGE);
        else if (best[w] === -1 || kSlack < bestS[w]) {
          best[w] = k;
          bestS[w] = kSlack;
        }
      }
    }
    best[bv] = bvBest;
    bestS[bv] = bvSlack;
    return false;
  }

  /** Dissolves the top-level S-blossoms whose z is 0 among `ids[0 … count − 1]`. */
  expandSpentBlossoms(ids: Int32Array, count: number): void {
    for (let i = 0; i < count; i++) {
      const b = ids[i];
      if (this.parent[b] === -1 && this.base[b] >= 0 && this.label[b] === 1 && this.dual[b] === 0) {
        this.expandAtEndOfStage(b);
      }
    }
  }
}

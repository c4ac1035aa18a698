/**
 * The blossom algorithm's state (typed arrays allocated once per run, the graph in CSR form)
 * and its smallest helpers: lazy duals for single-tree phases, the top-level blossom of a
 * vertex, slacks and the leaves of a blossom. The steps that change the structure are in
 * `BlossomKernel` (`blossom-kernel.ts`).
 */
import { EventQueue } from './event-queue.js';

/** Kinds of the events of a single-tree phase, in the low two bits of an event's item. */
export const EDGE = 0;
export const VERTEX = 1;
export const BLOSSOM = 2;

/**
 * `parent` of a dissolved blossom id, until the ids are reclaimed: vertices and blossoms that
 * cached it as their top-level blossom find out on their next lookup, so dissolving a blossom
 * does not touch every vertex inside it.
 */
export const DEAD = -2;

/** The state of one run of the blossom algorithm. */
export class BlossomState {
  readonly single: boolean;
  readonly m: number;
  readonly n2: number;
  readonly endpoint: Int32Array;
  readonly weight2: Float64Array;
  maxWeight: number;
  readonly adjStart: Int32Array;
  readonly adjP: Int32Array;
  readonly adjTo: Int32Array;
  readonly adjW2: Float64Array;
  readonly mate: Int32Array;
  readonly label: Int8Array;
  readonly labelEnd: Int32Array;
  readonly inBlossom: Int32Array;
  readonly parent: Int32Array;
  readonly base: Int32Array;
  readonly firstChild: Int32Array;
  readonly childNext: Int32Array;
  readonly childPrev: Int32Array;
  readonly childEndp: Int32Array;
  readonly bestEdge: Int32Array;
  readonly bestSlack: Float64Array;
  readonly listStart: Int32Array;
  readonly listLength: Int32Array;
  pool: Int32Array;
  poolLength: number;
  readonly unused: Int32Array;
  unusedTop: number;
  /** Dissolved blossom ids (`parent` {@link DEAD}), reclaimed when `unused` runs out. */
  readonly dead: Int32Array;
  deadCount: number;
  /** Workspace of `topBlossom`: the nodes a lookup climbed through. */
  readonly climb: Int32Array;
  readonly dual: Float64Array;
  readonly allowed: Int32Array;
  stamp: number;
  readonly queue: Int32Array;
  queueLength: number;
  readonly stack: Int32Array;
  readonly leafBuffer: Int32Array;
  readonly pathBuffer: Int32Array;
  readonly endpBuffer: Int32Array;
  readonly bestTo: Int32Array;
  readonly bestToSlack: Float64Array;
  readonly touched: Int32Array;
  readonly augmentB: Int32Array;
  readonly augmentV: Int32Array;
  readonly rate: Int8Array;
  readonly since: Float64Array;
  clock: number;
  readonly events: EventQueue;
  readonly tolerance: number;
  readonly treeV: Int32Array;
  readonly treeB: Int32Array;
  treeVCount: number;
  treeBCount: number;
  readonly seen: Int32Array;
  readonly blossomSeen: Int32Array;
  newBlossom: number;
  touchedCount: number;

  constructor(
    readonly n: number,
    edgeU: Int32Array,
    edgeV: Int32Array,
    weight: Float64Array,
    single: boolean,
  ) {
    this.single = single;
    this.m = edgeU.length;
    this.n2 = 2 * this.n;

    // endpoint[2k] and endpoint[2k+1] are the two ends of edge k; p ^ 1 is the other end.
    this.endpoint = new Int32Array(2 * this.m);
    this.weight2 = new Float64Array(this.m);
    this.maxWeight = 0;
    for (let k = 0; k < this.m; k++) {
      this.endpoint[2 * k] = edgeU[k];
      this.endpoint[2 * k + 1] = edgeV[k];
      this.weight2[k] = 2 * weight[k];
      if (weight[k] > this.maxWeight) this.maxWeight = weight[k];
    }

    // CSR adjacency; per entry the remote endpoint p, the neighbour and 2w, side by side so
    // the scan loop (the hot loop: ~n³/4 visits on a complete graph) reads memory in order.
    this.adjStart = new Int32Array(this.n + 1);
    for (let k = 0; k < this.m; k++) {
      this.adjStart[edgeU[k] + 1]++;
      this.adjStart[edgeV[k] + 1]++;
    }
    for (let v = 0; v < this.n; v++) this.adjStart[v + 1] += this.adjStart[v];
    this.adjP = new Int32Array(2 * this.m);
    this.adjTo = new Int32Array(2 * this.m);
    this.adjW2 = new Float64Array(2 * this.m);
    {
      const fill = this.adjStart.slice(0, this.n);
      for (let k = 0; k < this.m; k++) {
        const i = edgeU[k];
        const j = edgeV[k];
        let a = fill[i]++;
        this.adjP[a] = 2 * k + 1;
        this.adjTo[a] = j;
        this.adjW2[a] = this.weight2[k];
        a = fill[j]++;
        this.adjP[a] = 2 * k;
        this.adjTo[a] = i;
        this.adjW2[a] = this.weight2[k];
      }
    }

    // mate[v] is the remote endpoint of v's matched edge (not the vertex) until the very end.
    this.mate = new Int32Array(this.n).fill(-1);
    // 0 free, 1 S, 2 T; 5 marks a breadcrumb in scanBlossom; -1 for recycled blossom ids.
    this.label = new Int8Array(this.n2);
    this.labelEnd = new Int32Array(this.n2).fill(-1);
    this.inBlossom = new Int32Array(this.n2);
    for (let x = 0; x < this.n2; x++) this.inBlossom[x] = x;
    this.parent = new Int32Array(this.n2).fill(-1);
    this.base = new Int32Array(this.n2).fill(-1);
    for (let v = 0; v < this.n; v++) this.base[v] = v;
    // Children of blossom b: the cycle firstChild[b] → childNext → … back to firstChild[b],
    // starting at the base child. childEndp[s] is the endpoint, inside s, of the edge joining
    // s to childNext[s] (van Rantwijk's blossomendps, attached to the child instead of an index).
    this.firstChild = new Int32Array(this.n2).fill(-1);
    this.childNext = new Int32Array(this.n2);
    this.childPrev = new Int32Array(this.n2);
    this.childEndp = new Int32Array(this.n2);
    this.bestEdge = new Int32Array(this.n2).fill(-1);
    // slack(bestEdge[x]), kept current (refreshed after every dual update) because the scan
    // loop compares against it for almost every edge it visits.
    this.bestSlack = new Float64Array(this.n2);
    // Least-slack edges from an S-blossom to each neighbouring S-blossom: a slice of `pool`.
    this.listStart = new Int32Array(this.n2).fill(-1);
    this.listLength = new Int32Array(this.n2);
    this.pool = new Int32Array(Math.max(16, 4 * this.n));
    this.poolLength = 0;
    this.unused = new Int32Array(Math.max(this.n, 1));
    this.unusedTop = 0;
    for (let b = this.n; b < this.n2; b++) this.unused[this.unusedTop++] = b;
    this.dead = new Int32Array(Math.max(this.n, 1));
    this.deadCount = 0;
    this.climb = new Int32Array(this.n2);
    this.dual = new Float64Array(this.n2);
    // Edge k is known tight in the current stage (or phase) when allowed[k] === stamp.
    this.allowed = new Int32Array(this.m);
    this.stamp = 1;

    // Workspaces. A vertex enters the queue at most once per stage as it turns S, plus at
    // most one extra entry per substage, pushed only when the queue is empty.
    this.queue = new Int32Array(this.n + 2);
    this.queueLength = 0;
    this.stack = new Int32Array(this.n2 + 1);
    this.leafBuffer = new Int32Array(this.n);
    this.pathBuffer = new Int32Array(this.n2);
    this.endpBuffer = new Int32Array(this.n2);
    this.bestTo = new Int32Array(this.n2).fill(-1);
    this.bestToSlack = new Float64Array(this.n2);
    this.touched = new Int32Array(this.n2);
    this.augmentB = new Int32Array(this.n2);
    this.augmentV = new Int32Array(this.n2);

    // Single-tree phases keep the duals lazily: x's dual is dual[x] + rate[x]·(clock − since[x]),
    // rate −1 for an S-vertex, +1 for a T-vertex (a top-level S-blossom +1, T −1), 0 otherwise,
    // so moving every dual in the tree is one step of `clock`; each label change first settles
    // the dual at the current clock. The next dual move is the earliest event in `events` (an
    // edge turning tight, an S-vertex dual or a T-blossom z reaching 0). Without a start, rates
    // stay 0, the clock stays 0 and every stage updates the duals and scans for deltas over all.
    this.rate = new Int8Array(this.n2);
    this.since = new Float64Array(this.n2);
    this.clock = 0;
    this.events = new EventQueue();
    let scale = 0;
    for (let k = 0; k < this.m; k++) scale = Math.max(scale, Math.abs(this.weight2[k]));
    // Slacks recomputed at an event's time round a few ulps either side of 0: within this they
    // count as 0 (a matching that far from optimal weighs within n·tolerance of it).
    this.tolerance = 1e-12 * scale;
    // What a phase touched, to settle and reset afterwards: vertices, and blossom ids; `seen`
    // and `blossomSeen` (per id − n) hold the stamp of the phase that listed them.
    this.treeV = new Int32Array(this.single ? n : 0);
    this.treeB = new Int32Array(this.single ? n : 0);
    this.treeVCount = 0;
    this.treeBCount = 0;
    this.seen = new Int32Array(this.single ? n : 0);
    this.blossomSeen = new Int32Array(this.single ? n : 0);

    this.newBlossom = -1;
    this.touchedCount = 0;
  }

  dualOf(x: number): number {
    return this.dual[x] + this.rate[x] * (this.clock - this.since[x]);
  }
  /** Settles x's dual at the current clock and moves it at rate r from now on; lists x. */
  setRate(x: number, r: number): void {
    this.dual[x] += this.rate[x] * (this.clock - this.since[x]);
    this.since[x] = this.clock;
    this.rate[x] = r;
    if (x < this.n) {
      if (this.seen[x] !== this.stamp) {
        this.seen[x] = this.stamp;
        this.treeV[this.treeVCount++] = x;
      }
    } else if (this.blossomSeen[x - this.n] !== this.stamp) {
      this.blossomSeen[x - this.n] = this.stamp;
      this.treeB[this.treeBCount++] = x;
    }
  }
  /**
   * Single-tree phases: top-level blossom b (or vertex) has just been labelled t. Its vertices
   * (given in out[from … to − 1]) and b itself start moving, and the events they may cause are
   * queued: each new S-vertex's dual reaching 0, a T-blossom's z reaching 0.
   */
  startMoving(b: number, t: number, out: Int32Array, from: number, to: number): void {
    const r = t === 1 ? -1 : 1;
    for (let i = from; i < to; i++) {
      const x = out[i];
      this.setRate(x, r);
      if (t === 1) this.events.push(this.clock + this.dual[x], x * 4 + VERTEX);
    }
    if (b >= this.n) {
      this.setRate(b, -r);
      if (t === 2) this.events.push(this.clock + this.dual[b], b * 4 + BLOSSOM);
    }
  }

  /**
   * The top-level blossom of vertex x (x itself when in none). `inBlossom` caches, for every
   * vertex and blossom, an ancestor (or itself), or a dissolved blossom ({@link DEAD}); a
   * lookup climbs through `parent`, jumping along the live caches it meets, and points every
   * node it climbed through at the top. So nesting a large blossom into a new one touches only
   * the new blossom's children, and dissolving one only its children, not every vertex inside.
   */
  topBlossom(x: number): number {
    const cached = this.inBlossom[x];
    return this.parent[cached] === -1 ? cached : this.climbToTop(x, cached);
  }

  /** {@link topBlossom} when x's cache is not the top: kept apart so the common case inlines. */
  private climbToTop(x: number, cached: number): number {
    const { inBlossom, parent } = this;
    let node = parent[cached] === DEAD ? x : cached;
    let length = 0;
    for (;;) {
      const up = parent[node];
      if (up === -1) break;
      this.climb[length++] = node;
      const jump = inBlossom[up];
      node = parent[jump] === DEAD ? up : jump;
    }
    inBlossom[x] = node;
    for (let i = 0; i < length; i++) inBlossom[this.climb[i]] = node;
    return node;
  }

  /** A fresh blossom id, top-level, that no cache points at. */
  takeBlossomId(): number {
    if (this.unusedTop === 0) this.reclaim();
    const b = this.unused[--this.unusedTop];
    this.parent[b] = -1;
    this.inBlossom[b] = b;
    return b;
  }

  /**
   * Marks blossom b dissolved (its children already top-level): caches that point at it are
   * found stale on their next lookup, and its id is reused once `reclaim` has cleared them.
   */
  retire(b: number): void {
    this.parent[b] = DEAD;
    this.dead[this.deadCount++] = b;
  }

  /**
   * Makes the dissolved ids usable again once the unused ones run out: at most ⌊n/2⌋ blossoms
   * are alive at a time and `unused` starts with n ids, so this O(n) pass comes after at least
   * n/2 blossoms were dissolved.
   */
  private reclaim(): void {
    const { inBlossom, parent } = this;
    for (let x = 0; x < this.n2; x++) if (parent[inBlossom[x]] === DEAD) inBlossom[x] = x;
    for (let i = 0; i < this.deadCount; i++) this.unused[this.unusedTop++] = this.dead[i];
    this.deadCount = 0;
  }

  slack(k: number): number {
    const i = this.endpoint[2 * k];
    const j = this.endpoint[2 * k + 1];
    return this.single
      ? this.dualOf(i) + this.dualOf(j) - this.weight2[k]
      : this.dual[i] + this.dual[j] - this.weight2[k];
  }

  /** Writes the vertices of blossom b into out from index start, in child order; returns the new end. */
  leaves(b: number, out: Int32Array, start: number): number {
    let end = start;
    if (b < this.n) {
      out[end++] = b;
      return end;
    }
    let top = 0;
    this.stack[top++] = b;
    while (top > 0) {
      const x = this.stack[--top];
      if (x < this.n) {
        out[end++] = x;
        continue;
      }
      // Push children last-to-first so they pop in cycle order, as the reference yields them.
      const first = this.firstChild[x];
      let c = this.childPrev[first];
      for (;;) {
        this.stack[top++] = c;
        if (c === first) break;
        c = this.childPrev[c];
      }
    }
    return end;
  }
}

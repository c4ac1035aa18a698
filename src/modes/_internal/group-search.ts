/**
 * Group formation as repeated assignment plus local search. Grouping people to maximise the
 * total within-group weight is NP-hard (it contains max-k-cut / clique partitioning), so the
 * search follows the classic construct-then-improve scheme: seed the groups, add one member to
 * each group per round with an optimal assignment on marginal gains (the Hungarian step), then
 * move and swap members while the total improves (Kernighan & Lin 1970, one exchange at a time).
 */

import { solveAssignment } from '../../solvers/solve-assignment.js';

/**
 * One grouping problem on `n` people, with every pair value precomputed. People are indexed in
 * tie-break order (id order), so scanning in index order breaks ties by id.
 */
export interface GroupProblem {
  readonly n: number;
  /** Row-major `n × n`, symmetric: the value of having both in one group. */
  readonly weight: Float64Array;
  /** Row-major `n × n`, symmetric: 1 when the two may never share a group. */
  readonly forbidden: Uint8Array;
  readonly groups: number;
  /** Row-major `groups × n`: the value of person `i` in group `g` (a mentor's fit), or `null`. */
  readonly anchor: Float64Array | null;
  /** Row-major `groups × n`: 1 when person `i` may not join group `g` (forbidden with its mentor). */
  readonly anchorForbidden: Uint8Array | null;
  readonly minSize: Int32Array;
  readonly maxSize: Int32Array;
  /** The first member of each group, or -1 (groups with a mentor need none). */
  readonly seeds: Int32Array;
  /** Upper bound on improvement passes over all moves and swaps. */
  readonly maxPasses: number;
}

/** The group of every person (-1 = left out) and the total value. */
export interface GroupSolution {
  readonly groupOf: Int32Array;
  readonly total: number;
}

const EPS = 1e-12;

/** Incremental state: `sum[i·G + g]` = weight of `i` to the members of `g`; `blocked` counts forbidden ones. */
class State {
  readonly groupOf: Int32Array;
  readonly size: Int32Array;
  readonly sum: Float64Array;
  readonly blocked: Int32Array;
  /** Groups may shrink below their minimum only by being closed (maximum set to 0). */
  readonly minSize: Int32Array;
  readonly maxSize: Int32Array;

  constructor(
    readonly p: GroupProblem,
    /** 0 for people never to place (no allowed partner at all). */
    readonly eligible: Uint8Array | null,
  ) {
    const { n, groups } = p;
    this.groupOf = new Int32Array(n).fill(-1);
    this.size = new Int32Array(groups);
    this.sum = new Float64Array(n * groups);
    this.blocked = new Int32Array(n * groups);
    this.minSize = Int32Array.from(p.minSize);
    this.maxSize = Int32Array.from(p.maxSize);
    if (p.anchorForbidden) {
      for (let g = 0; g < groups; g++) {
        for (let i = 0; i < n; i++) this.blocked[i * groups + g] = p.anchorForbidden[g * n + i];
      }
    }
  }

  /** Value of `i` in `g` with the current members (-1 = out: 0). */
  value(i: number, g: number): number {
    if (g < 0) return 0;
    const a = this.p.anchor;
    return (a === null ? 0 : a[g * this.p.n + i]) + this.sum[i * this.p.groups + g];
  }

  canJoin(i: number, g: number): boolean {
    if (g < 0) return true;
    return this.blocked[i * this.p.groups + g] === 0 && (this.eligible?.[i] ?? 1) === 1;
  }

  private touch(i: number, g: number, sign: 1 | -1): void {
    const { n, groups, weight, forbidden } = this.p;
    const row = i * n;
    for (let k = 0; k < n; k++) {
      this.sum[k * groups + g] += sign * weight[row + k];
      this.blocked[k * groups + g] += sign * forbidden[row + k];
    }
    this.size[g] += sign;
  }

  move(i: number, to: number): void {
    const from = this.groupOf[i];
    if (from >= 0) this.touch(i, from, -1);
    if (to >= 0) this.touch(i, to, 1);
    this.groupOf[i] = to;
  }

  total(): number {
    let t = 0;
    for (let i = 0; i < this.p.n; i++) {
      const g = this.groupOf[i];
      // Pair weights are counted from both ends, anchors once.
      if (g >= 0) t += this.value(i, g) - this.sum[i * this.p.groups + g] / 2;
    }
    return t;
  }
}

/** Adds one member per open group and round, by optimal assignment on the marginal gains. */
function fillRounds(s: State, cap: (g: number) => number): void {
  const { n, groups } = s.p;
  for (;;) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (s.groupOf[i] < 0 && (s.eligible?.[i] ?? 1) === 1) rows.push(i);
    const cols: number[] = [];
    for (let g = 0; g < groups; g++) if (s.size[g] < cap(g)) cols.push(g);
    if (rows.length === 0 || cols.length === 0) return;
    const data = new Float64Array(rows.length * cols.length);
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < cols.length; c++) {
        data[r * cols.length + c] = s.canJoin(rows[r], cols[c])
          ? s.value(rows[r], cols[c])
          : Number.NEGATIVE_INFINITY;
      }
    }
    const { rowToCol } = solveAssignment(
      { rows: rows.length, cols: cols.length, data },
      { maximize: true, partial: true },
    );
    let placed = 0;
    for (let r = 0; r < rows.length; r++) {
      if (rowToCol[r] >= 0) {
        s.move(rows[r], cols[rowToCol[r]]);
        placed++;
      }
    }
    if (placed === 0) return;
  }
}

/**
 * Improves by single moves (into a group with room, or out to make room) and pairwise swaps,
 * taking the first improving change in index order, until a pass finds none. Placing someone
 * outranks any score change (`placeBonus`), so a move never leaves a person out to gain score.
 */
function improve(s: State, placeBonus: number): void {
  const { n, groups, weight, forbidden, maxPasses } = s.p;
  const { groupOf, size, minSize, maxSize } = s;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      const g = groupOf[i];
      if (g >= 0 && size[g] <= minSize[g]) continue;
      const here = s.value(i, g) + (g >= 0 ? placeBonus : 0);
      let best = -1;
      let bestGain = EPS;
      for (let h = 0; h < groups; h++) {
        if (h === g || size[h] >= maxSize[h] || !s.canJoin(i, h)) continue;
        const gain = s.value(i, h) + placeBonus - here;
        if (gain > bestGain) {
          bestGain = gain;
          best = h;
        }
      }
      if (best >= 0) {
        s.move(i, best);
        improved = true;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const g = groupOf[i];
        const h = groupOf[j];
        if (g === h) continue;
        const f = forbidden[i * n + j];
        if (h >= 0 && s.blocked[i * groups + h] - f !== 0) continue;
        if (g >= 0 && s.blocked[j * groups + g] - f !== 0) continue;
        if ((s.eligible?.[i] ?? 1) === 0 || (s.eligible?.[j] ?? 1) === 0) continue;
        const w = weight[i * n + j];
        const gain =
          (h >= 0 ? s.value(i, h) - w : 0) -
          s.value(i, g) +
          (g >= 0 ? s.value(j, g) - w : 0) -
          s.value(j, h);
        if (gain > EPS) {
          s.move(i, h);
          s.move(j, g);
          improved = true;
        }
      }
    }
    if (!improved && !eject(s)) return;
  }
}

/**
 * A chain of displacements that places `x`: `x` joins a group with room, or takes the place of a
 * member `j` (the only one in `x`'s way, or the group being full) who is placed the same way in
 * another group, up to `depth` groups deep. Each group is touched once, so fits computed on the
 * current state stay valid along the chain. Returns the moves, last first, or `null`.
 */
function chainFor(s: State, x: number, depth: number, used: Uint8Array): [number, number][] | null {
  const { n, groups, forbidden } = s.p;
  for (let h = 0; h < groups; h++) {
    if (used[h] === 0 && s.size[h] < s.maxSize[h] && s.canJoin(x, h)) return [[x, h]];
  }
  if (depth <= 1) return null;
  for (let j = 0; j < n; j++) {
    const h = s.groupOf[j];
    if (h < 0 || used[h] === 1 || j === x) continue;
    if (s.blocked[x * groups + h] - forbidden[x * n + j] !== 0) continue;
    if (s.p.anchorForbidden?.[h * n + x] === 1 || (s.eligible?.[x] ?? 1) === 0) continue;
    used[h] = 1;
    const rest = chainFor(s, j, depth - 1, used);
    used[h] = 0;
    if (rest !== null) return [...rest, [x, h]];
  }
  return null;
}

/** Chain depth: three groups for small problems, two (one displacement) for large ones. */
const chainDepth = (n: number) => (n <= 200 ? 3 : 2);

/**
 * Places one left-out person by an ejection chain (see {@link chainFor}); moves and swaps alone
 * never gain a placement that needs two or more steps. Returns whether one was placed.
 */
function eject(s: State): boolean {
  const { n, groups } = s.p;
  const used = new Uint8Array(groups);
  for (let i = 0; i < n; i++) {
    if (s.groupOf[i] >= 0 || (s.eligible?.[i] ?? 1) === 0) continue;
    const chain = chainFor(s, i, chainDepth(n), used);
    if (chain === null) continue;
    // The last displaced person moves first, so every group's room is freed before it is taken.
    for (const [person, group] of chain) s.move(person, group);
    return true;
  }
  return false;
}

/**
 * Forms the groups: seeds first, then members up to every group's minimum, then up to its
 * maximum, then local search. Deterministic; inputs are not modified.
 */
export function searchGroups(p: GroupProblem, eligible: Uint8Array | null): GroupSolution {
  const s = new State(p, eligible);
  for (let g = 0; g < p.groups; g++) if (p.seeds[g] >= 0) s.move(p.seeds[g], g);
  fillRounds(s, (g) => p.minSize[g]);
  fillRounds(s, (g) => p.maxSize[g]);
  // A placement bonus above any possible change of value (the sum of every |weight| and
  // |anchor|) makes placing one more person outrank every score change, whatever the scale.
  let bound = 1;
  for (const w of p.weight) bound += Math.abs(w);
  if (p.anchor) for (const a of p.anchor) bound += Math.abs(a);
  improve(s, bound);
  // A group that could not reach its minimum (hard rules kept people out) is closed, and its
  // members placed elsewhere where they fit; repeat until every open group is within bounds.
  for (;;) {
    let closed = -1;
    for (let g = 0; g < p.groups && closed < 0; g++) {
      if (s.size[g] > 0 && s.size[g] < s.minSize[g]) closed = g;
    }
    if (closed < 0) break;
    s.minSize[closed] = 0;
    s.maxSize[closed] = 0;
    for (let i = 0; i < p.n; i++) if (s.groupOf[i] === closed) s.move(i, -1);
    improve(s, bound);
  }
  return { groupOf: Int32Array.from(s.groupOf), total: s.total() };
}

/**
 * Seeds for groups without a mentor: the person with the fewest allowed partners first (the
 * hardest to place), then repeatedly the one least attracted to the seeds so far, so the groups
 * start apart. Ties by index.
 */
export function spreadSeeds(
  n: number,
  weight: Float64Array,
  forbidden: Uint8Array,
  count: number,
  eligible: Uint8Array,
  first = -1,
): Int32Array {
  const seeds = new Int32Array(count).fill(-1);
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (j !== i && forbidden[i * n + j] === 0) degree[i]++;
  }
  const pull = new Float64Array(n);
  const taken = new Uint8Array(n);
  for (let g = 0; g < count; g++) {
    let best = g === 0 && first >= 0 && eligible[first] === 1 ? first : -1;
    for (let i = 0; i < n && !(g === 0 && best === first); i++) {
      if (taken[i] === 1 || eligible[i] === 0) continue;
      if (
        best < 0 ||
        pull[i] < pull[best] - EPS ||
        (Math.abs(pull[i] - pull[best]) <= EPS && degree[i] < degree[best])
      ) {
        best = i;
      }
    }
    if (best < 0) break;
    seeds[g] = best;
    taken[best] = 1;
    for (let i = 0; i < n; i++) {
      // A seed forbidden with i could never share i's group: no pull either way.
      if (forbidden[best * n + i] === 0) pull[i] = Math.max(pull[i], weight[best * n + i]);
    }
  }
  return seeds;
}

/**
 * A start for the blossom from the fractional relaxation of matching, solved as an assignment
 * on the bipartite double cover: every vertex is a row and a column, edge {a, b} gives the arcs
 * a → b and b → a at its weight, and the arc a → a (weight 0) lets a stay out. An optimal
 * assignment is a set of cycles; halved, it is an optimal fractional matching (Balinski 1965:
 * pairs, and odd cycles at ½). The assignment's duals, made symmetric — 2·u(v) = U(v) + V(v),
 * optimal because the transposed duals are — are feasible for the matching, and every edge
 * of a cycle is tight under them (complementary slackness with the symmetric primal).
 *
 * So the pairs, and every other edge of each even cycle, start matched; an odd cycle leaves
 * out one vertex (the one whose absence keeps the heaviest pairs). Free vertices then have
 * duals of their own (0 for those that stayed out, more for the left-out ones), which is what
 * the blossom's single-tree phases accept. On sparse graphs the cycles are nearly all pairs,
 * so the blossom only has a few phases left (Kolmogorov's Blossom V starts the same way).
 */

import type { MatchingStart } from './blossom.js';
import { solveCsr } from './csr-assignment.js';
import type { RunMonitor } from './run-monitor.js';

/**
 * The start for a maximum-weight matching of the simple graph `edgeU`/`edgeV`/`weight` (every
 * weight > 0), its duals feasible and tight on the matching as {@link MatchingStart} asks.
 *
 * @example
 * ```ts
 * // A triangle and a pendant edge: 0–1–2–0, 2–3.
 * const start = fractionalStart(4, Int32Array.of(0, 1, 2, 2), Int32Array.of(1, 2, 0, 3),
 *   Float64Array.of(1, 1, 1, 5), monitor);
 * start.mate; //=> Int32Array [1, 0, 3, 2]
 * ```
 */
export function fractionalStart(
  n: number,
  edgeU: Int32Array,
  edgeV: Int32Array,
  weight: Float64Array,
  monitor: RunMonitor,
): MatchingStart {
  const m = edgeU.length;
  // Row a of the double cover: its arcs to neighbours (cost −w, as the kernel minimises),
  // then a → a at cost 0.
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    offsets[edgeU[k] + 1]++;
    offsets[edgeV[k] + 1]++;
  }
  for (let a = 0; a < n; a++) offsets[a + 1] += offsets[a] + 1;
  const columns = new Int32Array(offsets[n]);
  const costs = new Float64Array(offsets[n]);
  const fill = offsets.slice(0, n);
  for (let k = 0; k < m; k++) {
    const a = edgeU[k];
    const b = edgeV[k];
    columns[fill[a]] = b;
    costs[fill[a]++] = -weight[k];
    columns[fill[b]] = a;
    costs[fill[b]++] = -weight[k];
  }
  for (let a = 0; a < n; a++) columns[fill[a]] = a;
  const solved = solveCsr({ offsets, columns, costs }, n, n, monitor, 'start', 0);
  const { rowToCol: next, rowEdge, v } = solved;

  // Minimisation duals u + v ≤ cost, so U = −u and V = −v bound the weights from above;
  // u(a) is the reduced cost of a's own arc.
  const dual = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const u = costs[rowEdge[a]] - v[next[a]];
    // Rounding may leave a hair below 0; duals of a maximum-weight matching are ≥ 0.
    dual[a] = Math.max(0, -(u + v[a]));
  }

  const mate = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const cycle = new Int32Array(n);
  // arc[t]: the weight of cycle[t] → cycle[t + 1].
  const arc = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    if (done[s] === 1) continue;
    let length = 0;
    for (let a = s; done[a] === 0; a = next[a]) {
      done[a] = 1;
      cycle[length] = a;
      arc[length++] = -costs[rowEdge[a]];
    }
    if (length === 1) continue;
    const first = length % 2 === 0 ? evenStart(arc, length) : oddStart(arc, length);
    // Pairs cycle[first + 1 + 2j], cycle[first + 2 + 2j]: for an even cycle `first` is one
    // before the chosen parity; for an odd one it is the vertex left out.
    for (let j = 0; 2 * j + 1 < length; j++) {
      const x = cycle[(first + 1 + 2 * j) % length];
      const y = cycle[(first + 2 + 2 * j) % length];
      mate[x] = y;
      mate[y] = x;
    }
  }
  return { mate, dual };
}

/** For an even cycle: `length − 1` (pairs at even arcs) or 0 (odd arcs), the heavier. */
function evenStart(arc: Float64Array, length: number): number {
  let even = 0;
  let odd = 0;
  for (let t = 0; t < length; t += 2) {
    even += arc[t];
    odd += arc[t + 1];
  }
  return even >= odd ? length - 1 : 0;
}

/**
 * For an odd cycle: the vertex to leave out so that the pairs left weigh the most. Leaving out
 * i keeps arcs i + 1, i + 3, …, i + length − 2; leaving out i + 2 instead swaps arc i + 1 for
 * arc i (= i + length), and stepping by 2 round an odd cycle visits every vertex.
 */
function oddStart(arc: Float64Array, length: number): number {
  let sum = 0;
  for (let t = 1; t < length - 1; t += 2) sum += arc[t];
  let best = 0;
  let bestSum = sum;
  for (let step = 1, i = 0; step < length; step++) {
    sum += arc[i] - arc[(i + 1) % length];
    i = (i + 2) % length;
    if (sum > bestSum) {
      bestSum = sum;
      best = i;
    }
  }
  return best;
}

/**
 * Maximum-weight cycle cover of a directed graph, as a linear sum assignment (each node picks
 * one successor and is picked by one predecessor: a permutation, hence disjoint cycles; Jonker &
 * Volgenant 1987, Crouse 2016), with an optional bound on cycle length enforced by an exact
 * dynamic program that cuts each over-long cycle into consecutive arcs closed into short cycles.
 */
import { PeermatchError } from '../errors.js';
import { type ProgressCallback, readSolverOptions } from './_internal/read-options.js';
import { solveAssignment } from './solve-assignment.js';

const API = 'cycleCover';
/** Re-solving rounds among the nodes cuts leave out (each round bans the arcs it cut). */
const MAX_ROUNDS = 8;

/** A square weight matrix: `data[i * n + j]` is the weight of arc `i → j`. */
export interface CycleCoverMatrix {
  readonly n: number;
  readonly data: Float64Array;
}

/** Options of {@link cycleCover}. */
export interface CycleCoverOptions {
  /**
   * Longest cycle allowed (≥ 2). Longer cycles of the optimal cover are cut optimally (see
   * {@link cycleCover}); loops (uncovered nodes) always count as length 1.
   * @default Infinity
   */
  readonly maxLength?: number;
  /** Cancels the run (`PeermatchError` `ABORTED`), as in `solveAssignment`. */
  readonly signal?: AbortSignal;
  /** The progress of each round's assignment, as `solveAssignment` reports it. Throttled. */
  readonly onProgress?: ProgressCallback;
}

/** Defaults of {@link CycleCoverOptions}. */
export const CYCLE_COVER_DEFAULTS: Readonly<{ maxLength: number }> = Object.freeze({
  maxLength: Number.POSITIVE_INFINITY,
});

/** Result of {@link cycleCover}. */
export interface CycleCoverResult {
  /** Successor of each node; `next[i] === i` for a node left on its loop (uncovered). */
  readonly next: Int32Array;
  /** Cycles of length ≥ 2, each starting at its smallest node, in order of that node. */
  readonly cycles: readonly Int32Array[];
  /**
   * `1` for each cycle (same index as `cycles`) that came from cutting a longer one, or from a
   * later round among the nodes a cut left out.
   */
  readonly fromSplit: Uint8Array;
  /** How many over-long cycles were cut; `0` means the cover is optimal. */
  readonly cut: number;
  /** Sum of the weights of every arc used, loops included. */
  readonly total: number;
}

function fail(message: string): never {
  throw new PeermatchError('INVALID_OPTIONS', `${API}: ${message}`, [
    { code: 'INVALID_OPTION', path: ['maxLength'], message: `${API}: ${message}` },
  ]);
}

/**
 * Best partition of one cycle into runs of consecutive nodes (length 1 … `limit`), each run
 * closed by the arc from its last node back to its first (a run of one is that node's loop).
 * Every cyclic partition has a run starting among the first `limit` positions, so a linear DP
 * from each of those starts is exact: O(k · limit²).
 */
function splitCycle(
  cycle: Int32Array,
  n: number,
  data: Float64Array,
  limit: number,
): { runs: Int32Array[]; value: number } {
  const k = cycle.length;
  const at = (p: number) => cycle[p % k];
  // prefix[p] = weight of the path at(0) → … → at(p) along the cycle (positions 0 … 2k-1).
  const prefix = new Float64Array(2 * k);
  for (let p = 1; p < 2 * k; p++) prefix[p] = prefix[p - 1] + data[at(p - 1) * n + at(p)];
  const runValue = (start: number, len: number): number => {
    const first = at(start);
    const last = at(start + len - 1);
    return prefix[start + len - 1] - prefix[start] + data[last * n + first];
  };
  const best = new Float64Array(k + 1);
  const cut = new Int32Array(k + 1);
  let bestValue = Number.NEGATIVE_INFINITY;
  let bestStart = -1;
  let bestCut: Int32Array | undefined;
  for (let s = 0; s < Math.min(limit, k); s++) {
    best[0] = 0;
    for (let j = 1; j <= k; j++) {
      best[j] = Number.NEGATIVE_INFINITY;
      for (let len = 1; len <= Math.min(limit, j); len++) {
        const v = best[j - len] + runValue(s + j - len, len);
        // Strict: among equal values the longest last run wins, the same way every time.
        if (v > best[j]) {
          best[j] = v;
          cut[j] = len;
        }
      }
    }
    if (best[k] > bestValue) {
      bestValue = best[k];
      bestStart = s;
      bestCut = cut.slice();
    }
  }
  if (bestCut === undefined || bestValue === Number.NEGATIVE_INFINITY) {
    throw new PeermatchError(
      'INFEASIBLE',
      `${API}: a cycle of ${k} nodes cannot be cut into cycles of at most ${limit} (closing arcs and loops forbidden)`,
      [
        {
          code: 'INFEASIBLE',
          path: [],
          message: `${API}: no cut of the cycle through node ${cycle[0]} into cycles of length ≤ ${limit}`,
        },
      ],
    );
  }
  const runs: Int32Array[] = [];
  for (let j = k; j > 0; ) {
    const len = bestCut[j];
    const run = new Int32Array(len);
    for (let t = 0; t < len; t++) run[t] = at(bestStart + j - len + t);
    runs.push(run);
    j -= len;
  }
  return { runs, value: bestValue };
}

/** Rotates a cycle to start at its smallest node, keeping the direction. */
function canonical(cycle: Int32Array): Int32Array {
  let m = 0;
  for (let t = 1; t < cycle.length; t++) if (cycle[t] < cycle[m]) m = t;
  const out = new Int32Array(cycle.length);
  for (let t = 0; t < cycle.length; t++) out[t] = cycle[(m + t) % cycle.length];
  return out;
}

/**
 * Finds a cycle cover of largest total weight: every node gets one successor and one
 * predecessor, so the arcs form disjoint directed cycles. Arc `i → j` weighs `data[i * n + j]`;
 * `-Infinity` forbids it. The diagonal is the weight of leaving a node on its own loop
 * (uncovered): `0` lets nodes stay out at no cost, `-Infinity` forces every node into a cycle.
 *
 * - Without `maxLength` the cover is optimal (it is an assignment; solver ties break by index,
 *   so the result is deterministic).
 * - With `maxLength`, every cycle of that optimal cover longer than `maxLength` is cut into runs
 *   of consecutive nodes, each closed by the arc from its last node back to its first, choosing
 *   the cut of largest total exactly (a dynamic program over the cycle). Cycles already short
 *   enough are kept. The nodes left on loops are then covered again among themselves, with the
 *   arcs of every cut cycle banned, for up to 8 rounds while cuts happen. The result is optimal
 *   when `cut` is 0; otherwise it is a good cover, not always the best with short cycles (that
 *   problem is NP-hard for `maxLength ≥ 3`; for `maxLength = 2` use `maxWeightMatching`).
 *
 * @param matrix - `{ n, data }`, row-major `n × n`; never modified.
 * @param options - See {@link CycleCoverOptions}.
 * @returns Successors, cycles (each from its smallest node) and the total weight.
 * @throws {PeermatchError} `INVALID_MATRIX` (bad size or cells, from `solveAssignment`),
 *   `INFEASIBLE` when no cover exists, `INVALID_OPTIONS` for a bad `maxLength`, `signal` or
 *   `onProgress`; `ABORTED`.
 * @example
 * ```ts
 * const data = Float64Array.from([0, 5, 1, 1, 0, 5, 5, 1, 0]); // loops worth 0
 * cycleCover({ n: 3, data });
 * //=> { next: Int32Array [1, 2, 0], cycles: [Int32Array [0, 1, 2]], fromSplit: Uint8Array [0], cut: 0, total: 15 }
 * cycleCover({ n: 3, data }, { maxLength: 2 });
 * //=> { next: Int32Array [1, 0, 2], cycles: [Int32Array [0, 1]], fromSplit: Uint8Array [1], cut: 1, total: 6 }
 * ```
 */
export function cycleCover(
  matrix: CycleCoverMatrix,
  options?: CycleCoverOptions,
): CycleCoverResult {
  const limit = options?.maxLength ?? CYCLE_COVER_DEFAULTS.maxLength;
  // Only the run controls: maxLength is checked below with its own messages.
  const control = readSolverOptions(
    API,
    { signal: options?.signal, onProgress: options?.onProgress },
    {},
  );
  if (typeof limit !== 'number' || Number.isNaN(limit) || limit < 2) {
    fail(`expected \`maxLength\` to be a number ≥ 2, got \`${String(limit)}\``);
  }
  if (limit !== Number.POSITIVE_INFINITY && !Number.isInteger(limit)) {
    fail(`expected \`maxLength\` to be an integer, got \`${String(limit)}\``);
  }
  const { n, data } = matrix;
  if (!Number.isInteger(n) || n < 0 || !(data instanceof Float64Array) || data.length !== n * n) {
    throw new PeermatchError('INVALID_MATRIX', `${API}: expected an n × n Float64Array`, [
      {
        code: 'INVALID_MATRIX',
        path: ['data'],
        message: `${API}: n is ${String(n)} but data has ${String(data?.length)} cells`,
      },
    ]);
  }
  const next = Int32Array.from({ length: n }, (_, i) => i);
  if (n === 0) return { next, cycles: [], fromSplit: new Uint8Array(0), cut: 0, total: 0 };
  const found: { nodes: Int32Array; split: boolean }[] = [];
  // Arcs of the cycles cut so far: later rounds may not rebuild the same long cycle.
  const banned = new Set<number>();
  let cut = 0;
  let active = Int32Array.from(next);
  for (let round = 0; round < MAX_ROUNDS && (round === 0 || active.length >= 2); round++) {
    const m = active.length;
    let sub = data;
    if (round > 0) {
      sub = new Float64Array(m * m);
      for (let a = 0; a < m; a++) {
        for (let b = 0; b < m; b++) {
          const arc = active[a] * n + active[b];
          sub[a * m + b] = banned.has(arc) ? Number.NEGATIVE_INFINITY : data[arc];
        }
      }
    }
    const { rowToCol } = solveAssignment(
      { rows: m, cols: m, data: sub },
      { maximize: true, signal: control.signal, onProgress: control.onProgress },
    );
    const seen = new Uint8Array(m);
    const loops: number[] = [];
    let cutNow = 0;
    for (let a = 0; a < m; a++) {
      if (seen[a] === 1) continue;
      if (rowToCol[a] === a) {
        seen[a] = 1;
        loops.push(active[a]);
        continue;
      }
      const nodes: number[] = [];
      for (let v = a; seen[v] === 0; v = rowToCol[v]) {
        seen[v] = 1;
        nodes.push(active[v]);
      }
      const cycle = Int32Array.from(nodes);
      if (cycle.length <= limit) {
        for (let t = 0; t < cycle.length; t++) next[cycle[t]] = cycle[(t + 1) % cycle.length];
        found.push({ nodes: cycle, split: round > 0 });
        continue;
      }
      cutNow++;
      for (let t = 0; t < cycle.length; t++)
        banned.add(cycle[t] * n + cycle[(t + 1) % cycle.length]);
      for (const run of splitCycle(cycle, n, data, limit).runs) {
        if (run.length === 1) {
          loops.push(run[0]);
          continue;
        }
        for (let t = 0; t < run.length; t++) next[run[t]] = run[(t + 1) % run.length];
        found.push({ nodes: run, split: true });
      }
    }
    cut += cutNow;
    // Without a cut this round, its loops are optimal among themselves: nothing left to gain.
    if (cutNow === 0) break;
    active = Int32Array.from(loops).sort();
  }
  const cycles = found.map((c) => ({ nodes: canonical(c.nodes), split: c.split }));
  cycles.sort((a, b) => a.nodes[0] - b.nodes[0]);
  let total = 0;
  for (let i = 0; i < n; i++) total += data[i * n + next[i]];
  return {
    next,
    cycles: cycles.map((c) => c.nodes),
    fromSplit: Uint8Array.from(cycles, (c) => (c.split ? 1 : 0)),
    cut,
    total,
  };
}

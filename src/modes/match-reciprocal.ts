/**
 * Reciprocal skill-swap: peers who each teach what the other wants. Pairs by maximum-weight
 * matching in the general graph (Edmonds' blossom; Galil 1986); rings by a maximum-weight cycle
 * cover (an assignment with the diagonal as "stay out"), long cycles cut by an exact DP.
 */

import { pairScorer } from '../compatibility/_internal/pair-scores.js';
import { buildCandidates } from '../compatibility/build-candidates.js';
import type { CompatibilityOptions } from '../compatibility/build-compatibility.js';
import { buildCompatibility } from '../compatibility/build-compatibility.js';
import type { CompatibilityCandidates, CompatibilityMatrix } from '../compatibility/types.js';
import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import { parseProgram } from '../profile/parse-program.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import type { ProgressCallback } from '../solvers/_internal/read-options.js';
import { offerTop } from '../solvers/_internal/top-list.js';
import { cycleCover } from '../solvers/cycle-cover.js';
import { maxWeightMatching, type WeightedEdgeArrays } from '../solvers/max-weight-matching.js';
import { reciprocalAlternatives } from './_internal/alternatives.js';
import { denseScale } from './_internal/dense-scale.js';
import { candidatesProblem } from './_internal/given-candidates.js';
import { OptionReader } from './_internal/option-reader.js';
import {
  bestPairs,
  buildPeerGraph,
  entryOf,
  graphPeerNeighbourhood,
} from './_internal/peer-graph.js';
import { assemble, balancedScore, resultOf, type Solved } from './_internal/reciprocal-result.js';
import { ownScans, reciprocalTopK } from './_internal/reciprocal-scan.js';
import { densePeerNeighbourhood, reciprocalUnmatched } from './_internal/reciprocal-unmatched.js';
import {
  DEFAULT_STABILITY_LIMIT,
  graphReciprocalStability,
  reciprocalStability,
} from './_internal/stability.js';
import { MATCH_SCALE_DEFAULTS } from './match-one-to-one.js';
import type { MatchResult } from './match-result.js';

const API = 'matchReciprocal';

/** Options of {@link matchReciprocal}. */
export interface MatchReciprocalOptions
  extends Pick<CompatibilityOptions, 'scorers' | 'constraints' | 'weights' | 'signal'> {
  /**
   * Participant ids of the peers taking part.
   * @default every participant with role `peer`
   */
  readonly participants?: readonly string[];
  /**
   * `'pairs'` (two peers teach each other) or `'rings'` (A teaches B teaches C teaches A).
   * @default 'pairs'
   */
  readonly structure?: 'pairs' | 'rings';
  /**
   * Longest ring (rings only, ≥ 2); longer cycles are cut optimally into shorter rings.
   * @default 3
   */
  readonly maxRingLength?: number;
  /**
   * `'coverage'`: as many peers in a relationship as possible, then the largest total;
   * `'total'`: the largest total score.
   * @default 'coverage'
   */
  readonly objective?: 'coverage' | 'total';
  /**
   * λ in the pair score `(min + λ·mean) / (1 + λ)` of the two teaching directions: 0 scores a
   * pair by its weaker direction only; larger values count the stronger direction more.
   * @default 0.5
   */
  readonly balanceWeight?: number;
  /**
   * Pairs: no pair scoring below it. Rings: no teaching link scoring below it. In [0, 1].
   * @default 0
   */
  readonly minScore?: number;
  /**
   * Pairs: keep each peer's `candidates` best suitable partners for the blossom (the union over
   * both ends). The result is optimal on that graph, not always on the full one. On the top-k
   * path (above `program.matching.denseLimit` peers²) the same, after scanning each peer's
   * `3 × candidates` best receivers and givers.
   * @default every suitable pair up to 2,000 peers, else 10 (top-k:
   *   `program.matching.candidates`, else 10)
   */
  readonly candidates?: number;
  /**
   * Pairs: list each peer's `alternatives` best other partners with the cost of the swap.
   * @default 0 (none)
   */
  readonly alternatives?: number;
  /**
   * Blocking pairs listed (all are counted).
   * @default 100
   */
  readonly stabilityLimit?: number;
  /**
   * Called as the run advances, with `(phase, done, total)`: `'matrix'` (on the top-k path
   * `'candidates'`, the scan's rows, then `'pairs'`, the peers whose side of the candidate pairs
   * is scored), `'solve'` (pairs formed by the blossom, or the assignment's rows for rings) and
   * `'report'`; each phase ends with `done === total`.
   * @default undefined
   */
  readonly onProgress?: ProgressCallback;
  /**
   * Pairs: the top-k path's candidate scan, built beforehand (`buildCandidates`, or
   * `buildCandidatesParallel` from `peermatch/node` on worker threads): the top-k path then runs
   * on it, whatever the size, instead of scanning every pair itself. It must be built on this
   * cohort with `layout: 'square'`, `left` and `right` both the peers in the order
   * `matchReciprocal` takes them (code-unit order of their ids), and `k` at least the scan's:
   * `min(peers − 1, 3 × candidates, 10,000)`, `candidates` being the pairs kept per peer (the
   * option, else `program.matching.candidates`, else 10; at most peers − 1); anything else is
   * rejected. Built with exactly that `k`, the result is the one the call would give without it,
   * bit for bit; a larger `k` scans wider. That it was built under the same program, scorers,
   * constraints and weights as this call is the caller's responsibility: both directions of
   * every candidate pair are scored again under this call's, and only pairs allowed both ways
   * are made. Rings need the dense matrix: `scan` with `structure: 'rings'` is rejected.
   * @default undefined (scanned here when the peers² are above `program.matching.denseLimit`)
   */
  readonly scan?: CompatibilityCandidates;
}

/** The defaults of {@link MatchReciprocalOptions}. */
export const MATCH_RECIPROCAL_DEFAULTS: Readonly<{
  structure: 'pairs' | 'rings';
  maxRingLength: number;
  objective: 'coverage' | 'total';
  balanceWeight: number;
  minScore: number;
  denseUpTo: number;
  candidates: number;
  alternatives: number;
  stabilityLimit: number;
}> = Object.freeze({
  structure: 'pairs',
  maxRingLength: 3,
  objective: 'coverage',
  balanceWeight: 0.5,
  minScore: 0,
  denseUpTo: 2000,
  candidates: 10,
  alternatives: 0,
  stabilityLimit: DEFAULT_STABILITY_LIMIT,
});

const OPTION_KEYS = [
  'participants',
  'structure',
  'maxRingLength',
  'objective',
  'balanceWeight',
  'minScore',
  'candidates',
  'alternatives',
  'stabilityLimit',
  'scorers',
  'constraints',
  'weights',
  'signal',
  'onProgress',
  'scan',
];

function readOptions(cohort: Cohort, options: MatchReciprocalOptions | undefined) {
  const read = new OptionReader(API, options, OPTION_KEYS);
  const { opts } = read;
  const d = MATCH_RECIPROCAL_DEFAULTS;
  const structure = read.oneOf('structure', opts.structure, d.structure, ['pairs', 'rings']);
  const objective = read.oneOf('objective', opts.objective, d.objective, ['coverage', 'total']);
  const maxRingLength = read.integer('maxRingLength', opts.maxRingLength, 2) ?? d.maxRingLength;
  const balanceWeight = read.nonNegative('balanceWeight', opts.balanceWeight, d.balanceWeight);
  const minScore = read.minScore(opts.minScore, d.minScore);
  const candidates = read.integer('candidates', opts.candidates, 1);
  const alternatives = read.integer('alternatives', opts.alternatives, 0) ?? d.alternatives;
  const stabilityLimit = read.integer('stabilityLimit', opts.stabilityLimit, 0) ?? d.stabilityLimit;
  const progress = read.progress(opts.onProgress);
  if (structure === 'rings' && alternatives > 0) {
    read.problem(
      ['alternatives'],
      'INVALID_VALUE',
      'options.alternatives is for pairs; rings have no single partner to swap',
    );
  }
  if (structure === 'rings' && opts.scan !== undefined) {
    read.problem(
      ['scan'],
      'INVALID_VALUE',
      'options.scan is for pairs; rings need the dense matrix, not candidates',
    );
  }
  const participants = read.ids(
    cohort,
    opts.participants,
    'participants',
    (i) => cohort.role[i] === 2,
  );
  read.done();
  return {
    opts,
    structure,
    objective,
    maxRingLength,
    balanceWeight,
    minScore,
    participants,
    candidatesGiven: candidates,
    candidates:
      candidates ?? (participants.length <= d.denseUpTo ? Number.POSITIVE_INFINITY : d.candidates),
    alternatives,
    stabilityLimit,
    progress,
  };
}

/** Throws `ABORTED` once the caller's signal has fired. */
function checkAborted(signal: AbortSignal | undefined, step: string): void {
  if (signal?.aborted) throw new PeermatchError('ABORTED', `${API}: aborted ${step}`);
}

/** Peers kept for the blossom: every suitable pair, or each peer's `k` best (union of both ends). */
function pairEdges(n: number, pairScore: (a: number, b: number) => number, k: number) {
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  if (k >= n - 1) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const s = pairScore(a, b);
        if (s === Number.NEGATIVE_INFINITY) continue;
        from.push(a);
        to.push(b);
        weight.push(s);
      }
    }
    return { from, to, weight };
  }
  // Each peer's k best partners (ties by index), kept as a sorted set of a*n+b keys (a < b).
  const keys: number[] = [];
  const best = new Float64Array(k);
  const who = new Int32Array(k);
  for (let a = 0; a < n; a++) {
    let size = 0;
    for (let b = 0; b < n; b++) {
      if (b !== a) size = offerTop(best, who, size, k, pairScore(a, b), b);
    }
    for (let t = 0; t < size; t++) keys.push(Math.min(a, who[t]) * n + Math.max(a, who[t]));
  }
  keys.sort((x, y) => x - y);
  for (let t = 0; t < keys.length; t++) {
    if (t > 0 && keys[t] === keys[t - 1]) continue;
    const a = Math.floor(keys[t] / n);
    const b = keys[t] - a * n;
    from.push(a);
    to.push(b);
    weight.push(pairScore(a, b));
  }
  return { from, to, weight };
}

/**
 * Forms reciprocal skill-swap relationships among peers: pairs who teach each other, or rings
 * (A teaches B teaches C teaches A). Every relationship joins peers allowed together by every
 * hard rule **in both directions**, so a forbidden pair never appears, whoever teaches whom.
 *
 * Scores come from a square compatibility matrix: `d(a→b)` is `a` teaching `b`.
 * - Pairs (`structure: 'pairs'`): a pair scores `(min + λ·mean) / (1 + λ)` of `d(a→b)` and
 *   `d(b→a)`, so the weaker direction counts most (λ = `balanceWeight`, default 0.5); the
 *   matching maximises the total pair score (`'total'`), or first the number of pairs
 *   (`'coverage'`, default), by Edmonds' blossom on the general graph.
 * - Rings (`structure: 'rings'`): a cycle cover of the "who can teach whom" graph maximising the
 *   total of the teaching scores (with `'coverage'`, first the number of peers covered); cycles
 *   longer than `maxRingLength` are cut into shorter rings by an exact DP along the cycle
 *   (see `cycleCover`). A ring reports the same balanced score over its links.
 *
 * Each relationship lists its members' give/take balance; `pairs` lists every teaching link
 * (giver as `mentorId`, receiver as `menteeId`). Deterministic: peers in id order, ties by id.
 *
 * Scale: above `program.matching.denseLimit` peers² (default 25 million), pairs run on each
 * peer's best receivers and givers (`buildCandidates`, 3 × `candidates` each), both directions
 * of each candidate pair scored in one batch, each peer's `candidates` best pairs kept for the
 * blossom; memory O(peers × k). Stability and alternatives are then judged on candidate pairs. Rings need the dense matrix and throw `INVALID_OPTIONS` above the limit.
 * `result.scale` says which path ran. The candidate scan dominates that path: build it on worker
 * threads (`buildCandidatesParallel`, or `matchReciprocalParallel` which does both, from
 * `peermatch/node`) and pass it as `options.scan` for the same result in less time.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - See {@link MatchReciprocalOptions}.
 * @returns A {@link MatchResult} with mode `'reciprocal'` and `rings`.
 * @throws {PeermatchError} `INVALID_OPTIONS` (also rings above the dense limit, and a `scan` that
 *   does not fit), `INVALID_INPUT`, `ABORTED`.
 * @example
 * ```ts
 * const result = matchReciprocal(cohort, undefined, { structure: 'rings', maxRingLength: 3 });
 * result.rings?.map((r) => r.memberIds.join(' → '));
 * //=> ['ada → bo → cy']
 * result.rings?.[0].imbalance;
 * //=> 0.12
 * result.scale?.method;
 * //=> 'dense'
 * ```
 */
export function matchReciprocal(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: MatchReciprocalOptions,
): MatchResult {
  const o = readOptions(cohort, options);
  const { opts, participants: ids, minScore, balanceWeight: lambda, progress } = o;
  const n = ids.length;
  const compatibility: CompatibilityOptions = {
    left: ids,
    right: ids,
    layout: 'square',
    ...(opts.scorers === undefined ? {} : { scorers: opts.scorers }),
    ...(opts.constraints === undefined ? {} : { constraints: opts.constraints }),
    ...(opts.weights === undefined ? {} : { weights: opts.weights }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  };
  const { matching } = program === undefined ? cohort.program : parseProgram(program);
  const denseLimit = matching.denseLimit ?? MATCH_SCALE_DEFAULTS.denseLimit;
  const cells = n * n;
  if (cells > denseLimit || opts.scan !== undefined) {
    if (o.structure === 'rings') {
      throw new PeermatchError('INVALID_OPTIONS', `${API}: too many peers for rings`, [
        {
          code: 'OUT_OF_RANGE',
          path: ['structure'],
          message: `${API}: rings need the dense ${n} × ${n} matrix (${cells} cells), above program.matching.denseLimit (${denseLimit}); use structure 'pairs', which switches to top-k candidates, or raise denseLimit if memory allows (9 bytes a cell)`,
        },
      ]);
    }
    const topK = reciprocalTopK(
      n,
      o.candidatesGiven ?? matching.candidates ?? MATCH_RECIPROCAL_DEFAULTS.candidates,
    );
    if (opts.scan !== undefined) {
      const problem = candidatesProblem(cohort, opts.scan, {
        layout: 'square',
        why: 'every peer gives and receives',
        left: { ids, who: 'peers' },
        right: { ids, who: 'peers' },
        k: { least: topK.scan, why: topK.rule },
      });
      if (problem !== null) {
        throw new PeermatchError('INVALID_OPTIONS', `${API}: 1 problem(s) with the options`, [
          { code: 'INVALID_VALUE', path: ['scan'], message: `${API}: options.scan ${problem}` },
        ]);
      }
    }
    const scale = { cells, denseLimit, k: topK.pairs };
    return pairsOnCandidates(cohort, program, compatibility, o, scale, topK.scan);
  }

  progress?.('matrix', 0, 1);
  const matrix: CompatibilityMatrix = buildCompatibility(cohort, program, compatibility);
  const { scores, allowed } = matrix;
  const mutual = (a: number, b: number) =>
    a !== b && allowed[a * n + b] === 1 && allowed[b * n + a] === 1;
  const pairScore = (a: number, b: number): number => {
    if (!mutual(a, b)) return Number.NEGATIVE_INFINITY;
    const x = scores[a * n + b];
    const y = scores[b * n + a];
    const s = balancedScore(Math.min(x, y), (x + y) / 2, lambda);
    return s >= minScore ? s : Number.NEGATIVE_INFINITY;
  };
  const linkUsable = (a: number, b: number) => mutual(a, b) && scores[a * n + b] >= minScore;
  progress?.('matrix', 1, 1);
  checkAborted(opts.signal, 'before solving');

  let solved: Solved;
  if (o.structure === 'pairs') {
    solved = solvePairs(n, pairEdges(n, pairScore, o.candidates), o);
  } else {
    // Staying out is worth 0, or, for coverage, less than any difference in teaching totals
    // (at most n), so covering one more peer always wins.
    const stayOut = o.objective === 'coverage' ? -(n + 1) : 0;
    const data = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        data[a * n + b] =
          a === b ? stayOut : linkUsable(a, b) ? scores[a * n + b] : Number.NEGATIVE_INFINITY;
      }
    }
    const cover = cycleCover({ n, data }, { maxLength: o.maxRingLength, ...controlOf(o) });
    solved = { cycles: cover.cycles, split: cover.fromSplit, cut: cover.cut };
  }
  checkAborted(opts.signal, 'after solving');
  progress?.('report', 0, 1);
  const formed = assemble(cohort, o, solved, {
    base: matrix,
    mutual,
    score: (g, v) => scores[g * n + v],
  });
  const unmatched = reciprocalUnmatched(
    densePeerNeighbourhood(matrix, (a, b) =>
      o.structure === 'pairs'
        ? pairScore(a, b) !== Number.NEGATIVE_INFINITY
        : linkUsable(a, b) || linkUsable(b, a),
    ),
    formed.group,
    minScore,
  );
  const result = resultOf(o, solved, formed, unmatched, {
    stability: reciprocalStability(ids, pairScore, formed.value, formed.group, o.stabilityLimit),
    scale: denseScale(cells, denseLimit),
  });
  const withAlternatives =
    o.alternatives > 0 && solved.mate !== undefined
      ? {
          ...result,
          alternatives: reciprocalAlternatives(ids, pairScore, solved.mate, o.alternatives),
        }
      : result;
  progress?.('report', 1, 1);
  return withAlternatives;
}

type Options = ReturnType<typeof readOptions>;

/**
 * What the solvers get: the caller's signal, and progress reported under `'solve'`. The
 * blossom's fractional start (its phase `'start'`) is reported as `'solve'` at 0 of `pairs`
 * (the blossom's own total): `'solve'` counts pairs formed, and one phase must not count two
 * things (it would go back to 0 half way), but the start's time belongs to the solve.
 */
function controlOf(o: Options, pairs?: number) {
  const { opts, progress } = o;
  return {
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(progress === undefined
      ? {}
      : {
          onProgress: (phase: string, done: number, total: number) => {
            if (phase !== 'start') progress('solve', done, total);
            else if (done === 0 && pairs !== undefined) progress('solve', 0, pairs);
          },
        }),
  };
}

/** The blossom on the pair graph: every peer's partner, as cycles of two. */
function solvePairs(n: number, edges: WeightedEdgeArrays, o: Options): Solved {
  const { mate } = maxWeightMatching(n, edges, {
    maxCardinality: o.objective === 'coverage',
    ...controlOf(o, Math.floor(n / 2)),
  });
  const cycles: Int32Array[] = [];
  for (let a = 0; a < n; a++) if (mate[a] > a) cycles.push(Int32Array.of(a, mate[a]));
  return { cycles, split: new Uint8Array(cycles.length), mate };
}

/**
 * The top-k path of pairs: each peer's `scan` best receivers and givers (`buildCandidates`, or
 * `options.scan` as given), the directions of the candidate pairs scored in one batch (both
 * for a scan given, the one no list holds for the call's own: `buildPeerGraph`), the
 * blossom on each peer's `k` best pairs allowed both ways, and the reports judged on the
 * candidate graph. Memory O(n·k), never n².
 */
function pairsOnCandidates(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  compatibility: CompatibilityOptions,
  o: Options,
  scale: { readonly cells: number; readonly denseLimit: number; readonly k: number },
  scan: number,
): MatchResult {
  const { opts, participants: ids, minScore, balanceWeight: lambda, progress } = o;
  const { k } = scale;
  const n = ids.length;
  // Lists ranked by one direction miss pairs strong both ways, so the scan keeps several times
  // k per direction and the blossom then gets each peer's k best by the balanced pair score.
  const candidates =
    opts.scan ??
    buildCandidates(cohort, program, {
      ...compatibility,
      k: scan,
      ...(progress === undefined ? {} : { onProgress: progress }),
    });
  const scorer = pairScorer(API, cohort, program, compatibility);
  const scoreOf = (x: number, y: number) => {
    const s = balancedScore(Math.min(x, y), (x + y) / 2, lambda);
    return s >= minScore ? s : Number.NEGATIVE_INFINITY;
  };
  const own = opts.scan === undefined || ownScans.has(opts.scan);
  const graph = buildPeerGraph(
    candidates,
    scorer,
    scoreOf,
    own,
    progress === undefined ? undefined : (done, total) => progress('pairs', done, total),
  );
  checkAborted(opts.signal, 'before solving');
  // The blossom gets the suitable pairs in the order the dense path would list them.
  const { pairA, pairB, pairScore: weights } = graph;
  const chosen = bestPairs(graph, k);
  let suitable = 0;
  for (let e = 0; e < weights.length; e++) suitable += chosen[e];
  const edges = {
    from: new Int32Array(suitable),
    to: new Int32Array(suitable),
    weight: new Float64Array(suitable),
  };
  for (let e = 0, t = 0; e < weights.length; e++) {
    if (chosen[e] === 0) continue;
    edges.from[t] = pairA[e];
    edges.to[t] = pairB[e];
    edges.weight[t++] = weights[e];
  }
  const solved = solvePairs(n, edges, o);
  checkAborted(opts.signal, 'after solving');
  progress?.('report', 0, 1);

  const formed = assemble(cohort, o, solved, {
    base: candidates,
    mutual: (g, v) => entryOf(graph, g, v) >= 0,
    score: (g, v) => graph.gives[entryOf(graph, g, v)],
  });
  const pairScore = (a: number, b: number): number => {
    const p = entryOf(graph, a, b);
    return p < 0 ? Number.NEGATIVE_INFINITY : graph.balanced[p];
  };
  const unmatched = reciprocalUnmatched(
    graphPeerNeighbourhood(graph, candidates, scorer, scoreOf),
    formed.group,
    minScore,
  );
  const notes = [
    'stability counts blocking pairs among candidate pairs only',
    ...(o.alternatives > 0 ? ['alternatives draw on candidate pairs only'] : []),
  ];
  const result = resultOf(o, solved, formed, unmatched, {
    stability: graphReciprocalStability(
      ids,
      pairA,
      pairB,
      weights,
      formed.value,
      formed.group,
      o.stabilityLimit,
    ),
    scale: { method: 'top-k', ...scale, edges: suitable, widened: [], pricing: null, notes },
  });
  const withAlternatives =
    o.alternatives > 0 && solved.mate !== undefined
      ? {
          ...result,
          alternatives: reciprocalAlternatives(ids, pairScore, solved.mate, o.alternatives, (a) =>
            graph.peers.subarray(graph.offsets[a], graph.offsets[a + 1]),
          ),
        }
      : result;
  progress?.('report', 1, 1);
  return withAlternatives;
}

/**
 * Reciprocal skill-swap: peers who each teach what the other wants. Pairs by maximum-weight
 * matching in the general graph (Edmonds' blossom; Galil 1986); rings by a maximum-weight cycle
 * cover (an assignment with the diagonal as "stay out"), long cycles cut by an exact DP.
 */

import type { CompatibilityOptions } from '../compatibility/build-compatibility.js';
import { buildCompatibility } from '../compatibility/build-compatibility.js';
import type { CompatibilityMatrix } from '../compatibility/types.js';
import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import type { ProgressCallback } from '../solvers/_internal/read-options.js';
import { cycleCover } from '../solvers/cycle-cover.js';
import { maxWeightMatching } from '../solvers/max-weight-matching.js';
import { reciprocalAlternatives } from './_internal/alternatives.js';
import { explanationOf } from './_internal/explanation.js';
import { OptionReader } from './_internal/option-reader.js';
import { pairStats } from './_internal/pair-stats.js';
import { reciprocalUnmatched } from './_internal/reciprocal-unmatched.js';
import { summarizeScores } from './_internal/score-summary.js';
import { DEFAULT_STABILITY_LIMIT, reciprocalStability } from './_internal/stability.js';
import type { MatchedPair, MatchResult, ReciprocalRing } from './match-result.js';

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
   * both ends). The result is optimal on that graph, not always on the full one.
   * @default every suitable pair up to 2,000 peers, else 10
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
   * Called as the run advances, with `(phase, done, total)`: `'matrix'`, `'solve'` (pairs formed
   * by the blossom, or the assignment's rows for rings) and `'report'`; each phase ends with
   * `done === total`.
   * @default undefined
   */
  readonly onProgress?: ProgressCallback;
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
    candidates:
      candidates ?? (participants.length <= d.denseUpTo ? Number.POSITIVE_INFINITY : d.candidates),
    alternatives,
    stabilityLimit,
    progress,
  };
}

/** The peers, in code-unit order of their ids (the tie-break). */
function checkAborted(signal: AbortSignal | undefined, step: string): void {
  if (signal?.aborted) throw new PeermatchError('ABORTED', `${API}: aborted ${step}`);
}

/** `(min + λ·mean) / (1 + λ)` of a relationship's teaching scores. */
function balancedScore(min: number, mean: number, lambda: number): number {
  return (min + lambda * mean) / (1 + lambda);
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
      if (b === a) continue;
      const s = pairScore(a, b);
      if (s === Number.NEGATIVE_INFINITY || (size === k && s <= best[k - 1])) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && best[at - 1] < s) {
        best[at] = best[at - 1];
        who[at] = who[at - 1];
        at--;
      }
      best[at] = s;
      who[at] = b;
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

/** Relationships as cycles of peer indices in teaching order (a pair is a cycle of two). */
interface Solved {
  readonly cycles: readonly Int32Array[];
  readonly split: Uint8Array;
  /** Rings only: over-long cycles cut. */
  readonly cut?: number;
  /** Pairs only: the partner of each peer, or -1. */
  readonly mate?: Int32Array;
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
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - See {@link MatchReciprocalOptions}.
 * @returns A {@link MatchResult} with mode `'reciprocal'` and `rings`.
 * @throws {PeermatchError} `INVALID_OPTIONS`, `INVALID_INPUT`, `ABORTED`.
 * @example
 * ```ts
 * const result = matchReciprocal(cohort, undefined, { structure: 'rings', maxRingLength: 3 });
 * result.rings?.map((r) => r.memberIds.join(' → '));
 * //=> ['ada → bo → cy']
 * result.rings?.[0].imbalance;
 * //=> 0.12
 * ```
 */
export function matchReciprocal(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: MatchReciprocalOptions,
): MatchResult {
  const o = readOptions(cohort, options);
  const { opts, participants: ids, minScore, balanceWeight: lambda, progress } = o;
  progress?.('matrix', 0, 1);
  const matrix: CompatibilityMatrix = buildCompatibility(cohort, program, {
    left: ids,
    right: ids,
    layout: 'square',
    ...(opts.scorers === undefined ? {} : { scorers: opts.scorers }),
    ...(opts.constraints === undefined ? {} : { constraints: opts.constraints }),
    ...(opts.weights === undefined ? {} : { weights: opts.weights }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  });
  const n = ids.length;
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

  // The solvers look at the signal as they go and report under their own phase names.
  const control = {
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(progress === undefined
      ? {}
      : { onProgress: (_: string, done: number, total: number) => progress('solve', done, total) }),
  };
  let solved: Solved;
  if (o.structure === 'pairs') {
    const edges = pairEdges(n, pairScore, o.candidates);
    const { mate } = maxWeightMatching(n, edges, {
      maxCardinality: o.objective === 'coverage',
      ...control,
    });
    const cycles: Int32Array[] = [];
    for (let a = 0; a < n; a++) if (mate[a] > a) cycles.push(Int32Array.of(a, mate[a]));
    solved = { cycles, split: new Uint8Array(cycles.length), mate };
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
    const cover = cycleCover({ n, data }, { maxLength: o.maxRingLength, ...control });
    solved = { cycles: cover.cycles, split: cover.fromSplit, cut: cover.cut };
  }
  checkAborted(opts.signal, 'after solving');
  progress?.('report', 0, 1);

  const group = new Int32Array(n).fill(-1);
  const value = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const rings: ReciprocalRing[] = [];
  const links: MatchedPair[] = [];
  const givers: number[] = [];
  const receivers: number[] = [];
  const ringScores: number[] = [];
  solved.cycles.forEach((cycle, r) => {
    const k = cycle.length;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (let t = 0; t < k; t++) {
      const g = cycle[t];
      const v = cycle[(t + 1) % k];
      // Safety property: checked again here, a forbidden pair must never reach a result.
      if (!mutual(g, v))
        throw new Error(`${API}: internal error, forbidden link (${ids[g]}, ${ids[v]})`);
      const s = scores[g * n + v];
      min = Math.min(min, s);
      max = Math.max(max, s);
      sum += s;
      links.push({
        mentorId: ids[g],
        menteeId: ids[v],
        score: s,
        explanation: explanationOf(matrix, ids[g], ids[v]),
      });
      givers.push(matrix.left[g]);
      receivers.push(matrix.left[v]);
    }
    const score = balancedScore(min, sum / k, lambda);
    for (let t = 0; t < k; t++) {
      group[cycle[t]] = r;
      value[cycle[t]] = score;
    }
    ringScores.push(score);
    rings.push({
      memberIds: Array.from(cycle, (i) => ids[i]),
      score,
      balance: Array.from(cycle, (i, t) => {
        const next = cycle[(t + 1) % k];
        const prev = cycle[(t + k - 1) % k];
        return {
          participantId: ids[i],
          givesTo: ids[next],
          gives: scores[i * n + next],
          receivesFrom: ids[prev],
          receives: scores[prev * n + i],
        };
      }),
      imbalance: max - min,
      split: solved.split[r] === 1,
    });
  });
  links.sort((a, b) =>
    a.mentorId !== b.mentorId
      ? a.mentorId < b.mentorId
        ? -1
        : 1
      : a.menteeId < b.menteeId
        ? -1
        : a.menteeId > b.menteeId
          ? 1
          : 0,
  );

  const unmatched = reciprocalUnmatched(matrix, group, minScore, (a, b) =>
    o.structure === 'pairs'
      ? pairScore(a, b) !== Number.NEGATIVE_INFINITY
      : linkUsable(a, b) || linkUsable(b, a),
  );
  const matchedPeople = n - unmatched.length;
  let total = 0;
  for (const s of ringScores) total += s;
  const result: MatchResult = {
    mode: 'reciprocal',
    objective: o.objective,
    minScore,
    pairs: links,
    unmatched,
    stats: {
      matched: rings.length,
      mentors: n,
      mentees: n,
      unmatchedMentors: unmatched.length,
      unmatchedMentees: unmatched.length,
      totalScore: total,
      scores: summarizeScores(ringScores),
      seats: { total: n, used: matchedPeople },
      ...pairStats(cohort, givers, receivers),
      ...(solved.cut === undefined ? {} : { ringsCut: solved.cut }),
    },
    rings,
    stability: reciprocalStability(ids, pairScore, value, group, o.stabilityLimit),
  };
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

/**
 * One-to-one mentoring with mentor capacity, as a capacitated assignment (successive shortest
 * paths; Jonker & Volgenant 1987) on mentees × mentors, with an "unmatched" column when not
 * everyone can be placed, and the bottleneck objective by threshold
 * search (Gross 1959; Garfinkel 1971: the largest threshold at which the maximum number of
 * pairs is still achievable).
 */

import type { CompatibilityOptions } from '../compatibility/build-compatibility.js';
import { buildCompatibility } from '../compatibility/build-compatibility.js';
import type { CompatibilityBase, CompatibilityCandidates } from '../compatibility/types.js';
import { PeermatchError, type PeermatchIssue } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import { parseProgram } from '../profile/parse-program.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import { oneToOneAlternatives } from './_internal/alternatives.js';
import { seatsOf, solve } from './_internal/dense-one-to-one.js';
import { denseScale } from './_internal/dense-scale.js';
import { explanationOf } from './_internal/explanation.js';
import { candidatesProblem } from './_internal/given-candidates.js';
import { pairStats } from './_internal/pair-stats.js';
import { summarizeScores } from './_internal/score-summary.js';
import { graphAlternatives } from './_internal/sparse-alternatives.js';
import { edgeScore } from './_internal/sparse-pair-graph.js';
import { graphStability } from './_internal/sparse-stability.js';
import { DEFAULT_STABILITY_LIMIT, oneToOneStability } from './_internal/stability.js';
import { matchTopK } from './_internal/top-k-one-to-one.js';
import { priceTopK } from './_internal/top-k-pricing.js';
import { explainUnmatched, explainUnmatchedOn, graphNeighbourhood } from './_internal/unmatched.js';
import type {
  MatchedPair,
  MatchObjective,
  MatchPricing,
  MatchResult,
  MatchScale,
  StabilityReport,
  UnmatchedParticipant,
} from './match-result.js';

const API = 'matchOneToOne';
const OBJECTIVES: readonly MatchObjective[] = ['total', 'coverage', 'fairness'];

/** Options of {@link matchOneToOne}. */
export interface MatchOneToOneOptions
  extends Pick<CompatibilityOptions, 'scorers' | 'constraints' | 'weights' | 'signal'> {
  /**
   * What to optimise: `'total'` (largest total score, a mentee may be left out when that raises
   * it), `'coverage'` (most pairs, then largest total) or `'fairness'` (most pairs, then the
   * largest worst pair score, then largest total).
   * @default 'coverage'
   */
  readonly objective?: MatchObjective;
  /**
   * No pair scoring below this is made (a pair scoring exactly `minScore` may be). In [0, 1].
   * @default 0
   */
  readonly minScore?: number;
  /**
   * Participant ids of the mentors (givers).
   * @default every participant with role `mentor`
   */
  readonly mentors?: readonly string[];
  /**
   * Participant ids of the mentees (receivers).
   * @default every participant with role `mentee`
   */
  readonly mentees?: readonly string[];
  /**
   * List each mentee's `alternatives` best other mentors, with the cost of the swap.
   * @default 0 (none)
   */
  readonly alternatives?: number;
  /**
   * Blocking pairs listed in `result.stability` (all are counted).
   * @default 100
   */
  readonly stabilityLimit?: number;
  /**
   * Called as the run advances, with `(phase, done, total)`: `'matrix'` (dense) or
   * `'candidates'` (top-k, rows scanned), then `'solve'`, `'widen'` (top-k, one call per round),
   * `'pricing'` (top-k with `program.matching.pricing`: mentors bounded, from 0 to all in each
   * round) and `'report'` (explanations, reasons, stability); each phase ends with
   * `done === total`.
   * @default undefined
   */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
  /**
   * Top-k candidates built beforehand (`buildCandidates`, or `buildCandidatesParallel` from
   * `peermatch/node` on worker threads): the top-k path then runs on them, whatever the size,
   * instead of scanning every pair itself. They must be built on this cohort with `layout:
   * 'directed'`, `left` the mentors and `right` the mentees in the order `matchOneToOne` takes
   * them (code-unit order of their ids); anything else is rejected. Their `k` is the k in force
   * (`program.matching.candidates` is not read). That they were built under the same program,
   * scorers, constraints and weights as this call is the caller's responsibility: widening
   * scores the mentees it widens under this call's, and the rules are checked again on every
   * pair made.
   * @default undefined (built here when the cohort is above `program.matching.denseLimit`)
   */
  readonly candidates?: CompatibilityCandidates;
}

/** The defaults of {@link MatchOneToOneOptions}. */
export const MATCH_ONE_TO_ONE_DEFAULTS: Readonly<{
  objective: MatchObjective;
  minScore: number;
  alternatives: number;
  stabilityLimit: number;
}> = Object.freeze({
  objective: 'coverage',
  minScore: 0,
  alternatives: 0,
  stabilityLimit: DEFAULT_STABILITY_LIMIT,
});

/**
 * Defaults of the program's scale options (`program.matching.denseLimit`, `.candidates` and
 * `.pricing`): above `denseLimit` mentors × mentees cells (5,000 × 5,000 stays dense, about
 * 225 MB of matrix and mask), `matchOneToOne` keeps each participant's `candidates` best
 * partners instead, and runs no pricing rounds unless asked.
 */
export const MATCH_SCALE_DEFAULTS: Readonly<{
  denseLimit: number;
  candidates: number;
  pricing: number;
}> = Object.freeze({ denseLimit: 25_000_000, candidates: 20, pricing: 0 });

const OPTION_KEYS = new Set([
  'objective',
  'minScore',
  'mentors',
  'mentees',
  'alternatives',
  'stabilityLimit',
  'scorers',
  'constraints',
  'weights',
  'signal',
  'onProgress',
  'candidates',
]);

function invalid(issues: PeermatchIssue[]): never {
  throw new PeermatchError(
    'INVALID_OPTIONS',
    `${API}: ${issues.length} problem(s) with the options`,
    issues,
  );
}

/** Ids of one side: given (checked) or by role; sorted in code-unit order for tie-breaking. */
function sideIds(
  cohort: Cohort,
  given: unknown,
  key: 'mentors' | 'mentees',
  role: number,
  issues: PeermatchIssue[],
): string[] {
  if (given === undefined) {
    const ids: string[] = [];
    for (let i = 0; i < cohort.size; i++) if (cohort.role[i] === role) ids.push(cohort.ids[i]);
    return ids.sort();
  }
  if (!Array.isArray(given)) {
    issues.push({
      code: 'INVALID_TYPE',
      path: [key],
      message: `${API}: options.${key} must be an array of participant ids`,
    });
    return [];
  }
  const seen = new Set<string>();
  given.forEach((id: unknown, k) => {
    if (typeof id !== 'string' || !cohort.indexOf.has(id)) {
      issues.push({
        code: 'UNKNOWN_PARTICIPANT',
        path: [key, k],
        message: `${API}: options.${key}[${k}] is ${JSON.stringify(id)}, who is not in the cohort`,
      });
    } else if (seen.has(id)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: [key, k],
        message: `${API}: options.${key}[${k}] repeats ${JSON.stringify(id)}`,
        participantId: id,
      });
    } else seen.add(id);
  });
  return [...seen].sort();
}

function readOptions(cohort: Cohort, options: MatchOneToOneOptions | undefined) {
  const opts = options ?? {};
  if (typeof opts !== 'object' || opts === null) {
    invalid([{ code: 'INVALID_TYPE', path: [], message: `${API}: options must be an object` }]);
  }
  const issues: PeermatchIssue[] = [];
  for (const key of Object.keys(opts)) {
    if (!OPTION_KEYS.has(key)) {
      issues.push({
        code: 'UNKNOWN_OPTION',
        path: [key],
        message: `${API}: unknown option ${JSON.stringify(key)}`,
      });
    }
  }
  const objective = opts.objective ?? MATCH_ONE_TO_ONE_DEFAULTS.objective;
  if (!OBJECTIVES.includes(objective)) {
    issues.push({
      code: 'INVALID_VALUE',
      path: ['objective'],
      message: `${API}: options.objective must be one of ${OBJECTIVES.join(', ')}, got ${JSON.stringify(objective)}`,
    });
  }
  const minScore = opts.minScore ?? MATCH_ONE_TO_ONE_DEFAULTS.minScore;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) {
    issues.push({
      code: 'OUT_OF_RANGE',
      path: ['minScore'],
      message: `${API}: options.minScore must be a number from 0 to 1, got ${String(minScore)}`,
    });
  }
  for (const key of ['alternatives', 'stabilityLimit'] as const) {
    const v = opts[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
      issues.push({
        code: 'OUT_OF_RANGE',
        path: [key],
        message: `${API}: options.${key} must be an integer ≥ 0, got ${String(v)}`,
      });
    }
  }
  const mentors = sideIds(cohort, opts.mentors, 'mentors', 0, issues);
  const mentees = sideIds(cohort, opts.mentees, 'mentees', 1, issues);
  const menteeSet = new Set(mentees);
  for (const id of mentors) {
    if (menteeSet.has(id)) {
      issues.push({
        code: 'BOTH_SIDES',
        path: ['mentors'],
        message: `${API}: ${JSON.stringify(id)} is both a mentor and a mentee; one-to-one matching needs disjoint sides`,
        participantId: id,
      });
    }
  }
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
    issues.push({
      code: 'INVALID_TYPE',
      path: ['onProgress'],
      message: `${API}: options.onProgress must be a function (phase, done, total), got ${typeof opts.onProgress}`,
    });
  }
  if (opts.candidates !== undefined && issues.length === 0) {
    const problem = candidatesProblem(cohort, opts.candidates, {
      layout: 'directed',
      why: 'mentors give, mentees receive',
      left: { ids: mentors, who: 'mentors' },
      right: { ids: mentees, who: 'mentees' },
    });
    if (problem !== null) {
      issues.push({
        code: 'INVALID_VALUE',
        path: ['candidates'],
        message: `${API}: options.candidates ${problem}`,
      });
    }
  }
  if (issues.length > 0) invalid(issues);
  return { opts, objective, minScore, mentors, mentees };
}

interface Outcome {
  readonly objective: MatchObjective;
  readonly minScore: number;
  readonly unmatched: UnmatchedParticipant[];
  readonly stability: StabilityReport;
  readonly scale: MatchScale;
}

/**
 * The result of an assignment, on either path: pairs by mentor then mentee with explanations,
 * checked once more against the rules (`explain` judges every rule afresh), and statistics.
 */
function assemble(
  cohort: Cohort,
  base: CompatibilityBase,
  capacity: Int32Array,
  assigned: Int32Array,
  scoreOf: (m: number, e: number) => number,
  outcome: Outcome,
): MatchResult {
  const { leftIds, rightIds, rows, cols } = base;
  const { minScore, unmatched } = outcome;
  const pairsOf: number[][] = Array.from({ length: rows }, () => []);
  for (let e = 0; e < cols; e++) if (assigned[e] >= 0) pairsOf[assigned[e]].push(e);
  const pairs: MatchedPair[] = [];
  const scores: number[] = [];
  const givers: number[] = [];
  const receivers: number[] = [];
  let seatsTotal = 0;
  for (let m = 0; m < rows; m++) {
    seatsTotal += capacity[m];
    for (const e of pairsOf[m]) {
      const score = scoreOf(m, e);
      const why = base.explain(leftIds[m], rightIds[e]);
      // Safety property: the solver only sees suitable pairs; checked again here, by the rules
      // themselves, because a forbidden pair in a result is the one mistake this library must
      // never make.
      if (!why.allowed || !(score >= minScore)) {
        throw new Error(`${API}: internal error, unsuitable pair (${leftIds[m]}, ${rightIds[e]})`);
      }
      pairs.push({
        mentorId: leftIds[m],
        menteeId: rightIds[e],
        score,
        explanation: explanationOf({ explain: () => why }, leftIds[m], rightIds[e]),
      });
      scores.push(score);
      givers.push(base.left[m]);
      receivers.push(base.right[e]);
    }
  }
  let total = 0;
  for (const s of scores) total += s;
  let unmatchedMentors = 0;
  for (const u of unmatched) if (u.role === 'mentor') unmatchedMentors++;
  return {
    mode: 'one-to-one',
    objective: outcome.objective,
    minScore,
    pairs,
    unmatched,
    stats: {
      matched: pairs.length,
      mentors: rows,
      mentees: cols,
      unmatchedMentors,
      unmatchedMentees: unmatched.length - unmatchedMentors,
      totalScore: total,
      scores: summarizeScores(scores),
      seats: { total: seatsTotal, used: pairs.length },
      ...pairStats(cohort, givers, receivers),
    },
    stability: outcome.stability,
    scale: outcome.scale,
  };
}

/** Reports the end of the last phase and hands the result back. */
function done(result: MatchResult, progress: MatchOneToOneOptions['onProgress']): MatchResult {
  progress?.('report', 1, 1);
  return result;
}

/** The dense limit and k in force: the program's, else the defaults. */
function scaleOf(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
): { denseLimit: number; k: number; pricing: number } {
  const { matching } = program === undefined ? cohort.program : parseProgram(program);
  return {
    denseLimit: matching.denseLimit ?? MATCH_SCALE_DEFAULTS.denseLimit,
    k: matching.candidates ?? MATCH_SCALE_DEFAULTS.candidates,
    pricing: matching.pricing ?? MATCH_SCALE_DEFAULTS.pricing,
  };
}

/** The scale options in force, and the cells they were judged on. */
interface ScaleSettings {
  readonly cells: number;
  readonly denseLimit: number;
  readonly k: number;
  readonly pricing: number;
}

/** What both paths read from the options. */
interface Settings {
  readonly objective: MatchObjective;
  readonly minScore: number;
  readonly alternatives: number;
  readonly stabilityLimit: number;
  readonly progress: MatchOneToOneOptions['onProgress'];
}

/** The top-k path: candidates, solve and widening, then the result judged on candidate pairs. */
function matchOnCandidates(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  compatibility: CompatibilityOptions,
  scale: ScaleSettings,
  { objective, minScore, alternatives, stabilityLimit, progress }: Settings,
  given: CompatibilityCandidates | undefined,
): MatchResult {
  const { cells, denseLimit } = scale;
  const k = given?.k ?? scale.k;
  const topK = matchTopK(cohort, program, compatibility, k, objective, minScore, API, {
    progress,
    given,
  });
  const { candidates, capacity } = topK;
  let { graph, assigned } = topK;
  let pricing: MatchPricing | null = null;
  const notes: string[] = [];
  if (scale.pricing > 0 && objective === 'fairness') {
    notes.push('pricing does not apply to the fairness objective: no rounds were run');
  }
  if (scale.pricing > 0 && topK.duals !== null && objective !== 'fairness') {
    ({ graph, assigned, pricing } = priceTopK(
      cohort,
      program,
      compatibility,
      candidates,
      { graph, capacity, assigned, duals: topK.duals },
      objective,
      minScore,
      scale.pricing,
      API,
      progress,
    ));
  }
  progress?.('report', 0, 1);
  const current = new Float64Array(graph.mentees).fill(Number.NEGATIVE_INFINITY);
  for (let e = 0; e < graph.mentees; e++) {
    if (assigned[e] >= 0) current[e] = edgeScore(graph, assigned[e], e);
  }
  const result = assemble(cohort, candidates, capacity, assigned, (_m, e) => current[e], {
    objective,
    minScore,
    unmatched: explainUnmatchedOn(
      graphNeighbourhood(graph, candidates),
      capacity,
      assigned,
      minScore,
    ),
    stability: graphStability(
      graph,
      candidates.leftIds,
      candidates.rightIds,
      capacity,
      assigned,
      current,
      minScore,
      stabilityLimit,
    ),
    scale: {
      method: 'top-k',
      cells,
      denseLimit,
      k,
      edges: graph.menteeMentors.length,
      widened: topK.widened,
      pricing,
      notes: [
        'stability counts blocking pairs among candidate pairs only',
        ...(alternatives > 0 ? ['alternatives draw on candidate pairs only'] : []),
        ...notes,
      ],
    },
  });
  if (alternatives === 0) return done(result, progress);
  return done(
    {
      ...result,
      alternatives: graphAlternatives(
        graph,
        candidates.leftIds,
        candidates.rightIds,
        capacity,
        assigned,
        current,
        minScore,
        alternatives,
      ),
    },
    progress,
  );
}

/**
 * Forms one-to-one mentoring relationships: each mentee gets at most one mentor, each mentor at
 * most `capacity` mentees, and no pair forbidden by a hard rule (or scoring below `minScore`) is
 * ever made.
 *
 * Capacity: a capacitated assignment kernel solves mentees × mentors directly (a mentor of
 * capacity `c` is one column taking up to `c` mentees). When not every mentee with a suitable
 * mentor can be placed, one "unmatched" column of unlimited capacity takes anyone: scoring 0
 * under `'total'`, and under `'coverage'` and `'fairness'` (when needed) scoring less than any
 * two totals can differ, so the most pairs come first. Exact; rows and seats that cannot be
 * used are dropped first.
 *
 * Objectives (`options.objective`):
 * - `'coverage'` (default): the most pairs, then the largest total score;
 * - `'total'`: the largest total score, even if fewer mentees are matched;
 * - `'fairness'`: the most pairs, then the largest worst pair score (the bottleneck, found by
 *   binary search over the distinct scores), then the largest total among pairs at or above it.
 *
 * Scale: above `program.matching.denseLimit` mentors × mentees cells (default 25 million), no
 * dense matrix is built: each side keeps its `program.matching.candidates` (default 20) best
 * allowed partners (`buildCandidates`), the assignment is solved exactly on that graph (a
 * sparse capacitated kernel, mentors as columns of their capacity), and mentees it leaves
 * unmatched with unseen allowed mentors are widened and re-solved. With
 * `program.matching.pricing` rounds (`'coverage'` and `'total'`), pairs off the graph that
 * could raise the total are then found from the solve's prices and added, until a round proves
 * the result optimal for the whole cohort or the rounds run out; `result.scale.pricing` gives
 * a proved bound on the optimum either way. `result.scale` says which path ran, whom it
 * widened and what pricing found; stability and alternatives are then judged on candidate
 * pairs only. The candidate scan dominates that path: build the candidates on worker threads
 * (`buildCandidatesParallel`, or `matchOneToOneParallel` which does both, from `peermatch/node`)
 * and pass them as `options.candidates` for the same result in less time.
 *
 * Deterministic: mentors and mentees are taken in code-unit order of their ids, so ties break
 * by id, whatever the order of the cohort. The cohort and program are not modified.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - See {@link MatchOneToOneOptions}.
 * @returns A JSON-serialisable {@link MatchResult}: pairs with explanations, every unmatched
 *   participant with a reason, and statistics.
 * @throws {PeermatchError} `INVALID_OPTIONS` (also for `candidates` that do not fit),
 *   `INVALID_INPUT` (from `buildCompatibility` or `buildCandidates`), `ABORTED`.
 * @example
 * ```ts
 * const result = matchOneToOne(cohort, undefined, { objective: 'fairness', minScore: 0.3 });
 * result.pairs.map((p) => `${p.mentorId}→${p.menteeId}`);
 * //=> ['ana→bo']
 * result.unmatched[0];
 * //=> { participantId: 'eve', role: 'mentee', code: 'NO_ALLOWED_PARTNER', … }
 * result.scale?.method;
 * //=> 'dense'
 *
 * // Candidates built beforehand (here on two worker threads), in matchOneToOne's order:
 * const candidates = await buildCandidatesParallel(cohort, undefined, {
 *   left: [...mentorIds].sort(),
 *   right: [...menteeIds].sort(),
 *   layout: 'directed',
 *   k: 20,
 *   threads: 2,
 * });
 * matchOneToOne(cohort, undefined, { candidates }).scale?.method;
 * //=> 'top-k'
 * ```
 */
export function matchOneToOne(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: MatchOneToOneOptions,
): MatchResult {
  const { opts, objective, minScore, mentors, mentees } = readOptions(cohort, options);
  const compatibility: CompatibilityOptions = {
    left: mentors,
    right: mentees,
    layout: 'directed',
    ...(opts.scorers === undefined ? {} : { scorers: opts.scorers }),
    ...(opts.constraints === undefined ? {} : { constraints: opts.constraints }),
    ...(opts.weights === undefined ? {} : { weights: opts.weights }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  };
  const stabilityLimit = opts.stabilityLimit ?? MATCH_ONE_TO_ONE_DEFAULTS.stabilityLimit;
  const progress = opts.onProgress;
  const alternatives = opts.alternatives ?? 0;
  const { denseLimit, k, pricing } = scaleOf(cohort, program);
  const cells = mentors.length * mentees.length;
  const settings = { objective, minScore, alternatives, stabilityLimit, progress };
  if (cells > denseLimit || opts.candidates !== undefined) {
    return matchOnCandidates(
      cohort,
      program,
      compatibility,
      { cells, denseLimit, k, pricing },
      settings,
      opts.candidates,
    );
  }

  progress?.('matrix', 0, 1);
  const matrix = buildCompatibility(cohort, program, compatibility);
  progress?.('matrix', 1, 1);
  progress?.('solve', 0, 1);
  const seats = seatsOf(cohort, matrix);
  const { assigned } = solve(matrix, seats, objective, minScore, opts.signal);
  progress?.('solve', 1, 1);
  progress?.('report', 0, 1);
  const result = assemble(
    cohort,
    matrix,
    seats.capacity,
    assigned,
    (m, e) => {
      const cell = m * matrix.cols + e;
      return matrix.allowed[cell] === 1 ? matrix.scores[cell] : Number.NEGATIVE_INFINITY;
    },
    {
      objective,
      minScore,
      unmatched: explainUnmatched(matrix, seats.capacity, assigned, minScore),
      stability: oneToOneStability(matrix, seats.capacity, assigned, minScore, stabilityLimit),
      scale: denseScale(cells, denseLimit),
    },
  );
  if (alternatives === 0) return done(result, progress);
  return done(
    {
      ...result,
      alternatives: oneToOneAlternatives(matrix, seats.capacity, assigned, minScore, alternatives),
    },
    progress,
  );
}

/**
 * Pricing on the one-to-one top-k path (column generation; Dantzig & Wolfe 1960, Gilmore &
 * Gomory 1961): the candidate graph's optimum is the cohort's optimum unless some pair the
 * graph does not hold scores above what its mentee and mentor are worth in the solve.
 *
 * The solve's duals say what they are worth: each mentor's price `p_m` (≥ 0) and each mentee's
 * value `u_e`, its best `score − p_m` over its own edges (or staying out). A pair off the graph
 * can raise the objective only if `score > u_e + p_m`. One round bounds every allowed pair
 * (`CandidateBound`, as the scan does, but against `u_e + p_m` instead of heap roots), scores the
 * few whose bound beats it, adds those whose score does (and those within {@link MARGIN} of it),
 * and solves again; a round that finds none that beats it proves the graph's optimum optimal for
 * the whole cohort.
 *
 * Every round also certifies: raising each `u_e` to its best `score − p_m` over the pairs it
 * scored (the others' bounds are at most `u_e + p_m`) gives a feasible dual of the whole
 * problem, so the optimum is at most `Σ u + Σ capacity × p` — a bound a user can quote even when
 * the rounds run out first.
 */

import { CandidateBound } from '../../compatibility/_internal/candidate-bound.js';
import { type PairScorer, pairScorer } from '../../compatibility/_internal/pair-scores.js';
import { checkAborted, RowKernel } from '../../compatibility/_internal/row-kernel.js';
import { ColumnWatch } from '../../compatibility/_internal/visible-columns.js';
import type { CompatibilityOptions } from '../../compatibility/build-compatibility.js';
import type { CompatibilityCandidates } from '../../compatibility/types.js';
import type { Cohort } from '../../profile/cohort.js';
import type { Program, ProgramInput } from '../../profile/program-schema.js';
import type { MatchPricing } from '../match-result.js';
import {
  type EdgeArrays,
  edgeScore,
  type PairGraph,
  pairGraphOf,
  withEdges,
} from './sparse-pair-graph.js';
import { type GraphDuals, type GraphSolve, solveOnGraph } from './top-k-solve.js';
import { ValueLevels } from './value-levels.js';

/**
 * A pair could raise the objective (and keeps the rounds going) only when its score beats its
 * duals by more than this: far below any score difference that matters, far above the rounding
 * of `score − price`, so rounds cannot cycle on pairs that tie with their duals.
 */
const GAIN = 1e-9;

/**
 * A round also adds the pairs within this of their duals, which do not raise the objective yet
 * but may once prices move: more pairs scored and solved on, fewer rounds, each a pass over
 * every allowed pair. Measured on generated cohorts (rounds to a proof, seconds of pricing) with
 * margins 0.01 / 0.03 / 0.05: 5,000 × 5,000 of capacity 1: 7 / 5 / 2 rounds, 2.0 / 1.4 / 0.6 s;
 * 30,000 × 6,000 of capacity 5: 3 / 3 / 3 rounds, 3.9 / 4.1 / 4.5 s; 100,000 × 20,000: 4 / 3 /
 * 3 rounds, about 43 / 34 / 39 s (0.05 added 1.9 million pairs, 0.03 1.05 million). Without a
 * margin 30,000 × 6,000 took 13 rounds.
 */
const MARGIN = 0.03;

/** Rows between progress reports and abort checks in a pricing pass. */
const REPORT_EVERY = 256;

/** What a pricing pass scores and bounds with, built once for every round. */
interface Pricer {
  readonly scorer: PairScorer;
  /** `undefined` with custom scorers or constraints: each row is then scored in full. */
  readonly bound: CandidateBound | undefined;
  /** The row kernel for that case. */
  readonly kernel: RowKernel | undefined;
}

/** The last round's dual, raised to be feasible for every allowed pair of the cohort. */
interface Certificate {
  /** Each mentee's value over every suitable pair (`u_e` raised by the pairs priced). */
  readonly value: Float64Array;
  readonly duals: GraphDuals;
}

/** The graph grown by the rounds, the last solve on it, and what the rounds found. */
export interface PricedOutcome {
  readonly graph: PairGraph;
  readonly assigned: Int32Array;
  readonly pricing: MatchPricing;
}

/** Each mentee's value in the solve: its best `score − price` over suitable edges, or staying out. */
function valuesOf(
  graph: PairGraph,
  capacity: Int32Array,
  minScore: number,
  { price, stayOut }: GraphDuals,
): Float64Array {
  const { mentors, mentees, menteeOffsets, menteeMentors, menteeScores } = graph;
  const value = new Float64Array(mentees);
  const out = stayOut - price[mentors];
  for (let e = 0; e < mentees; e++) {
    let best = out;
    for (let p = menteeOffsets[e]; p < menteeOffsets[e + 1]; p++) {
      const m = menteeMentors[p];
      const s = menteeScores[p];
      if (capacity[m] > 0 && s >= minScore && s - price[m] > best) best = s - price[m];
    }
    value[e] = best;
  }
  return value;
}

/**
 * One pass over every allowed pair off the graph: `found`, the pairs within {@link MARGIN} of
 * their duals or above, of which `improving` beat them by more than {@link GAIN} (could raise
 * the objective); and `value` raised to each mentee's best `score − price` over the pairs
 * scored, which makes the duals feasible for the cohort.
 */
function pricePass(
  { scorer, bound, kernel }: Pricer,
  graph: PairGraph,
  capacity: Int32Array,
  minScore: number,
  price: Float64Array,
  value: Float64Array,
  onRows: (done: number) => void,
): { found: EdgeArrays; improving: number } {
  const { setup } = scorer;
  const { mentors, mentees, mentorOffsets, mentorMentees } = graph;
  const threshold = Float64Array.from(value);
  const reach = Float64Array.from(value, (x) => x - MARGIN);
  const inGraph = new Int32Array(mentees).fill(-1);
  let kinds: KindPruning | undefined;
  if (bound?.bySkill) {
    const watch = new ColumnWatch(mentees);
    bound.narrowWatch(watch, reach);
    kinds = new KindPruning(watch, reach);
  }
  const givers: number[] = [];
  const receivers: number[] = [];
  const scores: number[] = [];
  let improving = 0;
  const consider = (m: number, e: number, s: number) => {
    if (s < minScore) return;
    const gain = s - price[m];
    if (gain > value[e]) value[e] = gain;
    if (gain > reach[e]) {
      givers.push(m);
      receivers.push(e);
      scores.push(s);
      if (gain > threshold[e] + GAIN) improving++;
    }
  };
  const maybe: number[] = [];
  for (let m = 0; m < mentors; m++) {
    if (m % REPORT_EVERY === 0) {
      onRows(m);
      checkAborted(setup, m, mentors);
    }
    if (capacity[m] <= 0) continue;
    for (let p = mentorOffsets[m]; p < mentorOffsets[m + 1]; p++) inGraph[mentorMentees[p]] = m;
    const pm = price[m];
    if (kernel !== undefined) {
      const count = kernel.run(setup.left[m], setup.right);
      for (let t = 0; t < count; t++) {
        const e = kernel.position[t];
        if (inGraph[e] !== m) consider(m, e, kernel.score[t]);
      }
      continue;
    }
    // A pair whose bound is at most its duals cannot raise the objective, and keeps the duals
    // feasible: its score is at most `value[e] + pm`.
    const b = bound as CandidateBound;
    const count = kinds === undefined ? b.run(setup.left[m]) : kinds.boundRow(b, setup.left[m], pm);
    const { position, value: upper } = b;
    for (let t = 0; t < count; t++) {
      const e = position[t];
      const v = upper[t];
      if (v < minScore || v - pm <= reach[e] || inGraph[e] === m) continue;
      const tight = b.tighten(e, v);
      if (tight < minScore || tight - pm <= reach[e]) continue;
      maybe.push(m, e);
    }
  }
  onRows(mentors);
  checkAborted(setup, mentors, mentors);
  if (maybe.length > 0) {
    const half = maybe.length >>> 1;
    const g = new Int32Array(half);
    const r = new Int32Array(half);
    for (let q = 0; q < half; q++) {
      g[q] = maybe[2 * q];
      r[q] = maybe[2 * q + 1];
    }
    const s = new Float64Array(half);
    const allowed = new Uint8Array(half);
    scorer.score(g, r, s, allowed);
    for (let q = 0; q < half; q++) if (allowed[q] === 1) consider(g[q], r[q], s[q]);
  }
  return { found: { mentors: givers, mentees: receivers, scores }, improving };
}

/**
 * Which pairs of a pricing pass need no bound, by their kind (`CandidateBound.boundVisible`):
 * a pair of coverage 0, of schedule 0 or of both is bounded by its row's ceiling for that kind
 * and by its column's floor, so it cannot come within {@link MARGIN} of its duals
 * (`value[e] + price`) when the mentee's value less the margin, `reach`, is at least the floor
 * (the mentee leaves the `watch` for that kind) or at least the ceiling less the mentor's price
 * (the row leaves out every such mentee, found by {@link ValueLevels}). Prices run high where
 * mentors are sought after (a median of 0.28 at 30,000 × 6,000), which is what makes the second
 * test worth it: with the watch alone the rows bounded 59 % of their pairs there (the pairs of
 * no kind are 10 %), and a round's bound pass took 2.0 s instead of 1.0 s (21 s instead of 8–9 s
 * at 100,000 × 20,000).
 */
class KindPruning {
  private readonly watch: ColumnWatch;
  private readonly levels: ValueLevels;
  private readonly ceilings = new Float64Array(3);
  private readonly zero: Int32Array;
  private readonly apart: Int32Array;
  private readonly both: Int32Array;

  constructor(watch: ColumnWatch, value: Float64Array) {
    this.watch = watch;
    this.levels = new ValueLevels(value);
    this.zero = new Int32Array(watch.zero.length);
    this.apart = new Int32Array(watch.zero.length);
    this.both = new Int32Array(watch.zero.length);
  }

  /**
   * Bounds the row of `left` (cohort index), whose mentor's price is `price`: the pairs of no
   * kind, and those of each kind whose mentee is watched and valued below the row's ceiling
   * less the price. Returns how many, in `bound.position` and `bound.value`.
   */
  boundRow(bound: CandidateBound, left: number, price: number): number {
    const row = bound.beginSkillRow(left);
    if (row === null) return 0;
    const { watch, levels, ceilings } = this;
    bound.kindCeilings(ceilings);
    const count = bound.boundVisible(left, row, {
      zero: levels.below(watch.zero, ceilings[0] - price, this.zero),
      apart: levels.below(watch.apart, ceilings[1] - price, this.apart),
      both: levels.below(watch.both, ceilings[2] - price, this.both),
    });
    bound.endSkillRow(left);
    return count;
  }
}

/**
 * The assignment's total score, and how far its objective can be below the optimum by the
 * certificate: `Σ value + Σ capacity × price` less the assignment's objective, summed per mentee
 * to keep the large "unmatched" scores of `'coverage'` from cancelling.
 */
function gapOf(
  { value, duals }: Certificate,
  graph: PairGraph,
  capacity: Int32Array,
  assigned: Int32Array,
): { readonly total: number; readonly gap: number } {
  const { price, stayOut } = duals;
  let gap = graph.mentees * price[graph.mentors];
  for (let m = 0; m < graph.mentors; m++) gap += Math.max(0, capacity[m]) * price[m];
  let total = 0;
  for (let e = 0; e < graph.mentees; e++) {
    const own = assigned[e] >= 0 ? edgeScore(graph, assigned[e], e) : stayOut;
    if (assigned[e] >= 0) total += own;
    gap += value[e] - own;
  }
  return { total, gap: Math.max(0, gap) };
}

/**
 * Up to `rounds` rounds of pricing after the top-k solve (see the module comment): the graph
 * grows by the pairs that raise the objective, and the result says whether the last round
 * proved it optimal for the whole cohort and what the optimum's total is at most.
 *
 * `candidates` must be the graph's own (rows the mentors, columns the mentees, in `compatibility`'s
 * order).
 */
export function priceTopK(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  compatibility: CompatibilityOptions,
  candidates: CompatibilityCandidates,
  start: {
    readonly graph: PairGraph;
    readonly capacity: Int32Array;
    readonly assigned: Int32Array;
    /** The prices of the solve that gave `assigned`. */
    readonly duals: GraphDuals;
  },
  objective: 'total' | 'coverage',
  minScore: number,
  rounds: number,
  api: string,
  progress?: (phase: string, done: number, total: number) => void,
): PricedOutcome {
  const scorer = pairScorer(api, cohort, program, compatibility);
  const { left, right } = scorer.setup;
  const upper = CandidateBound.of(scorer.setup);
  const pricer: Pricer = {
    scorer,
    bound: upper,
    kernel: upper === undefined ? new RowKernel(scorer.setup, right.length) : undefined,
  };
  if (
    left.length !== candidates.rows ||
    right.length !== candidates.cols ||
    left.some((x, i) => x !== candidates.left[i]) ||
    right.some((x, i) => x !== candidates.right[i])
  ) {
    throw new Error(`${api}: internal error, pricing on another side order than the candidates`);
  }
  const { capacity } = start;
  const signal = compatibility.signal;
  let graph = start.graph;
  let solved: GraphSolve<GraphDuals> = start;
  let certificate: Certificate | undefined;
  let added = 0;
  let done = 0;
  let optimal = false;
  while (done < rounds) {
    const { duals } = solved;
    const value = valuesOf(graph, capacity, minScore, duals);
    const { found, improving } = pricePass(
      pricer,
      graph,
      capacity,
      minScore,
      duals.price,
      value,
      (rows) => progress?.('pricing', rows, graph.mentors),
    );
    certificate = { value, duals };
    done++;
    if (improving === 0) {
      optimal = true;
      break;
    }
    added += found.mentors.length;
    graph = pairGraphOf(graph.mentors, graph.mentees, withEdges(graph, found));
    solved = solveOnGraph(graph, capacity, objective, minScore, signal, api);
  }
  const { assigned } = solved;
  let bound: number | null = null;
  if (certificate !== undefined) {
    const { total, gap } = gapOf(certificate, graph, capacity, assigned);
    // Under 'coverage' each pair more is worth `−stayOut` in the solve's objective, so an
    // assignment with more pairs would total at most `total + gap + stayOut`: below 0, and
    // impossible, once the gap is small enough. Then the bound holds among the most pairs.
    const morePairsRuledOut = objective === 'total' || total + gap < -certificate.duals.stayOut;
    bound = morePairsRuledOut ? total + gap : null;
  }
  return { graph, assigned, pricing: { rounds: done, added, optimal, bound } };
}

/**
 * One-to-one assignment on a sparse candidate graph: mentees × mentors by the sparse capacitated
 * kernel (successive shortest paths; Jonker & Volgenant 1987), with an "unmatched" column for
 * the objectives, and the bottleneck objective by threshold search over the edge scores (Gross
 * 1959; Garfinkel 1971), as on the dense path.
 */

import { PeermatchError } from '../../errors.js';
import type { MatchObjective } from '../match-result.js';
import { sparseCapacitatedAssignment } from './sparse-capacitated.js';
import type { PairGraph } from './sparse-pair-graph.js';

/** Mentees with at least one suitable edge (to a mentor with capacity): the solver's rows. */
function activeRows(graph: PairGraph, capacity: Int32Array, minScore: number): Int32Array {
  const { mentees, menteeOffsets, menteeMentors, menteeScores } = graph;
  const rows: number[] = [];
  for (let e = 0; e < mentees; e++) {
    for (let p = menteeOffsets[e]; p < menteeOffsets[e + 1]; p++) {
      if (capacity[menteeMentors[p]] > 0 && menteeScores[p] >= minScore) {
        rows.push(e);
        break;
      }
    }
  }
  return Int32Array.from(rows);
}

/** What the "unmatched" column scores for `rows` active mentees; see {@link assign}. */
function stayOutScore(rows: number, mostPairs: boolean): number {
  return mostPairs ? -(rows + 1) : 0;
}

/**
 * Each active mentee's mentor using edges scoring at least `threshold` (weight 1 with `unit`):
 * the capacitated kernel on mentees × mentors plus one "unmatched" column that takes anyone.
 * Staying out scores 0 under `'total'` (the maximum-weight matching wins), else `−(rows + 1)`,
 * below any difference between two totals of real pairs (each at most 1, at most `rows` of
 * them), so one more pair always wins and, among those with the most pairs, the best total.
 */
function assign(
  graph: PairGraph,
  capacity: Int32Array,
  rows: Int32Array,
  threshold: number,
  unit: boolean,
  mostPairs: boolean,
  signal: AbortSignal | undefined,
  api: string,
  prices?: Float64Array,
): Int32Array {
  const { mentors, menteeOffsets, menteeMentors, menteeScores } = graph;
  const offsets = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) {
    const e = rows[r];
    let count = 1;
    for (let p = menteeOffsets[e]; p < menteeOffsets[e + 1]; p++) {
      if (menteeScores[p] >= threshold && capacity[menteeMentors[p]] > 0) count++;
    }
    offsets[r + 1] = offsets[r] + count;
  }
  const columns = new Int32Array(offsets[rows.length]);
  const scores = new Float64Array(offsets[rows.length]);
  const stayOut = stayOutScore(rows.length, mostPairs);
  for (let r = 0; r < rows.length; r++) {
    const e = rows[r];
    let at = offsets[r];
    for (let p = menteeOffsets[e]; p < menteeOffsets[e + 1]; p++) {
      const s = menteeScores[p];
      if (s < threshold || capacity[menteeMentors[p]] <= 0) continue;
      columns[at] = menteeMentors[p];
      scores[at++] = unit ? 1 : s;
    }
    columns[at] = mentors;
    scores[at] = stayOut;
  }
  const room = new Int32Array(mentors + 1);
  for (let m = 0; m < mentors; m++) room[m] = Math.max(0, capacity[m]);
  room[mentors] = rows.length;
  const placed = sparseCapacitatedAssignment(
    { rows: rows.length, cols: mentors + 1, offsets, columns, scores },
    room,
    signal,
    () => {
      throw new PeermatchError('ABORTED', `${api}: aborted while solving`);
    },
    prices,
  );
  // Every row has the unmatched column, so everyone is placed.
  if (placed === null) throw new Error(`${api}: internal error, a mentee could not be placed`);
  const out = new Int32Array(graph.mentees).fill(-1);
  for (let r = 0; r < rows.length; r++) if (placed[r] < mentors) out[rows[r]] = placed[r];
  return out;
}

function countPairs(assigned: Int32Array): number {
  let n = 0;
  for (const m of assigned) if (m >= 0) n++;
  return n;
}

/**
 * The prices of a `'total'` or `'coverage'` solve on the graph: an optimal dual of it, from which
 * pairs the graph does not hold can be priced (`top-k-pricing.ts`).
 */
export interface GraphDuals {
  /** Each mentor's price (≥ 0; 0 while it has a free seat), then the "unmatched" column's. */
  readonly price: Float64Array;
  /** What staying out scored: 0 under `'total'`, else `−(active mentees + 1)`. */
  readonly stayOut: number;
}

/** An assignment on the candidate graph, with the prices of its solve when there is one. */
export interface GraphSolve<Duals> {
  /** Each mentee's mentor, or -1. */
  readonly assigned: Int32Array;
  readonly duals: Duals;
}

/**
 * The assignment for the objective on the candidate graph: each mentee's mentor, or -1. Exact on
 * the graph; mentors of capacity 0 and edges below `minScore` are never used. Under `'total'`
 * and `'coverage'` it comes with the solve's {@link GraphDuals}; the bottleneck search of
 * `'fairness'` has none to give.
 */
export function solveOnGraph(
  graph: PairGraph,
  capacity: Int32Array,
  objective: 'total' | 'coverage',
  minScore: number,
  signal: AbortSignal | undefined,
  api: string,
): GraphSolve<GraphDuals>;
export function solveOnGraph(
  graph: PairGraph,
  capacity: Int32Array,
  objective: MatchObjective,
  minScore: number,
  signal: AbortSignal | undefined,
  api: string,
): GraphSolve<GraphDuals | null>;
export function solveOnGraph(
  graph: PairGraph,
  capacity: Int32Array,
  objective: MatchObjective,
  minScore: number,
  signal: AbortSignal | undefined,
  api: string,
): GraphSolve<GraphDuals | null> {
  const rows = activeRows(graph, capacity, minScore);
  const mostPairs = objective !== 'total';
  const price = new Float64Array(graph.mentors + 1);
  const duals =
    objective === 'fairness' ? null : { price, stayOut: stayOutScore(rows.length, mostPairs) };
  if (rows.length === 0) return { assigned: new Int32Array(graph.mentees).fill(-1), duals };
  const run = (threshold: number, unit: boolean, prices?: Float64Array) =>
    assign(graph, capacity, rows, threshold, unit, mostPairs, signal, api, prices);
  const assigned = run(minScore, false, price);
  if (objective !== 'fairness') return { assigned, duals };
  const most = countPairs(assigned);
  if (most === 0) return { assigned, duals };
  // The matched minimum is one of the suitable edge scores, and "the most pairs is still
  // reachable with every score ≥ t" is monotone in t.
  const distinct = new Set<number>();
  for (let p = 0; p < graph.menteeScores.length; p++) {
    const s = graph.menteeScores[p];
    if (s >= minScore && capacity[graph.menteeMentors[p]] > 0) distinct.add(s);
  }
  const thresholds = Float64Array.from(distinct).sort();
  let lo = 0;
  let hi = thresholds.length - 1;
  while (lo < hi) {
    if (signal?.aborted) {
      throw new PeermatchError('ABORTED', `${api}: aborted during the bottleneck search`);
    }
    const mid = (lo + hi + 1) >>> 1;
    if (countPairs(run(thresholds[mid], true)) === most) lo = mid;
    else hi = mid - 1;
  }
  return { assigned: run(thresholds[lo], false), duals };
}

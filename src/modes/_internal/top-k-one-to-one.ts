/**
 * The top-k path of one-to-one matching: each participant's `k` best allowed partners
 * (`buildCandidates`, no dense matrix), solved exactly on that graph, then widened for the
 * mentees it leaves unmatched while allowed mentors they never saw remain and seats are free.
 */

import { buildCandidates } from '../../compatibility/build-candidates.js';
import type { CompatibilityOptions } from '../../compatibility/build-compatibility.js';
import type { CompatibilityCandidates } from '../../compatibility/types.js';
import type { Cohort } from '../../profile/cohort.js';
import type { Program, ProgramInput } from '../../profile/program-schema.js';
import type { MatchObjective, WidenedParticipant } from '../match-result.js';
import { type PairGraph, pairGraphOf, withEdges } from './sparse-pair-graph.js';
import { type GraphDuals, solveOnGraph } from './top-k-solve.js';

/**
 * Steps of one mentee's widening: `k × 4`, `k × 16`, then every mentor (within the edge
 * budget). A round takes each mentee left unmatched one step further than it has been, so a
 * mentee unmatched only after another was widened still gets its own steps.
 */
const WIDENING_STEPS = 3;
/** `buildCandidates` keeps at most this many partners per participant. */
const MAX_K = 10_000;
/** A round never adds more edges than this or than the graph already has, whichever is larger. */
const MIN_EDGE_BUDGET = 2_000_000;

export interface TopKOutcome {
  readonly candidates: CompatibilityCandidates;
  readonly graph: PairGraph;
  /** Mentor capacity by candidate row (negative capacities as 0). */
  readonly capacity: Int32Array;
  /** Each mentee's mentor (candidate row), or -1. */
  readonly assigned: Int32Array;
  /** The last solve's prices (for pricing rounds after it), `null` under `'fairness'`. */
  readonly duals: GraphDuals | null;
  readonly widened: readonly WidenedParticipant[];
}

function hasFreeSeat(graph: PairGraph, capacity: Int32Array, assigned: Int32Array): boolean {
  const used = new Int32Array(graph.mentors);
  for (const m of assigned) if (m >= 0) used[m]++;
  for (let m = 0; m < graph.mentors; m++) if (used[m] < capacity[m]) return true;
  return false;
}

/**
 * Mentees worth widening: unmatched, with allowed mentors the graph does not hold, and whose
 * unseen mentors may still reach `minScore` (none scores above the last of their own list).
 */
function widenable(
  graph: PairGraph,
  candidates: CompatibilityCandidates,
  assigned: Int32Array,
  floor: Float64Array,
  minScore: number,
): number[] {
  const out: number[] = [];
  for (let e = 0; e < graph.mentees; e++) {
    if (assigned[e] >= 0) continue;
    const seen = graph.menteeOffsets[e + 1] - graph.menteeOffsets[e];
    if (seen < candidates.allowedPerRight[e] && floor[e] >= minScore) out.push(e);
  }
  return out;
}

/** The lowest score of each mentee's own candidate list (unseen mentors score no higher). */
function floorsOf(candidates: CompatibilityCandidates, into: Float64Array, map?: number[]): void {
  const { offsets, scores } = candidates.forRight;
  for (let j = 0; j + 1 < offsets.length; j++) {
    const e = map ? map[j] : j;
    into[e] = offsets[j + 1] > offsets[j] ? scores[offsets[j + 1] - 1] : Number.NEGATIVE_INFINITY;
  }
}

/** Solves one-to-one on top-k candidates, widening as needed; see the module comment. */
export function matchTopK(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  compatibility: CompatibilityOptions,
  k: number,
  objective: MatchObjective,
  minScore: number,
  api: string,
  {
    progress,
    given,
  }: {
    readonly progress?: (phase: string, done: number, total: number) => void;
    /** Candidates built by the caller (checked to fit): used as they are. */
    readonly given?: CompatibilityCandidates | undefined;
  } = {},
): TopKOutcome {
  const signal = compatibility.signal;
  const candidates =
    given ??
    buildCandidates(cohort, program, {
      ...compatibility,
      k,
      ...(progress === undefined ? {} : { onProgress: progress }),
    });
  const { rows: mentors, cols: mentees } = candidates;
  const capacity = new Int32Array(mentors);
  for (let m = 0; m < mentors; m++) capacity[m] = Math.max(0, cohort.capacity[candidates.left[m]]);
  let graph = pairGraphOf(mentors, mentees, {
    mentors: candidates.edges.rows,
    mentees: candidates.edges.cols,
    scores: candidates.edges.scores,
  });
  progress?.('solve', 0, 1);
  let { assigned, duals } = solveOnGraph(graph, capacity, objective, minScore, signal, api);
  progress?.('solve', 1, 1);
  const floor = new Float64Array(mentees);
  floorsOf(candidates, floor);
  // Each widened mentee's list size and steps taken; every round moves at least one mentee a
  // step, so the rounds end (at most WIDENING_STEPS × mentees, in practice one to three).
  const widenedTo = new Map<number, number>();
  const steps = new Uint8Array(mentees);
  let rounds = 0;
  for (;;) {
    progress?.('widen', Math.min(rounds, WIDENING_STEPS - 1), WIDENING_STEPS);
    if (!hasFreeSeat(graph, capacity, assigned)) break;
    const unmatched = widenable(graph, candidates, assigned, floor, minScore);
    const budget = Math.max(MIN_EDGE_BUDGET, graph.menteeMentors.length);
    const limit = Math.min(mentors, MAX_K, Math.floor(budget / Math.max(1, unmatched.length)));
    // The mentees of this round, by the size their next step takes them to.
    const bySize = new Map<number, number[]>();
    for (const e of unmatched) {
      const step = steps[e] + 1;
      const size = Math.min(step >= WIDENING_STEPS ? mentors : k * 4 ** step, limit);
      if (step > WIDENING_STEPS || size <= (widenedTo.get(e) ?? k)) continue;
      steps[e] = step;
      const group = bySize.get(size);
      if (group === undefined) bySize.set(size, [e]);
      else group.push(e);
    }
    if (bySize.size === 0) break;
    for (const [size, targets] of bySize) {
      const wider = buildCandidates(cohort, program, {
        ...compatibility,
        right: targets.map((e) => candidates.rightIds[e]),
        k: size,
      });
      const { rows, cols, scores } = wider.edges;
      const extraMentees = new Int32Array(cols.length);
      for (let i = 0; i < cols.length; i++) extraMentees[i] = targets[cols[i]];
      graph = pairGraphOf(
        mentors,
        mentees,
        withEdges(graph, { mentors: rows, mentees: extraMentees, scores }),
      );
      floorsOf(wider, floor, targets);
      for (const e of targets) widenedTo.set(e, size);
    }
    ({ assigned, duals } = solveOnGraph(graph, capacity, objective, minScore, signal, api));
    rounds++;
  }
  progress?.('widen', WIDENING_STEPS, WIDENING_STEPS);
  const widened = [...widenedTo]
    .map(([e, to]) => ({ participantId: candidates.rightIds[e], k: to }))
    .sort((a, b) => (a.participantId < b.participantId ? -1 : 1));
  return { candidates, graph, capacity, assigned, duals, widened };
}

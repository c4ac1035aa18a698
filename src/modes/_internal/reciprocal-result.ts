/**
 * The relationships a reciprocal solve formed, turned into the result: rings and teaching links
 * with their give/take balance, then the `MatchResult` with its statistics. Shared by the dense
 * and the top-k path of `matchReciprocal`.
 */

import type { CompatibilityBase } from '../../compatibility/types.js';
import type { Cohort } from '../../profile/cohort.js';
import type {
  MatchedPair,
  MatchResult,
  MatchScale,
  ReciprocalRing,
  StabilityReport,
  UnmatchedParticipant,
} from '../match-result.js';
import { explanationOf } from './explanation.js';
import { pairStats } from './pair-stats.js';
import { summarizeScores } from './score-summary.js';

/** What the result reads of `matchReciprocal`'s options. */
export interface ReciprocalResultOptions {
  readonly participants: readonly string[];
  readonly objective: 'coverage' | 'total';
  readonly minScore: number;
  readonly balanceWeight: number;
}

export /** `(min + λ·mean) / (1 + λ)` of a relationship's teaching scores. */
function balancedScore(min: number, mean: number, lambda: number): number {
  return (min + lambda * mean) / (1 + lambda);
}

export /** Relationships as cycles of peer indices in teaching order (a pair is a cycle of two). */
interface Solved {
  readonly cycles: readonly Int32Array[];
  readonly split: Uint8Array;
  /** Rings only: over-long cycles cut. */
  readonly cut?: number;
  /** Pairs only: the partner of each peer, or -1. */
  readonly mate?: Int32Array;
}

/** Directed scores of the peers, from a dense matrix or the candidate graph. */
export interface PeerScores {
  /** Ids, cohort indices and explanations of the peers. */
  readonly base: Pick<CompatibilityBase, 'leftIds' | 'left' | 'explain'>;
  /** Allowed both ways (only ever asked of pairs the solver related). */
  mutual(g: number, v: number): boolean;
  /** `d(g → v)`. */
  score(g: number, v: number): number;
}

/** The relationships solved, turned into rings and teaching links. */
export function assemble(
  cohort: Cohort,
  o: ReciprocalResultOptions,
  solved: Solved,
  peers: PeerScores,
) {
  const { base } = peers;
  const ids = base.leftIds;
  const n = ids.length;
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
      if (g === v || !peers.mutual(g, v))
        throw new Error(`matchReciprocal: internal error, forbidden link (${ids[g]}, ${ids[v]})`);
      const s = peers.score(g, v);
      min = Math.min(min, s);
      max = Math.max(max, s);
      sum += s;
      links.push({
        mentorId: ids[g],
        menteeId: ids[v],
        score: s,
        explanation: explanationOf(base, ids[g], ids[v]),
      });
      givers.push(base.left[g]);
      receivers.push(base.left[v]);
    }
    const score = balancedScore(min, sum / k, o.balanceWeight);
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
          gives: peers.score(i, next),
          receivesFrom: ids[prev],
          receives: peers.score(prev, i),
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
  return { group, value, rings, links, ringScores, ...pairStats(cohort, givers, receivers) };
}

/** The result of either path, from the relationships formed and the reports on them. */
export function resultOf(
  o: ReciprocalResultOptions,
  solved: Solved,
  formed: ReturnType<typeof assemble>,
  unmatched: UnmatchedParticipant[],
  extra: { readonly stability: StabilityReport; readonly scale: MatchScale },
): MatchResult {
  const n = o.participants.length;
  const { group: _g, value: _v, rings, links, ringScores, ...stats } = formed;
  const matchedPeople = n - unmatched.length;
  let total = 0;
  for (const s of ringScores) total += s;
  return {
    mode: 'reciprocal',
    objective: o.objective,
    minScore: o.minScore,
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
      ...stats,
      ...(solved.cut === undefined ? {} : { ringsCut: solved.cut }),
    },
    rings,
    stability: extra.stability,
    scale: extra.scale,
  };
}

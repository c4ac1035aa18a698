/**
 * The result every matching mode returns. Plain JSON data only (arrays, objects, strings,
 * numbers, `null`): `JSON.parse(JSON.stringify(result))` deep-equals `result`.
 *
 * Later modes and reports add fields as **optional** members (`groups`, `stability`,
 * `alternatives`), and new `mode`, `objective` and unmatched `code` values, so code written
 * against this shape keeps compiling and working.
 */

/** How relationships were formed. New modes add values; existing values never change meaning. */
export type MatchMode = 'one-to-one' | 'group' | 'reciprocal' | 'rematch';

/**
 * What the solver optimised:
 * - `total`: the largest total score (a mentee may be left out when that raises the total);
 * - `coverage`: as many pairs as possible, then the largest total;
 * - `fairness`: as many pairs as possible, then the largest worst pair score (bottleneck), then
 *   the largest total.
 */
export type MatchObjective = 'total' | 'coverage' | 'fairness';

/** One scorer's part in a pair's score (a plain copy of the compatibility explanation's). */
export interface MatchContribution {
  readonly scorer: string;
  /** The scorer's share of the total weight (shares sum to 1). */
  readonly share: number;
  /** The scorer's own score, in [0, 1]. */
  readonly score: number;
  /** `share × score`: contributions sum to the pair's score. */
  readonly contribution: number;
  readonly reason: string;
}

/** Why a pair scores what it does. */
export interface MatchExplanation {
  /** One sentence: the verdict and the main reasons. */
  readonly summary: string;
  /** Every weighted scorer's part, largest contribution first. */
  readonly contributions: readonly MatchContribution[];
}

/** One relationship: a mentor (giver) and a mentee (receiver). */
export interface MatchedPair {
  readonly mentorId: string;
  readonly menteeId: string;
  /** The compatibility score of the pair, in [0, 1]. */
  readonly score: number;
  readonly explanation: MatchExplanation;
}

/**
 * Stable codes of why someone is unmatched. New codes may be added; existing ones never change
 * meaning.
 * - `NO_ALLOWED_PARTNER`: every candidate is forbidden by a hard rule (see `excludedBy`).
 * - `BELOW_MIN_SCORE`: some candidates are allowed, but none scores at least `minScore`.
 * - `MENTORS_AT_CAPACITY`: every suitable mentor's seats are taken, and no reshuffle of the
 *   other pairs frees one without leaving someone else out.
 * - `LOST_TO_BETTER_ASSIGNMENT`: the person could have been matched by reshuffling (one more pair
 *   overall), but the objective preferred an assignment without them (for a mentor: their
 *   suitable mentees are better placed elsewhere).
 * - `NO_CAPACITY`: a mentor with capacity 0 while the `capacity` rule is switched off (with the
 *   rule on, they are `NO_ALLOWED_PARTNER`, excluded by `capacity`).
 * - `PARTNERS_TAKEN` (reciprocal): every suitable peer is in another pair or ring.
 * - `GROUP_SIZE` (group): the group sizes cannot hold everyone (too few people for one more
 *   group of the minimum size, or every group full).
 * - `NO_GROUP_FIT` (group): some groups have room, but each holds someone (or has a mentor) a
 *   hard or balance rule keeps this person apart from.
 */
export type UnmatchedCode =
  | 'NO_ALLOWED_PARTNER'
  | 'BELOW_MIN_SCORE'
  | 'MENTORS_AT_CAPACITY'
  | 'LOST_TO_BETTER_ASSIGNMENT'
  | 'NO_CAPACITY'
  | 'PARTNERS_TAKEN'
  | 'GROUP_SIZE'
  | 'NO_GROUP_FIT';

/** A rule that forbids some of an unmatched participant's candidates. */
export interface ExcludingRule {
  readonly rule: string;
  /** The violation's stable code, e.g. `'SAFEGUARDING'`. */
  readonly code: string;
  /** How many candidates it forbids (a candidate may count under several rules). */
  readonly count: number;
}

/** A participant left without a partner, and exactly why. */
export interface UnmatchedParticipant {
  readonly participantId: string;
  /** `'peer'` in reciprocal results. */
  readonly role: 'mentor' | 'mentee' | 'peer';
  readonly code: UnmatchedCode;
  /** One sentence for people. */
  readonly message: string;
  /** Candidates on the other side allowed by every rule. */
  readonly allowedPartners: number;
  /** Of those, candidates scoring at least `minScore` (all of them without a minimum). */
  readonly suitablePartners: number;
  /** For `NO_ALLOWED_PARTNER`: the rules that exclude the candidates, most first; else empty. */
  readonly excludedBy: readonly ExcludingRule[];
}

/** Five-number summary of the matched scores. */
export interface ScoreSummary {
  readonly mean: number;
  readonly min: number;
  /** Quartiles by linear interpolation between order statistics (as d3's `quantile`). */
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/** Summary statistics of a result. */
export interface MatchStats {
  /** Number of pairs. */
  readonly matched: number;
  readonly mentors: number;
  readonly mentees: number;
  readonly unmatchedMentors: number;
  readonly unmatchedMentees: number;
  /** The sum of the pair scores. */
  readonly totalScore: number;
  /** `null` when there is no pair. */
  readonly scores: ScoreSummary | null;
  /** Mentor seats (the sum of mentor capacities) and how many are filled. */
  readonly seats: { readonly total: number; readonly used: number };
  /**
   * Share of the receivers' wanted skills, weighted by priority, that their giver offers (the
   * skill or a narrower one) at the wanted level or above; pooled over every pair (reciprocal:
   * every teaching link). `null` when no matched receiver wants anything.
   */
  readonly wantedCoverage?: number | null;
  /**
   * Mean shared weekly minutes of availability over pairs (reciprocal: teaching links) where
   * both shared their availability; `null` when there is none.
   */
  readonly meanSharedMinutes?: number | null;
  /**
   * Reciprocal rings: cycles of the optimal cover longer than `maxRingLength` that were cut.
   * `0` means the rings are an optimal cover; otherwise a good one, not always the best.
   */
  readonly ringsCut?: number;
}

/** The outcome of a matching mode: relationships, who is unmatched and why, and statistics. */
export interface MatchResult {
  readonly mode: MatchMode;
  readonly objective: MatchObjective;
  /** The minimum pair score in force (`0` when none was set). */
  readonly minScore: number;
  /** Sorted by mentor id, then mentee id (code-unit order). */
  readonly pairs: readonly MatchedPair[];
  /** Mentees first, then mentors; each sorted by id. */
  readonly unmatched: readonly UnmatchedParticipant[];
  readonly stats: MatchStats;
  /** Reciprocal mode: each pair or ring, with its give/take balance. */
  readonly rings?: readonly ReciprocalRing[];
  /** Blocking pairs: two people who both prefer each other, by the scores, to what they got. */
  readonly stability?: StabilityReport;
  /** With `options.alternatives`: the best other partners of each participant, with swap costs. */
  readonly alternatives?: readonly ParticipantAlternatives[];
  /** Group mode: every group, mentor-led or a peer circle. */
  readonly groups?: readonly MatchedGroup[];
  /** Re-match mode: what changed against the previous result. */
  readonly changes?: MatchChanges;
  /** One-to-one and reciprocal: whether the dense matrix or top-k candidate lists were solved on. */
  readonly scale?: MatchScale;
}

/**
 * Rounds of pricing after a one-to-one top-k solve: each bounds every allowed pair against what
 * the solve says its mentor and mentee are worth, and adds to the candidate graph the pairs
 * that could raise the objective.
 */
export interface MatchPricing {
  /** Rounds run: at most `program.matching.pricing`, fewer when one proves the result optimal. */
  readonly rounds: number;
  /** Pairs the rounds added to the candidate graph (counted in `scale.edges`). */
  readonly added: number;
  /**
   * True when the last round found no pair that could raise the objective: the result is then
   * optimal for the whole cohort, as the dense path would make it, not only for the candidates.
   */
  readonly optimal: boolean;
  /**
   * Proved: no assignment totals more than this (under `'coverage'`, no assignment with the
   * most pairs, which the result has). `totalScore` is within `bound − totalScore` of the
   * optimum. `null` when the rounds left that unproved (`'coverage'`, when one more pair could
   * not yet be ruled out).
   */
  readonly bound: number | null;
}

/** A mentee whose candidate list the top-k path widened, and to how many mentors. */
export interface WidenedParticipant {
  readonly participantId: string;
  /** Candidates kept for them after widening (every mentor when it equals `stats.mentors`). */
  readonly k: number;
}

/**
 * How a result was computed at scale:
 * - `'dense'`: every pair scored into a matrix; the result is exact for the objective;
 * - `'top-k'`: above `program.matching.denseLimit` cells, only each participant's `k` best
 *   allowed partners (both sides' lists, united) were solved on, exactly; the optimum of that
 *   graph is usually, not always, the dense optimum; `pricing` (one-to-one, opt-in) can prove
 *   it is, or bound how far it is from it.
 */
export interface MatchScale {
  readonly method: 'dense' | 'top-k';
  /** Mentors × mentees, the cells a dense matrix would hold. */
  readonly cells: number;
  /** The threshold in force (`program.matching.denseLimit` or its default). */
  readonly denseLimit: number;
  /** Candidates kept per participant, `null` on the dense path. */
  readonly k: number | null;
  /** Candidate pairs solved on (top-k), `null` on the dense path. */
  readonly edges: number | null;
  /**
   * Mentees widened because top-k left them unmatched with allowed mentors unseen, by id
   * (one-to-one; always empty for reciprocal).
   */
  readonly widened: readonly WidenedParticipant[];
  /**
   * One-to-one top-k with `program.matching.pricing` rounds (objectives `'total'` and
   * `'coverage'`): what they found; `null` otherwise.
   */
  readonly pricing: MatchPricing | null;
  /**
   * Top-k: `stability` counts blocking pairs among candidate pairs only, and `alternatives`
   * draws on candidate pairs only. Empty on the dense path.
   */
  readonly notes: readonly string[];
}

/** What one member of a reciprocal pair or ring gives and receives. */
export interface RingMemberBalance {
  readonly participantId: string;
  /** Whom they teach, and the score of that direction. */
  readonly givesTo: string;
  readonly gives: number;
  /** Who teaches them, and the score of that direction. */
  readonly receivesFrom: string;
  readonly receives: number;
}

/**
 * A reciprocal relationship: a pair (two members teaching each other) or a ring (A teaches B
 * teaches C teaches A), members in teaching order from the smallest id.
 */
export interface ReciprocalRing {
  readonly memberIds: readonly string[];
  /**
   * `(min + λ·mean) / (1 + λ)` of the teaching scores in the ring: the weaker direction counts
   * most (see `matchReciprocal`'s `balanceWeight`).
   */
  readonly score: number;
  /** Per member, in `memberIds` order. */
  readonly balance: readonly RingMemberBalance[];
  /** Largest teaching score minus smallest: 0 when every member gives as much as they get. */
  readonly imbalance: number;
  /** True when the ring came from cutting a longer cycle (rings with a maximum length). */
  readonly split: boolean;
}

/** Two people who would both rather be together than with whom they got. */
export interface BlockingPair {
  /** One-to-one: `[mentorId, menteeId]`; reciprocal: in id order. */
  readonly participantIds: readonly [string, string];
  /** What the pair would score. */
  readonly score: number;
}

/** The stability of a result, judged by the scores. */
export interface StabilityReport {
  /** Every blocking pair. */
  readonly count: number;
  /** The first `stabilityLimit` of them, in id order. */
  readonly blockingPairs: readonly BlockingPair[];
}

/** One possible swap for a participant. */
export interface AlternativePartner {
  readonly partnerId: string;
  /** The new pair's score. */
  readonly score: number;
  /** Change in the result's total score if this swap is made (negative = worse). */
  readonly delta: number;
  /** Who loses their partner in the swap, and where they go (`null` = unmatched). */
  readonly displaced: readonly {
    readonly participantId: string;
    readonly newPartnerId: string | null;
  }[];
}

/** The best other partners of one participant. */
export interface ParticipantAlternatives {
  readonly participantId: string;
  readonly currentPartnerId: string | null;
  /** Best score first (ties by id). */
  readonly options: readonly AlternativePartner[];
}

/** How well one member fits their group. */
export interface GroupMemberFit {
  readonly participantId: string;
  /** Compatibility with the group's mentor, or `null` in a peer circle. */
  readonly mentorFit: number | null;
  /** Mean compatibility with the other members (both directions averaged); `null` when alone. */
  readonly peerFit: number | null;
}

/** One group: a mentor with members (group mentoring) or a peer circle (`mentorId: null`). */
export interface MatchedGroup {
  /** `group-1`, `group-2`, … in the order of the list. */
  readonly id: string;
  readonly mentorId: string | null;
  /** Sorted by id. */
  readonly memberIds: readonly string[];
  /**
   * The mean over the group's links: every mentor–member compatibility and every member–member
   * compatibility (both directions averaged), each link once; 0 for a group with no link.
   */
  readonly score: number;
  /** Per member, in `memberIds` order. */
  readonly members: readonly GroupMemberFit[];
  readonly explanation: { readonly summary: string };
}

/** A mentor–mentee pair as re-matching sees it. */
export interface RematchPair {
  readonly mentorId: string;
  readonly menteeId: string;
  readonly score: number;
}

/**
 * Why a previous pair ended:
 * - `LEFT`: either person left (or is no longer in the cohort);
 * - `FAILED`: the pair was reported as failed (`reason` carries the coordinator's words);
 * - `NOW_FORBIDDEN`: a hard rule forbids the pair with the current profiles;
 * - `ROTATION`: a rotation round gives everyone a new partner.
 */
export type EndedPairReason = 'LEFT' | 'FAILED' | 'NOW_FORBIDDEN' | 'ROTATION';

/** A previous pair that no longer runs, and why. */
export interface EndedPair {
  readonly mentorId: string;
  readonly menteeId: string;
  readonly reason: EndedPairReason;
  readonly message: string;
}

/** What a re-match changed against the previous result. Each list sorted by mentor, then mentee id. */
export interface MatchChanges {
  /** Previous pairs still running, untouched. */
  readonly kept: readonly RematchPair[];
  /** Previous pairs that could have run on but were broken for a better result (`allowBreaking`). */
  readonly broken: readonly RematchPair[];
  /** Pairs made by this re-match. */
  readonly new: readonly RematchPair[];
  /** Previous pairs that ended: someone left, the pair failed, a rule now forbids it, or rotation. */
  readonly ended: readonly EndedPair[];
}

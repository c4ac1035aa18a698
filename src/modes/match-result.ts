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
 */
export type UnmatchedCode =
  | 'NO_ALLOWED_PARTNER'
  | 'BELOW_MIN_SCORE'
  | 'MENTORS_AT_CAPACITY'
  | 'LOST_TO_BETTER_ASSIGNMENT'
  | 'NO_CAPACITY';

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
  readonly role: 'mentor' | 'mentee';
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
}

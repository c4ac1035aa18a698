import type { ConstraintViolation, MatrixLayout } from '../constraints/constraint.js';
import type { MissingData } from '../scoring/scorer.js';

/** One scorer's part in a pair's score. */
export interface ScorerContribution {
  readonly scorer: string;
  /** The scorer's weight, and its share of the total weight (shares sum to 1). */
  readonly weight: number;
  readonly share: number;
  /** The scorer's own score, in [0, 1]. */
  readonly score: number;
  /** `share × score`: contributions sum to the pair's score. */
  readonly contribution: number;
  readonly reason: string;
  readonly missing: readonly MissingData[];
}

/** Everything behind one cell, computed on demand. */
export interface PairExplanation {
  readonly leftId: string;
  readonly rightId: string;
  readonly allowed: boolean;
  /** The combined score, 0 when forbidden. */
  readonly score: number;
  /** `score` as a whole percentage, 0–100. */
  readonly percent: number;
  /** What the pair would score were it allowed (equal to `score` when it is). */
  readonly scoreIfAllowed: number;
  /** Every weighted scorer's part, largest contribution first. */
  readonly contributions: readonly ScorerContribution[];
  /** Every rule that forbids the pair (empty when allowed). */
  readonly violations: readonly ConstraintViolation[];
  /** One sentence: the verdict and the main reasons. */
  readonly summary: string;
}

/** A participant with no allowed partner. */
export interface Unpartnered {
  readonly participantId: string;
  readonly side: 'left' | 'right';
}

/** Why a participant has no allowed partner, and what would change that. */
export interface PartnerDiagnosis extends Unpartnered {
  /** Participants on the other side (themself excluded). */
  readonly candidates: number;
  /** For each rule, how many of the candidates it forbids (a candidate may count under several). */
  readonly excludedBy: readonly {
    readonly rule: string;
    readonly code: string;
    readonly count: number;
  }[];
  /** Rules that alone exclude some candidates: relaxing one gives `gains` allowed partners. Best first. */
  readonly relax: readonly { readonly rule: string; readonly gains: number }[];
  readonly message: string;
}

/** Diagnostics before solving. */
export interface CompatibilityDiagnostics {
  /** Everyone without an allowed partner, with reasons; empty when all have one. */
  readonly unpartnered: readonly PartnerDiagnosis[];
  /** One sentence: how many have no partner, and which rules, relaxed, would help how many. */
  readonly summary: string;
}

/** What builders share: the sides, explanation and diagnostics. */
export interface CompatibilityBase {
  readonly layout: MatrixLayout;
  readonly rows: number;
  readonly cols: number;
  /** Participant ids of the rows (givers) and columns (receivers). */
  readonly leftIds: readonly string[];
  readonly rightIds: readonly string[];
  /** Cohort indices of the rows and columns. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Allowed partners of each row / column. */
  readonly allowedPerLeft: Int32Array;
  readonly allowedPerRight: Int32Array;
  /** Participants with no allowed partner at all, rows first (call `diagnose()` for reasons). */
  readonly unpartnered: readonly Unpartnered[];
  /** The weight of every scorer (0 = off). */
  readonly weights: Readonly<Record<string, number>>;
  /** The rules in force, in check order. */
  readonly rules: readonly string[];
  /** The pair's score, every scorer's contribution and every rule that forbids it. */
  explain(leftId: string, rightId: string): PairExplanation;
  /** For each participant without an allowed partner: rules counted, and single-rule relaxations. */
  diagnose(): CompatibilityDiagnostics;
}

/** A dense compatibility matrix. */
export interface CompatibilityMatrix extends CompatibilityBase {
  /** Row-major `rows × cols` scores in [0, 1]; 0 where forbidden. */
  readonly scores: Float64Array;
  /** Row-major `rows × cols`: 1 allowed, 0 forbidden. */
  readonly allowed: Uint8Array;
  /**
   * The matrix for `solveAssignment(…, { maximize: true })`: scores with `-Infinity` where
   * forbidden (a new array).
   */
  toAssignmentMatrix(): {
    readonly rows: number;
    readonly cols: number;
    readonly data: Float64Array;
  };
}

/** Best partners per participant, in compressed sparse rows, best first. */
export interface CandidateLists {
  readonly offsets: Int32Array;
  /** Index on the other side (a column for rows, a row for columns). */
  readonly partners: Int32Array;
  readonly scores: Float64Array;
}

/** Sparse top-k candidates, built without a dense matrix. */
export interface CompatibilityCandidates extends CompatibilityBase {
  readonly k: number;
  /** The k best allowed columns of each row. */
  readonly forLeft: CandidateLists;
  /** The k best allowed rows of each column. */
  readonly forRight: CandidateLists;
  /** Union of both, as edges sorted by row then column: the input of a sparse solver. */
  readonly edges: {
    readonly rows: Int32Array;
    readonly cols: Int32Array;
    readonly scores: Float64Array;
  };
}

import type { Cohort } from '../profile/cohort.js';
import type { Program } from '../profile/program-schema.js';

/**
 * How the two sides of a matrix are formed: `directed` = givers (mentors, peers) × receivers
 * (mentees, peers); `square` = everyone × everyone (peer circles, skill swaps, reciprocal).
 */
export type MatrixLayout = 'directed' | 'square';

/** What a constraint is prepared with. */
export interface ConstraintContext {
  readonly cohort: Cohort;
  /** The program in force; its `constraints` switches say which rules are on. */
  readonly program: Program;
  readonly layout: MatrixLayout;
  /** Whether a rule (a key of `program.constraints`) is switched on for this build. */
  enabled(rule: string): boolean;
}

/** Why a pair is forbidden. */
export interface ConstraintViolation {
  /** The switch that forbids it (a key of `program.constraints`), e.g. `'reportingLine'`. */
  readonly rule: string;
  /** A stable code, e.g. `'REPORTING_LINE'`. */
  readonly code: string;
  /** A sentence for people naming both participants and the fact, e.g. `ana manages bo`. */
  readonly message: string;
}

/** A constraint bound to a cohort; `left` and `right` are participant indices. */
export interface PreparedConstraint {
  /** `true` when none of the constraint's switched-on rules forbids the pair. */
  allows(left: number, right: number): boolean;
  /**
   * Optional fast path: sets `out[k] = 0` for every `rights[k]` (`k < count`) the rules forbid,
   * and leaves the other entries alone. Builders only ever clear cells with it: a constraint
   * cannot allow a pair another one forbids.
   */
  fillRow?(left: number, rights: Int32Array, count: number, out: Uint8Array): void;
  /** Every switched-on rule that forbids the pair (empty when allowed); called lazily. */
  violations(left: number, right: number): readonly ConstraintViolation[];
}

/**
 * The hard-rule contract. A custom constraint is a plain object of this shape (or use
 * `defineConstraint`); each of its `rules` is switched by `program.constraints[rule]` (custom
 * rules are on unless set to `false`). `prepare` returns `undefined` when no rule of it is on.
 *
 * @example
 * ```ts
 * const sameCampus: Constraint = {
 *   name: 'sameCampus',
 *   prepare: ({ cohort }) => ({
 *     allows: (a, b) => cohort.location[a] === cohort.location[b],
 *     violations: (a, b) =>
 *       cohort.location[a] === cohort.location[b]
 *         ? []
 *         : [{ rule: 'sameCampus', code: 'OTHER_CAMPUS', message: `${cohort.ids[a]} and ${cohort.ids[b]} study on different campuses` }],
 *   }),
 * };
 * buildCompatibility(cohort, program, { constraints: [sameCampus] }).explain('ana', 'bo').violations;
 * //=> [{ rule: 'sameCampus', code: 'OTHER_CAMPUS', message: 'ana and bo study on different campuses' }]
 * ```
 */
export interface Constraint {
  /** Unique name. */
  readonly name: string;
  /** One line for people: what the rule forbids. */
  readonly description?: string;
  /** The `program.constraints` switches it implements. @default [name] */
  readonly rules?: readonly string[];
  /** Binds the constraint to a cohort, or returns `undefined` when none of its rules is on. */
  prepare(context: ConstraintContext): PreparedConstraint | undefined;
}

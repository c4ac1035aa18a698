import type { Cohort } from '../profile/cohort.js';
import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

/** What {@link defineConstraint} needs: a predicate and how to say why it fails. */
export interface ConstraintDefinition {
  /** Rule name: also the `program.constraints` switch (on unless set to `false`). */
  readonly name: string;
  /** Stable code of the violation, e.g. `'DIFFERENT_CAMPUS'`. */
  readonly code: string;
  readonly description?: string;
  /** `true` when the pair may be matched. `left` and `right` are participant indices. */
  allows(left: number, right: number, cohort: Cohort): boolean;
  /**
   * The sentence when it may not.
   * @default `${left id} and ${right id} break rule ${name}`
   */
  message?(left: number, right: number, cohort: Cohort): string;
}

/**
 * A custom hard rule from a predicate — eligibility lists, campus rules, anything the built-ins
 * do not cover. It can only forbid pairs, never allow one another rule forbids.
 *
 * @param definition - See {@link ConstraintDefinition}.
 * @returns A constraint to pass in `options.constraints`.
 * @example
 * ```ts
 * const sameCampus = defineConstraint({
 *   name: 'sameCampus',
 *   code: 'DIFFERENT_CAMPUS',
 *   allows: (a, b, cohort) => cohort.location[a] === cohort.location[b],
 *   message: (a, b, cohort) => `${cohort.ids[a]} and ${cohort.ids[b]} study on different campuses`,
 * });
 * buildCompatibility(cohort, program, { constraints: [sameCampus] }).explain('ana', 'bo').violations;
 * //=> [{ rule: 'sameCampus', code: 'DIFFERENT_CAMPUS', message: 'ana and bo study on different campuses' }]
 * ```
 */
export function defineConstraint(definition: ConstraintDefinition): Constraint {
  const { name, code, description, allows } = definition;
  const message = definition.message;
  return Object.freeze<Constraint>({
    name,
    ...(description === undefined ? {} : { description }),
    prepare({ cohort, enabled }) {
      if (!enabled(name)) return undefined;
      return singleRule({
        rule: name,
        code,
        forbids: (a, b) => allows(a, b, cohort) !== true,
        message: (a, b) =>
          message === undefined
            ? `${cohort.ids[a]} and ${cohort.ids[b]} break rule ${name}`
            : String(message(a, b, cohort)),
      });
    },
  });
}

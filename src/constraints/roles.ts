import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

const MENTOR = 0;
const MENTEE = 1;

/**
 * The `roles` constraint (on by default): nobody is paired with themself, and in a directed
 * (giver × receiver) matrix the left side gives and the right side receives — a mentee cannot
 * mentor, a mentor is not mentored; peers may do both. In a square (peer) matrix only
 * self-pairs are forbidden.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort, program, { left: ['bo'], right: ['ana'] }).explain('bo', 'ana').violations[0]?.message;
 * //=> 'bo is a mentee, so cannot mentor ana'
 * ```
 */
export const roles: Constraint = Object.freeze<Constraint>({
  name: 'roles',
  description: 'Givers with receivers, never a participant with themself.',
  prepare({ cohort, layout, enabled }) {
    if (!enabled('roles')) return undefined;
    const role = cohort.role;
    const directed = layout === 'directed';
    const forbids = (a: number, b: number) =>
      a === b || (directed && (role[a] === MENTEE || role[b] === MENTOR));
    return singleRule({
      rule: 'roles',
      code: 'ROLE_MISMATCH',
      forbids,
      message(a, b) {
        if (a === b) return `${cohort.ids[a]} cannot be paired with themself`;
        return role[a] === MENTEE
          ? `${cohort.ids[a]} is a mentee, so cannot mentor ${cohort.ids[b]}`
          : `${cohort.ids[b]} is a mentor, so is not mentored by ${cohort.ids[a]}`;
      },
      fillRow(left, rights, count, out) {
        if (directed && role[left] === MENTEE) {
          out.fill(0, 0, count);
          return;
        }
        for (let k = 0; k < count; k++) {
          const r = rights[k];
          if (r === left || (directed && role[r] === MENTOR)) out[k] = 0;
        }
      },
    });
  },
});

import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

/**
 * The `capacity` constraint (on by default): a participant with `capacity: 0` takes no partner
 * (a mentor pausing, a mentee already served).
 *
 * @example
 * ```ts
 * buildCompatibility(cohort).explain('ana', 'bo').violations[0]?.code;
 * //=> 'CAPACITY_ZERO'
 * ```
 */
export const capacityZero: Constraint = Object.freeze<Constraint>({
  name: 'capacity',
  description: 'Participants with capacity 0 are not matched.',
  prepare({ cohort, enabled }) {
    if (!enabled('capacity')) return undefined;
    const capacity = cohort.capacity;
    return singleRule({
      rule: 'capacity',
      code: 'CAPACITY_ZERO',
      forbids: (a, b) => capacity[a] === 0 || capacity[b] === 0,
      message: (a, b) => `${cohort.ids[capacity[a] === 0 ? a : b]} has capacity 0`,
      fillRow(left, rights, count, out) {
        if (capacity[left] === 0) {
          out.fill(0, 0, count);
          return;
        }
        for (let k = 0; k < count; k++) if (capacity[rights[k]] === 0) out[k] = 0;
      },
    });
  },
});

import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

/**
 * The `optOut` constraint (on by default): a participant who opted out (`optOut: true`) is
 * paired with nobody for now, though they stay in the cohort and in reports.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort).explain('ana', 'bo').violations;
 * //=> [{ rule: 'optOut', code: 'OPTED_OUT', message: 'bo opted out of matching' }]
 * ```
 */
export const optOut: Constraint = Object.freeze<Constraint>({
  name: 'optOut',
  description: 'Opted-out participants are not matched.',
  prepare({ cohort, enabled }) {
    if (!enabled('optOut')) return undefined;
    const out = cohort.optOut;
    return singleRule({
      rule: 'optOut',
      code: 'OPTED_OUT',
      forbids: (a, b) => out[a] === 1 || out[b] === 1,
      message: (a, b) =>
        out[a] === 1 && out[b] === 1
          ? `${cohort.ids[a]} and ${cohort.ids[b]} opted out of matching`
          : `${cohort.ids[out[a] === 1 ? a : b]} opted out of matching`,
      fillRow(left, rights, count, mask) {
        if (out[left] === 1) {
          mask.fill(0, 0, count);
          return;
        }
        for (let k = 0; k < count; k++) if (out[rights[k]] === 1) mask[k] = 0;
      },
    });
  },
});

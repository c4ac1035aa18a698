import { PairMarks } from './_internal/pair-marks.js';
import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

/**
 * The `noRepeat` constraint (on by default): never pair two people again when either lists the
 * other in `previousPartners` — re-matching gives everyone a new partner.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort).explain('ana', 'bo').violations[0]?.code;
 * //=> 'PREVIOUS_PARTNERS'
 * ```
 */
export const noRepeat: Constraint = Object.freeze<Constraint>({
  name: 'noRepeat',
  description: 'No previous pairing is repeated.',
  prepare({ cohort, enabled }) {
    if (!enabled('noRepeat')) return undefined;
    const pairs = new PairMarks(cohort.previousPartners, cohort.size);
    return singleRule({
      rule: 'noRepeat',
      code: 'PREVIOUS_PARTNERS',
      forbids: (a, b) => pairs.has(a, b) || pairs.has(b, a),
      message: (a, b) => `${cohort.ids[a]} and ${cohort.ids[b]} were partners before`,
      fillRow: (left, rights, count, out) => pairs.clearRow(left, rights, count, out),
    });
  },
});

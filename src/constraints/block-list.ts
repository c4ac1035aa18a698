import { PairMarks } from './_internal/pair-marks.js';
import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

/**
 * The `blockList` constraint (on by default): never pair two people when either lists the other
 * in `avoid`. `avoid` is a safety field, used whatever the consent.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort).explain('ana', 'bo').violations[0]?.message;
 * //=> 'bo asked not to be matched with ana'
 * ```
 */
export const blockList: Constraint = Object.freeze<Constraint>({
  name: 'blockList',
  description: 'Nobody is paired with someone they blocked, or who blocked them.',
  prepare({ cohort, enabled }) {
    if (!enabled('blockList')) return undefined;
    const pairs = new PairMarks(cohort.avoid, cohort.size);
    return singleRule({
      rule: 'blockList',
      code: 'BLOCKED',
      forbids: (a, b) => pairs.has(a, b) || pairs.has(b, a),
      message(a, b) {
        const [who, whom] = pairs.has(a, b) ? [a, b] : [b, a];
        const both = pairs.has(a, b) && pairs.has(b, a);
        return both
          ? `${cohort.ids[a]} and ${cohort.ids[b]} asked not to be matched with each other`
          : `${cohort.ids[who]} asked not to be matched with ${cohort.ids[whom]}`;
      },
      fillRow: (left, rights, count, out) => pairs.clearRow(left, rights, count, out),
    });
  },
});

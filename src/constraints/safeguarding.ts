import { singleRule } from './_internal/rule.js';
import { safeguardingFlags } from './_internal/safeguarding-flags.js';
import type { Constraint } from './constraint.js';

/**
 * The `safeguarding` constraint (on by default): a minor or vulnerable participant is only
 * paired with someone whose background check is valid on the program date (checked on or
 * before it, expiring on or after it). It protects both directions, so in a peer program two
 * protected participants need checks too. Safeguarding data is never subject to consent.
 *
 * @example
 * ```ts
 * buildCompatibility(cohort).explain('ana', 'minor-bo').violations[0]?.message;
 * //=> 'minor-bo is a minor and ana has no background check valid on 2025-03-15 (expired 2025-01-31)'
 * ```
 */
export const safeguarding: Constraint = Object.freeze<Constraint>({
  name: 'safeguarding',
  description: 'Minors and vulnerable participants only with background-checked partners.',
  prepare({ cohort, program, enabled }) {
    if (!enabled('safeguarding')) return undefined;
    const date = program.date;
    const { protectedOne, checked } = safeguardingFlags(cohort, date);
    const forbids = (a: number, b: number) =>
      (protectedOne[b] === 1 && checked[a] === 0) || (protectedOne[a] === 1 && checked[b] === 0);
    const describe = (i: number) =>
      cohort.minor[i] === 1 ? 'a minor' : 'a vulnerable participant';
    const checkText = (i: number) => {
      const check = cohort.profiles[i].safeguarding.backgroundCheck;
      if (check === undefined) return 'no background check';
      if (check.expiresOn < date)
        return `no background check valid on ${date} (expired ${check.expiresOn})`;
      return `no background check valid on ${date} (checked only on ${check.checkedOn})`;
    };
    return singleRule({
      rule: 'safeguarding',
      code: 'SAFEGUARDING',
      forbids,
      message(a, b) {
        const [p, other] = protectedOne[b] === 1 && checked[a] === 0 ? [b, a] : [a, b];
        return `${cohort.ids[p]} is ${describe(p)} and ${cohort.ids[other]} has ${checkText(other)}`;
      },
      fillRow(left, rights, count, out) {
        const leftChecked = checked[left] === 1;
        const leftProtected = protectedOne[left] === 1;
        if (leftChecked && !leftProtected) {
          return; // a checked, unprotected giver may meet anyone
        }
        for (let k = 0; k < count; k++) {
          const r = rights[k];
          if ((protectedOne[r] === 1 && !leftChecked) || (leftProtected && checked[r] === 0))
            out[k] = 0;
        }
      },
    });
  },
});

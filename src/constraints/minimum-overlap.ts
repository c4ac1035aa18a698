import { OverlapRow, overlapMinutes } from '../profile/_internal/overlap.js';
import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

/**
 * The `minimumOverlap` constraint (off by default): the two must share at least
 * `program.matching.minimumOverlapMinutes` of weekly availability (exact minutes, in UTC at the
 * program date's offsets). When either has no availability (none given, or withheld),
 * `program.matching.whenUnknown` decides: `'allow'` (default) or `'forbid'`.
 *
 * @example
 * ```ts
 * // matching.minimumOverlapMinutes: 60; ana and bo share 30 minutes a week
 * buildCompatibility(cohort, { ...program, constraints: { minimumOverlap: true } }).explain('ana', 'bo').violations[0]?.message;
 * //=> 'ana and bo share 30 minutes a week; the program requires 60'
 * ```
 */
export const minimumOverlap: Constraint = Object.freeze<Constraint>({
  name: 'minimumOverlap',
  description: 'Enough shared weekly availability.',
  prepare({ cohort, program, enabled }) {
    if (!enabled('minimumOverlap')) return undefined;
    const need = program.matching.minimumOverlapMinutes;
    const forbidUnknown = program.matching.whenUnknown === 'forbid';
    const availability = cohort.availability;
    const offsets = availability.intervals.offsets;
    const row = new OverlapRow(availability);
    const unknown = (i: number) => offsets[i + 1] === offsets[i];
    const forbids = (a: number, b: number) =>
      unknown(a) || unknown(b) ? forbidUnknown : overlapMinutes(availability, a, b) < need;
    return singleRule({
      rule: 'minimumOverlap',
      code: 'NOT_ENOUGH_OVERLAP',
      forbids,
      message(a, b) {
        if (unknown(a) || unknown(b)) {
          const who = unknown(a) ? a : b;
          return `${cohort.ids[who]} gave no availability (or withheld it), and the program forbids pairs whose overlap is unknown`;
        }
        return `${cohort.ids[a]} and ${cohort.ids[b]} share ${overlapMinutes(availability, a, b)} minutes a week; the program requires ${need}`;
      },
      fillRow(left, rights, count, out) {
        if (unknown(left)) {
          if (forbidUnknown) out.fill(0, 0, count);
          return;
        }
        row.load(left);
        for (let k = 0; k < count; k++) {
          if (out[k] === 0) continue;
          const r = rights[k];
          if (offsets[r + 1] === offsets[r] ? forbidUnknown : row.with(r) < need) out[k] = 0;
        }
      },
    });
  },
});

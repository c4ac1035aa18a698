import { chainBetween, reportingLine } from './_internal/reporting-line.js';
import type { Constraint, ConstraintViolation } from './constraint.js';

const RULES = ['reportingLine', 'sameManager', 'sameTeam', 'sameDepartment'] as const;

/**
 * The `conflictOfInterest` constraint, four switches of `program.constraints`:
 *
 * - `reportingLine` (on by default): neither may be anywhere above the other in the `managerId`
 *   chain — a manager's manager too, however deep; a `managerId` cycle throws `INVALID_INPUT`
 *   (`MANAGER_CYCLE`, every participant on it named);
 * - `sameManager`: not two direct reports of the same manager;
 * - `sameTeam`, `sameDepartment`: not two people of the same team / department.
 *
 * A participant who withheld `managerId`, `team` or `department` is invisible to that part.
 *
 * @example
 * ```ts
 * // carla manages dan, who manages bo
 * buildCompatibility(cohort).explain('carla', 'bo').violations;
 * //=> [{ rule: 'reportingLine', code: 'REPORTING_LINE', message: 'carla is in the reporting line of bo (bo → dan → carla)' }]
 * ```
 */
export const conflictOfInterest: Constraint = Object.freeze<Constraint>({
  name: 'conflictOfInterest',
  description:
    'No pair within a reporting line, and optionally not under the same manager, team or department.',
  rules: RULES,
  prepare({ cohort, enabled }) {
    const line = enabled('reportingLine') ? reportingLine(cohort, 'conflictOfInterest') : undefined;
    const sameManager = enabled('sameManager');
    const sameTeam = enabled('sameTeam');
    const sameDepartment = enabled('sameDepartment');
    if (line === undefined && !sameManager && !sameTeam && !sameDepartment) return undefined;
    const { manager, team, department, ids } = cohort;
    const enter = line?.enter;
    const leave = line?.leave;
    const above = (a: number, b: number): boolean =>
      enter !== undefined && leave !== undefined && enter[a] <= enter[b] && enter[b] < leave[a];
    const forbids = (a: number, b: number): boolean =>
      (line !== undefined && (above(a, b) || above(b, a))) ||
      (sameManager && manager[a] >= 0 && manager[a] === manager[b]) ||
      (sameTeam && team[a] >= 0 && team[a] === team[b]) ||
      (sameDepartment && department[a] >= 0 && department[a] === department[b]);
    return {
      allows: (a, b) => !forbids(a, b),
      fillRow(left, rights, count, out) {
        const m = manager[left];
        const t = team[left];
        const d = department[left];
        const checkManager = sameManager && m >= 0;
        const checkTeam = sameTeam && t >= 0;
        const checkDepartment = sameDepartment && d >= 0;
        if (enter !== undefined && leave !== undefined) {
          const e = enter[left];
          const l = leave[left];
          for (let k = 0; k < count; k++) {
            const r = rights[k];
            const er = enter[r];
            // One of the two is above the other iff their tour intervals nest.
            if ((e <= er && er < l) || (er <= e && e < leave[r])) out[k] = 0;
          }
        }
        if (checkManager || checkTeam || checkDepartment) {
          for (let k = 0; k < count; k++) {
            const r = rights[k];
            if (
              (checkManager && manager[r] === m) ||
              (checkTeam && team[r] === t) ||
              (checkDepartment && department[r] === d)
            ) {
              out[k] = 0;
            }
          }
        }
      },
      violations(a, b) {
        const found: ConstraintViolation[] = [];
        if (line !== undefined && (above(a, b) || above(b, a))) {
          const [upper, lower] = above(a, b) ? [a, b] : [b, a];
          const chain = chainBetween(cohort, lower, upper);
          found.push({
            rule: 'reportingLine',
            code: 'REPORTING_LINE',
            message:
              chain.length === 2
                ? `${ids[upper]} manages ${ids[lower]}`
                : `${ids[upper]} is in the reporting line of ${ids[lower]} (${chain.join(' → ')})`,
          });
        }
        if (sameManager && manager[a] >= 0 && manager[a] === manager[b]) {
          found.push({
            rule: 'sameManager',
            code: 'SAME_MANAGER',
            message: `${ids[a]} and ${ids[b]} both report to ${ids[manager[a]]}`,
          });
        }
        if (sameTeam && team[a] >= 0 && team[a] === team[b]) {
          found.push({
            rule: 'sameTeam',
            code: 'SAME_TEAM',
            message: `${ids[a]} and ${ids[b]} are both in team ${cohort.vocabularies.teams.names[team[a]]}`,
          });
        }
        if (sameDepartment && department[a] >= 0 && department[a] === department[b]) {
          found.push({
            rule: 'sameDepartment',
            code: 'SAME_DEPARTMENT',
            message: `${ids[a]} and ${ids[b]} are both in department ${cohort.vocabularies.departments.names[department[a]]}`,
          });
        }
        return found;
      },
    };
  },
});

import { blockList } from './block-list.js';
import { capacityZero } from './capacity.js';
import { conflictOfInterest } from './conflict-of-interest.js';
import type { Constraint } from './constraint.js';
import { minimumOverlap } from './minimum-overlap.js';
import { noRepeat } from './no-repeat.js';
import { optOut } from './opt-out.js';
import { roles } from './roles.js';
import { safeguarding } from './safeguarding.js';
import { sharedLanguage } from './shared-language.js';

/**
 * Every built-in hard rule, cheapest and most decisive first (builders check them in this
 * order). Each is switched by `program.constraints`.
 *
 * @example
 * ```ts
 * BUILT_IN_CONSTRAINTS.flatMap((c) => c.rules ?? [c.name]);
 * //=> ['roles', 'optOut', 'capacity', 'safeguarding', 'reportingLine', 'sameManager', 'sameTeam', 'sameDepartment', 'blockList', 'noRepeat', 'sharedLanguage', 'minimumOverlap']
 * ```
 */
export const BUILT_IN_CONSTRAINTS: readonly Constraint[] = Object.freeze([
  roles,
  optOut,
  capacityZero,
  safeguarding,
  conflictOfInterest,
  blockList,
  noRepeat,
  sharedLanguage,
  minimumOverlap,
]);

import type { CompatibilityCandidates } from '../../compatibility/types.js';
import type { MatrixLayout } from '../../constraints/constraint.js';
import type { Cohort } from '../../profile/cohort.js';

/** The participants a side of the call takes, in the order it takes them. */
interface Side {
  readonly ids: readonly string[];
  /** What the call calls them, e.g. `'mentors'`. */
  readonly who: string;
}

/** What candidates built beforehand must be to stand in for a mode's own scan. */
export interface CandidatesWanted {
  readonly layout: MatrixLayout;
  /** Why that layout, e.g. `'mentors give, mentees receive'`. */
  readonly why: string;
  readonly left: Side;
  readonly right: Side;
  /** The least `k` that scans as wide as the call would, and how the call arrives at it. */
  readonly k?: { readonly least: number; readonly why: string };
}

/**
 * Why precomputed candidates do not fit a call (not candidates at all, wrong layout, sides,
 * cohort or too small a `k`), or `null`. Checked in `O(rows + cols)`: rows and columns must be
 * the very participants, in the very order, that the call's own scan would have taken, since
 * every later step indexes by them.
 */
export function candidatesProblem(
  cohort: Cohort,
  given: unknown,
  want: CandidatesWanted,
): string | null {
  const c = given as Partial<CompatibilityCandidates> | null;
  if (
    typeof c !== 'object' ||
    c === null ||
    c.edges === undefined ||
    c.forRight === undefined ||
    !Array.isArray(c.leftIds) ||
    !Array.isArray(c.rightIds) ||
    !(c.left instanceof Int32Array) ||
    !(c.right instanceof Int32Array)
  ) {
    return 'must be what buildCandidates or buildCandidatesParallel returns';
  }
  if (c.layout !== want.layout) {
    return `must be built with layout '${want.layout}' (${want.why}), got ${JSON.stringify(c.layout)}`;
  }
  const side = (
    ids: readonly string[],
    index: Int32Array,
    { ids: wanted, who }: Side,
    key: 'left' | 'right',
  ): string | null => {
    if (ids.length !== wanted.length) {
      return `has ${ids.length} ${key} participant(s), but this call matches ${wanted.length} ${who}`;
    }
    for (let i = 0; i < wanted.length; i++) {
      if (ids[i] !== wanted[i]) {
        return `must have the ${who} as ${key}, in code-unit order of their ids: ${key}Ids[${i}] is ${JSON.stringify(ids[i])}, expected ${JSON.stringify(wanted[i])}`;
      }
      if (index[i] !== cohort.indexOf.get(wanted[i])) {
        return `was built on another cohort: ${JSON.stringify(wanted[i])} is participant ${index[i]} there, ${String(cohort.indexOf.get(wanted[i]))} here`;
      }
    }
    return null;
  };
  const sides =
    side(c.leftIds, c.left, want.left, 'left') ?? side(c.rightIds, c.right, want.right, 'right');
  if (sides !== null || want.k === undefined) return sides;
  const { least, why } = want.k;
  return typeof c.k === 'number' && c.k >= least
    ? null
    : `was built with k ${String(c.k)}, but this call scans ${least} (${why}): build it with k ≥ ${least}`;
}

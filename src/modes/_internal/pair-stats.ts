import { overlapMinutes } from '../../profile/_internal/overlap.js';
import type { Cohort } from '../../profile/cohort.js';
import { isWithheld } from '../../scoring/_internal/facts.js';

/** Position of `skill` in participant `i`'s sorted closure list, or -1 (binary search). */
function closureIndex(cohort: Cohort, i: number, skill: number): number {
  const { offsets, values } = cohort.offeredClosure;
  let lo = offsets[i];
  let hi = offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] === skill) return mid;
    if (values[mid] < skill) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Coverage of wanted skills and mean shared minutes over teaching links `givers[k] → receivers[k]`
 * (cohort indices). A wanted skill counts as covered, with its priority as weight, when the
 * giver's offered closure holds it (offered as such or through a narrower skill) at the wanted
 * level or above.
 */
export function pairStats(
  cohort: Cohort,
  givers: ArrayLike<number>,
  receivers: ArrayLike<number>,
): { wantedCoverage: number | null; meanSharedMinutes: number | null } {
  const { wanted, offeredClosure, availability } = cohort;
  let wantedTotal = 0;
  let covered = 0;
  let minutes = 0;
  let overlapPairs = 0;
  for (let k = 0; k < givers.length; k++) {
    const g = givers[k];
    const r = receivers[k];
    for (let w = wanted.offsets[r]; w < wanted.offsets[r + 1]; w++) {
      wantedTotal += wanted.priorities[w];
      const at = closureIndex(cohort, g, wanted.values[w]);
      if (at >= 0 && offeredClosure.levels[at] >= wanted.levels[w]) covered += wanted.priorities[w];
    }
    // Withheld availability is unknown, not empty: leave the pair out rather than count 0.
    if (!isWithheld(cohort, g, 'availability') && !isWithheld(cohort, r, 'availability')) {
      minutes += overlapMinutes(availability, g, r);
      overlapPairs++;
    }
  }
  return {
    wantedCoverage: wantedTotal > 0 ? covered / wantedTotal : null,
    meanSharedMinutes: overlapPairs > 0 ? minutes / overlapPairs : null,
  };
}

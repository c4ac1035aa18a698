import type { CohortAvailability } from '../cohort.js';

const MINUTES_PER_WEEK = 10080;

/**
 * Exact shared weekly minutes of two participants: one merge pass over their sorted, disjoint
 * UTC intervals.
 */
export function overlapMinutes(availability: CohortAvailability, a: number, b: number): number {
  const { offsets, starts, ends } = availability.intervals;
  let i = offsets[a];
  let j = offsets[b];
  const ie = offsets[a + 1];
  const je = offsets[b + 1];
  let total = 0;
  while (i < ie && j < je) {
    const s = Math.max(starts[i], starts[j]);
    const e = Math.min(ends[i], ends[j]);
    if (e > s) total += e - s;
    if (ends[i] < ends[j]) i++;
    else j++;
  }
  return total;
}

/**
 * Overlap of one row participant with many: loads the row's free minutes as a prefix sum over
 * the week (10 081 entries, once per row), so each partner costs two reads per interval of
 * theirs instead of a merge.
 */
export class OverlapRow {
  private readonly availability: CohortAvailability;
  /** `cumulative[t]` = the row participant's free minutes in `[0, t)`. */
  readonly cumulative = new Int32Array(MINUTES_PER_WEEK + 1);

  constructor(availability: CohortAvailability) {
    this.availability = availability;
  }

  load(left: number): void {
    const { offsets, starts, ends } = this.availability.intervals;
    const cum = this.cumulative;
    let acc = 0;
    let t = 0;
    for (let i = offsets[left]; i < offsets[left + 1]; i++) {
      const s = starts[i];
      const e = ends[i];
      for (; t <= s; t++) cum[t] = acc;
      for (; t <= e; t++) cum[t] = ++acc;
    }
    for (; t <= MINUTES_PER_WEEK; t++) cum[t] = acc;
  }

  /** Shared minutes of the loaded participant and `right`. */
  with(right: number): number {
    const { offsets, starts, ends } = this.availability.intervals;
    const cum = this.cumulative;
    let total = 0;
    for (let j = offsets[right], e = offsets[right + 1]; j < e; j++) {
      total += cum[ends[j]] - cum[starts[j]];
    }
    return total;
  }
}

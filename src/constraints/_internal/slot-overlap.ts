import type { CohortAvailability } from '../../profile/cohort.js';

const MINUTES_PER_WEEK = 10080;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Exact shared weekly minutes of one row participant with many, on the cohort's coarsest exact
 * grid: when every interval bound is a multiple of `g` minutes (30 when windows start on the
 * hour or half hour and zones are whole or half hours off UTC), each `g`-minute slot is wholly
 * free or not, so counting shared slots × `g` is exact. The row's prefix sum then has
 * `10080 / g + 1` entries (337 for 30 minutes, instead of 10 081) and stays in the L1 cache,
 * and each partner costs two reads per interval. Same results as `OverlapRow`, any grid.
 */
export class SlotOverlap {
  /** Minutes per slot. */
  readonly grid: number;
  private readonly offsets: Int32Array;
  /** Interval `j` of the cohort is slots `[bounds[2j], bounds[2j + 1])`. */
  private readonly bounds: Int32Array;
  private readonly cumulative: Int32Array;

  constructor(availability: CohortAvailability) {
    const { offsets, starts, ends } = availability.intervals;
    let grid = MINUTES_PER_WEEK;
    for (let j = 0; j < starts.length && grid > 1; j++) {
      // Most bounds already sit on the grid found so far: skip the gcd (a cohort has many).
      if (starts[j] % grid !== 0 || ends[j] % grid !== 0) grid = gcd(gcd(grid, starts[j]), ends[j]);
    }
    this.grid = grid;
    this.offsets = offsets;
    this.bounds = new Int32Array(2 * starts.length);
    for (let j = 0; j < starts.length; j++) {
      this.bounds[2 * j] = starts[j] / grid;
      this.bounds[2 * j + 1] = ends[j] / grid;
    }
    this.cumulative = new Int32Array(MINUTES_PER_WEEK / grid + 1);
  }

  /** Makes `left` the row participant. */
  load(left: number): void {
    const { offsets, bounds, cumulative: cum } = this;
    const last = cum.length - 1;
    let acc = 0;
    let t = 0;
    for (let j = offsets[left]; j < offsets[left + 1]; j++) {
      const s = bounds[2 * j];
      const e = bounds[2 * j + 1];
      for (; t <= s; t++) cum[t] = acc;
      for (; t <= e; t++) cum[t] = ++acc;
    }
    for (; t <= last; t++) cum[t] = acc;
  }

  /**
   * Shared minutes of the row participant and `right`, exact below `enough`; from `enough` on,
   * some number of minutes ≥ `enough` (the count stops early: nobody reads past it).
   */
  with(right: number, enough: number): number {
    const { offsets, bounds, cumulative: cum, grid } = this;
    let slots = 0;
    const stop = enough / grid;
    for (let j = 2 * offsets[right], e = 2 * offsets[right + 1]; j < e; j += 2) {
      slots += cum[bounds[j + 1]] - cum[bounds[j]];
      if (slots >= stop) break;
    }
    return slots * grid;
  }
}

import type { Cohort } from '../../profile/cohort.js';
import { AD_HOC } from '../../scoring/_internal/constants.js';
import { SCHEDULE_SCORER_DEFAULTS } from '../../scoring/schedule.js';

const HOURS_PER_WEEK = 168;
const WORDS = Math.ceil(HOURS_PER_WEEK / 32);

/**
 * A cap on the built-in `schedule` term of one row against any partner, from the hours of the
 * week in which both have free time: their shared minutes are at most 60 a common hour. Six
 * words a pair instead of the exact overlap, and 0 for the many pairs whose free time never
 * meets — the top-k scan uses it to drop a pair its cheap bound (which takes the term as 1)
 * would have scored.
 */
export class ScheduleCap {
  private readonly cohort: Cohort;
  /** Per participant, one bit per hour of the (UTC) week holding some of their free time. */
  private readonly hours: Int32Array;
  private readonly slack: Float64Array;
  private readonly row = new Int32Array(WORDS);
  private rowFree = false;
  private rowCadence = 0;
  private rowSession = 0;

  constructor(cohort: Cohort) {
    this.cohort = cohort;
    const { offsets, starts, ends } = cohort.availability.intervals;
    const hours = new Int32Array(cohort.size * WORDS);
    for (let p = 0; p < cohort.size; p++) {
      for (let x = offsets[p]; x < offsets[p + 1]; x++) {
        for (
          let h = Math.floor(starts[x] / 60), last = Math.floor((ends[x] - 1) / 60);
          h <= last;
          h++
        ) {
          hours[p * WORDS + (h >>> 5)] |= 1 << (h & 31);
        }
      }
    }
    this.hours = hours;
    const { sessionsOfSlack } = SCHEDULE_SCORER_DEFAULTS;
    this.slack = Float64Array.from({ length: 5 }, (_, c) => sessionsOfSlack[c] ?? 1);
  }

  /** Makes `left` the row. */
  load(left: number): void {
    const { offsets } = this.cohort.availability.intervals;
    this.rowFree = offsets[left] !== offsets[left + 1];
    this.row.set(this.hours.subarray(left * WORDS, (left + 1) * WORDS));
    this.rowCadence = this.cohort.cadence[left];
    this.rowSession = this.cohort.sessionMinutes[left];
  }

  /**
   * How far the row's `schedule` term with `r` falls short of 1, at least: 0 when either gave
   * no availability (the term is then neutral, as the bound already takes it).
   */
  shortfall(r: number): number {
    const { offsets } = this.cohort.availability.intervals;
    if (!this.rowFree || offsets[r] === offsets[r + 1]) return 0;
    const { hours, row, slack } = this;
    let common = 0;
    for (let w = 0, at = r * WORDS; w < WORDS; w++, at++) {
      let x = row[w] & hours[at];
      x -= (x >>> 1) & 0x55555555;
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      common += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    if (common === 0) return 1;
    const { cadence, sessionMinutes } = this.cohort;
    const lc = this.rowCadence;
    const rc = cadence[r];
    const length =
      Math.max(this.rowSession, sessionMinutes[r]) || SCHEDULE_SCORER_DEFAULTS.sessionMinutes;
    const need = length * Math.max(slack[lc], slack[rc]);
    let value = common * 60 >= need ? 1 : (common * 60) / need;
    if (lc !== 0 && lc !== AD_HOC && rc !== 0 && rc !== AD_HOC && rc !== lc) {
      const agree = 1 - SCHEDULE_SCORER_DEFAULTS.cadenceMismatchPenalty * Math.abs(rc - lc);
      value *= Math.max(agree, 0);
    }
    return 1 - value;
  }
}

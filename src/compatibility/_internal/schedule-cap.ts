import type { Cohort } from '../../profile/cohort.js';
import { cadenceAgreement, minutesNeeded } from '../../scoring/_internal/schedule-terms.js';
import { SCHEDULE_SCORER_DEFAULTS } from '../../scoring/schedule.js';

const HOURS_PER_WEEK = 168;
/** Words of {@link ScheduleCap.hours} per participant. */
export const HOUR_WORDS = Math.ceil(HOURS_PER_WEEK / 32);

/**
 * A cap on the built-in `schedule` term of one row against any partner, from the hours of the
 * week in which both have free time: their shared minutes are at most 60 a common hour. No
 * common hour means the term is 0 (two thirds of the pairs of a cohort spread over time zones):
 * the bound reads that of every pair it bounds from the columns by hour (`ColumnsByHour`, built
 * from {@link hours}, read for {@link row}). It asks {@link shortfall} of the pairs it would
 * score, for the cap when they share a few hours.
 */
export class ScheduleCap {
  /**
   * Per participant, {@link HOUR_WORDS} words with one bit per hour of the (UTC) week that
   * holds some of their free time; every bit set for someone without availability (the term is
   * then neutral, never 0), so two participants share no hour only when both gave times.
   */
  readonly hours: Int32Array;
  /** The row's words of {@link hours}. */
  readonly row = new Int32Array(HOUR_WORDS);
  private readonly cohort: Cohort;
  private readonly slack: Float64Array;
  private free = false;
  /** The row's participant. */
  private left = 0;

  constructor(cohort: Cohort) {
    this.cohort = cohort;
    const { offsets, starts, ends } = cohort.availability.intervals;
    const hours = new Int32Array(cohort.size * HOUR_WORDS);
    for (let p = 0; p < cohort.size; p++) {
      if (offsets[p] === offsets[p + 1]) hours.fill(-1, p * HOUR_WORDS, (p + 1) * HOUR_WORDS);
      for (let x = offsets[p]; x < offsets[p + 1]; x++) {
        const last = Math.floor((ends[x] - 1) / 60);
        for (let h = Math.floor(starts[x] / 60); h <= last; h++) {
          hours[p * HOUR_WORDS + (h >>> 5)] |= 1 << (h & 31);
        }
      }
    }
    this.hours = hours;
    const { sessionsOfSlack } = SCHEDULE_SCORER_DEFAULTS;
    this.slack = Float64Array.from({ length: 5 }, (_, c) => sessionsOfSlack[c] ?? 1);
  }

  /** Whether the row gave availability (else its term is neutral with anyone). */
  get rowFree(): boolean {
    return this.free;
  }

  /** Makes `left` the row. */
  load(left: number): void {
    const { offsets } = this.cohort.availability.intervals;
    this.free = offsets[left] !== offsets[left + 1];
    this.row.set(this.hours.subarray(left * HOUR_WORDS, (left + 1) * HOUR_WORDS));
    this.left = left;
  }

  /**
   * How far the row's `schedule` term with `r` falls short of 1, at least, when they share
   * some hours: 0 when they share none (the bound has taken the term as 0 already) or either
   * gave no availability (the term is neutral, as the bound takes it).
   */
  shortfall(r: number): number {
    const { offsets } = this.cohort.availability.intervals;
    if (!this.free || offsets[r] === offsets[r + 1]) return 0;
    const { hours, row } = this;
    let common = 0;
    for (let w = 0, at = r * HOUR_WORDS; w < HOUR_WORDS; w++, at++) {
      let x = row[w] & hours[at];
      x -= (x >>> 1) & 0x55555555;
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      common += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    if (common === 0) return 0;
    const { cohort, left, slack } = this;
    const { sessionMinutes, cadenceMismatchPenalty } = SCHEDULE_SCORER_DEFAULTS;
    const need = minutesNeeded(cohort, slack, sessionMinutes, left, r);
    const agreement = cadenceAgreement(
      cohort.cadence[left],
      cohort.cadence[r],
      cadenceMismatchPenalty,
    );
    return 1 - agreement * Math.min(1, (common * 60) / need);
  }
}

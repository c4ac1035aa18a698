import type { Cohort } from '../../profile/cohort.js';
import { HOUR_WORDS } from './schedule-cap.js';

/**
 * The columns that want each skill, at any level: a row by skill sees those wanting a skill it
 * offers (`CandidateBound.boundVisible`), as one bit per column. A skill wanted by more columns
 * than a bitmap has words keeps a bitmap, set a word at a time; the others list their columns.
 */
export class ColumnsBySkill {
  private readonly cohort: Cohort;
  /** CSR over skills (empty for a skill with a bitmap). */
  private readonly start: Int32Array;
  private readonly columns: Int32Array;
  /** Per skill, where its bitmap starts in {@link bitmaps}, or -1. */
  private readonly bitmapAt: Int32Array;
  private readonly bitmaps: Int32Array;

  constructor(cohort: Cohort, right: Int32Array) {
    this.cohort = cohort;
    const { offsets, values } = cohort.wanted;
    const skills = cohort.skills.names.length;
    const words = (right.length + 31) >>> 5;
    const wantedBy = (visit: (skill: number, j: number) => void): void => {
      for (let j = 0; j < right.length; j++) {
        for (let x = offsets[right[j]]; x < offsets[right[j] + 1]; x++) visit(values[x], j);
      }
    };
    const count = new Int32Array(skills);
    wantedBy((skill) => count[skill]++);
    const bitmapAt = new Int32Array(skills).fill(-1);
    let dense = 0;
    for (let k = 0; k < skills; k++) if (count[k] > words) bitmapAt[k] = words * dense++;
    const start = new Int32Array(skills + 1);
    for (let k = 0; k < skills; k++) start[k + 1] = start[k] + (bitmapAt[k] < 0 ? count[k] : 0);
    const columns = new Int32Array(start[skills]);
    const bitmaps = new Int32Array(words * dense);
    const at = start.slice(0, Math.max(1, skills));
    wantedBy((skill, j) => {
      if (bitmapAt[skill] >= 0) bitmaps[bitmapAt[skill] + (j >>> 5)] |= 1 << (j & 31);
      else columns[at[skill]++] = j;
    });
    this.start = start;
    this.columns = columns;
    this.bitmapAt = bitmapAt;
    this.bitmaps = bitmaps;
  }

  /** Sets the bit of every column that wants a skill `left` offers (or an ancestor of one). */
  mark(bits: Int32Array, left: number): void {
    const { start, columns, bitmapAt, bitmaps } = this;
    const { offsets, values } = this.cohort.offeredClosure;
    for (let k = offsets[left]; k < offsets[left + 1]; k++) {
      const skill = values[k];
      const from = bitmapAt[skill];
      if (from >= 0) {
        for (let w = 0; w < bits.length; w++) bits[w] |= bitmaps[from + w];
        continue;
      }
      for (let x = start[skill]; x < start[skill + 1]; x++) {
        const j = columns[x];
        bits[j >>> 5] |= 1 << (j & 31);
      }
    }
  }
}

/**
 * The columns with free time in each hour of the (UTC) week, from {@link ScheduleCap}'s hour
 * bits (every hour for a column without availability): a row by skill sees as sharing time
 * the columns in any of its hours; the others have a `schedule` term of 0 with it.
 */
export class ColumnsByHour {
  /** Per hour of the week, one bit per column. */
  private readonly bits: Int32Array;
  private readonly words: number;

  constructor(hours: Int32Array, right: Int32Array) {
    const words = (right.length + 31) >>> 5;
    const bits = new Int32Array(HOUR_WORDS * 32 * words);
    for (let j = 0; j < right.length; j++) {
      for (let w = 0, at = right[j] * HOUR_WORDS; w < HOUR_WORDS; w++, at++) {
        for (let word = hours[at]; word !== 0; word &= word - 1) {
          const h = (w << 5) + 31 - Math.clz32(word & -word);
          bits[h * words + (j >>> 5)] |= 1 << (j & 31);
        }
      }
    }
    this.bits = bits;
    this.words = words;
  }

  /** Sets in `shared` the bit of every column with free time in an hour `row` holds. */
  mark(shared: Int32Array, row: Int32Array): void {
    const { bits, words } = this;
    for (let w = 0; w < HOUR_WORDS; w++) {
      for (let word = row[w]; word !== 0; word &= word - 1) {
        const at = ((w << 5) + 31 - Math.clz32(word & -word)) * words;
        for (let x = 0; x < words; x++) shared[x] |= bits[at + x];
      }
    }
  }
}

/** Per column, a floor for each kind of pair a row by skill may leave out. */
export interface ColumnFloors {
  /** Pairs of coverage 0. */
  readonly zero: Float64Array;
  /** Pairs of schedule 0 (sharing no hour of free time). */
  readonly apart: Float64Array;
  /** Pairs of coverage 0 and schedule 0. */
  readonly both: Float64Array;
}

/** Columns, one bit each, in a set for each kind of pair a row by skill may leave out. */
export interface KindSets {
  /** Pairs of coverage 0. */
  readonly zero: Int32Array;
  /** Pairs of schedule 0. */
  readonly apart: Int32Array;
  /** Pairs of both. */
  readonly both: Int32Array;
}

/**
 * The columns a scan by skill still visits in every row, one bit each, in a set for each kind
 * of pair ({@link ColumnFloors}): those whose heap a pair of that kind could still enter, as
 * the column's heap root is not above its floor for the kind (what such a pair can score with
 * it, whatever the row). At first every column is in every set; roots only rise, so a column
 * once out of a set stays out. A scan keeps one per set of column heaps.
 */
export class ColumnWatch implements KindSets {
  readonly zero: Int32Array;
  readonly apart: Int32Array;
  readonly both: Int32Array;
  /** The columns in any set. */
  private readonly open: Int32Array;
  /** How many of `open`, from the start, are in use. */
  private count: number;

  constructor(cols: number) {
    this.zero = new Int32Array((cols + 31) >>> 5);
    for (let j = 0; j < cols; j++) this.zero[j >>> 5] |= 1 << (j & 31);
    this.apart = this.zero.slice();
    this.both = this.zero.slice();
    this.open = Int32Array.from({ length: cols }, (_, j) => j);
    this.count = cols;
  }

  /** How many columns any set still holds. */
  get size(): number {
    return this.count;
  }

  /**
   * Drops each column from the sets whose floor its heap root (`colRoot`, -1 while not full) is
   * above.
   */
  narrow(colRoot: Float64Array, floor: ColumnFloors): void {
    const { zero, apart, both, open } = this;
    let kept = 0;
    for (let x = 0; x < this.count; x++) {
      const j = open[x];
      const w = j >>> 5;
      const bit = 1 << (j & 31);
      const root = colRoot[j];
      if (root > floor.zero[j]) zero[w] &= ~bit;
      if (root > floor.apart[j]) apart[w] &= ~bit;
      if (root > floor.both[j]) both[w] &= ~bit;
      if (((zero[w] | apart[w] | both[w]) & bit) !== 0) open[kept++] = j;
    }
    this.count = kept;
  }
}

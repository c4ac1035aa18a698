import type { Cohort } from '../../profile/cohort.js';

/**
 * The columns that want each skill, at any level: a row by skill sees those wanting a skill it
 * offers (`CandidateBound.boundVisible`), as one bit per column.
 */
export class ColumnsBySkill {
  private readonly cohort: Cohort;
  /** CSR over skills. */
  private readonly start: Int32Array;
  private readonly columns: Int32Array;

  constructor(cohort: Cohort, right: Int32Array) {
    this.cohort = cohort;
    const { offsets, values } = cohort.wanted;
    const skills = cohort.skills.names.length;
    const wantedBy = (visit: (skill: number, j: number) => void): void => {
      for (let j = 0; j < right.length; j++) {
        for (let x = offsets[right[j]]; x < offsets[right[j] + 1]; x++) visit(values[x], j);
      }
    };
    const start = new Int32Array(skills + 1);
    wantedBy((skill) => start[skill + 1]++);
    for (let k = 0; k < skills; k++) start[k + 1] += start[k];
    const columns = new Int32Array(start[skills]);
    const at = start.slice(0, Math.max(1, skills));
    wantedBy((skill, j) => {
      columns[at[skill]++] = j;
    });
    this.start = start;
    this.columns = columns;
  }

  /** Sets the bit of every column that wants a skill `left` offers (or an ancestor of one). */
  mark(bits: Int32Array, left: number): void {
    const { start, columns } = this;
    const { offsets, values } = this.cohort.offeredClosure;
    for (let k = offsets[left]; k < offsets[left + 1]; k++) {
      const skill = values[k];
      for (let x = start[skill]; x < start[skill + 1]; x++) {
        const j = columns[x];
        bits[j >>> 5] |= 1 << (j & 31);
      }
    }
  }
}

/**
 * The columns a scan by skill still visits in every row, one bit each and as a list: at first
 * every column; a column leaves once its heap root is above its floor (what a pair of coverage
 * 0 can score with it, whatever the row). Roots only rise, so a column once out stays out. A
 * scan keeps one per set of column heaps.
 */
export class ColumnWatch {
  readonly bits: Int32Array;
  private readonly open: Int32Array;
  /** How many of `open`, from the start, are in use. */
  private count: number;

  constructor(cols: number) {
    this.bits = new Int32Array((cols + 31) >>> 5);
    for (let j = 0; j < cols; j++) this.bits[j >>> 5] |= 1 << (j & 31);
    this.open = Int32Array.from({ length: cols }, (_, j) => j);
    this.count = cols;
  }

  /** How many columns it still holds. */
  get size(): number {
    return this.count;
  }

  /** Drops the columns whose root (`colRoot`, -1 while not full) is above their `floor`. */
  narrow(colRoot: Float64Array, floor: Float64Array): void {
    const { bits, open } = this;
    let kept = 0;
    for (let x = 0; x < this.count; x++) {
      const j = open[x];
      if (colRoot[j] > floor[j]) bits[j >>> 5] &= ~(1 << (j & 31));
      else open[kept++] = j;
    }
    this.count = kept;
  }
}

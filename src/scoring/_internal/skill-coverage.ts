import type { Cohort } from '../../profile/cohort.js';
import type { MissingData } from '../scorer.js';
import { isWithheld, lengthOf, listing, missing, round2 } from './facts.js';

export const LEVELS = 6; // levels are 1–5; slot 0 unused so `skill * 6 + level` needs no subtraction

/**
 * How much of what `right` wants `left` offers: each wanted skill is worth its priority, and is
 * served by the best offered skill at it or below it in the taxonomy (credit
 * `hierarchyCredit ** steps`), times how well the offered level reaches the wanted target
 * (`1` at or above it, `shortfallPenalty` less per level short).
 */
export class SkillCoverage {
  private readonly cohort: Cohort;
  private readonly penalty: number;
  /** Σ priorities of each participant's wanted skills (0 = wants nothing). */
  readonly priorityTotal: Float64Array;
  /** Per-row table: value of serving skill `s` at target level `t`, at `s * 6 + t`. */
  readonly rowValue: Float64Array;
  private rowOf = -1;

  constructor(cohort: Cohort, shortfallPenalty: number) {
    this.cohort = cohort;
    this.penalty = shortfallPenalty;
    const { offsets, priorities } = cohort.wanted;
    this.priorityTotal = new Float64Array(cohort.size);
    for (let i = 0; i < cohort.size; i++) {
      let sum = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) sum += priorities[k];
      this.priorityTotal[i] = sum;
    }
    this.rowValue = new Float64Array(Math.max(1, cohort.skills.names.length * LEVELS));
  }

  /** Data that makes the pair neutral: the giver's offer or the receiver's wishes unknown. */
  gaps(left: number, right: number): MissingData[] {
    const gaps: MissingData[] = [];
    if (isWithheld(this.cohort, left, 'skills')) gaps.push(missing(this.cohort, left, 'skills'));
    if (this.priorityTotal[right] === 0) gaps.push(missing(this.cohort, right, 'skills'));
    return gaps;
  }

  private fit(level: number, target: number): number {
    return level >= target ? 1 : Math.max(0, 1 - this.penalty * (target - level));
  }

  /** Loads `left`'s offered closure into the row table (and unloads the previous row). */
  load(left: number): void {
    if (this.rowOf === left) return;
    const { offsets, values, levels, distances } = this.cohort.offeredClosure;
    const table = this.rowValue;
    if (this.rowOf >= 0) {
      for (let k = offsets[this.rowOf]; k < offsets[this.rowOf + 1]; k++) {
        table.fill(0, values[k] * LEVELS, values[k] * LEVELS + LEVELS);
      }
    }
    const credit = this.cohort.skills.hierarchyCredit;
    for (let k = offsets[left]; k < offsets[left + 1]; k++) {
      const base = values[k] * LEVELS;
      const c = credit ** distances[k];
      for (let t = 1; t < LEVELS; t++) table[base + t] = c * this.fit(levels[k], t);
    }
    this.rowOf = left;
  }

  /** Coverage in [0, 1], or -1 when the pair is neutral for lack of data. */
  coverage(left: number, right: number): number {
    const total = this.priorityTotal[right];
    if (total === 0 || isWithheld(this.cohort, left, 'skills')) return -1;
    this.load(left);
    const { offsets, values, levels, priorities } = this.cohort.wanted;
    const table = this.rowValue;
    let sum = 0;
    for (let k = offsets[right], e = offsets[right + 1]; k < e; k++) {
      sum += priorities[k] * table[values[k] * LEVELS + levels[k]];
    }
    return sum / total;
  }

  /** `out[k] = coverage(left, rights[k])`, `-1` for neutral pairs. */
  fillRow(left: number, rights: Int32Array, count: number, out: Float64Array): void {
    if (isWithheld(this.cohort, left, 'skills')) {
      out.fill(-1, 0, count);
      return;
    }
    this.load(left);
    const { offsets, values, levels, priorities } = this.cohort.wanted;
    const table = this.rowValue;
    const totals = this.priorityTotal;
    for (let k = 0; k < count; k++) {
      const right = rights[k];
      const total = totals[right];
      if (total === 0) {
        out[k] = -1;
        continue;
      }
      let sum = 0;
      for (let w = offsets[right], e = offsets[right + 1]; w < e; w++) {
        sum += priorities[w] * table[values[w] * LEVELS + levels[w]];
      }
      out[k] = sum / total;
    }
  }

  /** One clause per wanted skill: how (and whether) the giver serves it. */
  describe(left: number, right: number): string {
    const { cohort } = this;
    const names = cohort.skills.names;
    const closure = cohort.offeredClosure;
    const { offsets, values, levels, priorities } = cohort.wanted;
    const parts: string[] = [];
    for (let w = offsets[right]; w < offsets[right + 1]; w++) {
      const skill = values[w];
      let found = -1;
      for (let k = closure.offsets[left]; k < closure.offsets[left + 1]; k++) {
        if (closure.values[k] === skill) found = k;
      }
      const wantedText = `${names[skill]} (wanted at level ${levels[w]}, priority ${priorities[w]})`;
      if (found < 0) {
        parts.push(`${wantedText}: not offered`);
        continue;
      }
      const level = closure.levels[found];
      const steps = closure.distances[found];
      const value = cohort.skills.hierarchyCredit ** steps * this.fit(level, levels[w]);
      const via =
        steps === 0
          ? `offered at level ${level}`
          : `served by a narrower skill at level ${level}, ${steps} step${steps > 1 ? 's' : ''} down the taxonomy`;
      parts.push(`${wantedText}: ${via} → ${round2(value)}`);
    }
    if (parts.length === 0) return `${cohort.ids[right]} wants no skill`;
    const offered = lengthOf(cohort.offered, left);
    return `${listing(parts)}${offered === 0 ? `; ${cohort.ids[left]} offers no skill` : ''}`;
  }
}

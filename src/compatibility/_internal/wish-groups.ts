import { groupBy, HASH_SEED, hashList, sameList } from '../../profile/_internal/fact-groups.js';
import type { Cohort } from '../../profile/cohort.js';
import { isWithheld, NEUTRAL } from '../../scoring/_internal/facts.js';
import { LEVELS, SkillCoverage } from '../../scoring/_internal/skill-coverage.js';
import { SKILLS_SCORER_DEFAULTS } from '../../scoring/skills.js';

/**
 * The coverage term of one row against every column, valued once per group of columns that
 * want the same skills at the same levels and priorities (`CandidateBound`'s coverage part).
 * A row's coverage table is 0 outside the skills it offers (and their ancestors), so a row
 * visits only the wishes for those, through an index of wishes by cell, and adds each wish's
 * share to its group.
 */
export class WishGroups {
  /** Per column: its group of wanted skills. */
  readonly of: Int32Array;
  /**
   * Per group, its coverage term when the row covers none of its wishes: `weight × NEUTRAL`
   * for a group without wishes (the term is neutral, never 0), else 0.
   */
  readonly base: Float64Array;
  /** For the loaded row: each group's coverage term, times the weight. */
  readonly value: Float64Array;
  /** Whether the loaded row's term is the same for every column (skills withheld, or no weight). */
  flat = false;
  /** The largest of {@link value} for the loaded row. */
  top = 0;
  private readonly cohort: Cohort;
  private readonly weight: number;
  private readonly coverage: SkillCoverage;
  /** The largest of {@link base}. */
  private readonly topBase: number;
  /**
   * The wishes by cell (`skill × LEVELS + level`), CSR over cells: the group each belongs to and
   * its share of that group's term, `weight × priority / the group's priorities' sum`. A row
   * adds `share × its table value` for the cells its offers reach, and no other: most groups
   * want nothing a given row offers.
   */
  private readonly cellStart: Int32Array;
  private readonly cellGroup: Int32Array;
  private readonly cellShare: Float64Array;

  /** Groups the columns `right` (participants), for a coverage term of weight `weight`. */
  constructor(cohort: Cohort, right: Int32Array, weight: number) {
    this.cohort = cohort;
    this.weight = weight;
    const cols = right.length;
    this.coverage = new SkillCoverage(cohort, SKILLS_SCORER_DEFAULTS.shortfallPenalty);
    const wanted = cohort.wanted;
    const { offsets, values, levels, priorities } = wanted;
    const wishes = groupBy(
      cols,
      (j) => hashList(wanted, right[j], HASH_SEED),
      (a, b) => sameList(wanted, right[a], right[b], levels, priorities),
    );
    this.of = wishes.keys;
    const first = new Int32Array(wishes.count).fill(-1);
    for (let j = cols - 1; j >= 0; j--) first[wishes.keys[j]] = right[j];
    this.base = new Float64Array(Math.max(1, wishes.count));
    this.value = new Float64Array(Math.max(1, wishes.count));
    const cells = Math.max(1, cohort.skills.names.length * LEVELS);
    const cellStart = new Int32Array(cells + 1);
    const { priorityTotal } = this.coverage;
    for (let g = 0; g < wishes.count; g++) {
      const r = first[g];
      for (let x = offsets[r]; x < offsets[r + 1]; x++)
        cellStart[values[x] * LEVELS + levels[x] + 1]++;
      if (priorityTotal[r] === 0) this.base[g] = weight * NEUTRAL;
    }
    this.topBase = this.base.reduce((a, b) => Math.max(a, b), 0);
    for (let c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
    this.cellStart = cellStart;
    this.cellGroup = new Int32Array(cellStart[cells]);
    this.cellShare = new Float64Array(cellStart[cells]);
    const fill = cellStart.slice(0, cells);
    for (let g = 0; g < wishes.count; g++) {
      const r = first[g];
      for (let x = offsets[r]; x < offsets[r + 1]; x++) {
        const at = fill[values[x] * LEVELS + levels[x]]++;
        this.cellGroup[at] = g;
        this.cellShare[at] = (weight * priorities[x]) / priorityTotal[r];
      }
    }
  }

  /** Values every group's coverage term for row `left`, with {@link flat} and {@link top}. */
  load(left: number): void {
    const { cohort, weight, value } = this;
    this.flat = weight === 0 || isWithheld(cohort, left, 'skills');
    if (this.flat) {
      value.fill(weight * NEUTRAL);
      this.top = weight * NEUTRAL;
      return;
    }
    this.coverage.load(left);
    const table = this.coverage.rowValue;
    const { cellStart, cellGroup, cellShare } = this;
    // Each group's coverage (the priority-weighted mean of its wishes' table values, or
    // neutral without wishes), by multiplication: the bound's slack absorbs the rounding.
    value.set(this.base);
    // Values only grow from the base, so the largest any reaches is the largest at the end.
    let top = this.topBase;
    const { offsets, values } = cohort.offeredClosure;
    for (let k = offsets[left]; k < offsets[left + 1]; k++) {
      for (let c = values[k] * LEVELS + 1, end = c + LEVELS - 1; c < end; c++) {
        const v = table[c];
        if (v === 0) continue;
        for (let x = cellStart[c]; x < cellStart[c + 1]; x++) {
          const g = cellGroup[x];
          const sum = value[g] + cellShare[x] * v;
          value[g] = sum;
          if (sum > top) top = sum;
        }
      }
    }
    this.top = top;
  }
}

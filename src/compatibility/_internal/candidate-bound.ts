import { BuiltInRules } from '../../constraints/_internal/built-in-rules.js';
import type { Cohort } from '../../profile/cohort.js';
import { ASKED, NO_PREFERENCE } from '../../scoring/_internal/constants.js';
import { isWithheld, NEUTRAL } from '../../scoring/_internal/facts.js';
import {
  type FactGroups,
  groupBy,
  HASH_SEED,
  hashList,
  mix,
  sameList,
} from '../../scoring/_internal/row-memo.js';
import { LEVELS, SkillCoverage } from '../../scoring/_internal/skill-coverage.js';
import { SKILLS_SCORER_DEFAULTS } from '../../scoring/skills.js';
import type { Setup } from './setup.js';

/**
 * Added to every bound: the bound sums the same terms as the row kernel in another order, so
 * it may round a few ulps below the exact score; scores live in [0, 1], where 1e-9 is far above
 * any rounding and far below any gap between candidates that matters for pruning.
 */
const SLACK = 1e-9;

/** One scorer whose term depends on the right participant only through a group of its facts. */
interface GroupedTerm {
  readonly weight: number;
  /** The scorer's `score(left, right)`: called once per group and row, on a representative. */
  readonly score: (left: number, right: number) => number;
  readonly groups: FactGroups;
  /** A participant of each group, to score it on behalf of the others. */
  readonly representative: Int32Array;
  /** Where its groups' values start in `termValue`. */
  readonly offset: number;
}

/**
 * An upper bound on each allowed pair's score, far cheaper than the score itself, so the top-k
 * scan fully scores only the pairs that could enter a row's or a column's k best.
 *
 * The score is `Σ weight × term / Σ weight` with every term in [0, 1]. Here:
 * - `skills` and `reverseMentoring` are bounded by the coverage itself (the seniority factor is
 *   at most 1), computed per pair from the row's coverage table;
 * - `goals`, `interests`, `stage`, `communication` and `languages` read few facts of the right
 *   participant, so columns that agree on them share a group (as in the fused row) and each
 *   group is scored once per row with the scorer's own `score`: exact;
 * - `schedule` is bounded by 1, or exactly neutral when either side gave no availability;
 * - `preferences` by `(ASKED + ASKED) / 2`, or the neutral view of a side with no wish list;
 * - any other built-in scorer (`diversity`, `affinity`) by its weight.
 * The grouped terms, the schedule and preference flags are folded into one key per column, so
 * a pair costs one lookup plus its coverage. Custom scorers and constraints are not bounded:
 * {@link CandidateBound.of} returns `undefined` and every pair is scored.
 *
 * The rules are the built-in rules the row kernel applies (without measuring shared minutes,
 * which only the schedule scorer reads), so the count of allowed partners stays exact.
 */
export class CandidateBound {
  /** Column (index into the right side) of each allowed candidate of the last row. */
  readonly position: Int32Array;
  /** Bound on each allowed candidate's score, in the row kernel's scale ([0, 1]). */
  readonly value: Float64Array;
  private readonly setup: Setup;
  private readonly rules: BuiltInRules;
  private readonly ids: Int32Array;
  private readonly shared: Int32Array;
  private readonly terms: readonly GroupedTerm[];
  /** Per column: its key among the distinct combinations of term groups and flags. */
  private readonly comboOf: Int32Array;
  /**
   * Per combination, `parts` indices into `termValue`: its group's value in each term, then
   * its schedule and preference values.
   */
  private readonly comboParts: Int32Array;
  private readonly parts: number;
  /** For the current row: every term's value per group, then 4 values of the two flags. */
  private readonly termValue: Float64Array;
  private readonly flagsAt: number;
  private readonly comboValue: Float64Array;
  private readonly combos: number;
  private readonly coverage: SkillCoverage;
  /** weight of skills + reverseMentoring: both are at most the coverage. */
  private readonly wCoverage: number;
  private readonly wSchedule: number;
  private readonly wPreferences: number;
  /** Weights of the scorers bounded by their weight alone. */
  private readonly wRest: number;
  /** Per column: its group of wanted skills (same skills, levels and priorities). */
  private readonly wishesOf: Int32Array;
  /** Per group of wanted skills: its wishes in `wishCell` / `wishPriority` (CSR)… */
  private readonly wishOffsets: Int32Array;
  private readonly wishCell: Int32Array;
  private readonly wishPriority: Float64Array;
  /** …their priorities' sum, and (for the current row) its coverage term. */
  private readonly wishTotal: Float64Array;
  private readonly wishValue: Float64Array;

  /** The bound for a build, or `undefined` when a custom scorer or constraint is in force. */
  static of(setup: Setup): CandidateBound | undefined {
    if (setup.scorers.some((s) => s.custom) || setup.constraints.some((c) => c.custom)) {
      return undefined;
    }
    return new CandidateBound(setup);
  }

  private constructor(setup: Setup) {
    this.setup = setup;
    const { cohort, program, layout, right } = setup;
    const cols = right.length;
    this.rules = new BuiltInRules(cohort, program, layout, new Set(setup.rules), false);
    const w = Math.max(1, cols);
    this.ids = new Int32Array(w);
    this.position = new Int32Array(w);
    this.value = new Float64Array(w);
    this.shared = new Int32Array(w);
    let wCoverage = 0;
    let wSchedule = 0;
    let wPreferences = 0;
    let wRest = 0;
    const terms: GroupedTerm[] = [];
    let offset = 0;
    for (const { name, weight, prepared } of setup.scorers) {
      if (name === 'skills' || name === 'reverseMentoring') wCoverage += weight;
      else if (name === 'schedule') wSchedule = weight;
      else if (name === 'preferences') wPreferences = weight;
      else {
        const groups = factGroups(cohort, name, right);
        if (groups === undefined) wRest += weight;
        else {
          const representative = new Int32Array(groups.count);
          for (let j = cols - 1; j >= 0; j--) representative[groups.keys[j]] = right[j];
          terms.push({
            weight,
            score: prepared.score.bind(prepared),
            groups,
            representative,
            offset,
          });
          offset += groups.count;
        }
      }
    }
    this.terms = terms;
    this.wCoverage = wCoverage;
    this.wSchedule = wSchedule;
    this.wPreferences = wPreferences;
    this.wRest = wRest;
    this.flagsAt = offset;
    this.termValue = new Float64Array(offset + 4);
    // One key per column for every grouped term and both flags together.
    const parts = terms.length + 2;
    this.parts = parts;
    const availability = cohort.availability.intervals.offsets;
    const prefer = cohort.prefer.offsets;
    const flags = new Int32Array(cols * parts);
    for (let j = 0; j < cols; j++) {
      const r = right[j];
      for (let t = 0; t < terms.length; t++) {
        flags[j * parts + t] = terms[t].offset + terms[t].groups.keys[j];
      }
      flags[j * parts + terms.length] = offset + (availability[r] === availability[r + 1] ? 0 : 1);
      flags[j * parts + terms.length + 1] = offset + (prefer[r] === prefer[r + 1] ? 2 : 3);
    }
    const combos = groupBy(
      cols,
      (j) => {
        let h = HASH_SEED;
        for (let p = 0; p < parts; p++) h = mix(h, flags[j * parts + p]);
        return h;
      },
      (a, b) => {
        for (let p = 0; p < parts; p++)
          if (flags[a * parts + p] !== flags[b * parts + p]) return false;
        return true;
      },
    );
    this.comboOf = combos.keys;
    this.combos = combos.count;
    this.comboParts = new Int32Array(Math.max(1, combos.count * parts));
    for (let j = 0; j < cols; j++) {
      const c = combos.keys[j];
      for (let p = 0; p < parts; p++) this.comboParts[c * parts + p] = flags[j * parts + p];
    }
    this.comboValue = new Float64Array(Math.max(1, combos.count));
    this.coverage = new SkillCoverage(cohort, SKILLS_SCORER_DEFAULTS.shortfallPenalty);
    const wanted = cohort.wanted;
    const { offsets, values, levels, priorities } = wanted;
    const wishes = groupBy(
      cols,
      (j) => hashList(wanted, right[j], HASH_SEED),
      (a, b) => sameList(wanted, right[a], right[b], levels, priorities),
    );
    this.wishesOf = wishes.keys;
    const first = new Int32Array(wishes.count).fill(-1);
    for (let j = cols - 1; j >= 0; j--) first[wishes.keys[j]] = right[j];
    this.wishOffsets = new Int32Array(wishes.count + 1);
    for (let g = 0; g < wishes.count; g++) {
      const r = first[g];
      this.wishOffsets[g + 1] = this.wishOffsets[g] + (offsets[r + 1] - offsets[r]);
    }
    this.wishCell = new Int32Array(this.wishOffsets[wishes.count]);
    this.wishPriority = new Float64Array(this.wishOffsets[wishes.count]);
    this.wishTotal = new Float64Array(wishes.count);
    this.wishValue = new Float64Array(Math.max(1, wishes.count));
    for (let g = 0; g < wishes.count; g++) {
      const r = first[g];
      for (let x = offsets[r], at = this.wishOffsets[g]; x < offsets[r + 1]; x++, at++) {
        this.wishCell[at] = values[x] * LEVELS + levels[x];
        this.wishPriority[at] = priorities[x];
      }
      this.wishTotal[g] = this.coverage.priorityTotal[r];
    }
  }

  /**
   * Applies the built-in rules to `left` against every column and bounds each allowed pair:
   * returns how many are allowed, their columns in {@link position} (ascending) and their
   * bounds in {@link value}.
   */
  run(left: number): number {
    const { setup, ids, position, value, shared, terms, combos, comboParts, comboValue } = this;
    const { cohort, right, totalWeight } = setup;
    const cols = right.length;
    ids.set(right);
    for (let j = 0; j < cols; j++) position[j] = j;
    // `enough` 0: minutes are counted only as far as the minimum-overlap rule needs.
    const count = this.rules.filter(left, ids, position, cols, shared, 0);
    if (count === 0) return 0;
    // Each term's value per group, then the schedule and preference values, in one array.
    const termValue = this.termValue;
    for (const { representative, offset, weight, score } of terms) {
      for (let g = 0; g < representative.length; g++) {
        termValue[offset + g] = weight * score(left, representative[g]);
      }
    }
    const availability = cohort.availability.intervals.offsets;
    const prefer = cohort.prefer.offsets;
    const flags = this.flagsAt;
    termValue[flags] = this.wSchedule * NEUTRAL;
    termValue[flags + 1] =
      this.wSchedule * (availability[left] === availability[left + 1] ? NEUTRAL : 1);
    const fromLeft = prefer[left] === prefer[left + 1] ? NO_PREFERENCE : ASKED;
    termValue[flags + 2] = (this.wPreferences * (fromLeft + NO_PREFERENCE)) / 2;
    termValue[flags + 3] = (this.wPreferences * (fromLeft + ASKED)) / 2;
    const parts = this.parts;
    const wRest = this.wRest;
    for (let c = 0, at = 0; c < combos; c++) {
      let sum = wRest;
      for (let e = at + parts; at < e; at++) sum += termValue[comboParts[at]];
      comboValue[c] = sum;
    }
    const { wCoverage, wishValue } = this;
    if (wCoverage === 0 || isWithheld(cohort, left, 'skills')) wishValue.fill(wCoverage * NEUTRAL);
    else {
      this.coverage.load(left);
      const table = this.coverage.rowValue;
      const { wishOffsets, wishCell, wishPriority, wishTotal } = this;
      for (let g = 0; g < wishTotal.length; g++) {
        const total = wishTotal[g];
        let c = NEUTRAL;
        if (total !== 0) {
          let sum = 0;
          for (let x = wishOffsets[g], e = wishOffsets[g + 1]; x < e; x++) {
            sum += wishPriority[x] * table[wishCell[x]];
          }
          c = sum / total;
        }
        wishValue[g] = wCoverage * c;
      }
    }
    boundPairs(
      count,
      position,
      value,
      this.comboOf,
      comboValue,
      this.wishesOf,
      wishValue,
      1 / totalWeight,
    );
    return count;
  }
}

/** `value[k]`: the bound of the pair with column `position[k]`, from its two group terms. */
function boundPairs(
  count: number,
  position: Int32Array,
  value: Float64Array,
  comboOf: Int32Array,
  comboValue: Float64Array,
  wishesOf: Int32Array,
  wishValue: Float64Array,
  inverse: number,
): void {
  for (let k = 0; k < count; k++) {
    const j = position[k];
    value[k] = (comboValue[comboOf[j]] + wishValue[wishesOf[j]]) * inverse + SLACK;
  }
}

/**
 * The columns grouped by what scorer `name` reads of the right participant (as the fused row
 * groups them), or `undefined` for a scorer whose term is not a function of such a group.
 */
function factGroups(cohort: Cohort, name: string, right: Int32Array): FactGroups | undefined {
  const n = right.length;
  const list = (lists: Cohort['goals']): FactGroups =>
    groupBy(
      n,
      (j) => hashList(lists, right[j], HASH_SEED),
      (a, b) => sameList(lists, right[a], right[b]),
    );
  switch (name) {
    case 'goals':
      return list(cohort.goals);
    case 'interests':
      return list(cohort.interests);
    case 'stage': {
      const stage = cohort.stage;
      return groupBy(
        n,
        (j) => stage[right[j]],
        (a, b) => stage[right[a]] === stage[right[b]],
      );
    }
    case 'communication': {
      const { communicationStyle: style, learningStyle: learning, modes, location } = cohort;
      return groupBy(
        n,
        (j) => {
          const r = right[j];
          return mix(mix(mix(mix(HASH_SEED, style[r]), learning[r]), modes[r]), location[r]);
        },
        (a, b) => {
          const x = right[a];
          const y = right[b];
          return (
            style[x] === style[y] &&
            learning[x] === learning[y] &&
            modes[x] === modes[y] &&
            location[x] === location[y]
          );
        },
      );
    }
    case 'languages': {
      const { languages, baseLanguages } = cohort;
      return groupBy(
        n,
        (j) => hashList(baseLanguages, right[j], hashList(languages, right[j], HASH_SEED)),
        (a, b) =>
          sameList(languages, right[a], right[b]) && sameList(baseLanguages, right[a], right[b]),
      );
    }
    default:
      return undefined;
  }
}

import { BuiltInRules, type SimpleRow } from '../../constraints/_internal/built-in-rules.js';
import type { FactGroups } from '../../profile/_internal/fact-groups.js';
import { ASKED, NO_PREFERENCE } from '../../scoring/_internal/constants.js';
import { NEUTRAL } from '../../scoring/_internal/facts.js';
import { AllowedCounts } from './allowed-counts.js';
import { addPack, factGroups, PACK_LIMIT, type Pack, packOf } from './bound-packs.js';
import { ScheduleCap } from './schedule-cap.js';
import type { Setup } from './setup.js';
import {
  type ColumnFloors,
  ColumnsByHour,
  ColumnsBySkill,
  type ColumnWatch,
  type KindSets,
} from './visible-columns.js';
import { WishGroups } from './wish-groups.js';

/**
 * Added to every bound: the bound sums the same terms as the row kernel in another order, so
 * it may round a few ulps below the exact score; scores live in [0, 1], where 1e-9 is far above
 * any rounding and far below any gap between candidates that matters for pruning.
 */
const SLACK = 1e-9;

/** Bins of the histogram of a row's bounds. */
export const BINS = 256;

/**
 * The histogram counts one bound in this many: it only sizes a row's first batch, and counting
 * every bound took about a fifth of the bound pass (runs of equal bounds hit the same bin, and
 * each increment waits for the last).
 */
export const BIN_STRIDE = 8;

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
 * - `schedule` is exactly neutral when either side gave no availability, exactly 0 when both
 *   did and no hour of the week holds free time of both ({@link ScheduleCap}), else bounded by
 *   1; a pair about to be scored is bounded again by {@link tighten}, from how many hours
 *   both have free time in;
 * - `preferences` by `(ASKED + ASKED) / 2`, or the neutral view of a side with no wish list;
 * - any other built-in scorer (`diversity`, `affinity`) by its weight.
 * The grouped terms and the schedule and preference flags are packed into a few keys per column
 * (terms with few groups share one), so a pair costs a few lookups plus its coverage group's.
 * Custom scorers and constraints are not bounded:
 * {@link CandidateBound.of} returns `undefined` and every pair is scored.
 *
 * The rules are the built-in rules the row kernel applies (without measuring shared minutes,
 * which only the schedule scorer reads), so the count of allowed partners stays exact.
 *
 * With simple rules it can also leave pairs out unbounded ({@link bySkill}): a column that
 * wants none of the skills a row offers has coverage 0 with it, and one that shares no hour of
 * free time with it has schedule 0, which caps their pair below the row's ceiling and the
 * column's floor for such pairs; see `scanRowsBySkill` for how the scan proves such pairs
 * useless before it skips them.
 */
export class CandidateBound {
  /** Column (index into the right side) of each allowed candidate of the last row. */
  readonly position: Int32Array;
  /** Bound on each allowed candidate's score, in the row kernel's scale ([0, 1]). */
  readonly value: Float64Array;
  /**
   * How many of the last row's bounds, one in {@link BIN_STRIDE} (those at `k % BIN_STRIDE === 0`),
   * fall in each `1 / BINS` of [0, 1] (the last: above 1).
   */
  readonly bins = new Int32Array(BINS + 1);
  private readonly setup: Setup;
  private readonly rules: BuiltInRules;
  /**
   * Whether the rules are simple ({@link BuiltInRules.simple}) and the bound has two packs:
   * then one pass tests and bounds each pair.
   */
  private readonly fused: boolean;
  private readonly terms: readonly GroupedTerm[];
  /** The grouped terms and both flags, packed into a few keys per column. */
  private readonly packs: readonly Pack[];
  /** For the current row: every term's value per group, then 4 values of the two flags. */
  private readonly termValue: Float64Array;
  private readonly flagsAt: number;
  /** weight of skills + reverseMentoring: both are at most the coverage. */
  private readonly wCoverage: number;
  private readonly wSchedule: number;
  private readonly wPreferences: number;
  /** Weights of the scorers bounded by their weight alone. */
  private readonly wRest: number;
  /** The coverage term per group of columns wanting the same, for the current row. */
  private readonly wishes: WishGroups;
  /**
   * Whether a row may bound only the columns that want a skill it offers ({@link boundVisible}):
   * the rules are simple, the bound has two packs and the coverage term has a weight.
   */
  readonly bySkill: boolean;
  /** The rows' allowed partners from the rules' structure, for a scan by skill. */
  readonly counts: AllowedCounts | undefined;
  private readonly bySkillIndex: ColumnsBySkill;
  /** The columns by hour of free time; `undefined` when the schedule term has no weight. */
  private readonly byHourIndex: ColumnsByHour | undefined;
  /** The current row's columns that want a skill it offers (any other has coverage 0). */
  private readonly skillBits: Int32Array;
  /**
   * The current row's columns that share an hour of free time with it, or every column when
   * the row gave none or the schedule has no weight (else their schedule term is 0).
   */
  private readonly sharedBits: Int32Array;
  /**
   * The columns the next pass bounds, one bit each: for a row by skill, those {@link
   * boundVisible} or {@link boundRest} chose.
   */
  private readonly rowBits: Int32Array;
  /** The schedule term's cap per pair, and its share of the weight (0 when unweighted). */
  private readonly schedule: ScheduleCap;
  private readonly scheduleShare: number;
  /** The current row's bound on any pair of coverage 0, in the kernel's scale. */
  private ceiling = 0;
  /** {@link kindCeilings}' output for {@link boundRest}. */
  private readonly ceilings = new Float64Array(3);
  /**
   * Per column, its bound on any pair of each kind a row by skill may leave out, whatever the
   * row: a column whose heap root is above one can skip such pairs. Valued once needed.
   */
  private floor: ColumnFloors | undefined;

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
    this.position = new Int32Array(w);
    this.value = new Float64Array(w);
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
    // Every part (a grouped term, or a flag) as each column's index into `termValue`.
    const availability = cohort.availability.intervals.offsets;
    const prefer = cohort.prefer.offsets;
    const parts: { readonly count: number; readonly at: Int32Array }[] = terms.map((t) => ({
      count: t.groups.count,
      at: Int32Array.from(t.groups.keys, (key) => t.offset + key),
    }));
    parts.push({
      count: 2,
      at: Int32Array.from(right, (r) => offset + (availability[r] === availability[r + 1] ? 0 : 1)),
    });
    parts.push({
      count: 2,
      at: Int32Array.from(right, (r) => offset + (prefer[r] === prefer[r + 1] ? 2 : 3)),
    });
    // Parts with few groups share a key (their combinations stay few, so a row values them
    // cheaply); a part that would make a pack too large starts the next one.
    parts.sort((a, b) => a.count - b.count);
    const packs: Pack[] = [];
    let members: Int32Array[] = [];
    let product = 1;
    for (const part of parts) {
      if (members.length > 0 && product * part.count > PACK_LIMIT) {
        packs.push(packOf(members, cols));
        members = [];
        product = 1;
      }
      members.push(part.at);
      product *= part.count;
    }
    if (members.length > 0) packs.push(packOf(members, cols));
    // The pair loop reads two packs: pad with empty ones (one group, worth 0).
    while (packs.length < 2) packs.push(packOf([], cols));
    this.packs = packs;
    this.fused = this.rules.simple && packs.length === 2;
    this.wishes = new WishGroups(cohort, right, wCoverage);
    this.schedule = new ScheduleCap(cohort);
    this.scheduleShare = wSchedule / setup.totalWeight;
    this.bySkill = this.fused && wCoverage > 0;
    this.counts = this.bySkill ? new AllowedCounts(this.rules, cohort.size, right) : undefined;
    this.bySkillIndex = new ColumnsBySkill(cohort, right);
    this.byHourIndex = wSchedule > 0 ? new ColumnsByHour(this.schedule.hours, right) : undefined;
    const words = (cols + 31) >>> 5;
    this.skillBits = new Int32Array(words);
    this.sharedBits = new Int32Array(words);
    this.rowBits = new Int32Array(words);
  }

  /**
   * Applies the built-in rules to `left` against every column and bounds each allowed pair:
   * returns how many are allowed, their columns in {@link position} (ascending) and their
   * bounds in {@link value}.
   */
  run(left: number): number {
    const rules = this.rules;
    if (this.fused) {
      // The default rules: tested inline, in the same pass as the bound, over every column.
      const row = rules.beginSimpleRow(left);
      if (row === null) return 0;
      this.prepareRow(left);
      this.rowBits.fill(-1);
      const count = this.boundBits(row);
      rules.endSimpleRow(left);
      return count;
    }
    // `enough` 0: minutes are counted only as far as the minimum-overlap rule needs.
    const count = rules.filter(left, this.setup.right, undefined, this.position, undefined, 0);
    if (count === 0) return 0;
    this.prepareRow(left);
    this.boundPositions(count);
    this.fillBins(count);
    return count;
  }

  /**
   * Values `left`'s grouped terms, flags, packs and wish groups for the pair passes, and loads
   * its hours of free time.
   */
  private prepareRow(left: number): void {
    this.preparePacks(left);
    this.wishes.load(left);
    this.schedule.load(left);
    this.markShared();
  }

  /**
   * Values `left`'s grouped terms, flags and packs, and its {@link ceiling}: the bound of a
   * pair whose coverage term is 0.
   */
  private preparePacks(left: number): void {
    const { setup, terms } = this;
    const cohort = setup.cohort;
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
    let ceiling = this.wRest;
    for (const { parts, width, value: packValue } of this.packs) {
      let most = Number.NEGATIVE_INFINITY;
      for (let c = 0, at = 0; c < packValue.length; c++) {
        let sum = 0;
        for (let e = at + width; at < e; at++) sum += termValue[parts[at]];
        packValue[c] = sum;
        if (sum > most) most = sum;
      }
      ceiling += most;
    }
    this.ceiling = ceiling / setup.totalWeight + 2 * SLACK;
  }

  /**
   * Starts a row by skill (the rules' test and the row's values), or returns `null` when the
   * row allows nobody. The row stays begun until {@link endSkillRow}.
   */
  beginSkillRow(left: number): SimpleRow | null {
    // Before the row's values: the floors value every row's packs in the same arrays.
    this.floors();
    const row = this.rules.beginSimpleRow(left);
    if (row !== null) this.prepareRow(left);
    return row;
  }

  /**
   * A bound on the last row's pair with column `j`, whose bound `v` gave: lower than `v` when
   * their free time shares few hours or none ({@link ScheduleCap}). A few reads more than the
   * bound, so it is asked only of pairs the bound would have scored.
   */
  tighten(j: number, v: number): number {
    const share = this.scheduleShare;
    return share === 0 ? v : v - this.schedule.shortfall(this.setup.right[j]) * share;
  }

  /** Ends the row {@link beginSkillRow} began. */
  endSkillRow(left: number): void {
    this.rules.endSimpleRow(left);
  }

  /**
   * Bounds `left`'s allowed columns that want a skill it offers and share an hour of free time
   * with it, and the others that `watch` holds for the kind of pair they would make (coverage
   * 0, schedule 0, or both): every column whose pair could enter the row's heap or its own, as
   * long as the row's heap root ends above its ceilings ({@link boundRest}). Returns how many,
   * in {@link position} (ascending) and {@link value}, with {@link bins}. A row with withheld
   * skills bounds every allowed column.
   */
  boundVisible(left: number, row: SimpleRow, watch: KindSets): number {
    const bits = this.rowBits;
    if (this.wishes.flat) {
      bits.fill(-1);
      return this.boundBits(row);
    }
    const { skillBits: skill, sharedBits: shared } = this;
    skill.fill(0);
    this.bySkillIndex.mark(skill, left);
    const { zero, apart, both } = watch;
    for (let w = 0; w < bits.length; w++) {
      const s = skill[w];
      const h = shared[w];
      bits[w] = (s & (h | apart[w])) | (~s & ((h & zero[w]) | (~h & both[w])));
    }
    return this.boundBits(row);
  }

  /**
   * Bounds the allowed columns {@link boundVisible} left out whose pairs could still enter the
   * row's heap, with root `rowRoot` (-1 while not full): those of each kind (coverage 0,
   * schedule 0, both) unless the root is above the row's ceiling for that kind. Any other pair
   * left out is below both roots: its bound is at most the row's ceiling for its kind, and at
   * most its column's floor for it, which the watch held the column's root above.
   */
  boundRest(row: SimpleRow, watch: ColumnWatch, rowRoot: number): number {
    if (this.wishes.flat) return 0;
    const ceilings = this.ceilings;
    this.kindCeilings(ceilings);
    const zeroMask = rowRoot > ceilings[0] ? 0 : -1;
    const apartMask = rowRoot > ceilings[1] ? 0 : -1;
    const bothMask = rowRoot > ceilings[2] ? 0 : -1;
    if ((zeroMask | apartMask | bothMask) === 0) return 0;
    const { skillBits: skill, sharedBits: shared, rowBits: bits } = this;
    const { zero, apart, both } = watch;
    for (let w = 0; w < bits.length; w++) {
      const s = skill[w];
      const h = shared[w];
      bits[w] =
        (s & ~h & ~apart[w] & apartMask) |
        (~s & h & ~zero[w] & zeroMask) |
        (~s & ~h & ~both[w] & bothMask);
    }
    return this.boundBits(row);
  }

  /**
   * The current row's ceilings (a row by skill, begun): a bound on any of its pairs of coverage
   * 0, of schedule 0 and of both, written to `out[0]`, `out[1]` and `out[2]`.
   */
  kindCeilings(out: Float64Array): void {
    out[0] = this.ceiling;
    out[1] = this.ceiling + this.apartRise();
    out[2] = this.ceiling - this.scheduleShare;
  }

  /**
   * Drops from `watch` the columns whose heap root (`colRoot`, -1 while not full) is above
   * their floors: no pair of coverage 0, or of schedule 0, can enter those heaps.
   */
  narrowWatch(watch: ColumnWatch, colRoot: Float64Array): void {
    watch.narrow(colRoot, this.floors());
  }

  /** Sets {@link sharedBits} for the row the schedule cap has loaded. */
  private markShared(): void {
    const shared = this.sharedBits;
    if (this.byHourIndex === undefined || !this.schedule.rowFree) shared.fill(-1);
    else {
      shared.fill(0);
      this.byHourIndex.mark(shared, this.schedule.row);
    }
  }

  /**
   * How far the current row's bound on a pair of schedule 0 can be above its {@link ceiling}:
   * its best coverage term counts, its schedule term does not.
   */
  private apartRise(): number {
    return (this.wishes.top - this.wSchedule) / this.setup.totalWeight;
  }

  /** The columns' floors, valued on first use. */
  private floors(): ColumnFloors {
    this.floor ??= this.columnFloors();
    return this.floor;
  }

  /**
   * Per column, the largest ceiling any row gives it: its two packs' values at their most;
   * infinite for a column without wishes, whose coverage term is neutral, not 0, so it never
   * leaves a watch. For pairs of schedule 0, the most coverage can add less the schedule's
   * weight (the packs hold the schedule term at its best); for pairs of both, less that weight.
   */
  private columnFloors(): ColumnFloors {
    const [first, second] = this.packs;
    const most = [first, second].map((p) => new Float64Array(p.value.length).fill(-Infinity));
    for (const left of this.setup.left) {
      this.preparePacks(left);
      for (let p = 0; p < 2; p++) {
        const value = this.packs[p].value;
        const top = most[p];
        for (let c = 0; c < value.length; c++) if (value[c] > top[c]) top[c] = value[c];
      }
    }
    const inverse = 1 / this.setup.totalWeight;
    const { base, of } = this.wishes;
    const zero = Float64Array.from(first.of, (c, j) =>
      base[of[j]] > 0
        ? Number.POSITIVE_INFINITY
        : (this.wRest + most[0][c] + most[1][second.of[j]]) * inverse + 2 * SLACK,
    );
    const rise = (this.wCoverage - this.wSchedule) * inverse;
    const drop = this.wSchedule * inverse;
    return {
      zero,
      apart: zero.map((floor) => floor + rise),
      both: zero.map((floor) => floor - drop),
    };
  }

  /**
   * Bounds the allowed columns whose bit in {@link rowBits} is set, in ascending order; returns
   * how many, with {@link bins}.
   */
  private boundBits({ marks, mask, enter, from, to }: SimpleRow): number {
    const { position, value, wRest, packs, rowBits, sharedBits } = this;
    const { of: wishesOf, value: wishValue } = this.wishes;
    const drop = this.wSchedule;
    const right = this.setup.right;
    const cols = right.length;
    const { of: of0, value: v0 } = packs[0];
    const { of: of1, value: v1 } = packs[1];
    const inverse = 1 / this.setup.totalWeight;
    let kept = 0;
    for (let w = 0; w < rowBits.length; w++) {
      let word = rowBits[w];
      const shared = sharedBits[w];
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const j = (w << 5) + 31 - Math.clz32(low);
        if (j >= cols) break;
        const r = right[j];
        if ((marks[r] & mask) !== 0) continue;
        if (enter !== null) {
          const er = enter[r];
          if (from <= er && er < to) continue;
        }
        position[kept] = j;
        const sum = wRest + wishValue[wishesOf[j]] + v0[of0[j]] + v1[of1[j]];
        value[kept] = ((shared & low) === 0 ? sum - drop : sum) * inverse + SLACK;
        kept++;
      }
    }
    this.fillBins(kept);
    return kept;
  }

  /** Counts one in {@link BIN_STRIDE} of the first `count` bounds into {@link bins}. */
  private fillBins(count: number): void {
    const { bins, value } = this;
    bins.fill(0);
    // v ≥ 0; bin BINS holds the bounds from 1 up (1 + SLACK at most, rounding aside).
    for (let k = 0; k < count; k += BIN_STRIDE) bins[Math.min(BINS, (value[k] * BINS) | 0)]++;
  }

  /** Bounds the `count` allowed columns in `position`, whatever the number of packs. */
  private boundPositions(count: number): void {
    const { position, value, wRest, packs, sharedBits } = this;
    const { of: wishesOf, value: wishValue } = this.wishes;
    // Packs past the first two (rare: many distinct facts) are added first; the last pass adds
    // coverage and the first two packs, and scales.
    if (packs.length > 2) {
      for (let k = 0; k < count; k++) value[k] = 0;
      for (let p = 2; p < packs.length; p++) {
        addPack(count, position, value, packs[p].of, packs[p].value);
      }
    }
    const { of: of0, value: v0 } = packs[0];
    const { of: of1, value: v1 } = packs[1];
    const more = packs.length > 2;
    const inverse = 1 / this.setup.totalWeight;
    const drop = this.wSchedule;
    for (let k = 0; k < count; k++) {
      const j = position[k];
      let sum = wRest + wishValue[wishesOf[j]] + v0[of0[j]] + v1[of1[j]];
      if (more) sum += value[k];
      if ((sharedBits[j >>> 5] & (1 << (j & 31))) === 0) sum -= drop;
      value[k] = sum * inverse + SLACK;
    }
  }
}

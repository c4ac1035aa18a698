import { OverlapRow } from '../../profile/_internal/overlap.js';
import { transposeLists } from '../../profile/_internal/transpose.js';
import type { Cohort, CohortLists } from '../../profile/cohort.js';
import type { Program } from '../../profile/program-schema.js';
import { SCHEDULE_SCORER_DEFAULTS } from '../schedule.js';
import { SKILLS_SCORER_DEFAULTS } from '../skills.js';
import { preferredStageGap } from '../stage.js';
import {
  AD_HOC,
  ASKED,
  ASKED_FOR_OTHERS,
  IN_PERSON,
  JUNIOR_TEACHES,
  LEARNING_MISMATCH,
  NO_PREFERENCE,
  SAME_BASE,
  SAME_STAGE,
  SENIOR_TEACHES,
  STYLE_MISMATCH,
} from './constants.js';
import { isWithheld, NEUTRAL } from './facts.js';
import { groupBy, HASH_SEED, hashList, mix, RowMemo, sameList } from './row-memo.js';
import { type FieldReader, similarityReaders } from './similarity.js';
import { LEVELS, SkillCoverage } from './skill-coverage.js';

/** One opted-in field of `diversity` or `affinity`, flattened for the cell loop. */
interface SimilarityColumn {
  readonly labels: Int32Array | undefined;
  readonly lists: CohortLists | undefined;
  readonly marks: Uint8Array;
}

function columnsOf(readers: readonly FieldReader[]): SimilarityColumn[] {
  return readers.map((r) => ({
    labels: r.labels,
    lists: r.lists,
    marks: new Uint8Array(Math.max(1, r.names.length)),
  }));
}

function markAll(lists: CohortLists, i: number, marks: Uint8Array, value: number): void {
  for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) marks[lists.values[k]] = value;
}

/** Wanted skills read without a loop per cell; longer wish lists take the loop. */
const WISHES = 4;

/**
 * The weighted sum of every built-in scorer over a row, without a `fillRow` call and a scratch
 * row per scorer: coverage (shared by `skills` and `reverseMentoring`) and shared minutes (from
 * the `minimumOverlap` rule) are computed once, and each scorer adds its term in one tight pass.
 *
 * Scorers that read few facts of the right participant (goals, interests, stage, communication,
 * languages, diversity, affinity) are memoised per row: participants the scorer cannot tell
 * apart share a group ({@link groupBy}), and the row computes each group's term once, so a cell
 * costs a lookup — tags, languages and styles take few distinct values even in large cohorts.
 *
 * It adds `weight × score` in `BUILT_IN_SCORERS` order with each scorer's own arithmetic, so
 * the sum is bit-for-bit the one the builder would get from the scorers' `fillRow`;
 * `test/compatibility/row-kernel.test.ts` holds it to the per-pair `score()` on random cohorts.
 * Only the built-in scorers with their default options are fused.
 */
export class BuiltInRow {
  private readonly cohort: Cohort;
  private readonly wSkills: number;
  private readonly wReverse: number;
  private readonly wGoals: number;
  private readonly wInterests: number;
  private readonly wStage: number;
  private readonly wSchedule: number;
  private readonly wCommunication: number;
  private readonly wLanguages: number;
  private readonly wPreferences: number;
  private readonly wDiversity: number;
  private readonly wAffinity: number;
  private readonly coverage: SkillCoverage;
  private readonly goalMarks: Uint8Array;
  private readonly interestMarks: Uint8Array;
  private readonly exactMarks: Uint8Array;
  private readonly baseMarks: Uint8Array;
  private readonly preferred: number;
  private readonly tolerance: number;
  private readonly overlap: OverlapRow;
  private readonly slack: Float64Array;
  private readonly askedBy: CohortLists | undefined;
  private readonly preferMarks: Uint8Array;
  private readonly diversity: readonly SimilarityColumn[];
  private readonly affinity: readonly SimilarityColumn[];
  private readonly goalMemo: RowMemo | undefined;
  private readonly interestMemo: RowMemo | undefined;
  private readonly stageMemo: RowMemo | undefined;
  private readonly communicationMemo: RowMemo | undefined;
  private readonly languageMemo: RowMemo | undefined;
  private readonly diversityMemo: RowMemo | undefined;
  private readonly affinityMemo: RowMemo | undefined;
  /** The first {@link WISHES} wanted skills of each participant, as row-table cells… */
  private readonly wishCell: Int32Array;
  /** …and priorities (0 in unused slots). */
  private readonly wishPriority: Float64Array;
  private readonly factor: Float64Array;
  /** Longest `sessionMinutes` and most sessions of slack anyone's cadence asks for. */
  private readonly longestSession: number;
  private readonly mostSlack: number;

  /** `weights`: built-in scorer name → weight; absent or 0 = not run. */
  constructor(cohort: Cohort, program: Program, weights: Readonly<Record<string, number>>) {
    this.cohort = cohort;
    const w = (name: string): number => weights[name] ?? 0;
    this.wSkills = w('skills');
    this.wReverse = w('reverseMentoring');
    this.wGoals = w('goals');
    this.wInterests = w('interests');
    this.wStage = w('stage');
    this.wSchedule = w('schedule');
    this.wCommunication = w('communication');
    this.wLanguages = w('languages');
    this.wPreferences = w('preferences');
    this.wDiversity = w('diversity');
    this.wAffinity = w('affinity');
    this.coverage = new SkillCoverage(cohort, SKILLS_SCORER_DEFAULTS.shortfallPenalty);
    const tags = cohort.vocabularies.tags.names.length;
    this.goalMarks = new Uint8Array(Math.max(1, tags));
    this.interestMarks = new Uint8Array(Math.max(1, tags));
    this.exactMarks = new Uint8Array(Math.max(1, cohort.vocabularies.languages.names.length));
    this.baseMarks = new Uint8Array(Math.max(1, cohort.vocabularies.baseLanguages.names.length));
    this.preferred = preferredStageGap(program);
    this.tolerance = program.matching.stageTolerance;
    this.overlap = new OverlapRow(cohort.availability);
    const slack = SCHEDULE_SCORER_DEFAULTS.sessionsOfSlack;
    this.slack = Float64Array.from({ length: 5 }, (_, c) => slack[c] ?? 1);
    this.askedBy = this.wPreferences > 0 ? transposeLists(cohort.prefer, cohort.size) : undefined;
    this.preferMarks = new Uint8Array(this.wPreferences > 0 ? cohort.size : 1);
    this.diversity =
      this.wDiversity > 0 ? columnsOf(similarityReaders(cohort, program.matching.diversity)) : [];
    this.affinity =
      this.wAffinity > 0 ? columnsOf(similarityReaders(cohort, program.matching.affinity)) : [];
    const size = cohort.size;
    const useCoverage = this.wSkills > 0 || this.wReverse > 0;
    this.wishCell = new Int32Array(useCoverage ? size * WISHES : 0);
    this.wishPriority = new Float64Array(useCoverage ? size * WISHES : 0);
    if (useCoverage) {
      const { offsets, values, levels, priorities } = cohort.wanted;
      for (let i = 0; i < size; i++) {
        for (
          let x = offsets[i], slot = i * WISHES;
          x < offsets[i + 1] && slot < (i + 1) * WISHES;
          x++, slot++
        ) {
          this.wishCell[slot] = values[x] * LEVELS + levels[x];
          this.wishPriority[slot] = priorities[x];
        }
      }
    }
    let longestSession = 0;
    let mostSlack = 0;
    for (let i = 0; i < size; i++) {
      longestSession = Math.max(longestSession, cohort.sessionMinutes[i]);
      mostSlack = Math.max(mostSlack, this.slack[cohort.cadence[i]]);
    }
    this.longestSession = longestSession;
    this.mostSlack = mostSlack;
    let topStage = 0;
    for (let i = 0; i < size; i++) topStage = Math.max(topStage, cohort.stage[i]);
    this.factor = new Float64Array(topStage + 2);
    const listMemo = (lists: CohortLists): RowMemo =>
      new RowMemo(
        groupBy(
          size,
          (i) => hashList(lists, i, HASH_SEED),
          (a, b) => sameList(lists, a, b),
        ),
      );
    this.goalMemo = this.wGoals > 0 ? listMemo(cohort.goals) : undefined;
    this.interestMemo = this.wInterests > 0 ? listMemo(cohort.interests) : undefined;
    const stage = cohort.stage;
    this.stageMemo =
      this.wStage > 0
        ? new RowMemo(
            groupBy(
              size,
              (i) => stage[i],
              (a, b) => stage[a] === stage[b],
            ),
          )
        : undefined;
    const { communicationStyle: style, learningStyle: learning, modes, location } = cohort;
    this.communicationMemo =
      this.wCommunication > 0
        ? new RowMemo(
            groupBy(
              size,
              (i) => mix(mix(mix(mix(HASH_SEED, style[i]), learning[i]), modes[i]), location[i]),
              (a, b) =>
                style[a] === style[b] &&
                learning[a] === learning[b] &&
                modes[a] === modes[b] &&
                location[a] === location[b],
            ),
          )
        : undefined;
    const { languages, baseLanguages } = cohort;
    this.languageMemo =
      this.wLanguages > 0
        ? new RowMemo(
            groupBy(
              size,
              (i) => hashList(baseLanguages, i, hashList(languages, i, HASH_SEED)),
              (a, b) => sameList(languages, a, b) && sameList(baseLanguages, a, b),
            ),
          )
        : undefined;
    this.diversityMemo = this.wDiversity > 0 ? similarityMemo(size, this.diversity) : undefined;
    this.affinityMemo = this.wAffinity > 0 ? similarityMemo(size, this.affinity) : undefined;
  }

  /**
   * `out[k] = Σ weight × score(left, rights[k])` over the weighted built-in scorers, for
   * `k < count`. `shared`, when given, holds each pair's shared weekly minutes (as
   * `BuiltInRules.filter` leaves them) for pairs where both gave availability.
   */
  fill(
    left: number,
    rights: Int32Array,
    count: number,
    out: Float64Array,
    shared: Int32Array | undefined,
  ): void {
    // Each pass adds one scorer's term to every cell, in `BUILT_IN_SCORERS` order, so every
    // cell's sum is rounded exactly as one accumulator per cell would be.
    out.fill(0, 0, count);
    if (this.wSkills > 0 || this.wReverse > 0) this.addSkills(left, rights, count, out);
    if (this.goalMemo !== undefined) {
      const memo = this.goalMemo;
      const lists = this.cohort.goals;
      const marks = this.goalMarks;
      const weight = this.wGoals;
      const leftGoals = lists.offsets[left + 1] - lists.offsets[left];
      markAll(lists, left, marks, 1);
      addMemoised(memo, rights, count, out, (r) => {
        const { offsets, values } = lists;
        const length = offsets[r + 1] - offsets[r];
        let v = NEUTRAL;
        if (leftGoals !== 0 && length !== 0) {
          let hits = 0;
          for (let x = offsets[r], e = offsets[r + 1]; x < e; x++) hits += marks[values[x]];
          v = hits / length;
        }
        return weight * v;
      });
      markAll(lists, left, marks, 0);
    }
    if (this.interestMemo !== undefined) {
      const memo = this.interestMemo;
      const lists = this.cohort.interests;
      const marks = this.interestMarks;
      const weight = this.wInterests;
      const leftInterests = lists.offsets[left + 1] - lists.offsets[left];
      markAll(lists, left, marks, 1);
      addMemoised(memo, rights, count, out, (r) => {
        const { offsets, values } = lists;
        const b = offsets[r + 1] - offsets[r];
        let v = NEUTRAL;
        if (leftInterests !== 0 && b !== 0) {
          let hits = 0;
          for (let x = offsets[r], e = offsets[r + 1]; x < e; x++) hits += marks[values[x]];
          v = (2 * hits) / (leftInterests + b);
        }
        return weight * v;
      });
      markAll(lists, left, marks, 0);
    }
    if (this.stageMemo !== undefined) {
      const stage = this.cohort.stage;
      const a = stage[left];
      const { preferred, tolerance, wStage: weight } = this;
      addMemoised(this.stageMemo, rights, count, out, (r) => {
        const b = stage[r];
        return (
          weight *
          (a < 0 || b < 0 ? NEUTRAL : Math.max(0, 1 - Math.abs(a - b - preferred) / tolerance))
        );
      });
    }
    if (this.wSchedule > 0) this.addSchedule(left, rights, count, out, shared);
    if (this.communicationMemo !== undefined) {
      const { communicationStyle: style, learningStyle: learning, modes, location } = this.cohort;
      const sa = style[left];
      const la = learning[left];
      const ma = modes[left];
      const loc = location[left];
      const weight = this.wCommunication;
      addMemoised(this.communicationMemo, rights, count, out, (r) => {
        const sb = style[r];
        const lb = learning[r];
        const mb = modes[r];
        const s = sa < 0 || sb < 0 ? NEUTRAL : sa === sb ? 1 : STYLE_MISMATCH;
        const l = la < 0 || lb < 0 ? NEUTRAL : la === lb ? 1 : LEARNING_MISMATCH;
        let m = NEUTRAL;
        if (ma !== 0 && mb !== 0) {
          let common = ma & mb;
          if (loc < 0 || loc !== location[r]) common &= ~IN_PERSON;
          m = common !== 0 ? 1 : 0;
        }
        return weight * ((s + l + m) / 3);
      });
    }
    if (this.languageMemo !== undefined) this.addLanguages(left, rights, count, out);
    if (this.wPreferences > 0) this.addPreferences(left, rights, count, out);
    if (this.diversityMemo !== undefined) {
      const columns = this.diversity;
      const weight = this.wDiversity;
      for (const c of columns) if (c.lists) markAll(c.lists, left, c.marks, 1);
      addMemoised(this.diversityMemo, rights, count, out, (r) => {
        const mean = meanOver(columns, left, r);
        return weight * (mean < 0 ? NEUTRAL : 1 - mean);
      });
      for (const c of columns) if (c.lists) markAll(c.lists, left, c.marks, 0);
    }
    if (this.affinityMemo !== undefined) {
      const columns = this.affinity;
      const weight = this.wAffinity;
      for (const c of columns) if (c.lists) markAll(c.lists, left, c.marks, 1);
      addMemoised(this.affinityMemo, rights, count, out, (r) => {
        const mean = meanOver(columns, left, r);
        return weight * (mean < 0 ? NEUTRAL : mean);
      });
      for (const c of columns) if (c.lists) markAll(c.lists, left, c.marks, 0);
    }
  }

  /**
   * skills and reverseMentoring: one coverage per cell. A right's first {@link WISHES} wishes
   * are read from fixed slots without a loop (an unused slot adds `0 × table[0]`, and
   * `table[0]` — skill 0 at level 0 — is never set), so the cell has no data-dependent branch.
   */
  private addSkills(left: number, rights: Int32Array, count: number, out: Float64Array): void {
    const { cohort, coverage, wSkills, wReverse, wishCell, wishPriority } = this;
    const withheld = isWithheld(cohort, left, 'skills');
    if (!withheld) coverage.load(left);
    const table = coverage.rowValue;
    const totals = coverage.priorityTotal;
    const { offsets, values, levels, priorities } = cohort.wanted;
    const stage = cohort.stage;
    const factor = this.seniorityFactor(stage[left]);
    const neutral = NEUTRAL;
    for (let k = 0; k < count; k++) {
      const r = rights[k];
      let c = -1;
      const total = totals[r];
      if (!withheld && total !== 0) {
        let sum: number;
        if (offsets[r + 1] - offsets[r] <= WISHES) {
          const at = r * WISHES;
          sum =
            wishPriority[at] * table[wishCell[at]] +
            wishPriority[at + 1] * table[wishCell[at + 1]] +
            wishPriority[at + 2] * table[wishCell[at + 2]] +
            wishPriority[at + 3] * table[wishCell[at + 3]];
        } else {
          sum = 0;
          for (let x = offsets[r], e = offsets[r + 1]; x < e; x++) {
            sum += priorities[x] * table[values[x] * LEVELS + levels[x]];
          }
        }
        c = sum / total;
      }
      let acc = out[k];
      if (wSkills > 0) acc += wSkills * (c < 0 ? neutral : c);
      if (wReverse > 0) acc += wReverse * (c < 0 ? neutral : c * factor[stage[r] + 1]);
      out[k] = acc;
    }
  }

  /** reverseMentoring's factor for each right stage (index `stage + 1`, so -1 is index 0). */
  private seniorityFactor(a: number): Float64Array {
    const factor = this.factor;
    factor[0] = 1;
    for (let b = 0; b < factor.length - 1; b++) {
      factor[b + 1] = a < 0 ? 1 : a < b ? JUNIOR_TEACHES : a === b ? SAME_STAGE : SENIOR_TEACHES;
    }
    return factor;
  }

  /**
   * Shared minutes from which `schedule` scores 1 against every partner of `left` (the most
   * any partner's cadence and session length can need), or 0 when it is not weighted: minutes
   * past it need not be counted.
   */
  enoughMinutes(left: number): number {
    if (this.wSchedule === 0) return 0;
    const { cohort, slack, longestSession, mostSlack } = this;
    const length = Math.max(
      cohort.sessionMinutes[left],
      longestSession,
      SCHEDULE_SCORER_DEFAULTS.sessionMinutes,
    );
    return length * Math.max(slack[cohort.cadence[left]], mostSlack);
  }

  private addSchedule(
    left: number,
    rights: Int32Array,
    count: number,
    out: Float64Array,
    shared: Int32Array | undefined,
  ): void {
    const { cohort, overlap, slack, wSchedule: weight } = this;
    const availability = cohort.availability.intervals.offsets;
    const cadence = cohort.cadence;
    const session = cohort.sessionMinutes;
    const neutral = NEUTRAL;
    if (availability[left] === availability[left + 1]) {
      for (let k = 0; k < count; k++) out[k] += weight * neutral;
      return;
    }
    if (shared === undefined) overlap.load(left);
    const lc = cadence[left];
    const lSession = session[left];
    const lSlack = slack[lc];
    const lFlexible = lc === 0 || lc === AD_HOC;
    const defaultSession = SCHEDULE_SCORER_DEFAULTS.sessionMinutes;
    const penalty = SCHEDULE_SCORER_DEFAULTS.cadenceMismatchPenalty;
    for (let k = 0; k < count; k++) {
      const r = rights[k];
      let v = neutral;
      if (availability[r] !== availability[r + 1]) {
        const minutes = shared === undefined ? overlap.with(r) : shared[k];
        const rc = cadence[r];
        const length = Math.max(lSession, session[r]) || defaultSession;
        const need = length * Math.max(lSlack, slack[rc]);
        v = minutes >= need ? 1 : minutes / need;
        if (!lFlexible && rc !== 0 && rc !== AD_HOC && rc !== lc) {
          const agree = 1 - penalty * (rc > lc ? rc - lc : lc - rc);
          v *= Math.max(agree, 0);
        }
      }
      out[k] += weight * v;
    }
  }

  private addLanguages(left: number, rights: Int32Array, count: number, out: Float64Array): void {
    const { cohort, exactMarks, baseMarks, wLanguages: weight } = this;
    const { languages, baseLanguages } = cohort;
    const { offsets, values } = languages;
    const baseOffsets = baseLanguages.offsets;
    const baseValues = baseLanguages.values;
    const speaks = offsets[left] !== offsets[left + 1];
    if (speaks) {
      markAll(languages, left, exactMarks, 1);
      markAll(baseLanguages, left, baseMarks, 1);
    }
    addMemoised(this.languageMemo as RowMemo, rights, count, out, (r) => {
      let v = NEUTRAL;
      if (speaks && offsets[r] !== offsets[r + 1]) {
        let exact = 0;
        for (let x = offsets[r], e = offsets[r + 1]; x < e; x++) exact += exactMarks[values[x]];
        if (exact > 0) v = 1;
        else {
          let base = 0;
          for (let x = baseOffsets[r], e = baseOffsets[r + 1]; x < e; x++) {
            base += baseMarks[baseValues[x]];
          }
          v = base > 0 ? SAME_BASE : 0;
        }
      }
      return weight * v;
    });
    if (speaks) {
      markAll(languages, left, exactMarks, 0);
      markAll(baseLanguages, left, baseMarks, 0);
    }
  }

  /** Bit 1 = left asked for them, bit 2 = they asked for left. */
  private addPreferences(left: number, rights: Int32Array, count: number, out: Float64Array): void {
    const { cohort, preferMarks, askedBy, wPreferences: weight } = this;
    const prefer = cohort.prefer;
    const preferOffsets = prefer.offsets;
    if (askedBy === undefined) return;
    markAll(prefer, left, preferMarks, 1);
    for (let k = askedBy.offsets[left]; k < askedBy.offsets[left + 1]; k++) {
      preferMarks[askedBy.values[k]] |= 2;
    }
    const leftHasList = preferOffsets[left + 1] > preferOffsets[left];
    for (let k = 0; k < count; k++) {
      const r = rights[k];
      const mark = preferMarks[r];
      const fromLeft = (mark & 1) !== 0 ? ASKED : leftHasList ? ASKED_FOR_OTHERS : NO_PREFERENCE;
      const fromRight =
        (mark & 2) !== 0
          ? ASKED
          : preferOffsets[r + 1] > preferOffsets[r]
            ? ASKED_FOR_OTHERS
            : NO_PREFERENCE;
      out[k] += weight * ((fromLeft + fromRight) / 2);
    }
    markAll(prefer, left, preferMarks, 0);
    markAll(askedBy, left, preferMarks, 0);
  }
}

/**
 * `out[k] += term(rights[k])`, calling `term` once per group of `memo` in the row: everyone in
 * a group gets the term of its first member, which is theirs too (they differ in nothing the
 * scorer reads).
 */
function addMemoised(
  memo: RowMemo,
  rights: Int32Array,
  count: number,
  out: Float64Array,
  term: (right: number) => number,
): void {
  const { keys, value, stamp } = memo;
  const row = memo.next();
  for (let k = 0; k < count; k++) {
    const r = rights[k];
    const key = keys[r];
    if (stamp[key] !== row) {
      value[key] = term(r);
      stamp[key] = row;
    }
    out[k] += value[key];
  }
}

/** Groups of participants with the same values in every similarity column. */
function similarityMemo(size: number, columns: readonly SimilarityColumn[]): RowMemo {
  return new RowMemo(
    groupBy(
      size,
      (i) => {
        let h = HASH_SEED;
        for (const { labels, lists } of columns) {
          if (labels !== undefined) h = mix(h, labels[i]);
          else if (lists !== undefined) h = hashList(lists, i, h);
        }
        return h;
      },
      (a, b) =>
        columns.every(({ labels, lists }) =>
          labels !== undefined
            ? labels[a] === labels[b]
            : lists === undefined || sameList(lists, a, b),
        ),
    ),
  );
}

/**
 * Mean similarity over the fields both sides have (labels: equal or not; lists: Dice overlap
 * against the row's marks), or -1 when none — field by field in the program's order, as
 * `fillSimilarity` adds them.
 */
function meanOver(columns: readonly SimilarityColumn[], left: number, r: number): number {
  let sum = 0;
  let compared = 0;
  for (let f = 0; f < columns.length; f++) {
    const { labels, lists, marks } = columns[f];
    if (labels !== undefined) {
      const a = labels[left];
      const b = labels[r];
      if (a >= 0 && b >= 0) {
        if (a === b) sum += 1;
        compared++;
      }
    } else if (lists !== undefined) {
      const { offsets, values } = lists;
      const x = offsets[left + 1] - offsets[left];
      const y = offsets[r + 1] - offsets[r];
      if (x > 0 && y > 0) {
        let hits = 0;
        for (let k = offsets[r], e = offsets[r + 1]; k < e; k++) hits += marks[values[k]];
        sum += (2 * hits) / (x + y);
        compared++;
      }
    }
  }
  return compared === 0 ? -1 : sum / compared;
}

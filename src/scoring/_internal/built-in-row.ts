import {
  groupBy,
  HASH_SEED,
  hashList,
  mix,
  sameList,
} from '../../profile/_internal/fact-groups.js';
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
import { RowMemo } from './row-memo.js';
import { similarityReaders } from './similarity.js';
import {
  columnsOf,
  meanOver,
  type SimilarityColumn,
  similarityMemo,
} from './similarity-columns.js';
import { LEVELS, SkillCoverage } from './skill-coverage.js';

function markAll(lists: CohortLists, i: number, marks: Uint8Array, value: number): void {
  for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) marks[lists.values[k]] = value;
}

/** Wanted skills read without a loop per cell; longer wish lists take the loop. */
const WISHES = 4;

/**
 * The weighted sum of every built-in scorer over a row, without a `fillRow` call and a scratch
 * row per scorer: coverage (shared by `skills` and `reverseMentoring`) and shared minutes (from
 * the `minimumOverlap` rule) are computed once, and one loop over the row adds every scorer's
 * term to each cell (one read and one write per cell, not one per scorer).
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
   * Scores `left` against `rights[0 … count)`: the weighted sum `s` of the built-in scorers
   * for `rights[k]` goes to `out[base + at[k]]` — `s` itself when `inverse` is 0 (custom
   * scorers add to it later), else the final `min(s × inverse, 1)`, so a dense row is written
   * once, straight into the matrix. `shared`, when given, holds each pair's shared weekly
   * minutes (as `BuiltInRules.filter` leaves them) for pairs where both gave availability.
   *
   * The memoised scorers' group terms are computed first ({@link RowMemo.prepare}); then one
   * loop adds every term of a cell, in `BUILT_IN_SCORERS` order, to one accumulator — the
   * rounding of one running sum per cell, bit for bit, with one read and one write per cell.
   */
  fill(
    left: number,
    rights: Int32Array,
    count: number,
    shared: Int32Array | undefined,
    out: Float64Array,
    at: Int32Array,
    base: number,
    inverse: number,
  ): void {
    const { cohort, coverage, wSkills, wReverse, wSchedule, wPreferences, wishCell, wishPriority } =
      this;
    const neutral = NEUTRAL;
    const stage = cohort.stage;

    // skills and reverseMentoring: one coverage per cell. A right's first WISHES wishes are read
    // from fixed slots without a loop (an unused slot adds `0 × table[0]`, and `table[0]` —
    // skill 0 at level 0 — is never set), so the cell has no data-dependent branch.
    const useCoverage = wSkills > 0 || wReverse > 0;
    const withheld = useCoverage && isWithheld(cohort, left, 'skills');
    if (useCoverage && !withheld) coverage.load(left);
    const table = coverage.rowValue;
    const totals = coverage.priorityTotal;
    const wanted = cohort.wanted;
    const factor = wReverse > 0 ? this.seniorityFactor(stage[left]) : this.factor;

    const goals = this.prepareGoals(left, rights, count);
    const interests = this.prepareInterests(left, rights, count);
    const stages = this.prepareStage(left, rights, count);
    const communication = this.prepareCommunication(left, rights, count);
    const languages = this.prepareLanguages(left, rights, count);
    const diversity = this.prepareSimilarity(
      this.diversityMemo,
      this.diversity,
      left,
      rights,
      count,
      this.wDiversity,
      false,
    );
    const affinity = this.prepareSimilarity(
      this.affinityMemo,
      this.affinity,
      left,
      rights,
      count,
      this.wAffinity,
      true,
    );
    const goalKeys = goals.keys;
    const goalValue = goals.value;
    const interestKeys = interests.keys;
    const interestValue = interests.value;
    const stageKeys = stages.keys;
    const stageValue = stages.value;
    const communicationKeys = communication.keys;
    const communicationValue = communication.value;
    const languageKeys = languages.keys;
    const languageValue = languages.value;
    const diversityKeys = diversity.keys;
    const diversityValue = diversity.value;
    const affinityKeys = affinity.keys;
    const affinityValue = affinity.value;
    const useGoals = this.goalMemo !== undefined;
    const useInterests = this.interestMemo !== undefined;
    const useStage = this.stageMemo !== undefined;
    const useCommunication = this.communicationMemo !== undefined;
    const useLanguages = this.languageMemo !== undefined;
    const useDiversity = this.diversityMemo !== undefined;
    const useAffinity = this.affinityMemo !== undefined;

    // schedule
    const availability = cohort.availability.intervals.offsets;
    const leftAvailable = availability[left] !== availability[left + 1];
    const overlap = this.overlap;
    if (wSchedule > 0 && leftAvailable && shared === undefined) overlap.load(left);
    const { cadence, sessionMinutes: session } = cohort;
    const slack = this.slack;
    const lc = cadence[left];
    const lSession = session[left];
    const lSlack = slack[lc];
    const lFlexible = lc === 0 || lc === AD_HOC;
    const defaultSession = SCHEDULE_SCORER_DEFAULTS.sessionMinutes;
    const penalty = SCHEDULE_SCORER_DEFAULTS.cadenceMismatchPenalty;

    // preferences: bit 1 = left asked for them, bit 2 = they asked for left.
    const { preferMarks, askedBy } = this;
    const prefer = cohort.prefer;
    const preferOffsets = prefer.offsets;
    const usePreferences = wPreferences > 0 && askedBy !== undefined;
    if (usePreferences) {
      markAll(prefer, left, preferMarks, 1);
      for (let k = askedBy.offsets[left]; k < askedBy.offsets[left + 1]; k++) {
        preferMarks[askedBy.values[k]] |= 2;
      }
    }
    const leftHasList = preferOffsets[left + 1] > preferOffsets[left];

    for (let k = 0; k < count; k++) {
      const r = rights[k];
      let acc = 0;
      if (useCoverage) {
        let c = -1;
        const total = totals[r];
        if (!withheld && total !== 0) {
          let sum: number;
          if (wanted.offsets[r + 1] - wanted.offsets[r] <= WISHES) {
            const w = r * WISHES;
            sum =
              wishPriority[w] * table[wishCell[w]] +
              wishPriority[w + 1] * table[wishCell[w + 1]] +
              wishPriority[w + 2] * table[wishCell[w + 2]] +
              wishPriority[w + 3] * table[wishCell[w + 3]];
          } else {
            const { offsets, values, levels, priorities } = wanted;
            sum = 0;
            for (let x = offsets[r], e = offsets[r + 1]; x < e; x++) {
              sum += priorities[x] * table[values[x] * LEVELS + levels[x]];
            }
          }
          c = sum / total;
        }
        if (wSkills > 0) acc += wSkills * (c < 0 ? neutral : c);
        if (wReverse > 0) acc += wReverse * (c < 0 ? neutral : c * factor[stage[r] + 1]);
      }
      if (useGoals) acc += goalValue[goalKeys[r]];
      if (useInterests) acc += interestValue[interestKeys[r]];
      if (useStage) acc += stageValue[stageKeys[r]];
      if (wSchedule > 0) {
        let v = neutral;
        if (leftAvailable && availability[r] !== availability[r + 1]) {
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
        acc += wSchedule * v;
      }
      if (useCommunication) acc += communicationValue[communicationKeys[r]];
      if (useLanguages) acc += languageValue[languageKeys[r]];
      if (usePreferences) {
        const mark = preferMarks[r];
        const fromLeft = (mark & 1) !== 0 ? ASKED : leftHasList ? ASKED_FOR_OTHERS : NO_PREFERENCE;
        const fromRight =
          (mark & 2) !== 0
            ? ASKED
            : preferOffsets[r + 1] > preferOffsets[r]
              ? ASKED_FOR_OTHERS
              : NO_PREFERENCE;
        acc += wPreferences * ((fromLeft + fromRight) / 2);
      }
      if (useDiversity) acc += diversityValue[diversityKeys[r]];
      if (useAffinity) acc += affinityValue[affinityKeys[r]];
      out[base + at[k]] = inverse === 0 ? acc : Math.min(acc * inverse, 1); // rounding can overshoot 1 by an ulp
    }
    if (usePreferences) {
      markAll(prefer, left, preferMarks, 0);
      markAll(askedBy, left, preferMarks, 0);
    }
  }

  private prepareGoals(left: number, rights: Int32Array, count: number): MemoTable {
    const { goalMemo: memo, goalMarks: marks, wGoals: weight } = this;
    return this.prepareTags(memo, this.cohort.goals, marks, weight, false, left, rights, count);
  }

  private prepareInterests(left: number, rights: Int32Array, count: number): MemoTable {
    const { interestMemo: memo, interestMarks: marks, wInterests: weight } = this;
    return this.prepareTags(memo, this.cohort.interests, marks, weight, true, left, rights, count);
  }

  /**
   * The weighted tag-overlap term of `left` with each group of `rights`, as the goals scorer
   * (share of the partner's tags that `left` has) or, with `dice`, the interests scorer
   * (2 × shared / both counts) computes it; neutral when either side has no tags.
   */
  private prepareTags(
    memo: RowMemo | undefined,
    lists: CohortLists,
    marks: Uint8Array,
    weight: number,
    dice: boolean,
    left: number,
    rights: Int32Array,
    count: number,
  ): MemoTable {
    if (memo === undefined) return NO_MEMO;
    const own = lists.offsets[left + 1] - lists.offsets[left];
    markAll(lists, left, marks, 1);
    memo.prepare(rights, count, (r) => {
      const { offsets, values } = lists;
      const length = offsets[r + 1] - offsets[r];
      let v = NEUTRAL;
      if (own !== 0 && length !== 0) {
        let hits = 0;
        for (let x = offsets[r], e = offsets[r + 1]; x < e; x++) hits += marks[values[x]];
        v = dice ? (2 * hits) / (own + length) : hits / length;
      }
      return weight * v;
    });
    markAll(lists, left, marks, 0);
    return memo;
  }

  private prepareStage(left: number, rights: Int32Array, count: number): MemoTable {
    const memo = this.stageMemo;
    if (memo === undefined) return NO_MEMO;
    const stage = this.cohort.stage;
    const a = stage[left];
    const { preferred, tolerance, wStage: weight } = this;
    memo.prepare(rights, count, (r) => {
      const b = stage[r];
      return (
        weight *
        (a < 0 || b < 0 ? NEUTRAL : Math.max(0, 1 - Math.abs(a - b - preferred) / tolerance))
      );
    });
    return memo;
  }

  private prepareCommunication(left: number, rights: Int32Array, count: number): MemoTable {
    const memo = this.communicationMemo;
    if (memo === undefined) return NO_MEMO;
    const { communicationStyle: style, learningStyle: learning, modes, location } = this.cohort;
    const sa = style[left];
    const la = learning[left];
    const ma = modes[left];
    const loc = location[left];
    const weight = this.wCommunication;
    memo.prepare(rights, count, (r) => {
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
    return memo;
  }

  private prepareLanguages(left: number, rights: Int32Array, count: number): MemoTable {
    const memo = this.languageMemo;
    if (memo === undefined) return NO_MEMO;
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
    memo.prepare(rights, count, (r) => {
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
    return memo;
  }

  /** diversity (`1 - mean`) or affinity (`mean`) over the opted-in fields. */
  private prepareSimilarity(
    memo: RowMemo | undefined,
    columns: readonly SimilarityColumn[],
    left: number,
    rights: Int32Array,
    count: number,
    weight: number,
    alike: boolean,
  ): MemoTable {
    if (memo === undefined) return NO_MEMO;
    for (const c of columns) if (c.lists) markAll(c.lists, left, c.marks, 1);
    memo.prepare(rights, count, (r) => {
      const mean = meanOver(columns, left, r);
      return weight * (mean < 0 ? NEUTRAL : alike ? mean : 1 - mean);
    });
    for (const c of columns) if (c.lists) markAll(c.lists, left, c.marks, 0);
    return memo;
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
}

/** A memo's group of each participant and the row's term of each group. */
interface MemoTable {
  readonly keys: Int32Array;
  readonly value: Float64Array;
}

/** Stands in for a scorer that is not weighted (its term is never read). */
const NO_MEMO: MemoTable = { keys: new Int32Array(0), value: new Float64Array(0) };

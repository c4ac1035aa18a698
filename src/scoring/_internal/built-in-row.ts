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

/**
 * The weighted sum of every built-in scorer in one pass over a row, cell by cell, instead of
 * one `fillRow` loop per scorer plus one accumulation loop each: each participant's facts are
 * read once per cell, and coverage (shared by `skills` and `reverseMentoring`) and shared
 * minutes (shared with the `minimumOverlap` rule) are computed once.
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
    const { cohort, wSkills, wReverse, wGoals, wInterests, wStage } = this;
    const { wSchedule, wCommunication, wLanguages, wPreferences, wDiversity, wAffinity } = this;
    const neutral = NEUTRAL;
    const stage = cohort.stage;

    // skills and reverseMentoring: one coverage per cell.
    const useCoverage = wSkills > 0 || wReverse > 0;
    const coverage = this.coverage;
    const skillsWithheld = useCoverage && isWithheld(cohort, left, 'skills');
    if (useCoverage && !skillsWithheld) coverage.load(left);
    const table = coverage.rowValue;
    const totals = coverage.priorityTotal;
    const wanted = cohort.wanted;
    const wantedOffsets = wanted.offsets;
    const wantedValues = wanted.values;
    const wantedLevels = wanted.levels;
    const wantedPriorities = wanted.priorities;
    const leftStage = stage[left];

    // goals and interests: the row's tags marked once.
    const goals = cohort.goals;
    const goalOffsets = goals.offsets;
    const goalValues = goals.values;
    const goalMarks = this.goalMarks;
    const leftGoals = goalOffsets[left + 1] - goalOffsets[left];
    if (wGoals > 0) markAll(goals, left, goalMarks, 1);
    const interests = cohort.interests;
    const interestOffsets = interests.offsets;
    const interestValues = interests.values;
    const interestMarks = this.interestMarks;
    const leftInterests = interestOffsets[left + 1] - interestOffsets[left];
    if (wInterests > 0) markAll(interests, left, interestMarks, 1);

    const { preferred, tolerance } = this;

    // schedule
    const availability = cohort.availability.intervals.offsets;
    const leftFree = availability[left] !== availability[left + 1];
    const overlap = this.overlap;
    const ownOverlap = wSchedule > 0 && leftFree && shared === undefined;
    if (ownOverlap) overlap.load(left);
    const cadence = cohort.cadence;
    const session = cohort.sessionMinutes;
    const slack = this.slack;
    const lc = cadence[left];
    const lSession = session[left];
    const lSlack = slack[lc];
    const lFlexible = lc === 0 || lc === AD_HOC;
    const defaultSession = SCHEDULE_SCORER_DEFAULTS.sessionMinutes;
    const penalty = SCHEDULE_SCORER_DEFAULTS.cadenceMismatchPenalty;

    // communication
    const { communicationStyle: style, learningStyle: learning, modes, location } = cohort;
    const sa = style[left];
    const la = learning[left];
    const ma = modes[left];
    const loc = location[left];

    // languages
    const languages = cohort.languages;
    const languageOffsets = languages.offsets;
    const languageValues = languages.values;
    const baseOffsets = cohort.baseLanguages.offsets;
    const baseValues = cohort.baseLanguages.values;
    const exactMarks = this.exactMarks;
    const baseMarks = this.baseMarks;
    const leftSpeaks = languageOffsets[left] !== languageOffsets[left + 1];
    if (wLanguages > 0 && leftSpeaks) {
      markAll(languages, left, exactMarks, 1);
      markAll(cohort.baseLanguages, left, baseMarks, 1);
    }

    // preferences: bit 1 = left asked for them, bit 2 = they asked for left.
    const prefer = cohort.prefer;
    const preferOffsets = prefer.offsets;
    const preferMarks = this.preferMarks;
    const askedBy = this.askedBy;
    if (wPreferences > 0 && askedBy !== undefined) {
      for (let k = preferOffsets[left]; k < preferOffsets[left + 1]; k++) {
        preferMarks[prefer.values[k]] |= 1;
      }
      for (let k = askedBy.offsets[left]; k < askedBy.offsets[left + 1]; k++) {
        preferMarks[askedBy.values[k]] |= 2;
      }
    }
    const leftHasList = preferOffsets[left + 1] > preferOffsets[left];

    const diversity = this.diversity;
    const affinity = this.affinity;
    if (wDiversity > 0) for (const c of diversity) if (c.lists) markAll(c.lists, left, c.marks, 1);
    if (wAffinity > 0) for (const c of affinity) if (c.lists) markAll(c.lists, left, c.marks, 1);

    for (let k = 0; k < count; k++) {
      const r = rights[k];
      let acc = 0;
      if (useCoverage) {
        let c = -1;
        const total = totals[r];
        if (!skillsWithheld && total !== 0) {
          let sum = 0;
          for (let x = wantedOffsets[r], e = wantedOffsets[r + 1]; x < e; x++) {
            sum += wantedPriorities[x] * table[wantedValues[x] * LEVELS + wantedLevels[x]];
          }
          c = sum / total;
        }
        if (wSkills > 0) acc += wSkills * (c < 0 ? neutral : c);
        if (wReverse > 0) {
          const b = stage[r];
          const f =
            leftStage < 0 || b < 0
              ? 1
              : leftStage < b
                ? JUNIOR_TEACHES
                : leftStage === b
                  ? SAME_STAGE
                  : SENIOR_TEACHES;
          acc += wReverse * (c < 0 ? neutral : c * f);
        }
      }
      if (wGoals > 0) {
        const length = goalOffsets[r + 1] - goalOffsets[r];
        let v = neutral;
        if (leftGoals !== 0 && length !== 0) {
          let hits = 0;
          for (let x = goalOffsets[r], e = goalOffsets[r + 1]; x < e; x++) {
            hits += goalMarks[goalValues[x]];
          }
          v = hits / length;
        }
        acc += wGoals * v;
      }
      if (wInterests > 0) {
        const b = interestOffsets[r + 1] - interestOffsets[r];
        let v = neutral;
        if (leftInterests !== 0 && b !== 0) {
          let hits = 0;
          for (let x = interestOffsets[r], e = interestOffsets[r + 1]; x < e; x++) {
            hits += interestMarks[interestValues[x]];
          }
          v = (2 * hits) / (leftInterests + b);
        }
        acc += wInterests * v;
      }
      if (wStage > 0) {
        const b = stage[r];
        acc +=
          wStage *
          (leftStage < 0 || b < 0
            ? neutral
            : Math.max(0, 1 - Math.abs(leftStage - b - preferred) / tolerance));
      }
      if (wSchedule > 0) {
        let v = neutral;
        if (leftFree && availability[r] !== availability[r + 1]) {
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
      if (wCommunication > 0) {
        const sb = style[r];
        const lb = learning[r];
        const mb = modes[r];
        const s = sa < 0 || sb < 0 ? neutral : sa === sb ? 1 : STYLE_MISMATCH;
        const l = la < 0 || lb < 0 ? neutral : la === lb ? 1 : LEARNING_MISMATCH;
        let m = neutral;
        if (ma !== 0 && mb !== 0) {
          let common = ma & mb;
          if (loc < 0 || loc !== location[r]) common &= ~IN_PERSON;
          m = common !== 0 ? 1 : 0;
        }
        acc += wCommunication * ((s + l + m) / 3);
      }
      if (wLanguages > 0) {
        let v = neutral;
        if (leftSpeaks && languageOffsets[r] !== languageOffsets[r + 1]) {
          let exact = 0;
          for (let x = languageOffsets[r], e = languageOffsets[r + 1]; x < e; x++) {
            exact += exactMarks[languageValues[x]];
          }
          if (exact > 0) v = 1;
          else {
            let base = 0;
            for (let x = baseOffsets[r], e = baseOffsets[r + 1]; x < e; x++) {
              base += baseMarks[baseValues[x]];
            }
            v = base > 0 ? SAME_BASE : 0;
          }
        }
        acc += wLanguages * v;
      }
      if (wPreferences > 0) {
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
      if (wDiversity > 0) {
        const mean = meanOver(diversity, left, r);
        acc += wDiversity * (mean < 0 ? neutral : 1 - mean);
      }
      if (wAffinity > 0) {
        const mean = meanOver(affinity, left, r);
        acc += wAffinity * (mean < 0 ? neutral : mean);
      }
      out[k] = acc;
    }

    if (wGoals > 0) markAll(goals, left, goalMarks, 0);
    if (wInterests > 0) markAll(interests, left, interestMarks, 0);
    if (wLanguages > 0 && leftSpeaks) {
      markAll(languages, left, exactMarks, 0);
      markAll(cohort.baseLanguages, left, baseMarks, 0);
    }
    if (wPreferences > 0 && askedBy !== undefined) {
      markAll(prefer, left, preferMarks, 0);
      markAll(askedBy, left, preferMarks, 0);
    }
    if (wDiversity > 0) for (const c of diversity) if (c.lists) markAll(c.lists, left, c.marks, 0);
    if (wAffinity > 0) for (const c of affinity) if (c.lists) markAll(c.lists, left, c.marks, 0);
  }
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

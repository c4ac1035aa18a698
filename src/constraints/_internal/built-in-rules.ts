import { groupBy, HASH_SEED, hashList, sameList } from '../../profile/_internal/fact-groups.js';
import type { Cohort } from '../../profile/cohort.js';
import type { Program } from '../../profile/program-schema.js';
import type { MatrixLayout } from '../constraint.js';
import { PairMarks } from './pair-marks.js';
import { type ReportingLine, reportingLine } from './reporting-line.js';
import { speakersOfRequired } from './required-language.js';
import { type SafeguardingFlags, safeguardingFlags } from './safeguarding-flags.js';
import { SlotOverlap } from './slot-overlap.js';

/** A row of {@link BuiltInRules.beginSimpleRow}: see there for the test it describes. */
export interface SimpleRow {
  readonly marks: Uint8Array;
  readonly mask: number;
  /** `null` when nobody is below the row in the reporting line (or the rule is off). */
  readonly enter: Int32Array | null;
  readonly from: number;
  readonly to: number;
}

const MENTOR = 0;
const MENTEE = 1;
/** Bits of `BuiltInRules.marks`. */
const BLOCKED = 1;
/** Bit of `BuiltInRules.marks` for those a row forbids by name, set while the row is begun. */
export const ROW_MARK = 2;
/** Minor or vulnerable: forbidden to a row without a valid check (safeguarding). */
const PROTECTED = 4;
/** Without a valid check: forbidden to a protected row (safeguarding). */
const UNCHECKED = 8;

/**
 * Every switched-on built-in rule in one pass over a row's candidates — the same verdicts as the
 * rules' own `allows`, without a loop and a call per rule per cell. Builders use it in place of
 * the built-in constraints' `fillRow`; the constraints themselves still explain and diagnose.
 * `test/compatibility/row-kernel.test.ts` holds the two to exactly the same verdicts.
 *
 * The minimum-overlap rule needs each pair's shared minutes; they are handed back so the
 * schedule scorer does not compute them again.
 */
export class BuiltInRules {
  /** Whether `filter` fills `shared` (the `minimumOverlap` rule is on, or minutes were asked for). */
  readonly computesOverlap: boolean;
  /**
   * Whether every switched-on rule forbids by participant marks or the reporting line (the
   * default rules: no same-manager, team or department rule, no language rule, no minutes
   * asked for), so {@link beginSimpleRow} can describe a row.
   */
  readonly simple: boolean;
  private readonly minimumOverlap: boolean;
  private readonly cohort: Cohort;
  private readonly directed: boolean;
  private readonly roles: boolean;
  private readonly optOut: boolean;
  private readonly capacity: boolean;
  private readonly safeguarding: SafeguardingFlags | undefined;
  private readonly line: ReportingLine | undefined;
  private readonly sameManager: boolean;
  private readonly sameTeam: boolean;
  private readonly sameDepartment: boolean;
  private readonly pairLists: readonly PairMarks[];
  private readonly language: boolean;
  private readonly speakers: Uint8Array | undefined;
  private readonly languageMarks: Uint8Array;
  private readonly overlap: SlotOverlap | undefined;
  private readonly minimumMinutes: number;
  private readonly forbidUnknown: boolean;
  /**
   * Bit {@link BLOCKED} for each participant some rule forbids as a partner of anyone (a mentor
   * on the receiving side, opted out, no capacity, no languages or no availability when unknown
   * data forbids); bit {@link ROW_MARK}, while a row is filtered, for the few its rules forbid
   * by name (the row itself, its managers up the line, its block and previous-partner lists);
   * {@link PROTECTED} and {@link UNCHECKED} for the safeguarding rule. A row masks the bits that
   * forbid for it: one read per cell instead of one per rule.
   */
  private readonly marks: Uint8Array;
  /**
   * Participants with the same languages (exact and base) get the same verdict from the
   * shared-language rule: a row with many more cells than groups decides each group once.
   */
  private readonly languageKeys: Int32Array;
  private readonly languageFirst: Int32Array;
  private readonly languageOk: Uint8Array;
  /** Who is at each step of the reporting line's tour (`enter` inverted), once needed. */
  private tour: Int32Array | undefined;

  /**
   * `enabled` lists the rules switched on (`Setup.rules`); `minutes` asks for each kept pair's
   * shared minutes even when the `minimumOverlap` rule is off (the schedule scorer reads them).
   */
  constructor(
    cohort: Cohort,
    program: Program,
    layout: MatrixLayout,
    enabled: ReadonlySet<string>,
    minutes = false,
  ) {
    this.cohort = cohort;
    this.directed = layout === 'directed';
    this.roles = enabled.has('roles');
    this.optOut = enabled.has('optOut');
    this.capacity = enabled.has('capacity');
    this.safeguarding = enabled.has('safeguarding')
      ? safeguardingFlags(cohort, program.date)
      : undefined;
    this.line = enabled.has('reportingLine')
      ? reportingLine(cohort, 'conflictOfInterest')
      : undefined;
    this.sameManager = enabled.has('sameManager');
    this.sameTeam = enabled.has('sameTeam');
    this.sameDepartment = enabled.has('sameDepartment');
    const pairLists: PairMarks[] = [];
    if (enabled.has('blockList')) pairLists.push(new PairMarks(cohort.avoid, cohort.size));
    if (enabled.has('noRepeat')) {
      pairLists.push(new PairMarks(cohort.previousPartners, cohort.size));
    }
    this.pairLists = pairLists;
    this.language = enabled.has('sharedLanguage');
    this.speakers = this.language ? speakersOfRequired(cohort, program) : undefined;
    this.languageMarks = new Uint8Array(
      Math.max(1, cohort.vocabularies.baseLanguages.names.length),
    );
    this.minimumOverlap = enabled.has('minimumOverlap');
    this.computesOverlap = this.minimumOverlap || minutes;
    this.overlap = this.computesOverlap ? new SlotOverlap(cohort.availability) : undefined;
    this.minimumMinutes = program.matching.minimumOverlapMinutes;
    this.forbidUnknown = program.matching.whenUnknown === 'forbid';

    const size = cohort.size;
    const { role, optOut, capacity, languages, baseLanguages } = cohort;
    const spoken = languages.offsets;
    const availability = cohort.availability.intervals.offsets;
    const blocked = new Uint8Array(size);
    for (let r = 0; r < size; r++) {
      if (
        (this.roles && this.directed && role[r] === MENTOR) ||
        (this.optOut && optOut[r] === 1) ||
        (this.capacity && capacity[r] === 0) ||
        // A row whose own languages or times are unknown forbids everyone, so these hold
        // for every row that reaches the cell loop.
        (this.language && this.forbidUnknown && spoken[r] === spoken[r + 1]) ||
        (this.minimumOverlap && this.forbidUnknown && availability[r] === availability[r + 1])
      ) {
        blocked[r] = BLOCKED;
      }
    }
    const guard = this.safeguarding;
    if (guard !== undefined) {
      for (let r = 0; r < size; r++) {
        if (guard.protectedOne[r] === 1) blocked[r] |= PROTECTED;
        if (guard.checked[r] === 0) blocked[r] |= UNCHECKED;
      }
    }
    this.marks = blocked;
    this.simple =
      !this.sameManager &&
      !this.sameTeam &&
      !this.sameDepartment &&
      !this.language &&
      this.overlap === undefined;
    const groups = this.language
      ? groupBy(
          size,
          (i) => hashList(baseLanguages, i, hashList(languages, i, HASH_SEED)),
          (a, b) => sameList(languages, a, b) && sameList(baseLanguages, a, b),
        )
      : undefined;
    this.languageKeys = groups?.keys ?? new Int32Array(0);
    this.languageFirst = groups?.first ?? new Int32Array(0);
    this.languageOk = new Uint8Array(Math.max(1, this.languageFirst.length));
  }

  /**
   * Keeps the candidates that every switched-on built-in rule allows with `left`: the `kept`
   * survivors of `candidates` (in order) go to `ids[0 … kept)`, their indices in `candidates`
   * to `position`, and `shared[k]` gets the kept pair's shared weekly minutes when
   * {@link computesOverlap} and both gave availability — exact below `enough`, some number ≥
   * `enough` from there on (counting stops early; pass `Infinity` for exact minutes). `ids` and
   * `shared` may be left out. Returns `kept`. `candidates` is only read.
   */
  filter(
    left: number,
    candidates: Int32Array,
    ids: Int32Array | undefined,
    position: Int32Array,
    shared: Int32Array | undefined,
    enough = Number.POSITIVE_INFINITY,
  ): number {
    const count = candidates.length;
    const { cohort, forbidUnknown } = this;
    const { manager, team, department } = cohort;
    if (this.settles(left)) return 0;
    const mask = this.maskOf(left);

    const enter = this.line?.enter;
    const leave = this.line?.leave;
    const e = enter === undefined ? 0 : enter[left];
    const l = leave === undefined ? 0 : leave[left];
    const m = manager[left];
    const t = team[left];
    const d = department[left];
    const checkManager = this.sameManager && m >= 0;
    const checkTeam = this.sameTeam && t >= 0;
    const checkDepartment = this.sameDepartment && d >= 0;
    const checkGroups = checkManager || checkTeam || checkDepartment;

    this.markRow(left, true);

    // Settled before any language is marked, so an early return leaves no marks behind.
    const overlap = this.overlap;
    const availability = cohort.availability.intervals.offsets;
    let checkOverlap = overlap !== undefined;
    if (overlap !== undefined) {
      if (availability[left] === availability[left + 1]) {
        if (forbidUnknown && this.minimumOverlap) return this.unmark(left, 0);
        checkOverlap = false;
      } else overlap.load(left);
    }
    const spoken = cohort.languages.offsets;
    const baseOffsets = cohort.baseLanguages.offsets;
    const baseValues = cohort.baseLanguages.values;
    const speakers = this.speakers;
    const languageMarks = this.languageMarks;
    let checkLanguage = this.language;
    if (checkLanguage && spoken[left] === spoken[left + 1]) {
      if (forbidUnknown) return this.unmark(left, 0);
      checkLanguage = false;
    }
    // A partner who gave no languages is judged by `whenUnknown` even when `left` lacks the
    // required one, so a left without it does not settle the row.
    const leftSpeaks = speakers === undefined || speakers[left] === 1;
    const anyShared = checkLanguage && speakers === undefined;
    if (anyShared) {
      for (let x = baseOffsets[left]; x < baseOffsets[left + 1]; x++)
        languageMarks[baseValues[x]] = 1;
    }

    // The verdict of every language group at once, when the row has many more cells.
    const languageKeys = this.languageKeys;
    const languageOk = this.languageOk;
    const languageFirst = this.languageFirst;
    const languageTable = checkLanguage && 2 * languageFirst.length <= count;
    if (languageTable) {
      for (let g = 0; g < languageFirst.length; g++) {
        const r = languageFirst[g];
        let ok = 1;
        if (spoken[r] === spoken[r + 1]) ok = forbidUnknown ? 0 : 1;
        else if (anyShared) {
          let hit = 0;
          for (let x = baseOffsets[r], end = baseOffsets[r + 1]; x < end; x++) {
            hit |= languageMarks[baseValues[x]];
          }
          ok = hit;
        } else if (!leftSpeaks || (speakers !== undefined && speakers[r] === 0)) ok = 0;
        languageOk[g] = ok;
      }
    }
    const checkEachLanguage = checkLanguage && !languageTable;

    // Without the rule, minutes are only measured: no pair falls short.
    const need = this.minimumOverlap ? this.minimumMinutes : Number.NEGATIVE_INFINITY;
    const stop = Math.max(need, enough);
    const forbidNoTime = forbidUnknown && this.minimumOverlap;
    const marks = this.marks;

    let kept = 0;
    for (let k = 0; k < count; k++) {
      const r = candidates[k];
      if ((marks[r] & mask) !== 0) continue;
      if (enter !== undefined) {
        // Below the row in the reporting line (its managers above it are marked).
        const er = enter[r];
        if (e <= er && er < l) continue;
      }
      if (
        checkGroups &&
        ((checkManager && manager[r] === m) ||
          (checkTeam && team[r] === t) ||
          (checkDepartment && department[r] === d))
      ) {
        continue;
      }
      if (languageTable) {
        if (languageOk[languageKeys[r]] === 0) continue;
      } else if (checkEachLanguage) {
        if (spoken[r] === spoken[r + 1]) {
          if (forbidUnknown) continue;
        } else if (anyShared) {
          let hit = 0;
          for (let x = baseOffsets[r], end = baseOffsets[r + 1]; x < end; x++) {
            hit |= languageMarks[baseValues[x]];
          }
          if (hit === 0) continue;
        } else if (!leftSpeaks || (speakers !== undefined && speakers[r] === 0)) continue;
      }
      let minutes = 0;
      if (checkOverlap && overlap !== undefined) {
        if (availability[r] === availability[r + 1]) {
          if (forbidNoTime) continue;
        } else {
          minutes = overlap.with(r, stop);
          if (minutes < need) continue;
        }
      }
      if (ids !== undefined) ids[kept] = r;
      position[kept] = k;
      if (shared !== undefined) shared[kept] = minutes;
      kept++;
    }
    if (anyShared) {
      for (let x = baseOffsets[left]; x < baseOffsets[left + 1]; x++)
        languageMarks[baseValues[x]] = 0;
    }
    return this.unmark(left, kept);
  }

  /**
   * The row of `left` as plain data, when only participant marks and the reporting line decide
   * it ({@link simple}): candidate `r` is allowed iff `(marks[r] & mask) === 0` and, unless
   * `enter` is `null` (nobody below the row), `enter[r]` is not in `[from, to)` — a test a
   * caller can inline in its own pass over the candidates.
   * `null` when the row allows nobody. Marks the row: call {@link endSimpleRow} after (unless
   * `null`); the answer is valid until then.
   */
  beginSimpleRow(left: number): SimpleRow | null {
    if (this.settles(left)) return null;
    this.markRow(left, true);
    const line = this.line;
    // Most rows manage nobody: their range holds only themselves, and they are marked.
    const below = line !== undefined && line.leave[left] - line.enter[left] > 1;
    return {
      marks: this.marks,
      mask: this.maskOf(left),
      enter: below ? line.enter : null,
      from: below ? line.enter[left] : 0,
      to: below ? line.leave[left] : 0,
    };
  }

  /**
   * For a row begun by {@link beginSimpleRow}: calls `visit(p)` for everyone the row forbids by
   * name ({@link ROW_MARK}) or by the reporting line, unless a mark of their own forbids them
   * to the row anyway — so a row's allowed partners among some participants are those that
   * no mark but {@link ROW_MARK} forbids, less the distinct ones visited. `p` may repeat.
   */
  forEachNamed(left: number, row: SimpleRow, visit: (p: number) => void): void {
    const marks = this.marks;
    const own = row.mask & ~ROW_MARK;
    const take = (p: number): void => {
      if ((marks[p] & own) === 0) visit(p);
    };
    this.forEachByName(left, take);
    if (row.enter !== null) {
      this.tour ??= tourOf(row.enter);
      for (let t = row.from; t < row.to; t++) take(this.tour[t]);
    }
  }

  /** Clears the marks {@link beginSimpleRow} set for `left`. */
  endSimpleRow(left: number): void {
    this.markRow(left, false);
  }

  /** Whether a verdict on `left` alone forbids every partner (nothing is marked then). */
  private settles(left: number): boolean {
    const { role, optOut, capacity } = this.cohort;
    return (
      (this.roles && this.directed && role[left] === MENTEE) ||
      (this.optOut && optOut[left] === 1) ||
      (this.capacity && capacity[left] === 0)
    );
  }

  /** The bits of `marks` that forbid a partner of `left`. */
  private maskOf(left: number): number {
    const guard = this.safeguarding;
    let mask = BLOCKED | ROW_MARK;
    if (guard !== undefined && guard.checked[left] === 0) mask |= PROTECTED;
    if (guard !== undefined && guard.protectedOne[left] === 1) mask |= UNCHECKED;
    return mask;
  }

  private unmark(left: number, kept: number): number {
    this.markRow(left, false);
    return kept;
  }

  /**
   * Sets or clears {@link ROW_MARK} on those the rules forbid `left` by name: itself (roles, and
   * the reporting line, whose range of those below `left` starts with `left`), everyone above
   * it in the reporting line (those below it are one range of the tour), and both ways of its
   * block and previous-partner lists.
   */
  private markRow(left: number, on: boolean): void {
    const marks = this.marks;
    this.forEachByName(left, (i) => {
      marks[i] = on ? marks[i] | ROW_MARK : marks[i] & ~ROW_MARK;
    });
  }

  /**
   * Calls `visit(p)` for everyone the rules forbid `left` by name (see {@link markRow}); `p`
   * may repeat.
   */
  private forEachByName(left: number, visit: (p: number) => void): void {
    if (this.roles || this.line !== undefined) visit(left);
    if (this.line !== undefined) {
      const manager = this.cohort.manager;
      for (let up = manager[left]; up !== -1; up = manager[up]) visit(up);
    }
    for (const lists of this.pairLists) lists.forEach(left, visit);
  }
}

/** The participant at each step of a reporting line's tour (`enter` is a permutation). */
function tourOf(enter: Int32Array): Int32Array {
  const tour = new Int32Array(enter.length);
  for (let p = 0; p < enter.length; p++) tour[enter[p]] = p;
  return tour;
}

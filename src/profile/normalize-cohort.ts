import { PeermatchError } from '../errors.js';
import { setSlots, toUtcIntervals } from './_internal/availability.js';
import {
  CADENCES,
  CONSENT_FIELDS,
  MEETING_MODES,
  ROLES,
} from './_internal/build-participant-schema.js';
import { checkAgainstProgram, checkDuplicateIds, type Findings } from './_internal/check-cohort.js';
import { ALL_CONSENT, hasData, redact, sharedMask, shares } from './_internal/consent.js';
import { memoFold } from './_internal/fold.js';
import { Interner } from './_internal/interner.js';
import { makeIssue, recordSubject } from './_internal/issues.js';
import { ListBuilder, sortUnique } from './_internal/list-builder.js';
import { resolveProgram } from './_internal/resolve-program.js';
import { resolveTaxonomy } from './_internal/taxonomy.js';
import { canonicalTimeZone, offsetOnDate } from './_internal/time-zone.js';
import { MINUTES_PER_WEEK } from './_internal/weekly-time.js';
import type { Cohort, CohortLists, SharedProfile } from './cohort.js';
import type { Participant } from './participant-schema.js';
import type { ProgramInput } from './program-schema.js';

const API = 'normalizeCohort';
const ROLE_CODE = new Map<string, number>(ROLES.map((r, i) => [r, i]));
const MODE_BIT = new Map<string, number>(MEETING_MODES.map((m, i) => [m, 1 << i]));
const CADENCE_CODE = new Map<string, number>(CADENCES.map((c, i) => [c, i + 1]));

function lists(builder: ListBuilder): CohortLists {
  const { offsets, values } = builder.finish();
  return { offsets, values };
}

/**
 * Turns parsed participants into a {@link Cohort} ready for fast scoring:
 *
 * - **consent first**: every field a participant did not agree to share (their `consent`, else
 *   `program.consentDefault`) is dropped before anything else reads it, and flagged in
 *   `withheld`; `profiles` holds the redacted records;
 * - **skills**: names folded (NFKC, case, whitespace), mapped through the taxonomy's synonyms,
 *   interned to ids; unknown skills kept, dropped (warning) or rejected per
 *   `taxonomy.unknownSkills`; repeated skills merged at their highest level; offered skills
 *   widened up the hierarchy in `offeredClosure`;
 * - **availability**: windows converted to UTC minutes of a reference week at each zone's
 *   offset on `program.date` (daylight saving from `Intl`), merged, stored as exact intervals
 *   and as a slot bitset;
 * - **stages** to ordinals of `program.stages`; **languages** as canonical BCP 47 tags and their
 *   primary subtags; labels (tags, teams, styles) folded and interned; references to other
 *   participants resolved to indices.
 *
 * Throws one `PeermatchError` (`INVALID_INPUT`) listing every problem: duplicate ids, stages
 * outside the ordering, skills a rejecting taxonomy does not know, unknown time zones, a bad
 * program. Inputs are not mutated.
 *
 * @param participants - Participants as {@link parseParticipants} returns them.
 * @param program - The program configuration, raw or parsed (its `date` is required).
 * @returns The normalised cohort; non-fatal findings are in `cohort.warnings`.
 * @example
 * ```ts
 * const program = { date: '2025-03-15', consentDefault: 'all' as const };
 * const cohort = normalizeCohort(
 *   parseParticipants([
 *     { id: 'ny', role: 'mentor', availability: { timeZone: 'America/New_York', windows: ['Mon 09:00-10:00'] } },
 *   ]),
 *   program,
 * );
 * cohort.availability.intervals.starts[0]; // Monday 13:00 UTC: New York is on EDT since 9 March
 * //=> 780
 * ```
 */
export function normalizeCohort(
  participants: readonly Participant[],
  program: ProgramInput,
): Cohort {
  const resolved = resolveProgram(program, API, ['program'], 'strip');
  if (resolved.program === undefined) {
    throw new PeermatchError('INVALID_INPUT', `${API}: the program is invalid`, resolved.errors);
  }
  const prog = resolved.program;
  if (!Array.isArray(participants)) {
    throw new PeermatchError('INVALID_INPUT', `${API}: participants must be an array`, [
      { code: 'INVALID_TYPE', path: [], message: `${API}: participants must be an array` },
    ]);
  }
  const n = participants.length;
  const taxonomy = resolveTaxonomy(prog.taxonomy.skills);
  const findings: Findings = { errors: [], warnings: [] };
  const fold = memoFold();
  checkDuplicateIds(
    API,
    participants.map((p) => p.id),
    findings,
  );
  checkAgainstProgram(API, participants, prog, taxonomy, findings, fold);

  // Zone offsets are computed once per distinct zone: `Intl` is the slow part of this function.
  const zones = new Interner();
  const zoneOffsets: number[] = [];
  const zoneOf = (name: string, index: number, id: string): number => {
    const known = zones.idOf.get(name);
    if (known !== undefined) return known;
    const canonical = canonicalTimeZone(name);
    if (canonical === undefined) {
      findings.errors.push(
        makeIssue(
          { api: API, prefix: [index], subject: recordSubject(index, id), participantId: id },
          'UNKNOWN_TIME_ZONE',
          ['availability', 'timeZone'],
          `${JSON.stringify(name)} is not a time zone known to this JavaScript engine`,
        ),
      );
      return -1;
    }
    const zone = zones.id(name);
    zoneOffsets[zone] = offsetOnDate(canonical, prog.date);
    return zone;
  };

  const indexOf = new Map<string, number>();
  participants.forEach((p, i) => {
    if (!indexOf.has(p.id)) indexOf.set(p.id, i);
  });

  const skills = new Interner(taxonomy.names);
  const skillParent: number[] = [...taxonomy.parent];
  const stageOrdinal = new Map<string, number>(prog.stages.map((s, i) => [fold(s), i]));
  const stages = new Interner();
  const departments = new Interner();
  const teams = new Interner();
  const locations = new Interner();
  const styles = new Interner();
  const tags = new Interner();
  const languages = new Interner();
  const baseLanguages = new Interner();

  const role = new Uint8Array(n);
  const capacity = new Int32Array(n);
  const optOut = new Uint8Array(n);
  const minor = new Uint8Array(n);
  const vulnerable = new Uint8Array(n);
  const backgroundCheckValid = new Uint8Array(n);
  const withheld = new Uint16Array(n);
  const stage = new Int16Array(n).fill(-1);
  const stageLabel = new Int32Array(n).fill(-1);
  const manager = new Int32Array(n).fill(-1);
  const department = new Int32Array(n).fill(-1);
  const team = new Int32Array(n).fill(-1);
  const location = new Int32Array(n).fill(-1);
  const communicationStyle = new Int32Array(n).fill(-1);
  const learningStyle = new Int32Array(n).fill(-1);
  const modes = new Uint8Array(n);
  const cadence = new Uint8Array(n);
  const sessionMinutes = new Uint16Array(n);
  const utcOffset = new Int16Array(n);
  const timeZone = new Int32Array(n).fill(-1);
  const minutes = new Int32Array(n);

  const slotMinutes = prog.slotMinutes;
  const slotsPerWeek = MINUTES_PER_WEEK / slotMinutes;
  const words = Math.ceil(slotsPerWeek / 32);
  const bits = new Uint32Array(n * words);

  const offered = new ListBuilder(n, 1);
  const wanted = new ListBuilder(n, 2);
  const closure = new ListBuilder(n, 2);
  const goals = new ListBuilder(n);
  const interests = new ListBuilder(n);
  const background = new ListBuilder(n);
  const langs = new ListBuilder(n);
  const bases = new ListBuilder(n);
  const prefer = new ListBuilder(n);
  const avoid = new ListBuilder(n);
  const previous = new ListBuilder(n);
  const intervalOffsets = new Int32Array(n + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const profiles: SharedProfile[] = new Array(n);
  const policy = prog.taxonomy.unknownSkills;

  // Per-participant scratch, reused so the loop allocates little.
  const levelOf = new Map<number, number>();
  const priorityOf = new Map<number, number>();
  const distanceOf = new Map<number, number>();
  const scratch: number[] = [];

  const skillId = (name: string, i: number, path: (string | number)[]): number => {
    const key = fold(name);
    const known = taxonomy.lookup.get(key);
    if (known !== undefined) return known;
    if (policy === 'keep') {
      const id = skills.id(key);
      if (id === skillParent.length) skillParent.push(-1);
      return id;
    }
    if (policy === 'drop') {
      const id = participants[i].id;
      findings.warnings.push(
        makeIssue(
          { api: API, prefix: [i], subject: recordSubject(i, id), participantId: id },
          'UNKNOWN_SKILL_DROPPED',
          path,
          `${JSON.stringify(name)} is not in the program's taxonomy; dropped`,
        ),
      );
    }
    return -1; // 'reject' was reported by checkAgainstProgram
  };

  const pushTags = (
    builder: ListBuilder,
    values: readonly string[] | undefined,
    interner: Interner,
  ) => {
    if (values !== undefined) {
      scratch.length = 0;
      for (const value of values) scratch.push(interner.id(fold(value)));
      sortUnique(scratch);
      for (const v of scratch) builder.push(v);
    }
    builder.endRow();
  };

  const pushPeople = (builder: ListBuilder, ids: readonly string[], self: number) => {
    scratch.length = 0;
    for (const other of ids) {
      const j = indexOf.get(other);
      if (j !== undefined && j !== self) scratch.push(j);
    }
    sortUnique(scratch);
    for (const v of scratch) builder.push(v);
    builder.endRow();
  };

  for (let i = 0; i < n; i++) {
    const source = participants[i];
    const mask = sharedMask(source, prog);
    withheld[i] = ALL_CONSENT & ~mask;
    // Redact before reading anything consent-governed: below, only `p` is read.
    const p = redact(source, mask) as SharedProfile;
    profiles[i] = p;
    if (source.consent === undefined && mask !== ALL_CONSENT) {
      const dropped = CONSENT_FIELDS.filter((f) => !shares(mask, f) && hasData(source, f));
      if (dropped.length > 0) {
        findings.warnings.push(
          makeIssue(
            {
              api: API,
              prefix: [i],
              subject: recordSubject(i, source.id),
              participantId: source.id,
            },
            'CONSENT_MISSING',
            ['consent'],
            `is absent, so program.consentDefault applies and ${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} not used`,
          ),
        );
      }
    }

    role[i] = ROLE_CODE.get(p.role) ?? 0;
    capacity[i] = p.capacity;
    optOut[i] = p.optOut ? 1 : 0;
    minor[i] = p.safeguarding.minor ? 1 : 0;
    vulnerable[i] = p.safeguarding.vulnerable ? 1 : 0;
    const check = p.safeguarding.backgroundCheck;
    backgroundCheckValid[i] = check !== undefined && check.expiresOn >= prog.date ? 1 : 0;

    if (p.stage !== undefined) {
      const key = fold(p.stage);
      stageLabel[i] = stages.id(key);
      stage[i] = stageOrdinal.get(key) ?? -1;
    }
    if (p.managerId !== undefined) {
      const j = indexOf.get(p.managerId);
      if (j !== undefined && j !== i) manager[i] = j;
    }
    if (p.department !== undefined) department[i] = departments.id(fold(p.department));
    if (p.team !== undefined) team[i] = teams.id(fold(p.team));
    if (p.location !== undefined) location[i] = locations.id(fold(p.location));
    if (p.communicationStyle !== undefined)
      communicationStyle[i] = styles.id(fold(p.communicationStyle));
    if (p.learningStyle !== undefined) learningStyle[i] = styles.id(fold(p.learningStyle));
    if (p.modes !== undefined) for (const mode of p.modes) modes[i] |= MODE_BIT.get(mode) ?? 0;
    if (p.cadence !== undefined) cadence[i] = CADENCE_CODE.get(p.cadence) ?? 0;
    if (p.sessionMinutes !== undefined) sessionMinutes[i] = p.sessionMinutes;

    // Skills: merge repeats (and synonyms) at their highest level and priority.
    levelOf.clear();
    priorityOf.clear();
    distanceOf.clear();
    p.skills?.offered.forEach((skill, j) => {
      const id = skillId(skill.name, i, ['skills', 'offered', j, 'name']);
      if (id >= 0) levelOf.set(id, Math.max(levelOf.get(id) ?? 0, skill.level));
    });
    scratch.length = 0;
    for (const id of levelOf.keys()) scratch.push(id);
    sortUnique(scratch);
    for (const id of scratch) offered.push(id, levelOf.get(id));
    offered.endRow();
    // Closure: walk up from each offered skill, keeping the smallest distance and, at it, the best level.
    for (const id of scratch) {
      const level = levelOf.get(id) ?? 0;
      for (let at = id, d = 0; at !== -1 && d < 256; at = skillParent[at], d++) {
        const seen = distanceOf.get(at);
        if (seen === undefined || d < seen >> 3) distanceOf.set(at, (d << 3) | level);
        else if (d === seen >> 3 && level > (seen & 7)) distanceOf.set(at, (d << 3) | level);
      }
    }
    scratch.length = 0;
    for (const id of distanceOf.keys()) scratch.push(id);
    sortUnique(scratch);
    for (const id of scratch) {
      const packed = distanceOf.get(id) ?? 0;
      closure.push(id, packed & 7, packed >> 3);
    }
    closure.endRow();

    levelOf.clear();
    p.skills?.wanted.forEach((skill, j) => {
      const id = skillId(skill.name, i, ['skills', 'wanted', j, 'name']);
      if (id < 0) return;
      levelOf.set(id, Math.max(levelOf.get(id) ?? 0, skill.level));
      priorityOf.set(id, Math.max(priorityOf.get(id) ?? 0, skill.priority));
    });
    scratch.length = 0;
    for (const id of levelOf.keys()) scratch.push(id);
    sortUnique(scratch);
    for (const id of scratch) wanted.push(id, levelOf.get(id), priorityOf.get(id));
    wanted.endRow();

    pushTags(goals, p.goals, tags);
    pushTags(interests, p.interests, tags);
    pushTags(background, p.background, tags);
    // Language tags were canonicalised by the schema; intern as they are (case matters in BCP 47 canonical form).
    scratch.length = 0;
    const baseIds: number[] = [];
    for (const tag of p.languages ?? []) {
      scratch.push(languages.id(tag));
      baseIds.push(baseLanguages.id(tag.split('-')[0].toLowerCase()));
    }
    sortUnique(scratch);
    for (const v of scratch) langs.push(v);
    langs.endRow();
    sortUnique(baseIds);
    for (const v of baseIds) bases.push(v);
    bases.endRow();

    pushPeople(prefer, p.prefer, i);
    pushPeople(avoid, p.avoid, i);
    pushPeople(previous, p.previousPartners, i);

    if (p.availability !== undefined) {
      const zone = zoneOf(p.availability.timeZone ?? prog.timeZone, i, p.id);
      if (zone >= 0) {
        timeZone[i] = zone;
        utcOffset[i] = zoneOffsets[zone];
        const merged = toUtcIntervals(p.availability.windows, zoneOffsets[zone]);
        let total = 0;
        for (let k = 0; k < merged.length; k += 2) {
          starts.push(merged[k]);
          ends.push(merged[k + 1]);
          total += merged[k + 1] - merged[k];
          setSlots(bits, i * words, merged[k], merged[k + 1], slotMinutes);
        }
        minutes[i] = total;
      }
    }
    intervalOffsets[i + 1] = starts.length;
  }

  if (findings.errors.length > 0) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `${API}: ${findings.errors.length} problem(s) in the cohort`,
      findings.errors,
    );
  }

  const off = offered.finish();
  const want = wanted.finish();
  const clo = closure.finish();
  const skillVocabulary = skills.freeze();
  const cohort: Cohort = {
    size: n,
    program: prog,
    ids: Object.freeze(participants.map((p) => p.id)),
    indexOf,
    profiles: Object.freeze(profiles),
    role,
    capacity,
    optOut,
    minor,
    vulnerable,
    backgroundCheckValid,
    withheld,
    stage,
    stageLabel,
    manager,
    department,
    team,
    location,
    communicationStyle,
    learningStyle,
    modes,
    cadence,
    sessionMinutes,
    skills: Object.freeze({
      ...skillVocabulary,
      parent: Int32Array.from(skillParent),
      taxonomySize: taxonomy.names.length,
      hierarchyCredit: prog.taxonomy.hierarchyCredit,
    }),
    offered: { offsets: off.offsets, values: off.values, levels: off.extra[0] },
    wanted: {
      offsets: want.offsets,
      values: want.values,
      levels: want.extra[0],
      priorities: want.extra[1],
    },
    offeredClosure: {
      offsets: clo.offsets,
      values: clo.values,
      levels: clo.extra[0],
      distances: clo.extra[1],
    },
    goals: lists(goals),
    interests: lists(interests),
    background: lists(background),
    languages: lists(langs),
    baseLanguages: lists(bases),
    availability: Object.freeze({
      slotMinutes,
      slotsPerWeek,
      words,
      bits,
      minutes,
      intervals: {
        offsets: intervalOffsets,
        starts: Int32Array.from(starts),
        ends: Int32Array.from(ends),
      },
      utcOffset,
      timeZone,
      timeZones: zones.freeze(),
    }),
    prefer: lists(prefer),
    avoid: lists(avoid),
    previousPartners: lists(previous),
    vocabularies: Object.freeze({
      stages: stages.freeze(),
      departments: departments.freeze(),
      teams: teams.freeze(),
      locations: locations.freeze(),
      styles: styles.freeze(),
      tags: tags.freeze(),
      languages: languages.freeze(),
      baseLanguages: baseLanguages.freeze(),
    }),
    warnings: Object.freeze(findings.warnings),
  };
  return Object.freeze(cohort);
}

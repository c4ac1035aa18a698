import type { PeermatchIssue } from '../errors.js';
import type { ConsentField, Participant } from './participant-schema.js';
import type { Program } from './program-schema.js';

/**
 * Per-participant lists in compressed sparse row form: participant `i` owns
 * `values[offsets[i]]` up to (not including) `values[offsets[i + 1]]`, sorted ascending and
 * without repeats, so two lists intersect in one merge pass.
 */
export interface CohortLists {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

/** Skills a participant offers: skill ids (sorted) and the level of each (1–5). */
export interface OfferedSkills extends CohortLists {
  readonly levels: Uint8Array;
}

/** Skills a participant wants: skill ids (sorted), target level and priority (1–5) of each. */
export interface WantedSkills extends CohortLists {
  readonly levels: Uint8Array;
  readonly priorities: Uint8Array;
}

/**
 * Offered skills widened up the taxonomy: each offered skill and all its ancestors, with the
 * number of steps up (`0` = offered as such). Wanting `javascript` is served by offering
 * `react` at distance 1, worth `hierarchyCredit ** 1`. `levels` is the best level among the
 * offered skills at that smallest distance.
 */
export interface OfferedSkillClosure extends CohortLists {
  readonly levels: Uint8Array;
  readonly distances: Uint8Array;
}

/** Strings interned to dense integer ids, in order of first appearance. */
export interface Vocabulary {
  readonly names: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
}

/** The skill vocabulary: taxonomy skills first (ids `0 … taxonomySize - 1`), then kept unknowns. */
export interface CohortSkills extends Vocabulary {
  /** Parent skill id, or -1 for a root or a skill outside the taxonomy. */
  readonly parent: Int32Array;
  /** Number of taxonomy skills; ids from here on are unknown skills kept by policy. */
  readonly taxonomySize: number;
  /** The program's credit per hierarchy step, copied here for scorers. */
  readonly hierarchyCredit: number;
}

/**
 * Weekly availability in UTC, Monday 00:00 UTC = minute 0, 10 080 minutes a week, at the
 * offsets in force on the program date.
 */
export interface CohortAvailability {
  /** Minutes per bit of `bits`. */
  readonly slotMinutes: number;
  /** `10080 / slotMinutes`. */
  readonly slotsPerWeek: number;
  /** 32-bit words per participant in `bits`. */
  readonly words: number;
  /**
   * Participant `i` owns words `i * words` to `(i + 1) * words - 1`; bit `k` (word `k >>> 5`,
   * bit `k & 31`) is set when the whole slot `[k * slotMinutes, (k + 1) * slotMinutes)` is
   * free. Overlap of two people is `popcount(a & b)` over `words` words.
   */
  readonly bits: Uint32Array;
  /** Exact free minutes a week (windows merged), including slivers too short for a slot. */
  readonly minutes: Int32Array;
  /** Exact merged intervals `[starts[j], ends[j])` in UTC week minutes, per participant. */
  readonly intervals: {
    readonly offsets: Int32Array;
    readonly starts: Int32Array;
    readonly ends: Int32Array;
  };
  /** UTC offset (minutes, east positive) of the participant's zone on the program date. */
  readonly utcOffset: Int16Array;
  /** Zone id of each participant in `timeZones`, or -1 when availability is withheld. */
  readonly timeZone: Int32Array;
  readonly timeZones: Vocabulary;
}

/**
 * What a scorer may see of a participant: the record with every field it did not agree to share
 * removed (not emptied), so "withheld" cannot be mistaken for "none".
 */
export type SharedProfile = Omit<Participant, ConsentKey> & Partial<Pick<Participant, ConsentKey>>;
type ConsentKey = Exclude<ConsentField, 'meeting'> | 'cadence' | 'sessionMinutes' | 'modes';

/**
 * A normalised cohort: every participant interned to an index `0 … size - 1` (input order), every
 * label interned to an integer id, and every per-participant fact in a typed array, so scorers
 * and constraints work on integers, bitsets and sorted lists. Typed arrays are shared, not
 * copied: treat them as read-only. `-1` means "none or withheld" in `Int32Array`/`Int16Array`
 * fields; check `withheld` to tell which.
 */
export interface Cohort {
  readonly size: number;
  /** The program, parsed and with defaults. */
  readonly program: Program;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Participants with withheld fields removed (see {@link SharedProfile}). */
  readonly profiles: readonly SharedProfile[];
  /** 0 mentor, 1 mentee, 2 peer (`PARTICIPANT_ROLES` order). */
  readonly role: Uint8Array;
  readonly capacity: Int32Array;
  readonly optOut: Uint8Array;
  readonly minor: Uint8Array;
  readonly vulnerable: Uint8Array;
  /** 1 when a background check is on file and does not expire before the program date. */
  readonly backgroundCheckValid: Uint8Array;
  /** Bit `k` set = consent field `CONSENT_FIELD_NAMES[k]` withheld (data dropped). */
  readonly withheld: Uint16Array;
  /** Ordinal in `program.stages` (0 = least senior), or -1. */
  readonly stage: Int16Array;
  /** Stage label id in `vocabularies.stages` (set even when the program has no ordering), or -1. */
  readonly stageLabel: Int32Array;
  /** Index of the participant's manager in this cohort, or -1. */
  readonly manager: Int32Array;
  readonly department: Int32Array;
  readonly team: Int32Array;
  readonly location: Int32Array;
  readonly communicationStyle: Int32Array;
  readonly learningStyle: Int32Array;
  /** Bit `k` set = `MEETING_MODE_NAMES[k]` preferred. */
  readonly modes: Uint8Array;
  /** 0 = none, else 1 + index in `MEETING_CADENCES`. */
  readonly cadence: Uint8Array;
  /** Preferred session length in minutes, 0 = none. */
  readonly sessionMinutes: Uint16Array;
  readonly skills: CohortSkills;
  readonly offered: OfferedSkills;
  readonly wanted: WantedSkills;
  readonly offeredClosure: OfferedSkillClosure;
  readonly goals: CohortLists;
  readonly interests: CohortLists;
  readonly background: CohortLists;
  /** Canonical BCP 47 tag ids (`vocabularies.languages`). */
  readonly languages: CohortLists;
  /** Primary language subtag ids (`vocabularies.baseLanguages`): `en-GB` and `en-US` meet as `en`. */
  readonly baseLanguages: CohortLists;
  readonly availability: CohortAvailability;
  /** Participant indices, for people in the cohort only (self-references dropped). */
  readonly prefer: CohortLists;
  readonly avoid: CohortLists;
  readonly previousPartners: CohortLists;
  readonly vocabularies: {
    readonly stages: Vocabulary;
    readonly departments: Vocabulary;
    readonly teams: Vocabulary;
    readonly locations: Vocabulary;
    readonly styles: Vocabulary;
    readonly tags: Vocabulary;
    readonly languages: Vocabulary;
    readonly baseLanguages: Vocabulary;
  };
  /** Non-fatal findings of normalisation (dropped unknown skills, consent defaults applied). */
  readonly warnings: readonly PeermatchIssue[];
}

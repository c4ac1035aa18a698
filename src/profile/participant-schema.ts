import type * as z from 'zod';
import {
  buildParticipantSchema,
  CADENCES,
  CONSENT_FIELDS,
  MEETING_MODES,
  ROLES,
  type WindowOutput,
} from './_internal/build-participant-schema.js';
import { canonicalLanguageTag } from './_internal/language-tag.js';
import { doc } from './_internal/schema-kit.js';
import { canonicalTimeZone } from './_internal/time-zone.js';
import type { Weekday } from './_internal/weekly-time.js';

/**
 * The zod schema of one participant record. Unknown keys are stripped; time zones and language
 * tags are checked and canonicalised against the engine's `Intl` data. Use
 * {@link parseParticipants} for a whole cohort: it adds duplicate-id, cross-reference and
 * program checks, and reports every problem at once.
 *
 * @example
 * ```ts
 * ParticipantSchema.parse({ id: 'ana', role: 'mentor', languages: ['EN_gb'] }).languages;
 * //=> ['en-GB']
 * ```
 */
export const ParticipantSchema = buildParticipantSchema({
  strict: false,
  checks: { timeZone: canonicalTimeZone, language: canonicalLanguageTag },
  document: doc,
});

/** A validated participant, as {@link parseParticipants} returns it. */
export type Participant = z.output<typeof ParticipantSchema>;
/** What a participant record may look like before parsing (defaults not yet applied). */
export type ParticipantInput = z.input<typeof ParticipantSchema>;
/** `mentor` gives, `mentee` receives, `peer` does both. */
export type ParticipantRole = (typeof ROLES)[number];
/** Ways to meet. */
export type MeetingMode = (typeof MEETING_MODES)[number];
/** How often a participant wants to meet. */
export type MeetingCadence = (typeof CADENCES)[number];
/** An optional field a participant may agree (or not) to share. */
export type ConsentField = (typeof CONSENT_FIELDS)[number];
/** A day of the week, Monday first. */
export type { Weekday };
/** A weekly availability window after parsing: canonical lower-case days and `HH:MM` times. */
export type AvailabilityWindow = WindowOutput;

/** The three roles, in the order of the `role` codes of a `Cohort` (`mentor` = 0). */
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = Object.freeze([...ROLES]);
/** The meeting modes, in the bit order of a `Cohort`'s `modes` mask (`video` = bit 0). */
export const MEETING_MODE_NAMES: readonly MeetingMode[] = Object.freeze([...MEETING_MODES]);
/** The cadences, in the order of the `cadence` codes of a `Cohort` (`weekly` = 1; 0 = none). */
export const MEETING_CADENCES: readonly MeetingCadence[] = Object.freeze([...CADENCES]);
/**
 * Every field a participant can withhold through `consent`. The core fields (`id`, `role`,
 * `capacity`, `name`, `email`) and the safety fields (`safeguarding`, `optOut`, `avoid`,
 * `previousPartners`, `prefer`) are always used: the program cannot run, or cannot keep people
 * safe, without them. `meeting` covers `cadence`, `sessionMinutes` and `modes`.
 */
export const CONSENT_FIELD_NAMES: readonly ConsentField[] = Object.freeze([...CONSENT_FIELDS]);

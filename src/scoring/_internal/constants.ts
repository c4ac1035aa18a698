import { MEETING_CADENCES, MEETING_MODE_NAMES } from '../../profile/participant-schema.js';

// The built-in scorers' fixed factors live here so each scorer file and the fused row
// (`built-in-row.ts`) read one definition and cannot drift apart.

/** communication: the `in-person` bit of `cohort.modes`. */
export const IN_PERSON = 1 << MEETING_MODE_NAMES.indexOf('in-person');
/** communication: different communication styles can still work… */
export const STYLE_MISMATCH = 0.4;
/** …and different learning styles matter less. */
export const LEARNING_MISMATCH = 0.6;

/** languages: sharing only the primary language (`en-GB` with `en-US`) is nearly as good as the same tag. */
export const SAME_BASE = 0.8;

/** reverseMentoring: seniority factor when the giver is less senior, level, or more senior. */
export const JUNIOR_TEACHES = 1;
export const SAME_STAGE = 0.6;
export const SENIOR_TEACHES = 0.2;

/** preferences: one side's view of the other — asked for them, for others only, for nobody. */
export const ASKED = 1;
export const ASKED_FOR_OTHERS = 0.25;
export const NO_PREFERENCE = 0.5;

/** schedule: the `cohort.cadence` code of `ad-hoc`, which agrees with any cadence. */
export const AD_HOC = MEETING_CADENCES.indexOf('ad-hoc') + 1;

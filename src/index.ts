/**
 * peermatch: the public API. Every export is listed here by name.
 */

export type { PeermatchErrorCode, PeermatchIssue } from './errors.js';
// Errors
export { PeermatchError } from './errors.js';
export type {
  Cohort,
  CohortAvailability,
  CohortLists,
  CohortSkills,
  OfferedSkillClosure,
  OfferedSkills,
  SharedProfile,
  Vocabulary,
  WantedSkills,
} from './profile/cohort.js';
export { normalizeCohort } from './profile/normalize-cohort.js';
export type {
  ParseParticipantsOptions,
  UnknownFieldPolicy,
} from './profile/parse-participants.js';
export {
  DEFAULT_PARSE_PARTICIPANTS_OPTIONS,
  parseParticipants,
} from './profile/parse-participants.js';
export type { ParseProgramOptions } from './profile/parse-program.js';
export { DEFAULT_PARSE_PROGRAM_OPTIONS, parseProgram } from './profile/parse-program.js';
export type {
  AvailabilityWindow,
  ConsentField,
  MeetingCadence,
  MeetingMode,
  Participant,
  ParticipantInput,
  ParticipantRole,
  Weekday,
} from './profile/participant-schema.js';
// Profiles: schemas, parsing, normalisation
export {
  CONSENT_FIELD_NAMES,
  MEETING_CADENCES,
  MEETING_MODE_NAMES,
  PARTICIPANT_ROLES,
  ParticipantSchema,
} from './profile/participant-schema.js';
export type {
  Program,
  ProgramInput,
  ProgramKind,
  ProgramMode,
  SkillDefinition,
  UnknownSkillPolicy,
} from './profile/program-schema.js';
export { ProgramSchema } from './profile/program-schema.js';
export type { SafeParseParticipantsResult } from './profile/safe-parse-participants.js';
export { safeParseParticipants } from './profile/safe-parse-participants.js';
export type { JSONSchemaDocument } from './profile/to-json-schema.js';
export { toJSONSchema } from './profile/to-json-schema.js';
export type {
  AssignmentMatrix,
  AssignmentResult,
  SolveAssignmentOptions,
} from './solvers/index.js';
// Solvers (also available on their own as `peermatch/solvers`)
export { SOLVE_ASSIGNMENT_DEFAULTS, solveAssignment } from './solvers/index.js';

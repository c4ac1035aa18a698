/**
 * peermatch: the public API. Every export is listed here by name.
 */

export type { BuildCandidatesOptions } from './compatibility/build-candidates.js';
// Compatibility: the matrix, explanations, diagnostics, suggestions, top-k candidates
export { BUILD_CANDIDATES_DEFAULTS, buildCandidates } from './compatibility/build-candidates.js';
export type { CompatibilityOptions } from './compatibility/build-compatibility.js';
export { buildCompatibility } from './compatibility/build-compatibility.js';
export type {
  CandidateOptions,
  CandidatePartial,
  CandidateRows,
  CandidateSlice,
} from './compatibility/prepare-candidates.js';
export { prepareCandidates } from './compatibility/prepare-candidates.js';
export type { CompatibilityRows } from './compatibility/prepare-compatibility.js';
export { prepareCompatibility } from './compatibility/prepare-compatibility.js';
export type { Suggestion, SuggestOptions } from './compatibility/suggest.js';
export { SUGGEST_DEFAULTS, suggest } from './compatibility/suggest.js';
export type {
  CandidateLists,
  CompatibilityBase,
  CompatibilityCandidates,
  CompatibilityDiagnostics,
  CompatibilityMatrix,
  PairExplanation,
  PartnerDiagnosis,
  ScorerContribution,
  Unpartnered,
} from './compatibility/types.js';
// Constraints: the hard rules
export { blockList } from './constraints/block-list.js';
export { BUILT_IN_CONSTRAINTS } from './constraints/built-in-constraints.js';
export { capacityZero } from './constraints/capacity.js';
export { conflictOfInterest } from './constraints/conflict-of-interest.js';
export type {
  Constraint,
  ConstraintContext,
  ConstraintViolation,
  MatrixLayout,
  PreparedConstraint,
} from './constraints/constraint.js';
export type { ConstraintDefinition } from './constraints/define-constraint.js';
export { defineConstraint } from './constraints/define-constraint.js';
export { minimumOverlap } from './constraints/minimum-overlap.js';
export { noRepeat } from './constraints/no-repeat.js';
export { optOut } from './constraints/opt-out.js';
export { roles } from './constraints/roles.js';
export { safeguarding } from './constraints/safeguarding.js';
export { sharedLanguage } from './constraints/shared-language.js';
export type { PeermatchErrorCode, PeermatchIssue } from './errors.js';
// Errors
export { PeermatchError } from './errors.js';
export type {
  BalanceLevel,
  GroupBalance,
  GroupKind,
  MatchGroupsOptions,
} from './modes/match-groups.js';
export { MATCH_GROUPS_DEFAULTS, matchGroups } from './modes/match-groups.js';
export type { MatchOneToOneOptions } from './modes/match-one-to-one.js';
// Matching modes
export {
  MATCH_ONE_TO_ONE_DEFAULTS,
  MATCH_SCALE_DEFAULTS,
  matchOneToOne,
} from './modes/match-one-to-one.js';
export type { MatchReciprocalOptions } from './modes/match-reciprocal.js';
export { MATCH_RECIPROCAL_DEFAULTS, matchReciprocal } from './modes/match-reciprocal.js';
export type {
  AlternativePartner,
  BlockingPair,
  EndedPair,
  EndedPairReason,
  ExcludingRule,
  GroupMemberFit,
  MatchChanges,
  MatchContribution,
  MatchExplanation,
  MatchedGroup,
  MatchedPair,
  MatchMode,
  MatchObjective,
  MatchPricing,
  MatchResult,
  MatchScale,
  MatchStats,
  ParticipantAlternatives,
  ReciprocalRing,
  RematchPair,
  RingMemberBalance,
  ScoreSummary,
  StabilityReport,
  UnmatchedCode,
  UnmatchedParticipant,
  WidenedParticipant,
} from './modes/match-result.js';
export type { PresetName, PresetProgram, ProgramPreset } from './modes/presets.js';
export { PROGRAM_PRESETS, withPreset } from './modes/presets.js';
export type { RematchChanges, RematchOptions } from './modes/rematch.js';
export { REMATCH_DEFAULTS, rematch } from './modes/rematch.js';
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
export { MATCH_RESULT_CSV_COLUMNS, matchResultToCsv } from './report/match-result-csv.js';
export type { HtmlReportOptions } from './report/render-html-report.js';
// Reports: CSV and a self-contained HTML page
export { HTML_REPORT_DEFAULTS, renderHtmlReport } from './report/render-html-report.js';
// Scoring: the scorer contract and the built-in scorers
export { affinityScorer } from './scoring/affinity.js';
export { BUILT_IN_SCORERS } from './scoring/built-in-scorers.js';
export { communicationScorer } from './scoring/communication.js';
export { defaultWeights } from './scoring/default-weights.js';
export { diversityScorer } from './scoring/diversity.js';
export { goalsScorer } from './scoring/goals.js';
export { interestsScorer } from './scoring/interests.js';
export { languagesScorer } from './scoring/languages.js';
export { preferencesScorer } from './scoring/preferences.js';
export { reverseMentoringScorer } from './scoring/reverse-mentoring.js';
export type { ScheduleScorerOptions } from './scoring/schedule.js';
export {
  createScheduleScorer,
  SCHEDULE_SCORER_DEFAULTS,
  scheduleScorer,
} from './scoring/schedule.js';
export type {
  MissingData,
  PreparedScorer,
  ScoreExplanation,
  Scorer,
  ScorerContext,
} from './scoring/scorer.js';
export type { SkillsScorerOptions } from './scoring/skills.js';
export { createSkillsScorer, SKILLS_SCORER_DEFAULTS, skillsScorer } from './scoring/skills.js';
export { preferredStageGap, stageScorer } from './scoring/stage.js';
// Solvers (also available on their own as `peermatch/solvers`)
export type {
  AssignmentMatrix,
  AssignmentResult,
  CycleCoverMatrix,
  CycleCoverOptions,
  CycleCoverResult,
  MatchingDuals,
  MatchingEdges,
  MaxWeightMatchingOptions,
  MaxWeightMatchingResult,
  ProgressCallback,
  SolveAssignmentOptions,
  SolveSparseAssignmentOptions,
  SparseCandidates,
  WeightedEdge,
  WeightedEdgeArrays,
} from './solvers/index.js';
export {
  CYCLE_COVER_DEFAULTS,
  cycleCover,
  MAX_WEIGHT_MATCHING_DEFAULTS,
  maxWeightMatching,
  SOLVE_ASSIGNMENT_DEFAULTS,
  SOLVE_SPARSE_ASSIGNMENT_DEFAULTS,
  solveAssignment,
  solveSparseAssignment,
} from './solvers/index.js';

/**
 * `peermatch/solvers`: numeric assignment and matching kernels on typed arrays.
 * Knows nothing of mentoring; usable on its own.
 */

export type { PeermatchErrorCode, PeermatchIssue } from '../errors.js';
export { PeermatchError } from '../errors.js';
export type { CycleCoverMatrix, CycleCoverOptions, CycleCoverResult } from './cycle-cover.js';
export { CYCLE_COVER_DEFAULTS, cycleCover } from './cycle-cover.js';
export type {
  MatchingDuals,
  MatchingEdges,
  MaxWeightMatchingOptions,
  MaxWeightMatchingResult,
  WeightedEdge,
  WeightedEdgeArrays,
} from './max-weight-matching.js';
export { MAX_WEIGHT_MATCHING_DEFAULTS, maxWeightMatching } from './max-weight-matching.js';
export type {
  AssignmentMatrix,
  AssignmentResult,
  ProgressCallback,
  SolveAssignmentOptions,
} from './solve-assignment.js';
export { SOLVE_ASSIGNMENT_DEFAULTS, solveAssignment } from './solve-assignment.js';
export type {
  SolveSparseAssignmentOptions,
  SparseCandidates,
} from './solve-sparse-assignment.js';
export {
  SOLVE_SPARSE_ASSIGNMENT_DEFAULTS,
  solveSparseAssignment,
} from './solve-sparse-assignment.js';

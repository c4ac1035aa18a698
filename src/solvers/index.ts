/**
 * `peermatch/solvers`: numeric assignment and matching kernels on typed arrays.
 * Knows nothing of mentoring; usable on its own.
 */

export type { PeermatchErrorCode, PeermatchIssue } from '../errors.js';
export { PeermatchError } from '../errors.js';
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
  SolveAssignmentOptions,
} from './solve-assignment.js';
export { SOLVE_ASSIGNMENT_DEFAULTS, solveAssignment } from './solve-assignment.js';

/**
 * peermatch: the public API. Every export is listed here by name.
 */
export { PeermatchError } from './errors.js';
export type { PeermatchErrorCode, PeermatchIssue } from './errors.js';
export { solveAssignment } from './solvers/index.js';
export type {
  AssignmentMatrix,
  AssignmentResult,
  SolveAssignmentOptions,
} from './solvers/index.js';

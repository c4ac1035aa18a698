/**
 * The dense one-to-one solve of `matchOneToOne`: mentor seats, the mentees and mentors who can
 * take part, and the capacity kernel run once per objective (most pairs then total, total, or
 * the bottleneck search of `fairness`).
 */

import type { CompatibilityMatrix } from '../../compatibility/types.js';
import { PeermatchError } from '../../errors.js';
import type { Cohort } from '../../profile/cohort.js';
import { capacitatedAssignment } from '../../solvers/_internal/capacitated-assignment.js';
import { solveAssignment } from '../../solvers/solve-assignment.js';
import type { MatchObjective } from '../match-result.js';

/** The errors say which public function they come from. */
const API = 'matchOneToOne';

function checkAborted(signal: AbortSignal | undefined, step: string): void {
  if (signal?.aborted) throw new PeermatchError('ABORTED', `${API}: aborted ${step}`);
}

/** Mentor seats: mentor `m` owns `capacity[m]` consecutive columns. */
export interface Seats {
  readonly count: number;
  /** The mentor (row of the compatibility matrix) of each seat. */
  readonly mentor: Int32Array;
  readonly capacity: Int32Array;
}

export function seatsOf(cohort: Cohort, matrix: CompatibilityMatrix): Seats {
  const capacity = new Int32Array(matrix.rows);
  let count = 0;
  for (let m = 0; m < matrix.rows; m++) {
    capacity[m] = Math.max(0, cohort.capacity[matrix.left[m]]);
    count += capacity[m];
  }
  const mentor = new Int32Array(count);
  for (let m = 0, s = 0; m < matrix.rows; m++) {
    mentor.fill(m, s, s + capacity[m]);
    s += capacity[m];
  }
  return { count, mentor, capacity };
}

/**
 * The part of the problem that can matter: mentees with at least one suitable mentor, and of
 * each mentor only as many seats as they have suitable mentees (identical seats beyond that can
 * never all fill). Dropping all-forbidden rows and columns keeps the optimum and keeps the dense
 * matrix, and the solver's fallback for incomplete assignments, as small as possible.
 */
interface Active {
  /** Mentee (matrix column) of each solver row. */
  readonly rows: Int32Array;
  /** Seat of each solver column. */
  readonly seats: Int32Array;
  /** Mentors (matrix rows) with a useful seat, and how many seats of each can be used. */
  readonly mentors: Int32Array;
  readonly capacity: Int32Array;
}

function activePart(matrix: CompatibilityMatrix, seats: Seats, minScore: number): Active {
  const { rows: mentors, cols: mentees, scores, allowed } = matrix;
  const suitableMentees = new Int32Array(mentors);
  const hasMentor = new Uint8Array(mentees);
  for (let m = 0; m < mentors; m++) {
    if (seats.capacity[m] === 0) continue;
    const base = m * mentees;
    for (let e = 0; e < mentees; e++) {
      if (allowed[base + e] === 1 && scores[base + e] >= minScore) {
        suitableMentees[m]++;
        hasMentor[e] = 1;
      }
    }
  }
  const rows: number[] = [];
  for (let e = 0; e < mentees; e++) if (hasMentor[e] === 1) rows.push(e);
  const kept: number[] = [];
  const useful: number[] = [];
  const capacity: number[] = [];
  for (let m = 0, s = 0; m < mentors; m++) {
    const keep = Math.min(seats.capacity[m], suitableMentees[m]);
    for (let k = 0; k < keep; k++) kept.push(s + k);
    if (keep > 0) {
      useful.push(m);
      capacity.push(keep);
    }
    s += seats.capacity[m];
  }
  return {
    rows: Int32Array.from(rows),
    seats: Int32Array.from(kept),
    mentors: Int32Array.from(useful),
    capacity: Int32Array.from(capacity),
  };
}

/** Mentees per block when transposing the matrix for the kernel. */
const TRANSPOSE_BLOCK = 64;

/**
 * Every active mentee placed with an active mentor (plus, unless `stayOut` is null, one
 * "unmatched" column scoring `stayOut` that takes anyone): the capacitated kernel on mentees ×
 * mentors, or `null` when no complete placement exists. The mentor of each mentee (matrix row),
 * or -1.
 */
function placeAll(
  matrix: CompatibilityMatrix,
  active: Active,
  threshold: number,
  unit: boolean,
  stayOut: number | null,
): Int32Array | null {
  const rows = active.rows.length;
  const cols = active.mentors.length + (stayOut === null ? 0 : 1);
  const capacity = new Int32Array(cols);
  capacity.set(active.capacity);
  if (stayOut !== null) capacity[cols - 1] = rows;
  let room = 0;
  for (const c of capacity) room += c;
  if (room < rows) return null;
  const data = new Float64Array(rows * cols);
  const { scores, allowed } = matrix;
  // The matrix is mentors × mentees and `data` its transpose: blocks of mentees keep the reads
  // of each mentor's row close together (about twice as fast as one mentee at a time).
  for (let r0 = 0; r0 < rows; r0 += TRANSPOSE_BLOCK) {
    const r1 = Math.min(rows, r0 + TRANSPOSE_BLOCK);
    for (let c = 0; c < active.mentors.length; c++) {
      const mentorBase = active.mentors[c] * matrix.cols;
      for (let r = r0; r < r1; r++) {
        const cell = mentorBase + active.rows[r];
        data[r * cols + c] =
          allowed[cell] === 1 && scores[cell] >= threshold
            ? unit
              ? 1
              : scores[cell]
            : Number.NEGATIVE_INFINITY;
      }
    }
  }
  if (stayOut !== null) for (let r = 0; r < rows; r++) data[r * cols + cols - 1] = stayOut;
  const placed = capacity.every((c) => c === 1)
    ? assignOnePerMentor(data, rows, cols)
    : capacitatedAssignment(data, rows, cols, capacity);
  if (placed === null) return null;
  const out = new Int32Array(matrix.cols).fill(-1);
  for (let r = 0; r < rows; r++) {
    const c = placed[r];
    if (c < active.mentors.length) out[active.rows[r]] = active.mentors[c];
  }
  return out;
}

/**
 * Every mentor taking one mentee is a plain assignment, solved by the dense Jonker–Volgenant
 * solver with its sparse start (much faster than the capacitated kernel before that kernel had
 * a sparse start of its own; on generated cohorts the kernel now beats it, e.g. 3,000 × 3,000
 * in 0.42 s against 0.98 s and 5,000 × 5,000 in 2.6 s against 4.2 s on a busy machine, so this
 * branch may go once measured on a quiet one). `null` when not every mentee can be placed.
 */
function assignOnePerMentor(data: Float64Array, rows: number, cols: number): Int32Array | null {
  try {
    return solveAssignment({ rows, cols, data }, { maximize: true }).rowToCol;
  } catch (error) {
    if (PeermatchError.is(error) && error.code === 'INFEASIBLE') return null;
    throw error;
  }
}

function countPairs(assigned: Int32Array): number {
  let n = 0;
  for (const m of assigned) if (m >= 0) n++;
  return n;
}

/** The assignment for the objective: each mentee's mentor row, or -1. */
export function solve(
  matrix: CompatibilityMatrix,
  seats: Seats,
  objective: MatchObjective,
  minScore: number,
  signal: AbortSignal | undefined,
): { assigned: Int32Array; bottleneck: number | null } {
  const mentees = matrix.cols;
  const active = activePart(matrix, seats, minScore);
  if (active.rows.length === 0 || active.seats.length === 0) {
    return { assigned: new Int32Array(mentees).fill(-1), bottleneck: null };
  }
  // The capacitated kernel on mentees × mentors, with an "unmatched" column when not every
  // active mentee can be placed: staying out then costs more than any two totals can differ
  // (scores are in [0, 1], so by at most one per mentee), which makes the optimum the most
  // pairs first and then the best total, without seat columns.
  const stayOut = -(active.rows.length + 1);
  const assign = (threshold: number, unit: boolean) => {
    const assigned =
      placeAll(matrix, active, threshold, unit, null) ??
      placeAll(matrix, active, threshold, unit, stayOut);
    if (assigned === null) throw new Error(`${API}: internal error, could not place everyone`);
    return assigned;
  };
  if (objective === 'total') {
    // A zero-valued "unmatched" column that takes anyone makes every mentee placeable, so the
    // optimum is the maximum-weight matching, not the maximum-cardinality one.
    const assigned = placeAll(matrix, active, minScore, false, 0);
    if (assigned === null)
      throw new Error(`${API}: internal error, 'total' could not place everyone`);
    return { assigned, bottleneck: null };
  }
  const assigned = assign(minScore, false);
  if (objective === 'coverage') return { assigned, bottleneck: null };
  const most = countPairs(assigned);
  if (most === 0) return { assigned, bottleneck: null };
  // Candidate thresholds: the distinct suitable scores. The matched minimum is one of them,
  // and "the most pairs is still reachable with every score ≥ t" is monotone in t.
  const distinct = new Set<number>();
  for (let c = 0; c < matrix.scores.length; c++) {
    if (matrix.allowed[c] === 1 && matrix.scores[c] >= minScore) distinct.add(matrix.scores[c]);
  }
  const thresholds = [...distinct].sort((a, b) => a - b);
  let lo = 0; // always feasible: every suitable pair is ≥ thresholds[0]
  let hi = thresholds.length - 1;
  while (lo < hi) {
    checkAborted(signal, 'during the bottleneck search');
    const mid = (lo + hi + 1) >>> 1;
    if (countPairs(assign(thresholds[mid], true)) === most) lo = mid;
    else hi = mid - 1;
  }
  const bottleneck = thresholds[lo];
  checkAborted(signal, 'before the final assignment');
  return { assigned: assign(bottleneck, false), bottleneck };
}

/** What {@link assemble} needs beyond the assignment. */

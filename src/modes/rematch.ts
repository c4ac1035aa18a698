/**
 * Re-matching with minimal disruption: working pairs stay, only the people a change affects are
 * matched again, by one linear sum assignment (Jonker & Volgenant 1987; Crouse 2016) on
 * affected mentees × the mentors' remaining seats.
 */

import { buildCompatibility } from '../compatibility/build-compatibility.js';
import type { CompatibilityMatrix } from '../compatibility/types.js';
import { BUILT_IN_CONSTRAINTS } from '../constraints/built-in-constraints.js';
import type { Constraint, PreparedConstraint } from '../constraints/constraint.js';
import { defineConstraint } from '../constraints/define-constraint.js';
import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import { parseProgram } from '../profile/parse-program.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import { solveAssignment } from '../solvers/solve-assignment.js';
import {
  pairKey,
  REMATCH_DEFAULTS,
  type RematchChanges,
  type RematchInput,
  type RematchOptions,
  readRematchInput,
} from './_internal/rematch-input.js';
import { summarizeScores } from './_internal/score-summary.js';
import { explainUnmatched } from './_internal/unmatched.js';
import type {
  EndedPair,
  MatchExplanation,
  MatchedPair,
  MatchResult,
  RematchPair,
} from './match-result.js';

export type { RematchChanges, RematchOptions };
export { REMATCH_DEFAULTS };

const API = 'rematch';
const EXCLUSION_RULE = 'rematchExclusions';

function byPair(a: { mentorId: string; menteeId: string }, b: typeof a): number {
  if (a.mentorId !== b.mentorId) return a.mentorId < b.mentorId ? -1 : 1;
  return a.menteeId < b.menteeId ? -1 : a.menteeId > b.menteeId ? 1 : 0;
}

/** Every built-in and custom rule in force except `noRepeat`: a running pair is its own past. */
function ruleCheck(
  cohort: Cohort,
  program: Program,
  custom: readonly Constraint[],
): (a: number, b: number) => string | null {
  const switches = program.constraints as Readonly<Record<string, boolean | undefined>>;
  const builtIn = new Set(BUILT_IN_CONSTRAINTS.flatMap((c) => c.rules ?? [c.name]));
  const enabled = (rule: string) =>
    rule !== 'noRepeat' && (builtIn.has(rule) ? switches[rule] === true : switches[rule] !== false);
  const prepared: PreparedConstraint[] = [];
  for (const c of [...BUILT_IN_CONSTRAINTS, ...custom]) {
    const p = c.prepare({ cohort, program, layout: 'directed', enabled });
    if (p) prepared.push(p);
  }
  return (a, b) => {
    for (const p of prepared) {
      if (p.allows(a, b) !== true)
        return p.violations(a, b)[0]?.message ?? 'a hard rule forbids it';
    }
    return null;
  };
}

function copyExplanation(e: MatchExplanation | undefined): MatchExplanation {
  return {
    summary: e?.summary ?? '',
    contributions: (e?.contributions ?? []).map((c) => ({ ...c })),
  };
}

function explanationOf(matrix: CompatibilityMatrix, mentorId: string, menteeId: string) {
  const why = matrix.explain(mentorId, menteeId);
  return {
    score: why.scoreIfAllowed,
    explanation: {
      summary: why.summary,
      contributions: why.contributions.map((c) => ({
        scorer: c.scorer,
        share: c.share,
        score: c.score,
        contribution: c.contribution,
        reason: c.reason,
      })),
    },
  };
}

/**
 * Re-matches after changes, keeping every working pair: people who left and failed pairs end
 * their pairs; the freed people, newcomers and the previously unmatched are matched to the
 * mentors' **remaining** seats (capacity minus kept pairs). A failed pair is never recreated.
 *
 * - Only the affected people enter the compatibility matrix (mentors with a free seat × mentees
 *   without a kept pair), so a few dozen changes in a large cohort cost little.
 * - A kept pair that a hard rule now forbids (a changed profile) ends with `NOW_FORBIDDEN`.
 * - `allowBreaking`: kept pairs may be broken when that makes a better result; each kept pair's
 *   score is raised by `breakPenalty`, so a pair breaks only when it gains more than that.
 * - `waitingWeight`: each week waited (`changes.waited`) adds this much to all of a mentee's
 *   cells, so among equal choices those who waited longest are matched first.
 * - `rotation`: a new round in which every past pair (the previous result and
 *   `previousPartners`) is forbidden; nobody keeps a partner.
 *
 * Objective: `'coverage'` (default: most pairs, then largest total) or `'total'`. Kept pairs
 * keep their previous score and explanation. Deterministic; nothing passed in is modified.
 *
 * @param cohort - The current cohort (newcomers and changed profiles included).
 * @param previous - The previous one-to-one or re-match result.
 * @param changes - See {@link RematchChanges}.
 * @param program - The program in force (default `cohort.program`).
 * @param options - See {@link RematchOptions}.
 * @returns A {@link MatchResult} with `mode: 'rematch'` and `changes` (kept, broken, new, ended).
 * @throws {PeermatchError} `INVALID_INPUT` (bad previous result or changes), `INVALID_OPTIONS`,
 *   `ABORTED`.
 * @example
 * ```ts
 * const next = rematch(cohort, previous, {
 *   left: ['ana'],
 *   failed: [{ mentorId: 'raj', menteeId: 'bo', reason: 'no chemistry' }],
 * });
 * next.changes?.new.map((p) => `${p.mentorId}→${p.menteeId}`);
 * //=> ['lee→bo', 'raj→eve']
 * ```
 */
export function rematch(
  cohort: Cohort,
  previous: MatchResult,
  changes?: RematchChanges,
  program?: ProgramInput | Program,
  options?: RematchOptions,
): MatchResult {
  const input = readRematchInput(cohort, previous, changes, options);
  const parsed = program === undefined ? cohort.program : parseProgram(program);
  const active = (id: string) => cohort.indexOf.has(id) && !input.left.has(id);

  // 1. Sort every previous pair into kept or ended.
  const check = ruleCheck(cohort, parsed, input.opts.constraints ?? []);
  const kept: MatchedPair[] = [];
  const ended: EndedPair[] = [];
  for (const p of input.previousPairs) {
    const key = pairKey(p.mentorId, p.menteeId);
    const end = (reason: EndedPair['reason'], message: string) =>
      ended.push({ mentorId: p.mentorId, menteeId: p.menteeId, reason, message });
    if (!active(p.mentorId) || !active(p.menteeId)) {
      const who = active(p.mentorId) ? p.menteeId : p.mentorId;
      end('LEFT', `${who} left`);
    } else if (input.failed.has(key)) {
      const why = input.failed.get(key);
      end('FAILED', `the pair failed${why ? `: ${why}` : ''}`);
    } else if (input.rotation) {
      end('ROTATION', 'a rotation round gives everyone a new partner');
    } else {
      const broken = check(
        cohort.indexOf.get(p.mentorId) as number,
        cohort.indexOf.get(p.menteeId) as number,
      );
      if (broken === null) kept.push(p);
      else end('NOW_FORBIDDEN', broken);
    }
  }

  // 2. Who takes part: mentors with a free seat, mentees without a kept pair (everyone when
  // kept pairs may break).
  const keptCount = new Map<string, number>();
  const keptMentee = new Map<string, string>();
  for (const p of kept) {
    keptCount.set(p.mentorId, (keptCount.get(p.mentorId) ?? 0) + 1);
    keptMentee.set(p.menteeId, p.mentorId);
  }
  const mentorIds: string[] = [];
  const menteeIds: string[] = [];
  const remaining: number[] = [];
  for (let i = 0; i < cohort.size; i++) {
    const id = cohort.ids[i];
    if (input.left.has(id)) continue;
    if (cohort.role[i] === 0) mentorIds.push(id);
    else if (cohort.role[i] === 1 && (input.allowBreaking || !keptMentee.has(id)))
      menteeIds.push(id);
  }
  mentorIds.sort();
  menteeIds.sort();
  const mentors: string[] = [];
  for (const id of mentorIds) {
    const cap = Math.max(0, cohort.capacity[cohort.indexOf.get(id) as number]);
    const seats = input.allowBreaking ? cap : Math.max(0, cap - (keptCount.get(id) ?? 0));
    if (seats > 0 || (input.allowBreaking && cap > 0)) {
      mentors.push(id);
      remaining.push(seats);
    }
  }

  // 3. Failed pairs, and in rotation every previous pair, are forbidden by one more rule.
  const excluded = new Map<string, string>();
  for (const p of input.previousPairs) {
    const key = pairKey(p.mentorId, p.menteeId);
    if (input.failed.has(key))
      excluded.set(key, `${p.mentorId} and ${p.menteeId} failed as a pair`);
    else if (input.rotation)
      excluded.set(key, `${p.mentorId} and ${p.menteeId} were partners in the previous round`);
  }
  const exclusion = defineConstraint({
    name: EXCLUSION_RULE,
    code: 'EXCLUDED_PAIR',
    description: 'Failed pairs (and, in rotation, every past pair) are not made again.',
    allows: (a, b, c) => !excluded.has(pairKey(c.ids[a], c.ids[b])),
    message: (a, b, c) => excluded.get(pairKey(c.ids[a], c.ids[b])) ?? 'excluded',
  });
  const programInForce: ProgramInput | Program | undefined = input.rotation
    ? { ...parsed, constraints: { ...parsed.constraints, noRepeat: true } }
    : program;
  const { opts, progress } = input;
  progress?.('matrix', 0, 1);
  const matrix = buildCompatibility(cohort, programInForce, {
    left: mentors,
    right: menteeIds,
    layout: 'directed',
    constraints: [...(opts.constraints ?? []), exclusion],
    ...(opts.scorers === undefined ? {} : { scorers: opts.scorers }),
    ...(opts.weights === undefined ? {} : { weights: opts.weights }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  });
  progress?.('matrix', 1, 1);

  // 4. One assignment: mentees × remaining seats.
  const rows = matrix.cols;
  const seatMentor: number[] = [];
  remaining.forEach((seats, m) => {
    for (let s = 0; s < seats; s++) seatMentor.push(m);
  });
  const keptCell = new Map<number, number>(); // cell → score, kept pairs when breaking is allowed
  if (input.allowBreaking) {
    const col = new Map(menteeIds.map((id, e) => [id, e]));
    const row = new Map(mentors.map((id, m) => [id, m]));
    for (const p of kept) {
      const m = row.get(p.mentorId);
      const e = col.get(p.menteeId);
      if (m !== undefined && e !== undefined) {
        keptCell.set(m * rows + e, explanationOf(matrix, p.mentorId, p.menteeId).score);
      }
    }
  }
  const extra = input.objective === 'total' ? rows : 0;
  const cols = seatMentor.length + extra;
  const data = new Float64Array(rows * cols);
  for (let e = 0; e < rows; e++) {
    const bonus = input.waitingWeight * (input.waited.get(menteeIds[e]) ?? 0);
    for (let s = 0; s < seatMentor.length; s++) {
      const cell = seatMentor[s] * rows + e;
      const keptScore = keptCell.get(cell);
      data[e * cols + s] =
        keptScore !== undefined
          ? keptScore + input.breakPenalty + bonus
          : matrix.allowed[cell] === 1 && matrix.scores[cell] >= input.minScore
            ? matrix.scores[cell] + bonus
            : Number.NEGATIVE_INFINITY;
    }
  }
  const assigned = new Int32Array(rows).fill(-1);
  progress?.('solve', 0, rows);
  if (rows > 0 && seatMentor.length > 0) {
    if (opts.signal?.aborted) throw new PeermatchError('ABORTED', `${API}: aborted before solving`);
    const { rowToCol } = solveAssignment(
      { rows, cols, data },
      {
        maximize: true,
        partial: input.objective === 'coverage',
        ...(opts.signal === undefined ? {} : { signal: opts.signal }),
        ...(progress === undefined
          ? {}
          : {
              onProgress: (_: string, done: number, total: number) =>
                progress('solve', done, total),
            }),
      },
    );
    for (let e = 0; e < rows; e++) {
      if (rowToCol[e] >= 0 && rowToCol[e] < seatMentor.length)
        assigned[e] = seatMentor[rowToCol[e]];
    }
  }
  progress?.('solve', rows, rows);

  progress?.('report', 0, 1);
  const result = assemble(
    cohort,
    input,
    matrix,
    mentors,
    menteeIds,
    remaining,
    assigned,
    kept,
    ended,
    keptCell,
  );
  progress?.('report', 1, 1);
  return result;
}

function assemble(
  cohort: Cohort,
  input: RematchInput,
  matrix: CompatibilityMatrix,
  mentors: readonly string[],
  menteeIds: readonly string[],
  remaining: readonly number[],
  assigned: Int32Array,
  kept: readonly MatchedPair[],
  ended: readonly EndedPair[],
  keptCell: ReadonlyMap<number, number>,
): MatchResult {
  const rows = matrix.cols;
  const pairs: MatchedPair[] = [];
  const newPairs: RematchPair[] = [];
  const keptOut: RematchPair[] = [];
  const brokenOut: RematchPair[] = [];
  const stays = new Set<string>();
  for (let e = 0; e < rows; e++) {
    const m = assigned[e];
    if (m < 0) continue;
    const cell = m * rows + e;
    const isKept = keptCell.has(cell);
    // Safety property: a forbidden pair is never in a result (kept pairs were checked above).
    if (!isKept && (matrix.allowed[cell] !== 1 || !(matrix.scores[cell] >= input.minScore))) {
      throw new Error(`${API}: internal error, unsuitable pair (${mentors[m]}, ${menteeIds[e]})`);
    }
    if (isKept) {
      stays.add(pairKey(mentors[m], menteeIds[e]));
      continue;
    }
    const { score, explanation } = explanationOf(matrix, mentors[m], menteeIds[e]);
    pairs.push({ mentorId: mentors[m], menteeId: menteeIds[e], score, explanation });
    newPairs.push({ mentorId: mentors[m], menteeId: menteeIds[e], score });
  }
  for (const p of kept) {
    const summary = { mentorId: p.mentorId, menteeId: p.menteeId, score: p.score };
    if (input.allowBreaking && !stays.has(pairKey(p.mentorId, p.menteeId))) {
      brokenOut.push(summary);
      continue;
    }
    pairs.push({ ...summary, explanation: copyExplanation(p.explanation) });
    keptOut.push(summary);
  }
  pairs.sort(byPair);
  // Seats used by kept pairs are not in the matrix; a mentor who keeps a pair is not unmatched.
  const matchedMentors = new Set(pairs.map((p) => p.mentorId));
  const matchedMentees = new Set(pairs.map((p) => p.menteeId));
  const unmatched = explainUnmatched(matrix, Int32Array.from(remaining), assigned, input.minScore)
    .filter((u) => !(u.role === 'mentor' && matchedMentors.has(u.participantId)))
    .filter((u) => !(u.role === 'mentee' && matchedMentees.has(u.participantId)));
  let activeMentors = 0;
  let activeMentees = 0;
  let seats = 0;
  for (let i = 0; i < cohort.size; i++) {
    if (input.left.has(cohort.ids[i])) continue;
    if (cohort.role[i] === 0) {
      activeMentors++;
      seats += Math.max(0, cohort.capacity[i]);
    } else if (cohort.role[i] === 1) activeMentees++;
  }
  const scores = pairs.map((p) => p.score);
  let unmatchedMentors = 0;
  for (const u of unmatched) if (u.role === 'mentor') unmatchedMentors++;
  return {
    mode: 'rematch',
    objective: input.objective,
    minScore: input.minScore,
    pairs,
    unmatched,
    stats: {
      matched: pairs.length,
      mentors: activeMentors,
      mentees: activeMentees,
      unmatchedMentors,
      unmatchedMentees: unmatched.length - unmatchedMentors,
      totalScore: scores.reduce((a, b) => a + b, 0),
      scores: summarizeScores(scores),
      seats: { total: seats, used: pairs.length },
    },
    changes: {
      kept: keptOut.sort(byPair),
      broken: brokenOut.sort(byPair),
      new: newPairs.sort(byPair),
      ended: [...ended].sort(byPair),
    },
  };
}

/**
 * Group mentoring and peer circles: construct-then-improve on pairwise weights (seeded groups,
 * one optimal assignment per round on marginal gains, then moves and swaps — Kernighan & Lin
 * 1970). See `_internal/group-search.ts` for the search itself.
 */

import { buildCompatibility } from '../compatibility/build-compatibility.js';
import type { CompatibilityMatrix, PartnerDiagnosis } from '../compatibility/types.js';
import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import { parseProgram } from '../profile/parse-program.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import {
  MATCH_GROUPS_DEFAULTS,
  type MatchGroupsOptions,
  readGroupOptions,
} from './_internal/group-options.js';
import { type GroupProblem, searchGroups, spreadSeeds } from './_internal/group-search.js';
import { type MemberWeights, memberWeights } from './_internal/group-weights.js';
import { summarizeScores } from './_internal/score-summary.js';
import type {
  GroupMemberFit,
  MatchedGroup,
  MatchedPair,
  MatchResult,
  UnmatchedCode,
  UnmatchedParticipant,
} from './match-result.js';

export type { GroupKind, MatchGroupsOptions } from './_internal/group-options.js';
export type { BalanceLevel, GroupBalance } from './_internal/group-weights.js';
export { MATCH_GROUPS_DEFAULTS };

const API = 'matchGroups';
/** Cohorts up to this size are searched from every first seed. */
const RESTART_LIMIT = 40;
const ROLE_NAMES = ['mentor', 'mentee', 'peer'] as const;

interface Formed {
  /** Member indices of each group (some may be empty). */
  readonly members: number[][];
  /** The group of each person, or -1. */
  readonly groupOf: Int32Array;
}

function compatibilityOptions(opts: MatchGroupsOptions) {
  return {
    ...(opts.scorers === undefined ? {} : { scorers: opts.scorers }),
    ...(opts.constraints === undefined ? {} : { constraints: opts.constraints }),
    ...(opts.weights === undefined ? {} : { weights: opts.weights }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  };
}

function membersOf(groupOf: Int32Array, groups: number): number[][] {
  const out: number[][] = Array.from({ length: groups }, () => []);
  groupOf.forEach((g, i) => {
    if (g >= 0) out[g].push(i);
  });
  return out;
}

/**
 * Group counts to try: small cohorts try every count (hard rules may need many small groups);
 * large ones the fewest groups that hold everyone, which the objective (a sum over pairs)
 * favours — with one more as a fallback when the fewest is infeasible.
 */
function groupCounts(n: number, min: number, max: number): number[] {
  const out: number[] = [];
  const last = n <= RESTART_LIMIT ? Math.floor(n / min) : Math.ceil(n / max) + 1;
  if (n > RESTART_LIMIT) {
    const fewest = Math.ceil(n / max);
    if (fewest * min <= n) return [fewest];
  }
  for (let g = Math.ceil(n / max); g <= last; g++) {
    if (g > 0 && g * min <= n && n <= g * max) out.push(g);
  }
  if (out.length === 0 && n >= min) out.push(Math.floor(n / min));
  return out;
}

function formCircles(w: MemberWeights, min: number, max: number, maxPasses: number): Formed {
  const { n, weight, forbidden } = w;
  const eligible = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n && eligible[i] === 0; j++) {
      if (j !== i && forbidden[i * n + j] === 0) eligible[i] = 1;
    }
    count += eligible[i];
  }
  let best: { groupOf: Int32Array; total: number; groups: number } | null = null;
  // Small cohorts afford restarts from every first seed (the search is cheap there); large ones
  // get one deterministic start (-1: the default first seed).
  const lastStart = n <= RESTART_LIMIT ? n - 1 : -1;
  for (const groups of groupCounts(count, min, max)) {
    for (let start = -1; start <= lastStart; start++) {
      const found = searchGroups(
        {
          n,
          weight,
          forbidden,
          groups,
          anchor: null,
          anchorForbidden: null,
          minSize: new Int32Array(groups).fill(min),
          maxSize: new Int32Array(groups).fill(max),
          seeds: spreadSeeds(n, weight, forbidden, groups, eligible, start),
          maxPasses,
        },
        eligible,
      );
      if (best === null || better(found, best)) best = { ...found, groups };
    }
  }
  const groupOf = best?.groupOf ?? new Int32Array(n).fill(-1);
  return { members: membersOf(groupOf, best?.groups ?? 0), groupOf };
}

function placedCount(groupOf: Int32Array): number {
  let placed = 0;
  for (const g of groupOf) if (g >= 0) placed++;
  return placed;
}

function better(a: { groupOf: Int32Array; total: number }, b: typeof a): boolean {
  const pa = placedCount(a.groupOf);
  const pb = placedCount(b.groupOf);
  return pa > pb || (pa === pb && a.total > b.total + 1e-9);
}

/** Each mentor with room, in order, seeded with their `rank`-th best allowed mentee not yet taken. */
function rankedSeeds(p: GroupProblem, cap: Int32Array, rank: number): Int32Array {
  const seeds = new Int32Array(p.groups).fill(-1);
  const taken = new Uint8Array(p.n);
  for (let g = 0; g < p.groups; g++) {
    if (cap[g] === 0) continue;
    const order: number[] = [];
    for (let i = 0; i < p.n; i++) {
      if (taken[i] === 0 && p.anchorForbidden?.[g * p.n + i] === 0) order.push(i);
    }
    order.sort((a, b) => (p.anchor?.[g * p.n + b] ?? 0) - (p.anchor?.[g * p.n + a] ?? 0) || a - b);
    const pick = order[Math.min(rank, order.length - 1)];
    if (pick !== undefined) {
      seeds[g] = pick;
      taken[pick] = 1;
    }
  }
  return seeds;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function pairExplanation(matrix: CompatibilityMatrix, mentorId: string, menteeId: string) {
  const why = matrix.explain(mentorId, menteeId);
  return {
    summary: why.summary,
    contributions: why.contributions.map((c) => ({
      scorer: c.scorer,
      share: c.share,
      score: c.score,
      contribution: c.contribution,
      reason: c.reason,
    })),
  };
}

/** Describes one group: member fits, the mean link, and its weakest link. */
function describeGroup(
  id: string,
  mentorId: string | null,
  memberIds: readonly string[],
  members: readonly number[],
  raw: Float64Array,
  n: number,
  mentorFitOf: (member: number) => number | null,
): MatchedGroup {
  const fits: GroupMemberFit[] = [];
  const links: number[] = [];
  let weakest: { a: string; b: string; score: number } | null = null;
  members.forEach((i, k) => {
    const peers: number[] = [];
    members.forEach((j, l) => {
      if (j === i) return;
      const s = raw[i * n + j];
      peers.push(s);
      if (l > k) {
        links.push(s);
        if (weakest === null || s < weakest.score) {
          weakest = { a: memberIds[k], b: memberIds[l], score: s };
        }
      }
    });
    const mentorFit = mentorFitOf(i);
    if (mentorFit !== null) links.push(mentorFit);
    fits.push({ participantId: memberIds[k], mentorFit, peerFit: mean(peers) });
  });
  const score = mean(links) ?? 0;
  const mentorFits = fits.map((f) => f.mentorFit).filter((x): x is number => x !== null);
  const peerLinks = links.length - mentorFits.length;
  const parts = [
    `${members.length} member${members.length === 1 ? '' : 's'}${mentorId === null ? '' : ` with mentor ${mentorId}`}`,
    `mean link ${score.toFixed(2)}`,
  ];
  if (mentorFits.length > 0) parts.push(`mentor fit ${(mean(mentorFits) ?? 0).toFixed(2)}`);
  if (peerLinks > 0) {
    const w = weakest as { a: string; b: string; score: number } | null;
    if (w !== null) parts.push(`weakest peer link ${w.a}–${w.b} ${w.score.toFixed(2)}`);
  }
  return {
    id,
    mentorId,
    memberIds,
    score,
    members: fits,
    explanation: { summary: parts.join('; ') },
  };
}

function unmatchedEntry(
  participantId: string,
  role: UnmatchedParticipant['role'],
  code: UnmatchedCode,
  message: string,
  allowedPartners: number,
  suitablePartners: number,
  diagnosis: PartnerDiagnosis | undefined,
): UnmatchedParticipant {
  return {
    participantId,
    role,
    code,
    message,
    allowedPartners,
    suitablePartners,
    excludedBy:
      code === 'NO_ALLOWED_PARTNER' ? (diagnosis?.excludedBy.map((x) => ({ ...x })) ?? []) : [],
  };
}

function diagnosisLookup(matrix: CompatibilityMatrix) {
  let map: Map<string, PartnerDiagnosis> | undefined;
  return (id: string) => {
    map ??= new Map(matrix.diagnose().unpartnered.map((d) => [d.participantId, d]));
    return map.get(id);
  };
}

function byId(a: UnmatchedParticipant, b: UnmatchedParticipant): number {
  return a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;
}

/**
 * Forms groups: **group mentoring** (one mentor with up to `groupSize` — default the mentor's
 * capacity — mentees chosen for their fit with the mentor and with each other) or **peer
 * circles** (no mentor: everyone partitioned into groups of `minSize`–`maxSize`, default
 * `program.group`). `program.kind: 'peer-circle'` (or `options.kind`) picks circles.
 *
 * Objective (maximised): circles — the sum over groups of every member pair's compatibility
 * (both directions averaged), minus `balancePenalty` per pair breaking a `prefer` balance rule;
 * mentoring — the sum of mentor–member fits plus, per member, `peerWeight` × their summed fit
 * with the other members ÷ (k − 1), k the largest group size. Placing one more person always
 * outranks any score. Hard rules (either direction) and `require` balance rules are never
 * broken: no two people a rule keeps apart ever share a group.
 *
 * Deterministic (people in id order, ties by id); the cohort is not modified.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - See {@link MatchGroupsOptions}.
 * @returns A {@link MatchResult} with `mode: 'group'` and `groups`; group mentoring also lists
 *   every mentor–member pair in `pairs`. Everyone not placed is in `unmatched` with a reason.
 * @throws {PeermatchError} `INVALID_OPTIONS`, `INVALID_INPUT`, `ABORTED`.
 * @example
 * ```ts
 * const circles = matchGroups(cohort, undefined, {
 *   kind: 'peer-circle',
 *   minSize: 3,
 *   maxSize: 4,
 *   balance: { team: 'require', department: 'prefer' },
 * });
 * circles.groups?.map((g) => g.memberIds);
 * //=> [['ana', 'dev', 'kim'], ['bo', 'cy', 'eve', 'lu']]
 * ```
 */
export function matchGroups(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: MatchGroupsOptions,
): MatchResult {
  const parsed = program === undefined ? cohort.program : parseProgram(program);
  const read = readGroupOptions(cohort, parsed, options);
  const base = compatibilityOptions(read.opts);
  read.progress?.('matrix', 0, 1);
  const result =
    read.kind === 'peer-circle'
      ? circles(cohort, program, read, base)
      : mentoring(cohort, program, read, base);
  read.progress?.('report', 1, 1);
  return result;
}

/** Between the matrix and the search, and after it: the phase boundaries, and a look at the signal. */
function nextPhase(read: Read, ended: 'matrix' | 'solve'): void {
  if (read.opts.signal?.aborted) {
    throw new PeermatchError('ABORTED', `${API}: aborted after the ${ended} phase`);
  }
  read.progress?.(ended, 1, 1);
  read.progress?.(ended === 'matrix' ? 'solve' : 'report', 0, 1);
}

type Read = ReturnType<typeof readGroupOptions>;
type Base = ReturnType<typeof compatibilityOptions>;

function circles(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  read: Read,
  base: Base,
): MatchResult {
  const ids = read.participants;
  const square = buildCompatibility(cohort, program, {
    ...base,
    left: ids,
    right: ids,
    layout: 'square',
  });
  nextPhase(read, 'matrix');
  const w = memberWeights(cohort, square, 1, read.balance, read.balancePenalty);
  const formed = formCircles(w, read.minSize, read.maxSize, read.maxPasses);
  nextPhase(read, 'solve');
  const { n, raw, forbidden, ruleForbidden } = w;
  assertNoForbidden(formed.members, forbidden, n, ids);
  const groups: MatchedGroup[] = [];
  const ordered = formed.members.filter((m) => m.length > 0).sort((a, b) => a[0] - b[0]);
  ordered.forEach((members, k) => {
    groups.push(
      describeGroup(
        `group-${k + 1}`,
        null,
        members.map((i) => ids[i]),
        members,
        raw,
        n,
        () => null,
      ),
    );
  });
  const diagnosis = diagnosisLookup(square);
  const sizes = formed.members.map((m) => m.length);
  const unmatched: UnmatchedParticipant[] = [];
  for (let i = 0; i < n; i++) {
    if (formed.groupOf[i] >= 0) continue;
    let allowed = 0;
    let suitable = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (ruleForbidden[i * n + j] === 0) allowed++;
      if (forbidden[i * n + j] === 0) suitable++;
    }
    const id = ids[i];
    const role = ROLE_NAMES[cohort.role[cohort.indexOf.get(id) as number]];
    let code: UnmatchedCode;
    let message: string;
    if (allowed === 0) {
      code = 'NO_ALLOWED_PARTNER';
      message = diagnosis(id)?.message ?? `${id} has no allowed peer among ${n - 1}`;
    } else if (suitable === 0) {
      code = 'NO_GROUP_FIT';
      message = `${id} has ${allowed} allowed peer(s), but the required balance rules keep ${id} apart from all of them`;
    } else {
      const roomy = formed.members.filter((m, g) => m.length > 0 && sizes[g] < read.maxSize);
      const open = roomy.some((m) => m.every((j) => forbidden[i * n + j] === 0));
      code = roomy.length > 0 && !open ? 'NO_GROUP_FIT' : 'GROUP_SIZE';
      message =
        code === 'NO_GROUP_FIT'
          ? `every circle with room holds someone ${id} may not be grouped with`
          : `circles of ${read.minSize}–${read.maxSize} cannot hold ${id}: too few people for another circle, and the others are full or keep ${id} apart`;
    }
    unmatched.push(unmatchedEntry(id, role, code, message, allowed, suitable, diagnosis(id)));
  }
  unmatched.sort(byId);
  const scores = groups.map((g) => g.score);
  let placed = 0;
  for (const g of groups) placed += g.memberIds.length;
  return {
    mode: 'group',
    objective: 'total',
    minScore: 0,
    pairs: [],
    unmatched,
    stats: {
      matched: 0,
      mentors: 0,
      mentees: n,
      unmatchedMentors: 0,
      unmatchedMentees: unmatched.length,
      totalScore: scores.reduce((a, b) => a + b, 0),
      scores: summarizeScores(scores),
      seats: { total: formed.members.length * read.maxSize, used: placed },
    },
    groups,
  };
}

/** The safety property, checked once more on the way out. */
function assertNoForbidden(
  members: readonly number[][],
  forbidden: Uint8Array,
  n: number,
  ids: readonly string[],
): void {
  for (const group of members) {
    for (const i of group) {
      for (const j of group) {
        if (forbidden[i * n + j] === 1) {
          throw new Error(`${API}: internal error, ${ids[i]} and ${ids[j]} share a group`);
        }
      }
    }
  }
}

function mentoring(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  read: Read,
  base: Base,
): MatchResult {
  const { mentors, mentees } = read;
  const directed = buildCompatibility(cohort, program, {
    ...base,
    left: mentors,
    right: mentees,
    layout: 'directed',
  });
  const square = buildCompatibility(cohort, program, {
    ...base,
    left: mentees,
    right: mentees,
    layout: 'square',
  });
  nextPhase(read, 'matrix');
  const n = mentees.length;
  const groups = mentors.length;
  const cap = new Int32Array(groups);
  let largest = 1;
  for (let g = 0; g < groups; g++) {
    cap[g] = Math.max(0, read.groupSize ?? cohort.capacity[directed.left[g]]);
    largest = Math.max(largest, cap[g]);
  }
  const scale = largest > 1 ? (2 * read.peerWeight) / (largest - 1) : 0;
  const w = memberWeights(cohort, square, scale, read.balance, read.balancePenalty);
  const anchor = new Float64Array(groups * n);
  const anchorForbidden = new Uint8Array(groups * n);
  for (let c = 0; c < groups * n; c++) {
    anchor[c] = directed.scores[c];
    anchorForbidden[c] = directed.allowed[c] === 1 ? 0 : 1;
  }
  const problem: GroupProblem = {
    n,
    weight: w.weight,
    forbidden: w.forbidden,
    groups,
    anchor,
    anchorForbidden,
    minSize: new Int32Array(groups),
    maxSize: cap,
    seeds: new Int32Array(groups).fill(-1),
    maxPasses: read.maxPasses,
  };
  let found = searchGroups(problem, null);
  // Small cohorts are also restarted from seeded groups (each mentor first given their k-th
  // best allowed mentee), and the best result kept: placement first, then value.
  if (n + groups <= RESTART_LIMIT) {
    for (let k = 0; k < Math.min(n, 4); k++) {
      const other = searchGroups({ ...problem, seeds: rankedSeeds(problem, cap, k) }, null);
      if (better(other, found)) found = other;
    }
  }
  nextPhase(read, 'solve');
  const members = membersOf(found.groupOf, groups);
  assertNoForbidden(members, w.forbidden, n, mentees);
  const result: MatchedGroup[] = [];
  const pairs: MatchedPair[] = [];
  const pairScores: number[] = [];
  for (let g = 0; g < groups; g++) {
    if (members[g].length === 0) continue;
    for (const i of members[g]) {
      const cell = g * n + i;
      if (directed.allowed[cell] !== 1) {
        throw new Error(`${API}: internal error, forbidden pair (${mentors[g]}, ${mentees[i]})`);
      }
      pairs.push({
        mentorId: mentors[g],
        menteeId: mentees[i],
        score: directed.scores[cell],
        explanation: pairExplanation(directed, mentors[g], mentees[i]),
      });
      pairScores.push(directed.scores[cell]);
    }
    result.push(
      describeGroup(
        `group-${result.length + 1}`,
        mentors[g],
        members[g].map((i) => mentees[i]),
        members[g],
        w.raw,
        n,
        (i) => directed.scores[g * n + i],
      ),
    );
  }
  const diagnosis = diagnosisLookup(directed);
  const unmatchedMentees: UnmatchedParticipant[] = [];
  for (let i = 0; i < n; i++) {
    if (found.groupOf[i] >= 0) continue;
    let allowed = 0;
    let roomy = 0;
    for (let g = 0; g < groups; g++) {
      if (anchorForbidden[g * n + i] === 1) continue;
      allowed++;
      if (members[g].length < cap[g]) roomy++;
    }
    const id = mentees[i];
    const code: UnmatchedCode =
      allowed === 0 ? 'NO_ALLOWED_PARTNER' : roomy > 0 ? 'NO_GROUP_FIT' : 'MENTORS_AT_CAPACITY';
    const message =
      code === 'NO_ALLOWED_PARTNER'
        ? (diagnosis(id)?.message ?? `${id} has no allowed mentor`)
        : code === 'NO_GROUP_FIT'
          ? `every group of ${id}'s ${allowed} allowed mentor(s) with room holds someone ${id} may not be grouped with`
          : `the groups of all ${allowed} allowed mentor(s) of ${id} are full`;
    unmatchedMentees.push(
      unmatchedEntry(id, 'mentee', code, message, allowed, allowed, diagnosis(id)),
    );
  }
  const unmatchedMentors: UnmatchedParticipant[] = [];
  for (let g = 0; g < groups; g++) {
    if (members[g].length > 0) continue;
    const id = mentors[g];
    const allowed = directed.allowedPerLeft[g];
    const code: UnmatchedCode =
      allowed === 0
        ? 'NO_ALLOWED_PARTNER'
        : cap[g] === 0
          ? 'NO_CAPACITY'
          : 'LOST_TO_BETTER_ASSIGNMENT';
    const message =
      code === 'NO_ALLOWED_PARTNER'
        ? (diagnosis(id)?.message ?? `${id} has no allowed mentee`)
        : code === 'NO_CAPACITY'
          ? `${id} has room for no mentee`
          : `${id}'s ${allowed} allowed mentee(s) are better placed, for the objective, in other groups`;
    unmatchedMentors.push(
      unmatchedEntry(id, 'mentor', code, message, allowed, allowed, diagnosis(id)),
    );
  }
  let seats = 0;
  for (const c of cap) seats += c;
  return {
    mode: 'group',
    objective: 'total',
    minScore: 0,
    pairs,
    unmatched: [...unmatchedMentees.sort(byId), ...unmatchedMentors.sort(byId)],
    stats: {
      matched: pairs.length,
      mentors: groups,
      mentees: n,
      unmatchedMentors: unmatchedMentors.length,
      unmatchedMentees: unmatchedMentees.length,
      totalScore: pairScores.reduce((a, b) => a + b, 0),
      scores: summarizeScores(pairScores),
      seats: { total: seats, used: pairs.length },
    },
    groups: result,
  };
}

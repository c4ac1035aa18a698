import type { CompatibilityOptions } from '../../compatibility/build-compatibility.js';
import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { Cohort } from '../../profile/cohort.js';
import type { ProgressCallback } from '../../solvers/_internal/read-options.js';
import type { MatchedPair, MatchResult } from '../match-result.js';
import { OptionReader } from './option-reader.js';

/** What changed since the previous result. Newcomers and changed profiles are simply in the cohort. */
export interface RematchChanges {
  /** Ids of people who left (they may still be in the cohort; they are not matched again). */
  readonly left?: readonly string[];
  /** Previous pairs that did not work; never recreated. */
  readonly failed?: readonly {
    readonly mentorId: string;
    readonly menteeId: string;
    readonly reason?: string;
  }[];
  /** Weeks each person has waited for a partner (with `waitingWeight`, longer waits go first). */
  readonly waited?: Readonly<Record<string, number>>;
}

/** Options of `rematch`. */
export interface RematchOptions
  extends Pick<CompatibilityOptions, 'scorers' | 'constraints' | 'weights' | 'signal'> {
  /**
   * `'coverage'` (most pairs, then the largest total) or `'total'` (largest total).
   * @default 'coverage'
   */
  readonly objective?: 'coverage' | 'total';
  /**
   * No new pair scoring below this is made (kept pairs are exempt). In [0, 1].
   * @default 0
   */
  readonly minScore?: number;
  /**
   * Kept pairs may be broken when that makes a better result (each costs `breakPenalty`).
   * @default false
   */
  readonly allowBreaking?: boolean;
  /**
   * With `allowBreaking`: what breaking one kept pair costs, in score units.
   * @default 0.2
   */
  readonly breakPenalty?: number;
  /**
   * Score added per week waited (`changes.waited`) to all of a mentee's cells.
   * @default 0
   */
  readonly waitingWeight?: number;
  /**
   * A rotation round: every past pair forbidden, nobody keeps a partner.
   * @default false
   */
  readonly rotation?: boolean;
  /**
   * Called as the run advances, with `(phase, done, total)`: `'matrix'` (the people who need a
   * partner against the mentors with room), `'solve'` (the assignment's rows) and `'report'`;
   * each phase ends with `done === total`.
   * @default undefined
   */
  readonly onProgress?: ProgressCallback;
}

/** The defaults of {@link RematchOptions}. */
export const REMATCH_DEFAULTS: Readonly<{
  objective: 'coverage' | 'total';
  minScore: number;
  allowBreaking: boolean;
  breakPenalty: number;
  waitingWeight: number;
  rotation: boolean;
}> = Object.freeze({
  objective: 'coverage',
  minScore: 0,
  allowBreaking: false,
  breakPenalty: 0.2,
  waitingWeight: 0,
  rotation: false,
});

const API = 'rematch';
const OPTION_KEYS = [
  'objective',
  'minScore',
  'allowBreaking',
  'breakPenalty',
  'waitingWeight',
  'rotation',
  'scorers',
  'constraints',
  'weights',
  'signal',
  'onProgress',
];

export const pairKey = (mentorId: string, menteeId: string): string =>
  `${mentorId}\u0000${menteeId}`;

export interface RematchInput {
  readonly previousPairs: readonly MatchedPair[];
  readonly left: ReadonlySet<string>;
  /** Pair key → the coordinator's reason (or ''). */
  readonly failed: ReadonlyMap<string, string>;
  readonly waited: ReadonlyMap<string, number>;
  readonly objective: 'coverage' | 'total';
  readonly minScore: number;
  readonly allowBreaking: boolean;
  readonly breakPenalty: number;
  readonly waitingWeight: number;
  readonly rotation: boolean;
  readonly progress: ProgressCallback | undefined;
  readonly opts: RematchOptions;
}

function nonNegative(value: unknown, path: (string | number)[], issues: PeermatchIssue[]) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    issues.push({
      code: 'OUT_OF_RANGE',
      path,
      message: `${API}: ${path.join('.')} must be a finite number ≥ 0, got ${String(value)}`,
    });
  }
}

/** Checks the previous result, the changes and the options, reporting every problem at once. */
export function readRematchInput(
  cohort: Cohort,
  previous: MatchResult,
  changes: RematchChanges | undefined,
  options: RematchOptions | undefined,
): RematchInput {
  const inputIssues: PeermatchIssue[] = [];
  const pairs = (previous as Partial<MatchResult> | null)?.pairs;
  if (!Array.isArray(pairs)) {
    inputIssues.push({
      code: 'INVALID_TYPE',
      path: ['previous', 'pairs'],
      message: `${API}: previous must be a MatchResult with a pairs array`,
    });
  }
  const previousPairs: MatchedPair[] = Array.isArray(pairs) ? pairs : [];
  const known = new Set<string>();
  const seenMentees = new Set<string>();
  previousPairs.forEach((p, k) => {
    if (typeof p?.mentorId !== 'string' || typeof p?.menteeId !== 'string') {
      inputIssues.push({
        code: 'INVALID_TYPE',
        path: ['previous', 'pairs', k],
        message: `${API}: previous.pairs[${k}] needs a mentorId and a menteeId`,
      });
      return;
    }
    if (seenMentees.has(p.menteeId)) {
      inputIssues.push({
        code: 'DUPLICATE_ID',
        path: ['previous', 'pairs', k, 'menteeId'],
        message: `${API}: ${p.menteeId} has two mentors in previous.pairs`,
        participantId: p.menteeId,
      });
    }
    seenMentees.add(p.menteeId);
    known.add(p.mentorId).add(p.menteeId);
  });
  const ch = changes ?? {};
  const left = new Set<string>();
  if (ch.left !== undefined && !Array.isArray(ch.left)) {
    inputIssues.push({
      code: 'INVALID_TYPE',
      path: ['changes', 'left'],
      message: `${API}: changes.left must be an array of ids`,
    });
  } else {
    (ch.left ?? []).forEach((id, k) => {
      if (typeof id !== 'string' || (!known.has(id) && !cohort.indexOf.has(id))) {
        inputIssues.push({
          code: 'UNKNOWN_PARTICIPANT',
          path: ['changes', 'left', k],
          message: `${API}: changes.left[${k}] is ${JSON.stringify(id)}, who is neither in the previous result nor in the cohort`,
        });
      } else left.add(id);
    });
  }
  const pairSet = new Set(previousPairs.map((p) => pairKey(p.mentorId, p.menteeId)));
  const failed = new Map<string, string>();
  if (ch.failed !== undefined && !Array.isArray(ch.failed)) {
    inputIssues.push({
      code: 'INVALID_TYPE',
      path: ['changes', 'failed'],
      message: `${API}: changes.failed must be an array of { mentorId, menteeId, reason }`,
    });
  } else {
    (ch.failed ?? []).forEach((f, k) => {
      const key = pairKey(String(f?.mentorId), String(f?.menteeId));
      if (!pairSet.has(key)) {
        inputIssues.push({
          code: 'NOT_A_PREVIOUS_PAIR',
          path: ['changes', 'failed', k],
          message: `${API}: changes.failed[${k}] (${String(f?.mentorId)}, ${String(f?.menteeId)}) is not a pair of the previous result`,
        });
      } else failed.set(key, typeof f.reason === 'string' ? f.reason : '');
    });
  }
  const waited = new Map<string, number>();
  if (ch.waited !== undefined) {
    if (typeof ch.waited !== 'object' || ch.waited === null) {
      inputIssues.push({
        code: 'INVALID_TYPE',
        path: ['changes', 'waited'],
        message: `${API}: changes.waited must be an object of id → weeks`,
      });
    } else {
      for (const [id, weeks] of Object.entries(ch.waited)) {
        if (!cohort.indexOf.has(id)) {
          inputIssues.push({
            code: 'UNKNOWN_PARTICIPANT',
            path: ['changes', 'waited', id],
            message: `${API}: changes.waited names ${JSON.stringify(id)}, who is not in the cohort`,
          });
        } else {
          nonNegative(weeks, ['changes', 'waited', id], inputIssues);
          waited.set(id, weeks);
        }
      }
    }
  }
  if (inputIssues.length > 0) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `${API}: ${inputIssues.length} problem(s) with the input`,
      inputIssues,
    );
  }

  const read = new OptionReader(API, options, OPTION_KEYS);
  const { opts } = read;
  const d = REMATCH_DEFAULTS;
  const objective = read.oneOf('objective', opts.objective, d.objective, ['coverage', 'total']);
  const minScore = read.minScore(opts.minScore, d.minScore);
  const breakPenalty = read.nonNegative('breakPenalty', opts.breakPenalty, d.breakPenalty);
  const waitingWeight = read.nonNegative('waitingWeight', opts.waitingWeight, d.waitingWeight);
  const allowBreaking = read.boolean('allowBreaking', opts.allowBreaking, d.allowBreaking);
  const rotation = read.boolean('rotation', opts.rotation, d.rotation);
  const progress = read.progress(opts.onProgress);
  read.done();
  return {
    previousPairs,
    left,
    failed,
    waited,
    objective,
    minScore,
    allowBreaking,
    breakPenalty,
    waitingWeight,
    rotation,
    progress,
    opts,
  };
}

import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import { explainPair } from './_internal/explain-pair.js';
import { RowKernel } from './_internal/row-kernel.js';
import { type CompatibilityOptions, setup as prepare } from './_internal/setup.js';
import type { PairExplanation } from './types.js';

/** Options of {@link suggest}. */
export interface SuggestOptions extends CompatibilityOptions {
  /**
   * How many suggestions at most.
   * @default 5
   */
  readonly limit?: number;
  /**
   * Relationships already formed, as `[leftId, rightId]` pairs: partners already at capacity
   * are skipped, and so is anyone already paired with the participant.
   * @default []
   */
  readonly pairs?: readonly (readonly [string, string])[];
}

/** Defaults of {@link SuggestOptions}. */
export const SUGGEST_DEFAULTS: Readonly<{
  limit: number;
  pairs: readonly (readonly [string, string])[];
}> = Object.freeze({ limit: 5, pairs: Object.freeze([]) });

/** One suggested partner. */
export interface Suggestion {
  readonly participantId: string;
  /** Whether the suggested partner would give (mentor) or receive (mentee) in the pair. */
  readonly as: 'giver' | 'receiver';
  readonly score: number;
  /** `score` as a whole percentage. */
  readonly percent: number;
  /** Places the partner has left (`capacity` minus current relationships). */
  readonly openSlots: number;
  readonly explanation: PairExplanation;
}

/**
 * The best allowed partners for one participant, for self-service programs where mentees
 * choose: scored and explained like a matrix cell (without building one — O(cohort) work),
 * skipping partners at capacity and existing partners, best first (ties by cohort order).
 * A peer gets both the partners they could mentor and those who could mentor them.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param participantId - Who is choosing.
 * @param options - See {@link SuggestOptions}.
 * @returns Up to `limit` suggestions.
 * @example
 * ```ts
 * suggest(cohort, undefined, 'bo', { limit: 2 }).map((s) => `${s.participantId} ${s.percent}%`);
 * //=> ['ana 81%', 'carla 64%']
 * ```
 */
export function suggest(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  participantId: string,
  options: SuggestOptions = {},
): Suggestion[] {
  const { limit: rawLimit, pairs: rawPairs, ...rest } = options;
  const limit = rawLimit ?? SUGGEST_DEFAULTS.limit;
  const pairs = rawPairs ?? SUGGEST_DEFAULTS.pairs;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new PeermatchError('INVALID_OPTIONS', 'suggest: bad limit', [
      {
        code: 'OUT_OF_RANGE',
        path: ['limit'],
        message: `suggest: limit must be a whole number ≥ 0, got ${String(limit)}`,
      },
    ]);
  }
  const setup = prepare('suggest', cohort, program, rest);
  const self = cohort.indexOf.get(participantId);
  if (self === undefined) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `suggest: ${JSON.stringify(participantId)} is not in the cohort`,
      [
        {
          code: 'UNKNOWN_PARTICIPANT',
          path: ['participantId'],
          message: `suggest: ${JSON.stringify(participantId)} is not in the cohort`,
        },
      ],
    );
  }
  const load = new Int32Array(cohort.size);
  const partnered = new Set<number>();
  if (!Array.isArray(pairs)) {
    throw new PeermatchError('INVALID_OPTIONS', 'suggest: bad pairs', [
      {
        code: 'INVALID_TYPE',
        path: ['pairs'],
        message: 'suggest: pairs must be an array of [leftId, rightId]',
      },
    ]);
  }
  pairs.forEach((pair, k) => {
    const a = Array.isArray(pair) ? cohort.indexOf.get(pair[0]) : undefined;
    const b = Array.isArray(pair) ? cohort.indexOf.get(pair[1]) : undefined;
    if (a === undefined || b === undefined) {
      throw new PeermatchError('INVALID_OPTIONS', 'suggest: bad pairs', [
        {
          code: 'UNKNOWN_PARTICIPANT',
          path: ['pairs', k],
          message: `suggest: pairs[${k}] names someone not in the cohort`,
        },
      ]);
    }
    load[a]++;
    load[b]++;
    if (a === self) partnered.add(b);
    if (b === self) partnered.add(a);
  });
  // Best score per partner; a peer may appear on both sides of a directed matrix.
  const found = new Map<number, { score: number; as: 'giver' | 'receiver' }>();
  const consider = (other: number, score: number, as: 'giver' | 'receiver') => {
    if (other === self || partnered.has(other) || load[other] >= cohort.capacity[other]) return;
    const seen = found.get(other);
    if (seen === undefined || score > seen.score) found.set(other, { score, as });
  };
  const onLeft = setup.left.includes(self);
  const onRight = setup.right.includes(self);
  if (onLeft) {
    const kernel = new RowKernel(setup, setup.right.length);
    const count = kernel.run(self, setup.right);
    for (let k = 0; k < count; k++) consider(kernel.ids[k], kernel.score[k], 'receiver');
  }
  if (onRight && !(onLeft && setup.layout === 'square')) {
    const single = Int32Array.of(self);
    const kernel = new RowKernel(setup, 1);
    for (const giver of setup.left) {
      if (kernel.run(giver, single) === 1) consider(giver, kernel.score[0], 'giver');
    }
  }
  const ranked = [...found.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
  return ranked.slice(0, limit).map(([other, { score, as }]) => {
    const explanation =
      as === 'receiver' ? explainPair(setup, self, other) : explainPair(setup, other, self);
    return {
      participantId: cohort.ids[other],
      as,
      score,
      percent: Math.round(score * 100),
      openSlots: cohort.capacity[other] - load[other],
      explanation,
    };
  });
}

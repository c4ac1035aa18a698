import { BuiltInRules } from '../../constraints/_internal/built-in-rules.js';
import { PeermatchError } from '../../errors.js';
import { BuiltInRow } from '../../scoring/_internal/built-in-row.js';
import type { Setup } from './setup.js';

/**
 * Scores one left participant against a list of right candidates: the built-in rules prune the
 * candidate list in one fused pass, then each custom rule in turn (so later rules and every
 * scorer only see allowed pairs); the weighted built-in scorers fill the row in one fused pass,
 * then each custom scorer adds its own. Buffers are allocated once per build, never per cell.
 *
 * Safety: the allowed set is decided here from constraints alone; `position` (the column of
 * each surviving candidate) is never handed to a scorer or constraint, and a constraint's
 * answer is read as "allowed" only when it left the pre-filled 1 in place.
 */
export class RowKernel {
  private readonly setup: Setup;
  /** Participant index of each surviving candidate. */
  readonly ids: Int32Array;
  /** Column (index into the right side) of each surviving candidate. */
  readonly position: Int32Array;
  /** Combined score of each surviving candidate, in [0, 1]. */
  readonly score: Float64Array;
  private readonly flags: Uint8Array;
  private readonly buffer: Float64Array;
  private readonly copy: Int32Array;
  /** `identity[k] = k`: where {@link run} writes survivor `k`'s score. */
  private readonly identity: Int32Array;
  /** Shared weekly minutes of each surviving candidate, when the built-in rules computed them. */
  private readonly shared: Int32Array;
  private readonly rules: BuiltInRules;
  private readonly builtInScores: BuiltInRow | undefined;
  /** Index of the first custom constraint / scorer (built-ins come first in `Setup`). */
  private readonly firstCustomConstraint: number;
  private readonly firstCustomScorer: number;

  constructor(setup: Setup, width: number) {
    this.setup = setup;
    const { cohort, program, layout, constraints, scorers } = setup;
    this.firstCustomScorer = scorers.findIndex((s) => s.custom);
    if (this.firstCustomScorer < 0) this.firstCustomScorer = scorers.length;
    // The rules measure shared minutes for the schedule scorer too: one overlap per pair.
    const schedule = scorers.some((s, i) => i < this.firstCustomScorer && s.name === 'schedule');
    this.rules = new BuiltInRules(cohort, program, layout, new Set(setup.rules), schedule);
    this.firstCustomConstraint = constraints.findIndex((c) => c.custom);
    if (this.firstCustomConstraint < 0) this.firstCustomConstraint = constraints.length;
    const weights: Record<string, number> = {};
    for (let s = 0; s < this.firstCustomScorer; s++) weights[scorers[s].name] = scorers[s].weight;
    this.builtInScores =
      this.firstCustomScorer > 0 ? new BuiltInRow(cohort, program, weights) : undefined;
    const w = Math.max(1, width);
    this.ids = new Int32Array(w);
    this.position = new Int32Array(w);
    this.score = new Float64Array(w);
    this.flags = new Uint8Array(w);
    this.buffer = new Float64Array(w);
    this.copy = new Int32Array(w);
    this.identity = Int32Array.from({ length: w }, (_, k) => k);
    this.shared = new Int32Array(w);
  }

  /**
   * Runs the row of `left` against `candidates[0 … width)` (participant indices); returns how
   * many survive, their data in `ids`, `position`, `score`.
   */
  run(left: number, candidates: Int32Array): number {
    return this.runRow(left, candidates, this.score, this.identity, 0);
  }

  /**
   * {@link run}, with each survivor's score written to `out[base + position[k]]` instead of
   * `score[k]` — a dense matrix row is written once, in place. `score` is then unspecified.
   */
  runInto(left: number, candidates: Int32Array, out: Float64Array, base: number): number {
    return this.runRow(left, candidates, out, this.position, base);
  }

  /** Survivors' scores go to `out[base + at[k]]` (`at` is `identity` or `position`). */
  private runRow(
    left: number,
    candidates: Int32Array,
    out: Float64Array,
    at: Int32Array,
    base: number,
  ): number {
    const { constraints, scorers, totalWeight, cohort, api } = this.setup;
    const { ids, position, score, flags, buffer, shared } = this;
    // The built-in rules can only drop candidates; each custom rule then gets fresh flags and
    // its own compaction, so it cannot re-allow a pair.
    const enough = this.builtInScores?.enoughMinutes(left) ?? 0;
    let count = this.rules.filter(left, candidates, ids, position, shared, enough);
    for (let c = this.firstCustomConstraint; c < constraints.length && count > 0; c++) {
      const { prepared } = constraints[c];
      flags.fill(1, 0, count);
      if (prepared.fillRow !== undefined) {
        // A custom rule gets a copy of the candidate list, so it cannot reorder ours.
        prepared.fillRow(left, this.copyOf(count), count, flags);
      } else {
        for (let k = 0; k < count; k++) if (prepared.allows(left, ids[k]) !== true) flags[k] = 0;
      }
      count = this.compact(count);
    }
    if (count === 0) return 0;
    const inverse = 1 / totalWeight;
    const minutes = this.rules.computesOverlap ? shared : undefined;
    if (this.firstCustomScorer === scorers.length && this.builtInScores !== undefined) {
      // Built-in scorers only: the fused pass writes the final scores.
      this.builtInScores.fill(left, ids, count, minutes, out, at, base, inverse);
      return count;
    }
    if (this.builtInScores === undefined) score.fill(0, 0, count);
    else this.builtInScores.fill(left, ids, count, minutes, score, this.identity, 0, 0);
    for (let s = this.firstCustomScorer; s < scorers.length; s++) {
      const { prepared, weight, name } = scorers[s];
      if (prepared.fillRow !== undefined) {
        prepared.fillRow(left, this.copyOf(count), count, buffer);
      } else {
        for (let k = 0; k < count; k++) buffer[k] = prepared.score(left, ids[k]);
      }
      for (let k = 0; k < count; k++) {
        const v = buffer[k];
        // `!(v >= 0 && v <= 1)` also catches NaN and non-numbers.
        if (!(v >= 0 && v <= 1)) badScore(api, name, cohort.ids[left], cohort.ids[ids[k]], v);
        score[k] += weight * v;
      }
    }
    for (let k = 0; k < count; k++) {
      const v = score[k] * inverse;
      out[base + at[k]] = Math.min(v, 1); // rounding can overshoot 1 by an ulp
    }
    return count;
  }

  /** Keeps the candidates whose flag is exactly 1 (anything else a rule wrote forbids). */
  private compact(count: number): number {
    const { ids, position, flags, shared } = this;
    let kept = 0;
    for (let k = 0; k < count; k++) {
      if (flags[k] === 1) {
        ids[kept] = ids[k];
        position[kept] = position[k];
        shared[kept] = shared[k];
        kept++;
      }
    }
    return kept;
  }

  private copyOf(count: number): Int32Array {
    this.copy.set(this.ids.subarray(0, count));
    return this.copy;
  }
}

/** Throws the error for a scorer that returned something outside [0, 1]. */
export function badScore(
  api: string,
  scorer: string,
  leftId: string,
  rightId: string,
  value: unknown,
): never {
  throw new PeermatchError(
    'INVALID_OPTIONS',
    `${api}: scorer ${JSON.stringify(scorer)} returned ${String(value)}`,
    [
      {
        code: 'SCORE_OUT_OF_RANGE',
        path: ['scorers', scorer],
        message: `${api}: scorer ${JSON.stringify(scorer)} scored (${JSON.stringify(leftId)}, ${JSON.stringify(rightId)}) ${String(value)}; scores must be numbers in [0, 1]`,
      },
    ],
  );
}

/** Throws `ABORTED` when the caller's signal fired. */
export function checkAborted(setup: Setup, done: number, total: number): void {
  if (setup.signal?.aborted) {
    throw new PeermatchError('ABORTED', `${setup.api}: aborted after ${done} of ${total} rows`);
  }
}

import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import { baseOf } from './_internal/base.js';
import { checkAborted, RowKernel } from './_internal/row-kernel.js';
import { type CompatibilityOptions, setup as prepare } from './_internal/setup.js';
import type { CandidateLists, CompatibilityCandidates } from './types.js';

/** Options of {@link buildCandidates}. */
export interface BuildCandidatesOptions extends CompatibilityOptions {
  /**
   * Partners kept per participant (on each side).
   * @default 10
   */
  readonly k?: number;
}

/** Defaults of {@link BuildCandidatesOptions}. */
export const BUILD_CANDIDATES_DEFAULTS: Readonly<{ k: number }> = Object.freeze({ k: 10 });

/**
 * Fixed-capacity min-heaps, one per owner, in flat typed arrays: the worst kept candidate sits
 * at the root, so a new one is compared once and most are rejected in O(1). Ties keep the lower
 * partner index, so results do not depend on visiting order.
 */
class Heaps {
  readonly size: Int32Array;
  readonly score: Float64Array;
  readonly partner: Int32Array;
  private readonly k: number;

  constructor(owners: number, k: number) {
    this.k = k;
    this.size = new Int32Array(owners);
    this.score = new Float64Array(owners * k);
    this.partner = new Int32Array(owners * k);
  }

  /** `a` is worse than `b`: lower score, or equal score and higher partner index. */
  private worse(i: number, j: number): boolean {
    const { score, partner } = this;
    return score[i] < score[j] || (score[i] === score[j] && partner[i] > partner[j]);
  }

  offer(owner: number, s: number, p: number): void {
    const { k, score, partner, size } = this;
    if (k === 0) return;
    const base = owner * k;
    let n = size[owner];
    if (n === k) {
      const rs = score[base];
      if (s < rs || (s === rs && p > partner[base])) return;
      // Replace the root and sift down.
      score[base] = s;
      partner[base] = p;
      let at = 0;
      for (;;) {
        const l = 2 * at + 1;
        if (l >= k) break;
        let child = l;
        if (l + 1 < k && this.worse(base + l + 1, base + l)) child = l + 1;
        if (!this.worse(base + child, base + at)) break;
        this.swap(base + child, base + at);
        at = child;
      }
      return;
    }
    score[base + n] = s;
    partner[base + n] = p;
    let at = n++;
    size[owner] = n;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (!this.worse(base + at, base + up)) break;
      this.swap(base + at, base + up);
      at = up;
    }
  }

  private swap(i: number, j: number): void {
    const { score, partner } = this;
    const s = score[i];
    score[i] = score[j];
    score[j] = s;
    const p = partner[i];
    partner[i] = partner[j];
    partner[j] = p;
  }

  /** Best first, as CSR lists. */
  lists(): CandidateLists {
    const owners = this.size.length;
    const offsets = new Int32Array(owners + 1);
    for (let o = 0; o < owners; o++) offsets[o + 1] = offsets[o] + this.size[o];
    const partners = new Int32Array(offsets[owners]);
    const scores = new Float64Array(offsets[owners]);
    for (let o = 0; o < owners; o++) {
      const base = o * this.k;
      const order = Array.from({ length: this.size[o] }, (_, i) => base + i);
      order.sort((a, b) => this.score[b] - this.score[a] || this.partner[a] - this.partner[b]);
      order.forEach((at, i) => {
        partners[offsets[o] + i] = this.partner[at];
        scores[offsets[o] + i] = this.score[at];
      });
    }
    return { offsets, partners, scores };
  }
}

/**
 * The k best allowed partners of every participant, for cohorts too large for a dense matrix:
 * rows are scored one at a time (the same rules, scorers and weights as `buildCompatibility`)
 * and only the k best per row and per column are kept, in `O((rows + cols) × k)` memory — the
 * full matrix is never materialised. Time is still one pass over every pair. `edges` (the union
 * of both lists) is the input of a sparse assignment. `explain` and `diagnose` work as on a
 * matrix; `allowedPerLeft` / `allowedPerRight` count every allowed partner, not only the kept.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - See {@link BuildCandidatesOptions}.
 * @returns The candidate lists.
 * @example
 * ```ts
 * const candidates = buildCandidates(cohort, undefined, { k: 3 });
 * const row = candidates.leftIds.indexOf('ana');
 * Array.from(
 *   candidates.forLeft.partners.subarray(candidates.forLeft.offsets[row], candidates.forLeft.offsets[row + 1]),
 *   (j) => candidates.rightIds[j],
 * );
 * //=> ['bo', 'dan', 'eve']
 * ```
 */
export function buildCandidates(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options: BuildCandidatesOptions = {},
): CompatibilityCandidates {
  const { k: rawK, ...rest } = options ?? {};
  const k = rawK ?? BUILD_CANDIDATES_DEFAULTS.k;
  if (!Number.isInteger(k) || k < 1 || k > 10000) {
    throw new PeermatchError('INVALID_OPTIONS', 'buildCandidates: bad k', [
      {
        code: 'OUT_OF_RANGE',
        path: ['k'],
        message: `buildCandidates: k must be a whole number from 1 to 10000, got ${String(k)}`,
      },
    ]);
  }
  const setup = prepare('buildCandidates', cohort, program, rest);
  const { left, right } = setup;
  const rows = left.length;
  const cols = right.length;
  const kernel = new RowKernel(setup, cols);
  const { position, score } = kernel;
  const rowHeaps = new Heaps(rows, Math.min(k, cols));
  const colHeaps = new Heaps(cols, Math.min(k, rows));
  const perLeft = new Int32Array(rows);
  const perRight = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    if ((i & 63) === 0) checkAborted(setup, i, rows);
    const count = kernel.run(left[i], right);
    perLeft[i] = count;
    for (let c = 0; c < count; c++) {
      const j = position[c];
      const s = score[c];
      perRight[j]++;
      rowHeaps.offer(i, s, j);
      colHeaps.offer(j, s, i);
    }
  }
  const forLeft = rowHeaps.lists();
  const forRight = colHeaps.lists();
  // Union of both lists as row-sorted edges: a row's own picks plus the columns that picked it.
  const extra: number[][] = Array.from({ length: rows }, () => []);
  for (let j = 0; j < cols; j++) {
    for (let e = forRight.offsets[j]; e < forRight.offsets[j + 1]; e++) {
      extra[forRight.partners[e]].push(j, e);
    }
  }
  const edgeRows: number[] = [];
  const edgeCols: number[] = [];
  const edgeScores: number[] = [];
  const byCol = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    byCol.clear();
    for (let e = forLeft.offsets[i]; e < forLeft.offsets[i + 1]; e++)
      byCol.set(forLeft.partners[e], forLeft.scores[e]);
    const picks = extra[i];
    for (let x = 0; x < picks.length; x += 2) byCol.set(picks[x], forRight.scores[picks[x + 1]]);
    for (const j of [...byCol.keys()].sort((a, b) => a - b)) {
      edgeRows.push(i);
      edgeCols.push(j);
      edgeScores.push(byCol.get(j) ?? 0);
    }
  }
  return Object.freeze({
    ...baseOf(setup, perLeft, perRight),
    k,
    forLeft,
    forRight,
    edges: {
      rows: Int32Array.from(edgeRows),
      cols: Int32Array.from(edgeCols),
      scores: Float64Array.from(edgeScores),
    },
  });
}

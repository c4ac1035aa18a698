import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import type { AllowedCounts } from './_internal/allowed-counts.js';
import { baseOf } from './_internal/base.js';
import { BIN_STRIDE, BINS, CandidateBound } from './_internal/candidate-bound.js';
import { unionEdges } from './_internal/candidate-edges.js';
import { listHeaps, offer, offerAll } from './_internal/candidate-heaps.js';
import { combineSlices } from './_internal/column-slices.js';
import { checkPartials, checkRange } from './_internal/partial-checks.js';
import { checkAborted, RowKernel } from './_internal/row-kernel.js';
import { type CompatibilityOptions, setup as prepare, type Setup } from './_internal/setup.js';
import { ColumnWatch } from './_internal/visible-columns.js';
import type { CompatibilityCandidates } from './types.js';

/** Options of {@link prepareCandidates}: those of `buildCompatibility`, plus `k`. */
export interface CandidateOptions extends CompatibilityOptions {
  /**
   * Partners kept per participant (on each side).
   * @default 10
   */
  readonly k?: number;
}

/** Defaults of {@link CandidateOptions} (and of `buildCandidates`). */
export const BUILD_CANDIDATES_DEFAULTS: Readonly<{ k: number }> = Object.freeze({ k: 10 });

/**
 * What scanning some rows found: plain typed arrays, so it can be posted between threads
 * (transfer the buffers). Heaps are stored unsorted, `k` slots per owner, the first
 * `min(count, k)` in use. Made and filled by {@link CandidateRows.scan}; read, never changed, by
 * {@link CandidateRows.merge}.
 */
export interface CandidatePartial {
  /** Allowed partners of each row scanned here; `-1` for rows not scanned here. */
  readonly perLeft: Int32Array;
  /** `rows × min(k, cols)`: each scanned row's k best columns and their scores. */
  readonly rowScores: Float64Array;
  readonly rowPartners: Int32Array;
  /** Allowed partners of each column among the rows scanned here. */
  readonly perRight: Int32Array;
  /** `cols × min(k, rows)`: each column's k best rows among those scanned here. */
  readonly colScores: Float64Array;
  readonly colPartners: Int32Array;
}

/**
 * A checked, ready-to-scan top-k build: rows are scanned in blocks, in any order, on any thread,
 * each thread into its own {@link CandidatePartial}; the partials merge into the same
 * {@link CompatibilityCandidates} `buildCandidates` returns, bit for bit.
 */
export interface CandidateRows {
  readonly rows: number;
  readonly cols: number;
  readonly k: number;
  /** The participant ids of the rows and of the columns, in scan order. */
  readonly leftIds: readonly string[];
  readonly rightIds: readonly string[];
  /** The program in force, parsed: hand it to other threads as plain data. */
  readonly program: Program;
  /**
   * True when a custom scorer or constraint is in force. Those are functions, which cannot be
   * sent to another thread: scan every row on this one.
   */
  readonly custom: boolean;
  /**
   * Scores rows `from … to - 1` and keeps their k best columns, and each column's k best rows,
   * in `into` (a new partial when left out), which it returns. Rows already in `into` are
   * skipped, so a retried block does no harm. Checks `options.signal` every 64 rows.
   */
  scan(from: number, to: number, into?: CandidatePartial): CandidatePartial;
  /**
   * The candidates from partials that, together, scanned every row exactly once (as many as
   * threads, not blocks: a partial holds `O((rows + cols) × k)`).
   */
  merge(partials: readonly CandidatePartial[]): CompatibilityCandidates;
  /**
   * The candidates from builds on consecutive slices of the columns, each scanned over every row:
   * slice `s` is `prepareCandidates` with the same cohort, program and options but
   * `right: rightIds.slice(from, to)` (and `left: leftIds`), fully scanned into one partial.
   * The same candidates as {@link merge} of row blocks, bit for bit; threads that each take a
   * slice of the columns never score the same column's pairs twice, where threads taking rows
   * each keep (and pay for) their own top k of every column.
   */
  mergeSlices(slices: readonly CandidateSlice[]): CompatibilityCandidates;
}

/** A build on columns `from … from + cols - 1` of another, scanned over every row. */
export interface CandidateSlice {
  readonly from: number;
  readonly partial: CandidatePartial;
}

/** The sizes of a build's partials (`rowK`, `colK`: heap slots per row and per column). */
export interface Shape {
  readonly rows: number;
  readonly cols: number;
  readonly rowK: number;
  readonly colK: number;
}

const BLOCK = 64;

/**
 * Checks a top-k build as `buildCandidates` does and returns it unscanned, so the rows can be
 * scored in blocks — on worker threads (`buildCandidatesParallel` in `peermatch/node` does
 * this), in web workers, or a block at a time to bound latency. Each thread scans into its own
 * partial (row heaps for its rows, column heaps over its rows); `merge` keeps each column's k
 * best of all partials, which is exact: a column's k best overall are among the k best of the
 * partial that scanned them.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - As for `buildCandidates`.
 * @returns The rows to scan and the way to merge them.
 * @throws {PeermatchError} As `buildCandidates`; `ABORTED` from `scan` when the signal fires;
 *   `INVALID_INPUT` from `merge` when the partials miss a row or scan one twice.
 * @example
 * ```ts
 * const build = prepareCandidates(cohort, undefined, { k: 3 });
 * const half = build.rows >> 1;
 * // Blocks in any order, on any thread: here two "threads", the second scanning in two blocks.
 * const a = build.scan(0, half);
 * const b = build.scan(build.rows - 1, build.rows);
 * build.scan(half, build.rows - 1, b);
 * const candidates = build.merge([a, b]); // what buildCandidates(cohort, undefined, { k: 3 }) gives
 * candidates.forLeft.offsets.length === build.rows + 1;
 * //=> true
 * ```
 * @example
 * ```ts
 * // Or split the columns: one build per slice, each scanned over every row.
 * const build = prepareCandidates(cohort, undefined, { k: 3 });
 * const cut = build.cols >> 1;
 * const slices = [[0, cut], [cut, build.cols]].map(([from, to]) => {
 *   const slice = prepareCandidates(cohort, undefined, {
 *     k: 3,
 *     left: [...build.leftIds],
 *     right: build.rightIds.slice(from, to),
 *   });
 *   return { from, partial: slice.scan(0, slice.rows) };
 * });
 * build.mergeSlices(slices).edges.rows.length > 0; // the same candidates as above
 * //=> true
 * ```
 */
export function prepareCandidates(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: CandidateOptions,
): CandidateRows {
  return prepareCandidatesNamed('prepareCandidates', cohort, program, options);
}

/** {@link prepareCandidates} with errors named after the calling function. */
export function prepareCandidatesNamed(
  api: string,
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  options: CandidateOptions | undefined,
): CandidateRows {
  const { k: rawK, ...rest } = options ?? {};
  const k = rawK ?? BUILD_CANDIDATES_DEFAULTS.k;
  if (!Number.isInteger(k) || k < 1 || k > 10000) {
    throw new PeermatchError('INVALID_OPTIONS', `${api}: bad k`, [
      {
        code: 'OUT_OF_RANGE',
        path: ['k'],
        message: `${api}: k must be a whole number from 1 to 10000, got ${String(k)}`,
      },
    ]);
  }
  const setup = prepare(api, cohort, program, rest);
  const rows = setup.left.length;
  const cols = setup.right.length;
  const rowK = Math.min(k, cols);
  const colK = Math.min(k, rows);
  let kernel: RowKernel | undefined;
  let columns: Int32Array | undefined;
  // Built on the first scan, so a build that is only merged (or checked) costs nothing.
  let pruned: Pruned | null | undefined;
  // Each partial's column-heap roots, -1 while a heap is not full (below every score): the
  // usual offer is rejected by one sequential read. Rebuilt for partials from other threads.
  const roots = new WeakMap<CandidatePartial, Float64Array>();
  // Each partial's columns still visited by every row of a scan by skill (scanRowsBySkill).
  const watches = new WeakMap<CandidatePartial, ColumnWatch>();
  const shape = { rows, cols, rowK, colK };
  return Object.freeze({
    rows,
    cols,
    k,
    program: setup.program,
    leftIds: Object.freeze(Array.from(setup.left, (i) => cohort.ids[i])),
    rightIds: Object.freeze(Array.from(setup.right, (i) => cohort.ids[i])),
    custom: setup.scorers.some((s) => s.custom) || setup.constraints.some((c) => c.custom),
    scan(from, to, into) {
      checkRange(api, from, to, rows);
      const partial = into ?? emptyPartial(shape);
      if (into !== undefined) checkPartials(api, [into], shape, 'into');
      let colRoot = roots.get(partial);
      if (colRoot === undefined) {
        colRoot = rootsOf(partial, colK);
        roots.set(partial, colRoot);
      }
      kernel ??= new RowKernel(setup, cols);
      if (pruned === undefined) {
        const bound = rowK > 0 && colK > 0 ? CandidateBound.of(setup) : undefined;
        pruned =
          bound === undefined
            ? null
            : {
                bound,
                picked: new Int32Array(cols),
                pickedColumn: new Int32Array(cols),
                before: new Int32Array(bound.bySkill ? cols : 0),
              };
      }
      for (let i = from; i < to; i += BLOCK) {
        checkAborted(setup, i, rows);
        const end = Math.min(i + BLOCK, to);
        if (pruned === null) {
          // Without a bound the kernel's candidates are the columns themselves.
          columns ??= Int32Array.from(setup.right, (_, j) => j);
          scanRows(setup, kernel, columns, i, end, partial, colRoot, rowK, colK);
        } else if (pruned.bound.bySkill) {
          let watch = watches.get(partial);
          if (watch === undefined) {
            watch = new ColumnWatch(cols);
            watches.set(partial, watch);
          }
          scanRowsBySkill(setup, kernel, pruned, watch, i, end, partial, colRoot, rowK, colK);
        } else scanRowsPruned(setup, kernel, pruned, i, end, partial, colRoot, rowK, colK);
      }
      return partial;
    },
    merge(partials) {
      checkPartials(api, partials, shape, 'partials');
      return mergePartials(setup, k, partials, shape);
    },
    mergeSlices(slices) {
      return mergePartials(setup, k, [combineSlices(api, slices, k, shape)], shape);
    },
  } satisfies CandidateRows);
}

function emptyPartial({ rows, cols, rowK, colK }: Shape): CandidatePartial {
  return {
    perLeft: new Int32Array(rows).fill(-1),
    rowScores: new Float64Array(rows * rowK),
    rowPartners: new Int32Array(rows * rowK),
    perRight: new Int32Array(cols),
    colScores: new Float64Array(cols * colK),
    colPartners: new Int32Array(cols * colK),
  };
}

function rootsOf(partial: CandidatePartial, colK: number): Float64Array {
  const { perRight, colScores } = partial;
  const root = new Float64Array(perRight.length).fill(-1);
  if (colK > 0) {
    for (let j = 0; j < root.length; j++) if (perRight[j] >= colK) root[j] = colScores[j * colK];
  }
  return root;
}

/**
 * The scan without a bound (custom scorers or constraints): one kernel run per row over every
 * column (`columns[j] = j`), each allowed pair offered to its row's heap and its column's heap.
 */
function scanRows(
  setup: Setup,
  kernel: RowKernel,
  columns: Int32Array,
  from: number,
  to: number,
  partial: CandidatePartial,
  colRoot: Float64Array,
  rowK: number,
  colK: number,
): void {
  const { left, right } = setup;
  const { perLeft } = partial;
  for (let i = from; i < to; i++) {
    if (perLeft[i] >= 0) continue;
    const count = kernel.run(left[i], right);
    perLeft[i] = count;
    offerRow(kernel, count, columns, i, 0, partial, colRoot, rowK, colK);
  }
}

/** What the pruned scan keeps between rows: the bound, and the pairs a row scores in full. */
interface Pruned {
  readonly bound: CandidateBound;
  /** Participant index and column of each pair to score, for the current batch. */
  readonly picked: Int32Array;
  readonly pickedColumn: Int32Array;
  /** The columns' counts before the current block (scans by skill only). */
  readonly before: Int32Array;
}

/**
 * A row's first batch holds about this many times k pairs, the best-bounded: the bound takes
 * the schedule term as 1, so the k best scores are rarely all among the 2k best bounds. A
 * larger batch makes the row's threshold nearer its final k-th best, but the pairs after it
 * are capped by their shared hours before they are scored, so 4k scores the fewest pairs in
 * all: 17.2 million for 50,000 peers against 25,000 of them, against 17.8 million with 3k,
 * 18.7 million with 6k and 21.2 million with 8k.
 */
const FIRST = 4;

/**
 * The same heaps as {@link scanRows}, scoring only the pairs that could enter one: each row's
 * allowed pairs get an upper bound ({@link CandidateBound}) and are offered by
 * {@link offerBounded}. A skipped pair is still counted as allowed.
 */
function scanRowsPruned(
  setup: Setup,
  kernel: RowKernel,
  pruned: Pruned,
  from: number,
  to: number,
  partial: CandidatePartial,
  colRoot: Float64Array,
  rowK: number,
  colK: number,
): void {
  const { left } = setup;
  const { perLeft } = partial;
  for (let i = from; i < to; i++) {
    if (perLeft[i] >= 0) continue;
    const count = pruned.bound.run(left[i]);
    perLeft[i] = count;
    offerBounded(setup, kernel, pruned, count, i, 0, partial, colRoot, rowK, colK);
  }
}

/**
 * {@link scanRowsPruned} where a row need not even bound most pairs. A column that wants none
 * of the skills the row offers has coverage 0 with it, and one that shares no hour of free time
 * with it has schedule 0: such a pair's bound is at most the row's ceiling for its kind
 * (coverage 0, schedule 0, or both: its other terms at their best for the row) and at most the
 * column's floor for it (at their best for any row). The row bounds the columns that want a
 * skill it offers and share an hour with it, and those `watch` holds for their kind — the
 * columns whose heap root is not yet above their floor for it; when its own heap root ends
 * above its ceiling for a kind, no other pair of that kind can enter either heap. Else it
 * bounds those too. Allowed partners are counted from the rules' structure
 * ({@link AllowedCounts}), for the rows and, at the end of the block, for the columns.
 */
function scanRowsBySkill(
  setup: Setup,
  kernel: RowKernel,
  pruned: Pruned,
  watch: ColumnWatch,
  from: number,
  to: number,
  partial: CandidatePartial,
  colRoot: Float64Array,
  rowK: number,
  colK: number,
): void {
  const { left } = setup;
  const { bound, before } = pruned;
  const counts = bound.counts as AllowedCounts;
  const { perLeft, perRight, rowScores } = partial;
  bound.narrowWatch(watch, colRoot);
  // During the block `perRight` counts the pairs offered, which sizes the column heaps (a pair
  // is skipped only once its column's heap is full); the flush sets the exact counts.
  before.set(perRight);
  for (let i = from; i < to; i++) {
    if (perLeft[i] >= 0) continue;
    const row = bound.beginSkillRow(left[i]);
    if (row === null) {
      perLeft[i] = 0;
      continue;
    }
    perLeft[i] = counts.row(left[i], row);
    const count = bound.boundVisible(left[i], row, watch);
    const n = offerBounded(setup, kernel, pruned, count, i, 0, partial, colRoot, rowK, colK);
    const rest = bound.boundRest(row, watch, n === rowK ? rowScores[i * rowK] : -1);
    offerBounded(setup, kernel, pruned, rest, i, n, partial, colRoot, rowK, colK);
    bound.endSkillRow(left[i]);
  }
  counts.flush(perRight, before);
}

/**
 * Offers row `i`'s `count` bounded pairs (the bound's `position` and `value`) to its heap
 * (holding `n`) and their columns' heaps; returns the row heap's new size. The best-bounded
 * `FIRST × k` or so are scored first, which makes the row's heap full and its root a fair
 * threshold; then a pair is scored only when its bound, lowered by the cap on its schedule term
 * ({@link CandidateBound.tighten}), reaches its row's root or its column's root. A pair
 * below both roots cannot enter either heap (a heap's root only rises, and ties need an equal
 * score), so the heaps end exactly as a full scan leaves them. Heaps that are not full have
 * root -1, below every bound: nothing is skipped until they are, so heap sizes stay
 * `min(allowed, k)`.
 */
function offerBounded(
  setup: Setup,
  kernel: RowKernel,
  { bound, picked, pickedColumn }: Pruned,
  count: number,
  i: number,
  n: number,
  partial: CandidatePartial,
  colRoot: Float64Array,
  rowK: number,
  colK: number,
): number {
  if (count === 0) return n;
  const { left, right } = setup;
  const { position, value, bins } = bound;
  const perRight = partial.perRight;
  // The first batch: the bins from the top until they hold FIRST × k pairs; none when the
  // row's heap is already full (its root is the threshold).
  let bin = BINS;
  const first = (FIRST * rowK) / BIN_STRIDE;
  for (let held = bins[BINS]; bin > 0 && held < first; ) held += bins[--bin];
  const cut = n === rowK ? Number.POSITIVE_INFINITY : bin / BINS;
  let m = 0;
  for (let k = 0; k < count; k++) {
    if (value[k] >= cut) {
      const j = position[k];
      picked[m] = right[j];
      pickedColumn[m] = j;
      m++;
    }
  }
  n = offerScored(kernel, left[i], i, m, n, picked, pickedColumn, partial, colRoot, rowK, colK);
  const rowRoot = n === rowK ? partial.rowScores[i * rowK] : -1;
  m = 0;
  for (let k = 0; k < count; k++) {
    const v = value[k];
    if (v >= cut) continue;
    const j = position[k];
    if (v >= rowRoot || v >= colRoot[j]) {
      const t = bound.tighten(j, v);
      if (t >= rowRoot || t >= colRoot[j]) {
        picked[m] = right[j];
        pickedColumn[m] = j;
        m++;
        continue;
      }
    }
    perRight[j]++;
  }
  return offerScored(kernel, left[i], i, m, n, picked, pickedColumn, partial, colRoot, rowK, colK);
}

/**
 * Scores row `i` against `picked[0 … m)` (all allowed) and offers each pair to the row's heap
 * (holding `n`) and its column's heap; returns the row heap's new size.
 */
function offerScored(
  kernel: RowKernel,
  participant: number,
  i: number,
  m: number,
  n: number,
  picked: Int32Array,
  pickedColumn: Int32Array,
  partial: CandidatePartial,
  colRoot: Float64Array,
  rowK: number,
  colK: number,
): number {
  if (m === 0) return n;
  const count = kernel.run(participant, picked.subarray(0, m));
  return offerRow(kernel, count, pickedColumn, i, n, partial, colRoot, rowK, colK);
}

/**
 * The hot loop: offers the kernel's `count` scored pairs of row `i` (candidate `c` is column
 * `columnOf[kernel.position[c]]`) to the row's heap (holding `n`) and their columns' heaps,
 * each rejected by one comparison with the heap's root in the usual case; returns the row
 * heap's new size.
 */
function offerRow(
  kernel: RowKernel,
  count: number,
  columnOf: Int32Array,
  i: number,
  n: number,
  partial: CandidatePartial,
  colRoot: Float64Array,
  rowK: number,
  colK: number,
): number {
  const { rowScores, rowPartners, perRight, colScores, colPartners } = partial;
  const { position, score } = kernel;
  const base = i * rowK;
  let held = n;
  let rowRoot = held === rowK ? rowScores[base] : -1;
  for (let c = 0; c < count; c++) {
    const j = columnOf[position[c]];
    const s = score[c];
    const seen = perRight[j]++;
    if (s >= colRoot[j]) {
      offer(colScores, colPartners, j * colK, Math.min(seen, colK), colK, s, i);
      if (seen + 1 >= colK) colRoot[j] = colScores[j * colK];
    }
    if (s >= rowRoot) {
      offer(rowScores, rowPartners, base, held, rowK, s, j);
      if (held < rowK) held++;
      if (held === rowK) rowRoot = rowScores[base];
    }
  }
  return held;
}

function mergePartials(
  setup: Setup,
  k: number,
  partials: readonly CandidatePartial[],
  { rows, cols, rowK, colK }: Shape,
): CompatibilityCandidates {
  const perLeft = new Int32Array(rows);
  const rowScores = new Float64Array(rows * rowK);
  const rowPartners = new Int32Array(rows * rowK);
  for (const p of partials) {
    for (let i = 0; i < rows; i++) {
      if (p.perLeft[i] < 0) continue;
      perLeft[i] = p.perLeft[i];
      const n = Math.min(p.perLeft[i], rowK);
      for (let x = i * rowK; x < i * rowK + n; x++) {
        rowScores[x] = p.rowScores[x];
        rowPartners[x] = p.rowPartners[x];
      }
    }
  }
  const perRight = new Int32Array(cols);
  let colScores = partials[0].colScores;
  let colPartners = partials[0].colPartners;
  if (partials.length === 1) perRight.set(partials[0].perRight);
  else {
    // Each column's k best over all partials: every partial's kept rows offered again.
    colScores = new Float64Array(cols * colK);
    colPartners = new Int32Array(cols * colK);
    for (const p of partials) {
      for (let j = 0; j < cols; j++) {
        const base = j * colK;
        const n = Math.min(p.perRight[j], colK);
        perRight[j] = offerAll(
          colScores,
          colPartners,
          base,
          perRight[j],
          colK,
          p.colScores,
          p.colPartners,
          base,
          n,
          0,
        );
      }
    }
    // `perRight` counted kept rows to size the heaps; now the allowed partners of each column.
    perRight.fill(0);
    for (const p of partials) for (let j = 0; j < cols; j++) perRight[j] += p.perRight[j];
  }
  const forLeft = listHeaps(rowScores, rowPartners, perLeft, rowK);
  const forRight = listHeaps(colScores, colPartners, perRight, colK);
  return Object.freeze({
    ...baseOf(setup, perLeft, perRight),
    k,
    forLeft,
    forRight,
    edges: unionEdges(forLeft, forRight, rows, cols),
  });
}

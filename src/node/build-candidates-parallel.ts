import { availableParallelism } from 'node:os';
import {
  type BuildCandidatesOptions,
  type CandidatePartial,
  type CandidateRows,
  type Cohort,
  type CompatibilityCandidates,
  PeermatchError,
  type PeermatchIssue,
  type Program,
  type ProgramInput,
  prepareCandidates,
} from '../index.js';
import type {
  CandidatesWorkerData,
  CandidatesWorkerResult,
} from './_internal/candidates-protocol.js';
import { leanCohort } from './_internal/lean-cohort.js';
import { threadsIssue } from './_internal/parallel-options.js';
import { runWorkers } from './_internal/run-workers.js';

const API = 'buildCandidatesParallel';

/** Options of {@link buildCandidatesParallel}. */
export interface ParallelCandidatesOptions extends BuildCandidatesOptions {
  /**
   * Worker threads. Left out, one per available core, and cohorts under
   * `minPairs` (of {@link PARALLEL_CANDIDATES_DEFAULTS}) pairs are scanned on the calling thread
   * (starting a worker costs more than they take). `1` scans on the calling thread.
   * @default os.availableParallelism()
   */
  readonly threads?: number;
}

/** Defaults of {@link ParallelCandidatesOptions}. */
export const PARALLEL_CANDIDATES_DEFAULTS: Readonly<{
  minPairs: number;
  block: number;
  progressMs: number;
}> = Object.freeze({ minPairs: 1 << 22, block: 32, progressMs: 100 });

/**
 * `buildCandidates` on worker threads, for very large cohorts. With at least as many columns
 * as rows, each worker takes a slice of the columns and scans every row against it (every row's
 * k best among its columns, and its columns' k best rows); the calling thread merges the row
 * lists (`CandidateRows.mergeSlices`). With more rows, each worker takes blocks of rows from a
 * shared counter (their k best, and every column's k best among them); the calling thread merges
 * the column lists. Either way the result is the same — bit for bit: partners, order, ties,
 * counts, edges — in about `1 / threads` of the time. A worker pays for its own running top k of
 * every column it sees (about `k·ln(rows / k)` scored pairs each: most of a scan's scored pairs)
 * or of every row it scans (a first batch of 4k pairs each), so the split is along the longer
 * side. Memory: `O((rows + cols) × k)` per worker, never a dense matrix.
 *
 * Custom scorers and constraints are functions, which cannot cross to another thread: with any
 * of them the rows are scanned on the calling thread, as `buildCandidates` would.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - Those of `buildCandidates` (`k`, `onProgress`, …), plus `threads`.
 * @returns The candidates, once every row is scanned.
 * @throws {PeermatchError} As `buildCandidates`; `INVALID_OPTIONS` for a bad `threads`;
 *   `ABORTED` when `options.signal` fires (the workers are stopped).
 * @example
 * ```ts
 * import { buildCandidatesParallel } from 'peermatch/node';
 * const candidates = await buildCandidatesParallel(cohort, undefined, { k: 10, threads: 2 });
 * candidates.edges.rows.length > 0;
 * //=> true
 * ```
 */
export async function buildCandidatesParallel(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: ParallelCandidatesOptions,
): Promise<CompatibilityCandidates> {
  const { threads, onProgress, ...rest } = options ?? {};
  const issues: PeermatchIssue[] = [];
  const issue = threadsIssue(API, threads);
  if (issue !== undefined) issues.push(issue);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    issues.push({
      code: 'INVALID_TYPE',
      path: ['onProgress'],
      message: `${API}: onProgress must be a function (phase, done, total), got ${typeof onProgress}`,
    });
  }
  // Everything is validated here, once, so a worker never fails on the input.
  const build = checked(() => prepareCandidates(cohort, program, rest), issues);
  const { rows, cols } = build;
  const wanted =
    threads ?? (rows * cols < PARALLEL_CANDIDATES_DEFAULTS.minPairs ? 1 : availableParallelism());
  // Each worker keeps its own top k of every column it sees, and of every row it scans: split
  // the longer side, so the copies are of the fewer (measured: 15–29 % faster with 50 times more
  // columns than rows, 27 % slower with 50 times fewer).
  const byColumns = cols >= rows;
  const workers = rows === 0 ? 0 : Math.min(wanted, byColumns ? cols : rows);
  const report = onProgress ?? (() => {});
  report('candidates', 0, rows);
  if (build.custom || workers <= 1) return onThisThread(build, report);

  const control = new Int32Array(new SharedArrayBuffer(12));
  const data: CandidatesWorkerData = {
    cohort: leanCohort(cohort),
    // The parsed program: plain data, and what this thread validated.
    program: program === undefined ? undefined : build.program,
    options: {
      weights: rest.weights,
      left: [...build.leftIds],
      right: [...build.rightIds],
      layout: rest.layout,
      k: build.k,
    },
    ...(byColumns
      ? { bounds: Array.from({ length: workers + 1 }, (_, s) => Math.round((s * cols) / workers)) }
      : {}),
    control: control.buffer as SharedArrayBuffer,
    block: byColumns
      ? PARALLEL_CANDIDATES_DEFAULTS.block
      : Math.max(1, Math.min(PARALLEL_CANDIDATES_DEFAULTS.block, Math.ceil(rows / (workers * 4)))),
  };
  // Split by columns, every worker scans every row.
  const rowsDone = () => Math.floor(Atomics.load(control, 2) / (byColumns ? workers : 1));
  let reported = 0;
  const results = await runWorkers<CandidatesWorkerData, CandidatesWorkerResult>({
    api: API,
    script: 'candidates-worker',
    count: workers,
    data,
    control,
    signal: rest.signal,
    pollMs: PARALLEL_CANDIDATES_DEFAULTS.progressMs,
    poll:
      onProgress === undefined
        ? undefined
        : () => {
            const done = Math.min(rowsDone(), rows);
            if (done <= reported || done >= rows) return;
            reported = done;
            report('candidates', done, rows);
          },
  });
  const partials = results.filter(
    (r): r is { from: number; partial: CandidatePartial } => r.partial !== undefined,
  );
  const candidates = byColumns
    ? build.mergeSlices(partials)
    : build.merge(partials.map((r) => r.partial));
  report('candidates', rows, rows);
  return candidates;
}

/** Runs `prepare`; with `issues` of our own, throws them together with its option issues. */
function checked(prepare: () => CandidateRows, issues: PeermatchIssue[]): CandidateRows {
  if (issues.length === 0) return prepare();
  try {
    prepare();
  } catch (error) {
    if (!PeermatchError.is(error) || error.code !== 'INVALID_OPTIONS') throw error;
    issues.push(...error.issues);
  }
  throw new PeermatchError(
    'INVALID_OPTIONS',
    `${API}: ${issues.length} problem(s) with the options`,
    issues,
  );
}

function onThisThread(
  build: CandidateRows,
  report: (phase: string, done: number, total: number) => void,
): CompatibilityCandidates {
  // Blocks of about a million pairs between reports, as `buildCandidates` does.
  const block = Math.max(1, Math.ceil((1 << 20) / Math.max(1, build.cols)));
  const partial = build.scan(0, Math.min(block, build.rows));
  for (let from = block; from < build.rows; from += block) {
    report('candidates', from, build.rows);
    build.scan(from, Math.min(from + block, build.rows), partial);
  }
  report('candidates', build.rows, build.rows);
  return build.merge([partial]);
}

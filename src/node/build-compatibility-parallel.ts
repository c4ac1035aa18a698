import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type Cohort,
  type CompatibilityMatrix,
  type CompatibilityOptions,
  type CompatibilityRows,
  PeermatchError,
  type Program,
  type ProgramInput,
  prepareCompatibility,
} from '../index.js';
import type {
  CompatibilityWorkerData,
  CompatibilityWorkerResult,
} from './_internal/compatibility-protocol.js';
import { threadsIssue } from './_internal/parallel-options.js';

const API = 'buildCompatibilityParallel';

/** Options of {@link buildCompatibilityParallel}. */
export interface ParallelCompatibilityOptions extends CompatibilityOptions {
  /**
   * Worker threads. Left out, one per available core, and matrices under
   * `minCells` (of {@link PARALLEL_COMPATIBILITY_DEFAULTS}) cells are built on the calling thread
   * (starting a worker costs more than they take). `1` builds on the calling thread.
   * @default os.availableParallelism()
   */
  readonly threads?: number;
}

/** Defaults of {@link ParallelCompatibilityOptions}. */
export const PARALLEL_COMPATIBILITY_DEFAULTS: Readonly<{ minCells: number; block: number }> =
  Object.freeze({ minCells: 1 << 20, block: 32 });

/**
 * `buildCompatibility` on worker threads, for large cohorts: each worker scores blocks of rows
 * straight into one `SharedArrayBuffer`-backed matrix, so the result is the same matrix — bit
 * for bit, with the same `explain`, `diagnose` and counts — in about `1 / threads` of the time.
 * `scores` and `allowed` are views of shared memory (hand them to other workers without a copy).
 *
 * Custom scorers and constraints are functions, which cannot cross to another thread: with any
 * of them the matrix is built on the calling thread, as `buildCompatibility` would.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - Those of `buildCompatibility`, plus `threads`.
 * @returns The matrix, once every row is scored.
 * @throws {PeermatchError} As `buildCompatibility`; `INVALID_OPTIONS` for a bad `threads`;
 *   `ABORTED` when `options.signal` fires (the workers are stopped).
 * @example
 * ```ts
 * import { buildCompatibilityParallel } from 'peermatch/node';
 * const matrix = await buildCompatibilityParallel(cohort, undefined, { threads: 4 });
 * matrix.scores.length === matrix.rows * matrix.cols;
 * //=> true
 * ```
 */
export async function buildCompatibilityParallel(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: ParallelCompatibilityOptions,
): Promise<CompatibilityMatrix> {
  const { threads, ...rest } = options ?? {};
  const issue = threadsIssue(API, threads);
  if (issue !== undefined) {
    throw new PeermatchError('INVALID_OPTIONS', `${API}: bad threads`, [issue]);
  }
  // Everything is validated here, once, so a worker never fails on the input.
  const build = prepareCompatibility(cohort, program, rest);
  const { rows, cols } = build;
  const wanted =
    threads ??
    (rows * cols < PARALLEL_COMPATIBILITY_DEFAULTS.minCells ? 1 : availableParallelism());
  const workers = Math.min(wanted, rows);
  if (build.custom || workers <= 1) return onThisThread(build);

  const scores = new Float64Array(new SharedArrayBuffer(rows * cols * 8));
  const allowed = new Uint8Array(new SharedArrayBuffer(rows * cols));
  const perLeft = new Int32Array(new SharedArrayBuffer(rows * 4));
  const control = new Int32Array(new SharedArrayBuffer(8));
  const data: CompatibilityWorkerData = {
    cohort: leanCohort(cohort),
    // The parsed program: plain data, and what this thread validated.
    program: program === undefined ? undefined : build.program,
    options: { weights: rest.weights, left: rest.left, right: rest.right, layout: rest.layout },
    scores: scores.buffer as SharedArrayBuffer,
    allowed: allowed.buffer as SharedArrayBuffer,
    perLeft: perLeft.buffer as SharedArrayBuffer,
    control: control.buffer as SharedArrayBuffer,
    block: Math.max(
      1,
      Math.min(PARALLEL_COMPATIBILITY_DEFAULTS.block, Math.ceil(rows / (workers * 4))),
    ),
  };
  const results = await runWorkers(workers, data, control, rest.signal);
  const perRight = new Int32Array(cols);
  for (const r of results) for (let j = 0; j < cols; j++) perRight[j] += r.perRight[j];
  return build.toMatrix(scores, allowed, Int32Array.from(perLeft), perRight);
}

/**
 * The cohort without the participant records a worker does not read: cloning 20,000 records
 * into each worker costs more than a second, while the typed arrays clone in milliseconds. The
 * built-in rules and scorers read only the safeguarding facts of the records (background
 * checks); `test/node/build-compatibility-parallel.test.ts` holds the workers' matrix equal to
 * `buildCompatibility`'s with every rule on.
 */
function leanCohort(cohort: Cohort): Cohort {
  const profiles = cohort.profiles.map(
    (p) => ({ id: p.id, safeguarding: p.safeguarding }) as Cohort['profiles'][number],
  );
  return { ...cohort, profiles, warnings: [] };
}

function onThisThread(build: CompatibilityRows): CompatibilityMatrix {
  const scores = new Float64Array(build.rows * build.cols);
  const allowed = new Uint8Array(build.rows * build.cols);
  const perLeft = new Int32Array(build.rows);
  const perRight = new Int32Array(build.cols);
  build.fill(0, build.rows, scores, allowed, perLeft, perRight);
  return build.toMatrix(scores, allowed, perLeft, perRight);
}

/** Starts the workers; settles when all are done, or on the first failure or the abort signal. */
function runWorkers(
  count: number,
  data: CompatibilityWorkerData,
  control: Int32Array,
  signal: AbortSignal | undefined,
): Promise<CompatibilityWorkerResult[]> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const results: CompatibilityWorkerResult[] = [];
    const started: Worker[] = [];
    let settled = false;
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      Atomics.store(control, 1, 1);
      for (const w of started) void w.terminate();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const onAbort = (): void =>
      finish(
        new PeermatchError(
          'ABORTED',
          `${API}: aborted after ${Math.min(Atomics.load(control, 0), data.cohort.size)} rows were started`,
        ),
      );
    signal?.addEventListener('abort', onAbort);
    for (let w = 0; w < count && !settled; w++) {
      const worker = new Worker(entry.url, { workerData: data, eval: entry.eval });
      started.push(worker);
      worker.once('message', (message: CompatibilityWorkerResult) => {
        results.push(message);
        if (results.length === count) finish(undefined);
      });
      worker.once('error', (error) => finish(error));
      worker.once('exit', (code) => {
        if (!settled && results.length < count && code !== 0) {
          finish(new Error(`${API}: a worker thread stopped with exit code ${code}`));
        }
      });
    }
  });
}

/**
 * The worker script: beside this module in the built package (`dist/node/`, `dist/` when this
 * code sits in a shared chunk, `dist/cli/` bundled into the command), or the TypeScript source
 * (under tsx or vitest), which the worker imports after registering tsx.
 */
function workerEntry(): { url: URL | string; eval: boolean } {
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  for (const candidate of [
    './compatibility-worker.js',
    './node/compatibility-worker.js',
    '../node/compatibility-worker.js',
  ]) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { url, eval: false };
  }
  const source = new URL('./_internal/compatibility-worker.ts', here).href;
  if (existsSync(fileURLToPath(source))) {
    // tsx's ESM API (`register`), found through its CommonJS twin.
    const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(
      /\.cjs$/,
      '.mjs',
    );
    const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
    return { url: code, eval: true };
  }
  throw new Error(`${API}: cannot find the worker script compatibility-worker.js near ${here}`);
}

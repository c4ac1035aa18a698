/**
 * Sparse assignment benchmark: `solveSparseAssignment` on seeded random candidate graphs
 * (square, each row with k distinct random columns, weights uniform in (0, 1]) against SciPy's
 * `scipy.sparse.csgraph.min_weight_full_bipartite_matching` (LAPJVsp) on the same bytes, and
 * against our dense `solveAssignment` on the same graph at the largest size where the dense
 * matrix fits (missing cells forbidden). Every answer is checked and totalled the same way.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { solveAssignment } from '../src/solvers/solve-assignment.js';
import { solveSparseAssignment } from '../src/solvers/solve-sparse-assignment.js';
import { CACHE_DIR } from './_lib/matrix-cache.js';
import { type PythonInfo, probeScipy } from './_lib/python.js';
import { createRandom } from './_lib/random.js';
import type { BenchOptions, BenchSuite } from './_lib/suite.js';
import { DEFAULT_REPEAT, type RepeatPolicy, SMOKE_REPEAT, timeBest } from './_lib/timing.js';

interface Size {
  readonly n: number;
  readonly k: number;
  /**
   * Half of each row's candidates among the first 5 % of columns, weights 1 to 2 in steps of
   * 0.1: many people want the same few partners and scores tie, as top-k lists of real
   * compatibility scores do.
   */
  readonly popular?: boolean;
}

const FULL_SIZES: readonly Size[] = [
  { n: 10_000, k: 50 },
  { n: 10_000, k: 50, popular: true },
  { n: 100_000, k: 30 },
];
const SMOKE_SIZES: readonly Size[] = [
  { n: 1000, k: 20 },
  { n: 1000, k: 20, popular: true },
];
/** Dense comparison: 5000² cells are 200 MB, the largest that fits comfortably beside the rest. */
const FULL_DENSE: Size = { n: 5000, k: 50 };
const SMOKE_DENSE: Size = { n: 300, k: 20 };
/** SciPy took 20.6 s at 100,000 × 30 on the issue's machine; leave it room on a busy one. */
const CAP_MS = 180_000;
const SCRIPT = fileURLToPath(new URL('./_lib/scipy_sparse.py', import.meta.url));
const seedOf = ({ n, k, popular }: Size): number => 9_000_000 + 100 * n + k + (popular ? 1 : 0);

interface Graph {
  readonly rows: number;
  readonly cols: number;
  readonly offsets: Int32Array;
  readonly columns: Int32Array;
  readonly weights: Float64Array;
}

/** n × n, each row with k distinct columns in ascending order, weights in (0, 1] (or popular). */
function randomGraph(size: Size): Graph {
  const { n, k, popular = false } = size;
  const random = createRandom(seedOf(size));
  const offsets = new Int32Array(n + 1);
  const columns = new Int32Array(n * k);
  const weights = new Float64Array(n * k);
  const mark = new Int32Array(n).fill(-1);
  const row = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    let count = 0;
    while (count < k) {
      const j = Math.floor(random() * (popular && random() < 0.5 ? Math.ceil(n / 20) : n));
      if (mark[j] === i) continue;
      mark[j] = i;
      row[count++] = j;
    }
    row.sort();
    columns.set(row, i * k);
    for (let t = 0; t < k; t++) {
      weights[i * k + t] = popular ? 1 + Math.round(random() * 10) / 10 : 1 - random();
    }
    offsets[i + 1] = (i + 1) * k;
  }
  return { rows: n, cols: n, offsets, columns, weights };
}

/** Total of an assignment through the graph's edges, or why it is not a valid one. */
function totalOf(graph: Graph, rowToCol: ArrayLike<number>): number | string {
  const { rows, cols, offsets, columns, weights } = graph;
  if (rowToCol.length !== rows) return `rowToCol has length ${rowToCol.length}`;
  const used = new Uint8Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i];
    if (j < 0) return `row ${i} is unassigned`;
    if (used[j]) return `column ${j} is used twice`;
    used[j] = 1;
    let w = Number.NaN;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) if (columns[e] === j) w = weights[e];
    if (Number.isNaN(w)) return `row ${i} is assigned to column ${j}, not a candidate`;
    total += w;
  }
  return total;
}

const agree = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

type ScipyAttempt =
  | {
      readonly status: 'done';
      readonly bestMs: number;
      readonly reps: number;
      readonly rowToCol: number[];
    }
  | { readonly status: 'timeout' }
  | { readonly status: 'error'; readonly message: string };

/** Times SciPy on the graph (written to bench/.cache/), killed after the cap. Never rejects. */
function runScipy(graph: Graph, name: string, repeat: RepeatPolicy): Promise<ScipyAttempt> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const stem = `${CACHE_DIR}${name}`;
  const bytes = (a: Int32Array | Float64Array) =>
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  writeFileSync(`${stem}.offsets.i32`, bytes(graph.offsets));
  writeFileSync(`${stem}.columns.i32`, bytes(graph.columns));
  writeFileSync(`${stem}.weights.f64`, bytes(graph.weights));
  const cleanUp = () => {
    for (const ext of ['offsets.i32', 'columns.i32', 'weights.f64'])
      rmSync(`${stem}.${ext}`, { force: true });
  };
  return new Promise((resolve) => {
    const child = spawn(
      'python3',
      [
        SCRIPT,
        stem,
        String(graph.rows),
        String(graph.cols),
        String(repeat.maxReps),
        String(repeat.budgetMs),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    // Start-up (importing SciPy, reading the files) is not part of the cap.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CAP_MS + 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const finish = (attempt: ScipyAttempt) => {
      clearTimeout(timer);
      cleanUp();
      resolve(attempt);
    };
    child.on('error', (error) => finish({ status: 'error', message: error.message }));
    child.on('close', (code) => {
      if (timedOut) return finish({ status: 'timeout' });
      try {
        if (code !== 0) throw new Error(`python3 exited with code ${code}`);
        const parsed = JSON.parse(stdout) as
          | { bestMs: number; reps: number; rowToCol: number[] }
          | { error: string };
        if ('error' in parsed) throw new Error(parsed.error);
        finish({ status: 'done', ...parsed });
      } catch (error) {
        const last = stderr.trim().split('\n').slice(-2).join(' ');
        finish({
          status: 'error',
          message: `${(error as Error).message}${last ? `: ${last}` : ''}`,
        });
      }
    });
  });
}

const seconds = (ms: number): string =>
  ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toPrecision(3);
const label = ({ n, k, popular }: Size): string =>
  `${n.toLocaleString('en-US')} × ${n.toLocaleString('en-US')}, ${k} per row${popular ? ', popular' : ''}`;

async function run({ smoke, log }: BenchOptions): Promise<string> {
  const sizes = smoke ? SMOKE_SIZES : FULL_SIZES;
  const denseSize = smoke ? SMOKE_DENSE : FULL_DENSE;
  const repeat = smoke ? SMOKE_REPEAT : DEFAULT_REPEAT;
  const python: PythonInfo | undefined = probeScipy();
  log(python ? `sparse: SciPy ${python.scipy}` : 'sparse: SciPy not available; skipping it');
  const problems: string[] = [];
  const rows: string[] = [];

  for (const size of sizes) {
    const graph = randomGraph(size);
    log(`sparse: ${label(size)}: ours`);
    const ours = timeBest(
      () => graph,
      (g) => solveSparseAssignment(g),
      repeat,
    );
    const oursTotal = totalOf(graph, ours.result.rowToCol);
    if (typeof oursTotal === 'string' || !agree(oursTotal, ours.result.total)) {
      problems.push(`${label(size)}: our assignment is invalid or mis-totalled (${oursTotal})`);
    }
    log(`sparse: ${label(size)}: ours ${seconds(ours.bestMs)} s (best of ${ours.reps})`);
    let scipyCells = ['not run (SciPy not available)', '–'];
    if (python) {
      log(`sparse: ${label(size)}: SciPy`);
      const attempt = await runScipy(graph, `sparse-${size.n}-${size.k}-${seedOf(size)}`, repeat);
      if (attempt.status === 'done') {
        const total = totalOf(graph, attempt.rowToCol);
        let mark = '';
        if (typeof total === 'string' || !agree(total, ours.result.total)) {
          problems.push(`${label(size)}: SciPy total ${total} ≠ ours ${ours.result.total}`);
          mark = ' ✗ total differs';
        }
        scipyCells = [
          `${seconds(attempt.bestMs)}${mark}`,
          `${(attempt.bestMs / ours.bestMs).toFixed(1)}×`,
        ];
        log(`sparse: ${label(size)}: SciPy ${seconds(attempt.bestMs)} s`);
      } else {
        const text =
          attempt.status === 'timeout'
            ? `not finished (> ${CAP_MS / 1000} s)`
            : `error: ${attempt.message}`;
        if (attempt.status === 'error')
          problems.push(`${label(size)}: SciPy failed: ${attempt.message}`);
        scipyCells = [text, '–'];
      }
    }
    rows.push(
      `| ${label(size)} | ${graph.columns.length.toLocaleString('en-US')} | ${seconds(ours.bestMs)} | ${scipyCells.join(' | ')} | ${ours.result.total.toFixed(6)} |`,
    );
  }

  // The same graph as a dense matrix with the missing cells forbidden.
  const graph = randomGraph(denseSize);
  const { n } = denseSize;
  log(`sparse: ${label(denseSize)}: sparse vs dense`);
  const sparse = timeBest(
    () => graph,
    (g) => solveSparseAssignment(g),
    repeat,
  );
  const data = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++)
      data[i * n + graph.columns[e]] = graph.weights[e];
  }
  const dense = timeBest(
    () => data,
    (d) => solveAssignment({ rows: n, cols: n, data: d }),
    repeat,
  );
  if (!agree(dense.result.total, sparse.result.total)) {
    problems.push(
      `${label(denseSize)}: dense total ${dense.result.total} ≠ sparse ${sparse.result.total}`,
    );
  }
  log(
    `sparse: ${label(denseSize)}: sparse ${seconds(sparse.bestMs)} s, dense ${seconds(dense.bestMs)} s`,
  );

  if (problems.length > 0) process.exitCode = 1;
  return [
    'Square random candidate graphs, seeded: each row has k distinct columns drawn uniformly, weights uniform in (0, 1], minimised; "popular": half of each row\'s candidates among the first 5 % of columns, weights 1 to 2 in steps of 0.1 (many ties). ' +
      `Times are the best of up to ${repeat.maxReps} runs while the runs add up to under ${repeat.budgetMs / 1000} s (one run when a run takes longer), solve only; ` +
      `SciPy${python ? ` ${python.scipy} (Python ${python.python}, NumPy ${python.numpy})` : ''} \`min_weight_full_bipartite_matching\` runs in a child process on the same bytes (building its \`csr_matrix\` is not timed), capped at ${CAP_MS / 1000} s. Ratio = SciPy ÷ ours (above 1: ours faster).`,
    '',
    '| graph | edges | ours (s) | SciPy (s) | ratio | total |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Same graph, ${label(denseSize)}: \`solveSparseAssignment\` ${seconds(sparse.bestMs)} s, dense \`solveAssignment\` on the ${n} × ${n} matrix with missing cells = Infinity ${seconds(dense.bestMs)} s (dense ÷ sparse ${(dense.bestMs / sparse.bestMs).toFixed(1)}×; building the matrix not timed).`,
    '',
    problems.length === 0
      ? '**Checks**: every answer is a valid assignment through candidate edges, and every total agrees with ours (relative 1e-9).'
      : `**Problems:**\n\n${problems.map((p) => `- ${p}`).join('\n')}`,
  ].join('\n');
}

/** The sparse assignment suite. */
const suite: BenchSuite = { name: 'sparse', title: 'Sparse assignment', run };
export default suite;

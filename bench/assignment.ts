/**
 * Dense assignment benchmark: `solveAssignment` against the npm peers and SciPy on the same
 * seeded matrices (four kinds, n up to 4000), each contender in its own child process capped
 * at 60 s, every answer checked and totalled the same way.
 */
import { readFileSync } from 'node:fs';
import { CONTENDERS } from './_lib/assignment-contenders.js';
import type { Cell, Column, SizeRow } from './_lib/assignment-report.js';
import { goodMs, npmOverOurs, oursOverScipy, renderTable } from './_lib/assignment-report.js';
import { costOf, totalsAgree } from './_lib/check-assignment.js';
import type { DenseMatrix, MatrixKind } from './_lib/matrices.js';
import { MATRIX_KIND_TITLES, MATRIX_KINDS, makeMatrix } from './_lib/matrices.js';
import { removeMatrix, writeMatrix } from './_lib/matrix-cache.js';
import type { PythonInfo } from './_lib/python.js';
import { probeScipy, runScipy } from './_lib/python.js';
import type { Attempt } from './_lib/run-contender.js';
import { runContender } from './_lib/run-contender.js';
import { sourceFingerprint } from './_lib/source-fingerprint.js';
import type { BenchOptions, BenchSuite } from './_lib/suite.js';
import type { RepeatPolicy } from './_lib/timing.js';
import { DEFAULT_REPEAT, SMOKE_REPEAT } from './_lib/timing.js';

const FULL_SIZES = [100, 300, 1000, 2000, 4000] as const;
const SMOKE_SIZES = [20, 50] as const;
const CAP_MS = 60_000;
/** `solveAssignment` and everything it imports are fingerprinted to catch edits mid-run. */
const SOLVER_ENTRY = 'src/solvers/solve-assignment.ts';
/** Seeds depend on kind and size only, so a size's matrix is the same whichever sizes run. */
const seedOf = (kind: MatrixKind, n: number): number => 1000 * n + MATRIX_KINDS.indexOf(kind) + 1;

const SCIPY_COLUMN: Column = { id: 'scipy', label: 'SciPy', isNpmPeer: false };

/** Turns a finished attempt into a table cell, checking the assignment and the reported total. */
function toCell(matrix: DenseMatrix, attempt: Attempt): Cell {
  if (attempt.status === 'timeout') return { status: 'timeout', capMs: attempt.capMs };
  if (attempt.status === 'error') return { status: 'error', message: attempt.message };
  const cost = costOf(matrix, attempt.rowToCol);
  if ('invalid' in cost) {
    return { status: 'error', message: `invalid assignment: ${cost.invalid}` };
  }
  const problems: string[] = [];
  if (attempt.reportedTotal !== undefined && !totalsAgree(attempt.reportedTotal, cost.total)) {
    problems.push(`reports total ${attempt.reportedTotal} but its assignment costs ${cost.total}`);
  }
  return { status: 'done', ms: attempt.bestMs, reps: attempt.reps, total: cost.total, problems };
}

/**
 * Compares every finished answer with ours and with the cheapest valid one. A valid assignment
 * cheaper than another proves the other is not optimal, so this also catches ours being wrong.
 */
function crossCheck(cells: Map<string, Cell>, labels: ReadonlyMap<string, string>): void {
  let cheapest: { total: number; id: string } | undefined;
  for (const [id, cell] of cells) {
    if (cell.status === 'done' && (cheapest === undefined || cell.total < cheapest.total)) {
      cheapest = { total: cell.total, id };
    }
  }
  if (!cheapest) return;
  const ours = cells.get('ours');
  for (const [id, cell] of cells) {
    if (cell.status !== 'done') continue;
    const problems = [...cell.problems];
    if (id !== 'ours' && ours?.status === 'done' && !totalsAgree(cell.total, ours.total)) {
      problems.push(`total ${cell.total} ≠ ours ${ours.total}`);
    }
    if (!totalsAgree(cell.total, cheapest.total)) {
      problems.push(
        `not optimal: ${labels.get(cheapest.id)} found a cheaper assignment (${cheapest.total} < ${cell.total})`,
      );
    }
    cells.set(id, { ...cell, problems });
  }
}

/** `name@version` of an installed devDependency, for the notes. */
function peerVersion(name: string): string {
  try {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return `${name}@${(JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version}`;
  } catch {
    return `${name} (not installed)`;
  }
}

async function run(options: BenchOptions): Promise<string> {
  const sizes = options.smoke ? SMOKE_SIZES : FULL_SIZES;
  const repeat = options.smoke ? SMOKE_REPEAT : DEFAULT_REPEAT;
  const python: PythonInfo | undefined = probeScipy();
  const sourcesBefore = sourceFingerprint(SOLVER_ENTRY);
  options.log(
    python
      ? `assignment: SciPy ${python.scipy} (Python ${python.python}, NumPy ${python.numpy})`
      : 'assignment: SciPy not available (python3 -c "import scipy" failed); skipping it',
  );
  const columns: Column[] = [...CONTENDERS, SCIPY_COLUMN];
  const labels = new Map(columns.map((c) => [c.id, c.label] as const));
  const problems: string[] = [];
  const sections: string[] = [];
  const summary: string[] = [];
  let oursFailed = false;

  for (const kind of MATRIX_KINDS) {
    const rows: SizeRow[] = [];
    // A contender that hit the cap at some n is not tried at larger n of the same kind.
    const timedOut = new Set<string>();
    for (const n of sizes) {
      const matrix = makeMatrix(kind, n, seedOf(kind, n));
      const path = writeMatrix(`${kind}-${n}-${seedOf(kind, n)}`, matrix);
      const cells = new Map<string, Cell>();
      try {
        for (const column of columns) {
          if (timedOut.has(column.id)) {
            cells.set(column.id, { status: 'skipped', reason: 'timed out at a smaller n' });
            continue;
          }
          let attempt: Attempt;
          if (column.id === 'scipy') {
            if (!python) {
              cells.set('scipy', { status: 'unavailable', reason: 'SciPy not available' });
              continue;
            }
            attempt = await runScipy(path, n, n, repeat, CAP_MS);
          } else {
            attempt = await runContender({
              contenderId: column.id,
              matrixPath: path,
              rows: n,
              cols: n,
              repeat,
              capMs: CAP_MS,
            });
          }
          if (attempt.status === 'timeout') timedOut.add(column.id);
          cells.set(column.id, toCell(matrix, attempt));
          options.log(
            `assignment: ${kind} n=${n} ${column.label}: ${
              attempt.status === 'done'
                ? `${attempt.bestMs.toFixed(2)} ms (best of ${attempt.reps})`
                : attempt.status === 'timeout'
                  ? `not finished (>${CAP_MS / 1000} s)`
                  : `ERROR ${attempt.message}`
            }`,
          );
        }
      } finally {
        removeMatrix(path);
      }
      crossCheck(cells, labels);
      for (const [id, cell] of cells) {
        if (cell.status === 'done' && cell.problems.length > 0) {
          options.log(
            `assignment: ✗ ${kind} n=${n} ${labels.get(id)}: ${cell.problems.join('; ')}`,
          );
        }
      }
      const ours = cells.get('ours');
      if (ours?.status !== 'done' || ours.problems.length > 0) oursFailed = true;
      rows.push({ n, cells });
    }
    sections.push(
      `### ${MATRIX_KIND_TITLES[kind]}\n\n${renderTable(rows, columns, problems, MATRIX_KIND_TITLES[kind])}`,
    );
    summary.push(summarize(kind, rows, columns));
  }

  if (oursFailed) {
    // Our solver failing or losing to a valid cheaper answer must fail the run (CI runs --smoke).
    options.log('assignment: ✗ solveAssignment failed or was not optimal somewhere; see the table');
    process.exitCode = 1;
  }
  const sourcesAfter = sourceFingerprint(SOLVER_ENTRY);
  const sources =
    sourcesBefore === sourcesAfter
      ? `\`solveAssignment\` sources (\`src/solvers/solve-assignment.ts\` and its imports) fingerprint ${sourcesBefore}.`
      : `⚠ **The solver sources changed during this run** (fingerprint ${sourcesBefore} → ${sourcesAfter}): later rows measured a newer \`solveAssignment\` than earlier ones. Run again for a consistent table.`;
  if (sourcesBefore !== sourcesAfter) options.log(`assignment: ${sources}`);
  return [
    notes(python, options.smoke, repeat),
    sources,
    ...sections,
    options.smoke ? '' : `### Targets at n ≥ 1000\n\n${summary.join('\n')}`,
    problems.length === 0
      ? '**Checks**: every finished answer is a valid assignment whose total agrees with ours and with the cheapest found (relative 1e-9).'
      : `### ✗ Problems\n\n${problems.map((p, i) => `${i + 1}. ${p}`).join('\n')}`,
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

/** One summary line per kind: the worst ratios at n ≥ 1000, against the issue's targets. */
function summarize(kind: MatrixKind, rows: readonly SizeRow[], columns: readonly Column[]): string {
  const large = rows.filter((r) => r.n >= 1000 && goodMs(r.cells.get('ours')) !== undefined);
  if (large.length === 0) return `- ${kind}: no n ≥ 1000 measured`;
  const scipy = large.map(oursOverScipy).filter((r): r is number => r !== undefined);
  const npm = large.map((r) => npmOverOurs(r, columns)?.ratio).filter((r) => r !== undefined);
  const worstScipy = scipy.length ? Math.max(...scipy) : undefined;
  const worstNpm = npm.length ? Math.min(...npm) : undefined;
  return `- ${kind}: ours ÷ SciPy at worst ${
    worstScipy === undefined
      ? '—'
      : `${worstScipy.toFixed(2)}× ${worstScipy < 1 ? '✓' : '(target < 1: missed)'}`
  }; fastest npm peer ÷ ours at worst ${
    worstNpm === undefined
      ? '—'
      : `${worstNpm.toFixed(2)}× ${worstNpm >= 1.5 ? '✓' : '(target ≥ 1.5: missed)'}`
  }`;
}

function notes(python: PythonInfo | undefined, smoke: boolean, repeat: RepeatPolicy): string {
  const peers = ['munkres', 'munkres-js', 'linear-sum-assignment', 'hungarian-on3'].map(
    peerVersion,
  );
  return [
    `Square n × n matrices, four kinds, seeded (seed = 1000·n + kind index); sizes ${(smoke ? SMOKE_SIZES : FULL_SIZES).join(', ')}.`,
    `Contenders: ours (\`solveAssignment\`), ${peers.join(', ')}, and ${
      python
        ? `SciPy ${python.scipy} \`linear_sum_assignment\` (Python ${python.python}, NumPy ${python.numpy})`
        : 'SciPy (not available on this machine)'
    }.`,
    `Each contender runs in its own process on the same matrix bytes; only the solve is timed (conversion to each library’s input form is not), best of up to ${repeat.maxReps} runs while the runs add up to under ${repeat.budgetMs / 1000} s (so small sizes are timed warm and large sizes run once).`,
    `A contender is killed after ${CAP_MS / 1000} s ("not finished") and then skipped at larger n of that kind. Every answer is checked to be a valid assignment and totalled the same way; a total that differs from ours or from the cheapest found by more than a relative 1e-9 is marked ✗ and listed below.`,
    'Ratios: ours ÷ SciPy (below 1: ours faster), fastest correct npm peer ÷ ours (above 1: ours faster).',
  ].join('\n');
}

/** The dense assignment suite. */
const suite: BenchSuite = { name: 'assignment', title: 'Dense assignment', run };
export default suite;

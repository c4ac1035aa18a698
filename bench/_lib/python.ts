/**
 * SciPy as the reference contender: `scipy.optimize.linear_sum_assignment` (C++, Crouse's
 * shortest augmenting path) on the same cached matrices, timed inside Python so interpreter
 * start-up and file reading are not charged.
 */
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Attempt } from './run-contender.js';
import type { RepeatPolicy } from './timing.js';

const SCRIPT = fileURLToPath(new URL('./scipy_lsap.py', import.meta.url));

/** Versions found, for the results section. */
export interface PythonInfo {
  readonly python: string;
  readonly numpy: string;
  readonly scipy: string;
}

/**
 * Checks whether `python3` can import SciPy.
 *
 * @returns the versions, or `undefined` when python3 or SciPy is missing
 */
export function probeScipy(): PythonInfo | undefined {
  try {
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import json, platform, numpy, scipy; print(json.dumps({"python": platform.python_version(), "numpy": numpy.__version__, "scipy": scipy.__version__}))',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 },
    );
    return JSON.parse(out) as PythonInfo;
  } catch {
    return undefined;
  }
}

/**
 * Times SciPy on one cached matrix in a python3 subprocess, killed after `capMs` (plus a
 * little for start-up). Never rejects.
 *
 * @param matrixPath - raw float64 file from `writeMatrix`
 * @param rows - row count
 * @param cols - column count
 * @param repeat - repetition policy, the same as the JS contenders'
 * @param capMs - time cap
 * @returns how the attempt ended
 */
export function runScipy(
  matrixPath: string,
  rows: number,
  cols: number,
  repeat: RepeatPolicy,
  capMs: number,
): Promise<Attempt> {
  return new Promise((resolve) => {
    const child = spawn(
      'python3',
      [
        SCRIPT,
        matrixPath,
        String(rows),
        String(cols),
        String(repeat.maxReps),
        String(repeat.budgetMs),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    // Start-up (importing NumPy and SciPy, reading the file) is not part of the cap.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, capMs + 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 'error', message: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({ status: 'timeout', capMs });
        return;
      }
      try {
        if (code !== 0) throw new Error(`python3 exited with code ${code}`);
        const parsed = JSON.parse(stdout) as { bestMs: number; reps: number; rowToCol: number[] };
        resolve({ status: 'done', ...parsed });
      } catch (error) {
        const last = stderr.trim().split('\n').slice(-2).join(' ');
        resolve({
          status: 'error',
          message: `${(error as Error).message}${last ? `: ${last}` : ''}`,
        });
      }
    });
  });
}

/** Runs one assignment contender in a child process under a time cap. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RepeatPolicy } from './timing.js';

const WORKER = fileURLToPath(new URL('./assignment-worker.ts', import.meta.url));

/** How a contender's attempt ended. */
export type Attempt =
  | {
      readonly status: 'done';
      readonly bestMs: number;
      readonly reps: number;
      readonly rowToCol: readonly number[];
      readonly reportedTotal?: number;
    }
  | { readonly status: 'timeout'; readonly capMs: number }
  | { readonly status: 'error'; readonly message: string };

/** Where and how to run one attempt. */
export interface AttemptSpec {
  readonly contenderId: string;
  readonly matrixPath: string;
  readonly rows: number;
  readonly cols: number;
  readonly repeat: RepeatPolicy;
  /** Kill the child this long after it said it was ready (loading is not charged). */
  readonly capMs: number;
}

/** Loading tsx and a library, or reading a 128 MB matrix, should never take this long. */
const STARTUP_LIMIT_MS = 60_000;

/**
 * Forks `assignment-worker.ts` (under tsx) for one contender and one matrix, and kills it if
 * it passes the cap. Never rejects: failures come back as `{ status: 'error' }`.
 *
 * @param spec - contender, matrix and limits
 * @returns how the attempt ended
 */
export function runContender(spec: AttemptSpec): Promise<Attempt> {
  return new Promise((resolve) => {
    const child = fork(
      WORKER,
      [
        spec.contenderId,
        spec.matrixPath,
        String(spec.rows),
        String(spec.cols),
        String(spec.repeat.maxReps),
        String(spec.repeat.budgetMs),
      ],
      {
        execArgv: ['--import', 'tsx'],
        // The peers log nothing we want; keep stderr for crashes (out of memory and the like).
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      },
    );
    let settled = false;
    let stderr = '';
    const finish = (attempt: Attempt): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(attempt);
    };
    let timer = setTimeout(
      () => finish({ status: 'error', message: `did not start within ${STARTUP_LIMIT_MS} ms` }),
      STARTUP_LIMIT_MS,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message: { type: string } & Record<string, unknown>) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ status: 'timeout', capMs: spec.capMs }), spec.capMs);
      } else if (message.type === 'result') {
        finish({
          status: 'done',
          bestMs: message.bestMs as number,
          reps: message.reps as number,
          rowToCol: message.rowToCol as number[],
          reportedTotal: message.reportedTotal as number | undefined,
        });
      } else if (message.type === 'error') {
        finish({ status: 'error', message: String(message.message) });
      }
    });
    child.on('error', (error) => finish({ status: 'error', message: error.message }));
    child.on('exit', (code, signal) => {
      const last = stderr.trim().split('\n').slice(-3).join(' ');
      finish({
        status: 'error',
        message: `child exited (${signal ?? `code ${code}`}) without a result${last ? `: ${last}` : ''}`,
      });
    });
  });
}

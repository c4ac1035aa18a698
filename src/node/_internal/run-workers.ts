import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PeermatchError } from '../../index.js';

/** How {@link runWorkers} starts and watches its workers. */
export interface WorkerRun<Data> {
  /** The calling function, for messages. */
  readonly api: string;
  /** The worker script's name without extension, e.g. `candidates-worker`. */
  readonly script: string;
  readonly count: number;
  readonly data: Data;
  /** Int32 control words shared with the workers; `control[1]` is their stop flag. */
  readonly control: Int32Array;
  readonly signal: AbortSignal | undefined;
  /** Called every `pollMs` while the workers run (e.g. to report progress); a throw rejects. */
  readonly poll?: () => void;
  readonly pollMs?: number;
}

/**
 * Starts `count` workers on one script with the same data; settles with one message from each
 * when all are done, or on the first failure or the abort signal (`ABORTED`): then the stop
 * flag is raised and every worker is terminated, so none keeps running after the promise.
 */
export function runWorkers<Data, Result>(run: WorkerRun<Data>): Promise<Result[]> {
  const { api, count, data, control, signal, poll } = run;
  const entry = workerEntry(api, run.script);
  return new Promise((resolve, reject) => {
    const results: Result[] = [];
    const started: Worker[] = [];
    let settled = false;
    // A throwing callback (e.g. `onProgress`) must reject this promise, not crash the process.
    const timer =
      poll === undefined
        ? undefined
        : setInterval(() => {
            try {
              poll();
            } catch (error) {
              finish(error);
            }
          }, run.pollMs ?? 100);
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
      Atomics.store(control, 1, 1);
      for (const w of started) void w.terminate();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const onAbort = (): void =>
      finish(
        new PeermatchError('ABORTED', `${api}: aborted by the caller's signal`, [
          { code: 'ABORTED', path: ['signal'], message: `${api}: the signal was aborted` },
        ]),
      );
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort);
    for (let w = 0; w < count && !settled; w++) {
      const worker = new Worker(entry.url, { workerData: data, eval: entry.eval });
      started.push(worker);
      worker.once('message', (message: Result) => {
        results.push(message);
        if (results.length === count) finish(undefined);
      });
      worker.once('error', (error) => finish(error));
      worker.once('exit', (code) => {
        if (!settled && results.length < count && code !== 0) {
          finish(new Error(`${api}: a worker thread stopped with exit code ${code}`));
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
function workerEntry(api: string, script: string): { url: URL | string; eval: boolean } {
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  for (const candidate of [`./${script}.js`, `./node/${script}.js`, `../node/${script}.js`]) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { url, eval: false };
  }
  for (const candidate of [`./${script}.ts`, `./_internal/${script}.ts`]) {
    const source = new URL(candidate, here).href;
    if (!existsSync(fileURLToPath(source))) continue;
    // tsx's ESM API (`register`), found through its CommonJS twin.
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(
      /\.cjs$/,
      '.mjs',
    );
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
    return { url: code, eval: true };
  }
  throw new Error(`${api}: cannot find the worker script ${script}.js near ${here}`);
}

/**
 * Worker-thread entry of `buildCandidatesParallel`. By columns: takes the next slice of the
 * columns from a shared counter, binds the scorers and rules to its own copy of the cohort for
 * those columns, and scans every row against them (every row's k best among its columns, and
 * its columns' k best rows). By rows: takes blocks of rows from a shared counter until none is
 * left (their k best columns, and every column's k best among them). Either way into one
 * partial, transferred back when done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CandidatePartial, prepareCandidates } from '../../index.js';
import type { CandidatesWorkerData, CandidatesWorkerResult } from './candidates-protocol.js';

const data = workerData as CandidatesWorkerData;
const control = new Int32Array(data.control);
// control[0]: the next slice or row to take; control[1]: set by the main thread to stop early;
// control[2]: rows done over all workers, read by the main thread for progress.
const stopped = () => Atomics.load(control, 1) !== 0;

function bySlice(bounds: readonly number[]): CandidatesWorkerResult {
  const slice = Atomics.add(control, 0, 1);
  const from = bounds[slice];
  const build = prepareCandidates(data.cohort, data.program, {
    ...data.options,
    right: data.options.right.slice(from, bounds[slice + 1]),
  });
  let partial = build.scan(0, 0);
  for (let start = 0; start < build.rows && !stopped(); start += data.block) {
    const end = Math.min(start + data.block, build.rows);
    partial = build.scan(start, end, partial);
    Atomics.add(control, 2, end - start);
  }
  return { from, partial };
}

function byRows(): CandidatesWorkerResult {
  const build = prepareCandidates(data.cohort, data.program, data.options);
  let partial: CandidatePartial | undefined;
  while (!stopped()) {
    const start = Atomics.add(control, 0, data.block);
    if (start >= build.rows) break;
    const end = Math.min(start + data.block, build.rows);
    partial = build.scan(start, end, partial);
    Atomics.add(control, 2, end - start);
  }
  return { from: 0, partial };
}

const result = data.bounds === undefined ? byRows() : bySlice(data.bounds);
parentPort?.postMessage(
  result,
  result.partial === undefined
    ? []
    : Object.values(result.partial).map((a: ArrayBufferView) => a.buffer as ArrayBuffer),
);

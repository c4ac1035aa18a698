/**
 * Worker-thread entry of `buildCandidatesParallel`: takes the next slice of the columns from a
 * shared counter, binds the scorers and rules to its own copy of the cohort for those columns,
 * scans every row against them into one partial (every row's k best among its columns, and its
 * columns' k best rows), and transfers it back when done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCandidates } from '../../index.js';
import type { CandidatesWorkerData, CandidatesWorkerResult } from './candidates-protocol.js';

const data = workerData as CandidatesWorkerData;
const control = new Int32Array(data.control);
// control[0]: the next slice to take; control[1]: set by the main thread to stop early;
// control[2]: rows done over all workers, read by the main thread for progress.
const slice = Atomics.add(control, 0, 1);
const from = data.bounds[slice];
const build = prepareCandidates(data.cohort, data.program, {
  ...data.options,
  right: data.columns.slice(from, data.bounds[slice + 1]),
});
let partial = build.scan(0, 0);
for (let start = 0; start < build.rows && Atomics.load(control, 1) === 0; start += data.block) {
  const end = Math.min(start + data.block, build.rows);
  partial = build.scan(start, end, partial);
  Atomics.add(control, 2, end - start);
}
const result: CandidatesWorkerResult = { from, partial };
parentPort?.postMessage(
  result,
  Object.values(partial).map((a: ArrayBufferView) => a.buffer as ArrayBuffer),
);

/**
 * Worker-thread entry of `buildCandidatesParallel`: binds the scorers and rules to its own copy
 * of the cohort, then takes blocks of rows from a shared counter until none is left, scanning
 * them all into one partial (its rows' heaps, and column heaps over its rows), which it
 * transfers back when done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CandidatePartial, prepareCandidates } from '../../index.js';
import type { CandidatesWorkerData, CandidatesWorkerResult } from './candidates-protocol.js';

const data = workerData as CandidatesWorkerData;
const build = prepareCandidates(data.cohort, data.program, data.options);
const control = new Int32Array(data.control);
let partial: CandidatePartial | undefined;
// control[0]: next row to take; control[1]: set by the main thread to stop early;
// control[2]: rows done, read by the main thread for progress.
while (Atomics.load(control, 1) === 0) {
  const from = Atomics.add(control, 0, data.block);
  if (from >= build.rows) break;
  const to = Math.min(from + data.block, build.rows);
  partial = build.scan(from, to, partial);
  Atomics.add(control, 2, to - from);
}
const result: CandidatesWorkerResult = { partial };
parentPort?.postMessage(
  result,
  partial === undefined
    ? []
    : Object.values(partial).map((a: ArrayBufferView) => a.buffer as ArrayBuffer),
);

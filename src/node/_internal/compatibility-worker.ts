/**
 * Worker-thread entry of `buildCompatibilityParallel`: binds the scorers and rules to its own
 * copy of the cohort, then takes blocks of rows from a shared counter until none is left,
 * writing them straight into the shared matrix. It posts its column counts when done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCompatibility } from '../../index.js';
import type { CompatibilityWorkerData } from './compatibility-protocol.js';

const data = workerData as CompatibilityWorkerData;
const build = prepareCompatibility(data.cohort, data.program, data.options);
const { rows, cols } = build;
const scores = new Float64Array(data.scores);
const allowed = new Uint8Array(data.allowed);
const perLeft = new Int32Array(data.perLeft);
const control = new Int32Array(data.control);
const perRight = new Int32Array(cols);
// control[0]: next row to take; control[1]: set by the main thread to stop early.
while (Atomics.load(control, 1) === 0) {
  const from = Atomics.add(control, 0, data.block);
  if (from >= rows) break;
  build.fill(from, Math.min(from + data.block, rows), scores, allowed, perLeft, perRight);
}
parentPort?.postMessage({ perRight }, [perRight.buffer]);

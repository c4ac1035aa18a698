import type { Cohort, CompatibilityOptions, Program } from '../../index.js';

/** What `buildCompatibilityParallel` hands each worker (structured-cloned, buffers shared). */
export interface CompatibilityWorkerData {
  readonly cohort: Cohort;
  readonly program: Program | undefined;
  /** Without `signal`, custom scorers or custom constraints: none can cross threads. */
  readonly options: Omit<CompatibilityOptions, 'signal' | 'scorers' | 'constraints'>;
  readonly scores: SharedArrayBuffer;
  readonly allowed: SharedArrayBuffer;
  readonly perLeft: SharedArrayBuffer;
  /** Int32 × 2: the next row to take, and the stop flag. */
  readonly control: SharedArrayBuffer;
  /** Rows taken at a time. */
  readonly block: number;
}

/** What a worker posts back when it has no rows left to take. */
export interface CompatibilityWorkerResult {
  readonly perRight: Int32Array;
}

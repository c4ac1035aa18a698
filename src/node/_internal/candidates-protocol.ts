import type { CandidateOptions, CandidatePartial, Cohort, Program } from '../../index.js';

/** What `buildCandidatesParallel` hands each worker (structured-cloned, `control` shared). */
export interface CandidatesWorkerData {
  readonly cohort: Cohort;
  readonly program: Program | undefined;
  /** Without `signal`, custom scorers or custom constraints: none can cross threads. */
  readonly options: Omit<CandidateOptions, 'signal' | 'scorers' | 'constraints'>;
  /** Int32 × 3: the next row to take, the stop flag, and the rows done (for progress). */
  readonly control: SharedArrayBuffer;
  /** Rows taken at a time. */
  readonly block: number;
}

/** What a worker posts back when it has no rows left to take (buffers transferred). */
export interface CandidatesWorkerResult {
  /** Everything it scanned; left out when it took no rows. */
  readonly partial: CandidatePartial | undefined;
}

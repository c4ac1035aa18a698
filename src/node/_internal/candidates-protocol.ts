import type { CandidateOptions, CandidatePartial, Cohort, Program } from '../../index.js';

/** What `buildCandidatesParallel` hands each worker (structured-cloned, `control` shared). */
export interface CandidatesWorkerData {
  readonly cohort: Cohort;
  readonly program: Program | undefined;
  /** Without `signal`, custom scorers or custom constraints: none can cross threads. */
  readonly options: Omit<CandidateOptions, 'signal' | 'scorers' | 'constraints' | 'right'>;
  /** The columns of the whole build, in order; worker `s` takes `columns[bounds[s] … bounds[s + 1])`. */
  readonly columns: readonly string[];
  readonly bounds: readonly number[];
  /** Int32 × 3: the next slice to take, the stop flag, and the rows done over all workers. */
  readonly control: SharedArrayBuffer;
  /** Rows scanned between checks of the stop flag and progress updates. */
  readonly block: number;
}

/** What a worker posts back when it has scanned its slice (buffers transferred). */
export interface CandidatesWorkerResult {
  /** Its first column in the whole build, and every row scanned against its slice. */
  readonly from: number;
  readonly partial: CandidatePartial;
}

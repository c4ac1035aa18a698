import type { CandidateOptions, CandidatePartial, Cohort, Program } from '../../index.js';

/** What `buildCandidatesParallel` hands each worker (structured-cloned, `control` shared). */
export interface CandidatesWorkerData {
  readonly cohort: Cohort;
  readonly program: Program | undefined;
  /**
   * Without `signal`, custom scorers or custom constraints (none can cross threads), and with
   * both sides as ids, in the whole build's order.
   */
  readonly options: Omit<CandidateOptions, 'signal' | 'scorers' | 'constraints' | 'right'> & {
    readonly right: readonly string[];
  };
  /**
   * Split by columns: worker `s` takes columns `bounds[s] … bounds[s + 1] - 1` and every row.
   * Left out: split by rows, taken `block` at a time from a shared counter.
   */
  readonly bounds?: readonly number[];
  /**
   * Int32 × 3: the next slice (or row) to take, the stop flag, and the rows done over all
   * workers, for progress.
   */
  readonly control: SharedArrayBuffer;
  /** Rows scanned between checks of the stop flag and progress updates. */
  readonly block: number;
}

/** What a worker posts back when it is done (buffers transferred). */
export interface CandidatesWorkerResult {
  /** Its first column in the whole build (0 when split by rows). */
  readonly from: number;
  /** Everything it scanned; left out when, split by rows, it took none. */
  readonly partial: CandidatePartial | undefined;
}

import {
  type Cohort,
  MATCH_RECIPROCAL_DEFAULTS,
  MATCH_SCALE_DEFAULTS,
  type MatchReciprocalOptions,
  type MatchResult,
  matchReciprocal,
  PeermatchError,
  type Program,
  type ProgramInput,
  parseProgram,
} from '../index.js';
import { ownScans, reciprocalTopK } from '../modes/_internal/reciprocal-scan.js';
import { sideIds, threadsIssue } from './_internal/parallel-options.js';
import { scanOnThreads } from './_internal/scan-on-threads.js';

const API = 'matchReciprocalParallel';

/** Options of {@link matchReciprocalParallel}. */
export interface MatchReciprocalParallelOptions extends Omit<MatchReciprocalOptions, 'scan'> {
  /**
   * Worker threads for the candidate scan, as in `buildCandidatesParallel` (`1` scans on the
   * calling thread).
   * @default os.availableParallelism()
   */
  readonly threads?: number;
}

/**
 * `matchReciprocal` with its candidate scan on worker threads: for pairs above
 * `program.matching.denseLimit` peers² it scans each peer's best receivers and givers with
 * `buildCandidatesParallel` (the `k` `matchReciprocal` would scan with) and passes them to
 * `matchReciprocal(…, { scan })`; at or below the limit, and for rings, it is the plain call (no
 * worker is started). The result is the same as `matchReciprocal` gives, bit for bit; only the
 * scan, which dominates large runs, is shared between the threads (scoring the directions of
 * the candidate pairs no list holds, the blossom and the report stay on the calling thread).
 * The scan is passed on as the call's own: built under its options, its lists' scores are
 * taken as they are, not scored again as a scan from elsewhere is.
 *
 * The options are checked before any worker starts. `onProgress` reports the same phases as
 * `matchReciprocal` (`'candidates'` from the workers, then `'pairs'`, `'solve'`, `'report'`). Custom
 * scorers and constraints cannot cross to a worker: with them the scan stays on the calling
 * thread, as in `buildCandidatesParallel`.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - Those of `matchReciprocal` (but `scan`), plus `threads`.
 * @returns The {@link MatchResult} `matchReciprocal` returns.
 * @throws {PeermatchError} As `matchReciprocal` (as a rejection); `INVALID_OPTIONS` for a bad
 *   `threads`; `ABORTED` when `options.signal` fires (the workers are stopped).
 * @example
 * ```ts
 * import { matchReciprocalParallel } from 'peermatch/node';
 * const result = await matchReciprocalParallel(cohort, undefined, { threads: 2 });
 * result.scale?.method;
 * //=> 'top-k' (above program.matching.denseLimit), else 'dense'
 * ```
 */
export async function matchReciprocalParallel(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: MatchReciprocalParallelOptions,
): Promise<MatchResult> {
  const { threads, ...rest } = options ?? {};
  const issue = threadsIssue(API, threads);
  if (issue !== undefined) {
    throw new PeermatchError('INVALID_OPTIONS', `${API}: 1 problem(s) with the options`, [issue]);
  }
  const peers = sideIds(cohort, rest.participants, (i) => cohort.role[i] === 2);
  const { matching } = program === undefined ? cohort.program : parseProgram(program);
  const denseLimit = matching.denseLimit ?? MATCH_SCALE_DEFAULTS.denseLimit;
  // A scan given anyway (from JavaScript): nothing is left to build. Rings stay dense.
  const given = (rest as MatchReciprocalOptions).scan !== undefined;
  const pairs = rest.structure === undefined || rest.structure === 'pairs';
  if (given || !pairs || peers === null || peers.length ** 2 <= denseLimit) {
    return matchReciprocal(cohort, program, rest);
  }
  // Every other option is checked by a call on no one (dense, instantly), so a mistake is
  // reported now rather than after the scan. Progress is left out of it: the phases of that
  // empty run are not the caller's; `buildCandidatesParallel` checks it.
  matchReciprocal(cohort, program, { ...rest, participants: [], onProgress: undefined });
  const { scan: k } = reciprocalTopK(
    peers.length,
    rest.candidates ?? matching.candidates ?? MATCH_RECIPROCAL_DEFAULTS.candidates,
  );
  const scan = await scanOnThreads(
    cohort,
    program,
    { ...rest, threads },
    { left: peers, right: peers, layout: 'square', k },
  );
  ownScans.add(scan);
  return matchReciprocal(cohort, program, { ...rest, scan });
}

import {
  type Cohort,
  MATCH_SCALE_DEFAULTS,
  type MatchOneToOneOptions,
  type MatchResult,
  matchOneToOne,
  PeermatchError,
  type Program,
  type ProgramInput,
  parseProgram,
} from '../index.js';
import { sideIds, threadsIssue } from './_internal/parallel-options.js';
import { scanOnThreads } from './_internal/scan-on-threads.js';

const API = 'matchOneToOneParallel';

/** Options of {@link matchOneToOneParallel}. */
export interface MatchOneToOneParallelOptions extends Omit<MatchOneToOneOptions, 'candidates'> {
  /**
   * Worker threads for the candidate scan, as in `buildCandidatesParallel` (`1` scans on the
   * calling thread).
   * @default os.availableParallelism()
   */
  readonly threads?: number;
}

/**
 * `matchOneToOne` with its candidate scan on worker threads: above
 * `program.matching.denseLimit` mentors × mentees cells it builds the top-k candidates with
 * `buildCandidatesParallel` and passes them to `matchOneToOne(…, { candidates })`; at or below
 * the limit it is the plain call (no worker is started). The result is the same as
 * `matchOneToOne` gives, bit for bit; only the scan, which dominates large runs, is shared
 * between the threads (solving, widening, pricing and the report stay on the calling thread).
 *
 * The options are checked before any worker starts. `onProgress` reports the same phases as
 * `matchOneToOne` (`'candidates'` from the workers, then `'solve'`, `'widen'`, `'pricing'` with
 * `program.matching.pricing`, `'report'`).
 * Custom scorers and constraints cannot cross to a worker: with them the scan stays on the
 * calling thread, as in `buildCandidatesParallel`.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - Those of `matchOneToOne`, plus `threads`.
 * @returns The {@link MatchResult} `matchOneToOne` returns.
 * @throws {PeermatchError} As `matchOneToOne` (as a rejection); `INVALID_OPTIONS` for a bad
 *   `threads`;
 *   `ABORTED` when `options.signal` fires (the workers are stopped).
 * @example
 * ```ts
 * import { matchOneToOneParallel } from 'peermatch/node';
 * const result = await matchOneToOneParallel(cohort, undefined, { threads: 2 });
 * result.scale?.method;
 * //=> 'top-k' (above program.matching.denseLimit), else 'dense'
 * ```
 */
export async function matchOneToOneParallel(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: MatchOneToOneParallelOptions,
): Promise<MatchResult> {
  const { threads, ...rest } = options ?? {};
  const issue = threadsIssue(API, threads);
  if (issue !== undefined) {
    throw new PeermatchError('INVALID_OPTIONS', `${API}: 1 problem(s) with the options`, [issue]);
  }
  const mentors = sideIds(cohort, rest.mentors, (i) => cohort.role[i] === 0);
  const mentees = sideIds(cohort, rest.mentees, (i) => cohort.role[i] === 1);
  const { matching } = program === undefined ? cohort.program : parseProgram(program);
  const denseLimit = matching.denseLimit ?? MATCH_SCALE_DEFAULTS.denseLimit;
  // Candidates given anyway (from JavaScript): nothing is left to build.
  const given = (rest as MatchOneToOneOptions).candidates !== undefined;
  if (
    given ||
    mentors === null ||
    mentees === null ||
    mentors.length * mentees.length <= denseLimit
  ) {
    return matchOneToOne(cohort, program, rest);
  }
  // Every other option is checked by a call on no one (a 0 × 0 dense run, instantly), so a
  // mistake is reported now rather than after the scan. Progress is left out of it: the
  // phases of that empty run are not the caller's; `buildCandidatesParallel` checks it.
  matchOneToOne(cohort, program, { ...rest, mentors: [], mentees: [], onProgress: undefined });
  const candidates = await scanOnThreads(
    cohort,
    program,
    { ...rest, threads },
    {
      left: mentors,
      right: mentees,
      layout: 'directed',
      k: matching.candidates ?? MATCH_SCALE_DEFAULTS.candidates,
    },
  );
  return matchOneToOne(cohort, program, { ...rest, candidates });
}

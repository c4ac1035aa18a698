import { PeermatchError } from '../errors.js';
import type { Cohort } from '../profile/cohort.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import { type CandidateOptions, prepareCandidatesNamed } from './prepare-candidates.js';
import type { CompatibilityCandidates } from './types.js';

export { BUILD_CANDIDATES_DEFAULTS } from './prepare-candidates.js';

/** Options of {@link buildCandidates}. */
export interface BuildCandidatesOptions extends CandidateOptions {
  /**
   * Called as rows are scanned: phase `'candidates'`, rows done, rows in all (about every
   * million pairs, and once at the end).
   */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

/** Pairs scored between two progress reports (and abort checks beyond the scan's own). */
const PAIRS_PER_REPORT = 1 << 20;

/**
 * The k best allowed partners of every participant, for cohorts too large for a dense matrix:
 * rows are scored one at a time (the same rules, scorers and weights as `buildCompatibility`)
 * and only the k best per row and per column are kept, in `O((rows + cols) × k)` memory — the
 * full matrix is never materialised. Every pair goes through the rules, but without custom
 * scorers or constraints only the pairs whose cheap upper bound reaches their row's or column's
 * k-th best so far are scored — the same candidates as scoring every pair. `edges` (the union
 * of both lists) is the input of a sparse assignment. `explain` and `diagnose` work as on a
 * matrix; `allowedPerLeft` / `allowedPerRight` count every allowed partner, not only the kept.
 * Ties keep the lower index. `prepareCandidates` splits the same build into blocks for other
 * threads; `buildCandidatesParallel` (`peermatch/node`) runs them on worker threads.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`).
 * @param options - See {@link BuildCandidatesOptions}.
 * @returns The candidate lists.
 * @example
 * ```ts
 * const candidates = buildCandidates(cohort, undefined, { k: 3 });
 * const row = candidates.leftIds.indexOf('ana');
 * Array.from(
 *   candidates.forLeft.partners.subarray(candidates.forLeft.offsets[row], candidates.forLeft.offsets[row + 1]),
 *   (j) => candidates.rightIds[j],
 * );
 * //=> ['bo', 'dan', 'eve']
 * ```
 */
export function buildCandidates(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options: BuildCandidatesOptions = {},
): CompatibilityCandidates {
  const api = 'buildCandidates';
  const { onProgress, ...rest } = options ?? {};
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new PeermatchError('INVALID_OPTIONS', `${api}: bad onProgress`, [
      {
        code: 'INVALID_TYPE',
        path: ['onProgress'],
        message: `${api}: onProgress must be a function (phase, done, total), got ${typeof onProgress}`,
      },
    ]);
  }
  const build = prepareCandidatesNamed(api, cohort, program, rest);
  const { rows, cols } = build;
  const block = Math.max(1, Math.ceil(PAIRS_PER_REPORT / Math.max(1, cols)));
  onProgress?.('candidates', 0, rows);
  const partial = build.scan(0, Math.min(block, rows));
  for (let from = block; from < rows; from += block) {
    onProgress?.('candidates', from, rows);
    build.scan(from, Math.min(from + block, rows), partial);
  }
  onProgress?.('candidates', rows, rows);
  return build.merge([partial]);
}

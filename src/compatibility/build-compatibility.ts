import type { Cohort } from '../profile/cohort.js';
import type { Program, ProgramInput } from '../profile/program-schema.js';
import type { CompatibilityOptions } from './_internal/setup.js';
import { prepareNamed } from './prepare-compatibility.js';
import type { CompatibilityMatrix } from './types.js';

export type { CompatibilityOptions };

/**
 * Builds the dense compatibility matrix of a cohort: every allowed (giver, receiver) pair scored
 * in [0, 1] as the weighted mean of the scorers, every forbidden pair masked out by the hard
 * rules. Rows are givers, columns receivers (`directed`: mentors and peers × mentees and peers),
 * or everyone × everyone (`square`) for reciprocal, peer-circle and skill-swap programs.
 *
 * - **Weights**: built-in defaults by program kind, then `program.weights`, then
 *   `options.weights`; a scorer weighted 0 is not run. Custom scorers (`options.scorers`) weigh 1
 *   unless weighted.
 * - **Rules**: the `program.constraints` switches; custom rules (`options.constraints`) are on
 *   unless switched off there. The allowed mask comes from the rules alone — no scorer, weight
 *   or custom scorer can make a forbidden pair allowed.
 * - **Explanations** are lazy: `explain(leftId, rightId)` recomputes one cell with reasons.
 * - **Before solving**: `allowedPerLeft` / `allowedPerRight`, `unpartnered`, and `diagnose()`
 *   say who has no allowed partner, which rules exclude whom, and which single rule to relax.
 *
 * Memory is `rows × cols × 9` bytes (scores and mask); for very large cohorts use
 * `buildCandidates`. Deterministic; the cohort is not modified.
 *
 * @param cohort - From `normalizeCohort`.
 * @param program - The program in force (default `cohort.program`): it may change weights,
 *   rules, `matching` and kind, but not what normalisation used (date, stages, taxonomy, …).
 * @param options - See {@link CompatibilityOptions}.
 * @returns The matrix.
 * @throws {PeermatchError} `INVALID_INPUT` (bad program, `managerId` cycle), `INVALID_OPTIONS`
 *   (unknown scorer in weights, bad custom scorer or score), `ABORTED`.
 * @example
 * ```ts
 * const matrix = buildCompatibility(cohort);
 * matrix.scores[matrix.leftIds.indexOf('ana') * matrix.cols + matrix.rightIds.indexOf('bo')];
 * //=> 0.74
 * matrix.explain('carla', 'bo').violations[0].code;
 * //=> 'REPORTING_LINE'
 * matrix.diagnose().unpartnered[0]?.message;
 * //=> 'eve has no allowed mentor among 3: safeguarding excludes 3; relaxing safeguarding alone would allow 3'
 * ```
 */
export function buildCompatibility(
  cohort: Cohort,
  program?: ProgramInput | Program,
  options?: CompatibilityOptions,
): CompatibilityMatrix {
  const build = prepareNamed('buildCompatibility', cohort, program, options);
  const scores = new Float64Array(build.rows * build.cols);
  const allowed = new Uint8Array(build.rows * build.cols);
  const perLeft = new Int32Array(build.rows);
  const perRight = new Int32Array(build.cols);
  build.fill(0, build.rows, scores, allowed, perLeft, perRight);
  return build.toMatrix(scores, allowed, perLeft, perRight);
}

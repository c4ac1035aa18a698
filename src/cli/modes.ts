import {
  type Cohort,
  type MatchObjective,
  type MatchResult,
  matchGroups,
  type Program,
} from '../index.js';
import { matchOneToOneParallel } from '../node/match-one-to-one-parallel.js';
import { matchReciprocalParallel } from '../node/match-reciprocal-parallel.js';
import { UsageError } from './usage-error.js';

/** What every mode takes from the command line. */
export interface ModeOptions {
  readonly objective?: MatchObjective;
  readonly minScore?: number;
  /** The mode's progress, for the progress bar. */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

/** Runs one matching mode on a normalised cohort. */
export type ModeRunner = (
  cohort: Cohort,
  program: Program,
  options: ModeOptions,
) => MatchResult | Promise<MatchResult>;

/**
 * The modes `peermatch match --mode` knows. A mode listed with `undefined` exists in the
 * library's plan but not in this build: asking for it is a clear usage error, not a crash. To
 * add a mode, put its runner here (and its objectives in `MODE_OBJECTIVES`).
 */
export const MODES: Readonly<Record<string, ModeRunner | undefined>> = Object.freeze({
  // Above the dense limit the candidate scan runs on every core; below it, the plain call.
  'one-to-one': (cohort, program, options) => matchOneToOneParallel(cohort, program, options),
  group: (cohort, program, options) => {
    // Groups maximise within-group compatibility; there is no pair threshold to apply.
    if (options.minScore !== undefined) {
      throw new UsageError('match: --min-score does not apply to --mode group');
    }
    return matchGroups(cohort, program, { onProgress: options.onProgress });
  },
  // Pairs above the dense limit scan their candidates on every core, as one-to-one does.
  reciprocal: (cohort, program, options) =>
    matchReciprocalParallel(cohort, program, {
      objective: options.objective as 'coverage' | 'total' | undefined,
      minScore: options.minScore,
      onProgress: options.onProgress,
    }),
  // A re-match needs the previous result and the changes: `peermatch rematch`.
  rematch: undefined,
});

/** Objectives each available mode accepts; the first is the default. */
export const MODE_OBJECTIVES: Readonly<Record<string, readonly MatchObjective[]>> = Object.freeze({
  'one-to-one': ['coverage', 'total', 'fairness'],
  group: ['total'],
  reciprocal: ['coverage', 'total'],
});

/** The mode a program asks for when `--mode` is not given. */
export function defaultMode(program: Program): string {
  const mode = (program as { mode?: unknown }).mode;
  return typeof mode === 'string' && mode in MODES ? mode : 'one-to-one';
}

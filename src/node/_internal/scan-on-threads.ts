import type {
  Cohort,
  CompatibilityCandidates,
  CompatibilityOptions,
  Program,
  ProgramInput,
} from '../../index.js';
import { buildCandidatesParallel } from '../build-candidates-parallel.js';

/** What a mode passes on to its candidate scan. */
type ScanOptions = Pick<CompatibilityOptions, 'scorers' | 'constraints' | 'weights' | 'signal'> & {
  readonly onProgress?: (phase: string, done: number, total: number) => void;
  readonly threads?: number | undefined;
};

/**
 * A mode's top-k candidate scan on worker threads (`buildCandidatesParallel`): the sides,
 * layout and `k` the mode would scan with, under the call's scorers, constraints, weights,
 * signal and progress.
 */
export function scanOnThreads(
  cohort: Cohort,
  program: ProgramInput | Program | undefined,
  options: ScanOptions,
  scan: Pick<CompatibilityOptions, 'left' | 'right' | 'layout'> & { readonly k: number },
): Promise<CompatibilityCandidates> {
  const { scorers, constraints, weights, signal, onProgress, threads } = options;
  return buildCandidatesParallel(cohort, program, {
    ...scan,
    ...(scorers === undefined ? {} : { scorers }),
    ...(constraints === undefined ? {} : { constraints }),
    ...(weights === undefined ? {} : { weights }),
    ...(signal === undefined ? {} : { signal }),
    ...(onProgress === undefined ? {} : { onProgress }),
    ...(threads === undefined ? {} : { threads }),
  });
}

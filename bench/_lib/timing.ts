/** How a contender is timed: only the solve, best of a few runs while a time budget lasts. */

/** When to stop repeating. */
export interface RepeatPolicy {
  /** Never more runs than this. */
  readonly maxReps: number;
  /** Stop repeating once the timed runs add up to this many milliseconds. */
  readonly budgetMs: number;
}

/**
 * Small sizes repeat many times, which also gets the JIT past warm-up (a first run at n = 20
 * is mostly interpreter); from n ≈ 2000 one run already exceeds the budget and runs once.
 */
export const DEFAULT_REPEAT: RepeatPolicy = Object.freeze({ maxReps: 100, budgetMs: 1000 });

/** For `--smoke`: enough to prove the harness works, cheap enough for CI. */
export const SMOKE_REPEAT: RepeatPolicy = Object.freeze({ maxReps: 20, budgetMs: 200 });

/** The outcome of {@link timeBest}. */
export interface Timed<R> {
  /** The fastest run, in milliseconds. */
  readonly bestMs: number;
  /** How many runs were made. */
  readonly reps: number;
  /** The result of the last run. */
  readonly result: R;
}

/**
 * Times `solve` on fresh inputs from `prepare`, keeping the best run. `prepare` (copying or
 * converting the matrix into the contender's own form) runs outside the timed region, so each
 * run gets its own input even from solvers that mutate it.
 *
 * @param prepare - builds one run's input
 * @param solve - the timed call
 * @param policy - when to stop repeating
 * @returns best time, run count, last result
 */
export function timeBest<I, R>(
  prepare: () => I,
  solve: (input: I) => R,
  policy: RepeatPolicy = DEFAULT_REPEAT,
): Timed<R> {
  let bestMs = Number.POSITIVE_INFINITY;
  let spentMs = 0;
  let reps = 0;
  let result: R;
  do {
    const input = prepare();
    const start = performance.now();
    result = solve(input);
    const ms = performance.now() - start;
    reps++;
    spentMs += ms;
    if (ms < bestMs) bestMs = ms;
  } while (reps < policy.maxReps && spentMs < policy.budgetMs);
  return { bestMs, reps, result };
}

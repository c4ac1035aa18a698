import { PeermatchError, type PeermatchIssue } from '../../errors.js';

/**
 * Merges boolean options over their defaults, rejecting anything but booleans (a string
 * `'false'` silently meaning true is the bug this prevents). Unknown keys are ignored so that
 * options objects can be shared between calls.
 */
export function readBooleanOptions<T extends Record<string, boolean>>(
  api: string,
  options: unknown,
  defaults: Readonly<T>,
): T {
  const { merged, issues } = collectBooleanOptions(api, options, defaults);
  if (issues.length > 0)
    throw new PeermatchError('INVALID_OPTIONS', `${api}: invalid options`, issues);
  return merged;
}

/** Reports progress of a long run: `done` of `total` units of the named phase. */
export type ProgressCallback = (phase: string, done: number, total: number) => void;

/** The options every long-running solver takes besides its own. */
export interface RunControl {
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ProgressCallback | undefined;
}

/**
 * {@link readBooleanOptions} plus `signal` and `onProgress`, every problem listed in one
 * error. A signal is accepted by shape (a boolean `aborted`), so that signals of another realm
 * or a polyfill work.
 */
export function readSolverOptions<T extends Record<string, boolean>>(
  api: string,
  options: unknown,
  defaults: Readonly<T>,
): T & RunControl {
  const { merged, issues } = collectBooleanOptions(api, options, defaults);
  const bag = (typeof options === 'object' && options !== null ? options : {}) as Record<
    string,
    unknown
  >;
  const { signal, onProgress } = bag;
  if (
    signal !== undefined &&
    (typeof signal !== 'object' ||
      signal === null ||
      typeof (signal as AbortSignal).aborted !== 'boolean')
  ) {
    issues.push({
      code: 'INVALID_OPTION',
      path: ['signal'],
      message: `${api}: expected \`signal\` to be an AbortSignal, got \`${String(signal)}\``,
    });
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    issues.push({
      code: 'INVALID_OPTION',
      path: ['onProgress'],
      message: `${api}: expected \`onProgress\` to be a function, got \`${String(onProgress)}\``,
    });
  }
  if (issues.length > 0)
    throw new PeermatchError('INVALID_OPTIONS', `${api}: invalid options`, issues);
  return {
    ...merged,
    signal: signal as AbortSignal | undefined,
    onProgress: onProgress as ProgressCallback | undefined,
  };
}

function collectBooleanOptions<T extends Record<string, boolean>>(
  api: string,
  options: unknown,
  defaults: Readonly<T>,
): { merged: T; issues: PeermatchIssue[] } {
  const merged = { ...defaults };
  const issues: PeermatchIssue[] = [];
  if (options === undefined) return { merged, issues };
  if (typeof options !== 'object' || options === null) {
    throw new PeermatchError('INVALID_OPTIONS', `${api}: options must be an object`, [
      {
        code: 'INVALID_OPTIONS',
        path: [],
        message: `${api}: options must be an object, got \`${String(options)}\``,
      },
    ]);
  }
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      issues.push({
        code: 'INVALID_OPTION',
        path: [key],
        message: `${api}: expected \`${key}\` to be a boolean, got \`${String(value)}\``,
      });
    } else {
      (merged as Record<string, boolean>)[key] = value;
    }
  }
  return { merged, issues };
}

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
  if (options === undefined) return { ...defaults };
  if (typeof options !== 'object' || options === null) {
    throw new PeermatchError('INVALID_OPTIONS', `${api}: options must be an object`, [
      {
        code: 'INVALID_OPTIONS',
        path: [],
        message: `${api}: options must be an object, got \`${String(options)}\``,
      },
    ]);
  }
  const merged = { ...defaults };
  const issues: PeermatchIssue[] = [];
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
  if (issues.length > 0)
    throw new PeermatchError('INVALID_OPTIONS', `${api}: invalid options`, issues);
  return merged;
}

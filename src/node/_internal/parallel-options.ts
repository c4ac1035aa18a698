import type { Cohort, PeermatchIssue } from '../../index.js';

/** The issue with a `threads` option, or `undefined` when it is absent or fine. */
export function threadsIssue(api: string, threads: unknown): PeermatchIssue | undefined {
  if (threads === undefined) return undefined;
  if (typeof threads === 'number' && Number.isInteger(threads) && threads >= 1 && threads <= 1024) {
    return undefined;
  }
  return {
    code: 'OUT_OF_RANGE',
    path: ['threads'],
    message: `${api}: threads must be a whole number from 1 to 1024, got ${String(threads)}`,
  };
}

/**
 * Ids of one side as a mode takes them (given, or everyone `byDefault` picks, in code-unit
 * order), or `null` when they are not valid: the mode then says why, before any worker starts.
 */
export function sideIds(
  cohort: Cohort,
  given: unknown,
  byDefault: (i: number) => boolean,
): string[] | null {
  if (given === undefined) {
    const ids: string[] = [];
    for (let i = 0; i < cohort.size; i++) if (byDefault(i)) ids.push(cohort.ids[i]);
    return ids.sort();
  }
  if (!Array.isArray(given)) return null;
  const seen = new Set<string>();
  for (const id of given as unknown[]) {
    if (typeof id !== 'string' || !cohort.indexOf.has(id) || seen.has(id)) return null;
    seen.add(id);
  }
  return [...seen].sort();
}

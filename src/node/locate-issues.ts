import type { PeermatchIssue } from '../index.js';

const RECORD = /\brecord (\d+)\b/g;

/**
 * Rewrites issues about record `i` to name the file row it came from: every `record 3` in the
 * message becomes `row 5`, and `row` is added. Issues about no record are kept as they are.
 *
 * @param issues - Issues whose `path[0]` is a record index (as `parseParticipants` reports).
 * @param rows - `rows[i]`: the file row record `i` starts on.
 * @example
 * ```ts
 * locateIssues([{ code: 'MISSING_FIELD', path: [0, 'role'], message: 'parseParticipants: record 0 ("ana") role is missing' }], [2])[0].message;
 * //=> 'parseParticipants: row 2 ("ana") role is missing'
 * ```
 */
export function locateIssues(
  issues: readonly PeermatchIssue[],
  rows: readonly number[],
): (PeermatchIssue & { readonly row?: number })[] {
  return issues.map((issue) => {
    const index = issue.path[0];
    if (typeof index !== 'number' || rows[index] === undefined) return issue;
    // Every record named (its own, and others: "repeats the id of record 1") becomes its row.
    const message = issue.message.replace(RECORD, (text, n: string) =>
      rows[Number(n)] === undefined ? text : `row ${rows[Number(n)]}`,
    );
    return { ...issue, message, row: rows[index] };
  });
}

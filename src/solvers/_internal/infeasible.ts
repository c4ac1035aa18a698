import { PeermatchError, type PeermatchIssue } from '../../errors.js';

/** What a failed complete assignment found: the rows left out and Hall violators behind them. */
export interface Infeasibility {
  readonly failedRows: readonly number[];
  /** Sets of rows that together can reach fewer columns than they number (as the caller saw them). */
  readonly deficientSets: readonly { readonly rows: number[]; readonly cols: number[] }[];
}

/**
 * The `INFEASIBLE` error of an assignment solver: each deficient set as an issue (`rows … can
 * only use columns …`), a count of the rest, and how many rows could be assigned.
 * `transposed` swaps the words when the kernel saw the caller's matrix transposed.
 */
export function infeasibleError(
  api: string,
  rowCount: number,
  found: Infeasibility,
  transposed: boolean,
  noPair: string,
): PeermatchError {
  const [row, col] = transposed ? ['column', 'row'] : ['row', 'column'];
  const issues: PeermatchIssue[] = found.deficientSets.map(({ rows, cols }) => {
    const first = rows[0];
    if (cols.length === 0) {
      return {
        code: 'NO_ALLOWED_PAIR',
        path: [first],
        message: `${api}: ${row} ${first} has no ${noPair} ${col}`,
      };
    }
    return {
      code: 'TOO_FEW_ALLOWED',
      path: [first],
      message:
        `${api}: ${row}s ${list(rows)} can only use ${plural(col, cols.length)} ${list(cols)}: ` +
        `${rows.length} ${row}s for ${plural(col, cols.length, true)}`,
    };
  });
  const unlisted = found.failedRows.length - found.deficientSets.length;
  if (unlisted > 0) {
    issues.push({
      code: 'MORE_ISSUES',
      path: [],
      message: `${api}: … and ${unlisted} more ${plural(row, unlisted)} that cannot be assigned`,
    });
  }
  const placeable = rowCount - found.failedRows.length;
  return new PeermatchError(
    'INFEASIBLE',
    `${api}: no complete assignment exists; at most ${placeable} of the ${rowCount} ${row}s can be assigned (pass { partial: true } to get that assignment)`,
    issues,
  );
}

function plural(noun: string, count: number, withCount = false): string {
  const word = count === 1 ? noun : `${noun}s`;
  return withCount ? `${count} ${word}` : word;
}

function list(values: readonly number[]): string {
  const shown = [...values].sort((a, b) => a - b).slice(0, 10);
  const more = values.length > 10 ? ` and ${values.length - 10} more` : '';
  return shown.join(', ') + more;
}

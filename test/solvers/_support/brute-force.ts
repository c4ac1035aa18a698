/**
 * Exhaustive reference solvers for tiny instances. Written for obviousness, not speed: every
 * injective map of the smaller side is tried.
 */

export interface BruteAssignment {
  /** Most pairs any assignment can make using allowed cells. */
  readonly pairs: number;
  /** Best total among assignments with that many pairs. */
  readonly total: number;
}

/**
 * Best assignment of a small matrix. `allowPartial` false means only complete assignments
 * of the smaller side count (`pairs` is then the smaller side or the result is null).
 */
export function bruteForceAssignment(
  matrix: readonly (readonly number[])[],
  maximize: boolean,
  allowPartial: boolean,
): BruteAssignment | null {
  const rows = matrix.length;
  const cols = rows > 0 ? matrix[0].length : 0;
  const transposed = rows > cols;
  const n = transposed ? cols : rows;
  const m = transposed ? rows : cols;
  const cell = (i: number, j: number) => (transposed ? matrix[j][i] : matrix[i][j]);
  const forbidden = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const better = (a: number, b: number) => (maximize ? a > b : a < b);
  const used = new Array<boolean>(m).fill(false);
  let best: BruteAssignment | null = null;

  const visit = (i: number, pairs: number, total: number) => {
    if (i === n) {
      if (!allowPartial && pairs < n) return;
      if (
        best === null ||
        pairs > best.pairs ||
        (pairs === best.pairs && better(total, best.total))
      ) {
        best = { pairs, total };
      }
      return;
    }
    if (allowPartial) visit(i + 1, pairs, total);
    for (let j = 0; j < m; j++) {
      if (used[j] || cell(i, j) === forbidden) continue;
      used[j] = true;
      visit(i + 1, pairs + 1, total + cell(i, j));
      used[j] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

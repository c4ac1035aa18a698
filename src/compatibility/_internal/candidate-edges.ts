import type { CandidateLists, CompatibilityCandidates } from '../types.js';

/**
 * The union of the row lists and the column lists as edges sorted by row, then column: a row's
 * own picks plus the columns that picked it, each pair once. A pair on both lists has the same
 * score on both (one row scan computed it). Typed arrays throughout: no per-edge object.
 */
export function unionEdges(
  forLeft: CandidateLists,
  forRight: CandidateLists,
  rows: number,
  cols: number,
): CompatibilityCandidates['edges'] {
  // The column lists turned around: for each row, the columns that picked it, columns ascending.
  const pickedBy = new Int32Array(rows + 1);
  const total = forRight.offsets[cols];
  for (let e = 0; e < total; e++) pickedBy[forRight.partners[e] + 1]++;
  for (let i = 0; i < rows; i++) pickedBy[i + 1] += pickedBy[i];
  const fill = pickedBy.slice(0, rows);
  const byCol = new Int32Array(total);
  const byColScore = new Float64Array(total);
  for (let j = 0; j < cols; j++) {
    for (let e = forRight.offsets[j]; e < forRight.offsets[j + 1]; e++) {
      const at = fill[forRight.partners[e]]++;
      byCol[at] = j;
      byColScore[at] = forRight.scores[e];
    }
  }
  const most = forLeft.offsets[rows] + total;
  const edgeRows = new Int32Array(most);
  const edgeCols = new Int32Array(most);
  const edgeScores = new Float64Array(most);
  const stamp = new Int32Array(cols); // row + 1 that last took each column
  const scoreOf = new Float64Array(cols);
  let widest = 0;
  for (let i = 0; i < rows; i++) {
    widest = Math.max(widest, forLeft.offsets[i + 1] - forLeft.offsets[i]);
  }
  const scratch = new Int32Array(widest + total);
  let m = 0;
  for (let i = 0; i < rows; i++) {
    let n = 0;
    for (let e = forLeft.offsets[i]; e < forLeft.offsets[i + 1]; e++) {
      const j = forLeft.partners[e];
      stamp[j] = i + 1;
      scoreOf[j] = forLeft.scores[e];
      scratch[n++] = j;
    }
    for (let e = pickedBy[i]; e < pickedBy[i + 1]; e++) {
      const j = byCol[e];
      scoreOf[j] = byColScore[e];
      if (stamp[j] !== i + 1) {
        stamp[j] = i + 1;
        scratch[n++] = j;
      }
    }
    sortAscending(scratch, n);
    for (let x = 0; x < n; x++) {
      const j = scratch[x];
      edgeRows[m] = i;
      edgeCols[m] = j;
      edgeScores[m] = scoreOf[j];
      m++;
    }
  }
  return {
    rows: edgeRows.slice(0, m),
    cols: edgeCols.slice(0, m),
    scores: edgeScores.slice(0, m),
  };
}

/** Sorts `list[0 … n - 1]` ascending: insertion sort for the usual few, no view allocated. */
function sortAscending(list: Int32Array, n: number): void {
  if (n > 48) {
    list.subarray(0, n).sort();
    return;
  }
  for (let a = 1; a < n; a++) {
    const v = list[a];
    let b = a - 1;
    while (b >= 0 && list[b] > v) {
      list[b + 1] = list[b];
      b--;
    }
    list[b + 1] = v;
  }
}

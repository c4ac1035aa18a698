/**
 * Assignment with column capacities (the transportation problem with unit row supplies) by
 * successive shortest augmenting paths with node potentials (Jonker & Volgenant 1987, in the
 * min-cost-flow form of Ahuja, Magnanti & Orlin 1993, §9.7). A column of capacity `c` is one node
 * that takes up to `c` rows, instead of `c` identical seat columns: `rows × cols` cells and no
 * ties between copies of the same column.
 *
 * Internal for now: `matchOneToOne` uses it for mentor capacity.
 */

/**
 * Maximises the total score over assignments of **every** row to a column, each column `j`
 * taking at most `capacity[j]` rows. `scores` is row-major `rows × cols`; `-Infinity` forbids a
 * cell. Returns each row's column, or `null` when some row cannot be placed (the caller then
 * needs a most-pairs formulation). Deterministic: ties break by the smaller index.
 *
 * Invariants (why it is optimal): with cost `-score` and reduced cost
 * `r(i, j) = -score + rowPot[i] - colPot[j]`, every allowed cell has `r ≥ 0` and every assigned
 * cell `r = 0`; every column with room has the same potential. Each augmentation is a Dijkstra
 * from one free row that stops at the first column with room, then shifts the potentials of what
 * it finalised by `d − D`, which keeps all three.
 */
export function capacitatedAssignment(
  scores: Float64Array,
  rows: number,
  cols: number,
  capacity: Int32Array,
): Int32Array | null {
  const NEG = Number.NEGATIVE_INFINITY;
  const INF = Number.POSITIVE_INFINITY;
  const rowToCol = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
  // Rows held by column j live in slots[start[j] … start[j] + load[j] − 1].
  const start = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) start[j + 1] = start[j] + Math.max(0, capacity[j]);
  const slots = new Int32Array(start[cols]);
  const slotOf = new Int32Array(rows).fill(-1);
  const rowPot = new Float64Array(rows);
  const colPot = new Float64Array(cols);

  const place = (i: number, j: number) => {
    const k = start[j] + load[j]++;
    slots[k] = i;
    slotOf[i] = k;
    rowToCol[i] = j;
  };
  const unplace = (i: number) => {
    const j = rowToCol[i];
    const last = start[j] + --load[j];
    const k = slotOf[i];
    slots[k] = slots[last];
    slotOf[slots[k]] = k;
    slotOf[i] = -1;
    rowToCol[i] = -1;
  };

  // Warm start: each row's best column, taken directly while it has room (reduced cost 0).
  for (let i = 0; i < rows; i++) {
    let best = -1;
    let top = NEG;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      if (capacity[j] > 0 && scores[base + j] > top) {
        top = scores[base + j];
        best = j;
      }
    }
    if (best < 0) return null;
    rowPot[i] = top;
    if (load[best] < capacity[best]) place(i, best);
  }

  const dist = new Float64Array(cols);
  /** Distance at which each finalised column was reached (`dist` is then -Infinity). */
  const reached = new Float64Array(cols);
  const predRow = new Int32Array(cols);
  // Columns without capacity start finalised, so no search ever enters them.
  const closed = new Uint8Array(cols);
  for (let j = 0; j < cols; j++) if (capacity[j] <= 0) closed[j] = 1;
  const rowDist = new Float64Array(rows);
  const scanned: number[] = [];
  const finalised: number[] = [];

  // Hot loop: a forbidden cell gives v = +Infinity and a finalised column has dist -Infinity,
  // so one comparison rejects both.
  const scan = (i: number, di: number) => {
    const base = i * cols;
    const from = di + rowPot[i];
    for (let j = 0; j < cols; j++) {
      const v = from - scores[base + j] - colPot[j];
      if (v < dist[j]) {
        dist[j] = v;
        predRow[j] = i;
      }
    }
  };
  // The last scan of a step also finds the next column to finalise: every earlier scan of the
  // step is complete when it reads dist[j], so one pass does both (the smallest index on ties).
  let next = -1;
  const scanAndFindNext = (i: number, di: number) => {
    const base = i * cols;
    const from = di + rowPot[i];
    let best = INF;
    next = -1;
    for (let j = 0; j < cols; j++) {
      let d = dist[j];
      const v = from - scores[base + j] - colPot[j];
      if (v < d) {
        d = v;
        dist[j] = v;
        predRow[j] = i;
      }
      if (d < best && d !== NEG) {
        best = d;
        next = j;
      }
    }
  };

  for (let source = 0; source < rows; source++) {
    if (rowToCol[source] >= 0) continue;
    for (let j = 0; j < cols; j++) dist[j] = closed[j] === 1 ? NEG : INF;
    scanned.length = 0;
    finalised.length = 0;
    rowDist[source] = 0;
    scanned.push(source);
    scanAndFindNext(source, 0);
    let end = -1;
    let total = INF;
    while (end < 0) {
      const j = next;
      if (j < 0) return null; // no column with room is reachable: a complete assignment is impossible
      const best = dist[j];
      reached[j] = best;
      dist[j] = NEG;
      finalised.push(j);
      if (load[j] < capacity[j]) {
        end = j;
        total = best;
        break;
      }
      // A full column passes the search on to every row it holds, at the same distance
      // (assigned cells have reduced cost 0).
      const last = start[j] + load[j] - 1;
      for (let k = start[j]; k <= last; k++) {
        const i = slots[k];
        rowDist[i] = best;
        scanned.push(i);
        if (k < last) scan(i, best);
        else scanAndFindNext(i, best);
      }
    }
    for (const i of scanned) rowPot[i] += rowDist[i] - total;
    for (const j of finalised) colPot[j] += reached[j] - total;
    // Flip the path: each row on it moves to the column that reached it.
    for (let j = end; ; ) {
      const i = predRow[j];
      const from = rowToCol[i];
      if (from >= 0) unplace(i);
      place(i, j);
      if (i === source) break;
      j = from;
    }
  }
  return rowToCol;
}

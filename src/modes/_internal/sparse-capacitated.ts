/**
 * Assignment with column capacities on a sparse graph: successive shortest augmenting paths with
 * node potentials (Jonker & Volgenant 1987, in the min-cost-flow form of Ahuja, Magnanti &
 * Orlin 1993, §9.7), Dijkstra on an indexed binary heap. The CSR twin of the dense kernel in
 * `src/solvers/_internal/capacitated-assignment.ts`: a column of capacity `c` is one node taking
 * up to `c` rows, instead of `c` identical seat columns (`c` times fewer edges, no ties between
 * copies). Domain-free; a candidate for `src/solvers`.
 *
 * Invariants (why it is optimal): with cost `-score` and reduced cost
 * `r(i, j) = -score + rowPot[i] - colPot[j]`, every edge has `r ≥ 0` and every assigned edge
 * `r = 0`; every column with room has the same potential (loads only grow). Each augmentation is
 * a Dijkstra from one free row that stops at the first column with room, then shifts the
 * potentials of what it finalised by `d − D`, which keeps all three. Work per search is bounded
 * by the edges it touches: only touched columns are reset.
 */

/** Row-major CSR: row `i`'s edges are `[offsets[i], offsets[i + 1])`. */
export interface CapacitatedCsr {
  readonly rows: number;
  readonly cols: number;
  readonly offsets: Int32Array;
  readonly columns: Int32Array;
  readonly scores: Float64Array;
}

/**
 * Maximises the total score over assignments of **every** row to a column, column `j` taking at
 * most `capacity[j]` rows. Returns each row's column, or `null` when some row cannot be placed
 * (give every row a fallback column to make that impossible). Deterministic: ties break by the
 * smaller column index.
 */
export function sparseCapacitatedAssignment(
  graph: CapacitatedCsr,
  capacity: Int32Array,
  signal?: AbortSignal,
  onAbort?: () => never,
): Int32Array | null {
  const { rows, cols, offsets, columns, scores } = graph;
  const INF = Number.POSITIVE_INFINITY;
  const rowToCol = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
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

  // Warm start: each row's best column (reduced cost 0), taken directly while it has room.
  for (let i = 0; i < rows; i++) {
    let best = -1;
    let top = Number.NEGATIVE_INFINITY;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = columns[p];
      if (capacity[j] > 0 && (scores[p] > top || (scores[p] === top && j < best))) {
        top = scores[p];
        best = j;
      }
    }
    if (best < 0) return null;
    rowPot[i] = top;
    if (load[best] < capacity[best]) place(i, best);
  }

  const dist = new Float64Array(cols).fill(INF);
  const reached = new Float64Array(cols);
  const predRow = new Int32Array(cols);
  const done = new Uint8Array(cols);
  const rowDist = new Float64Array(rows);
  // Indexed min-heap of columns by (dist, index).
  const heap = new Int32Array(cols);
  const at = new Int32Array(cols).fill(-1);
  let size = 0;
  const less = (a: number, b: number) => dist[a] < dist[b] || (dist[a] === dist[b] && a < b);
  const up = (k: number) => {
    const j = heap[k];
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!less(j, heap[parent])) break;
      heap[k] = heap[parent];
      at[heap[k]] = k;
      k = parent;
    }
    heap[k] = j;
    at[j] = k;
  };
  const pop = (): number => {
    const top = heap[0];
    at[top] = -1;
    const last = heap[--size];
    if (size > 0) {
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= size) break;
        const c = l + 1 < size && less(heap[l + 1], heap[l]) ? l + 1 : l;
        if (!less(heap[c], last)) break;
        heap[k] = heap[c];
        at[heap[k]] = k;
        k = c;
      }
      heap[k] = last;
      at[last] = k;
    }
    return top;
  };
  const touched: number[] = [];
  const scanned: number[] = [];
  const finalised: number[] = [];
  const scan = (i: number, di: number) => {
    const from = di + rowPot[i];
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = columns[p];
      if (done[j] === 1 || capacity[j] <= 0) continue;
      const v = from - scores[p] - colPot[j];
      if (v < dist[j]) {
        if (dist[j] === INF) touched.push(j);
        dist[j] = v;
        predRow[j] = i;
        if (at[j] < 0) {
          heap[size] = j;
          at[j] = size++;
        }
        up(at[j]);
      }
    }
  };

  for (let source = 0; source < rows; source++) {
    if (rowToCol[source] >= 0) continue;
    if ((source & 255) === 0 && signal?.aborted) onAbort?.();
    scanned.length = 0;
    finalised.length = 0;
    rowDist[source] = 0;
    scanned.push(source);
    scan(source, 0);
    let end = -1;
    let total = INF;
    while (size > 0) {
      const j = pop();
      const d = dist[j];
      done[j] = 1;
      reached[j] = d;
      finalised.push(j);
      if (load[j] < capacity[j]) {
        end = j;
        total = d;
        break;
      }
      // A full column passes the search on to every row it holds, at the same distance
      // (assigned edges have reduced cost 0).
      for (let k = start[j]; k < start[j] + load[j]; k++) {
        const i = slots[k];
        rowDist[i] = d;
        scanned.push(i);
        scan(i, d);
      }
    }
    if (end >= 0) {
      for (const i of scanned) rowPot[i] += rowDist[i] - total;
      for (const j of finalised) colPot[j] += reached[j] - total;
      for (let j = end; ; ) {
        const i = predRow[j];
        const from = rowToCol[i];
        if (from >= 0) unplace(i);
        place(i, j);
        if (i === source) break;
        j = from;
      }
    }
    for (const j of touched) {
      dist[j] = INF;
      done[j] = 0;
      at[j] = -1;
    }
    touched.length = 0;
    size = 0;
    if (end < 0) return null; // no column with room is reachable from this row
  }
  return rowToCol;
}

/**
 * Shortest augmenting paths on a sparse bipartite graph (rows × columns, CSR), after
 * Jonker & Volgenant's LAPJVsp (1987): Dijkstra over reduced costs with column potentials,
 * an indexed binary heap for the frontier, and lazy potential updates of settled columns.
 *
 * It keeps the same invariant as the dense kernel: every assigned row sits on a candidate
 * column minimising `cost - v`, so the state it leaves can be finished by the dense kernel.
 */

/** Candidate edges in compressed sparse rows: row `i` owns `[offsets[i], offsets[i + 1])`. */
export interface CsrGraph {
  readonly offsets: Int32Array;
  readonly cols: Int32Array;
  /** Costs to minimise (signs already applied). */
  readonly weights: Float64Array;
}

/** Assignment state shared by the kernels: the caller allocates it. */
export interface AssignmentState {
  readonly rowToCol: Int32Array;
  readonly colToRow: Int32Array;
  /** Column potentials; start at 0 and only ever decrease, so unassigned columns stay at 0. */
  readonly v: Float64Array;
}

/**
 * Assigns every free row it can through the candidate edges, in row order, keeping the rows
 * already assigned (each must sit on one of its edges, at a minimum of `cost - v`). Returns
 * the rows left unassigned because no free column is reachable through candidates.
 */
export function augmentSparse(graph: CsrGraph, rows: number, state: AssignmentState): number[] {
  const { offsets, cols: edgeCols, weights } = graph;
  const { rowToCol, colToRow, v } = state;
  const colCount = colToRow.length;
  const d = new Float64Array(colCount).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(colCount);
  const heap = new ColumnHeap(d, colToRow);
  const touched = new Int32Array(colCount);
  const settledList = new Int32Array(colCount);
  const settled = new Uint8Array(colCount);
  const stack = new Int32Array(colCount);
  /** Cost of each row's assigned edge, for its implied potential. */
  const assignedCost = new Float64Array(rows);
  const failed: number[] = [];
  const edgeCost = (i: number, j: number) => {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) if (edgeCols[e] === j) return weights[e];
    throw new Error(
      `augmentSparse: row ${i} is assigned to column ${j}, which is not one of its edges`,
    );
  };
  for (let i = 0; i < rows; i++) if (rowToCol[i] >= 0) assignedCost[i] = edgeCost(i, rowToCol[i]);

  for (let start = 0; start < rows; start++) {
    if (rowToCol[start] >= 0) continue;
    // Fast path: a free column among the row's cheapest edges is a shortest path of one edge.
    let best = Number.POSITIVE_INFINITY;
    let bestEdge = -1;
    for (let e = offsets[start]; e < offsets[start + 1]; e++) {
      const reduced = weights[e] - v[edgeCols[e]];
      if (reduced < best || (reduced === best && colToRow[edgeCols[e]] < 0)) {
        best = reduced;
        bestEdge = e;
      }
    }
    if (bestEdge >= 0 && colToRow[edgeCols[bestEdge]] < 0) {
      rowToCol[start] = edgeCols[bestEdge];
      colToRow[edgeCols[bestEdge]] = start;
      assignedCost[start] = weights[bestEdge];
      continue;
    }
    let touchedCount = 0;
    let settledCount = 0;
    let sink = -1;
    // No level is settled before the first pop; a column reached at the level being settled
    // goes on a stack rather than through the heap (as Jonker & Volgenant's SCAN list), which
    // makes searches across plateaus of equal costs cheap.
    let mind = Number.NEGATIVE_INFINITY;
    let stackSize = 0;
    let row = start;
    let offset = 0;
    search: while (true) {
      // Relax the edges of `row`, whose column (if any) was just settled at distance `mind`.
      for (let e = offsets[row]; e < offsets[row + 1]; e++) {
        const j = edgeCols[e];
        if (settled[j] !== 0) continue;
        const dist = offset + weights[e] - v[j];
        const old = d[j];
        if (dist < old) {
          if (old === Number.POSITIVE_INFINITY) touched[touchedCount++] = j;
          d[j] = dist;
          pred[j] = row;
          if (dist === mind) {
            if (colToRow[j] < 0) {
              sink = j;
              break search;
            }
            stack[stackSize++] = j;
            if (heap.has(j)) heap.update(j);
          } else {
            heap.update(j);
          }
        }
      }
      let j: number;
      if (stackSize > 0) {
        j = stack[--stackSize];
      } else {
        do {
          if (heap.size === 0) break search;
          j = heap.pop();
        } while (settled[j] !== 0);
        mind = d[j];
        if (colToRow[j] < 0) {
          sink = j;
          break;
        }
      }
      settled[j] = 1;
      settledList[settledCount++] = j;
      row = colToRow[j];
      offset = mind - (assignedCost[row] - v[j]);
    }
    if (sink >= 0) {
      for (let k = 0; k < settledCount; k++) {
        const j = settledList[k];
        v[j] += d[j] - mind;
      }
      let j = sink;
      while (true) {
        const i = pred[j];
        colToRow[j] = i;
        const next = rowToCol[i];
        rowToCol[i] = j;
        assignedCost[i] = edgeCost(i, j);
        if (i === start) break;
        j = next;
      }
    } else {
      failed.push(start);
    }
    heap.clear();
    for (let k = 0; k < touchedCount; k++) {
      const j = touched[k];
      d[j] = Number.POSITIVE_INFINITY;
      settled[j] = 0;
    }
  }
  return failed;
}

/**
 * Indexed binary min-heap of columns keyed by `d`. Among equal keys a free column comes
 * first (reaching one ends the search) and then the lower index, so the order is total and
 * the search deterministic. Shared with the public sparse solver's kernel.
 */
export class ColumnHeap {
  size = 0;
  private readonly heap: Int32Array;
  /** Slot of each column in `heap`, -1 when absent. */
  private readonly slot: Int32Array;

  constructor(
    private readonly d: Float64Array,
    private readonly colToRow: Int32Array,
  ) {
    this.heap = new Int32Array(d.length);
    this.slot = new Int32Array(d.length).fill(-1);
  }

  private before(a: number, b: number): boolean {
    const da = this.d[a];
    const db = this.d[b];
    if (da !== db) return da < db;
    const freeA = this.colToRow[a] < 0;
    if (freeA !== this.colToRow[b] < 0) return freeA;
    return a < b;
  }

  has(j: number): boolean {
    return this.slot[j] >= 0;
  }

  /** The column on top, without removing it; only when `size > 0`. */
  peek(): number {
    return this.heap[0];
  }

  /** Inserts `j`, or moves it up after its key decreased. */
  update(j: number): void {
    const { heap, slot } = this;
    let s = slot[j];
    if (s < 0) s = this.size++;
    while (s > 0) {
      const parentSlot = (s - 1) >> 1;
      const parent = heap[parentSlot];
      if (!this.before(j, parent)) break;
      heap[s] = parent;
      slot[parent] = s;
      s = parentSlot;
    }
    heap[s] = j;
    slot[j] = s;
  }

  pop(): number {
    const { heap, slot } = this;
    const top = heap[0];
    slot[top] = -1;
    const size = --this.size;
    if (size > 0) {
      const last = heap[size];
      let s = 0;
      while (true) {
        let child = 2 * s + 1;
        if (child >= size) break;
        if (child + 1 < size && this.before(heap[child + 1], heap[child])) child++;
        if (!this.before(heap[child], last)) break;
        heap[s] = heap[child];
        slot[heap[s]] = s;
        s = child;
      }
      heap[s] = last;
      slot[last] = s;
    }
    return top;
  }

  clear(): void {
    for (let s = 0; s < this.size; s++) this.slot[this.heap[s]] = -1;
    this.size = 0;
  }
}

/**
 * The `k` allowed columns of every row with the smallest reduced cost `sign * cost - v`, as a
 * CSR graph of `sign * cost`, plus the row's assigned column when it has one. One sequential
 * sweep of the matrix. Row `i` starts its sweep at column `i` and wraps around, so that among
 * equal cells each row prefers different columns: on heavily tied matrices, candidates that
 * all favour the lowest columns leave most rows without a free one. `floor` is a lower bound
 * on every reduced cost, if one is known.
 */
export function cheapestCandidates(
  cost: Float64Array,
  rows: number,
  cols: number,
  sign: number,
  k: number,
  { rowToCol, v }: AssignmentState,
  floor = Number.NEGATIVE_INFINITY,
): CsrGraph {
  const offsets = new Int32Array(rows + 1);
  const edgeCols = new Int32Array(rows * k);
  const weights = new Float64Array(rows * k);
  // A max-heap of the k best seen so far: a cell that beats the worst of them replaces it in
  // O(log k), where keeping the window sorted costs O(k) on tied values.
  const heapKey = new Float64Array(k);
  const heapCol = new Int32Array(k);
  let edges = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let count = 0;
    let threshold = Number.POSITIVE_INFINITY;
    // Rows start their sweeps at scattered columns (two straight runs, [shift, cols) then
    // [0, shift)), so that among equal cells each row prefers different columns.
    const shift = (Math.imul(i, 0x9e3779b1) >>> 0) % cols;
    sweep: for (let run = 0; run < 2; run++) {
      const from = run === 0 ? shift : 0;
      const to = run === 0 ? cols : shift;
      for (let j = from; j < to; j++) {
        const c = sign * cost[base + j];
        const reduced = c - v[j];
        if (reduced >= threshold || c === Number.POSITIVE_INFINITY) continue;
        if (count < k) {
          let p = count++;
          while (p > 0) {
            const parent = (p - 1) >> 1;
            if (heapKey[parent] >= reduced) break;
            heapKey[p] = heapKey[parent];
            heapCol[p] = heapCol[parent];
            p = parent;
          }
          heapKey[p] = reduced;
          heapCol[p] = j;
        } else {
          let p = 0;
          while (true) {
            let child = 2 * p + 1;
            if (child >= k) break;
            if (child + 1 < k && heapKey[child + 1] > heapKey[child]) child++;
            if (heapKey[child] <= reduced) break;
            heapKey[p] = heapKey[child];
            heapCol[p] = heapCol[child];
            p = child;
          }
          heapKey[p] = reduced;
          heapCol[p] = j;
        }
        if (count === k) {
          threshold = heapKey[0];
          // k cells at the floor cannot be beaten: on tied matrices this ends most rows early.
          if (threshold <= floor) break sweep;
        }
      }
    }
    // Ascending by reduced cost, then column, so the first edge is the row's best.
    const first = edges;
    for (let t = 0; t < count; t++) {
      const key = heapKey[t];
      const col = heapCol[t];
      let p = first + t;
      while (p > first) {
        const prev = edgeCols[p - 1];
        const prevKey = weights[p - 1];
        if (prevKey < key || (prevKey === key && prev < col)) break;
        edgeCols[p] = prev;
        weights[p] = prevKey;
        p--;
      }
      edgeCols[p] = col;
      weights[p] = key;
    }
    const own = rowToCol[i];
    if (own >= 0 && count > 0) {
      let found = false;
      for (let p = 0; p < count; p++) found ||= edgeCols[first + p] === own;
      if (!found) edgeCols[first + count - 1] = own;
    }
    for (let p = 0; p < count; p++) weights[first + p] = sign * cost[base + edgeCols[first + p]];
    edges += count;
    offsets[i + 1] = edges;
  }
  return {
    offsets,
    cols: edges === edgeCols.length ? edgeCols : edgeCols.slice(0, edges),
    weights: edges === weights.length ? weights : weights.slice(0, edges),
  };
}

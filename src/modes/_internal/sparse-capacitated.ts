/**
 * Assignment with column capacities on a sparse graph: successive shortest augmenting paths with
 * node potentials (Jonker & Volgenant 1987, in the min-cost-flow form of Ahuja, Magnanti &
 * Orlin 1993, §9.7), after an auction that places most rows (Bertsekas 1988, "The auction
 * algorithm", Ann. Oper. Res. 14; Jonker & Volgenant's augmenting row reduction is its
 * `ε = 0` case). The CSR twin of the dense kernel in
 * `src/solvers/_internal/capacitated-assignment.ts`: a column of capacity `c` is one node taking
 * up to `c` rows, instead of `c` identical seat columns (`c` times fewer edges, no ties between
 * copies). Domain-free; a candidate for `src/solvers`.
 *
 * Why the auction: started from a greedy assignment, the searches of the last free rows each
 * settled most of the graph, looking for the few columns left with room (120 s at 100,000 rows
 * × 20,000 columns of capacity 5). Prices from an auction make those paths short. The auction
 * alone is only ε-optimal, so it is used as a start and the searches finish exactly:
 *
 * 1. Auction. A free row bids for its best column; a column with room takes it; a full column
 *    takes it, evicts the holder that tolerates a price rise least, and raises its price as far
 *    as the rows it keeps (and the bidder) still prefer it — or by `ε` when that is less, so
 *    that ties settle in a bounded number of bids instead of a price war. A column's price only
 *    rises while it is full, and it stays full.
 * 2. Rows left up to `ε` short of their best column, and rows the bid budget left free, are
 *    freed. One Dijkstra per free row (an indexed heap over full columns; columns with room end
 *    it and never enter the heap; only touched columns are reset) places each.
 * 3. A column a freed row left may have room at a nonzero potential: the searches solved the
 *    problem where such columns must stay full (a pseudo-flow with them as deficits). Their
 *    potentials are reset to 0, rows no longer on a best column are freed (repeatedly, as that
 *    opens more room), and step 2 runs again from a state that meets every invariant below.
 *
 * Invariants at the end (why it is optimal), in the minimisation of `cost = −score` with column
 * potentials `v ≤ 0` (minus the price): every row sits on an edge minimising `cost − v` over its
 * own edges (reduced costs ≥ 0, assigned edges tight), and every column with room has `v = 0`
 * (complementary slackness of the capacity constraints); Ahuja et al., §9.7.
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
 * The auction's first `ε`, relative to the median absolute best score of a row, and its scaling
 * (Bertsekas' ε-scaling): each later round frees the rows not on a best column and re-auctions
 * them at `ε / EPS_FACTOR`, from the prices so far. A large `ε` settles ties and price wars in
 * few bids, a small one leaves few rows short of their best column, so few searches. Measured on
 * generated cohorts (20,000 × 4,000 and 100,000 × 20,000, capacity 5): one round at 5e-3 left
 * 12–15 % of the rows to the searches, three rounds from 1e-2 left 1.5–2.6 % and halved the time.
 */
const EPS_REL = 1e-2;
const EPS_ROUNDS = 3;
const EPS_FACTOR = 10;
/** The auction's budget of bids per row, over all rounds; the searches place whatever is left. */
const BIDS_PER_ROW = 20;

/**
 * Maximises the total score over assignments of **every** row to a column, column `j` taking at
 * most `capacity[j]` rows. Returns each row's column, or `null` when some row cannot be placed
 * (give every row a fallback column to make that impossible). Deterministic: the same input
 * gives the same assignment (free rows are searched in index order; among equal edges of a row
 * the first wins).
 *
 * With `prices` (length `cols`), each column's price at the end is written there: an optimal
 * dual. Prices are ≥ 0 and 0 wherever there is room, every row sits on an edge maximising
 * `score − price` over its own edges, and `Σ rows' best (score − price) + Σ capacity × price`
 * equals the total (complementary slackness), which is what a caller needs to price pairs the
 * graph does not hold (`u_i + price_j ≥ score` for every edge, `u_i` the row's best).
 */
export function sparseCapacitatedAssignment(
  graph: CapacitatedCsr,
  capacity: Int32Array,
  signal?: AbortSignal,
  onAbort?: () => never,
  prices?: Float64Array,
): Int32Array | null {
  const { rows, cols, offsets, columns, scores } = graph;
  const INF = Number.POSITIVE_INFINITY;
  const NEG = Number.NEGATIVE_INFINITY;
  const rowToCol = new Int32Array(rows).fill(-1);
  /** Each row's assigned edge: its implied potential is that edge's reduced cost. */
  const rowEdge = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
  // Rows held by column j live in slots[start[j] … start[j] + load[j] − 1].
  const start = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) start[j + 1] = start[j] + Math.max(0, capacity[j]);
  const slots = new Int32Array(start[cols]);
  const slotOf = new Int32Array(rows).fill(-1);
  /** Column potentials of the minimisation of `−score`: minus the price, 0 while there is room. */
  const v = new Float64Array(cols);
  /**
   * For a row placed by the auction: the lowest `v` of its column at which it still
   * prefers that column (its edge cost minus its second-best reduced cost). Stored when placed;
   * the true value only falls as other prices rise, so the stored one is an upper bound.
   */
  const floor = new Float64Array(rows);

  const place = (i: number, j: number, e: number) => {
    const k = start[j] + load[j]++;
    slots[k] = i;
    slotOf[i] = k;
    rowToCol[i] = j;
    rowEdge[i] = e;
  };
  const unplace = (i: number) => {
    const j = rowToCol[i];
    const last = start[j] + --load[j];
    const k = slotOf[i];
    slots[k] = slots[last];
    slotOf[slots[k]] = k;
    slotOf[i] = -1;
    rowToCol[i] = -1;
    rowEdge[i] = -1;
  };
  /** Row `i`'s best reduced cost over columns other than `j` (+Infinity when none). */
  const secondBest = (i: number, j: number): number => {
    let best = INF;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const c = columns[p];
      if (c === j || capacity[c] <= 0) continue;
      const h = -scores[p] - v[c];
      if (h < best) best = h;
    }
    return best;
  };
  /**
   * The holder of full column `j` to evict: the one whose true floor is highest. Stored floors
   * are upper bounds, so the highest is refreshed until it is exact.
   */
  const evictee = (j: number): number => {
    const from = start[j];
    const to = from + load[j];
    for (;;) {
      let pick = slots[from];
      for (let k = from + 1; k < to; k++) if (floor[slots[k]] > floor[pick]) pick = slots[k];
      const exact = -scores[rowEdge[pick]] - secondBest(pick, j);
      if (exact >= floor[pick]) return pick;
      floor[pick] = exact;
    }
  };
  /** The highest stored floor among `j`'s holders other than `skip`. */
  const highestFloor = (j: number, skip: number): number => {
    let top = NEG;
    for (let k = start[j]; k < start[j] + load[j]; k++) {
      const i = slots[k];
      if (i !== skip && floor[i] > top) top = floor[i];
    }
    return top;
  };
  /** Places `i` on `j`, which has room; a column this fills is priced as high as its rows allow. */
  const take = (i: number, j: number, e: number) => {
    place(i, j, e);
    if (load[j] === capacity[j]) {
      const top = highestFloor(j, -1);
      if (top > NEG && top < v[j]) v[j] = top;
    }
  };

  // 1. The auction. Bids lower a column's potential by the bidder's own gap (exact, as in
  // Jonker & Volgenant's row reduction) or by `eps` when that gap is smaller: ties and near-ties
  // then settle in a bounded number of bids instead of a price war, at the cost of leaving some
  // rows up to `eps` short of their best column. Those are re-auctioned at a smaller `eps`, and
  // the last ones freed below and placed exactly. The scale of ε is the median of the rows'
  // best scores in absolute value, which a minority of rows whose only edge is a far-off
  // fallback (such as "stay unmatched") does not move.
  const best = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let top = NEG;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      if (capacity[columns[p]] > 0 && scores[p] > top) top = scores[p];
    }
    if (top === NEG) return null; // a row with no usable edge can never be placed
    best[i] = Math.abs(top);
  }
  const scale = rows > 0 ? best.sort()[rows >> 1] : 0;
  const epsStart = EPS_REL * (scale > 0 ? scale : 1);
  const stack = new Int32Array(rows);
  let stackSize = 0;
  for (let i = rows - 1; i >= 0; i--) stack[stackSize++] = i;
  let bids = 0;
  const maxBids = BIDS_PER_ROW * rows;
  const auction = (eps: number) => {
    for (; stackSize > 0 && bids < maxBids; bids++) {
      if ((bids & 4095) === 0 && signal?.aborted) onAbort?.();
      const i = stack[--stackSize];
      let u1 = INF;
      let u2 = INF;
      let e1 = -1;
      for (let p = offsets[i]; p < offsets[i + 1]; p++) {
        const c = columns[p];
        if (capacity[c] <= 0) continue;
        const h = -scores[p] - v[c];
        if (h < u2) {
          if (h >= u1) {
            u2 = h;
          } else {
            u2 = u1;
            u1 = h;
            e1 = p;
          }
        }
      }
      const j1 = columns[e1];
      // The lowest potential of j1 at which row i still prefers it.
      floor[i] = u2 === INF ? NEG : -scores[e1] - u2;
      if (load[j1] < capacity[j1]) {
        take(i, j1, e1);
        continue;
      }
      const out = evictee(j1);
      const fair = Math.max(floor[i], highestFloor(j1, out));
      v[j1] = fair === NEG ? v[j1] - eps : Math.min(fair, v[j1] - eps);
      unplace(out);
      place(i, j1, e1);
      stack[stackSize++] = out;
    }
  };
  /** Whether row `i` is free or sits on a column minimising `cost − v` over its edges, exactly. */
  const fits = (i: number): boolean => {
    const e = rowEdge[i];
    if (e < 0) return true;
    const own = -scores[e] - v[rowToCol[i]];
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const c = columns[p];
      if (capacity[c] > 0 && -scores[p] - v[c] < own) return false;
    }
    return true;
  };
  /** Frees every row not on a best column and stacks every free row (lowest index on top). */
  const restack = () => {
    stackSize = 0;
    for (let i = rows - 1; i >= 0; i--) {
      if (!fits(i)) unplace(i);
      if (rowEdge[i] < 0) stack[stackSize++] = i;
    }
  };
  let eps = epsStart;
  auction(eps);
  for (let round = 1; round < EPS_ROUNDS; round++) {
    restack();
    eps /= EPS_FACTOR;
    auction(eps);
  }

  // Rows the auction left short of their best column are freed (with those it left free): from
  // here on every assigned row sits on a minimum of `cost − v` over its edges, exactly.
  const free = new Int32Array(rows);
  let freeCount = 0;
  /** Frees every row not on a best column and lists every free row, in index order. */
  const freeUnfit = () => {
    for (let i = 0; i < rows; i++) {
      if (!fits(i)) unplace(i);
      if (rowEdge[i] < 0) free[freeCount++] = i;
    }
  };
  freeUnfit();

  // 2. One shortest augmenting path per free row.
  const dist = new Float64Array(cols).fill(INF);
  const predRow = new Int32Array(cols);
  const predEdge = new Int32Array(cols);
  const settled = new Uint8Array(cols);
  const settledList = new Int32Array(cols);
  const touched = new Int32Array(cols);
  // Indexed min-heap of full columns by (dist, index).
  const heap = new Int32Array(cols);
  const at = new Int32Array(cols).fill(-1);
  let size = 0;
  const less = (a: number, b: number) => dist[a] < dist[b] || (dist[a] === dist[b] && a < b);
  const up = (s: number) => {
    const j = heap[s];
    while (s > 0) {
      const parent = (s - 1) >> 1;
      if (!less(j, heap[parent])) break;
      heap[s] = heap[parent];
      at[heap[s]] = s;
      s = parent;
    }
    heap[s] = j;
    at[j] = s;
  };
  const pop = (): number => {
    const top = heap[0];
    at[top] = -1;
    const last = heap[--size];
    if (size > 0) {
      let s = 0;
      for (;;) {
        const l = 2 * s + 1;
        if (l >= size) break;
        const c = l + 1 < size && less(heap[l + 1], heap[l]) ? l + 1 : l;
        if (!less(heap[c], last)) break;
        heap[s] = heap[c];
        at[heap[s]] = s;
        s = c;
      }
      heap[s] = last;
      at[last] = s;
    }
    return top;
  };

  let touchedCount = 0;
  // The nearest column with room reached so far; it never enters the heap, and nothing at or
  // beyond its distance is relaxed.
  let roomDist = INF;
  let roomCol = -1;
  /** Relaxes row `i`'s edges; `offset` is its distance minus its own edge's reduced cost. */
  const relax = (i: number, offset: number) => {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = columns[p];
      if (settled[j] === 1 || capacity[j] <= 0) continue;
      const d = offset - scores[p] - v[j];
      if (d >= roomDist || d >= dist[j]) continue;
      if (dist[j] === INF) touched[touchedCount++] = j;
      dist[j] = d;
      predRow[j] = i;
      predEdge[j] = p;
      if (load[j] < capacity[j]) {
        roomDist = d;
        roomCol = j;
      } else {
        if (at[j] < 0) {
          heap[size] = j;
          at[j] = size++;
        }
        up(at[j]);
      }
    }
  };

  /** One search per listed free row, in index order; false when one finds no column with room. */
  const searchAll = (): boolean => {
    for (let f = 0; f < freeCount; f++) {
      if ((f & 255) === 0 && signal?.aborted) onAbort?.();
      const source = free[f];
      touchedCount = 0;
      let settledCount = 0;
      roomDist = INF;
      roomCol = -1;
      relax(source, 0);
      while (size > 0 && dist[heap[0]] < roomDist) {
        const j = pop();
        settled[j] = 1;
        settledList[settledCount++] = j;
        const d = dist[j];
        // A full column passes the search on to every row it holds, at the same distance
        // (assigned edges are tight): the row's offset is `d` minus its own reduced cost.
        for (let s = start[j]; s < start[j] + load[j]; s++) {
          const i = slots[s];
          relax(i, d + scores[rowEdge[i]] + v[j]);
        }
      }
      size = 0;
      if (roomCol >= 0) {
        // Settled columns move by how much shorter their path was than the one found.
        for (let s = 0; s < settledCount; s++) {
          const j = settledList[s];
          v[j] += dist[j] - roomDist;
        }
        for (let j = roomCol; ; ) {
          const i = predRow[j];
          const from = rowToCol[i];
          if (from >= 0) unplace(i);
          place(i, j, predEdge[j]);
          if (i === source) break;
          j = from;
        }
      }
      for (let s = 0; s < touchedCount; s++) {
        const j = touched[s];
        dist[j] = INF;
        settled[j] = 0;
        at[j] = -1;
      }
      if (roomCol < 0) return false; // no column with room is reachable from this row
    }
    return true;
  };

  // The searches end at any column with room. Until now a column the auction filled and the
  // last step emptied may have room at a negative potential: that is fine for them (it solves
  // the problem where such columns must stay full, a pseudo-flow with those columns as
  // deficits), but not for the problem itself. So restore `v = 0` wherever there is room, free
  // the rows that no longer sit on a best column (which may open more room), and search again
  // from a state that meets every invariant.
  if (!searchAll()) return null;
  freeCount = 0;
  for (;;) {
    let fixed = false;
    for (let j = 0; j < cols; j++) {
      if (load[j] < capacity[j] && v[j] !== 0) {
        v[j] = 0;
        fixed = true;
      }
    }
    if (!fixed) break;
    freeCount = 0;
    freeUnfit();
  }
  if (!searchAll()) return null;
  // `v[j] === 0` also holds for −0, which would come out as a price of −0.
  if (prices !== undefined) for (let j = 0; j < cols; j++) prices[j] = v[j] === 0 ? 0 : -v[j];
  return rowToCol;
}

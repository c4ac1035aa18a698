/**
 * Assignment with column capacities (the transportation problem with unit row supplies) by
 * successive shortest augmenting paths with node potentials (Jonker & Volgenant 1987, in the
 * min-cost-flow form of Ahuja, Magnanti & Orlin 1993, §9.7). A column of capacity `c` is one node
 * that takes up to `c` rows, instead of `c` identical seat columns: `rows × cols` cells and no
 * ties between copies of the same column.
 *
 * The problem is balanced by one virtual "slack" row that owns the seats no real row takes
 * (supply `Σ capacity − rows`, score 0 everywhere). A seat is then held by a real row, by the
 * slack row, or by nobody (a deficit); a search runs from a free row (or from the slack row's
 * unplaced supply) to the nearest seat held by nobody, or to a seat of the slack row while it
 * holds more than its supply. With that, any state whose held cells have reduced cost 0 and
 * whose other cells have reduced cost ≥ 0 can be finished exactly, which is what lets the
 * search start from a sparse solve (as `sparse-start.ts` does for the square dense solver):
 * rows found wrong by the dense check simply leave their seat to nobody. Seats held by nobody
 * are sinks of their own, so one multi-source Dijkstra can end many paths at once (one per
 * search tree), where the classic one-path-per-search spends most of its time on the last rows
 * of a problem in which every seat is needed.
 *
 * Internal for now: `matchOneToOne` uses it for mentor capacity.
 */

const NEG = Number.NEGATIVE_INFINITY;
const INF = Number.POSITIVE_INFINITY;

/**
 * Knobs of the sparse start, for tests and measurements; the defaults suit cohorts of
 * thousands. Smaller candidate lists exercise every repair path on small instances.
 */
export interface CapacitatedTuning {
  /** Below this many cells the sparse start costs more than it saves. */
  readonly sparseMinCells: number;
  /** Best columns per row in the sparse solve. */
  readonly candidatesPerRow: number;
  /** Best rows per column that join the candidates (at most twice the column's capacity). */
  readonly rowsPerColumn: number;
  /** Rounds of sparse solve + dense check before the dense search takes what is left. */
  readonly maxRounds: number;
}

const DEFAULT_TUNING: CapacitatedTuning = {
  sparseMinCells: 4096,
  candidatesPerRow: 12,
  rowsPerColumn: 16,
  maxRounds: 6,
};

/** Spreads tie-breaking offsets (the fractional part of multiples of the golden ratio). */
const GOLDEN = 0.6180339887498949;
const firstOf = (i: number, cols: number) => Math.floor(((i * GOLDEN) % 1) * cols);

/**
 * Maximises the total score over assignments of **every** row to a column, each column `j`
 * taking at most `capacity[j]` rows. `scores` is row-major `rows × cols`; `-Infinity` forbids a
 * cell. Returns each row's column, or `null` when some row cannot be placed (the caller then
 * needs a most-pairs formulation). Deterministic: the same input always gives the same
 * assignment (searches break ties by the smaller index, candidate lists by a fixed rotation of
 * the indices).
 *
 * Invariants (why it is optimal): with cost `-score` and reduced cost
 * `r(i, j) = -score + rowPot[i] - colPot[j]` (the slack row scoring 0 everywhere), every held
 * cell has `r = 0` and every other allowed cell of a placed row, and of the slack row, has
 * `r ≥ 0`. Each augmentation is a Dijkstra that stops at the first sink, then shifts the
 * potentials of what it finalised by `d − D`, which keeps both; when no free row, no unplaced
 * slack and no deficit are left, the assignment is optimal (reduced-cost optimality).
 */
export function capacitatedAssignment(
  scores: Float64Array,
  rows: number,
  cols: number,
  capacity: Int32Array,
  tuning: Partial<CapacitatedTuning> = {},
): Int32Array | null {
  const knobs = { ...DEFAULT_TUNING, ...tuning };
  let seats = 0;
  for (let j = 0; j < cols; j++) seats += Math.max(0, capacity[j]);
  if (seats < rows) return null;
  const flow = new SeatFlow(scores, rows, cols, capacity, seats - rows);
  if (rows * cols >= knobs.sparseMinCells) {
    if (!sparsePhase(flow, knobs)) return null;
  } else {
    // Warm start: each row's best column, taken directly while it has a slack seat.
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      let best = -1;
      let top = NEG;
      for (let j = 0; j < cols; j++) {
        if (capacity[j] > 0 && scores[base + j] > top) {
          top = scores[base + j];
          best = j;
        }
      }
      if (best < 0) return null;
      flow.rowPot[i] = top;
      if (flow.spare[best] > 0) flow.takeSpare(i, best);
    }
  }
  const search = new DenseSearch(flow);
  for (let i = 0; i < rows; i++) {
    if (flow.rowToCol[i] < 0 && !search.augment(i)) return null;
  }
  // Seats left to nobody go to the slack row (it reaches every column directly).
  search.placeSlack();
  return flow.rowToCol;
}

/** Who holds which seat, and the potentials; `rows` stands for the slack row. */
class SeatFlow {
  readonly rowToCol: Int32Array;
  /** Real rows held by column j live in slots[start[j] … start[j] + load[j] − 1]. */
  readonly load: Int32Array;
  readonly start: Int32Array;
  readonly slots: Int32Array;
  readonly slotOf: Int32Array;
  /** Seats of each column held by the slack row. */
  readonly spare: Int32Array;
  /** Seats of each column held by nobody. */
  readonly deficit: Int32Array;
  readonly rowPot: Float64Array;
  readonly colPot: Float64Array;
  slackPlaced: number;
  readonly slackSupply: number;

  constructor(
    readonly scores: Float64Array,
    readonly rows: number,
    readonly cols: number,
    readonly capacity: Int32Array,
    slackSupply: number,
  ) {
    this.rowToCol = new Int32Array(rows).fill(-1);
    this.load = new Int32Array(cols);
    this.start = new Int32Array(cols + 1);
    this.spare = new Int32Array(cols);
    this.deficit = new Int32Array(cols);
    let seats = 0;
    for (let j = 0; j < cols; j++) {
      const c = Math.max(0, capacity[j]);
      this.start[j + 1] = this.start[j] + c;
      this.spare[j] = c;
      seats += c;
    }
    this.slots = new Int32Array(seats);
    this.slotOf = new Int32Array(rows).fill(-1);
    this.rowPot = new Float64Array(rows + 1);
    this.colPot = new Float64Array(cols);
    // The slack row starts on every seat (all potentials 0, so every seat is at its best).
    this.slackPlaced = seats;
    this.slackSupply = slackSupply;
  }

  /** The slack row holds more seats than its supply: a seat of it ends a search. */
  slackIsSink(): boolean {
    return this.slackPlaced > this.slackSupply;
  }

  place(i: number, j: number): void {
    const k = this.start[j] + this.load[j]++;
    this.slots[k] = i;
    this.slotOf[i] = k;
    this.rowToCol[i] = j;
  }

  unplace(i: number): void {
    const j = this.rowToCol[i];
    const last = this.start[j] + --this.load[j];
    const k = this.slotOf[i];
    this.slots[k] = this.slots[last];
    this.slotOf[this.slots[k]] = k;
    this.slotOf[i] = -1;
    this.rowToCol[i] = -1;
  }

  /** A free row takes one of the slack row's seats of j (a path of one cell). */
  takeSpare(i: number, j: number): void {
    this.spare[j]--;
    this.slackPlaced--;
    this.place(i, j);
  }

  /** The slack row gives up every seat it holds (they are then held by nobody). */
  freeSlackSeats(): void {
    for (let j = 0; j < this.cols; j++) {
      this.deficit[j] += this.spare[j];
      this.spare[j] = 0;
    }
    this.slackPlaced = 0;
  }

  /** A placed row leaves its seat to nobody. */
  release(i: number): void {
    this.deficit[this.rowToCol[i]]++;
    this.unplace(i);
  }

  /**
   * Flips the path found by a search from `source` that ended at column `end` (`viaSlack`: on a
   * seat of the slack row, else on a seat held by nobody). `predRow[j]` moved into column j;
   * the slack row, when passed through, left column `slackFrom`.
   */
  flip(
    source: number,
    end: number,
    viaSlack: boolean,
    predRow: Int32Array,
    slackFrom: number,
  ): void {
    const slack = this.rows;
    if (viaSlack) {
      this.spare[end]--;
      this.slackPlaced--;
    } else this.deficit[end]--;
    for (let j = end; ; ) {
      const i = predRow[j];
      if (i === slack) {
        this.spare[j]++;
        if (source === slack) {
          this.slackPlaced++;
          break;
        }
        j = slackFrom;
        this.spare[j]--;
        continue;
      }
      const from = this.rowToCol[i];
      if (from >= 0) this.unplace(i);
      this.place(i, j);
      if (i === source) break;
      j = from;
    }
  }
}

/** Dijkstra over the dense matrix, from a free row or from the slack row. */
class DenseSearch {
  private readonly dist: Float64Array;
  /** Distance at which each finalised column was reached (`dist` is then -Infinity). */
  private readonly reached: Float64Array;
  private readonly predRow: Int32Array;
  private readonly closed: Uint8Array;
  private readonly rowDist: Float64Array;
  private readonly scanned: number[] = [];
  private readonly finalised: number[] = [];
  private next = -1;

  constructor(private readonly flow: SeatFlow) {
    const { rows, cols, capacity } = flow;
    this.dist = new Float64Array(cols);
    this.reached = new Float64Array(cols);
    this.predRow = new Int32Array(cols);
    // Columns without capacity start finalised, so no search ever enters them.
    this.closed = new Uint8Array(cols);
    for (let j = 0; j < cols; j++) if (capacity[j] <= 0) this.closed[j] = 1;
    this.rowDist = new Float64Array(rows + 1);
  }

  /**
   * Scans row `i` (the slack row scores 0 everywhere) at distance `di`. With `find`, the same
   * pass finds the next column to finalise: every earlier scan of the step is complete when it
   * reads dist[j] (the smallest index on ties). A forbidden cell gives v = +Infinity and a
   * finalised column has dist -Infinity, so one comparison rejects both.
   */
  private scan(i: number, di: number, find: boolean): void {
    const { scores, cols, colPot, rowPot, rows } = this.flow;
    const { dist, predRow } = this;
    const from = di + rowPot[i];
    if (i === rows) {
      for (let j = 0; j < cols; j++) {
        const v = from - colPot[j];
        if (v < dist[j]) {
          dist[j] = v;
          predRow[j] = i;
        }
      }
      if (find) this.findNext();
      return;
    }
    const base = i * cols;
    if (!find) {
      for (let j = 0; j < cols; j++) {
        const v = from - scores[base + j] - colPot[j];
        if (v < dist[j]) {
          dist[j] = v;
          predRow[j] = i;
        }
      }
      return;
    }
    let best = INF;
    let next = -1;
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
    this.next = next;
  }

  private findNext(): void {
    const { dist } = this;
    let best = INF;
    let next = -1;
    for (let j = 0; j < dist.length; j++) {
      const d = dist[j];
      if (d < best && d !== NEG) {
        best = d;
        next = j;
      }
    }
    this.next = next;
  }

  /**
   * Places the slack row's unplaced supply on the seats held by nobody, many units per search:
   * one Dijkstra from the slack row, then every tree path to such a seat that shares no row
   * with a path already taken (the slack row itself can take any number of seats). Each path
   * has reduced cost 0 once the potentials shift by `min(d, D)`, D the farthest path taken.
   */
  placeSlack(): void {
    const flow = this.flow;
    const { rows, cols, load, start, slots, spare, deficit, rowPot, colPot, rowToCol } = flow;
    const { dist, reached, closed, rowDist, scanned, finalised, predRow } = this;
    const slack = rows;
    const used = new Uint8Array(rows);
    const ends: number[] = [];
    while (flow.slackPlaced < flow.slackSupply) {
      for (let j = 0; j < cols; j++) dist[j] = closed[j] === 1 ? NEG : INF;
      scanned.length = 0;
      finalised.length = 0;
      ends.length = 0;
      rowDist[slack] = 0;
      scanned.push(slack);
      this.scan(slack, 0, true);
      let wanted = flow.slackSupply - flow.slackPlaced;
      let farthest = 0;
      while (wanted > 0) {
        const j = this.next;
        if (j < 0) break;
        const best = dist[j];
        reached[j] = best;
        dist[j] = NEG;
        finalised.push(j);
        if (deficit[j] > 0) {
          // Take the path when none of its rows is on a path already taken.
          let free = true;
          for (let c = j; free && predRow[c] !== slack; c = rowToCol[predRow[c]]) {
            free = used[predRow[c]] === 0;
          }
          if (free) {
            for (let c = j; predRow[c] !== slack; c = rowToCol[predRow[c]]) used[predRow[c]] = 1;
            ends.push(j);
            farthest = best;
            wanted -= predRow[j] === slack ? Math.min(wanted, deficit[j]) : 1;
            if (wanted === 0) break;
          }
        }
        const last = start[j] + load[j] - 1;
        for (let k = start[j]; k <= last; k++) {
          const i = slots[k];
          rowDist[i] = best;
          scanned.push(i);
          this.scan(i, best, k === last);
        }
        if (last < start[j]) this.findNext();
      }
      if (ends.length === 0) throw new Error('capacitatedAssignment: internal error');
      for (const i of scanned) rowPot[i] += Math.min(rowDist[i], farthest) - farthest;
      for (const j of finalised) colPot[j] += Math.min(reached[j], farthest) - farthest;
      for (const end of ends) {
        if (predRow[end] === slack) {
          const units = Math.min(flow.slackSupply - flow.slackPlaced, deficit[end]);
          deficit[end] -= units;
          spare[end] += units;
          flow.slackPlaced += units;
          continue;
        }
        for (let c = end; predRow[c] !== slack; c = rowToCol[predRow[c]]) used[predRow[c]] = 0;
        flow.flip(slack, end, false, predRow, -1);
      }
    }
  }

  /** One augmentation from `source`; false when no sink is reachable. */
  augment(source: number): boolean {
    const flow = this.flow;
    const { rows, cols, load, start, slots, spare, deficit, rowPot, colPot } = flow;
    const { dist, reached, closed, rowDist, scanned, finalised, predRow } = this;
    const slack = rows;
    for (let j = 0; j < cols; j++) dist[j] = closed[j] === 1 ? NEG : INF;
    scanned.length = 0;
    finalised.length = 0;
    rowDist[source] = 0;
    scanned.push(source);
    let slackReached = source === slack;
    let slackFrom = -1;
    this.scan(source, 0, true);
    let end = -1;
    let viaSlack = false;
    let total = INF;
    for (;;) {
      const j = this.next;
      if (j < 0) return false; // no sink is reachable: a complete assignment is impossible
      const best = dist[j];
      reached[j] = best;
      dist[j] = NEG;
      finalised.push(j);
      if (deficit[j] > 0 || (spare[j] > 0 && flow.slackIsSink())) {
        end = j;
        viaSlack = deficit[j] === 0;
        total = best;
        break;
      }
      // A full column passes the search on to every row holding one of its seats, at the
      // same distance (held cells have reduced cost 0).
      const passSlack = spare[j] > 0 && !slackReached;
      if (passSlack) {
        slackReached = true;
        slackFrom = j;
        rowDist[slack] = best;
        scanned.push(slack);
      }
      const last = start[j] + load[j] - 1;
      for (let k = start[j]; k <= last; k++) {
        const i = slots[k];
        rowDist[i] = best;
        scanned.push(i);
        this.scan(i, best, k === last && !passSlack);
      }
      if (passSlack) this.scan(slack, best, true);
      else if (last < start[j]) this.findNext();
    }
    for (const i of scanned) rowPot[i] += rowDist[i] - total;
    for (const j of finalised) colPot[j] += reached[j] - total;
    flow.flip(source, end, viaSlack, predRow, slackFrom);
    return true;
  }
}

/**
 * The sparse start: each row's best columns by score, solved exactly by the same search on a
 * binary heap (a scan costs a row's candidates, not `cols`), then checked against the dense
 * matrix; rows that a column outside their candidates would now suit better leave their seat
 * to nobody and get their best columns under the current potentials as new candidates. False
 * when some row has no allowed column.
 */
function sparsePhase(flow: SeatFlow, knobs: CapacitatedTuning): boolean {
  const { scores, rows, cols, capacity, colPot } = flow;
  const k = Math.min(cols, knobs.candidatesPerRow);
  // Candidate lists, grown per row; rowBound[i] bounds every score outside row i's list.
  const candCols: Int32Array[] = new Array(rows);
  const candScores: Float64Array[] = new Array(rows);
  const rowBound = new Float64Array(rows);
  const bestCols = new Int32Array(k);
  const bestVals = new Float64Array(k);
  const byColumn = columnCandidates(scores, rows, cols, capacity, knobs.rowsPerColumn);
  const extraCols: number[] = [];
  flow.freeSlackSeats();
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    const count = topByValue(
      scores,
      base,
      cols,
      capacity,
      null,
      firstOf(i, cols),
      k,
      bestCols,
      bestVals,
    );
    if (count === 0) return false;
    rowBound[i] = count < k ? NEG : bestVals[k - 1];
    // Warm start: the row's best column while it has a free seat.
    flow.rowPot[i] = bestVals[0];
    if (flow.deficit[bestCols[0]] > 0) {
      flow.deficit[bestCols[0]]--;
      flow.place(i, bestCols[0]);
    }
    // The columns that list this row among their best rows join its own best columns.
    extraCols.length = 0;
    for (let e = byColumn.offsets[i]; e < byColumn.offsets[i + 1]; e++) {
      const j = byColumn.cols[e];
      let known = false;
      for (let t = 0; t < count && !known; t++) known = bestCols[t] === j;
      if (!known) extraCols.push(j);
    }
    const n = count + extraCols.length;
    const cs = new Int32Array(n);
    const ws = new Float64Array(n);
    cs.set(bestCols.subarray(0, count));
    ws.set(bestVals.subarray(0, count));
    for (let t = 0; t < extraCols.length; t++) {
      cs[count + t] = extraCols[t];
      ws[count + t] = scores[base + extraCols[t]];
    }
    candCols[i] = cs;
    candScores[i] = ws;
  }
  const search = new SparseSearch(flow, candCols, candScores);
  const listed = new Int32Array(rows);
  for (let round = 0; ; round++) {
    for (;;) {
      let freeCount = 0;
      for (let i = 0; i < rows; i++) if (flow.rowToCol[i] < 0) listed[freeCount++] = i;
      if (freeCount === 0 || search.phase(listed, freeCount, false) === 0) break;
    }
    // Then the slack row takes the seats left, which lifts the columns with room to the top
    // potential before the dense check.
    while (flow.slackPlaced < flow.slackSupply) {
      if (search.phase(listed, 0, true) === 0) break;
    }
    // Dense check: a placed row is wrong when some column beats its own by more than rounding.
    let top = NEG;
    for (let j = 0; j < cols; j++) if (capacity[j] > 0 && colPot[j] > top) top = colPot[j];
    let count = 0;
    for (let i = 0; i < rows; i++) {
      const j0 = flow.rowToCol[i];
      if (j0 < 0) {
        listed[count++] = i;
        continue;
      }
      const base = i * cols;
      const own = scores[base + j0] + colPot[j0];
      const bound = own + 1e-12 * (Math.abs(scores[base + j0]) + Math.abs(colPot[j0]));
      if (bound >= rowBound[i] + top) continue;
      for (let j = 0; j < cols; j++) {
        if (scores[base + j] + colPot[j] > bound) {
          listed[count++] = i;
          flow.release(i);
          break;
        }
      }
    }
    if (count === 0 || round === knobs.maxRounds) return true;
    for (let r = 0; r < count; r++) {
      const i = listed[r];
      const n = topByValue(
        scores,
        i * cols,
        cols,
        capacity,
        colPot,
        firstOf(i, cols),
        k,
        bestCols,
        bestVals,
      );
      const oldCols = candCols[i];
      const oldScores = candScores[i];
      const mergedCols: number[] = Array.from(oldCols);
      const mergedScores: number[] = Array.from(oldScores);
      for (let t = 0; t < n; t++) {
        if (oldCols.indexOf(bestCols[t]) >= 0) continue;
        mergedCols.push(bestCols[t]);
        mergedScores.push(scores[i * cols + bestCols[t]]);
      }
      candCols[i] = Int32Array.from(mergedCols);
      candScores[i] = Float64Array.from(mergedScores);
    }
  }
}

/**
 * Each column's best rows by score (as many as twice its capacity, at most
 * `perColumn`), listed by row: without them a column few rows rank among their best is
 * in few candidate lists, the sparse problem has no way to fill it, and the searches that fail
 * explore everything they reach.
 */
function columnCandidates(
  scores: Float64Array,
  rows: number,
  cols: number,
  capacity: Int32Array,
  perColumn: number,
): { offsets: Int32Array; cols: Int32Array } {
  const m = new Int32Array(cols);
  const begin = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) {
    m[j] = Math.max(0, Math.min(2 * capacity[j], perColumn, rows));
    begin[j + 1] = begin[j] + m[j];
  }
  const vals = new Float64Array(begin[cols]).fill(NEG);
  const who = new Int32Array(begin[cols]).fill(-1);
  // Ties go to the row that comes first from a column-dependent offset, so that on tied
  // scores the columns do not all list the same first rows.
  const offset = new Int32Array(cols);
  for (let j = 0; j < cols; j++) offset[j] = Math.floor(((j * GOLDEN) % 1) * rows);
  const rank = (i: number, j: number) => (i >= offset[j] ? i - offset[j] : i - offset[j] + rows);
  // The smallest value each full list still accepts: one comparison rejects most cells.
  const floor = new Float64Array(cols).fill(NEG);
  const count = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const s = scores[base + j];
      if (s < floor[j] || s === NEG || m[j] === 0) continue;
      const b = begin[j];
      const r = rank(i, j);
      if (count[j] === m[j] && s === floor[j] && r > rank(who[b + m[j] - 1], j)) continue;
      let p = count[j] < m[j] ? b + count[j]++ : b + m[j] - 1;
      while (p > b && (vals[p - 1] < s || (vals[p - 1] === s && rank(who[p - 1], j) > r))) {
        vals[p] = vals[p - 1];
        who[p] = who[p - 1];
        p--;
      }
      vals[p] = s;
      who[p] = i;
      if (count[j] === m[j]) floor[j] = vals[b + m[j] - 1];
    }
  }
  const offsets = new Int32Array(rows + 1);
  for (let e = 0; e < begin[cols]; e++) if (who[e] >= 0) offsets[who[e] + 1]++;
  for (let i = 0; i < rows; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, rows);
  const out = new Int32Array(offsets[rows]);
  for (let j = 0; j < cols; j++) {
    for (let e = begin[j]; e < begin[j] + count[j]; e++) out[fill[who[e]]++] = j;
  }
  return { offsets, cols: out };
}

/**
 * The `k` allowed columns of a row with the largest `score + colPot` (`colPot` null: score
 * alone), best first, smaller index on ties, into `outCols`/`outVals` (the raw scores when
 * `colPot` is null). Returns how many it found.
 */
function topByValue(
  scores: Float64Array,
  base: number,
  cols: number,
  capacity: Int32Array,
  colPot: Float64Array | null,
  first: number,
  k: number,
  outCols: Int32Array,
  outVals: Float64Array,
): number {
  let count = 0;
  // Ties go to the column that comes first from `first` on (wrapping around), so that on tied
  // scores the rows do not all list the same first columns.
  for (let t = 0, j = first; t < cols; t++, j = j + 1 === cols ? 0 : j + 1) {
    const s = scores[base + j];
    if (s === NEG || capacity[j] <= 0) continue;
    const w = colPot === null ? s : s + colPot[j];
    if (count === k && w <= outVals[k - 1]) continue;
    let p = count < k ? count++ : k - 1;
    while (p > 0 && outVals[p - 1] < w) {
      outVals[p] = outVals[p - 1];
      outCols[p] = outCols[p - 1];
      p--;
    }
    outVals[p] = w;
    outCols[p] = j;
  }
  return count;
}

/**
 * Shortest paths on the candidate lists from **all** free rows at once (a binary heap of
 * columns keyed by (distance, index)), then one augmentation per search tree that reached a
 * seat held by nobody. Paths of different trees share no row, every arc on them has reduced
 * cost 0 once the potentials shift by `min(d, D)` (D the farthest path taken), and such a seat
 * is a sink of its own, so they can all be flipped in one go: far fewer searches than one per
 * row when most rows are still free. (Paths may not share a sink that is one node, such as
 * the slack row: their last arcs would differ in length. So the sparse start first gives the
 * slack row's seats to nobody, lets the rows fill them, and then places the slack row as a
 * source, whose paths only need to share no row.) The slack row scores 0 on every column, so
 * its arcs are always dense.
 */
class SparseSearch {
  private readonly dist: Float64Array;
  private readonly done: Uint8Array;
  private readonly predRow: Int32Array;
  private readonly rowDist: Float64Array;
  /** Root (a free row) of each reached row's and each finalised column's tree. */
  private readonly rootOfRow: Int32Array;
  private readonly rootOfCol: Int32Array;
  private readonly rootUsed: Uint8Array;
  /** Rows on a path the slack row takes in this phase. */
  private readonly used: Uint8Array;
  private readonly open: Uint8Array;
  private readonly touched: number[] = [];
  private readonly scanned: number[] = [];
  private readonly finalised: number[] = [];
  private readonly ends: number[] = [];
  private heapKeys = new Float64Array(1024);
  private heapCols = new Int32Array(1024);
  private heapSize = 0;

  constructor(
    private readonly flow: SeatFlow,
    private readonly candCols: Int32Array[],
    private readonly candScores: Float64Array[],
  ) {
    const { rows, cols } = flow;
    this.dist = new Float64Array(cols).fill(INF);
    this.done = new Uint8Array(cols);
    this.predRow = new Int32Array(cols);
    this.rowDist = new Float64Array(rows + 1);
    this.rootOfRow = new Int32Array(rows + 1);
    this.rootOfCol = new Int32Array(cols);
    this.rootUsed = new Uint8Array(rows);
    this.used = new Uint8Array(rows);
    this.open = new Uint8Array(cols);
    for (let j = 0; j < cols; j++) if (flow.capacity[j] > 0) this.open[j] = 1;
  }

  private closed(j: number): boolean {
    return this.open[j] === 0;
  }

  /** The slack row scores 0 on every column with capacity. */
  private scanSlack(di: number): void {
    const { rowPot, colPot, rows, cols } = this.flow;
    const { dist, done, predRow, touched, open } = this;
    const from = di + rowPot[rows];
    for (let j = 0; j < cols; j++) {
      const v = from - colPot[j];
      if (open[j] === 0 || done[j] === 1 || !(v < dist[j])) continue;
      if (dist[j] === INF) touched.push(j);
      dist[j] = v;
      predRow[j] = rows;
      this.push(v, j);
    }
  }

  private scan(i: number, di: number): void {
    const { rowPot, colPot } = this.flow;
    const { dist, done, predRow, touched } = this;
    const from = di + rowPot[i];
    const cs = this.candCols[i];
    const ws = this.candScores[i];
    for (let e = 0; e < cs.length; e++) {
      const j = cs[e];
      const v = from - ws[e] - colPot[j];
      if (done[j] === 1 || !(v < dist[j])) continue;
      if (dist[j] === INF) touched.push(j);
      dist[j] = v;
      predRow[j] = i;
      this.push(v, j);
    }
  }

  private push(key: number, j: number): void {
    if (this.heapSize === this.heapKeys.length) {
      const keys = new Float64Array(this.heapSize * 2);
      keys.set(this.heapKeys);
      this.heapKeys = keys;
      const hc = new Int32Array(this.heapSize * 2);
      hc.set(this.heapCols);
      this.heapCols = hc;
    }
    const keys = this.heapKeys;
    const hc = this.heapCols;
    let p = this.heapSize++;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (keys[q] < key || (keys[q] === key && hc[q] < j)) break;
      keys[p] = keys[q];
      hc[p] = hc[q];
      p = q;
    }
    keys[p] = key;
    hc[p] = j;
  }

  /** The unfinalised column of smallest (distance, index), or -1. */
  private pop(): number {
    const keys = this.heapKeys;
    const hc = this.heapCols;
    while (this.heapSize > 0) {
      const topKey = keys[0];
      const top = hc[0];
      const n = --this.heapSize;
      const key = keys[n];
      const j = hc[n];
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= n) break;
        if (c + 1 < n && (keys[c + 1] < keys[c] || (keys[c + 1] === keys[c] && hc[c + 1] < hc[c])))
          c++;
        if (keys[c] > key || (keys[c] === key && hc[c] > j)) break;
        keys[p] = keys[c];
        hc[p] = hc[c];
        p = c;
      }
      keys[p] = key;
      hc[p] = j;
      if (this.done[top] === 0 && this.dist[top] === topKey) return top;
    }
    return -1;
  }

  /**
   * One multi-source search and its augmentations; returns how many seats it filled. The
   * roots are the free rows listed and, while it has supply left, the slack row, which may
   * take several paths as long as they share no row.
   */
  phase(free: Int32Array, freeCount: number, withSlack: boolean): number {
    const flow = this.flow;
    const { rows, cols, load, start, slots, deficit, spare, rowPot, colPot, rowToCol } = flow;
    const { dist, done, rowDist, scanned, finalised, touched, ends, predRow } = this;
    const { rootOfRow, rootOfCol, rootUsed, used } = this;
    const slack = rows;
    scanned.length = 0;
    finalised.length = 0;
    touched.length = 0;
    ends.length = 0;
    this.heapSize = 0;
    let slackLeft = withSlack ? flow.slackSupply - flow.slackPlaced : 0;
    let slackReached = slackLeft > 0;
    let slackFrom = -1;
    let rootsLeft = freeCount;
    let direct = 0;
    for (let f = 0; f < freeCount; f++) {
      const r = free[f];
      // A free row's potential is implicit: its best value, so its arcs have reduced cost ≥ 0
      // and every root starts at distance 0.
      const cs = this.candCols[r];
      const ws = this.candScores[r];
      let top = NEG;
      let seat = -1;
      for (let e = 0; e < cs.length; e++) {
        const w = ws[e] + colPot[cs[e]];
        if (w > top || (w === top && seat < 0 && deficit[cs[e]] > 0)) {
          top = w;
          seat = deficit[cs[e]] > 0 ? cs[e] : -1;
        }
      }
      rowPot[r] = top;
      if (seat >= 0) {
        // A free seat at the row's best value is a path of one cell at distance 0: taking it
        // now leaves it to no other tree (on tied scores most rows find one).
        deficit[seat]--;
        flow.place(r, seat);
        direct++;
        rootsLeft--;
        continue;
      }
      rowDist[r] = 0;
      rootOfRow[r] = r;
      rootUsed[r] = 0;
      scanned.push(r);
      this.scan(r, 0);
    }
    if (slackReached) {
      if (flow.slackPlaced === 0) {
        let top = NEG;
        for (let j = 0; j < cols; j++) if (!this.closed(j) && colPot[j] > top) top = colPot[j];
        rowPot[slack] = top;
      }
      rowDist[slack] = 0;
      rootOfRow[slack] = slack;
      scanned.push(slack);
      this.scanSlack(0);
    }
    let sinks = 0;
    for (let j = 0; j < cols; j++) if (deficit[j] > 0) sinks++;
    let farthest = 0;
    // Stop once every column with a seat held by nobody is finalised, or no root is left.
    while (sinks > 0 && (rootsLeft > 0 || slackLeft > 0)) {
      const j = this.pop();
      if (j < 0) break;
      const d = dist[j];
      done[j] = 1;
      finalised.push(j);
      const root = rootOfRow[predRow[j]];
      rootOfCol[j] = root;
      if (deficit[j] > 0) {
        sinks--;
        if (root !== slack) {
          if (rootUsed[root] === 0) {
            rootUsed[root] = 1;
            rootsLeft--;
            ends.push(j);
            farthest = d;
          }
        } else if (slackLeft > 0) {
          let clear = true;
          for (let c = j; clear && predRow[c] !== slack; c = rowToCol[predRow[c]]) {
            clear = used[predRow[c]] === 0;
          }
          if (clear) {
            for (let c = j; predRow[c] !== slack; c = rowToCol[predRow[c]]) used[predRow[c]] = 1;
            slackLeft -= predRow[j] === slack ? Math.min(slackLeft, deficit[j]) : 1;
            ends.push(j);
            farthest = d;
          }
        }
      }
      if (spare[j] > 0 && !slackReached) {
        slackReached = true;
        slackFrom = j;
        rowDist[slack] = d;
        rootOfRow[slack] = root;
        scanned.push(slack);
        this.scanSlack(d);
      }
      for (let k = start[j], last = start[j] + load[j]; k < last; k++) {
        const i = slots[k];
        rowDist[i] = d;
        rootOfRow[i] = root;
        scanned.push(i);
        this.scan(i, d);
      }
    }
    let placed = direct;
    if (ends.length > 0) {
      for (const i of scanned) rowPot[i] += Math.min(rowDist[i], farthest) - farthest;
      for (const j of finalised) colPot[j] += Math.min(dist[j], farthest) - farthest;
      for (const end of ends) {
        const root = rootOfCol[end];
        if (root === slack && predRow[end] === slack) {
          const units = Math.min(flow.slackSupply - flow.slackPlaced, deficit[end]);
          deficit[end] -= units;
          spare[end] += units;
          flow.slackPlaced += units;
          placed += units;
          continue;
        }
        if (root === slack) {
          for (let c = end; predRow[c] !== slack; c = rowToCol[predRow[c]]) used[predRow[c]] = 0;
        }
        flow.flip(root, end, false, predRow, slackFrom);
        placed++;
      }
    }
    for (const j of touched) dist[j] = INF;
    for (const j of finalised) done[j] = 0;
    return placed;
  }
}

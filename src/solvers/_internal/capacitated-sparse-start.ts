/**
 * The sparse start of `capacitatedAssignment` (see `capacitated-assignment.ts`): candidate lists,
 * a multi-source shortest-path solve on them, and the dense check that keeps the result exact.
 */
import type { CapacitatedTuning } from './capacitated-assignment.js';
import type { SeatFlow } from './capacitated-seat-flow.js';
import { offerTop } from './top-list.js';

const NEG = Number.NEGATIVE_INFINITY;
const INF = Number.POSITIVE_INFINITY;

/** Spreads tie-breaking offsets (the fractional part of multiples of the golden ratio). */
const GOLDEN = 0.6180339887498949;
const firstOf = (i: number, cols: number) => Math.floor(((i * GOLDEN) % 1) * cols);

/**
 * The sparse start: each row's best columns by score, solved exactly by the same search on a
 * binary heap (a scan costs a row's candidates, not `cols`), then checked against the dense
 * matrix; rows that a column outside their candidates would now suit better leave their seat
 * to nobody and get their best columns under the current potentials as new candidates. False
 * when some row has no allowed column.
 */
export function sparsePhase(flow: SeatFlow, knobs: CapacitatedTuning): boolean {
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
    count = offerTop(outVals, outCols, count, k, colPot === null ? s : s + colPot[j], j);
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

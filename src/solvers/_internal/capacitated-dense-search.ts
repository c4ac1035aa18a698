/**
 * The exact finish of `capacitatedAssignment` (see `capacitated-assignment.ts` for the model and
 * its invariants): Dijkstra over the dense matrix with node potentials, one augmenting path per
 * search (Jonker & Volgenant 1987; Ahuja, Magnanti & Orlin 1993, §9.7).
 */
import type { SeatFlow } from './capacitated-seat-flow.js';

const NEG = Number.NEGATIVE_INFINITY;
const INF = Number.POSITIVE_INFINITY;

/** Dijkstra over the dense matrix, from a free row or from the slack row. */
export class DenseSearch {
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

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

import { DenseSearch } from './capacitated-dense-search.js';
import { SeatFlow } from './capacitated-seat-flow.js';
import { sparsePhase } from './capacitated-sparse-start.js';

const NEG = Number.NEGATIVE_INFINITY;

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

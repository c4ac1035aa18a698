/**
 * The state of a capacitated assignment (see `capacitated-assignment.ts`): which row holds which
 * seat of each column, the slack row's and nobody's seats, and the potentials.
 */
/** Who holds which seat, and the potentials; `rows` stands for the slack row. */
export class SeatFlow {
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

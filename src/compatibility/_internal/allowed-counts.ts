import {
  type BuiltInRules,
  ROW_MARK,
  type SimpleRow,
} from '../../constraints/_internal/built-in-rules.js';

/**
 * Allowed partners counted from the rules' structure instead of pair by pair, for simple rows
 * ({@link BuiltInRules.beginSimpleRow}): a column is allowed to a row unless one of its own
 * marks hits the row's mask, or the row forbids it by name or reporting line. So a row's count
 * is the columns its mask lets through, less the few it names; and a column's count, over a
 * block of rows, is the rows whose mask lets it through, less the rows that name it. A scan
 * that skips pairs it proves useless still reports the counts a full scan gives.
 */
export class AllowedCounts {
  private readonly rules: BuiltInRules;
  private readonly right: Int32Array;
  /** Each participant's column, or -1. */
  private readonly columnOf: Int32Array;
  /** Per mask seen: the columns no mark of their own (but {@link ROW_MARK}) forbids. */
  private readonly open = new Map<number, number>();
  /** Rows counted since the last {@link flush}, by mask. */
  private readonly rowsByMask = new Map<number, number>();
  /** Per column, rows since the last flush that name it; and the columns with any. */
  private readonly named: Int32Array;
  private readonly namedColumns: number[] = [];
  /** Per participant, the last row that named them (a row may name someone twice). */
  private readonly namedBy: Int32Array;
  private rowStamp = 0;
  /** The rules' marks, as the last row handed them over. */
  private marks: Uint8Array = new Uint8Array(0);

  constructor(rules: BuiltInRules, size: number, right: Int32Array) {
    this.rules = rules;
    this.right = right;
    this.columnOf = new Int32Array(size).fill(-1);
    for (let j = 0; j < right.length; j++) this.columnOf[right[j]] = j;
    this.named = new Int32Array(right.length);
    this.namedBy = new Int32Array(size);
  }

  /** The allowed columns of a begun row, which is remembered for the columns' counts. */
  row(left: number, row: SimpleRow): number {
    const { mask, marks } = row;
    this.marks = marks;
    let allowed = this.open.get(mask) ?? -1;
    if (allowed < 0) {
      const own = mask & ~ROW_MARK;
      allowed = 0;
      for (const r of this.right) if ((marks[r] & own) === 0) allowed++;
      this.open.set(mask, allowed);
    }
    this.rowsByMask.set(mask, (this.rowsByMask.get(mask) ?? 0) + 1);
    const stamp = ++this.rowStamp;
    const { columnOf, namedBy, named, namedColumns } = this;
    this.rules.forEachNamed(left, row, (p) => {
      const j = columnOf[p];
      if (j < 0 || namedBy[p] === stamp) return;
      namedBy[p] = stamp;
      allowed--;
      if (named[j]++ === 0) namedColumns.push(j);
    });
    return allowed;
  }

  /**
   * Sets `perRight` to `before` plus each column's allowed rows among those counted since the
   * last flush. Call with no row begun (the marks then hold participant marks only).
   */
  flush(perRight: Int32Array, before: Int32Array): void {
    const { right, named, namedColumns, marks } = this;
    perRight.set(before);
    for (const [mask, rows] of this.rowsByMask) {
      for (let j = 0; j < right.length; j++)
        if ((marks[right[j]] & mask) === 0) perRight[j] += rows;
    }
    for (const j of namedColumns) {
      perRight[j] -= named[j];
      named[j] = 0;
    }
    namedColumns.length = 0;
    this.rowsByMask.clear();
  }
}

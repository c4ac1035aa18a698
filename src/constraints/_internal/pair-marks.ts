import { transposeLists } from '../../profile/_internal/transpose.js';
import type { CohortLists } from '../../profile/cohort.js';

/**
 * A participant list read in both directions (`a` lists `b`, or `b` lists `a`): the list is
 * transposed once so a row can mark everyone connected to its participant in O(degree).
 */
export class PairMarks {
  private readonly lists: CohortLists;
  private readonly reverse: CohortLists;
  private readonly marks: Uint8Array;

  constructor(lists: CohortLists, size: number) {
    this.lists = lists;
    this.reverse = transposeLists(lists, size);
    this.marks = new Uint8Array(size);
  }

  /** Whether `a` lists `b`. */
  has(a: number, b: number): boolean {
    const { offsets, values } = this.lists;
    for (let k = offsets[a]; k < offsets[a + 1]; k++) if (values[k] === b) return true;
    return false;
  }

  /**
   * Sets (`on`) or clears bit `bit` of `marks[i]` for everyone connected to `left` either way;
   * returns whether anyone is.
   */
  private mark(left: number, marks: Uint8Array, bit: number, on: boolean): boolean {
    let any = false;
    for (const { offsets, values } of [this.lists, this.reverse]) {
      for (let k = offsets[left]; k < offsets[left + 1]; k++) {
        const i = values[k];
        marks[i] = on ? marks[i] | bit : marks[i] & ~bit;
        any = true;
      }
    }
    return any;
  }

  /** Calls `visit(i)` for everyone connected to `left` either way (twice if listed both ways). */
  forEach(left: number, visit: (i: number) => void): void {
    for (const { offsets, values } of [this.lists, this.reverse]) {
      for (let k = offsets[left]; k < offsets[left + 1]; k++) visit(values[k]);
    }
  }

  /** Clears `out[k]` for every `rights[k]` connected to `left` either way. */
  clearRow(left: number, rights: Int32Array, count: number, out: Uint8Array): void {
    const marks = this.marks;
    if (!this.mark(left, marks, 1, true)) return;
    for (let k = 0; k < count; k++) if (marks[rights[k]] !== 0) out[k] = 0;
    this.mark(left, marks, 1, false);
  }
}

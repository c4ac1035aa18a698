import type { CohortLists } from '../../profile/cohort.js';

/**
 * A participant list read in both directions (`a` lists `b`, or `b` lists `a`): the list is
 * transposed once so a row can mark everyone connected to its participant in O(degree).
 */
export class PairMarks {
  private readonly lists: CohortLists;
  private readonly inOffsets: Int32Array;
  private readonly inValues: Int32Array;
  private readonly marks: Uint8Array;

  constructor(lists: CohortLists, size: number) {
    this.lists = lists;
    const inOffsets = new Int32Array(size + 1);
    for (let k = 0; k < lists.values.length; k++) inOffsets[lists.values[k] + 1]++;
    for (let i = 0; i < size; i++) inOffsets[i + 1] += inOffsets[i];
    const inValues = new Int32Array(lists.values.length);
    const cursor = inOffsets.slice(0, size);
    for (let i = 0; i < size; i++) {
      for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) {
        inValues[cursor[lists.values[k]]++] = i;
      }
    }
    this.inOffsets = inOffsets;
    this.inValues = inValues;
    this.marks = new Uint8Array(size);
  }

  /** Whether `a` lists `b`. */
  has(a: number, b: number): boolean {
    const { offsets, values } = this.lists;
    for (let k = offsets[a]; k < offsets[a + 1]; k++) if (values[k] === b) return true;
    return false;
  }

  /** Clears `out[k]` for every `rights[k]` connected to `left` either way. */
  clearRow(left: number, rights: Int32Array, count: number, out: Uint8Array): void {
    const { offsets, values } = this.lists;
    const marks = this.marks;
    const outDegree = offsets[left + 1] - offsets[left];
    const inDegree = this.inOffsets[left + 1] - this.inOffsets[left];
    if (outDegree + inDegree === 0) return;
    for (let k = offsets[left]; k < offsets[left + 1]; k++) marks[values[k]] = 1;
    for (let k = this.inOffsets[left]; k < this.inOffsets[left + 1]; k++) {
      marks[this.inValues[k]] = 1;
    }
    for (let k = 0; k < count; k++) if (marks[rights[k]] !== 0) out[k] = 0;
    for (let k = offsets[left]; k < offsets[left + 1]; k++) marks[values[k]] = 0;
    for (let k = this.inOffsets[left]; k < this.inOffsets[left + 1]; k++) {
      marks[this.inValues[k]] = 0;
    }
  }
}

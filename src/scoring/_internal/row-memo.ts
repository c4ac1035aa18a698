import type { FactGroups } from '../../profile/_internal/fact-groups.js';

/**
 * One scorer's term per group, computed at most once per row. {@link RowMemo.prepare} fills
 * `value` before the row's cell loop, which then reads `value[keys[right]]` without a branch:
 * when the row has many more cells than there are groups, every group's term is computed from
 * a representative member (cheaper than a check per cell); otherwise only the groups the row
 * meets, the first right of each computing it. A stamp per group says which row a stored term
 * belongs to, so starting a row costs O(1), not O(groups) — a one-candidate row (as `suggest`
 * runs) stays cheap.
 */
export class RowMemo {
  readonly keys: Int32Array;
  readonly value: Float64Array;
  readonly stamp: Int32Array;
  /** A member of each group (the first), whose term is every member's. */
  readonly first: Int32Array;
  private row = 0;

  constructor(groups: FactGroups) {
    this.keys = groups.keys;
    this.value = new Float64Array(Math.max(1, groups.count));
    this.stamp = new Int32Array(Math.max(1, groups.count));
    let first = groups.first;
    if (first === undefined) {
      first = new Int32Array(groups.count);
      for (let i = groups.keys.length - 1; i >= 0; i--) first[groups.keys[i]] = i;
    }
    this.first = first;
  }

  /** Forgets the stored terms; returns the stamp of the new row. */
  next(): number {
    if (this.row === 0x3fffffff) {
      this.stamp.fill(0);
      this.row = 0;
    }
    return ++this.row;
  }

  /**
   * Sets `value[keys[r]] = term(r)` for every `r` of `rights[0 … count)`: everyone in a group
   * gets the term of one member, which is theirs too (they differ in nothing the scorer reads).
   */
  prepare(rights: Int32Array, count: number, term: (right: number) => number): void {
    const { keys, value, stamp, first } = this;
    if (2 * first.length <= count) {
      for (let g = 0; g < first.length; g++) value[g] = term(first[g]);
      return;
    }
    const row = this.next();
    for (let k = 0; k < count; k++) {
      const r = rights[k];
      const key = keys[r];
      if (stamp[key] !== row) {
        value[key] = term(r);
        stamp[key] = row;
      }
    }
  }
}

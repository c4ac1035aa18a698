import type { CohortLists } from '../../profile/cohort.js';

/**
 * Participants grouped by the facts one scorer reads of them: `keys[i]` is the group of
 * participant `i`, and two participants share a group only when the scorer cannot tell them
 * apart (same list, same labels). Groups are numbered in order of first appearance.
 */
export interface FactGroups {
  readonly keys: Int32Array;
  readonly count: number;
}

/**
 * Groups participants `0 … size - 1` by a tuple of facts: `hash(i)` buckets them, `same(a, b)`
 * settles each bucket exactly, so a hash collision never merges two different tuples.
 */
export function groupBy(
  size: number,
  hash: (i: number) => number,
  same: (a: number, b: number) => boolean,
): FactGroups {
  const keys = new Int32Array(size);
  // hash → first member of each group in that bucket (most buckets hold one group)
  const buckets = new Map<number, number[]>();
  const first: number[] = [];
  for (let i = 0; i < size; i++) {
    const h = hash(i);
    let bucket = buckets.get(h);
    if (bucket === undefined) {
      bucket = [];
      buckets.set(h, bucket);
    }
    let key = -1;
    for (const g of bucket) {
      if (same(first[g], i)) {
        key = g;
        break;
      }
    }
    if (key < 0) {
      key = first.length;
      first.push(i);
      bucket.push(key);
    }
    keys[i] = key;
  }
  return { keys, count: first.length };
}

/** Mixes one more integer into a 32-bit hash (FNV-1a style over the integer's value). */
export function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x01000193) >>> 0;
}

export const HASH_SEED = 0x811c9dc5;

/** Hash of participant `i`'s list in `lists`. */
export function hashList(lists: CohortLists, i: number, h: number): number {
  let out = mix(h, lists.offsets[i + 1] - lists.offsets[i]);
  for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) out = mix(out, lists.values[k]);
  return out;
}

/** Whether participants `a` and `b` have the same list (and the same `extra` per entry). */
export function sameList(
  lists: CohortLists,
  a: number,
  b: number,
  ...extra: readonly ArrayLike<number>[]
): boolean {
  const { offsets, values } = lists;
  const n = offsets[a + 1] - offsets[a];
  if (n !== offsets[b + 1] - offsets[b]) return false;
  for (let k = 0; k < n; k++) {
    const x = offsets[a] + k;
    const y = offsets[b] + k;
    if (values[x] !== values[y]) return false;
    for (const e of extra) if (e[x] !== e[y]) return false;
  }
  return true;
}

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
    this.first = new Int32Array(groups.count).fill(-1);
    for (let i = groups.keys.length - 1; i >= 0; i--) this.first[groups.keys[i]] = i;
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

import type { CohortLists } from '../cohort.js';

/**
 * Participants grouped by the facts one scorer reads of them: `keys[i]` is the group of
 * participant `i`, and two participants share a group only when the scorer cannot tell them
 * apart (same list, same labels). Groups are numbered in order of first appearance.
 */
export interface FactGroups {
  readonly keys: Int32Array;
  readonly count: number;
  /** The first member of each group, when known (`groupBy` gives it). */
  readonly first?: Int32Array;
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
  return { keys, count: first.length, first: Int32Array.from(first) };
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

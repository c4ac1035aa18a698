import type { CandidateLists } from '../types.js';

// Fixed-capacity min-heaps of (score, partner), one per owner, in flat typed arrays: owner o's
// heap is slots `o × k … o × k + size - 1`, and its size is `min(offers so far, k)`, so no size
// array is kept. The worst kept candidate sits at the root, so a new one is compared once and
// most are rejected in O(1). "Worse" is a strict total order — lower score, or equal score and
// higher partner index — so the k kept are the same whatever order the offers come in.

/**
 * Offers (s, p) to the heap at `base` holding `n` of at most `k` entries (`k ≥ 1`). Callers
 * normally skip offers below a full heap's root score first; ties are settled here.
 */
export function offer(
  score: Float64Array,
  partner: Int32Array,
  base: number,
  n: number,
  k: number,
  s: number,
  p: number,
): void {
  if (n < k) {
    let at = n;
    while (at > 0) {
      const up = (at - 1) >> 1;
      const us = score[base + up];
      // Stop when the parent is no better than (s, p): the parent must stay the worse one.
      if (us < s || (us === s && partner[base + up] > p)) break;
      score[base + at] = us;
      partner[base + at] = partner[base + up];
      at = up;
    }
    score[base + at] = s;
    partner[base + at] = p;
    return;
  }
  const rs = score[base];
  if (s < rs || (s === rs && p > partner[base])) return;
  // Replace the root: move the worse child up until (s, p) is worse than both children.
  let at = 0;
  for (;;) {
    const l = 2 * at + 1;
    if (l >= k) break;
    let c = base + l;
    if (l + 1 < k) {
      const r = c + 1;
      if (score[r] < score[c] || (score[r] === score[c] && partner[r] > partner[c])) c = r;
    }
    const cs = score[c];
    if (s < cs || (s === cs && p > partner[c])) break;
    score[base + at] = cs;
    partner[base + at] = partner[c];
    at = c - base;
  }
  score[base + at] = s;
  partner[base + at] = p;
}

/**
 * Offers `count` entries of another heap (from `fromBase`, partners shifted by `shift`) to the
 * heap at `base`, which has been offered `held` so far (its size is `min(held, k)`); returns the
 * offers so far, `held + count`. Merging heaps this way keeps the same k whatever the order.
 */
export function offerAll(
  score: Float64Array,
  partner: Int32Array,
  base: number,
  held: number,
  k: number,
  fromScore: Float64Array,
  fromPartner: Int32Array,
  fromBase: number,
  count: number,
  shift: number,
): number {
  for (let x = 0; x < count; x++, held++) {
    const at = fromBase + x;
    offer(score, partner, base, Math.min(held, k), k, fromScore[at], fromPartner[at] + shift);
  }
  return held;
}

/**
 * The heaps as CSR lists, best first (score down, then partner index up). `counts[o]` is how
 * many candidates were offered to owner o; the heaps are read, never changed.
 */
export function listHeaps(
  score: Float64Array,
  partner: Int32Array,
  counts: Int32Array,
  k: number,
): CandidateLists {
  const owners = counts.length;
  const offsets = new Int32Array(owners + 1);
  for (let o = 0; o < owners; o++) offsets[o + 1] = offsets[o] + Math.min(counts[o], k);
  const partners = new Int32Array(offsets[owners]);
  const scores = new Float64Array(offsets[owners]);
  for (let o = 0; o < owners; o++) {
    const from = offsets[o];
    const n = offsets[o + 1] - from;
    // Copied slot by slot: a subarray view per owner would cost more than its k slots.
    for (let x = 0; x < n; x++) {
      partners[from + x] = partner[o * k + x];
      scores[from + x] = score[o * k + x];
    }
    sortBestFirst(partners, scores, from, from + n);
  }
  return { offsets, partners, scores };
}

/** Sorts slots `from … to - 1` by score down, then partner up (partners are distinct). */
function sortBestFirst(partners: Int32Array, scores: Float64Array, from: number, to: number): void {
  if (to - from <= 32) {
    // Insertion sort: k is small in practice, and this allocates nothing.
    for (let a = from + 1; a < to; a++) {
      const s = scores[a];
      const p = partners[a];
      let b = a - 1;
      while (b >= from && (scores[b] < s || (scores[b] === s && partners[b] > p))) {
        scores[b + 1] = scores[b];
        partners[b + 1] = partners[b];
        b--;
      }
      scores[b + 1] = s;
      partners[b + 1] = p;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, x) => from + x);
  order.sort((a, b) => scores[b] - scores[a] || partners[a] - partners[b]);
  const p = Int32Array.from(order, (at) => partners[at]);
  const s = Float64Array.from(order, (at) => scores[at]);
  partners.set(p, from);
  scores.set(s, from);
}

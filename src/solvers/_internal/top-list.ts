/**
 * Offers `(score, id)` to a list of at most `k` best, kept in `best` / `who` by score, highest
 * first. `-Infinity` (forbidden) is never taken, and an offer that only ties a kept one ranks
 * after it, so ties keep the earlier offer (the order of the caller's loop decides). Returns the
 * list's new size (pass the old one in). No allocation, for loops over every cell of a row.
 */
export function offerTop(
  best: Float64Array,
  who: Int32Array,
  size: number,
  k: number,
  score: number,
  id: number,
): number {
  if (score === Number.NEGATIVE_INFINITY || (size === k && score <= best[k - 1])) return size;
  const grown = size < k ? size + 1 : size;
  let at = grown - 1;
  while (at > 0 && best[at - 1] < score) {
    best[at] = best[at - 1];
    who[at] = who[at - 1];
    at--;
  }
  best[at] = score;
  who[at] = id;
  return grown;
}

/** How many levels {@link ValueLevels} cuts the values into. */
const LEVELS = 32;

/**
 * Columns by how low a per-column value is, for questions of the form "which columns of this
 * set have a value below `t`?" asked once per row with a different `t`: `LEVELS` bitmaps, the
 * `l`-th holding the columns whose value is below the `l`-th cut (the values' quantiles), so
 * the answer is a small superset, one AND a word.
 */
export class ValueLevels {
  /** Ascending; the last is +Infinity (every column). */
  private readonly cuts: Float64Array;
  /** Level `l`'s bitmap is `bits[l × words … (l + 1) × words)`. */
  private readonly bits: Int32Array;
  private readonly words: number;

  constructor(value: Float64Array) {
    const n = value.length;
    const words = (n + 31) >>> 5;
    const sorted = Float64Array.from(value).sort();
    const cuts = new Float64Array(LEVELS);
    for (let l = 0; l + 1 < LEVELS; l++) {
      cuts[l] = n === 0 ? Number.POSITIVE_INFINITY : sorted[Math.floor(((l + 1) * n) / LEVELS)];
    }
    cuts[LEVELS - 1] = Number.POSITIVE_INFINITY;
    const bits = new Int32Array(LEVELS * words);
    for (let j = 0; j < n; j++) {
      const v = value[j];
      // Column j is in every level whose cut is above its value: from the first such level on.
      let l = 0;
      while (l < LEVELS - 1 && !(v < cuts[l])) l++;
      for (; l < LEVELS; l++) bits[l * words + (j >>> 5)] |= 1 << (j & 31);
    }
    this.cuts = cuts;
    this.bits = bits;
    this.words = words;
  }

  /**
   * The columns of `set` (one bit each) whose value may be below `t`: every one whose value is,
   * and perhaps some up to the next cut. Written to `out` and returned, or `set` itself when
   * the answer is all of it.
   */
  below(set: Int32Array, t: number, out: Int32Array): Int32Array {
    const { cuts, bits, words } = this;
    let l = 0;
    while (cuts[l] < t) l++;
    if (l === LEVELS - 1) return set;
    const at = l * words;
    for (let w = 0; w < words; w++) out[w] = set[w] & bits[at + w];
    return out;
  }
}

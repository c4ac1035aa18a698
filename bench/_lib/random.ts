/**
 * A tiny seeded PRNG (mulberry32) so every benchmark input can be rebuilt bit for bit from
 * `(kind, n, seed)`: the same matrices go to every contender, in this run and the next.
 */

/** A source of uniform floats in [0, 1). */
export type Random = () => number;

/**
 * Creates a seeded generator (mulberry32: 32-bit state, fast, good enough for test data; not
 * for anything cryptographic).
 *
 * @param seed - any 32-bit integer; the same seed always gives the same sequence
 * @returns a function returning uniform floats in [0, 1)
 * @example
 * const random = createRandom(42);
 * random(); //=> 0.6011037519201636
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

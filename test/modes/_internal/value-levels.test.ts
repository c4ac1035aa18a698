import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueLevels } from '../../../src/modes/_internal/value-levels.js';
import { numRuns } from '../../_support/runs.js';

const has = (bits: Int32Array, j: number) => (bits[j >>> 5] & (1 << (j & 31))) !== 0;

describe('ValueLevels', () => {
  it('below(set, t) keeps every column of the set valued below t, and nothing outside the set', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 200 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer(),
        (values, t, seed) => {
          const value = Float64Array.from(values);
          const words = (value.length + 31) >>> 5;
          const set = Int32Array.from({ length: words }, (_, w) => Math.imul(seed ^ w, 2654435761));
          const got = new ValueLevels(value).below(set, t, new Int32Array(words));
          for (let j = 0; j < value.length; j++) {
            if (has(set, j) && value[j] < t) expect(has(got, j)).toBe(true);
            if (!has(set, j)) expect(has(got, j)).toBe(false);
          }
        },
      ),
      { numRuns: numRuns(200) },
    );
  });

  it('below(set, t) leaves out most of the columns when t is low, and returns the set itself when t is above every cut', () => {
    const value = Float64Array.from({ length: 1000 }, (_, j) => j / 1000);
    const levels = new ValueLevels(value);
    const set = new Int32Array(32).fill(-1);
    const out = new Int32Array(32);
    const low = levels.below(set, 0.05, out);
    let count = 0;
    for (let j = 0; j < 1000; j++) if (has(low, j)) count++;
    expect(count).toBeGreaterThanOrEqual(50);
    expect(count).toBeLessThanOrEqual(50 + 1000 / 32 + 1);
    expect(levels.below(set, 2, out)).toBe(set);
  });
});

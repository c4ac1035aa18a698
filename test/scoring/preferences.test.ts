import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('preferencesScorer', () => {
  it.each([
    [{ prefer: ['b'] }, { prefer: ['a'] }, 1],
    [{ prefer: ['b'] }, {}, 0.75],
    [{}, {}, 0.5],
  ])('preferencesScorer scores mentor %j with mentee %j as %d', (a, b, expected) => {
    expect(pair('preferences', a as never, b as never).score).toBeCloseTo(expected as number, 12);
  });
});

import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('languagesScorer', () => {
  it.each([
    [{ languages: ['en-GB'] }, { languages: ['en-GB', 'de'] }, 1],
    [{ languages: ['en-GB'] }, { languages: ['en-US'] }, 0.8],
    [{ languages: ['fr'] }, { languages: ['de'] }, 0],
  ])('languagesScorer scores mentor %j with mentee %j as %d', (a, b, expected) => {
    expect(pair('languages', a as never, b as never).score).toBeCloseTo(expected as number, 12);
  });
});

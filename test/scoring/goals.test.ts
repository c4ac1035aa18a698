import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('goalsScorer', () => {
  it.each([
    [{ goals: ['promotion', 'balance'] }, { goals: ['promotion', 'confidence'] }, 0.5],
    [{}, { goals: ['promotion'] }, 0.5],
  ])('goalsScorer scores mentor %j with mentee %j as %d', (a, b, expected) => {
    expect(pair('goals', a as never, b as never).score).toBeCloseTo(expected as number, 12);
  });
});

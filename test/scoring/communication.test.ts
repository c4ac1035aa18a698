import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('communicationScorer', () => {
  it.each([
    [
      { communicationStyle: 'direct', learningStyle: 'visual', modes: ['video'] },
      { communicationStyle: 'direct', learningStyle: 'visual', modes: ['video', 'chat'] },
      1,
    ],
    [
      { modes: ['in-person'], location: 'Lisbon' },
      { modes: ['in-person'], location: 'Porto' },
      (0.5 + 0.5 + 0) / 3,
    ],
  ])('communicationScorer scores mentor %j with mentee %j as %d', (a, b, expected) => {
    expect(pair('communication', a as never, b as never).score).toBeCloseTo(expected as number, 12);
  });
});

import { describe, expect, it } from 'vitest';
import { offer, pair, want } from './_support/pair.js';

describe('reverseMentoringScorer', () => {
  it('reverseMentoringScorer.score(giver, receiver) keeps full credit only when the giver is less senior', () => {
    expect(
      pair(
        'reverseMentoring',
        { ...offer('sql'), stage: 'junior' },
        { ...want('sql'), stage: 'staff' },
      ).score,
    ).toBe(1);
    expect(
      pair(
        'reverseMentoring',
        { ...offer('sql'), stage: 'staff' },
        { ...want('sql'), stage: 'junior' },
      ).score,
    ).toBeCloseTo(0.2, 12);
  });
});

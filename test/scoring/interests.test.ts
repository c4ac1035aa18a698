import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('interestsScorer', () => {
  it.each([[{ interests: ['chess', 'hiking'] }, { interests: ['chess'] }, 2 / 3]])(
    'interestsScorer scores mentor %j with mentee %j as %d',
    (a, b, expected) => {
      expect(pair('interests', a as never, b as never).score).toBeCloseTo(expected as number, 12);
    },
  );
});

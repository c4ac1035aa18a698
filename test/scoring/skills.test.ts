import { describe, expect, it } from 'vitest';
import { offer, pair, want } from './_support/pair.js';

describe('skillsScorer', () => {
  it.each([
    [offer('sql', 5), want('sql', 3), 1],
    [offer('sql', 2), want('sql', 4), 1 - 0.35 * 2],
    [offer('go', 5), want('sql', 3), 0],
    [offer('go', 5), {}, 0.5],
  ])('skillsScorer scores mentor %j with mentee %j as %d', (a, b, expected) => {
    expect(pair('skills', a as never, b as never).score).toBeCloseTo(expected as number, 12);
  });

  it('skillsScorer.score(offers react, wants javascript) credits the narrower skill at hierarchyCredit per step', () => {
    const program = {
      taxonomy: {
        hierarchyCredit: 0.5,
        skills: [{ name: 'javascript' }, { name: 'react', parent: 'javascript' }],
      },
    };
    const r = pair('skills', offer('react', 5), want('javascript', 3, 5), program);
    expect(r.score).toBe(0.5);
    expect(r.reason).toContain('1 step down the taxonomy');
  });
});

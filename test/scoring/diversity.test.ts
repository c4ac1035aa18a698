import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('diversityScorer', () => {
  it("diversityScorer is opt-in and reads only program.matching.diversity's fields", () => {
    const program = { matching: { affinity: ['background'], diversity: ['department'] } };
    const a = { background: ['international student'], department: 'sales' };
    const b = { background: ['international student'], department: 'legal' };
    expect(pair('diversity', a, b, program).score).toBe(1);
    expect(pair('diversity', a, b).reason).toContain('opt-in');
  });
});

import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('affinityScorer', () => {
  it("affinityScorer is opt-in and reads only program.matching.affinity's fields", () => {
    const program = { matching: { affinity: ['background'], diversity: ['department'] } };
    const a = { background: ['international student'], department: 'sales' };
    const b = { background: ['international student'], department: 'legal' };
    expect(pair('affinity', a, b, program).score).toBe(1);
    expect(pair('affinity', a, b).reason).toContain('opt-in');
  });
});

import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/profile/parse-program.js';
import { defaultWeights } from '../../src/scoring/default-weights.js';

describe('defaultWeights', () => {
  it('defaultWeights(program) switches skills for reverseMentoring in reverse programs', () => {
    const w = defaultWeights(parseProgram({ date: '2025-03-15', kind: 'reverse' }));
    expect([w.skills, w.reverseMentoring, w.diversity]).toEqual([0, 3, 0]);
  });
});

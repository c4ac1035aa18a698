import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/profile/parse-program.js';
import { preferredStageGap } from '../../src/scoring/stage.js';
import { pair } from './_support/pair.js';

describe('stageScorer', () => {
  it.each([
    [{ stage: 'senior' }, { stage: 'junior' }, 1],
    [{ stage: 'mid' }, { stage: 'junior' }, 0.5],
    [{ stage: 'junior' }, { stage: 'junior' }, 0],
    [{}, { stage: 'junior' }, 0.5],
  ])('stageScorer scores mentor %j with mentee %j as %d', (a, b, expected) => {
    expect(pair('stage', a as never, b as never).score).toBeCloseTo(expected as number, 12);
  });

  it('preferredStageGap(program) is -2 for reverse mentoring', () => {
    expect(preferredStageGap(parseProgram({ date: '2025-03-15', kind: 'reverse' }))).toBe(-2);
  });
});

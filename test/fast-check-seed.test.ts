import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_SEED } from './_support/runs.js';

describe('fast-check seeds (test/_support/fast-check-seed.ts, a vitest setup file)', () => {
  it('every property runs from the fixed seed under npm test, from PEERMATCH_SEED when given, and from a fresh seed under test:heavy', () => {
    const given = process.env.PEERMATCH_SEED;
    const { seed } = fc.readConfigureGlobal();
    if (given !== undefined && given !== '') expect(seed).toBe(Number(given) | 0);
    else if (process.env.PEERMATCH_RUNS_SCALE === undefined) expect(seed).toBe(FIXED_SEED);
    else expect(seed).toBeUndefined();
  });
});

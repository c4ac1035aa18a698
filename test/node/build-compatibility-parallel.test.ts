import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import type { CompatibilityMatrix } from '../../src/compatibility/types.js';
import { PeermatchError } from '../../src/errors.js';
import { buildCompatibilityParallel } from '../../src/node/build-compatibility-parallel.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { numRuns } from '../_support/runs.js';
import { randomCase } from '../compatibility/_support/random-case.js';

/** Everything a matrix holds, cell for cell (`Object.is` tells -0 and NaN apart). */
function expectSameMatrix(actual: CompatibilityMatrix, expected: CompatibilityMatrix): void {
  expect([actual.rows, actual.cols]).toEqual([expected.rows, expected.cols]);
  expect(actual.leftIds).toEqual(expected.leftIds);
  expect(actual.rightIds).toEqual(expected.rightIds);
  expect(Array.from(actual.allowed)).toEqual(Array.from(expected.allowed));
  const differing = expected.scores.findIndex((s, c) => !Object.is(s, actual.scores[c]));
  expect(differing).toBe(-1);
  expect(Array.from(actual.allowedPerLeft)).toEqual(Array.from(expected.allowedPerLeft));
  expect(Array.from(actual.allowedPerRight)).toEqual(Array.from(expected.allowedPerRight));
  expect(actual.unpartnered).toEqual(expected.unpartnered);
  expect(actual.diagnose()).toEqual(expected.diagnose());
}

describe('buildCompatibilityParallel', () => {
  it('buildCompatibilityParallel(cohort, program, { threads: 2 }) gives bit for bit the matrix buildCompatibility gives, every rule and weight drawn at random', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const { cohort, program, weights, layout } = randomCase(seed, 40);
        const options = { weights, layout };
        const expected = buildCompatibility(cohort, program, options);
        const actual = await buildCompatibilityParallel(cohort, program, {
          ...options,
          threads: 2,
        });
        expectSameMatrix(actual, expected);
        expect(actual.scores.buffer).toBeInstanceOf(SharedArrayBuffer);
        const [l, r] = [expected.leftIds[0], expected.rightIds[expected.cols - 1]];
        expect(actual.explain(l, r)).toEqual(expected.explain(l, r));
      }),
      { numRuns: numRuns(4) },
    );
  });

  it('buildCompatibilityParallel(cohort) with more threads than rows, and with left and right chosen, still covers every row once', async () => {
    const { cohort, program } = randomCase(7, 30);
    const left = cohort.ids.slice(0, 3);
    const right = cohort.ids.slice(5, 25);
    const expected = buildCompatibility(cohort, program, { left, right });
    const actual = await buildCompatibilityParallel(cohort, program, { left, right, threads: 5 });
    expectSameMatrix(actual, expected);
  });

  it('buildCompatibilityParallel(cohort, program, { scorers: [custom] }) builds on the calling thread, since functions cannot cross threads', async () => {
    const { cohort, program } = randomCase(11, 20);
    const parity: Scorer = {
      name: 'parity',
      prepare: () => ({ score: (a, b) => ((a + b) % 2) / 2 }),
    };
    const options = { scorers: [parity], weights: { parity: 2 } };
    const actual = await buildCompatibilityParallel(cohort, program, { ...options, threads: 2 });
    expect(actual.scores.buffer).toBeInstanceOf(ArrayBuffer);
    expectSameMatrix(actual, buildCompatibility(cohort, program, options));
  });

  it('buildCompatibilityParallel(cohort, program, { threads: 0 }) rejects with INVALID_OPTIONS, and bad options with every issue', async () => {
    const { cohort, program } = randomCase(3, 10);
    for (const threads of [0, 1.5, -2, Number.NaN]) {
      await expect(buildCompatibilityParallel(cohort, program, { threads })).rejects.toMatchObject({
        code: 'INVALID_OPTIONS',
        issues: [{ code: 'OUT_OF_RANGE', path: ['threads'] }],
      });
    }
    const error = await buildCompatibilityParallel(cohort, program, {
      weights: { nope: 1 },
      left: ['nobody'],
      threads: 2,
    }).catch((e: unknown) => e);
    expect(PeermatchError.is(error)).toBe(true);
    expect((error as PeermatchError).issues.map((i) => i.code).sort()).toEqual([
      'UNKNOWN_PARTICIPANT',
      'UNKNOWN_SCORER',
    ]);
  });

  it('buildCompatibilityParallel(cohort, program, { signal }) rejects with ABORTED when the signal fires, before or during the build', async () => {
    const { cohort, program } = randomCase(5, 30);
    await expect(
      buildCompatibilityParallel(cohort, program, { signal: AbortSignal.abort(), threads: 2 }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    const controller = new AbortController();
    const pending = buildCompatibilityParallel(cohort, program, {
      signal: controller.signal,
      threads: 2,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

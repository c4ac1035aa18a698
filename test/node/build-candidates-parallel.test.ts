import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { PeermatchError } from '../../src/errors.js';
import { buildCandidatesParallel } from '../../src/node/build-candidates-parallel.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { numRuns } from '../_support/runs.js';
import { randomCase } from '../compatibility/_support/random-case.js';
import { expectSameCandidates } from '../compatibility/_support/same-candidates.js';

describe('buildCandidatesParallel', () => {
  it('buildCandidatesParallel(cohort, program, { k, threads: 2 }) gives bit for bit the candidates buildCandidates gives, every rule and weight drawn at random', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(1, 3, 8),
        async (seed, k) => {
          const { cohort, program, weights, layout } = randomCase(seed, 60);
          const options = { weights, layout, k };
          const expected = buildCandidates(cohort, program, options);
          const actual = await buildCandidatesParallel(cohort, program, { ...options, threads: 2 });
          expectSameCandidates(actual, expected);
          const [l, r] = [expected.leftIds[0], expected.rightIds[expected.cols - 1]];
          expect(actual.explain(l, r)).toEqual(expected.explain(l, r));
          expect(actual.diagnose()).toEqual(expected.diagnose());
        },
      ),
      { numRuns: numRuns(3) },
    );
  });

  it('buildCandidatesParallel(cohort) with more threads than rows or columns, and with left and right chosen, still covers every row and column once', async () => {
    const { cohort, program } = randomCase(7, 30);
    const left = cohort.ids.slice(0, 3);
    const right = cohort.ids.slice(5, 25);
    const options = { left, right, k: 4 };
    const seen: number[] = [];
    const actual = await buildCandidatesParallel(cohort, program, {
      ...options,
      threads: 5,
      onProgress: (phase, done, total) => {
        expect([phase, total]).toEqual(['candidates', 3]);
        seen.push(done);
      },
    });
    expectSameCandidates(actual, buildCandidates(cohort, program, options));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // Three columns for five threads: a slice of one column each.
    const swapped = { left: right, right: left, k: 4 };
    expectSameCandidates(
      await buildCandidatesParallel(cohort, program, { ...swapped, threads: 5 }),
      buildCandidates(cohort, program, swapped),
    );
  });

  it('buildCandidatesParallel(cohort, program, { scorers: [custom] }) scans on the calling thread, since functions cannot cross threads', async () => {
    const { cohort, program } = randomCase(11, 30);
    const parity: Scorer = {
      name: 'parity',
      prepare: () => ({ score: (a, b) => ((a + b) % 2) / 2 }),
    };
    const options = { scorers: [parity], weights: { parity: 2 }, k: 2 };
    const actual = await buildCandidatesParallel(cohort, program, { ...options, threads: 2 });
    expectSameCandidates(actual, buildCandidates(cohort, program, options));
  });

  it('buildCandidatesParallel(cohort, program, { threads: 0 }) rejects with INVALID_OPTIONS, and bad options with every issue', async () => {
    const { cohort, program } = randomCase(3, 10);
    for (const threads of [0, 1.5, -2, Number.NaN]) {
      await expect(buildCandidatesParallel(cohort, program, { threads })).rejects.toMatchObject({
        code: 'INVALID_OPTIONS',
        issues: [{ code: 'OUT_OF_RANGE', path: ['threads'] }],
      });
    }
    const error = await buildCandidatesParallel(cohort, program, {
      weights: { nope: 1 },
      left: ['nobody'],
      threads: 0,
    }).catch((e: unknown) => e);
    expect(PeermatchError.is(error)).toBe(true);
    expect((error as PeermatchError).issues.map((i) => i.code).sort()).toEqual([
      'OUT_OF_RANGE',
      'UNKNOWN_PARTICIPANT',
      'UNKNOWN_SCORER',
    ]);
    await expect(
      buildCandidatesParallel(cohort, program, { k: 0, threads: 2 }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTIONS', issues: [{ path: ['k'] }] });
    await expect(
      buildCandidatesParallel(cohort, program, {
        threads: 2,
        onProgress: () => {
          throw new Error('progress bar gone');
        },
      }),
    ).rejects.toThrow('progress bar gone');
  });

  it('buildCandidatesParallel(cohort, program, { signal }) rejects with ABORTED when the signal fires, before or during the build', async () => {
    const { cohort, program } = randomCase(5, 30);
    await expect(
      buildCandidatesParallel(cohort, program, { signal: AbortSignal.abort(), threads: 2 }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    const controller = new AbortController();
    const pending = buildCandidatesParallel(cohort, program, {
      signal: controller.signal,
      threads: 2,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import {
  type CandidateOptions,
  type CandidatePartial,
  type CandidateSlice,
  prepareCandidates,
} from '../../src/compatibility/prepare-candidates.js';
import { PeermatchError } from '../../src/errors.js';
import type { Cohort } from '../../src/profile/cohort.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { seededRandom } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';
import { randomCase } from './_support/random-case.js';
import { expectCandidatesOfMatrix, expectSameCandidates } from './_support/same-candidates.js';

/** Scores in thirds only, so most of a row ties and the lower index must win every tie. */
const thirds: Scorer = {
  name: 'thirds',
  prepare: () => ({ score: (a, b) => ((a * 7 + b * 3) % 4) / 3 }),
};

/** Rows cut into random blocks, dealt to `threads` partials, scanned in a shuffled order. */
function scanInRandomBlocks(
  build: ReturnType<typeof prepareCandidates>,
  seed: number,
  threads: number,
): CandidatePartial[] {
  const random = seededRandom(seed);
  const blocks: [number, number][] = [];
  for (let from = 0; from < build.rows; ) {
    const to = Math.min(build.rows, from + 1 + Math.floor(random() * 9));
    blocks.push([from, to]);
    from = to;
  }
  for (let b = blocks.length - 1; b > 0; b--) {
    const c = Math.floor(random() * (b + 1));
    [blocks[b], blocks[c]] = [blocks[c], blocks[b]];
  }
  const partials: (CandidatePartial | undefined)[] = Array.from({ length: threads });
  for (const [from, to] of blocks) {
    const t = Math.floor(random() * threads);
    partials[t] = build.scan(from, to, partials[t]);
  }
  return partials.filter((p): p is CandidatePartial => p !== undefined);
}

/**
 * The columns of `build` cut into `parts` random consecutive slices, each a build of its own
 * scanned over every row in random blocks, returned in a shuffled order.
 */
function scanColumnSlices(
  cohort: Cohort,
  program: Parameters<typeof prepareCandidates>[1],
  options: CandidateOptions,
  build: ReturnType<typeof prepareCandidates>,
  seed: number,
  parts: number,
): CandidateSlice[] {
  const random = seededRandom(seed ^ 0x5eed);
  const cuts = new Set<number>();
  while (cuts.size < Math.min(parts, build.cols) - 1)
    cuts.add(1 + Math.floor(random() * (build.cols - 1)));
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), build.cols];
  const slices = bounds.slice(1).map((to, s) => {
    const from = bounds[s];
    const slice = prepareCandidates(cohort, program, {
      ...options,
      left: [...build.leftIds],
      right: build.rightIds.slice(from, to),
    });
    return {
      from,
      partial: build.rows === 0 ? slice.scan(0, 0) : scanInRandomBlocks(slice, seed + s, 1)[0],
    };
  });
  return slices.sort(() => random() - 0.5);
}

describe('prepareCandidates', () => {
  it('scanned in random blocks, in any order, by up to 3 partials (merge), or as up to 3 builds on slices of the columns (mergeSlices), gives exactly what buildCandidates gives, and that is the k best of the dense matrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(1, 2, 3, 5, 40),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (seed, k, threads, ties) => {
          const { cohort, program, weights, layout } = randomCase(seed, 45);
          const rules = ties
            ? { layout, scorers: [thirds], weights: { ...zero(weights), thirds: 1 } }
            : { layout, weights };
          const options = { ...rules, k };
          const expected = buildCandidates(cohort, program, options);
          const build = prepareCandidates(cohort, program, options);
          expect([build.rows, build.cols, build.k]).toEqual([expected.rows, expected.cols, k]);
          const merged = build.merge(scanInRandomBlocks(build, seed, threads));
          expectSameCandidates(merged, expected);
          const slices = scanColumnSlices(cohort, program, options, build, seed, threads);
          expectSameCandidates(build.mergeSlices(slices), expected);
          expectCandidatesOfMatrix(expected, buildCompatibility(cohort, program, rules), k);
        },
      ),
      { numRuns: numRuns(40) },
    );
  });

  it('mergeSlices rejects slices that leave a gap, overlap, miss rows or are not partials, with INVALID_INPUT naming each', () => {
    const { cohort, program, weights, layout } = randomCase(31, 30);
    const options = { weights, layout, k: 3 };
    const build = prepareCandidates(cohort, program, options);
    const sliceOf = (from: number, to: number, rows = build.rows): CandidatePartial => {
      const slice = prepareCandidates(cohort, program, {
        ...options,
        left: [...build.leftIds],
        right: build.rightIds.slice(from, to),
      });
      return slice.scan(0, rows);
    };
    const half = build.cols >> 1;
    const gap = catchError(() =>
      build.mergeSlices([
        { from: 0, partial: sliceOf(0, half - 1) },
        { from: half, partial: sliceOf(half, build.cols) },
      ]),
    );
    expect(gap.code).toBe('INVALID_INPUT');
    expect(gap.issues).toMatchObject([{ path: ['slices', 1, 'from'] }]);
    const short = catchError(() => build.mergeSlices([{ from: 0, partial: sliceOf(0, half) }]));
    expect(short.issues[0].message).toContain(`cover ${half} of the ${build.cols} columns`);
    const rows = catchError(() =>
      build.mergeSlices([
        { from: 0, partial: sliceOf(0, half, build.rows - 1) },
        { from: half, partial: sliceOf(half, build.cols) },
      ]),
    );
    expect(rows.issues.map((i) => i.path)).toEqual([['slices', 0, 'partial']]);
    expect(rows.issues[0].message).toContain('did not scan every row');
    const shape = catchError(() =>
      build.mergeSlices([
        { from: 0, partial: { ...build.scan(0, build.rows), rowScores: new Float64Array(1) } },
      ]),
    );
    expect(shape.issues).toMatchObject([{ code: 'INVALID_INPUT', path: ['slices', 0] }]);
    expect(catchError(() => build.mergeSlices([])).issues).toMatchObject([{ path: ['slices'] }]);
  });

  it('a partial that crossed threads (structured clone) takes more rows and merges the same; a block scanned twice is skipped', () => {
    const { cohort, program, weights, layout } = randomCase(17, 50);
    const options = { weights, layout, k: 4 };
    const build = prepareCandidates(cohort, program, options);
    const half = build.rows >> 1;
    const sent = structuredClone(build.scan(0, half));
    build.scan(half, build.rows, sent);
    build.scan(0, build.rows, sent); // every row already there: nothing changes
    expectSameCandidates(build.merge([sent]), buildCandidates(cohort, program, options));
  });

  it('an empty side gives empty lists and no edges, and every participant of the other side counted with 0 partners', () => {
    const { cohort, program } = randomCase(41, 20);
    const none = buildCandidates(cohort, program, { left: [], right: cohort.ids.slice(0, 5) });
    expect([none.rows, none.cols, none.edges.rows.length]).toEqual([0, 5, 0]);
    expect(Array.from(none.forRight.offsets)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(none.allowedPerRight)).toEqual([0, 0, 0, 0, 0]);
    const build = prepareCandidates(cohort, program, { right: [] });
    const merged = build.merge([build.scan(0, build.rows)]);
    expect([merged.cols, merged.forLeft.partners.length, merged.edges.rows.length]).toEqual([
      0, 0, 0,
    ]);
    expect(Array.from(merged.allowedPerLeft)).toEqual(new Array(build.rows).fill(0));
  });

  it('merge reads the partials without changing them, and lists rows that no partial or two partials scanned', () => {
    const { cohort, program } = randomCase(23, 30);
    const build = prepareCandidates(cohort, program, { k: 3 });
    const a = build.scan(0, 10);
    const b = build.scan(5, build.rows);
    const copy = structuredClone([a, b]);
    const twice = catchError(() => build.merge([a, b]));
    expect(twice.code).toBe('INVALID_INPUT');
    expect(twice.issues).toMatchObject([{ code: 'ROW_SCANNED_TWICE', path: ['partials'] }]);
    expect(twice.issues[0].message).toContain('5 row(s): 5, 6, 7, 8, 9');
    const missing = catchError(() => build.merge([build.scan(2, build.rows)]));
    expect(missing.issues).toMatchObject([{ code: 'ROW_NOT_SCANNED' }]);
    expect(missing.issues[0].message).toContain('2 row(s): 0, 1');
    expect([a, b]).toEqual(copy);
    const c = build.scan(0, 5);
    expect(build.merge([c, b]).rows).toBe(build.rows);
    expect([a, b]).toEqual(copy);
  });

  it('merge and scan reject partials of the wrong shape with INVALID_INPUT, naming every bad field', () => {
    const { cohort, program } = randomCase(29, 20);
    const build = prepareCandidates(cohort, program, { k: 2 });
    const good = build.scan(0, build.rows);
    const bad = {
      ...good,
      perLeft: new Int32Array(1),
      colScores: new Int32Array(good.colScores.length),
    };
    const error = catchError(() => build.merge([good, bad as unknown as CandidatePartial]));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((i) => i.path)).toEqual([
      ['partials', 1, 'perLeft'],
      ['partials', 1, 'colScores'],
    ]);
    expect(catchError(() => build.merge([])).issues).toMatchObject([{ code: 'INVALID_TYPE' }]);
    expect(
      catchError(() => build.scan(0, 1, bad as unknown as CandidatePartial)).issues.map(
        (i) => i.path,
      ),
    ).toEqual([
      ['into', 'perLeft'],
      ['into', 'colScores'],
    ]);
  });

  it('checks k, the row range and the options up front, flags custom rules, and stops scanning with ABORTED', () => {
    const { cohort, program } = randomCase(31, 20);
    for (const k of [0, 1.5, 10001, Number.NaN]) {
      expect(catchError(() => prepareCandidates(cohort, program, { k })).issues).toMatchObject([
        { code: 'OUT_OF_RANGE', path: ['k'] },
      ]);
    }
    const unknown = catchError(() => prepareCandidates(cohort, program, { weights: { nope: 1 } }));
    expect(unknown.issues).toMatchObject([{ code: 'UNKNOWN_SCORER' }]);
    const build = prepareCandidates(cohort, program);
    expect(build.custom).toBe(false);
    expect(catchError(() => build.scan(-1, build.rows + 1)).issues.map((i) => i.path)).toEqual([
      ['from'],
      ['to'],
    ]);
    expect(catchError(() => build.scan(3, 2)).issues.map((i) => i.path)).toEqual([['to']]);
    expect(prepareCandidates(cohort, program, { scorers: [thirds] }).custom).toBe(true);
    const controller = new AbortController();
    const watched = prepareCandidates(cohort, program, { signal: controller.signal });
    watched.scan(0, 1);
    controller.abort();
    expect(catchError(() => watched.scan(1, watched.rows)).code).toBe('ABORTED');
  });
});

describe('buildCandidates', () => {
  it('buildCandidates(cohort, program, { onProgress }) reports rows done, rising, from 0 to all', () => {
    const { cohort, program } = randomCase(37, 40);
    const seen: [string, number, number][] = [];
    const c = buildCandidates(cohort, program, {
      onProgress: (phase, done, total) => seen.push([phase, done, total]),
    });
    expect(seen[0]).toEqual(['candidates', 0, c.rows]);
    expect(seen.at(-1)).toEqual(['candidates', c.rows, c.rows]);
    for (let x = 1; x < seen.length; x++) expect(seen[x][1]).toBeGreaterThanOrEqual(seen[x - 1][1]);
    const bad = catchError(() =>
      buildCandidates(cohort, program, { onProgress: 'yes' as unknown as () => void }),
    );
    expect(bad.issues).toMatchObject([{ code: 'INVALID_TYPE', path: ['onProgress'] }]);
  });
});

function zero(weights: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(weights).map((name) => [name, 0]));
}

function catchError(run: () => unknown): PeermatchError {
  try {
    run();
  } catch (error) {
    if (PeermatchError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a PeermatchError');
}

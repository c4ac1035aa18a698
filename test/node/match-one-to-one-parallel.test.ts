import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { PeermatchError } from '../../src/errors.js';
import { matchOneToOne } from '../../src/modes/match-one-to-one.js';
import { matchOneToOneParallel } from '../../src/node/match-one-to-one-parallel.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';

/** `mentors` mentors of capacity 2 and `mentees` mentees, forced onto the top-k path with k. */
function cohortOf(mentors: number, mentees: number, matching: Record<string, number>) {
  const program = { ...SAMPLE_PROGRAM, matching: { ...SAMPLE_PROGRAM.matching, ...matching } };
  const records = generateParticipantRecords(mentors + mentees, 5).map((r, i) => ({
    ...r,
    role: i < mentors ? 'mentor' : 'mentee',
    capacity: i < mentors ? 2 : 1,
  }));
  return normalizeCohort(parseParticipants(records, program, { unknownFields: 'strip' }), program);
}

describe('matchOneToOneParallel', () => {
  const cohort = cohortOf(40, 120, { denseLimit: 100, candidates: 3 });

  it('matchOneToOneParallel(cohort, program, { threads }) above the dense limit equals matchOneToOne as JSON, with 1 and 2 threads, for every objective', async () => {
    for (const objective of ['coverage', 'total', 'fairness'] as const) {
      const options = { objective, minScore: 0.2, alternatives: 2 };
      const expected = JSON.stringify(matchOneToOne(cohort, undefined, options));
      for (const threads of [1, 2]) {
        const actual = await matchOneToOneParallel(cohort, undefined, { ...options, threads });
        expect(JSON.stringify(actual)).toBe(expected);
        expect(actual.scale?.method).toBe('top-k');
      }
    }
  });

  it('matchOneToOneParallel(cohort, program, { mentors, mentees }) reads the limit and k from the program argument and matches the chosen sides', async () => {
    const program = {
      ...cohort.program,
      matching: { ...cohort.program.matching, denseLimit: 50, candidates: 2 },
    };
    // Given out of order: both take them in id order.
    const mentors = cohort.ids.slice(0, 10).reverse();
    const mentees = cohort.ids.slice(60, 100);
    const options = { mentors, mentees, threads: 2 };
    const actual = await matchOneToOneParallel(cohort, program, options);
    expect(actual.scale).toMatchObject({ method: 'top-k', k: 2, denseLimit: 50 });
    expect(JSON.stringify(actual)).toBe(
      JSON.stringify(matchOneToOne(cohort, program, { mentors, mentees })),
    );
  });

  it('matchOneToOneParallel at or below the dense limit is the plain dense call', async () => {
    const small = cohortOf(10, 20, { denseLimit: 200 });
    const actual = await matchOneToOneParallel(small, undefined, { threads: 2 });
    expect(actual.scale?.method).toBe('dense');
    expect(JSON.stringify(actual)).toBe(JSON.stringify(matchOneToOne(small)));
  });

  it('matchOneToOneParallel(cohort, program, { candidates }) from JavaScript uses the candidates given, as matchOneToOne does', async () => {
    const ids = (role: number) => cohort.ids.filter((_, i) => cohort.role[i] === role).sort();
    const candidates = buildCandidates(cohort, undefined, {
      left: ids(0),
      right: ids(1),
      layout: 'directed',
      k: 1,
    });
    const actual = await matchOneToOneParallel(cohort, undefined, { candidates } as never);
    expect(actual.scale?.k).toBe(1);
    expect(JSON.stringify(actual)).toBe(
      JSON.stringify(matchOneToOne(cohort, undefined, { candidates })),
    );
  });

  it('matchOneToOneParallel(cohort, program, { onProgress }) reports the phases of matchOneToOne', async () => {
    const ends: string[] = [];
    await matchOneToOneParallel(cohort, undefined, {
      threads: 2,
      onProgress: (phase, done, total) => {
        if (done === total && !ends.includes(phase)) ends.push(phase);
      },
    });
    expect(ends).toEqual(['candidates', 'solve', 'widen', 'report']);
  });

  it('matchOneToOneParallel(cohort, program, { signal }) rejects with ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      matchOneToOneParallel(cohort, undefined, { threads: 2, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    // Aborted while the workers scan.
    const later = new AbortController();
    const run = matchOneToOneParallel(cohortOf(200, 1_000, { denseLimit: 0 }), undefined, {
      threads: 2,
      signal: later.signal,
      onProgress: (phase) => {
        if (phase === 'candidates') later.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('matchOneToOneParallel rejects bad options before the candidate scan starts', async () => {
    for (const [options, path] of [
      [{ threads: 0 }, 'threads'],
      [{ objective: 'most' }, 'objective'],
      [{ mentors: ['nobody'] }, 'mentors'],
      [{ alternatives: -1 }, 'alternatives'],
    ] as const) {
      const phases: string[] = [];
      const error = await matchOneToOneParallel(cohort, undefined, {
        ...(options as object),
        onProgress: (phase: string) => phases.push(phase),
      }).catch((e: unknown) => e);
      expect(PeermatchError.is(error)).toBe(true);
      expect(error).toMatchObject({ code: 'INVALID_OPTIONS' });
      expect((error as PeermatchError).issues.map((i) => i.path[0])).toEqual([path]);
      expect(phases).toEqual([]);
    }
  });
});

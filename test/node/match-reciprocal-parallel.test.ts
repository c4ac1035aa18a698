import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import type { Constraint } from '../../src/constraints/constraint.js';
import { PeermatchError } from '../../src/errors.js';
import { matchReciprocal } from '../../src/modes/match-reciprocal.js';
import { matchReciprocalParallel } from '../../src/node/match-reciprocal-parallel.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';

/** `peers` peers, forced onto the top-k path by `matching` (a tiny `denseLimit`). */
function cohortOf(peers: number, matching: Record<string, number>) {
  const program = { ...SAMPLE_PROGRAM, matching: { ...SAMPLE_PROGRAM.matching, ...matching } };
  const records = generateParticipantRecords(peers, 7).map((r) => ({ ...r, role: 'peer' }));
  return normalizeCohort(parseParticipants(records, program, { unknownFields: 'strip' }), program);
}

describe('matchReciprocalParallel', () => {
  // 120 peers keeping 3 pairs each: the scan keeps each peer's 9 best receivers and givers.
  const cohort = cohortOf(120, { denseLimit: 100, candidates: 3 });

  it('matchReciprocalParallel(cohort, program, { threads }) above the dense limit equals matchReciprocal as JSON, with 1 and 2 threads, for every objective', async () => {
    for (const objective of ['coverage', 'total'] as const) {
      const options = { objective, minScore: 0.2, alternatives: 2 };
      const expected = matchReciprocal(cohort, undefined, options);
      expect(expected.scale).toMatchObject({ method: 'top-k', k: 3 });
      expect(expected.stats.matched).toBeGreaterThan(0);
      for (const threads of [1, 2]) {
        const actual = await matchReciprocalParallel(cohort, undefined, { ...options, threads });
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }
    }
  });

  it('matchReciprocalParallel(cohort, program, { participants, candidates }) reads the limit and k from the program argument and the option, and matches the chosen peers', async () => {
    const program = {
      ...cohort.program,
      matching: { ...cohort.program.matching, denseLimit: 50, candidates: 2 },
    };
    // Given out of order: both take them in id order.
    const participants = cohort.ids.slice(10, 70).reverse();
    for (const extra of [{}, { candidates: 4 }]) {
      const options = { participants, ...extra };
      const actual = await matchReciprocalParallel(cohort, program, { ...options, threads: 2 });
      expect(actual.scale).toMatchObject({
        method: 'top-k',
        k: 'candidates' in extra ? 4 : 2,
        denseLimit: 50,
      });
      expect(actual.stats.mentors).toBe(60);
      expect(JSON.stringify(actual)).toBe(
        JSON.stringify(matchReciprocal(cohort, program, options)),
      );
    }
  });

  it('matchReciprocalParallel with custom constraints scans on the calling thread and still equals matchReciprocal', async () => {
    const odd: Constraint = {
      name: 'odd-sum',
      prepare: () => ({ allows: (l, r) => (l + r) % 2 === 1, violations: () => [] }),
    };
    const options = { constraints: [odd] };
    const actual = await matchReciprocalParallel(cohort, undefined, { ...options, threads: 2 });
    expect(actual.scale?.method).toBe('top-k');
    for (const p of actual.pairs) {
      expect((cohort.indexOf.get(p.mentorId)! + cohort.indexOf.get(p.menteeId)!) % 2).toBe(1);
    }
    expect(JSON.stringify(actual)).toBe(
      JSON.stringify(matchReciprocal(cohort, undefined, options)),
    );
  });

  it('matchReciprocalParallel at or below the dense limit, or for rings, is the plain call', async () => {
    const small = cohortOf(20, { denseLimit: 400 });
    const dense = await matchReciprocalParallel(small, undefined, { threads: 2 });
    expect(dense.scale?.method).toBe('dense');
    expect(JSON.stringify(dense)).toBe(JSON.stringify(matchReciprocal(small)));
    const rings = await matchReciprocalParallel(small, undefined, {
      structure: 'rings',
      threads: 2,
    });
    expect(rings.rings?.length).toBeGreaterThan(0);
    expect(JSON.stringify(rings)).toBe(
      JSON.stringify(matchReciprocal(small, undefined, { structure: 'rings' })),
    );
    // Rings above the limit: rejected as matchReciprocal rejects them.
    const error = await matchReciprocalParallel(cohort, undefined, {
      structure: 'rings',
      threads: 2,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect((error as PeermatchError).issues.map((i) => i.path[0])).toEqual(['structure']);
  });

  it('matchReciprocalParallel(cohort, program, { scan }) from JavaScript uses the scan given, as matchReciprocal does', async () => {
    const ids = [...cohort.ids].sort();
    // Wider than the 9 the call would scan: used whole.
    const scan = buildCandidates(cohort, undefined, {
      left: ids,
      right: ids,
      layout: 'square',
      k: 30,
    });
    const options = { alternatives: 2, threads: 2 };
    const actual = await matchReciprocalParallel(cohort, undefined, { ...options, scan } as never);
    expect(JSON.stringify(actual)).toBe(
      JSON.stringify(matchReciprocal(cohort, undefined, { alternatives: 2, scan })),
    );
    // Alternatives draw on the candidate pairs: the wider scan shows.
    expect(JSON.stringify(actual)).not.toBe(
      JSON.stringify(matchReciprocal(cohort, undefined, { alternatives: 2 })),
    );
  });

  it('matchReciprocalParallel(cohort, program, { onProgress }) reports the phases of matchReciprocal', async () => {
    const ends: string[] = [];
    await matchReciprocalParallel(cohort, undefined, {
      threads: 2,
      onProgress: (phase, done, total) => {
        if (done === total && !ends.includes(phase)) ends.push(phase);
      },
    });
    expect(ends).toEqual(['candidates', 'pairs', 'solve', 'report']);
  });

  it('matchReciprocalParallel(cohort, program, { signal }) rejects with ABORTED', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      matchReciprocalParallel(cohort, undefined, { threads: 2, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    // Aborted while the workers scan.
    const later = new AbortController();
    const phases: string[] = [];
    const run = matchReciprocalParallel(cohortOf(400, { denseLimit: 0 }), undefined, {
      threads: 2,
      signal: later.signal,
      onProgress: (phase) => {
        phases.push(phase);
        if (phase === 'candidates') later.abort();
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ABORTED' });
    // Stopped in buildCandidatesParallel, not in a scan on the calling thread.
    expect((error as Error).message).toMatch(/^buildCandidatesParallel: /);
    expect(phases).not.toContain('solve');
  });

  it('matchReciprocalParallel rejects bad options before the candidate scan starts', async () => {
    for (const [options, path] of [
      [{ threads: 0 }, 'threads'],
      [{ threads: 1.5 }, 'threads'],
      [{ objective: 'fairness' }, 'objective'],
      [{ participants: ['nobody'] }, 'participants'],
      [{ candidates: 0 }, 'candidates'],
      [{ structure: 'circles' }, 'structure'],
      [{ alternatives: -1 }, 'alternatives'],
    ] as const) {
      const phases: string[] = [];
      const error = await matchReciprocalParallel(cohort, undefined, {
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

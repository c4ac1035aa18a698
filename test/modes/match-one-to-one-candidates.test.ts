import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { PeermatchError } from '../../src/errors.js';
import { matchOneToOne } from '../../src/modes/match-one-to-one.js';
import type { MatchObjective } from '../../src/modes/match-result.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';
import { instanceArbitrary, run } from './_support/one-to-one-instances.js';
import { TABLE_WEIGHTS, tableScorer } from './_support/table-scorer.js';

const OBJECTIVES: readonly MatchObjective[] = ['total', 'coverage', 'fairness'];

/** Program fields that force the top-k path with `k` candidates per participant. */
const topK = (k: number) => ({ matching: { denseLimit: 0, candidates: k } });

/** The one `INVALID_OPTIONS` issue `fn` throws. */
function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(PeermatchError.is(error)).toBe(true);
    const e = error as PeermatchError;
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.issues).toHaveLength(1);
    return e.issues[0];
  }
  return expect.unreachable('no error thrown');
}

describe('matchOneToOne(cohort, program, { candidates })', () => {
  it('with candidates from buildCandidates it returns, as JSON, exactly what the top-k path builds itself (widening included, no forbidden pair)', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.constantFrom(1, 2, 4), (instance, k) => {
        for (const objective of OBJECTIVES) {
          const own = run(instance, objective, instance.records, { alternatives: 1 }, topK(k));
          const { cohort, options } = own;
          const candidates = buildCandidates(cohort, undefined, {
            left: [...instance.mentors].sort(),
            right: [...instance.mentees].sort(),
            layout: 'directed',
            k,
            scorers: options.scorers,
            weights: options.weights,
          });
          const given = matchOneToOne(cohort, undefined, { ...options, candidates });
          if (instance.mentors.length * instance.mentees.length > 0) {
            expect(JSON.stringify(given)).toBe(JSON.stringify(own.result));
          } else {
            // No cell: the plain call stays dense, the given candidates are used as they are.
            expect(given.scale?.method).toBe('top-k');
            expect(given.pairs).toEqual([]);
          }
          for (const p of given.pairs) {
            expect(instance.blocked.has(`${p.mentorId}|${p.menteeId}`)).toBe(false);
            expect(p.score).toBeGreaterThanOrEqual(instance.minScore);
          }
        }
      }),
      { numRuns: numRuns(40) },
    );
  });

  describe('examples', () => {
    const records = [
      { id: 'b', role: 'mentor' },
      { id: 'a', role: 'mentor' },
      { id: 'y', role: 'mentee' },
      { id: 'x', role: 'mentee' },
      { id: 'z', role: 'mentee', avoid: ['a'] },
    ];
    const table = { 'a|x': 0.9, 'a|y': 0.8, 'a|z': 0.7, 'b|x': 0.4, 'b|y': 0.6, 'b|z': 0.2 };
    const options = { scorers: [tableScorer(table)], weights: TABLE_WEIGHTS };
    const cohort = cohortOf(records);
    const build = (extra: Record<string, unknown> = {}) =>
      buildCandidates(cohort, undefined, {
        ...options,
        left: ['a', 'b'],
        right: ['x', 'y', 'z'],
        layout: 'directed',
        k: 1,
        ...extra,
      });

    it('matchOneToOne uses given candidates below the dense limit too, with their k', () => {
      const result = matchOneToOne(cohort, undefined, { ...options, candidates: build() });
      expect(result.scale).toMatchObject({ method: 'top-k', k: 1, cells: 6 });
      expect(result.pairs.some((p) => p.mentorId === 'a' && p.menteeId === 'z')).toBe(false);
      const dense = matchOneToOne(cohort, undefined, options);
      expect(result.stats.totalScore).toBeCloseTo(dense.stats.totalScore, 12);
    });

    it('matchOneToOne rejects candidates whose sides are not its mentors and mentees in id order', () => {
      const swapped = issueOf(() =>
        matchOneToOne(cohort, undefined, {
          ...options,
          candidates: build({ left: ['b', 'a'] }),
        }),
      );
      expect(swapped).toMatchObject({ code: 'INVALID_VALUE', path: ['candidates'] });
      expect(swapped.message).toContain('leftIds[0] is "b", expected "a"');
      const fewer = issueOf(() =>
        matchOneToOne(cohort, undefined, {
          ...options,
          candidates: build({ right: ['x', 'y'] }),
        }),
      );
      expect(fewer.message).toContain(
        'has 2 right participant(s), but this call matches 3 mentees',
      );
      const chosen = issueOf(() =>
        matchOneToOne(cohort, undefined, {
          ...options,
          mentees: ['x', 'y'],
          candidates: build(),
        }),
      );
      expect(chosen.message).toContain('3 right participant(s), but this call matches 2 mentees');
    });

    it('matchOneToOne rejects candidates of another layout, of another cohort, or a dense matrix', () => {
      const square = issueOf(() =>
        matchOneToOne(cohort, undefined, {
          ...options,
          candidates: build({ layout: 'square' }),
        }),
      );
      expect(square.message).toContain("layout 'directed'");
      // The same ids, normalised in another order: other cohort indices.
      const other = issueOf(() =>
        matchOneToOne(cohortOf([...records].reverse()), undefined, {
          ...options,
          candidates: build(),
        }),
      );
      expect(other.message).toContain('was built on another cohort');
      const matrix = buildCompatibility(cohort, undefined, {
        ...options,
        left: ['a', 'b'],
        right: ['x', 'y', 'z'],
        layout: 'directed',
      });
      const dense = issueOf(() =>
        matchOneToOne(cohort, undefined, { ...options, candidates: matrix as never }),
      );
      expect(dense.message).toContain('must be what buildCandidates or buildCandidatesParallel');
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../src/compatibility/build-candidates.js';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import type { Constraint } from '../../src/constraints/constraint.js';
import { PeermatchError } from '../../src/errors.js';
import { matchReciprocal } from '../../src/modes/match-reciprocal.js';
import type { MatchResult } from '../../src/modes/match-result.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';
import { optionsOf, peersArbitrary } from './_support/reciprocal-peers.js';
import { TABLE_WEIGHTS, tableScorer } from './_support/table-scorer.js';

/** Program fields that force the top-k path (every square of peers is above the limit). */
const TOP_K = { matching: { denseLimit: 0 } };

/** The k `matchReciprocal` scans with among `n` peers keeping `k` pairs each. */
const scanK = (n: number, k: number) => {
  const most = Math.max(1, n - 1);
  return Math.min(most, 3 * Math.min(most, k), 10_000);
};

/** Everything but `scale`, which says how the result was computed. */
function withoutScale({ scale: _, ...rest }: MatchResult) {
  return rest;
}

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

describe('matchReciprocal(cohort, program, { scan })', () => {
  it('with the scan from buildCandidates (square, the peers in id order, the k of the top-k path) it returns, as JSON, exactly what the top-k path builds itself', () => {
    fc.assert(
      fc.property(peersArbitrary(9), fc.integer({ min: 1, max: 3 }), (p, k) => {
        const cohort = cohortOf(p.records, TOP_K);
        const options = optionsOf(p, { candidates: k, alternatives: 2 });
        const own = matchReciprocal(cohort, undefined, options);
        const ids = [...p.ids].sort();
        const scan = buildCandidates(cohort, undefined, {
          left: ids,
          right: ids,
          layout: 'square',
          k: scanK(ids.length, k),
          scorers: options.scorers,
          weights: options.weights,
        });
        const given = matchReciprocal(cohort, undefined, { ...options, scan });
        if (ids.length > 0) {
          expect(JSON.stringify(given)).toBe(JSON.stringify(own));
          expect(given.scale?.method).toBe('top-k');
        } else {
          // No cell: the plain call stays dense, the scan given is used as it is.
          expect(given.scale?.method).toBe('top-k');
          expect(given.pairs).toEqual([]);
        }
      }),
      { numRuns: numRuns(100) },
    );
  });

  describe('examples', () => {
    const records = ['c', 'a', 'b', 'd'].map((id) => ({
      id,
      role: 'peer',
      ...(id === 'd' ? { avoid: ['a'] } : {}),
    }));
    const ids = ['a', 'b', 'c', 'd'];
    const table: Record<string, number> = {};
    ids.forEach((x, i) => {
      ids.forEach((y, j) => {
        if (x !== y) table[`${x}|${y}`] = ((i * 3 + j * 5) % 7) / 7 + 0.1;
      });
    });
    const scoring = { scorers: [tableScorer(table)], weights: TABLE_WEIGHTS };
    // Four peers keeping one pair each: the scan keeps min(3, 3 × 1) = 3 receivers and givers.
    const options = { ...scoring, candidates: 1 };
    const cohort = cohortOf(records);
    const build = (extra: Record<string, unknown> = {}) =>
      buildCandidates(cohort, undefined, {
        ...scoring,
        left: ids,
        right: ids,
        layout: 'square',
        k: 3,
        ...extra,
      });

    it('matchReciprocal uses a scan given below the dense limit too; k at least the scan, never a forbidden pair', () => {
      const own = matchReciprocal(cohortOf(records, TOP_K), undefined, options);
      for (const k of [3, 5]) {
        const result = matchReciprocal(cohort, undefined, { ...options, scan: build({ k }) });
        expect(result.scale).toMatchObject({ method: 'top-k', k: 1, cells: 16 });
        expect(withoutScale(result)).toEqual(withoutScale(own));
        expect(result.pairs.some((p) => p.mentorId === 'a' && p.menteeId === 'd')).toBe(false);
      }
      expect(own.pairs.length).toBeGreaterThan(0);
    });

    it('matchReciprocal relates only peers the scan holds: a pair it left out is not made', () => {
      const own = matchReciprocal(cohort, undefined, { ...options, scan: build() });
      const [x, y] = own.rings?.[0]?.memberIds ?? [];
      expect(x).toBeDefined();
      // A scan built (wrongly) under one more rule, which leaves x and y out of each other's lists.
      const apart: Constraint = {
        name: 'apart',
        prepare: ({ cohort: c }) => ({
          allows: (l, r) => [c.ids[l], c.ids[r]].sort().join() !== [x, y].sort().join(),
          violations: () => [],
        }),
      };
      const result = matchReciprocal(cohort, undefined, {
        ...options,
        scan: build({ constraints: [apart] }),
      });
      expect(result.stats.matched).toBeGreaterThan(0);
      for (const ring of result.rings ?? []) expect(ring.memberIds).not.toEqual([x, y]);
    });

    it("matchReciprocal scores a scan given again under its own rules: a pair the scan's looser rules listed both ways, which this call forbids one way, is not made", () => {
      const own = matchReciprocal(cohort, undefined, { ...options, scan: build() });
      const [x, y] = own.rings?.[0]?.memberIds ?? [];
      expect(x).toBeDefined();
      // x may not give to y; y may still give to x. The scan, built without the rule, lists both.
      const oneWay: Constraint = {
        name: 'oneWay',
        prepare: ({ cohort: c }) => ({
          allows: (giver, receiver) => !(c.ids[giver] === x && c.ids[receiver] === y),
          violations: () => [],
        }),
      };
      const result = matchReciprocal(cohort, undefined, {
        ...options,
        constraints: [oneWay],
        scan: build(),
      });
      expect(result.stats.matched).toBeGreaterThan(0);
      for (const ring of result.rings ?? [])
        expect([...ring.memberIds].sort()).not.toEqual([x, y].sort());
    });

    it('matchReciprocal rejects a scan narrower than the one it would make', () => {
      const narrow = issueOf(() =>
        matchReciprocal(cohort, undefined, { ...options, scan: build({ k: 2 }) }),
      );
      expect(narrow).toMatchObject({ code: 'INVALID_VALUE', path: ['scan'] });
      expect(narrow.message).toContain('was built with k 2, but this call scans 3');
      // Two pairs kept per peer: the scan would keep min(3, 6) = 3, so k 3 is enough.
      const two = matchReciprocal(cohort, undefined, {
        ...options,
        candidates: 2,
        scan: build(),
      });
      expect(two.scale).toMatchObject({ method: 'top-k', k: 2 });
      // Among three peers (a, b, c), one pair each: min(2, 3) = 2; a scan of k 1 is not.
      const three = { ...options, participants: ['c', 'b', 'a'] };
      const abc = ['a', 'b', 'c'];
      expect(
        issueOf(() =>
          matchReciprocal(cohort, undefined, {
            ...three,
            scan: build({ left: abc, right: abc, k: 1 }),
          }),
        ).message,
      ).toContain('was built with k 1, but this call scans 2');
    });

    it('matchReciprocal rejects a scan whose sides are not its peers in id order', () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ scan: build({ left: ['b', 'a', 'c', 'd'] }) }, 'leftIds[0] is "b", expected "a"'],
        [{ scan: build({ right: ['a', 'b', 'd', 'c'] }) }, 'rightIds[2] is "d", expected "c"'],
        [
          { scan: build({ left: ['a', 'b', 'c'] }) },
          'has 3 left participant(s), but this call matches 4 peers',
        ],
        [
          { scan: build({ right: ['a', 'b', 'c'] }) },
          'has 3 right participant(s), but this call matches 4 peers',
        ],
        [
          { participants: ['a', 'b', 'c'], scan: build() },
          'has 4 left participant(s), but this call matches 3 peers',
        ],
      ];
      for (const [extra, message] of cases) {
        const issue = issueOf(() => matchReciprocal(cohort, undefined, { ...options, ...extra }));
        expect(issue).toMatchObject({ code: 'INVALID_VALUE', path: ['scan'] });
        expect(issue.message).toContain(message);
      }
    });

    it('matchReciprocal rejects a scan of another layout, of another cohort, or a dense matrix', () => {
      const directed = issueOf(() =>
        matchReciprocal(cohort, undefined, { ...options, scan: build({ layout: 'directed' }) }),
      );
      expect(directed).toMatchObject({ path: ['scan'] });
      expect(directed.message).toContain("layout 'square'");
      // The same ids, normalised in another order: other cohort indices.
      const other = issueOf(() =>
        matchReciprocal(cohortOf([...records].reverse()), undefined, {
          ...options,
          scan: build(),
        }),
      );
      expect(other).toMatchObject({ path: ['scan'] });
      expect(other.message).toContain('was built on another cohort');
      const matrix = buildCompatibility(cohort, undefined, {
        ...scoring,
        left: ids,
        right: ids,
        layout: 'square',
      });
      const dense = issueOf(() =>
        matchReciprocal(cohort, undefined, { ...options, scan: matrix as never }),
      );
      expect(dense).toMatchObject({ path: ['scan'] });
      expect(dense.message).toContain('must be what buildCandidates or buildCandidatesParallel');
    });

    it("matchReciprocal(cohort, program, { structure: 'rings', scan }) is rejected: rings need the dense matrix", () => {
      const issue = issueOf(() =>
        matchReciprocal(cohort, undefined, { ...scoring, structure: 'rings', scan: build() }),
      );
      expect(issue).toMatchObject({ code: 'INVALID_VALUE', path: ['scan'] });
      expect(issue.message).toContain('rings');
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { PeermatchError } from '../../src/errors.js';
import { MATCH_RECIPROCAL_DEFAULTS, matchReciprocal } from '../../src/modes/match-reciprocal.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';
import {
  bruteBlocking,
  brutePairs,
  bruteRings,
  checkShape,
  isBetter,
  linkUsable,
  NO,
  optionsOf,
  pairScore,
  peersArbitrary,
  resultValue,
  solve,
  TOLERANCE,
} from './_support/reciprocal-peers.js';

describe('matchReciprocal', () => {
  it('pairs: the best total (or most pairs, then total) by brute force, safe and stable as reported', () => {
    fc.assert(
      fc.property(peersArbitrary(7), (p) => {
        const result = solve(p, { structure: 'pairs' });
        checkShape(p, result, 2);
        const got = resultValue(result, 'pairs');
        const want = brutePairs(p);
        expect(isBetter(p.objective, want, got)).toBe(false);
        expect(isBetter(p.objective, got, want)).toBe(false);
        expect(result.stats.totalScore).toBeCloseTo(got.total, 9);
        for (const ring of result.rings ?? []) {
          expect(ring.score).toBeCloseTo(pairScore(p, ring.memberIds[0], ring.memberIds[1]), 12);
        }
        const blocking = bruteBlocking(p, result);
        expect(result.stability?.count).toBe(blocking.length);
        expect(result.stability?.blockingPairs.map((b) => b.participantIds.join('|'))).toEqual(
          blocking,
        );
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('rings: no ring longer than maxRingLength, optimal when no cycle was cut, never better than brute force', () => {
    fc.assert(
      fc.property(peersArbitrary(6), fc.integer({ min: 2, max: 4 }), (p, limit) => {
        const result = solve(p, { structure: 'rings', maxRingLength: limit });
        checkShape(p, result, limit);
        for (const link of result.pairs) {
          expect(link.score).toBeGreaterThanOrEqual(p.minScore);
        }
        const got = resultValue(result, 'rings');
        const bounded = bruteRings(p, limit);
        expect(isBetter(p.objective, got, bounded)).toBe(false);
        if (result.stats.ringsCut === 0) {
          expect(isBetter(p.objective, bounded, got)).toBe(false);
        }
        const unbounded = solve(p, {
          structure: 'rings',
          maxRingLength: Math.max(2, p.ids.length),
        });
        const best = bruteRings(p, p.ids.length);
        const gotUnbounded = resultValue(unbounded, 'rings');
        expect(isBetter(p.objective, best, gotUnbounded)).toBe(false);
        expect(isBetter(p.objective, gotUnbounded, best)).toBe(false);
        expect(result.stability?.count).toBe(bruteBlocking(p, result).length);
      }),
      { numRuns: numRuns(120) },
    );
  });

  it('matchReciprocal gives every unmatched peer the right reason', () => {
    fc.assert(
      fc.property(
        peersArbitrary(7),
        fc.constantFrom('pairs' as const, 'rings' as const),
        (p, structure) => {
          const result = solve(p, { structure });
          const matched = new Set((result.rings ?? []).flatMap((r) => r.memberIds));
          const suitable = (a: string, b: string) =>
            structure === 'pairs'
              ? pairScore(p, a, b) !== NO
              : linkUsable(p, a, b) || linkUsable(p, b, a);
          for (const u of result.unmatched) {
            const others = p.ids.filter((b) => b !== u.participantId);
            const allowed = others.filter((b) => !p.blocked.has(`${u.participantId}|${b}`));
            const fit = allowed.filter((b) => suitable(u.participantId, b));
            expect(u.role).toBe('peer');
            expect(u.allowedPartners).toBe(allowed.length);
            expect(u.suitablePartners).toBe(fit.length);
            const code =
              allowed.length === 0
                ? 'NO_ALLOWED_PARTNER'
                : fit.length === 0
                  ? 'BELOW_MIN_SCORE'
                  : fit.some((b) => !matched.has(b))
                    ? 'LOST_TO_BETTER_ASSIGNMENT'
                    : 'PARTNERS_TAKEN';
            expect(u.code).toBe(code);
          }
        },
      ),
      { numRuns: numRuns(100) },
    );
  });

  it('result.alternatives (pairs): the k best other peers, each swap valid and its delta exact', () => {
    fc.assert(
      fc.property(peersArbitrary(7), fc.integer({ min: 1, max: 3 }), (p, k) => {
        const result = solve(p, { alternatives: k });
        const mate = new Map<string, string>();
        for (const r of result.rings ?? []) {
          mate.set(r.memberIds[0], r.memberIds[1]).set(r.memberIds[1], r.memberIds[0]);
        }
        const total = (m: Map<string, string>) =>
          [...m].reduce((s, [a, b]) => s + (a < b ? pairScore(p, a, b) : 0), 0);
        expect(result.alternatives?.map((a) => a.participantId)).toEqual([...p.ids].sort());
        for (const alt of result.alternatives ?? []) {
          const a = alt.participantId;
          expect(alt.currentPartnerId).toBe(mate.get(a) ?? null);
          const expected = p.ids
            .filter((b) => b !== a && b !== mate.get(a))
            .map((b) => pairScore(p, a, b))
            .filter((s) => s !== NO)
            .sort((x, y) => y - x)
            .slice(0, k);
          expect(alt.options.map((o) => o.score)).toEqual(expected);
          for (const option of alt.options) {
            const next = new Map(mate);
            for (const x of [a, option.partnerId]) {
              const old = next.get(x);
              if (old !== undefined) next.delete(old);
              next.delete(x);
            }
            next.set(a, option.partnerId).set(option.partnerId, a);
            for (const d of option.displaced) {
              if (d.newPartnerId !== null) next.set(d.participantId, d.newPartnerId);
            }
            for (const [x, y] of next) {
              expect(next.get(y)).toBe(x);
              expect(pairScore(p, x, y)).not.toBe(NO);
            }
            expect(Math.abs(total(next) - total(mate) - option.delta)).toBeLessThan(TOLERANCE);
          }
        }
      }),
      { numRuns: numRuns(100) },
    );
  });

  it('matchReciprocal is deterministic, independent of record order, JSON-safe, and leaves its inputs alone', () => {
    fc.assert(
      fc.property(
        peersArbitrary(6),
        fc.constantFrom('pairs' as const, 'rings' as const),
        (p, structure) => {
          const cohort = cohortOf(p.records);
          const before = structuredClone(cohort);
          const options = optionsOf(p, { structure });
          const optionsBefore = { ...options, weights: { ...options.weights } };
          const first = JSON.stringify(matchReciprocal(cohort, undefined, options));
          expect(JSON.stringify(matchReciprocal(cohort, undefined, options))).toBe(first);
          expect(cohort).toEqual(before);
          expect(options).toEqual(optionsBefore);
          expect(JSON.stringify(solve(p, { structure }, [...p.records].reverse()))).toBe(first);
          expect(JSON.parse(first)).toEqual(matchReciprocal(cohort, undefined, options));
        },
      ),
      { numRuns: numRuns(50) },
    );
  });

  describe('examples', () => {
    // Real scorers: each peer offers what the next one wants.
    const swap = (id: string, offers: string, wants: string) => ({
      id,
      role: 'peer',
      skills: { offered: [{ name: offers, level: 4 }], wanted: [{ name: wants, priority: 5 }] },
      availability: { timeZone: 'UTC', windows: ['Mon-Fri 09:00-12:00'] },
      languages: ['en'],
    });
    const program = { kind: 'skill-swap' };

    it('matchReciprocal(cohort) pairs two peers who each teach what the other wants', () => {
      const cohort = cohortOf([swap('ana', 'sql', 'python'), swap('bo', 'python', 'sql')], program);
      const result = matchReciprocal(cohort);
      expect(result.mode).toBe('reciprocal');
      expect(result.rings?.map((r) => r.memberIds)).toEqual([['ana', 'bo']]);
      expect(result.pairs.map((l) => `${l.mentorId}→${l.menteeId}`)).toEqual(['ana→bo', 'bo→ana']);
      expect(result.stats.wantedCoverage).toBe(1);
      expect(result.stats.meanSharedMinutes).toBe(15 * 60);
      expect(result.unmatched).toEqual([]);
    });

    it("matchReciprocal(cohort, program, { structure: 'rings' }) closes A → B → C → A", () => {
      const cohort = cohortOf(
        [swap('ana', 'sql', 'go'), swap('bo', 'python', 'sql'), swap('cy', 'go', 'python')],
        program,
      );
      const rings = matchReciprocal(cohort, undefined, { structure: 'rings' }).rings ?? [];
      expect(rings.map((r) => r.memberIds)).toEqual([['ana', 'bo', 'cy']]);
      expect(rings[0].balance.map((b) => `${b.participantId}→${b.givesTo}`)).toEqual([
        'ana→bo',
        'bo→cy',
        'cy→ana',
      ]);
      expect(rings[0].split).toBe(false);
      // With rings of at most two, one peer is left out; pairs likewise.
      const short = matchReciprocal(cohort, undefined, { structure: 'rings', maxRingLength: 2 });
      expect(short.rings).toHaveLength(1);
      expect(short.unmatched).toHaveLength(1);
      expect(matchReciprocal(cohort).rings).toHaveLength(1);
    });

    it('matchReciprocal never relates a blocked pair, and says why a peer is left out', () => {
      const cohort = cohortOf(
        [
          { ...swap('ana', 'sql', 'python'), avoid: ['bo'] },
          swap('bo', 'python', 'sql'),
          { id: 'mo', role: 'mentor' },
        ],
        program,
      );
      const result = matchReciprocal(cohort);
      expect(result.rings).toEqual([]);
      expect(result.unmatched.map((u) => [u.participantId, u.code])).toEqual([
        ['ana', 'NO_ALLOWED_PARTNER'],
        ['bo', 'NO_ALLOWED_PARTNER'],
      ]);
      const matrix = buildCompatibility(cohort, undefined, { layout: 'square' });
      expect(matrix.explain('ana', 'bo').allowed).toBe(false);
    });

    it('matchReciprocal rejects bad options, listing every problem', () => {
      const cohort = cohortOf([swap('ana', 'sql', 'python')], program);
      try {
        matchReciprocal(cohort, undefined, {
          structure: 'rings',
          maxRingLength: 1,
          balanceWeight: -1,
          minScore: 2,
          alternatives: 2,
          participants: ['ana', 'zed', 'ana'],
          objective: 'fairness' as never,
          colour: 'red',
        } as never);
        expect.unreachable();
      } catch (error) {
        expect(PeermatchError.is(error)).toBe(true);
        expect((error as PeermatchError).code).toBe('INVALID_OPTIONS');
        expect((error as PeermatchError).issues.map((i) => i.path.join('.'))).toEqual([
          'colour',
          'objective',
          'maxRingLength',
          'balanceWeight',
          'minScore',
          'alternatives',
          'participants.1',
          'participants.2',
        ]);
      }
      expect(MATCH_RECIPROCAL_DEFAULTS.maxRingLength).toBe(3);
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { PeermatchError } from '../../src/errors.js';
import {
  MATCH_RECIPROCAL_DEFAULTS,
  type MatchReciprocalOptions,
  matchReciprocal,
} from '../../src/modes/match-reciprocal.js';
import type { MatchResult } from '../../src/modes/match-result.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';
import { TABLE_WEIGHTS, tableScorer } from './_support/table-scorer.js';

const TOLERANCE = 1e-9;
const NO = Number.NEGATIVE_INFINITY;

interface Peers {
  readonly records: Record<string, unknown>[];
  readonly ids: readonly string[];
  /** "giver|receiver" → score of the giver teaching the receiver. */
  readonly table: Readonly<Record<string, number>>;
  /** "a|b" in both orders for pairs blocked through `avoid`. */
  readonly blocked: ReadonlySet<string>;
  readonly minScore: number;
  readonly lambda: number;
  readonly objective: 'coverage' | 'total';
}

/** Up to `max` peers, directed scores in tenths (many ties), some blocked pairs. */
function peersArbitrary(max: number): fc.Arbitrary<Peers> {
  return fc.integer({ min: 0, max }).chain((n) =>
    fc
      .record({
        cells: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n * n, maxLength: n * n }),
        blocks: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: n * n, maxLength: n * n }),
        minScore: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 6 }).map((x) => x / 10),
        ),
        lambda: fc.constantFrom(0, 0.5, 2),
        objective: fc.constantFrom('coverage' as const, 'total' as const),
        reversed: fc.boolean(),
      })
      .map(({ cells, blocks, minScore, lambda, objective, reversed }) => {
        // Ids out of input order, to test the id tie-break.
        const ids = Array.from({ length: n }, (_, i) => `p${(i * 7) % 11}`);
        const table: Record<string, number> = {};
        const blocked = new Set<string>();
        const avoid = new Map<string, string[]>();
        ids.forEach((a, i) => {
          ids.forEach((b, j) => {
            if (i === j) return;
            table[`${a}|${b}`] = cells[i * n + j] / 10;
            if (i < j && blocks[i * n + j] < 20) {
              blocked.add(`${a}|${b}`).add(`${b}|${a}`);
              avoid.set(a, [...(avoid.get(a) ?? []), b]);
            }
          });
        });
        const records = ids.map((id) => ({ id, role: 'peer', avoid: avoid.get(id) ?? [] }));
        if (reversed) records.reverse();
        return { records, ids, table, blocked, minScore, lambda, objective };
      }),
  );
}

function optionsOf(p: Peers, extra: MatchReciprocalOptions = {}): MatchReciprocalOptions {
  return {
    objective: p.objective,
    minScore: p.minScore,
    balanceWeight: p.lambda,
    scorers: [tableScorer(p.table)],
    weights: TABLE_WEIGHTS,
    ...extra,
  };
}

function solve(p: Peers, extra: MatchReciprocalOptions = {}, records = p.records): MatchResult {
  return matchReciprocal(cohortOf(records), undefined, optionsOf(p, extra));
}

/** The pair score from the definition, or -Infinity when blocked or below minScore. */
function pairScore(p: Peers, a: string, b: string): number {
  if (a === b || p.blocked.has(`${a}|${b}`)) return NO;
  const x = p.table[`${a}|${b}`];
  const y = p.table[`${b}|${a}`];
  const s = (Math.min(x, y) + (p.lambda * (x + y)) / 2) / (1 + p.lambda);
  return s >= p.minScore ? s : NO;
}

function linkUsable(p: Peers, a: string, b: string): boolean {
  return a !== b && !p.blocked.has(`${a}|${b}`) && p.table[`${a}|${b}`] >= p.minScore;
}

interface Value {
  readonly covered: number;
  readonly total: number;
}

function isBetter(objective: Peers['objective'], a: Value, b: Value): boolean {
  if (objective === 'coverage' && a.covered !== b.covered) return a.covered > b.covered;
  return a.total > b.total + TOLERANCE;
}

/** Best matching over every set of disjoint suitable pairs. */
function brutePairs(p: Peers): Value {
  let best: Value = { covered: 0, total: 0 };
  const used = new Set<string>();
  const visit = (i: number, current: Value) => {
    if (i === p.ids.length) {
      if (isBetter(p.objective, current, best)) best = current;
      return;
    }
    const a = p.ids[i];
    if (used.has(a)) return visit(i + 1, current);
    visit(i + 1, current);
    used.add(a);
    for (let j = i + 1; j < p.ids.length; j++) {
      const b = p.ids[j];
      const s = pairScore(p, a, b);
      if (used.has(b) || s === NO) continue;
      used.add(b);
      visit(i + 1, { covered: current.covered + 2, total: current.total + s });
      used.delete(b);
    }
    used.delete(a);
  };
  visit(0, best);
  return best;
}

/** Best ring cover (total of link scores) over every permutation with cycles ≤ limit. */
function bruteRings(p: Peers, limit: number): Value {
  const n = p.ids.length;
  const perm = Array.from({ length: n }, (_, i) => i);
  let best: Value = { covered: 0, total: 0 };
  const visit = (k: number) => {
    if (k < n) {
      for (let j = k; j < n; j++) {
        [perm[k], perm[j]] = [perm[j], perm[k]];
        visit(k + 1);
        [perm[k], perm[j]] = [perm[j], perm[k]];
      }
      return;
    }
    let covered = 0;
    let total = 0;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      if (perm[i] === i) continue;
      if (!linkUsable(p, p.ids[i], p.ids[perm[i]])) return;
      covered++;
      total += p.table[`${p.ids[i]}|${p.ids[perm[i]]}`];
      if (seen.has(i)) continue;
      let len = 0;
      for (let v = i; !seen.has(v); v = perm[v]) {
        seen.add(v);
        len++;
      }
      if (len > limit) return;
    }
    if (isBetter(p.objective, { covered, total }, best)) best = { covered, total };
  };
  visit(0);
  return best;
}

function resultValue(result: MatchResult, structure: 'pairs' | 'rings'): Value {
  const rings = result.rings ?? [];
  return {
    covered: rings.reduce((s, r) => s + r.memberIds.length, 0),
    total:
      structure === 'pairs'
        ? rings.reduce((s, r) => s + r.score, 0)
        : result.pairs.reduce((s, l) => s + l.score, 0),
  };
}

/** Structure and safety shared by every result. */
function checkShape(p: Peers, result: MatchResult, limit: number): void {
  const seen = new Set<string>();
  for (const ring of result.rings ?? []) {
    expect(ring.memberIds.length).toBeGreaterThanOrEqual(2);
    expect(ring.memberIds.length).toBeLessThanOrEqual(limit);
    expect(ring.memberIds[0]).toBe([...ring.memberIds].sort()[0]);
    ring.memberIds.forEach((id, t) => {
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      const next = ring.memberIds[(t + 1) % ring.memberIds.length];
      // Safety: no relationship between a blocked pair, in either direction.
      expect(p.blocked.has(`${id}|${next}`)).toBe(false);
      expect(ring.balance[t]).toEqual({
        participantId: id,
        givesTo: next,
        gives: p.table[`${id}|${next}`],
        receivesFrom: ring.memberIds[(t + ring.memberIds.length - 1) % ring.memberIds.length],
        receives: p.table[`${ring.memberIds.at(t - 1)}|${id}`],
      });
    });
    const links = ring.balance.map((b) => b.gives);
    expect(ring.imbalance).toBeCloseTo(Math.max(...links) - Math.min(...links), 12);
  }
  expect(result.pairs.length).toBe(seen.size);
  for (const link of result.pairs)
    expect(p.blocked.has(`${link.mentorId}|${link.menteeId}`)).toBe(false);
  const unmatched = result.unmatched.map((u) => u.participantId);
  expect(new Set([...seen, ...unmatched]).size).toBe(p.ids.length);
  expect(seen.size + unmatched.length).toBe(p.ids.length);
  expect(unmatched).toEqual([...unmatched].sort());
}

/** Every blocking pair of a reciprocal result, from the definition, as "a|b" in id order. */
function bruteBlocking(p: Peers, result: MatchResult): string[] {
  const where = new Map<string, { ring: number; score: number }>();
  (result.rings ?? []).forEach((r, ring) => {
    for (const id of r.memberIds) where.set(id, { ring, score: r.score });
  });
  const ids = [...p.ids].sort();
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i], ids[j]];
      const wa = where.get(a);
      const wb = where.get(b);
      if (wa && wb && wa.ring === wb.ring) continue;
      const s = pairScore(p, a, b);
      if (s > (wa?.score ?? NO) && s > (wb?.score ?? NO)) out.push(`${a}|${b}`);
    }
  }
  return out;
}

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

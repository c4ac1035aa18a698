import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Constraint } from '../../src/constraints/constraint.js';
import { PeermatchError } from '../../src/errors.js';
import { matchReciprocal } from '../../src/modes/match-reciprocal.js';
import type { MatchResult } from '../../src/modes/match-result.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';
import {
  bruteBlocking,
  checkShape,
  isBetter,
  optionsOf,
  peersArbitrary,
  resultValue,
  solve,
} from './_support/reciprocal-peers.js';
import { TABLE_WEIGHTS, tableScorer } from './_support/table-scorer.js';

/** Program fields that force the top-k path (every square of peers is above the limit). */
const TOP_K = { matching: { denseLimit: 0 } };

/** Everything but `scale`, which says how the result was computed. */
function withoutScale({ scale: _, ...rest }: MatchResult) {
  return rest;
}

describe('matchReciprocal on the top-k path (program.matching.denseLimit exceeded)', () => {
  it('with candidates ≥ peers − 1 it returns exactly the dense result (pairs, reasons, stats, stability, alternatives)', () => {
    fc.assert(
      fc.property(peersArbitrary(8), (p) => {
        const extra = { structure: 'pairs' as const, alternatives: 2 };
        const k = Math.max(1, p.ids.length - 1);
        const dense = solve(p, extra);
        const sparse = solve(p, { ...extra, candidates: k }, p.records, TOP_K);
        expect(withoutScale(sparse)).toEqual(withoutScale(dense));
        expect(dense.scale?.method).toBe('dense');
        expect(sparse.scale?.method).toBe(p.ids.length > 0 ? 'top-k' : 'dense');
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('when the scan (3·candidates per direction) reaches every peer, it equals the dense path with the same candidates', () => {
    fc.assert(
      fc.property(peersArbitrary(9), fc.integer({ min: 0, max: 8 }), (p, slack) => {
        const n = p.ids.length;
        const least = Math.max(1, Math.ceil((n - 1) / 3));
        const k = Math.min(least + slack, Math.max(1, n - 1));
        const extra = { structure: 'pairs' as const, alternatives: 2, candidates: k };
        const dense = solve(p, extra);
        const sparse = solve(p, extra, p.records, TOP_K);
        expect(withoutScale(sparse)).toEqual(withoutScale(dense));
        expect(dense.scale?.method).toBe('dense');
        expect(sparse.scale?.method).toBe(p.ids.length > 0 ? 'top-k' : 'dense');
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('with few candidates it is safe, uses nobody twice, never beats the dense optimum, and reports true blocking pairs', () => {
    fc.assert(
      fc.property(peersArbitrary(9), fc.integer({ min: 1, max: 3 }), (p, k) => {
        const extra = { structure: 'pairs' as const, candidates: k, alternatives: 2 };
        const sparse = solve(p, extra, p.records, TOP_K);
        checkShape(p, sparse, 2);
        const dense = solve(p, { structure: 'pairs' });
        const got = resultValue(sparse, 'pairs');
        expect(isBetter(p.objective, got, resultValue(dense, 'pairs'))).toBe(false);
        expect(sparse.stats.totalScore).toBeCloseTo(got.total, 9);
        // Blocking pairs are judged on candidate pairs: each one listed is a real one.
        const real = new Set(bruteBlocking(p, sparse));
        for (const b of sparse.stability?.blockingPairs ?? []) {
          expect(real.has(b.participantIds.join('|'))).toBe(true);
        }
        expect(sparse.stability?.count ?? 0).toBeLessThanOrEqual(real.size);
        // Alternatives only name partners allowed both ways.
        for (const a of sparse.alternatives ?? []) {
          for (const option of a.options) {
            expect(p.blocked.has(`${a.participantId}|${option.partnerId}`)).toBe(false);
          }
        }
        if (p.ids.length > 0) {
          const kept = Math.max(1, Math.min(k, p.ids.length - 1));
          expect(sparse.scale).toMatchObject({ method: 'top-k', k: kept });
        }
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('with few candidates it is deterministic, independent of record order, JSON-safe, and leaves its inputs alone', () => {
    fc.assert(
      fc.property(peersArbitrary(9), fc.integer({ min: 1, max: 3 }), (p, k) => {
        const extra = { candidates: k, alternatives: 1 };
        const records = structuredClone(p.records);
        const first = solve(p, extra, p.records, TOP_K);
        const again = solve(p, extra, [...p.records].reverse(), TOP_K);
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
        expect(p.records).toEqual(records);
      }),
      { numRuns: numRuns(60) },
    );
  });

  it('every unmatched peer gets a reason no pair of the cohort contradicts', () => {
    fc.assert(
      fc.property(peersArbitrary(9), fc.integer({ min: 1, max: 3 }), (p, k) => {
        const result = solve(p, { candidates: k }, p.records, TOP_K);
        for (const u of result.unmatched) {
          const allowed = p.ids.filter(
            (b) => b !== u.participantId && !p.blocked.has(`${u.participantId}|${b}`),
          );
          // Counts are over candidate partners: never more than the whole cohort holds.
          expect(u.allowedPartners).toBeLessThanOrEqual(allowed.length);
          expect(u.suitablePartners).toBeLessThanOrEqual(u.allowedPartners);
          // Nobody is said to have no allowed partner when they have one.
          expect(u.code === 'NO_ALLOWED_PARTNER').toBe(allowed.length === 0);
        }
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('a peer whose candidates hold no mutual pair is checked against the whole cohort before NO_ALLOWED_PARTNER', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat(8))),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 81, maxLength: 81 }),
        (n, extra, cells) => {
          // A tournament (a gives to the next half of the circle): everyone has allowed
          // receivers and givers but nobody is allowed both ways, except the extra pairs.
          const ids = Array.from({ length: n }, (_, i) => `p${i}`);
          const mutual = new Set(extra.filter(([a, b]) => a < n && b < n && a !== b).map(String));
          const gives = (a: number, b: number) =>
            a !== b &&
            ((b - a + n) % n <= (n - 1) / 2 || mutual.has(`${a},${b}`) || mutual.has(`${b},${a}`));
          const index = (id: string) => Number(id.slice(1));
          const table: Record<string, number> = {};
          for (let a = 0; a < n; a++)
            for (let b = 0; b < n; b++) table[`p${a}|p${b}`] = cells[a * 9 + b] / 10;
          const direction: Constraint = {
            name: 'direction',
            prepare: ({ cohort }) => ({
              allows: (l, r) => gives(index(cohort.ids[l]), index(cohort.ids[r])),
              violations: () => [],
            }),
          };
          const cohort = cohortOf(
            ids.map((id) => ({ id, role: 'peer' })),
            TOP_K,
          );
          const result = matchReciprocal(cohort, undefined, {
            candidates: 1,
            scorers: [tableScorer(table)],
            weights: TABLE_WEIGHTS,
            constraints: [direction],
          });
          for (const ring of result.rings ?? []) {
            const [a, b] = ring.memberIds.map(index);
            expect(gives(a, b) && gives(b, a)).toBe(true);
          }
          for (const u of result.unmatched) {
            const a = index(u.participantId);
            const partners = ids.filter((_, b) => gives(a, b) && gives(b, a)).length;
            expect(u.allowedPartners).toBeLessThanOrEqual(partners);
            expect(u.code === 'NO_ALLOWED_PARTNER').toBe(partners === 0);
          }
        },
      ),
      { numRuns: numRuns(100) },
    );
  });

  it("matchReciprocal(cohort, program, { structure: 'rings' }) above the limit throws INVALID_OPTIONS naming it", () => {
    const records = ['a', 'b', 'c'].map((id) => ({ id, role: 'peer' }));
    const cohort = cohortOf(records, TOP_K);
    let error: unknown;
    try {
      matchReciprocal(cohort, undefined, { structure: 'rings' });
    } catch (e) {
      error = e;
    }
    expect(PeermatchError.is(error)).toBe(true);
    const err = error as PeermatchError;
    expect(err.code).toBe('INVALID_OPTIONS');
    expect(err.issues[0].message).toMatch(/denseLimit \(0\)/);
  });

  it('reports candidates, pairs, solve and report in order, and stops on an aborted signal', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const table: Record<string, number> = {};
    for (const x of ids) for (const y of ids) if (x !== y) table[`${x}|${y}`] = 0.5;
    const p = {
      records: ids.map((id) => ({ id, role: 'peer' })),
      ids,
      table,
      blocked: new Set<string>(),
      minScore: 0,
      lambda: 0.5,
      objective: 'coverage' as const,
    };
    const cohort = cohortOf(p.records, TOP_K);
    const reports: [string, number, number][] = [];
    matchReciprocal(cohort, undefined, {
      ...optionsOf(p),
      onProgress: (phase, done, total) => reports.push([phase, done, total]),
    });
    const phases = reports.map((r) => r[0]).filter((x, i, all) => i === 0 || all[i - 1] !== x);
    expect(phases).toEqual(['candidates', 'pairs', 'solve', 'report']);
    // Each phase runs from 0 to its total without going back (the blossom's own start is the
    // beginning of 'solve', at 0 pairs formed).
    for (const phase of phases) {
      const mine = reports.filter((r) => r[0] === phase);
      expect(mine[0][1]).toBe(0);
      expect(mine.at(-1)?.[1]).toBe(mine.at(-1)?.[2]);
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i][1]).toBeGreaterThanOrEqual(mine[i - 1][1]);
        expect(mine[i][2]).toBe(mine[0][2]);
      }
    }
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      matchReciprocal(cohort, undefined, { ...optionsOf(p), signal: controller.signal }),
    ).toThrow(/abort/i);
  });
});

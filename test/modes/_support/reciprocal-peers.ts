import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type MatchReciprocalOptions,
  matchReciprocal,
} from '../../../src/modes/match-reciprocal.js';
import type { MatchResult } from '../../../src/modes/match-result.js';
import { cohortOf } from '../../compatibility/_cohort.js';
import { TABLE_WEIGHTS, tableScorer } from './table-scorer.js';

// Small reciprocal instances and brute forces shared by the dense and top-k tests.

export const TOLERANCE = 1e-9;
export const NO = Number.NEGATIVE_INFINITY;

export interface Peers {
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
export function peersArbitrary(max: number): fc.Arbitrary<Peers> {
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

export function optionsOf(p: Peers, extra: MatchReciprocalOptions = {}): MatchReciprocalOptions {
  return {
    objective: p.objective,
    minScore: p.minScore,
    balanceWeight: p.lambda,
    scorers: [tableScorer(p.table)],
    weights: TABLE_WEIGHTS,
    ...extra,
  };
}

export function solve(
  p: Peers,
  extra: MatchReciprocalOptions = {},
  records = p.records,
  program: Record<string, unknown> = {},
): MatchResult {
  return matchReciprocal(cohortOf(records, program), undefined, optionsOf(p, extra));
}

/** The pair score from the definition, or -Infinity when blocked or below minScore. */
export function pairScore(p: Peers, a: string, b: string): number {
  if (a === b || p.blocked.has(`${a}|${b}`)) return NO;
  const x = p.table[`${a}|${b}`];
  const y = p.table[`${b}|${a}`];
  const s = (Math.min(x, y) + (p.lambda * (x + y)) / 2) / (1 + p.lambda);
  return s >= p.minScore ? s : NO;
}

export function linkUsable(p: Peers, a: string, b: string): boolean {
  return a !== b && !p.blocked.has(`${a}|${b}`) && p.table[`${a}|${b}`] >= p.minScore;
}

export interface Value {
  readonly covered: number;
  readonly total: number;
}

export function isBetter(objective: Peers['objective'], a: Value, b: Value): boolean {
  if (objective === 'coverage' && a.covered !== b.covered) return a.covered > b.covered;
  return a.total > b.total + TOLERANCE;
}

/** Best matching over every set of disjoint suitable pairs. */
export function brutePairs(p: Peers): Value {
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
export function bruteRings(p: Peers, limit: number): Value {
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

export function resultValue(result: MatchResult, structure: 'pairs' | 'rings'): Value {
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
export function checkShape(p: Peers, result: MatchResult, limit: number): void {
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
export function bruteBlocking(p: Peers, result: MatchResult): string[] {
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

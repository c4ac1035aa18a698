import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { PeermatchError } from '../../src/errors.js';
import { matchOneToOne } from '../../src/modes/match-one-to-one.js';
import type { MatchResult } from '../../src/modes/match-result.js';
import { type RematchOptions, rematch } from '../../src/modes/rematch.js';
import { BUILT_IN_SCORERS } from '../../src/scoring/built-in-scorers.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';

function tableScorer(table: Readonly<Record<string, number>>): Scorer {
  return {
    name: 'table',
    prepare: ({ cohort }) => ({
      score: (l, r) => table[`${cohort.ids[l]}|${cohort.ids[r]}`] ?? 0,
    }),
  };
}

const TABLE_WEIGHTS = Object.fromEntries([
  ...BUILT_IN_SCORERS.map((s) => [s.name, 0]),
  ['table', 1],
]);

const TOLERANCE = 1e-9;

/** The most pairs, then the best total, over every assignment of `free` mentees to seats. */
function bruteForce(
  free: readonly string[],
  seats: Map<string, number>,
  value: (mentor: string, mentee: string) => number | null,
): { pairs: number; total: number } {
  let best = { pairs: 0, total: 0 };
  const visit = (j: number, pairs: number, total: number) => {
    if (j === free.length) {
      if (pairs > best.pairs || (pairs === best.pairs && total > best.total + TOLERANCE))
        best = { pairs, total };
      return;
    }
    visit(j + 1, pairs, total);
    for (const [m, left] of seats) {
      const v = value(m, free[j]);
      if (left === 0 || v === null) continue;
      seats.set(m, left - 1);
      visit(j + 1, pairs + 1, total + v);
      seats.set(m, left);
    }
  };
  visit(0, 0, 0);
  return best;
}

const instance = fc
  .record({ mentors: fc.integer({ min: 1, max: 3 }), mentees: fc.integer({ min: 1, max: 6 }) })
  .chain(({ mentors, mentees }) =>
    fc.record({
      mentors: fc.constant(mentors),
      mentees: fc.constant(mentees),
      capacity: fc.array(fc.integer({ min: 1, max: 2 }), {
        minLength: mentors,
        maxLength: mentors,
      }),
      scores: fc.array(fc.integer({ min: 0, max: 10 }), {
        minLength: mentors * mentees,
        maxLength: mentors * mentees,
      }),
      blocks: fc.array(fc.boolean(), {
        minLength: mentors * mentees,
        maxLength: mentors * mentees,
      }),
      newcomers: fc.integer({ min: 0, max: 2 }),
      leave: fc.array(fc.boolean(), { minLength: mentors + mentees, maxLength: mentors + mentees }),
      fail: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    }),
  );

describe('rematch', () => {
  it('keeps working pairs, never recreates a failed pair, and solves the rest optimally', () => {
    fc.assert(
      fc.property(
        instance,
        ({ mentors, mentees, capacity, scores, blocks, newcomers, leave, fail }) => {
          const mentorIds = Array.from({ length: mentors }, (_, i) => `m${i}`);
          const menteeIds = Array.from({ length: mentees + newcomers }, (_, j) => `e${j}`);
          const table: Record<string, number> = {};
          const avoid = new Map<string, string[]>();
          const blocked = new Set<string>();
          mentorIds.forEach((m, i) => {
            menteeIds.forEach((e, j) => {
              const k = (i * mentees + j) % (mentors * mentees);
              table[`${m}|${e}`] = scores[k] / 10;
              // Only first-round pairs' blocks are kept here; a block of a pair made in the first
              // round is a changed profile (tested below), so newcomers get fresh blocks only.
              if (blocks[k] && j >= mentees) {
                blocked.add(`${m}|${e}`);
                avoid.set(e, [...(avoid.get(e) ?? []), m]);
              }
            });
          });
          const records = (count: number) => [
            ...mentorIds.map((id, i) => ({ id, role: 'mentor', capacity: capacity[i] })),
            ...menteeIds
              .slice(0, count)
              .map((id) => ({ id, role: 'mentee', avoid: avoid.get(id) ?? [] })),
          ];
          const options = { scorers: [tableScorer(table)], weights: TABLE_WEIGHTS };
          const first = cohortOf(records(mentees));
          const previous = matchOneToOne(first, undefined, options);
          const cohort = cohortOf(records(mentees + newcomers));
          const left = [...mentorIds, ...menteeIds.slice(0, mentees)].filter((_, k) => leave[k]);
          const failed = previous.pairs
            .filter((_, k) => fail[k] && !left.includes(previous.pairs[k].mentorId))
            .map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, reason: 'no chemistry' }));
          const before = JSON.stringify(previous);
          const result = rematch(cohort, previous, { left, failed }, undefined, options);
          expect(JSON.stringify(previous)).toBe(before);
          expect(
            JSON.stringify(rematch(cohort, previous, { left, failed }, undefined, options)),
          ).toBe(JSON.stringify(result));
          const gone = new Set(left);
          const failedKeys = new Set(failed.map((f) => `${f.mentorId}|${f.menteeId}`));
          const keptExpected = previous.pairs.filter(
            (p) =>
              !gone.has(p.mentorId) &&
              !gone.has(p.menteeId) &&
              !failedKeys.has(`${p.mentorId}|${p.menteeId}`),
          );
          const resultKeys = new Map(result.pairs.map((p) => [`${p.mentorId}|${p.menteeId}`, p]));
          // Kept pairs untouched: present, same score.
          for (const p of keptExpected)
            expect(resultKeys.get(`${p.mentorId}|${p.menteeId}`)?.score).toBe(p.score);
          expect(result.changes?.kept.map((p) => `${p.mentorId}|${p.menteeId}`).sort()).toEqual(
            keptExpected.map((p) => `${p.mentorId}|${p.menteeId}`).sort(),
          );
          // Failed pairs never return, blocked pairs never appear, nobody who left is matched.
          for (const p of result.pairs) {
            expect(failedKeys.has(`${p.mentorId}|${p.menteeId}`)).toBe(false);
            expect(blocked.has(`${p.mentorId}|${p.menteeId}`)).toBe(false);
            expect(gone.has(p.mentorId) || gone.has(p.menteeId)).toBe(false);
          }
          // Only the affected move: new pairs are exactly the result minus the kept ones.
          expect(result.changes?.new.length).toBe(result.pairs.length - keptExpected.length);
          expect(result.changes?.ended.length).toBe(previous.pairs.length - keptExpected.length);
          // The new pairs equal a full solve with the kept pairs fixed.
          const seats = new Map<string, number>();
          mentorIds.forEach((m, i) => {
            if (gone.has(m)) return;
            seats.set(m, capacity[i] - keptExpected.filter((p) => p.mentorId === m).length);
          });
          const keptMentees = new Set(keptExpected.map((p) => p.menteeId));
          const free = menteeIds.filter((e) => !gone.has(e) && !keptMentees.has(e));
          const best = bruteForce(free, seats, (m, e) =>
            blocked.has(`${m}|${e}`) || failedKeys.has(`${m}|${e}`) ? null : table[`${m}|${e}`],
          );
          const fresh = result.changes?.new ?? [];
          expect(fresh.length).toBe(best.pairs);
          expect(fresh.reduce((s, p) => s + p.score, 0)).toBeCloseTo(best.total, 9);
          const everyone = [
            ...result.pairs.map((p) => p.menteeId),
            ...result.unmatched.filter((u) => u.role === 'mentee').map((u) => u.participantId),
          ].sort();
          expect(everyone).toEqual(menteeIds.filter((e) => !gone.has(e)).sort());
        },
      ),
      { numRuns: numRuns(150), seed: 3 },
    );
  });

  const small = () => {
    const records = [
      { id: 'ana', role: 'mentor', capacity: 1 },
      { id: 'raj', role: 'mentor', capacity: 1 },
      { id: 'bo', role: 'mentee' },
      { id: 'cy', role: 'mentee' },
    ];
    const table = { 'ana|bo': 0.9, 'ana|cy': 0.2, 'raj|bo': 0.3, 'raj|cy': 0.4 };
    const options = { scorers: [tableScorer(table)], weights: TABLE_WEIGHTS };
    const cohort = cohortOf(records);
    return { records, table, options, cohort, previous: matchOneToOne(cohort, undefined, options) };
  };

  it('rematch(cohort, previous, {}, undefined, { rotation: true }) forbids every past pair', () => {
    const { options, cohort, previous } = small();
    expect(previous.pairs.map((p) => `${p.mentorId}|${p.menteeId}`)).toEqual(['ana|bo', 'raj|cy']);
    const result = rematch(cohort, previous, {}, undefined, { ...options, rotation: true });
    expect(result.pairs.map((p) => `${p.mentorId}|${p.menteeId}`)).toEqual(['ana|cy', 'raj|bo']);
    expect(result.changes?.ended.map((e) => e.reason)).toEqual(['ROTATION', 'ROTATION']);
    expect(result.changes?.kept).toEqual([]);
  });

  it('rotation also forbids previousPartners from the cohort', () => {
    const { table, options } = small();
    const cohort = cohortOf([
      { id: 'ana', role: 'mentor', capacity: 1, previousPartners: ['cy'] },
      { id: 'raj', role: 'mentor', capacity: 1 },
      { id: 'bo', role: 'mentee' },
      { id: 'cy', role: 'mentee' },
    ]);
    const previous = matchOneToOne(cohortOf(small().records), undefined, options);
    const result = rematch(cohort, previous, {}, undefined, { ...options, rotation: true });
    expect(table['ana|cy']).toBeGreaterThan(0);
    expect(result.pairs.map((p) => `${p.mentorId}|${p.menteeId}`)).toEqual(['raj|bo']);
  });

  it('allowBreaking breaks a kept pair only when the gain beats breakPenalty', () => {
    const { options, cohort, previous } = small();
    // A newcomer who fits ana far better than bo does: breaking ana–bo gains 0.9 + 0.3 − 0.9 …
    const table = {
      'ana|bo': 0.5,
      'ana|cy': 0.2,
      'raj|bo': 0.45,
      'raj|cy': 0.4,
      'ana|dee': 1,
      'raj|dee': 0,
    };
    const scored = { scorers: [tableScorer(table)], weights: TABLE_WEIGHTS };
    const prev = matchOneToOne(cohort, undefined, scored);
    const grown = cohortOf([...small().records, { id: 'dee', role: 'mentee' }]);
    const failed = [{ mentorId: 'raj', menteeId: 'cy' }];
    const keep = rematch(grown, prev, { failed }, undefined, {
      ...scored,
      allowBreaking: true,
      breakPenalty: 1,
    });
    expect(keep.changes?.broken).toEqual([]);
    const swap = rematch(grown, prev, { failed }, undefined, {
      ...scored,
      allowBreaking: true,
      breakPenalty: 0.1,
    });
    expect(swap.changes?.broken.map((p) => `${p.mentorId}|${p.menteeId}`)).toEqual(['ana|bo']);
    expect(swap.pairs.map((p) => `${p.mentorId}|${p.menteeId}`)).toEqual(['ana|dee', 'raj|bo']);
    expect(options).toBeDefined();
    expect(previous.pairs).toHaveLength(2);
  });

  it('waitingWeight gives the seat to whoever waited longest among equals', () => {
    const records = [
      { id: 'ana', role: 'mentor', capacity: 1 },
      { id: 'bo', role: 'mentee' },
      { id: 'cy', role: 'mentee' },
    ];
    const scored = {
      scorers: [tableScorer({ 'ana|bo': 0.5, 'ana|cy': 0.5 })],
      weights: TABLE_WEIGHTS,
    };
    const cohort = cohortOf(records);
    const empty: MatchResult = { ...matchOneToOne(cohort, undefined, scored), pairs: [] };
    const opts: RematchOptions = { ...scored, waitingWeight: 0.01 };
    expect(
      rematch(cohort, empty, { waited: { cy: 6, bo: 2 } }, undefined, opts).pairs[0].menteeId,
    ).toBe('cy');
    expect(
      rematch(cohort, empty, { waited: { cy: 1, bo: 2 } }, undefined, opts).pairs[0].menteeId,
    ).toBe('bo');
  });

  it('ends a kept pair that a hard rule now forbids (NOW_FORBIDDEN)', () => {
    const { options, previous } = small();
    const changed = cohortOf([
      { id: 'ana', role: 'mentor', capacity: 1 },
      { id: 'raj', role: 'mentor', capacity: 1 },
      { id: 'bo', role: 'mentee', avoid: ['ana'] },
      { id: 'cy', role: 'mentee' },
    ]);
    const result = rematch(changed, previous, {}, undefined, options);
    expect(result.changes?.ended).toEqual([
      expect.objectContaining({ mentorId: 'ana', menteeId: 'bo', reason: 'NOW_FORBIDDEN' }),
    ]);
    expect(result.pairs.some((p) => p.mentorId === 'ana' && p.menteeId === 'bo')).toBe(false);
  });

  it('on a generated cohort with changed profiles, every pair is allowed and only the affected move', () => {
    const records = generateParticipantRecords(200, 9);
    const previous = matchOneToOne(cohortOf(records, SAMPLE_PROGRAM as never));
    // Changed profiles: some mentees now block their mentor; newcomers join.
    const blockers = new Map(
      previous.pairs.filter((_, k) => k % 15 === 0).map((p) => [p.menteeId, p.mentorId]),
    );
    const changed = [
      ...records.map((r) =>
        blockers.has(r.id as string) ? { ...r, avoid: [blockers.get(r.id as string)] } : r,
      ),
      ...generateParticipantRecords(20, 10).map((r) => ({ ...r, id: `new-${r.id as string}` })),
    ];
    const cohort = cohortOf(changed, SAMPLE_PROGRAM as never);
    const left = previous.pairs.filter((_, k) => k % 9 === 1).map((p) => p.menteeId);
    const failed = previous.pairs
      .filter((_, k) => k % 11 === 2)
      .map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId }));
    const result = rematch(cohort, previous, { left, failed });
    const changes = result.changes;
    expect(changes?.ended.filter((e) => e.reason === 'NOW_FORBIDDEN').length).toBe(
      [...blockers].filter(
        ([e, m]) => !left.includes(e) && !failed.some((f) => f.menteeId === e && f.mentorId === m),
      ).length,
    );
    const matrix = buildCompatibility(cohort);
    const kept = new Set(changes?.kept.map((p) => `${p.mentorId}|${p.menteeId}`));
    const failedKeys = new Set(failed.map((f) => `${f.mentorId}|${f.menteeId}`));
    const previousMentor = new Map(previous.pairs.map((p) => [p.menteeId, p.mentorId]));
    for (const p of result.pairs) {
      const why = matrix.explain(p.mentorId, p.menteeId);
      const rules = why.violations.map((v) => v.rule);
      // A kept pair may be its own "previous partner"; nothing else may forbid any pair.
      expect(
        rules.filter((r) => !(kept.has(`${p.mentorId}|${p.menteeId}`) && r === 'noRepeat')),
      ).toEqual([]);
      expect(failedKeys.has(`${p.mentorId}|${p.menteeId}`)).toBe(false);
      if (!kept.has(`${p.mentorId}|${p.menteeId}`)) {
        // Only the affected move: a new pair's mentee had no working pair before.
        const before = previousMentor.get(p.menteeId);
        expect(before === undefined || !kept.has(`${before}|${p.menteeId}`)).toBe(true);
      }
    }
    expect(changes?.new.length).toBeGreaterThan(0);
  });

  it('throws INVALID_INPUT listing every bad change', () => {
    const { options, cohort, previous } = small();
    let error: unknown;
    try {
      rematch(
        cohort,
        previous,
        { left: ['ghost'], failed: [{ mentorId: 'ana', menteeId: 'cy' }], waited: { bo: -1 } },
        undefined,
        options,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PeermatchError);
    expect((error as PeermatchError).code).toBe('INVALID_INPUT');
    expect((error as PeermatchError).issues.map((i) => i.code).sort()).toEqual(
      ['NOT_A_PREVIOUS_PAIR', 'OUT_OF_RANGE', 'UNKNOWN_PARTICIPANT'].sort(),
    );
    expect(() =>
      rematch(cohort, previous, {}, undefined, { objective: 'fairness' } as never),
    ).toThrow(/objective/);
  });
});

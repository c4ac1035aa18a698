import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { PeermatchError } from '../../src/errors.js';
import {
  MATCH_ONE_TO_ONE_DEFAULTS,
  type MatchOneToOneOptions,
  matchOneToOne,
} from '../../src/modes/match-one-to-one.js';
import type { MatchObjective, MatchResult } from '../../src/modes/match-result.js';
import type { Cohort } from '../../src/profile/cohort.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf, PEOPLE, TAXONOMY } from '../compatibility/_cohort.js';
import { type Instance, instanceArbitrary, run } from './_support/one-to-one-instances.js';
import { TABLE_WEIGHTS, tableScorer } from './_support/table-scorer.js';

const TOLERANCE = 1e-9;
const OBJECTIVES: readonly MatchObjective[] = ['total', 'coverage', 'fairness'];

interface Value {
  readonly pairs: number;
  readonly min: number;
  readonly total: number;
}

/** `a` better than `b` for the objective, beyond rounding. */
function isBetter(objective: MatchObjective, a: Value, b: Value): boolean {
  if (objective !== 'total' && a.pairs !== b.pairs) return a.pairs > b.pairs;
  if (objective === 'fairness' && Math.abs(a.min - b.min) > TOLERANCE) return a.min > b.min;
  return a.total > b.total + TOLERANCE;
}

/** The best value over every assignment of each mentee to a suitable mentor with a seat, or none. */
function bruteForce(instance: Instance, objective: MatchObjective): Value {
  const { mentors, mentees, table, blocked, capacity, minScore } = instance;
  const left = new Map(mentors.map((m) => [m, capacity[m]]));
  let best: Value = { pairs: 0, min: Number.POSITIVE_INFINITY, total: 0 };
  const visit = (j: number, current: Value) => {
    if (j === mentees.length) {
      if (isBetter(objective, current, best)) best = current;
      return;
    }
    visit(j + 1, current);
    for (const m of mentors) {
      const key = `${m}|${mentees[j]}`;
      const seats = left.get(m) ?? 0;
      if (seats === 0 || blocked.has(key) || table[key] < minScore) continue;
      left.set(m, seats - 1);
      visit(j + 1, {
        pairs: current.pairs + 1,
        min: Math.min(current.min, table[key]),
        total: current.total + table[key],
      });
      left.set(m, seats);
    }
  };
  visit(0, best);
  return best;
}

function measure(result: MatchResult): Value {
  return {
    pairs: result.pairs.length,
    min: Math.min(...result.pairs.map((p) => p.score)),
    total: result.pairs.reduce((sum, p) => sum + p.score, 0),
  };
}

describe('matchOneToOne', () => {
  it('matchOneToOne(cohort, program, { objective }) is optimal for every objective (brute force)', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        for (const objective of OBJECTIVES) {
          const { result } = run(instance, objective);
          const got = measure(result);
          const want = bruteForce(instance, objective);
          expect(isBetter(objective, want, got)).toBe(false);
          expect(isBetter(objective, got, want)).toBe(false);
          expect(result.stats.matched).toBe(got.pairs);
          expect(result.stats.totalScore).toBeCloseTo(got.total, 9);
        }
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('matchOneToOne never exceeds capacity, never repeats a participant, never makes a forbidden or sub-minimum pair', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.constantFrom(...OBJECTIVES), (instance, objective) => {
        const { cohort, options, result } = run(instance, objective);
        const matrix = buildCompatibility(cohort, undefined, {
          scorers: options.scorers,
          weights: options.weights,
        });
        const perMentor = new Map<string, number>();
        const seen = new Set<string>();
        for (const pair of result.pairs) {
          perMentor.set(pair.mentorId, (perMentor.get(pair.mentorId) ?? 0) + 1);
          expect(seen.has(pair.menteeId)).toBe(false);
          seen.add(pair.menteeId);
          expect(instance.mentors).toContain(pair.mentorId);
          expect(instance.mentees).toContain(pair.menteeId);
          // Safety, judged twice: by the records themselves and by the rules' own verdict.
          expect(instance.blocked.has(`${pair.mentorId}|${pair.menteeId}`)).toBe(false);
          expect(matrix.explain(pair.mentorId, pair.menteeId).allowed).toBe(true);
          expect(pair.score).toBeGreaterThanOrEqual(instance.minScore);
        }
        for (const [mentor, count] of perMentor) {
          expect(count).toBeLessThanOrEqual(instance.capacity[mentor]);
        }
        expect(result.stats.seats.used).toBe(result.pairs.length);
      }),
      { numRuns: numRuns(100) },
    );
  });

  it('matchOneToOne gives every unmatched participant exactly one reason, and the right one', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.constantFrom(...OBJECTIVES), (instance, objective) => {
        const { result } = run(instance, objective);
        const matchedMentees = new Set(result.pairs.map((p) => p.menteeId));
        const matchedMentors = new Set(result.pairs.map((p) => p.mentorId));
        const listed = result.unmatched.map((u) => u.participantId);
        expect(new Set(listed).size).toBe(listed.length);
        const expected = [
          ...instance.mentees.filter((e) => !matchedMentees.has(e)),
          ...instance.mentors.filter((m) => !matchedMentors.has(m)),
        ];
        expect([...listed].sort()).toEqual([...expected].sort());
        for (const u of result.unmatched) {
          expect(u.message.length).toBeGreaterThan(0);
          const others = u.role === 'mentee' ? instance.mentors : instance.mentees;
          const keys = others.map((o) =>
            u.role === 'mentee' ? `${o}|${u.participantId}` : `${u.participantId}|${o}`,
          );
          const allowed = keys.filter((k) => !instance.blocked.has(k));
          const suitable = allowed.filter((k) => instance.table[k] >= instance.minScore);
          expect(u.allowedPartners).toBe(allowed.length);
          expect(u.suitablePartners).toBe(suitable.length);
          if (allowed.length === 0) {
            expect(u.code).toBe('NO_ALLOWED_PARTNER');
            if (others.length > 0) expect(u.excludedBy[0]?.code).toBe('BLOCKED');
          } else if (suitable.length === 0) expect(u.code).toBe('BELOW_MIN_SCORE');
          else if (u.role === 'mentee' && objective !== 'total') {
            // The most pairs were made: only a full house can leave a suitable mentee out.
            expect(u.code).toBe('MENTORS_AT_CAPACITY');
          } else expect(['MENTORS_AT_CAPACITY', 'LOST_TO_BETTER_ASSIGNMENT']).toContain(u.code);
        }
      }),
      { numRuns: numRuns(100) },
    );
  });

  it('matchOneToOne is deterministic, independent of record order, JSON-safe, and leaves its inputs alone', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.constantFrom(...OBJECTIVES), (instance, objective) => {
        const cohort = cohortOf(instance.records);
        const before = structuredClone(cohort);
        const options: MatchOneToOneOptions = {
          objective,
          minScore: instance.minScore,
          scorers: [tableScorer(instance.table)],
          weights: { ...TABLE_WEIGHTS },
        };
        const optionsBefore = { ...options, weights: { ...options.weights } };
        const first = JSON.stringify(matchOneToOne(cohort, undefined, options));
        const second = JSON.stringify(matchOneToOne(cohort, undefined, options));
        expect(second).toBe(first);
        expect(cohort).toEqual(before);
        expect(options).toEqual(optionsBefore);
        const reordered = run(instance, objective, [...instance.records].reverse()).result;
        expect(JSON.stringify(reordered)).toBe(first);
        expect(JSON.parse(first)).toEqual(matchOneToOne(cohort, undefined, options));
      }),
      { numRuns: numRuns(60) },
    );
  });

  describe('examples', () => {
    const table = {
      'a|x': 0.9,
      'a|y': 0.5,
      'b|x': 0.5,
      'b|y': 0.1,
    };
    const records = [
      { id: 'a', role: 'mentor' },
      { id: 'b', role: 'mentor' },
      { id: 'x', role: 'mentee' },
      { id: 'y', role: 'mentee' },
    ];
    const match = (objective: MatchObjective, minScore = 0) =>
      matchOneToOne(cohortOf(records), undefined, {
        objective,
        minScore,
        scorers: [tableScorer(table)],
        weights: TABLE_WEIGHTS,
      });
    const pairsOf = (r: MatchResult) => r.pairs.map((p) => `${p.mentorId}-${p.menteeId}`);

    it("matchOneToOne(cohort, undefined, { objective: 'total' }) takes the largest total (1.0 over 1.0 ties by id)", () => {
      // a-x + b-y = 1.0, a-y + b-x = 1.0: both optimal; either is a valid total optimum.
      expect(match('total').stats.totalScore).toBeCloseTo(1, 12);
    });

    it("matchOneToOne(cohort, undefined, { objective: 'fairness' }) raises the worst pair: a-y and b-x (0.5, 0.5)", () => {
      const result = match('fairness');
      expect(pairsOf(result)).toEqual(['a-y', 'b-x']);
      expect(result.stats.scores?.min).toBe(0.5);
    });

    it('matchOneToOne(cohort, undefined, { minScore: 0.6 }) leaves y below the minimum', () => {
      const result = match('coverage', 0.6);
      expect(pairsOf(result)).toEqual(['a-x']);
      expect(result.unmatched.map((u) => [u.participantId, u.code])).toEqual([
        ['y', 'BELOW_MIN_SCORE'],
        ['b', 'BELOW_MIN_SCORE'],
      ]);
    });

    it('matchOneToOne with mentor capacity 2 gives one mentor two mentees and reports seats', () => {
      const cohort = cohortOf([
        { id: 'a', role: 'mentor', capacity: 2 },
        { id: 'x', role: 'mentee' },
        { id: 'y', role: 'mentee' },
        { id: 'z', role: 'mentee' },
      ]);
      const result = matchOneToOne(cohort);
      expect(result.pairs).toHaveLength(2);
      expect(result.stats.seats).toEqual({ total: 2, used: 2 });
      expect(result.unmatched).toMatchObject([{ role: 'mentee', code: 'MENTORS_AT_CAPACITY' }]);
    });

    it("matchOneToOne(cohort, undefined, { objective: 'total' }) may leave a mentee out, and says so", () => {
      // x can only take a; y prefers a strongly: the total is best with a-y alone.
      const cohort = cohortOf([
        { id: 'a', role: 'mentor' },
        { id: 'b', role: 'mentor' },
        { id: 'x', role: 'mentee', avoid: ['b'] },
        { id: 'y', role: 'mentee' },
      ]);
      const options = {
        scorers: [tableScorer({ 'a|x': 0.1, 'a|y': 1, 'b|y': 0 })],
        weights: TABLE_WEIGHTS,
      };
      const total = matchOneToOne(cohort, undefined, { ...options, objective: 'total' });
      expect(total.stats.totalScore).toBe(1);
      const x = total.unmatched.find((u) => u.participantId === 'x');
      expect(x?.code).toBe('LOST_TO_BETTER_ASSIGNMENT');
      const coverage = matchOneToOne(cohort, undefined, options);
      expect(coverage.pairs.map((p) => `${p.mentorId}-${p.menteeId}`)).toEqual(['a-x', 'b-y']);
    });

    it('matchOneToOne explains pairs and names the rules that leave someone without a partner', () => {
      const result = matchOneToOne(cohortOf(PEOPLE, TAXONOMY));
      expect(result.pairs[0]).toMatchObject({ mentorId: 'ana', menteeId: 'bo' });
      expect(result.pairs[0].explanation.summary).toMatch(/^ana → bo/);
      const contributions = result.pairs[0].explanation.contributions;
      expect(contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(
        result.pairs[0].score,
        12,
      );
      const eve = result.unmatched.find((u) => u.participantId === 'eve');
      expect(eve).toMatchObject({ code: 'NO_ALLOWED_PARTNER', role: 'mentee' });
      expect(eve?.excludedBy).toEqual([{ rule: 'safeguarding', code: 'SAFEGUARDING', count: 3 }]);
      expect(result.stats.scores?.median).toBe(result.pairs[0].score);
    });

    it('matchOneToOne on a cohort without mentees returns no pairs and null score stats', () => {
      const result = matchOneToOne(cohortOf([{ id: 'a', role: 'mentor' }]));
      expect(result.pairs).toEqual([]);
      expect(result.stats.scores).toBeNull();
      expect(result.unmatched).toMatchObject([{ participantId: 'a', role: 'mentor' }]);
    });
  });

  describe('options', () => {
    const cohort: Cohort = cohortOf(PEOPLE, TAXONOMY);

    it('MATCH_ONE_TO_ONE_DEFAULTS is frozen and used when options are omitted', () => {
      expect(Object.isFrozen(MATCH_ONE_TO_ONE_DEFAULTS)).toBe(true);
      const result = matchOneToOne(cohort);
      expect(result.objective).toBe(MATCH_ONE_TO_ONE_DEFAULTS.objective);
      expect(result.minScore).toBe(MATCH_ONE_TO_ONE_DEFAULTS.minScore);
    });

    it('matchOneToOne rejects bad options with INVALID_OPTIONS listing every problem', () => {
      const bad = {
        objective: 'best',
        minScore: 2,
        mentors: ['nobody'],
        colour: 'red',
      } as unknown as MatchOneToOneOptions;
      try {
        matchOneToOne(cohort, undefined, bad);
        expect.unreachable();
      } catch (error) {
        expect(PeermatchError.is(error)).toBe(true);
        const e = error as PeermatchError;
        expect(e.code).toBe('INVALID_OPTIONS');
        expect(e.issues.map((i) => i.code).sort()).toEqual([
          'INVALID_VALUE',
          'OUT_OF_RANGE',
          'UNKNOWN_OPTION',
          'UNKNOWN_PARTICIPANT',
        ]);
      }
    });

    it('matchOneToOne rejects a participant on both sides', () => {
      expect(() =>
        matchOneToOne(cohort, undefined, { mentors: ['ana'], mentees: ['ana', 'bo'] }),
      ).toThrow(/both a mentor and a mentee/);
    });

    it('matchOneToOne(cohort, program, { signal }) throws ABORTED when the signal has fired', () => {
      const controller = new AbortController();
      controller.abort();
      expect(() => matchOneToOne(cohort, undefined, { signal: controller.signal })).toThrow(
        expect.objectContaining({ code: 'ABORTED' }),
      );
    });
  });
});

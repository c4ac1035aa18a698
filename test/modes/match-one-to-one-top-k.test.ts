import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { MATCH_SCALE_DEFAULTS, matchOneToOne } from '../../src/modes/match-one-to-one.js';
import type { MatchObjective, MatchResult } from '../../src/modes/match-result.js';
import { parseProgram } from '../../src/profile/parse-program.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';
import {
  distinctInstanceArbitrary,
  type Instance,
  instanceArbitrary,
  run,
} from './_support/one-to-one-instances.js';
import { TABLE_WEIGHTS, tableScorer } from './_support/table-scorer.js';

const OBJECTIVES: readonly MatchObjective[] = ['total', 'coverage', 'fairness'];

/** Program fields that force the top-k path with `k` candidates per participant. */
const topK = (k: number) => ({ matching: { denseLimit: 0, candidates: k } });

function value(result: MatchResult) {
  const scores = result.pairs.map((p) => p.score);
  return {
    pairs: scores.length,
    min: scores.length > 0 ? Math.min(...scores) : Number.POSITIVE_INFINITY,
    total: scores.reduce((a, b) => a + b, 0),
  };
}

/** `a` strictly better than `b` for the objective, beyond rounding. */
function isBetter(objective: MatchObjective, a: MatchResult, b: MatchResult): boolean {
  const x = value(a);
  const y = value(b);
  if (objective !== 'total' && x.pairs !== y.pairs) return x.pairs > y.pairs;
  if (objective === 'fairness' && Math.abs(x.min - y.min) > 1e-9) return x.min > y.min;
  return x.total > y.total + 1e-9;
}

/** Everything but `scale`, which says how the result was computed. */
function withoutScale({ scale: _, ...rest }: MatchResult) {
  return rest;
}

describe('matchOneToOne on the top-k path (program.matching.denseLimit exceeded)', () => {
  it('with k ≥ mentors it returns exactly the dense result (pairs, reasons, stats, stability, alternatives)', () => {
    fc.assert(
      fc.property(distinctInstanceArbitrary, (instance) => {
        const k = Math.max(1, instance.mentors.length);
        for (const objective of OBJECTIVES) {
          const extra = { alternatives: 2 };
          const dense = run(instance, objective, instance.records, extra).result;
          const sparse = run(instance, objective, instance.records, extra, topK(k)).result;
          expect(withoutScale(sparse)).toEqual(withoutScale(dense));
          expect(dense.scale?.method).toBe('dense');
          const cells = instance.mentors.length * instance.mentees.length;
          expect(sparse.scale?.method).toBe(cells > 0 ? 'top-k' : 'dense');
        }
      }),
      { numRuns: numRuns(60) },
    );
  });

  it('with k ≥ mentors and tied scores it reaches the dense optimum for every objective', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const k = Math.max(1, instance.mentors.length);
        for (const objective of OBJECTIVES) {
          const dense = run(instance, objective).result;
          const sparse = run(instance, objective, instance.records, {}, topK(k)).result;
          expect(isBetter(objective, dense, sparse)).toBe(false);
          expect(isBetter(objective, sparse, dense)).toBe(false);
        }
      }),
      { numRuns: numRuns(60) },
    );
  });

  it('with k = 1 or 2 it never exceeds capacity, repeats anyone, makes a forbidden or sub-minimum pair, or beats the dense optimum', () => {
    fc.assert(
      fc.property(
        instanceArbitrary,
        fc.constantFrom(...OBJECTIVES),
        fc.integer({ min: 1, max: 2 }),
        (instance, objective, k) => {
          const { cohort, options, result } = run(
            instance,
            objective,
            instance.records,
            {},
            topK(k),
          );
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
            expect(instance.blocked.has(`${pair.mentorId}|${pair.menteeId}`)).toBe(false);
            expect(matrix.explain(pair.mentorId, pair.menteeId).allowed).toBe(true);
            expect(pair.score).toBeGreaterThanOrEqual(instance.minScore);
            expect(pair.score).toBe(instance.table[`${pair.mentorId}|${pair.menteeId}`]);
          }
          for (const [mentor, count] of perMentor) {
            expect(count).toBeLessThanOrEqual(instance.capacity[mentor]);
          }
          expect(isBetter(objective, result, run(instance, objective).result)).toBe(false);
          // Widening reaches every mentor here (k × 4 ≥ 4 mentors), so no unmatched mentee is
          // left beside a suitable mentor with a free seat when pairs come first.
          const widened = result.scale?.widened ?? [];
          expect(widened.map((w) => w.participantId)).toEqual(
            widened.map((w) => w.participantId).sort(),
          );
          for (const w of widened) {
            expect(instance.mentees).toContain(w.participantId);
            expect(w.k).toBeGreaterThan(k);
            expect(w.k).toBeLessThanOrEqual(instance.mentors.length);
          }
          if (objective !== 'total') {
            for (const e of instance.mentees) {
              if (seen.has(e)) continue;
              for (const m of instance.mentors) {
                const key = `${m}|${e}`;
                const suitable =
                  !instance.blocked.has(key) && instance.table[key] >= instance.minScore;
                const free = (perMentor.get(m) ?? 0) < instance.capacity[m];
                expect(suitable && free).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: numRuns(150) },
    );
  });

  it('with small k every unmatched participant is listed once, with a reason true to the whole cohort', () => {
    fc.assert(
      fc.property(
        instanceArbitrary,
        fc.constantFrom(...OBJECTIVES),
        fc.integer({ min: 1, max: 2 }),
        (instance: Instance, objective, k) => {
          const { result } = run(instance, objective, instance.records, {}, topK(k));
          const matchedMentees = new Set(result.pairs.map((p) => p.menteeId));
          const matchedMentors = new Set(result.pairs.map((p) => p.mentorId));
          const listed = result.unmatched.map((u) => u.participantId);
          expect(new Set(listed).size).toBe(listed.length);
          expect([...listed].sort()).toEqual(
            [
              ...instance.mentees.filter((e) => !matchedMentees.has(e)),
              ...instance.mentors.filter((m) => !matchedMentors.has(m)),
            ].sort(),
          );
          for (const u of result.unmatched) {
            const others = u.role === 'mentee' ? instance.mentors : instance.mentees;
            const keys = others.map((o) =>
              u.role === 'mentee' ? `${o}|${u.participantId}` : `${u.participantId}|${o}`,
            );
            const allowed = keys.filter((key) => !instance.blocked.has(key));
            const suitable = allowed.filter((key) => instance.table[key] >= instance.minScore);
            expect(u.allowedPartners).toBe(allowed.length);
            // Counted among the candidates when there is a minimum: never more than the truth.
            expect(u.suitablePartners).toBeLessThanOrEqual(suitable.length);
            if (instance.minScore === 0) expect(u.suitablePartners).toBe(suitable.length);
            if (allowed.length === 0) expect(u.code).toBe('NO_ALLOWED_PARTNER');
            else if (suitable.length === 0) expect(u.code).toBe('BELOW_MIN_SCORE');
            else {
              expect(['MENTORS_AT_CAPACITY', 'LOST_TO_BETTER_ASSIGNMENT', 'NO_CAPACITY']).toContain(
                u.code,
              );
            }
          }
        },
      ),
      { numRuns: numRuns(120) },
    );
  });

  it('with small k it is deterministic, independent of record order, JSON-safe, and leaves its inputs alone', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.constantFrom(...OBJECTIVES), (instance, objective) => {
        const program = topK(1);
        const cohort = cohortOf(instance.records, program);
        const before = structuredClone(cohort);
        const options = {
          objective,
          minScore: instance.minScore,
          scorers: [tableScorer(instance.table)],
          weights: { ...TABLE_WEIGHTS },
        };
        const first = JSON.stringify(matchOneToOne(cohort, undefined, options));
        expect(JSON.stringify(matchOneToOne(cohort, undefined, options))).toBe(first);
        expect(cohort).toEqual(before);
        expect(options.weights).toEqual(TABLE_WEIGHTS);
        const reordered = run(instance, objective, [...instance.records].reverse(), {}, program);
        expect(JSON.stringify(reordered.result)).toBe(first);
        expect(JSON.parse(first)).toEqual(matchOneToOne(cohort, undefined, options));
      }),
      { numRuns: numRuns(60) },
    );
  });

  describe('examples', () => {
    // Every mentee's best mentor is a; b and c each rank x first. With k = 1 the candidate
    // graph is a–x, a–y, a–z, b–x, c–x: one of y and z cannot be placed until widened.
    const records = [
      { id: 'a', role: 'mentor' },
      { id: 'b', role: 'mentor' },
      { id: 'c', role: 'mentor' },
      { id: 'x', role: 'mentee' },
      { id: 'y', role: 'mentee' },
      { id: 'z', role: 'mentee' },
    ];
    const table = {
      'a|x': 0.9,
      'a|y': 0.9,
      'a|z': 0.9,
      'b|x': 0.5,
      'b|y': 0.1,
      'b|z': 0.2,
      'c|x': 0.6,
      'c|y': 0.3,
      'c|z': 0.1,
    };
    const options = { scorers: [tableScorer(table)], weights: TABLE_WEIGHTS };

    it('matchOneToOne widens the candidates of a mentee top-k left unmatched, and reports it', () => {
      const result = matchOneToOne(cohortOf(records, topK(1)), undefined, options);
      const dense = matchOneToOne(cohortOf(records), undefined, options);
      expect(result.pairs).toHaveLength(3);
      expect(result.stats.totalScore).toBeCloseTo(dense.stats.totalScore, 12);
      expect(result.scale).toMatchObject({ method: 'top-k', k: 1, cells: 9, denseLimit: 0 });
      expect(result.scale?.widened).toHaveLength(1);
      expect(['y', 'z']).toContain(result.scale?.widened[0].participantId);
      expect(result.scale?.widened[0].k).toBe(3);
      expect(result.unmatched).toEqual([]);
    });

    it('matchOneToOne widens a mentee that only an earlier widening left unmatched', () => {
      // k = 1: e7 (best: m3) loses m3 to e5 and is widened; on its wider list it takes m0's
      // last seat from e2, whose own list (m0) never held m7, the only mentor with a seat left.
      const scores: Record<string, number> = {
        'm0|e10': 0.4,
        'm0|e2': 0.3,
        'm0|e7': 0.4,
        'm7|e0': 0.3,
        'm7|e2': 0,
        'm3|e5': 1,
        'm3|e7': 0.5,
      };
      const people = [
        { id: 'm0', role: 'mentor', capacity: 2, avoid: ['e0', 'e5'] },
        { id: 'm7', role: 'mentor', capacity: 2, avoid: ['e5', 'e10', 'e7'] },
        { id: 'm3', role: 'mentor', capacity: 1, avoid: ['e0', 'e10', 'e2'] },
        ...['e0', 'e5', 'e10', 'e2', 'e7'].map((id) => ({ id, role: 'mentee' })),
      ];
      const table = { ...scores };
      for (const m of ['m0', 'm7', 'm3']) {
        for (const e of ['e0', 'e5', 'e10', 'e2', 'e7']) table[`${m}|${e}`] ??= 0;
      }
      const tableOptions = {
        objective: 'fairness' as const,
        scorers: [tableScorer(table)],
        weights: TABLE_WEIGHTS,
      };
      const result = matchOneToOne(cohortOf(people, topK(1)), undefined, tableOptions);
      const dense = matchOneToOne(cohortOf(people), undefined, tableOptions);
      expect(dense.pairs).toHaveLength(5);
      expect(result.pairs.map((p) => [p.mentorId, p.menteeId])).toEqual(
        dense.pairs.map((p) => [p.mentorId, p.menteeId]),
      );
      expect(result.scale?.widened).toEqual([
        { participantId: 'e2', k: 3 },
        { participantId: 'e7', k: 3 },
      ]);
    });

    it('matchOneToOne stays dense up to denseLimit cells and switches above it', () => {
      const at = matchOneToOne(
        cohortOf(records, { matching: { denseLimit: 9 } }),
        undefined,
        options,
      );
      expect(at.scale).toEqual({
        method: 'dense',
        cells: 9,
        denseLimit: 9,
        k: null,
        edges: null,
        widened: [],
        pricing: null,
        notes: [],
      });
      const above = matchOneToOne(
        cohortOf(records, { matching: { denseLimit: 8 } }),
        undefined,
        options,
      );
      expect(above.scale).toMatchObject({
        method: 'top-k',
        k: MATCH_SCALE_DEFAULTS.candidates,
        pricing: null,
      });
      expect(above.scale?.notes).toEqual([
        'stability counts blocking pairs among candidate pairs only',
      ]);
    });

    it('matchOneToOne(cohort, program) reads the limit from the program argument too', () => {
      const cohort = cohortOf(records);
      const program = {
        ...cohort.program,
        matching: { ...cohort.program.matching, ...topK(2).matching },
      };
      const result = matchOneToOne(cohort, program, options);
      expect(result.scale).toMatchObject({ method: 'top-k', k: 2 });
    });

    it('matchOneToOne on the top-k path names the rule that leaves someone without a partner', () => {
      const blocked = records.map((r) => (r.id === 'z' ? { ...r, avoid: ['a', 'b', 'c'] } : r));
      const result = matchOneToOne(cohortOf(blocked, topK(1)), undefined, options);
      // Mentees first: z, then the mentor left over (b).
      expect(result.unmatched.map((u) => u.participantId)).toEqual(['z', 'b']);
      expect(result.unmatched[0]).toMatchObject({
        participantId: 'z',
        code: 'NO_ALLOWED_PARTNER',
        allowedPartners: 0,
        excludedBy: [{ rule: 'blockList', code: 'BLOCKED', count: 3 }],
      });
      expect(result.pairs.some((p) => p.menteeId === 'z')).toBe(false);
    });

    it('matchOneToOne on the top-k path says BELOW_MIN_SCORE when no allowed mentor reaches minScore', () => {
      const result = matchOneToOne(cohortOf(records, topK(1)), undefined, {
        ...options,
        minScore: 0.55,
      });
      // x takes c (0.6) or a; y and z only reach 0.55 with a: one of them stays out at capacity.
      expect(result.pairs).toHaveLength(2);
      expect(result.unmatched.map((u) => u.code).sort()).toEqual([
        'BELOW_MIN_SCORE',
        'MENTORS_AT_CAPACITY',
      ]);
    });

    it('matchOneToOne(cohort, program, { onProgress }) reports each phase, ending with done === total', () => {
      const phasesOf = (program: Record<string, unknown>) => {
        const calls: [string, number, number][] = [];
        matchOneToOne(cohortOf(records, program), undefined, {
          ...options,
          onProgress: (phase, done, total) => calls.push([phase, done, total]),
        });
        const ends = calls.filter(([, done, total]) => done === total).map(([phase]) => phase);
        return [...new Set(ends)];
      };
      expect(phasesOf({})).toEqual(['matrix', 'solve', 'report']);
      expect(phasesOf(topK(1))).toEqual(['candidates', 'solve', 'widen', 'report']);
      expect(() =>
        matchOneToOne(cohortOf(records), undefined, {
          onProgress: 'yes' as never,
        }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    });

    it('matchOneToOne(cohort, program, { signal }) throws ABORTED on the top-k path', () => {
      const controller = new AbortController();
      controller.abort();
      expect(() =>
        matchOneToOne(cohortOf(records, topK(1)), undefined, {
          ...options,
          signal: controller.signal,
        }),
      ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    });
  });

  describe('program options', () => {
    it('parseProgram accepts matching.denseLimit and matching.candidates and rejects bad ones', () => {
      const ok = parseProgram({ date: '2025-03-15', matching: { denseLimit: 0, candidates: 5 } });
      expect(ok.matching).toMatchObject({ denseLimit: 0, candidates: 5 });
      expect(parseProgram({ date: '2025-03-15' }).matching.denseLimit).toBeUndefined();
      try {
        parseProgram({ date: '2025-03-15', matching: { denseLimit: -1, candidates: 0 } });
        expect.unreachable();
      } catch (error) {
        const paths = (error as { issues: { path: (string | number)[] }[] }).issues.map((i) =>
          i.path.join('.'),
        );
        expect(paths.sort()).toEqual(['matching.candidates', 'matching.denseLimit']);
      }
    });

    it('MATCH_SCALE_DEFAULTS is frozen: 25 million cells, 20 candidates, no pricing', () => {
      expect(Object.isFrozen(MATCH_SCALE_DEFAULTS)).toBe(true);
      expect(MATCH_SCALE_DEFAULTS).toEqual({ denseLimit: 25_000_000, candidates: 20, pricing: 0 });
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchOneToOne } from '../../src/modes/match-one-to-one.js';
import type { MatchObjective, MatchResult } from '../../src/modes/match-result.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf } from '../compatibility/_cohort.js';
import { type Instance, instanceArbitrary, run } from './_support/one-to-one-instances.js';

const OBJECTIVES: readonly MatchObjective[] = ['total', 'coverage', 'fairness'];
const TOLERANCE = 1e-9;

/** Suitable = not blocked and scoring at least minScore. */
function suitable(instance: Instance, mentor: string, mentee: string): boolean {
  const key = `${mentor}|${mentee}`;
  return !instance.blocked.has(key) && instance.table[key] >= instance.minScore;
}

/** Every blocking pair of `result`, straight from the definition, as "mentor|mentee". */
function bruteBlocking(instance: Instance, result: MatchResult): string[] {
  const mentorOf = new Map(result.pairs.map((p) => [p.menteeId, p.mentorId]));
  const out: string[] = [];
  for (const m of [...instance.mentors].sort()) {
    const mine = result.pairs.filter((p) => p.mentorId === m).map((p) => p.score);
    for (const e of [...instance.mentees].sort()) {
      if (!suitable(instance, m, e) || mentorOf.get(e) === m) continue;
      const s = instance.table[`${m}|${e}`];
      const current = mentorOf.has(e)
        ? instance.table[`${mentorOf.get(e)}|${e}`]
        : Number.NEGATIVE_INFINITY;
      const mentorWants = mine.length < instance.capacity[m] || s > Math.min(...mine);
      if (s > current && mentorWants) out.push(`${m}|${e}`);
    }
  }
  return out;
}

describe('matchOneToOne reports', () => {
  it('result.stability lists exactly the blocking pairs (brute force), capped by stabilityLimit', () => {
    fc.assert(
      fc.property(
        instanceArbitrary,
        fc.constantFrom(...OBJECTIVES),
        fc.integer({ min: 0, max: 3 }),
        (instance, objective, limit) => {
          const { result } = run(instance, objective);
          const want = bruteBlocking(instance, result);
          expect(result.stability?.count).toBe(want.length);
          expect(result.stability?.blockingPairs.map((b) => b.participantIds.join('|'))).toEqual(
            want,
          );
          for (const b of result.stability?.blockingPairs ?? []) {
            expect(b.score).toBe(instance.table[b.participantIds.join('|')]);
          }
          const capped = run(instance, objective, instance.records, { stabilityLimit: limit });
          expect(capped.result.stability?.count).toBe(want.length);
          expect(capped.result.stability?.blockingPairs.length).toBe(Math.min(limit, want.length));
        },
      ),
      { numRuns: numRuns(120) },
    );
  });

  it('result.alternatives: the k best other mentors, each swap valid and its delta exact', () => {
    fc.assert(
      fc.property(
        instanceArbitrary,
        fc.constantFrom(...OBJECTIVES),
        fc.integer({ min: 1, max: 3 }),
        (instance, objective, k) => {
          const { result } = run(instance, objective, instance.records, { alternatives: k });
          const alternatives = result.alternatives ?? [];
          expect(alternatives.map((a) => a.participantId)).toEqual([...instance.mentees].sort());
          const total = (pairs: Map<string, string>) =>
            [...pairs].reduce((sum, [e, m]) => sum + instance.table[`${m}|${e}`], 0);
          const current = new Map(result.pairs.map((p) => [p.menteeId, p.mentorId]));
          for (const alt of alternatives) {
            const e = alt.participantId;
            expect(alt.currentPartnerId).toBe(current.get(e) ?? null);
            const expected = instance.mentors
              .filter((m) => m !== alt.currentPartnerId && suitable(instance, m, e))
              .map((m) => instance.table[`${m}|${e}`])
              .sort((a, b) => b - a)
              .slice(0, k);
            expect(alt.options.map((o) => o.score)).toEqual(expected);
            for (const option of alt.options) {
              const next = new Map(current);
              next.set(e, option.partnerId);
              for (const d of option.displaced) {
                if (d.newPartnerId === null) next.delete(d.participantId);
                else next.set(d.participantId, d.newPartnerId);
              }
              // The swap is a valid matching: suitable pairs, capacity respected.
              const load = new Map<string, number>();
              for (const [who, m] of next) {
                expect(suitable(instance, m, who)).toBe(true);
                load.set(m, (load.get(m) ?? 0) + 1);
              }
              for (const [m, n] of load) expect(n).toBeLessThanOrEqual(instance.capacity[m]);
              expect(Math.abs(total(next) - total(current) - option.delta)).toBeLessThan(TOLERANCE);
            }
          }
        },
      ),
      { numRuns: numRuns(120) },
    );
  });

  it('result.stats reports priority-weighted coverage of wanted skills and mean shared minutes', () => {
    const records = [
      {
        id: 'm',
        role: 'mentor',
        skills: {
          offered: [
            { name: 'sql', level: 4 },
            { name: 'react', level: 2 },
          ],
        },
        availability: { timeZone: 'UTC', windows: ['Mon 09:00-11:00'] },
      },
      {
        id: 'e',
        role: 'mentee',
        skills: {
          wanted: [
            { name: 'sql', level: 3, priority: 3 },
            { name: 'react', level: 4, priority: 1 },
            { name: 'go', priority: 1 },
          ],
        },
        availability: { timeZone: 'UTC', windows: ['Mon 10:00-12:00'] },
      },
    ];
    const result = matchOneToOne(cohortOf(records));
    expect(result.pairs).toHaveLength(1);
    // sql covered (level 4 ≥ 3, priority 3); react short of level 4; go not offered.
    expect(result.stats.wantedCoverage).toBeCloseTo(3 / 5, 12);
    expect(result.stats.meanSharedMinutes).toBe(60);
    const none = matchOneToOne(cohortOf([{ id: 'm', role: 'mentor' }]));
    expect(none.stats.wantedCoverage).toBeNull();
    expect(none.stats.meanSharedMinutes).toBeNull();
    expect(none.stability).toEqual({ count: 0, blockingPairs: [] });
  });

  it('matchOneToOne rejects bad alternatives and stabilityLimit values', () => {
    const cohort = cohortOf([{ id: 'm', role: 'mentor' }]);
    expect(() =>
      matchOneToOne(cohort, undefined, { alternatives: -1, stabilityLimit: 0.5 }),
    ).toThrow(/alternatives[\s\S]*|stabilityLimit/);
    try {
      matchOneToOne(cohort, undefined, { alternatives: -1, stabilityLimit: 0.5 });
    } catch (error) {
      expect((error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path[0])).toEqual([
        'alternatives',
        'stabilityLimit',
      ]);
    }
  });
});

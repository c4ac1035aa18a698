import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import type { Constraint } from '../../src/constraints/constraint.js';
import { PeermatchError } from '../../src/errors.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { BUILT_IN_SCORERS } from '../../src/scoring/built-in-scorers.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf, PEOPLE, TAXONOMY } from './_cohort.js';

const small = cohortOf(PEOPLE, TAXONOMY);
const generated = (() => {
  const records = generateParticipantRecords(60, 3).map((r, i) => ({
    ...r,
    optOut: i % 17 === 5,
    avoid: i % 7 === 0 ? [`p${(i + 3) % 60}`] : [],
    safeguarding: { minor: i % 11 === 4 },
  }));
  const program = { ...SAMPLE_PROGRAM, constraints: { sameTeam: true, minimumOverlap: true } };
  return normalizeCohort(parseParticipants(records, program, { unknownFields: 'strip' }), program);
})();

describe('buildCompatibility', () => {
  it('buildCompatibility(cohort) puts givers on rows and receivers on columns, with scores in [0, 1]', () => {
    const m = buildCompatibility(small);
    expect(m.leftIds).toEqual(['ana', 'carla', 'dan']);
    expect(m.rightIds).toEqual(['bo', 'eve']);
    expect(m.scores.length).toBe(6);
    for (const s of m.scores) expect(s >= 0 && s <= 1).toBe(true);
  });

  it("buildCompatibility(cohort).explain('ana', 'bo') sums each scorer's contribution to the cell's score", () => {
    const m = buildCompatibility(small);
    const e = m.explain('ana', 'bo');
    expect(e.allowed).toBe(true);
    expect(e.score).toBeCloseTo(m.scores[0], 12);
    expect(e.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(e.score, 12);
    const skills = e.contributions.find((c) => c.scorer === 'skills');
    // javascript (priority 5) served by react one step down at credit 0.5; public speaking (1) in full.
    expect(skills?.score).toBeCloseTo((5 * 0.5 + 1) / 6, 12);
    expect(skills?.reason).toContain('1 step down the taxonomy');
    expect(e.contributions.find((c) => c.scorer === 'preferences')?.score).toBe(0.75);
    expect(e.percent).toBe(Math.round(e.score * 100));
  });

  it('buildCompatibility(cohort) forbids the reporting line at any depth and names the chain', () => {
    const m = buildCompatibility(small);
    const e = m.explain('carla', 'bo');
    expect(e.allowed).toBe(false);
    expect(e.score).toBe(0);
    expect(e.violations).toEqual([
      {
        rule: 'reportingLine',
        code: 'REPORTING_LINE',
        message: 'carla is in the reporting line of bo (bo → dan → carla)',
      },
    ]);
    expect(m.explain('dan', 'bo').violations[0].message).toBe('dan manages bo');
  });

  it('buildCompatibility(cohort) reports a participant with no allowed partner, and which rule to relax', () => {
    const m = buildCompatibility(small);
    // carla and dan are in bo's reporting line, and nobody has a check valid for eve.
    expect(m.unpartnered.map((u) => u.participantId)).toEqual(['carla', 'dan', 'eve']);
    const [carla, , eve] = m.diagnose().unpartnered;
    expect(carla.excludedBy).toEqual([
      { rule: 'reportingLine', code: 'REPORTING_LINE', count: 1 },
      { rule: 'safeguarding', code: 'SAFEGUARDING', count: 1 },
    ]);
    expect(m.diagnose().summary).toBe(
      '3 participants have no allowed partner; relaxing safeguarding would help 3, reportingLine would help 2',
    );
    expect(eve.excludedBy).toEqual([{ rule: 'safeguarding', code: 'SAFEGUARDING', count: 3 }]);
    expect(eve.relax).toEqual([{ rule: 'safeguarding', gains: 3 }]);
    expect(eve.message).toContain('relaxing safeguarding alone would allow 3');
    // Messages name the partners by the role they all share, as a coordinator would.
    expect(eve.message).toMatch(/^eve has no allowed mentor among 3: /);
    expect(carla.message).toMatch(/^carla has no allowed mentee among 2: /);
  });

  it('buildCompatibility(cohort).diagnose() falls back to "giver" when the other side mixes mentors and peers', () => {
    const records = [...PEOPLE.filter((p) => p.id !== 'dan'), { id: 'pia', role: 'peer' }];
    const eve = buildCompatibility(cohortOf(records, TAXONOMY))
      .diagnose()
      .unpartnered.find((u) => u.participantId === 'eve');
    expect(eve?.message).toMatch(/^eve has no allowed giver among 3: /);
  });

  it('buildCompatibility(cohort) gives neutral 0.5 for missing data and says what is missing', () => {
    const m = buildCompatibility(small);
    const e = m.explain('carla', 'eve');
    const schedule = e.contributions.find((c) => c.scorer === 'schedule');
    expect(schedule?.score).toBe(0.5);
    expect(schedule?.missing.map((x) => x.participantId)).toEqual(['carla', 'eve']);
    expect(schedule?.reason).toMatch(/^neutral: carla gave no availability/);
  });

  it('buildCompatibility(cohort) says a withheld field is withheld, not empty', () => {
    const records = PEOPLE.map((p) => (p.id === 'bo' ? { ...p, consent: ['skills', 'stage'] } : p));
    const m = buildCompatibility(cohortOf(records, TAXONOMY));
    const languages = m.explain('ana', 'bo').contributions.find((c) => c.scorer === 'languages');
    expect(languages?.missing).toEqual([
      { participantId: 'bo', field: 'languages', withheld: true },
    ]);
    expect(languages?.reason).toContain('bo withheld languages');
  });

  it('buildCompatibility(cohort, program, { weights }) rejects a weight for a scorer that does not exist', () => {
    expect(() => buildCompatibility(small, undefined, { weights: { skils: 2 } })).toThrow(
      /skils weighs a scorer that does not exist/,
    );
    try {
      buildCompatibility(small, undefined, { weights: { skils: 2, stage: -1 } });
    } catch (error) {
      expect(PeermatchError.is(error) && error.code).toBe('INVALID_OPTIONS');
      expect((error as PeermatchError).issues.map((i) => i.code)).toEqual([
        'UNKNOWN_SCORER',
        'OUT_OF_RANGE',
      ]);
    }
  });

  it('buildCompatibility(cohort, otherProgram) refuses a program whose taxonomy differs from the one the cohort was normalised with', () => {
    expect(() => buildCompatibility(small, { date: '2025-03-15', stages: ['a', 'b'] })).toThrow(
      /program.stages differs/,
    );
  });

  it('buildCompatibility(cohort, program, { scorers }) rejects a custom scorer that returns NaN or more than 1', () => {
    const bad: Scorer = { name: 'bad', prepare: () => ({ score: () => Number.NaN }) };
    expect(() => buildCompatibility(small, undefined, { scorers: [bad] })).toThrow(
      /scorer "bad" scored/,
    );
  });

  it('buildCompatibility(cohort) throws INVALID_INPUT naming everyone on a managerId cycle', () => {
    const cyclic = cohortOf([
      { id: 'a', role: 'mentor', managerId: 'c' },
      { id: 'b', role: 'mentee', managerId: 'a' },
      { id: 'c', role: 'mentor', managerId: 'b' },
      { id: 'd', role: 'mentee' },
    ]);
    try {
      buildCompatibility(cyclic);
      expect.unreachable();
    } catch (error) {
      expect(PeermatchError.is(error) && error.code).toBe('INVALID_INPUT');
      const issues = (error as PeermatchError).issues;
      expect(issues.map((i) => i.participantId).sort()).toEqual(['a', 'b', 'c']);
      expect(issues[0].code).toBe('MANAGER_CYCLE');
    }
  });

  it('buildCompatibility(cohort) follows a 20,000-deep reporting chain without recursion', () => {
    const n = 20000;
    const records = Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      role: i % 2 === 0 ? 'mentor' : 'mentee',
      ...(i > 0 ? { managerId: `e${i - 1}` } : {}),
    }));
    const cohort = cohortOf(records);
    const m = buildCompatibility(cohort, undefined, {
      left: ['e0', 'e2'],
      right: ['e19999', 'e1'],
    });
    expect(m.explain('e0', 'e19999').violations[0].code).toBe('REPORTING_LINE');
    expect(Array.from(m.allowed)).toEqual([0, 0, 0, 0]);
  });

  it('a forbidden pair stays forbidden whatever the weights and whatever custom scorers do', () => {
    const reference = buildCompatibility(generated);
    const names = BUILT_IN_SCORERS.map((s) => s.name);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), fc.double({ min: 0, max: 10, noNaN: true })),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (weights, constant, vandal) => {
          const custom: Scorer = {
            name: 'custom',
            prepare: () => ({
              score: () => constant,
              fillRow(_l, rights, count, out) {
                out.fill(constant, 0, count);
                // A hostile scorer scribbling over the candidate list it was given.
                if (vandal) rights.fill(0, 0, count);
              },
            }),
          };
          const m = buildCompatibility(generated, undefined, {
            weights: { ...weights, custom: 1 },
            scorers: [custom],
          });
          expect(m.allowed).toEqual(reference.allowed);
          for (let c = 0; c < m.scores.length; c++) {
            if (m.allowed[c] === 0) expect(m.scores[c]).toBe(0);
            else expect(m.scores[c] >= 0 && m.scores[c] <= 1).toBe(true);
          }
        },
      ),
      { numRuns: numRuns(15) },
    );
  });

  it('a custom constraint can forbid pairs but never re-allow one another rule forbids', () => {
    const reference = buildCompatibility(generated);
    const allowAll: Constraint = {
      name: 'allowAll',
      prepare: () => ({
        allows: () => true,
        fillRow: (_l, _r, count, out) => out.fill(1, 0, count),
        violations: () => [],
      }),
    };
    const m = buildCompatibility(generated, undefined, { constraints: [allowAll] });
    expect(m.allowed).toEqual(reference.allowed);
    const oddOnly: Constraint = {
      name: 'oddOnly',
      prepare: ({ cohort }) => ({
        allows: (a, b) => (a + b) % 2 === 1,
        violations: (a, b) =>
          (a + b) % 2 === 1
            ? []
            : [{ rule: 'oddOnly', code: 'EVEN', message: `${cohort.ids[a]} ${cohort.ids[b]}` }],
      }),
    };
    const odd = buildCompatibility(generated, undefined, { constraints: [oddOnly] });
    for (let c = 0; c < odd.allowed.length; c++) {
      const i = odd.left[Math.floor(c / odd.cols)];
      const j = odd.right[c % odd.cols];
      expect(odd.allowed[c]).toBe(reference.allowed[c] === 1 && (i + j) % 2 === 1 ? 1 : 0);
    }
    expect(
      odd.explain(odd.leftIds[0], odd.rightIds[0]).violations.some((v) => v.rule === 'oddOnly'),
    ).toBe((odd.left[0] + odd.right[0]) % 2 === 0);
  });

  it('every cell agrees with explain(): the same score and the same verdict', () => {
    const m = buildCompatibility(generated);
    fc.assert(
      fc.property(fc.nat(m.rows - 1), fc.nat(m.cols - 1), (i, j) => {
        const e = m.explain(m.leftIds[i], m.rightIds[j]);
        expect(e.allowed).toBe(m.allowed[i * m.cols + j] === 1);
        expect(e.score).toBeCloseTo(m.scores[i * m.cols + j], 12);
      }),
      { numRuns: numRuns(150) },
    );
  });

  it('symmetric scorers give the same score both ways in a square matrix', () => {
    const m = buildCompatibility(generated, { ...SAMPLE_PROGRAM, kind: 'skill-swap' });
    expect(m.layout).toBe('square');
    const symmetric = BUILT_IN_SCORERS.filter((s) => s.symmetric).map((s) => s.name);
    fc.assert(
      fc.property(fc.nat(m.rows - 1), fc.nat(m.rows - 1), (i, j) => {
        const a = m.explain(m.leftIds[i], m.leftIds[j]).contributions;
        const b = m.explain(m.leftIds[j], m.leftIds[i]).contributions;
        for (const name of symmetric) {
          expect(a.find((c) => c.scorer === name)?.score).toBe(
            b.find((c) => c.scorer === name)?.score,
          );
        }
      }),
      { numRuns: numRuns(60) },
    );
  });

  it('buildCompatibility(cohort) does not mutate the cohort and is deterministic', () => {
    const before = JSON.stringify(Array.from(generated.capacity)) + generated.ids.join();
    const a = buildCompatibility(generated);
    const b = buildCompatibility(generated);
    expect(a.scores).toEqual(b.scores);
    expect(JSON.stringify(Array.from(generated.capacity)) + generated.ids.join()).toBe(before);
  });

  it('toAssignmentMatrix() marks forbidden cells -Infinity for a maximising solver', () => {
    const m = buildCompatibility(small);
    const { data } = m.toAssignmentMatrix();
    for (let c = 0; c < data.length; c++) {
      expect(data[c]).toBe(m.allowed[c] === 1 ? m.scores[c] : Number.NEGATIVE_INFINITY);
    }
  });
});

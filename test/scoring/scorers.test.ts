import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { parseProgram } from '../../src/profile/parse-program.js';
import { BUILT_IN_SCORERS } from '../../src/scoring/built-in-scorers.js';
import { defaultWeights } from '../../src/scoring/default-weights.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { preferredStageGap } from '../../src/scoring/stage.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';
import { cohortOf, STAGES } from '../compatibility/_cohort.js';

const byName = (name: string): Scorer => BUILT_IN_SCORERS.find((s) => s.name === name) as Scorer;

function pair(
  name: string,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  program: Record<string, unknown> = {},
) {
  const cohort = cohortOf(
    [
      { id: 'a', role: 'mentor', ...a },
      { id: 'b', role: 'mentee', ...b },
    ],
    { stages: STAGES, ...program },
  );
  const prepared = byName(name).prepare({ cohort, program: cohort.program });
  const out = new Float64Array(1);
  prepared.fillRow?.(0, Int32Array.of(1), 1, out);
  const explained = prepared.explain?.(0, 1);
  expect(out[0]).toBeCloseTo(prepared.score(0, 1), 12);
  expect(explained?.score).toBeCloseTo(prepared.score(0, 1), 12);
  return {
    score: prepared.score(0, 1),
    reason: explained?.reason ?? '',
    missing: explained?.missing ?? [],
  };
}

const want = (name: string, level = 3, priority = 3) => ({
  skills: { wanted: [{ name, level, priority }] },
});
const offer = (name: string, level = 3) => ({ skills: { offered: [{ name, level }] } });

describe('built-in scorers', () => {
  it.each([
    ['skills', offer('sql', 5), want('sql', 3), 1],
    ['skills', offer('sql', 2), want('sql', 4), 1 - 0.35 * 2],
    ['skills', offer('go', 5), want('sql', 3), 0],
    ['skills', offer('go', 5), {}, 0.5],
    ['goals', { goals: ['promotion', 'balance'] }, { goals: ['promotion', 'confidence'] }, 0.5],
    ['goals', {}, { goals: ['promotion'] }, 0.5],
    ['interests', { interests: ['chess', 'hiking'] }, { interests: ['chess'] }, 2 / 3],
    ['stage', { stage: 'senior' }, { stage: 'junior' }, 1],
    ['stage', { stage: 'mid' }, { stage: 'junior' }, 0.5],
    ['stage', { stage: 'junior' }, { stage: 'junior' }, 0],
    ['stage', {}, { stage: 'junior' }, 0.5],
    ['languages', { languages: ['en-GB'] }, { languages: ['en-GB', 'de'] }, 1],
    ['languages', { languages: ['en-GB'] }, { languages: ['en-US'] }, 0.8],
    ['languages', { languages: ['fr'] }, { languages: ['de'] }, 0],
    ['preferences', { prefer: ['b'] }, { prefer: ['a'] }, 1],
    ['preferences', { prefer: ['b'] }, {}, 0.75],
    ['preferences', {}, {}, 0.5],
    [
      'communication',
      { communicationStyle: 'direct', learningStyle: 'visual', modes: ['video'] },
      { communicationStyle: 'direct', learningStyle: 'visual', modes: ['video', 'chat'] },
      1,
    ],
    [
      'communication',
      { modes: ['in-person'], location: 'Lisbon' },
      { modes: ['in-person'], location: 'Porto' },
      (0.5 + 0.5 + 0) / 3,
    ],
  ])('%s scores %j with %j as %d', (name, a, b, expected) => {
    expect(pair(name, a as never, b as never).score).toBeCloseTo(expected as number, 12);
  });

  it('skills credits a narrower offered skill at hierarchyCredit per step', () => {
    const program = {
      taxonomy: {
        hierarchyCredit: 0.5,
        skills: [{ name: 'javascript' }, { name: 'react', parent: 'javascript' }],
      },
    };
    const r = pair('skills', offer('react', 5), want('javascript', 3, 5), program);
    expect(r.score).toBe(0.5);
    expect(r.reason).toContain('1 step down the taxonomy');
  });

  it('schedule scores shared minutes against cadence: 60 of 120 needed fortnightly is 0.5', () => {
    const a = { cadence: 'fortnightly', availability: { windows: ['Mon 09:00-10:00'] } };
    const b = { cadence: 'fortnightly', availability: { windows: ['Mon 09:00-11:00'] } };
    const r = pair('schedule', a, b);
    expect(r.score).toBe(0.5);
    expect(r.reason).toBe('60 shared minutes a week of the 120 that meeting fortnightly call for');
  });

  it('schedule is neutral, and says so, when availability is withheld', () => {
    const r = pair(
      'schedule',
      { consent: ['skills'], availability: { windows: ['Mon 09:00-10:00'] } },
      { availability: { windows: ['Mon 09:00-10:00'] } },
    );
    expect(r.score).toBe(0.5);
    expect(r.missing).toEqual([{ participantId: 'a', field: 'availability', withheld: true }]);
  });

  it('reverseMentoring keeps full credit only when the giver is less senior', () => {
    expect(
      pair(
        'reverseMentoring',
        { ...offer('sql'), stage: 'junior' },
        { ...want('sql'), stage: 'staff' },
      ).score,
    ).toBe(1);
    expect(
      pair(
        'reverseMentoring',
        { ...offer('sql'), stage: 'staff' },
        { ...want('sql'), stage: 'junior' },
      ).score,
    ).toBeCloseTo(0.2, 12);
  });

  it('affinity and diversity are opt-in and read only the listed fields', () => {
    const program = { matching: { affinity: ['background'], diversity: ['department'] } };
    const a = { background: ['international student'], department: 'sales' };
    const b = { background: ['international student'], department: 'legal' };
    expect(pair('affinity', a, b, program).score).toBe(1);
    expect(pair('diversity', a, b, program).score).toBe(1);
    expect(pair('affinity', a, b).reason).toContain('opt-in');
  });

  it('every built-in scorer stays in [0, 1] on generated cohorts, and the row fast path equals score()', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const program = {
          ...SAMPLE_PROGRAM,
          matching: {
            diversity: ['department', 'languages'] as ('department' | 'languages')[],
            affinity: ['interests', 'stage'] as ('interests' | 'stage')[],
          },
        };
        const cohort = normalizeCohort(
          parseParticipants(generateParticipantRecords(12, seed), program, {
            unknownFields: 'strip',
          }),
          program,
        );
        const rights = Int32Array.from({ length: 12 }, (_, i) => i);
        const out = new Float64Array(12);
        for (const scorer of BUILT_IN_SCORERS) {
          const prepared = scorer.prepare({ cohort, program: cohort.program });
          for (let l = 0; l < 12; l++) {
            prepared.fillRow?.(l, rights, 12, out);
            for (let r = 0; r < 12; r++) {
              const s = prepared.score(l, r);
              expect(s >= 0 && s <= 1).toBe(true);
              expect(out[r]).toBeCloseTo(s, 12);
              if (scorer.symmetric) expect(prepared.score(r, l)).toBeCloseTo(s, 12);
            }
          }
        }
      }),
      { numRuns: numRuns(10) },
    );
  });

  it('defaultWeights(program) switches skills for reverseMentoring in reverse programs', () => {
    const w = defaultWeights(parseProgram({ date: '2025-03-15', kind: 'reverse' }));
    expect([w.skills, w.reverseMentoring, w.diversity]).toEqual([0, 3, 0]);
    expect(preferredStageGap(parseProgram({ date: '2025-03-15', kind: 'reverse' }))).toBe(-2);
  });
});

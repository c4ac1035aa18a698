import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { PeermatchError } from '../../src/errors.js';
import { matchOneToOne } from '../../src/modes/match-one-to-one.js';
import { PROGRAM_PRESETS, type PresetName, withPreset } from '../../src/modes/presets.js';
import { parseProgram } from '../../src/profile/parse-program.js';
import type { ProgramInput } from '../../src/profile/program-schema.js';
import { cohortOf } from '../compatibility/_cohort.js';

const BASE = { date: '2025-03-15', consentDefault: 'all' } as const;

/** One mentee; `expert` knows the wanted skill, `companion` shares time, language and interests. */
const RECORDS = [
  {
    id: 'newcomer',
    role: 'mentee',
    skills: { wanted: [{ name: 'sql', level: 4, priority: 5 }] },
    interests: ['hiking', 'chess'],
    languages: ['de', 'en'],
    availability: { timeZone: 'UTC', windows: ['Mon-Fri 09:00-17:00'] },
  },
  {
    id: 'expert',
    role: 'mentor',
    skills: { offered: [{ name: 'sql', level: 5 }] },
    interests: ['opera'],
    languages: ['en'],
    availability: { timeZone: 'UTC', windows: ['Mon 09:00-10:30'] },
  },
  {
    id: 'companion',
    role: 'mentor',
    skills: { offered: [{ name: 'python', level: 2 }] },
    interests: ['hiking', 'chess'],
    languages: ['de', 'en'],
    availability: { timeZone: 'UTC', windows: ['Mon-Fri 09:00-17:00'] },
  },
];

/** companion's score minus expert's for the newcomer under `program`. */
function margin(program: ProgramInput): number {
  const matrix = buildCompatibility(cohortOf(RECORDS, BASE), program);
  const score = (id: string) => matrix.explain(id, 'newcomer').score;
  return score('companion') - score('expert');
}

describe('presets', () => {
  it.each(['buddy', 'situational'] as PresetName[])(
    'withPreset(%s, base) parses, keeps the base fields, and lets the base override the preset',
    (name) => {
      const program = parseProgram(withPreset(name, BASE));
      const preset = PROGRAM_PRESETS[name].program;
      expect(program.kind).toBe(preset.kind);
      expect(program.mode).toBe('one-to-one');
      expect(program.date).toBe(BASE.date);
      expect(program.weights).toEqual(preset.weights);
      expect(program.constraints.minimumOverlap).toBe(true);
      expect(program.matching.minimumOverlapMinutes).toBe(preset.matching.minimumOverlapMinutes);
      const tuned = parseProgram(
        withPreset(name, {
          ...BASE,
          weights: { skills: 9 },
          constraints: { minimumOverlap: false },
        }),
      );
      expect(tuned.weights?.skills).toBe(9);
      expect(tuned.weights?.schedule).toBe(preset.weights.schedule);
      expect(tuned.constraints.minimumOverlap).toBe(false);
    },
  );

  it('withPreset does not modify its input, and the presets are frozen', () => {
    const base = { ...BASE, weights: { goals: 2 } };
    const copy = structuredClone(base);
    withPreset('buddy', base);
    expect(base).toEqual(copy);
    expect(Object.isFrozen(PROGRAM_PRESETS.buddy.program.weights)).toBe(true);
    expect(() => withPreset('group' as PresetName, BASE)).toThrow(PeermatchError);
  });

  it('buddy ranks time together and common ground above expertise; situational the reverse', () => {
    const mentoring = margin(BASE);
    const buddy = margin(withPreset('buddy', BASE));
    const situational = margin(withPreset('situational', BASE));
    expect(buddy).toBeGreaterThan(mentoring);
    expect(situational).toBeLessThan(mentoring);
    expect(buddy).toBeGreaterThan(0);
    expect(situational).toBeLessThan(0);
  });

  it("the presets' options drive matchOneToOne to the intended mentor", () => {
    const pick = (name: PresetName) => {
      const program = withPreset(name, BASE);
      const result = matchOneToOne(
        cohortOf(RECORDS, program as never),
        undefined,
        PROGRAM_PRESETS[name].options,
      );
      return result.pairs.map((p) => p.mentorId);
    };
    expect(pick('buddy')).toEqual(['companion']);
    expect(pick('situational')).toEqual(['expert']);
  });
});

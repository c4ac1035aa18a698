import { describe, expect, expectTypeOf, it } from 'vitest';
import { PeermatchError, type PeermatchIssue } from '../../src/errors.js';
import { parseProgram } from '../../src/profile/parse-program.js';
import type { Program } from '../../src/profile/program-schema.js';
import { ProgramSchema } from '../../src/profile/program-schema.js';

function issuesOf(input: unknown): [string, (string | number)[]][] {
  try {
    parseProgram(input);
  } catch (error) {
    if (PeermatchError.is(error)) return error.issues.map((i) => [i.code, [...i.path]]);
    throw error;
  }
  return [];
}

describe('parseProgram', () => {
  it("parseProgram({ date: '2025-03-15' }) fills in safe defaults: strict consent, reporting-line and safeguarding rules on", () => {
    const program = parseProgram({ date: '2025-03-15' });
    expect(program).toMatchObject({
      mode: 'one-to-one',
      timeZone: 'UTC',
      slotMinutes: 15,
      consentDefault: [],
      constraints: { reportingLine: true, safeguarding: true, blockList: true, sameTeam: false },
      group: { min: 3, max: 6 },
      taxonomy: { unknownSkills: 'keep', hierarchyCredit: 0.5 },
    });
  });

  it('parseProgram(program) reports a synonym naming two skills, an unknown parent and a cycle together', () => {
    expect(
      issuesOf({
        date: '2025-03-15',
        taxonomy: {
          skills: [
            { name: 'javascript', synonyms: ['JS'] },
            { name: 'java', synonyms: ['js'] },
            { name: 'react', parent: 'vue' },
            { name: 'a', parent: 'b' },
            { name: 'b', parent: 'a' },
          ],
        },
      }),
    ).toEqual([
      ['DUPLICATE_SKILL', ['taxonomy', 'skills', 1, 'synonyms', 0]],
      ['UNKNOWN_PARENT_SKILL', ['taxonomy', 'skills', 2, 'parent']],
      ['SKILL_CYCLE', ['taxonomy', 'skills', 3, 'parent']],
      ['SKILL_CYCLE', ['taxonomy', 'skills', 4, 'parent']],
    ]);
  });

  it('parseProgram(program) rejects a missing date, repeated stages, a bad zone, a negative weight and group.min > group.max', () => {
    expect(
      issuesOf({
        stages: ['Junior', 'junior'],
        timeZone: 'Nowhere/Land',
        weights: { skills: -1 },
        group: { min: 5, max: 3 },
      }),
    ).toEqual([
      ['MISSING_FIELD', ['date']],
      ['UNKNOWN_TIME_ZONE', ['timeZone']],
      ['OUT_OF_RANGE', ['weights', 'skills']],
    ]);
    expect(
      issuesOf({ date: '2025-01-01', stages: ['Junior', 'junior'], group: { min: 5, max: 3 } }),
    ).toEqual([
      ['DUPLICATE_STAGE', ['stages', 1]],
      ['INVALID_GROUP_SIZE', ['group', 'min']],
    ]);
  });

  it("parseProgram({ date: '2025-02-30' }) rejects an impossible date", () => {
    expect(issuesOf({ date: '2025-02-30' })).toEqual([['INVALID_FORMAT', ['date']]]);
  });

  it('parseProgram(program, { onWarning }) warns about unknown keys, and custom constraint flags are kept', () => {
    const warnings: PeermatchIssue[] = [];
    const program = parseProgram(
      { date: '2025-03-15', taxonmy: {}, constraints: { sameCampus: true } },
      { onWarning: (w) => warnings.push(w) },
    );
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['UNKNOWN_FIELD', ['taxonmy']]]);
    expect(program.constraints.sameCampus).toBe(true);
  });

  it('parseProgram(program) keeps a __proto__ weight as a plain key of a null-prototype record', () => {
    const program = parseProgram(
      JSON.parse('{"date":"2025-03-15","weights":{"__proto__":2,"skills":1}}'),
    );
    expect(Object.getPrototypeOf(program.weights)).toBe(null);
    expect(Object.keys(program.weights ?? {})).toEqual(['__proto__', 'skills']);
  });

  it('ProgramSchema infers the Program type (type test)', () => {
    expectTypeOf(parseProgram).returns.toEqualTypeOf<Program>();
    expectTypeOf<Program['date']>().toEqualTypeOf<string>();
    expectTypeOf<Program['mode']>().toEqualTypeOf<
      'one-to-one' | 'group' | 'reciprocal' | 'rematch'
    >();
    expect(ProgramSchema.safeParse({}).success).toBe(false);
  });
});

describe('parseProgram: matching parameters', () => {
  it('parseProgram({ date }) fills matching defaults and the new rule switches', () => {
    const program = parseProgram({ date: '2025-03-15' });
    expect(program.matching).toEqual({
      minimumOverlapMinutes: 60,
      whenUnknown: 'allow',
      stageTolerance: 2,
      diversity: [],
      affinity: [],
    });
    expect(program.constraints).toMatchObject({
      roles: true,
      capacity: true,
      minimumOverlap: false,
      sharedLanguage: false,
    });
  });

  it('parseProgram({ matching }) canonicalises requiredLanguage and rejects unknown similarity fields', () => {
    expect(
      parseProgram({ date: '2025-03-15', matching: { requiredLanguage: 'EN_gb' } }).matching
        .requiredLanguage,
    ).toBe('en-GB');
    expect(() =>
      parseProgram({ date: '2025-03-15', matching: { diversity: ['salary'], stageTolerance: 0 } }),
    ).toThrow(/matching/);
  });
});

import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PeermatchError, type PeermatchIssue } from '../../src/errors.js';
import {
  DEFAULT_PARSE_PARTICIPANTS_OPTIONS,
  parseParticipants,
} from '../../src/profile/parse-participants.js';
import type { Participant } from '../../src/profile/participant-schema.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';

function errorOf(run: () => unknown): PeermatchError {
  try {
    run();
  } catch (error) {
    if (PeermatchError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a PeermatchError');
}

describe('parseParticipants', () => {
  it("parseParticipants([{ id: 'ana', role: 'mentor' }]) fills in every default", () => {
    const [ana] = parseParticipants([{ id: 'ana', role: 'mentor' }]);
    expect(ana).toEqual({
      id: 'ana',
      role: 'mentor',
      capacity: 1,
      skills: { offered: [], wanted: [] },
      goals: [],
      interests: [],
      background: [],
      languages: [],
      availability: { windows: [] },
      modes: [],
      safeguarding: { minor: false, vulnerable: false },
      optOut: false,
      prefer: [],
      avoid: [],
      previousPartners: [],
    });
  });

  it('parseParticipants(records) canonicalises windows, time zones, languages and levels', () => {
    const [p] = parseParticipants([
      {
        id: ' bo ',
        role: 'peer',
        skills: { offered: [{ name: 'SQL', level: 4 }], wanted: [{ name: 'Go' }] },
        languages: ['EN_gb', 'pt-br'],
        availability: {
          timeZone: 'europe/berlin',
          windows: ['monday-wed 9:00 – 12:30', { days: 'sat', start: '10:00', end: '24:00' }],
        },
      },
    ]);
    expect(p.id).toBe('bo');
    expect(p.languages).toEqual(['en-GB', 'pt-BR']);
    expect(p.availability).toEqual({
      timeZone: 'Europe/Berlin',
      windows: [
        { days: ['mon', 'tue', 'wed'], start: '09:00', end: '12:30' },
        { days: ['sat'], start: '10:00', end: '24:00' },
      ],
    });
    expect(p.skills.wanted).toEqual([{ name: 'Go', level: 3, priority: 3 }]);
  });

  it('parseParticipants(records) reports every problem at once with index, id and path', () => {
    const error = errorOf(() =>
      parseParticipants([
        {
          id: 'ana',
          role: 'mentor',
          skills: { offered: [{ name: 'SQL', level: 7 }] },
          availability: {
            timeZone: 'Mars/Olympus',
            windows: ['Mon 18:00-17:00', 'Xyz 10:00-11:00'],
          },
          languages: ['not a tag!'],
        },
        { id: 'ana', role: 'boss' },
        'hello',
        { role: 'mentee', capacity: -1 },
      ]),
    );
    expect(error.code).toBe('INVALID_INPUT');
    const summary = error.issues.map((i) => [i.code, i.path, i.participantId]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['OUT_OF_RANGE', [0, 'skills', 'offered', 0, 'level'], 'ana'],
        ['UNKNOWN_TIME_ZONE', [0, 'availability', 'timeZone'], 'ana'],
        ['WINDOW_ENDS_BEFORE_START', [0, 'availability', 'windows', 0], 'ana'],
        ['INVALID_WINDOW', [0, 'availability', 'windows', 1], 'ana'],
        ['INVALID_LANGUAGE_TAG', [0, 'languages', 0], 'ana'],
        ['INVALID_VALUE', [1, 'role'], 'ana'],
        ['DUPLICATE_ID', [1, 'id'], 'ana'],
        ['INVALID_TYPE', [2], undefined],
        ['MISSING_FIELD', [3, 'id'], undefined],
        ['OUT_OF_RANGE', [3, 'capacity'], undefined],
      ]),
    );
    expect(error.issues).toHaveLength(10);
    const level = error.issues.find((i) => i.code === 'OUT_OF_RANGE');
    expect(level?.message).toBe(
      'parseParticipants: record 0 ("ana") skills.offered[0].level must be a whole number from 1 to 5, got 7',
    );
    expect(error.message).toContain('ends at 17:00, not after it starts at 18:00');
  });

  it('parseParticipants(notAnArray) throws one INVALID_TYPE issue', () => {
    const error = errorOf(() => parseParticipants({ id: 'x' }));
    expect(error.issues.map((i) => i.code)).toEqual(['INVALID_TYPE']);
  });

  it("parseParticipants(records, program) rejects stages outside the program's ordering and unknown skills when the taxonomy rejects them", () => {
    const program = {
      date: '2025-03-15',
      stages: ['junior', 'senior'],
      consentDefault: 'all' as const,
      taxonomy: {
        skills: [{ name: 'javascript', synonyms: ['JS'] }],
        unknownSkills: 'reject' as const,
      },
    };
    const error = errorOf(() =>
      parseParticipants(
        [
          { id: 'a', role: 'mentor', stage: 'Senior', skills: { offered: [{ name: 'js' }] } },
          { id: 'b', role: 'mentee', stage: 'principal', skills: { wanted: [{ name: 'COBOL' }] } },
        ],
        program,
      ),
    );
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['UNKNOWN_SKILL', [1, 'skills', 'wanted', 0, 'name']],
      ['UNKNOWN_STAGE', [1, 'stage']],
    ]);
  });

  it('parseParticipants(records, badProgram) reports program problems under the path "program"', () => {
    const error = errorOf(() =>
      parseParticipants([{ id: 'a', role: 'peer' }], { date: '15/03/2025' } as never),
    );
    expect(error.issues.map((i) => i.path)).toEqual([['program', 'date']]);
  });

  it('parseParticipants(records, undefined, { onWarning }) warns about a managerId that points at nobody, and still returns data', () => {
    const warnings: PeermatchIssue[] = [];
    const data = parseParticipants(
      [
        { id: 'a', role: 'mentee', managerId: 'ghost', avoid: ['a', 'nobody'] },
        { id: 'b', role: 'mentor', managerId: 'a' },
      ],
      undefined,
      { onWarning: (w) => warnings.push(w) },
    );
    expect(data).toHaveLength(2);
    expect(warnings.map((w) => [w.code, w.path, w.participantId])).toEqual([
      ['UNKNOWN_MANAGER', [0, 'managerId'], 'a'],
      ['SELF_REFERENCE', [0, 'avoid', 0], 'a'],
      ['UNKNOWN_PARTICIPANT', [0, 'avoid', 1], 'a'],
    ]);
  });

  it('parseParticipants(records, program) warns about a background check that expires before the program date', () => {
    const warnings: PeermatchIssue[] = [];
    parseParticipants(
      [
        {
          id: 'm',
          role: 'mentor',
          safeguarding: { backgroundCheck: { expiresOn: '2025-01-31' } },
        },
      ],
      { date: '2025-03-15' },
      { onWarning: (w) => warnings.push(w) },
    );
    expect(warnings.map((w) => w.code)).toEqual(['BACKGROUND_CHECK_EXPIRED']);
  });

  it("parseParticipants(records, undefined, { unknownFields }) strips, warns about or rejects a typo'd field", () => {
    const records = [{ id: 'a', role: 'peer', skils: [] }];
    const warnings: PeermatchIssue[] = [];
    expect(
      parseParticipants(records, undefined, { onWarning: (w) => warnings.push(w) })[0],
    ).not.toHaveProperty('skils');
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['UNKNOWN_FIELD', [0, 'skils']]]);
    const silent: PeermatchIssue[] = [];
    parseParticipants(records, undefined, {
      unknownFields: 'strip',
      onWarning: (w) => silent.push(w),
    });
    expect(silent).toEqual([]);
    const error = errorOf(() => parseParticipants(records, undefined, { unknownFields: 'reject' }));
    expect(error.issues.map((i) => i.code)).toEqual(['UNKNOWN_FIELD']);
  });

  it('parseParticipants(records, undefined, { maxIssues: 5 }) stops early and says the list was cut', () => {
    const records = Array.from({ length: 50 }, () => ({ role: 'nobody' }));
    const error = errorOf(() => parseParticipants(records, undefined, { maxIssues: 5 }));
    expect(error.issues).toHaveLength(6);
    expect(error.issues.at(-1)?.code).toBe('TOO_MANY_ISSUES');
  });

  it('parseParticipants(records, undefined, { maxIssues: 0 }) throws INVALID_OPTIONS', () => {
    expect(errorOf(() => parseParticipants([], undefined, { maxIssues: 0 })).code).toBe(
      'INVALID_OPTIONS',
    );
    expect(Object.isFrozen(DEFAULT_PARSE_PARTICIPANTS_OPTIONS)).toBe(true);
  });

  it('parseParticipants(records) treats __proto__ and constructor as ordinary ids and attribute keys', () => {
    const records = JSON.parse(
      '[{"id":"__proto__","role":"mentor","attributes":{"__proto__":"x","constructor":"y"}},' +
        '{"id":"constructor","role":"mentee","managerId":"__proto__","prefer":["toString"]},' +
        '{"id":"toString","role":"peer"}]',
    );
    const warnings: PeermatchIssue[] = [];
    const data = parseParticipants(records, undefined, { onWarning: (w) => warnings.push(w) });
    expect(data.map((p) => p.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(data[0].attributes ?? {})).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(data[0].attributes)).toBe(null);
    expect(warnings).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    const dup = errorOf(() => parseParticipants([records[0], records[0]]));
    expect(dup.issues.map((i) => [i.code, i.participantId])).toEqual([
      ['DUPLICATE_ID', '__proto__'],
    ]);
  });

  it('parseParticipants(frozenRecords) never mutates its input', () => {
    const records = generateParticipantRecords(30, 7);
    const copy = structuredClone(records);
    const deepFreeze = (value: unknown): unknown => {
      if (typeof value === 'object' && value !== null) {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
      }
      return value;
    };
    deepFreeze(records);
    parseParticipants(records, SAMPLE_PROGRAM);
    expect(records).toEqual(copy);
  });

  it('parseParticipants(arbitrary JSON) returns or throws a PeermatchError, never anything else', () => {
    const record = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor'), fc.jsonValue()),
          role: fc.oneof(fc.constantFrom('mentor', 'mentee', 'peer'), fc.jsonValue()),
          skills: fc.jsonValue(),
          availability: fc.oneof(
            fc.jsonValue(),
            fc.record({
              timeZone: fc.string(),
              windows: fc.array(fc.oneof(fc.string(), fc.jsonValue())),
            }),
          ),
          languages: fc.array(fc.string()),
          attributes: fc.jsonValue(),
          consent: fc.jsonValue(),
          stage: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(record, { maxLength: 5 })), (records) => {
        try {
          const data = parseParticipants(records, undefined, { unknownFields: 'reject' });
          expect(Array.isArray(data)).toBe(true);
        } catch (error) {
          expect(PeermatchError.is(error)).toBe(true);
          expect((error as PeermatchError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: numRuns(300) },
    );
  });

  it('parseParticipants(parseParticipants(records)) returns the same participants (parsing is idempotent)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const once = parseParticipants(generateParticipantRecords(5, seed), SAMPLE_PROGRAM);
        expect(parseParticipants(once, SAMPLE_PROGRAM)).toEqual(once);
      }),
      { numRuns: numRuns(30) },
    );
  });

  it('parseParticipants returns Participant[] (type test)', () => {
    expectTypeOf(parseParticipants).returns.toEqualTypeOf<Participant[]>();
    expectTypeOf<Participant['role']>().toEqualTypeOf<'mentor' | 'mentee' | 'peer'>();
    expectTypeOf<Participant['capacity']>().toEqualTypeOf<number>();
    expectTypeOf<Participant['managerId']>().toEqualTypeOf<string | undefined>();
  });
});

import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PeermatchError } from '../../src/errors.js';
import type { Cohort } from '../../src/profile/cohort.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { CONSENT_FIELD_NAMES } from '../../src/profile/participant-schema.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';

const ALL = { consentDefault: 'all' as const };

function cohortOf(records: unknown[], program: Record<string, unknown>): Cohort {
  const full = { ...ALL, ...program } as never;
  return normalizeCohort(parseParticipants(records, full), full);
}

function intervalsOf(cohort: Cohort, i: number): [number, number][] {
  const { offsets, starts, ends } = cohort.availability.intervals;
  const out: [number, number][] = [];
  for (let k = offsets[i]; k < offsets[i + 1]; k++) out.push([starts[k], ends[k]]);
  return out;
}

function listOf(lists: { offsets: Int32Array; values: Int32Array }, i: number): number[] {
  return [...lists.values.subarray(lists.offsets[i], lists.offsets[i + 1])];
}

function overlapSlots(cohort: Cohort, a: number, b: number): number {
  const { bits, words } = cohort.availability;
  let count = 0;
  for (let w = 0; w < words; w++) {
    let x = bits[a * words + w] & bits[b * words + w];
    while (x !== 0) {
      x &= x - 1;
      count++;
    }
  }
  return count;
}

const NY_LONDON = [
  {
    id: 'ny',
    role: 'mentor',
    availability: { timeZone: 'America/New_York', windows: ['Mon 09:00-10:00'] },
  },
  {
    id: 'ldn',
    role: 'mentee',
    availability: { timeZone: 'Europe/London', windows: ['Mon 13:00-14:00'] },
  },
];

describe('normalizeCohort', () => {
  it("normalizeCohort(nyAndLondon, { date: '2025-03-15' }) overlaps them: New York is on EDT, London not yet on BST", () => {
    const cohort = cohortOf(NY_LONDON, { date: '2025-03-15' });
    expect(intervalsOf(cohort, 0)).toEqual([[13 * 60, 14 * 60]]);
    expect(intervalsOf(cohort, 1)).toEqual([[13 * 60, 14 * 60]]);
    expect([...cohort.availability.utcOffset]).toEqual([-240, 0]);
    expect(overlapSlots(cohort, 0, 1)).toBe(4);
  });

  it("normalizeCohort(nyAndLondon, { date: '2025-03-01' }) does not overlap them: both on standard time, five hours apart", () => {
    const cohort = cohortOf(NY_LONDON, { date: '2025-03-01' });
    expect(intervalsOf(cohort, 0)).toEqual([[14 * 60, 15 * 60]]);
    expect(overlapSlots(cohort, 0, 1)).toBe(0);
  });

  it("normalizeCohort(nyAndLondon, { date: '2025-04-01' }) does not overlap them: both on summer time", () => {
    const cohort = cohortOf(NY_LONDON, { date: '2025-04-01' });
    expect([...cohort.availability.utcOffset]).toEqual([-240, 60]);
    expect(intervalsOf(cohort, 1)).toEqual([[12 * 60, 13 * 60]]);
    expect(overlapSlots(cohort, 0, 1)).toBe(0);
  });

  it('normalizeCohort(records, program) wraps Monday 00:30 in Berlin round to Sunday 23:30 UTC and merges touching windows', () => {
    const cohort = cohortOf(
      [
        {
          id: 'b',
          role: 'peer',
          availability: {
            timeZone: 'Europe/Berlin',
            windows: ['Mon 00:00-01:30', 'Mon 01:30-02:00', 'Mon 01:00-01:45'],
          },
        },
      ],
      { date: '2025-01-15' },
    );
    expect(intervalsOf(cohort, 0)).toEqual([
      [0, 60],
      [10080 - 60, 10080],
    ]);
    expect(cohort.availability.minutes[0]).toBe(120);
  });

  it('normalizeCohort(records, { slotMinutes: 15 }) sets only whole slots in the bitset and keeps slivers in the exact intervals', () => {
    const cohort = cohortOf(
      [{ id: 'a', role: 'peer', availability: { timeZone: 'UTC', windows: ['Mon 09:05-09:40'] } }],
      { date: '2025-01-15', slotMinutes: 15 },
    );
    const { bits, words, slotsPerWeek } = cohort.availability;
    expect(words).toBe(Math.ceil(slotsPerWeek / 32));
    const set: number[] = [];
    for (let k = 0; k < slotsPerWeek; k++) if (bits[k >>> 5] & (1 << (k & 31))) set.push(k);
    expect(set).toEqual([(9 * 60 + 15) / 15]);
    expect(cohort.availability.minutes[0]).toBe(35);
  });

  it('normalizeCohort(records, program) folds skills through NFKC, case, whitespace and synonyms, and merges repeats at the highest level', () => {
    const cohort = cohortOf(
      [
        {
          id: 'a',
          role: 'mentor',
          skills: {
            offered: [
              { name: 'ＪＳ', level: 2 },
              { name: '  JavaScript ', level: 4 },
              { name: 'Machine_Learning', level: 3 },
            ],
          },
        },
      ],
      {
        date: '2025-01-15',
        taxonomy: {
          skills: [{ name: 'javascript', synonyms: ['js'] }, { name: 'machine learning' }],
        },
      },
    );
    expect(cohort.skills.names).toEqual(['javascript', 'machine learning']);
    expect(listOf(cohort.offered, 0)).toEqual([0, 1]);
    expect([...cohort.offered.levels]).toEqual([4, 3]);
  });

  it('normalizeCohort(records, program) lets an offered react serve a wanted javascript one step up the hierarchy', () => {
    const cohort = cohortOf(
      [
        { id: 'm', role: 'mentor', skills: { offered: [{ name: 'React', level: 5 }] } },
        { id: 'e', role: 'mentee', skills: { wanted: [{ name: 'JavaScript', priority: 5 }] } },
      ],
      {
        date: '2025-01-15',
        taxonomy: {
          skills: [{ name: 'javascript' }, { name: 'react', parent: 'javascript' }],
          hierarchyCredit: 0.6,
        },
      },
    );
    expect(listOf(cohort.offeredClosure, 0)).toEqual([0, 1]);
    expect([...cohort.offeredClosure.distances.subarray(0, 2)]).toEqual([1, 0]);
    expect([...cohort.offeredClosure.levels.subarray(0, 2)]).toEqual([5, 5]);
    expect(listOf(cohort.wanted, 1)).toEqual([0]);
    expect(cohort.wanted.priorities[0]).toBe(5);
    expect(cohort.skills.hierarchyCredit).toBe(0.6);
    expect([...cohort.skills.parent]).toEqual([-1, 0]);
  });

  it('normalizeCohort(records, { taxonomy: { unknownSkills } }) keeps, drops (with a warning) or rejects skills outside the taxonomy', () => {
    const records = [
      { id: 'a', role: 'mentor', skills: { offered: [{ name: 'COBOL' }, { name: 'sql' }] } },
    ];
    const taxonomy = { skills: [{ name: 'sql' }] };
    const keep = cohortOf(records, { date: '2025-01-15', taxonomy });
    expect(keep.skills.names).toEqual(['sql', 'cobol']);
    expect(keep.skills.taxonomySize).toBe(1);
    const drop = cohortOf(records, {
      date: '2025-01-15',
      taxonomy: { ...taxonomy, unknownSkills: 'drop' },
    });
    expect(listOf(drop.offered, 0)).toEqual([0]);
    expect(drop.warnings.map((w) => [w.code, w.path])).toEqual([
      ['UNKNOWN_SKILL_DROPPED', [0, 'skills', 'offered', 0, 'name']],
    ]);
    const parsed = parseParticipants(records);
    expect(() =>
      normalizeCohort(parsed, {
        date: '2025-01-15',
        consentDefault: 'all',
        taxonomy: { ...taxonomy, unknownSkills: 'reject' },
      }),
    ).toThrow(/COBOL/);
  });

  it('normalizeCohort(records, program) drops every field a participant did not consent to, before any scorer can see it', () => {
    const secret = {
      id: 's',
      role: 'mentee',
      consent: ['skills'],
      skills: { wanted: [{ name: 'sql' }] },
      goals: ['promotion'],
      interests: ['chess'],
      background: ['international-student'],
      stage: 'junior',
      department: 'Legal',
      team: 'Contracts',
      managerId: 'open',
      location: 'Paris',
      languages: ['fr'],
      availability: { timeZone: 'Europe/Paris', windows: ['Mon 09:00-10:00'] },
      cadence: 'weekly',
      modes: ['video'],
      communicationStyle: 'direct',
      learningStyle: 'visual',
      attributes: { faith: 'x' },
    };
    const open = { ...secret, id: 'open', consent: 'all', managerId: undefined };
    const cohort = cohortOf([secret, open], { date: '2025-01-15', consentDefault: [] });
    const shown = cohort.profiles[0];
    for (const key of [
      'goals',
      'interests',
      'background',
      'stage',
      'department',
      'team',
      'managerId',
      'location',
      'languages',
      'availability',
      'cadence',
      'sessionMinutes',
      'modes',
      'communicationStyle',
      'learningStyle',
      'attributes',
    ]) {
      expect(shown).not.toHaveProperty(key);
    }
    expect(shown.skills?.wanted).toHaveLength(1);
    expect(listOf(cohort.goals, 0)).toEqual([]);
    expect(listOf(cohort.languages, 0)).toEqual([]);
    expect(intervalsOf(cohort, 0)).toEqual([]);
    expect([
      cohort.stageLabel[0],
      cohort.department[0],
      cohort.team[0],
      cohort.location[0],
      cohort.manager[0],
    ]).toEqual([-1, -1, -1, -1, -1]);
    expect([cohort.modes[0], cohort.cadence[0], cohort.communicationStyle[0]]).toEqual([0, 0, -1]);
    const withheld = CONSENT_FIELD_NAMES.filter((_, k) => cohort.withheld[0] & (1 << k));
    expect(withheld).toEqual(CONSENT_FIELD_NAMES.filter((f) => f !== 'skills'));
    // Nothing of the withheld data reached a vocabulary either.
    expect(cohort.vocabularies.departments.names).toEqual(['legal']);
    expect(cohort.vocabularies.languages.names).toEqual(['fr']);
    expect(cohort.withheld[1]).toBe(0);
    expect(listOf(cohort.goals, 1)).toHaveLength(1);
  });

  it('normalizeCohort(recordsWithoutConsent, program) applies program.consentDefault and warns CONSENT_MISSING', () => {
    const cohort = cohortOf([{ id: 'a', role: 'peer', goals: ['x'], languages: ['de'] }], {
      date: '2025-01-15',
      consentDefault: ['languages'],
    });
    expect(listOf(cohort.goals, 0)).toEqual([]);
    expect(listOf(cohort.languages, 0)).toEqual([0]);
    expect(cohort.warnings.map((w) => w.code)).toEqual(['CONSENT_MISSING']);
    expect(cohort.warnings[0].message).toContain('goals');
  });

  it('normalizeCohort(records, { stages }) maps stages to ordinals, case-insensitively', () => {
    const cohort = cohortOf(
      [
        { id: 'a', role: 'mentor', stage: 'Senior' },
        { id: 'b', role: 'mentee', stage: 'junior' },
        { id: 'c', role: 'peer', stage: 2 },
        { id: 'd', role: 'peer' },
      ],
      { date: '2025-01-15', stages: ['junior', '2', 'senior'] },
    );
    expect([...cohort.stage]).toEqual([2, 0, 1, -1]);
  });

  it('normalizeCohort(records, program) keeps canonical language tags and their primary subtags', () => {
    const cohort = cohortOf(
      [
        { id: 'a', role: 'mentor', languages: ['en-GB', 'de'] },
        { id: 'b', role: 'mentee', languages: ['EN_us'] },
      ],
      { date: '2025-01-15' },
    );
    expect(cohort.vocabularies.languages.names).toEqual(['en-GB', 'de', 'en-US']);
    expect(cohort.vocabularies.baseLanguages.names).toEqual(['en', 'de']);
    expect(listOf(cohort.baseLanguages, 1)).toEqual([0]);
  });

  it('normalizeCohort(records, program) resolves managers, preferences and block lists to indices, ignoring unknown ids', () => {
    const cohort = cohortOf(
      [
        { id: 'boss', role: 'mentor' },
        {
          id: '__proto__',
          role: 'mentee',
          managerId: 'boss',
          avoid: ['boss', 'ghost'],
          prefer: ['constructor'],
        },
        { id: 'constructor', role: 'peer', previousPartners: ['__proto__', 'constructor'] },
      ],
      { date: '2025-01-15' },
    );
    expect([...cohort.manager]).toEqual([-1, 0, -1]);
    expect(listOf(cohort.avoid, 1)).toEqual([0]);
    expect(listOf(cohort.prefer, 1)).toEqual([2]);
    expect(listOf(cohort.previousPartners, 2)).toEqual([1]);
    expect(cohort.indexOf.get('__proto__')).toBe(1);
  });

  it('normalizeCohort(participants, program) reports duplicate ids and unknown stages together', () => {
    const participants = parseParticipants([
      { id: 'a', role: 'mentor', stage: 'wizard' },
      { id: 'b', role: 'mentee' },
    ]);
    try {
      normalizeCohort([...participants, participants[1]], {
        date: '2025-01-15',
        stages: ['junior'],
        consentDefault: 'all',
      });
      expect.unreachable();
    } catch (error) {
      expect(PeermatchError.is(error)).toBe(true);
      expect((error as PeermatchError).issues.map((i) => i.code)).toEqual([
        'DUPLICATE_ID',
        'UNKNOWN_STAGE',
      ]);
    }
  });

  it('normalizeCohort(participants, { date }) flags background checks valid at the program date only', () => {
    const cohort = cohortOf(
      [
        { id: 'a', role: 'mentor', safeguarding: { backgroundCheck: { expiresOn: '2025-03-15' } } },
        { id: 'b', role: 'mentor', safeguarding: { backgroundCheck: { expiresOn: '2025-03-14' } } },
        { id: 'c', role: 'mentee', safeguarding: { minor: true } },
      ],
      { date: '2025-03-15' },
    );
    expect([...cohort.backgroundCheckValid]).toEqual([1, 0, 0]);
    expect([...cohort.minor]).toEqual([0, 0, 1]);
  });

  it('normalizeCohort(parseParticipants(valid)) keeps the meaning of every participant (ids, roles, skills, windows)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const records = generateParticipantRecords(8, seed);
        const participants = parseParticipants(records, SAMPLE_PROGRAM);
        const before = structuredClone(participants);
        const cohort = normalizeCohort(participants, SAMPLE_PROGRAM);
        expect(participants).toEqual(before);
        expect(cohort.ids).toEqual(participants.map((p) => p.id));
        participants.forEach((p, i) => {
          expect(['mentor', 'mentee', 'peer'][cohort.role[i]]).toBe(p.role);
          const names = new Set(listOf(cohort.offered, i).map((id) => cohort.skills.names[id]));
          const lookup = new Map<string, string>();
          for (const s of SAMPLE_PROGRAM.taxonomy?.skills ?? []) {
            lookup.set(s.name, s.name);
            for (const syn of s.synonyms ?? []) lookup.set(syn.toLowerCase(), s.name);
          }
          const expected = new Set(
            p.skills.offered.map((s) => lookup.get(s.name.toLowerCase()) ?? s.name.toLowerCase()),
          );
          expect(names).toEqual(expected);
          // Bitset and intervals agree: every set slot lies inside some interval.
          const { bits, words, slotMinutes, slotsPerWeek } = cohort.availability;
          const intervals = intervalsOf(cohort, i);
          for (let k = 0; k < slotsPerWeek; k++) {
            const on = (bits[i * words + (k >>> 5)] & (1 << (k & 31))) !== 0;
            const inside = intervals.some(
              ([s, e]) => s <= k * slotMinutes && (k + 1) * slotMinutes <= e,
            );
            expect(on).toBe(inside);
          }
        });
      }),
      { numRuns: numRuns(20) },
    );
  });

  it('normalizeCohort returns a Cohort (type test)', () => {
    expectTypeOf(normalizeCohort).returns.toEqualTypeOf<Cohort>();
    expectTypeOf<Cohort['availability']['bits']>().toEqualTypeOf<Uint32Array>();
    expectTypeOf<Cohort['profiles'][number]['languages']>().toEqualTypeOf<string[] | undefined>();
  });
});

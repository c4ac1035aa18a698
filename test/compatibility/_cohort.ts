import type { Cohort } from '../../src/profile/cohort.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';

/** A cohort from plain records; every field shared unless a record says otherwise. */
export function cohortOf(records: unknown[], program: Record<string, unknown> = {}): Cohort {
  const full = { date: '2025-03-15', consentDefault: 'all', ...program } as never;
  return normalizeCohort(parseParticipants(records, full, { unknownFields: 'strip' }), full);
}

export const STAGES = ['intern', 'junior', 'mid', 'senior', 'staff'];

/** A small, realistic mentoring cohort. */
export const PEOPLE = [
  {
    id: 'ana',
    role: 'mentor',
    capacity: 2,
    stage: 'senior',
    skills: {
      offered: [
        { name: 'react', level: 5 },
        { name: 'public speaking', level: 4 },
      ],
    },
    goals: ['promotion', 'networking'],
    interests: ['chess', 'hiking'],
    languages: ['en-GB', 'pt-BR'],
    communicationStyle: 'direct',
    modes: ['video'],
    cadence: 'fortnightly',
    availability: { timeZone: 'Europe/London', windows: ['Mon 09:00-11:00'] },
    department: 'engineering',
    team: 'web',
  },
  {
    id: 'bo',
    role: 'mentee',
    stage: 'junior',
    skills: {
      wanted: [
        { name: 'javascript', level: 3, priority: 5 },
        { name: 'public speaking', level: 3, priority: 1 },
      ],
    },
    goals: ['promotion', 'confidence'],
    interests: ['chess'],
    languages: ['en-US'],
    communicationStyle: 'direct',
    modes: ['video'],
    cadence: 'fortnightly',
    availability: { timeZone: 'Europe/London', windows: ['Mon 10:00-12:00'] },
    department: 'sales',
    team: 'emea',
    managerId: 'dan',
    prefer: ['ana'],
  },
  { id: 'carla', role: 'mentor', stage: 'staff', department: 'sales', team: 'lead' },
  {
    id: 'dan',
    role: 'mentor',
    stage: 'mid',
    managerId: 'carla',
    department: 'sales',
    team: 'emea',
  },
  { id: 'eve', role: 'mentee', stage: 'intern', safeguarding: { minor: true } },
];

export const TAXONOMY = {
  stages: STAGES,
  taxonomy: {
    skills: [
      { name: 'javascript', synonyms: ['JS'] },
      { name: 'react', parent: 'javascript' },
    ],
  },
};

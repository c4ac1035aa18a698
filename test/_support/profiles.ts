/**
 * Deterministic generators of participant records and programs, shared by the profile tests
 * and `bench/profile.ts`. Plain JSON, as a sign-up form or HR export would give.
 */

import type { ProgramInput } from '../../src/profile/program-schema.js';

const SKILLS = [
  'JavaScript',
  'TypeScript',
  'React',
  'SQL',
  'Python',
  'public speaking',
  'leadership',
  'negotiation',
  'data analysis',
  'machine learning',
  'Go',
  'Rust',
  'UX research',
  'writing',
  'finance',
  'people management',
  'Kubernetes',
  'product strategy',
  'JS',
  'ts',
];
const ZONES = [
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
  'America/Sao_Paulo',
  'Africa/Nairobi',
];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LANGS = ['en', 'en-GB', 'de', 'fr', 'es', 'pt-BR', 'hi', 'ja', 'zh-Hant', 'sw'];
const STAGES = ['intern', 'junior', 'mid', 'senior', 'staff'];
const TAGS = ['promotion', 'career change', 'confidence', 'networking', 'onboarding', 'balance'];

/** Mulberry32: a tiny seeded generator, so every run sees the same cohort. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The program the generated records are meant for. */
export const SAMPLE_PROGRAM: ProgramInput = {
  date: '2025-03-15',
  stages: STAGES,
  consentDefault: 'all',
  taxonomy: {
    skills: [
      { name: 'javascript', synonyms: ['JS', 'ECMAScript'] },
      { name: 'typescript', synonyms: ['ts'], parent: 'javascript' },
      { name: 'react', parent: 'javascript' },
      { name: 'sql' },
      { name: 'python' },
      { name: 'machine learning', synonyms: ['ML'], parent: 'python' },
    ],
  },
};

/** `count` valid participant records; about a tenth withhold some fields through `consent`. */
export function generateParticipantRecords(count: number, seed = 1): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const some = <T>(list: readonly T[], max: number): T[] => {
    const out = new Set<T>();
    const k = 1 + Math.floor(random() * max);
    for (let i = 0; i < k; i++) out.add(pick(list));
    return [...out];
  };
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const role = random() < 0.3 ? 'mentor' : random() < 0.8 ? 'mentee' : 'peer';
    const start = 6 + Math.floor(random() * 12);
    const windows = [
      `${pick(DAYS)} ${start}:00-${start + 2}:30`,
      `${pick(DAYS)}-${pick(DAYS)} 18:00-20:00`,
    ];
    const record: Record<string, unknown> = {
      id: `p${i}`,
      role,
      capacity: role === 'mentor' ? 1 + Math.floor(random() * 3) : 1,
      name: `Person ${i}`,
      skills: {
        offered: some(SKILLS, 4).map((name) => ({ name, level: 1 + Math.floor(random() * 5) })),
        wanted: some(SKILLS, 3).map((name) => ({ name, priority: 1 + Math.floor(random() * 5) })),
      },
      goals: some(TAGS, 2),
      interests: some(TAGS, 2),
      stage: pick(STAGES),
      department: `dept ${i % 17}`,
      team: `team ${i % 101}`,
      managerId: i > 10 && random() < 0.7 ? `p${Math.floor(random() * 10)}` : undefined,
      languages: some(LANGS, 2),
      availability: { timeZone: pick(ZONES), windows },
      modes: ['video'],
      cadence: 'fortnightly',
    };
    if (random() < 0.1) record.consent = ['skills', 'availability', 'languages'];
    if (record.managerId === undefined) delete record.managerId;
    records.push(record);
  }
  return records;
}

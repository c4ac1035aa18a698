/**
 * Generates the bundled sample cohorts, deterministically (a seeded generator: the same files on
 * every run). Run it after changing it: `npx tsx examples/cohorts/generate.ts`.
 *
 * - `company.*`: 240 employees of a software company in seven departments and seven offices
 *   (London, Berlin, New York, San Francisco, Bengaluru, Singapore, São Paulo); heads of
 *   department, team leads and their reports (`managerId`), mentors with capacity, a few people
 *   who opted out or asked not to meet someone.
 * - `campus.*`: 160 people of a university buddy programme: first-year newcomers (some of them
 *   16 or 17 years old, some international students still at home), upper-year buddies and
 *   staff, with background checks valid, expired or missing.
 *
 * Each cohort is written as CSV (the column convention of docs/csv.md), as JSON, and with its
 * program file.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(20260316);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const chance = (p: number) => random() < p;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
function some<T>(list: readonly T[], lo: number, hi: number): T[] {
  const out = new Set<T>();
  const k = between(lo, hi);
  while (out.size < Math.min(k, list.length)) out.add(pick(list));
  return [...out];
}

const FIRST = [
  'Amara',
  'Bao',
  'Carmen',
  'Dev',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jo',
  'Kai',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Xavi',
  'Yara',
  'Zoe',
  'Aiko',
  'Bruno',
  'Chloé',
  'Dara',
  'Emeka',
  'Freya',
  'Goran',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lucía',
  'Mina',
  'Nils',
  'Olu',
  'Paulo',
  'Rhea',
  'Sven',
  'Tariq',
];
const LAST = [
  'Adeyemi',
  'Becker',
  'Chen',
  'Dubois',
  'Ekström',
  'Fernandes',
  'García',
  'Hoang',
  'Iyer',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Mensah',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
  'Silva',
  'Tanaka',
  'Urban',
  'Virtanen',
  'Walsh',
  'Yilmaz',
  'Zhou',
];
const name = () => `${pick(FIRST)} ${pick(LAST)}`;

type Rec = Record<string, unknown>;

// --- company -------------------------------------------------------------------------------

const OFFICES = [
  { location: 'London', timeZone: 'Europe/London', languages: ['en'] },
  { location: 'Berlin', timeZone: 'Europe/Berlin', languages: ['de', 'en'] },
  { location: 'New York', timeZone: 'America/New_York', languages: ['en', 'es'] },
  { location: 'San Francisco', timeZone: 'America/Los_Angeles', languages: ['en'] },
  { location: 'Bengaluru', timeZone: 'Asia/Kolkata', languages: ['en', 'hi', 'kn'] },
  { location: 'Singapore', timeZone: 'Asia/Singapore', languages: ['en', 'zh'] },
  { location: 'São Paulo', timeZone: 'America/Sao_Paulo', languages: ['pt', 'en'] },
];
const DEPARTMENTS: Record<string, string[]> = {
  engineering: ['typescript', 'react', 'go', 'system design', 'kubernetes', 'testing'],
  data: ['python', 'sql', 'machine learning', 'statistics', 'data visualisation'],
  product: ['product strategy', 'user research', 'roadmapping', 'sql'],
  design: ['ux design', 'user research', 'accessibility', 'prototyping'],
  sales: ['negotiation', 'public speaking', 'account planning'],
  finance: ['financial modelling', 'sql', 'forecasting'],
  people: ['coaching', 'people management', 'public speaking'],
};
const GENERAL = ['people management', 'public speaking', 'career growth', 'writing', 'negotiation'];
const COMPANY_STAGES = ['intern', 'junior', 'mid', 'senior', 'staff', 'principal'];
const GOALS = ['promotion', 'leadership', 'career change', 'confidence', 'networking', 'balance'];
const INTERESTS = ['running', 'chess', 'cooking', 'music', 'climbing', 'books', 'gaming', 'travel'];
const STYLES = ['direct', 'reflective', 'structured', 'informal'];

function officeWindows(): string[] {
  const start = between(8, 15);
  const days = pick(['Mon-Fri', 'Mon-Thu', 'Tue-Thu', 'Mon, Wed, Fri', 'Tue, Thu']);
  const windows = [`${days} ${String(start).padStart(2, '0')}:00-${start + 2}:00`];
  if (chance(0.3)) windows.push(`${pick(['Mon', 'Wed', 'Thu'])} 17:30-19:00`);
  return windows;
}

function generateCompany(): Rec[] {
  const people: Rec[] = [];
  let n = 0;
  const id = (dept: string) => `${dept.slice(0, 3)}-${String(++n).padStart(3, '0')}`;
  for (const dept of Object.keys(DEPARTMENTS)) {
    const size = dept === 'engineering' ? 70 : dept === 'data' ? 36 : between(20, 30);
    const headOffice = pick(OFFICES);
    const head: Rec = {
      id: id(dept),
      role: 'mentor',
      capacity: 1,
      name: name(),
      stage: 'principal',
      department: dept,
      team: `${dept} leadership`,
      location: headOffice.location,
    };
    people.push(head);
    const leads: Rec[] = [];
    const teams = Math.max(2, Math.round(size / 12));
    for (let t = 0; t < teams; t++) {
      const office = pick(OFFICES);
      leads.push({
        id: id(dept),
        role: 'mentor',
        capacity: between(1, 2),
        name: name(),
        stage: pick(['senior', 'staff']),
        department: dept,
        team: `${dept} ${t + 1}`,
        managerId: head.id,
        location: office.location,
      });
    }
    people.push(...leads);
    for (let k = people.filter((p) => p.department === dept).length; k < size; k++) {
      const lead = pick(leads);
      const office = chance(0.7)
        ? OFFICES.find((o) => o.location === lead.location)!
        : pick(OFFICES);
      const stage = pick([
        'intern',
        'junior',
        'junior',
        'mid',
        'mid',
        'mid',
        'senior',
        'senior',
        'staff',
      ]);
      const seniority = COMPANY_STAGES.indexOf(stage);
      people.push({
        id: id(dept),
        role: seniority >= 3 ? (chance(0.75) ? 'mentor' : 'mentee') : 'mentee',
        capacity: seniority >= 3 ? between(1, 3) : 1,
        name: name(),
        stage,
        department: dept,
        team: lead.team,
        managerId: lead.id,
        location: office.location,
      });
    }
  }
  for (const person of people) {
    const office = OFFICES.find((o) => o.location === person.location)!;
    const dept = DEPARTMENTS[person.department as string];
    const mentor = person.role === 'mentor';
    const seniority = COMPANY_STAGES.indexOf(person.stage as string);
    person.email = `${(person.name as string).toLowerCase().replace(/[^a-z]+/g, '.')}.${(person.id as string).slice(4)}@example.com`;
    person.skills = mentor
      ? {
          offered: some([...dept, ...GENERAL], 2, 4).map((skill) => ({
            name: skill,
            level: Math.min(5, between(3, 4) + (seniority >= 4 ? 1 : 0)),
          })),
        }
      : {
          offered: chance(0.4) ? [{ name: pick(dept), level: between(2, 3) }] : [],
          wanted: some(chance(0.75) ? dept : [...dept, ...GENERAL], 1, 3).map((skill) => ({
            name: skill,
            level: between(3, 4),
            priority: between(2, 5),
          })),
        };
    person.goals = some(GOALS, 1, 2);
    if (chance(0.6)) person.interests = some(INTERESTS, 1, 2);
    person.languages = chance(0.85)
      ? some(office.languages, 1, 2).concat(office.languages.includes('en') ? [] : ['en'])
      : [pick(office.languages)];
    person.availability = { timeZone: office.timeZone, windows: officeWindows() };
    person.modes = chance(0.3) ? ['video', 'in-person'] : ['video'];
    person.cadence = pick(['weekly', 'fortnightly', 'fortnightly', 'monthly']);
    if (chance(0.5)) person.communicationStyle = pick(STYLES);
    if (chance(0.03)) person.optOut = true;
  }
  // A few people ask not to be paired with a named colleague (a block list).
  for (let k = 0; k < 6; k++) {
    const a = pick(people);
    const b = pick(people);
    if (a !== b) a.avoid = [...((a.avoid as string[]) ?? []), b.id as string];
  }
  // Field order as a form would give it.
  const order = [
    'id',
    'role',
    'capacity',
    'name',
    'email',
    'stage',
    'department',
    'team',
    'managerId',
    'location',
  ];
  return people.map((p) =>
    Object.fromEntries([
      ...order.filter((k) => k in p).map((k) => [k, p[k]]),
      ...Object.entries(p).filter(([k]) => !order.includes(k)),
    ]),
  );
}

const companyProgram = {
  name: 'Northwind engineering & business mentoring, spring 2026',
  date: '2026-03-16',
  mode: 'one-to-one',
  kind: 'mentoring',
  timeZone: 'Europe/London',
  stages: COMPANY_STAGES,
  consentDefault: 'all',
  taxonomy: {
    skills: [
      { name: 'javascript', synonyms: ['JS'] },
      { name: 'typescript', synonyms: ['TS'], parent: 'javascript' },
      { name: 'react', parent: 'javascript' },
      { name: 'python', synonyms: ['py'] },
      { name: 'machine learning', synonyms: ['ML'], parent: 'python' },
      { name: 'sql' },
      { name: 'go', synonyms: ['golang'] },
      { name: 'kubernetes', synonyms: ['k8s'] },
      { name: 'user research', synonyms: ['UX research'] },
    ],
    unknownSkills: 'keep',
  },
  constraints: {
    reportingLine: true,
    sameManager: true,
    sameTeam: true,
    minimumOverlap: true,
    sharedLanguage: true,
  },
  matching: { minimumOverlapMinutes: 60 },
};

// --- campus --------------------------------------------------------------------------------

const HOME = [
  { timeZone: 'Europe/London', languages: ['en'], background: [] as string[] },
  { timeZone: 'Europe/London', languages: ['en'], background: [] },
  { timeZone: 'Europe/London', languages: ['en', 'cy'], background: [] },
  { timeZone: 'Asia/Shanghai', languages: ['zh', 'en'], background: ['international-student'] },
  { timeZone: 'Asia/Kolkata', languages: ['hi', 'en'], background: ['international-student'] },
  { timeZone: 'Africa/Lagos', languages: ['en', 'yo'], background: ['international-student'] },
  { timeZone: 'America/New_York', languages: ['en', 'es'], background: ['international-student'] },
  { timeZone: 'Europe/Madrid', languages: ['es', 'en'], background: ['international-student'] },
];
const SUBJECTS = [
  'computer science',
  'biology',
  'history',
  'economics',
  'music',
  'engineering',
  'law',
];
const CAMPUS_SKILLS = [
  'study skills',
  'finding your way',
  'student societies',
  'cooking on a budget',
  'exam preparation',
  'making friends',
  'part-time work',
  'city life',
];
const CAMPUS_STAGES = ['year-1', 'year-2', 'year-3', 'year-4', 'staff'];

function generateCampus(): Rec[] {
  const people: Rec[] = [];
  for (let k = 0; k < 160; k++) {
    const newcomer = k < 104;
    const staff = !newcomer && k >= 148;
    const home = newcomer || chance(0.4) ? pick(HOME) : HOME[0];
    const atHome = newcomer && home.background.length > 0 && chance(0.6);
    const subject = pick(SUBJECTS);
    const person: Rec = {
      id: newcomer
        ? `new-${String(k + 1).padStart(3, '0')}`
        : staff
          ? `staff-${k - 147}`
          : `buddy-${String(k - 103).padStart(3, '0')}`,
      role: newcomer ? 'mentee' : 'mentor',
      capacity: newcomer ? 1 : staff ? 3 : between(1, 2),
      name: name(),
      stage: newcomer ? 'year-1' : staff ? 'staff' : pick(['year-2', 'year-2', 'year-3', 'year-4']),
      department: subject,
      background: home.background,
      languages: home.languages,
      availability: {
        timeZone: atHome ? home.timeZone : 'Europe/London',
        windows: atHome
          ? [
              `${pick(['Mon-Fri', 'Sat, Sun'])} ${pick(['17:00-20:00', '19:00-22:00', '09:00-11:00'])}`,
            ]
          : [
              `Mon-Fri ${pick(['12:00-14:00', '16:00-18:00', '17:00-19:00'])}`,
              `${pick(['Sat', 'Sun'])} 10:00-13:00`,
            ],
      },
      modes: atHome ? ['video', 'chat'] : ['in-person', 'chat'],
      interests: some(INTERESTS, 1, 3),
    };
    if (newcomer) {
      person.skills = {
        wanted: some(CAMPUS_SKILLS, 1, 3).map((skill) => ({
          name: skill,
          priority: between(2, 5),
        })),
      };
      if (chance(0.14)) person.safeguarding = { minor: true };
      else if (chance(0.03)) person.safeguarding = { vulnerable: true };
    } else {
      person.skills = {
        offered: some(CAMPUS_SKILLS, 2, 4).map((skill) => ({ name: skill, level: between(3, 5) })),
      };
      // Staff and about half the student buddies hold a background check; a few have lapsed.
      if (staff || chance(0.5)) {
        person.safeguarding = {
          backgroundCheck: {
            checkedOn: '2024-09-01',
            expiresOn: chance(0.15) ? '2026-06-30' : '2027-08-31',
          },
        };
      }
    }
    person.consent =
      newcomer && chance(0.1) ? ['skills', 'availability', 'languages', 'stage'] : 'all';
    people.push(person);
  }
  return people;
}

const campusProgram = {
  name: 'Welcome buddies, autumn 2026',
  date: '2026-09-14',
  mode: 'one-to-one',
  kind: 'buddy',
  timeZone: 'Europe/London',
  stages: CAMPUS_STAGES,
  taxonomy: { skills: CAMPUS_SKILLS.map((skill) => ({ name: skill })), unknownSkills: 'keep' },
  constraints: { safeguarding: true, sharedLanguage: true },
  matching: { affinity: ['background'] },
};

// --- writing -------------------------------------------------------------------------------

const COLUMNS = [
  'id',
  'role',
  'capacity',
  'name',
  'email',
  'stage',
  'department',
  'team',
  'managerId',
  'location',
  'skills.offered',
  'skills.wanted',
  'goals',
  'interests',
  'background',
  'languages',
  'availability.timeZone',
  'availability.windows',
  'modes',
  'cadence',
  'communicationStyle',
  'safeguarding.minor',
  'safeguarding.vulnerable',
  'safeguarding.backgroundCheck.checkedOn',
  'safeguarding.backgroundCheck.expiresOn',
  'consent',
  'optOut',
  'avoid',
];

function get(record: Rec, path: string): unknown {
  let node: unknown = record;
  for (const key of path.split('.')) node = (node as Rec | undefined)?.[key];
  return node;
}

function cell(value: unknown, column: string): string {
  if (value === undefined) return '';
  let text: string;
  if (column === 'skills.offered' || column === 'skills.wanted') {
    text = (value as Rec[])
      .map((s) =>
        [s.name, s.level ?? (s.priority === undefined ? undefined : ''), s.priority]
          .filter((p) => p !== undefined)
          .join(':'),
      )
      .join('; ');
  } else if (Array.isArray(value)) text = value.join('; ');
  else text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(records: readonly Rec[]): string {
  const used = COLUMNS.filter((c) => records.some((r) => get(r, c) !== undefined));
  const lines = [used.join(',')];
  for (const r of records) lines.push(used.map((c) => cell(get(r, c), c)).join(','));
  return `${lines.join('\n')}\n`;
}

const dir = new URL('./', import.meta.url);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
for (const [base, records, program] of [
  ['company', generateCompany(), companyProgram],
  ['campus', generateCampus(), campusProgram],
] as const) {
  writeFileSync(new URL(`${base}.csv`, dir), toCsv(records));
  writeFileSync(new URL(`${base}.json`, dir), json(records));
  writeFileSync(new URL(`${base}-program.json`, dir), json(program));
  console.log(`${base}: ${records.length} participants`);
}
// The repository's formatter owns the layout of JSON files: format them as lint expects.
const written = ['company', 'campus'].flatMap((base) =>
  [`${base}.json`, `${base}-program.json`].map((f) => fileURLToPath(new URL(f, dir))),
);
const biome = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url));
const formatted = spawnSync(biome, ['format', '--write', ...written], { stdio: 'ignore' });
if (formatted.status !== 0) throw new Error('biome format failed on the generated files');

import type { MatrixLayout } from '../../../src/constraints/constraint.js';
import type { Cohort } from '../../../src/profile/cohort.js';
import { normalizeCohort } from '../../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../../src/profile/parse-participants.js';
import type { Program, ProgramInput } from '../../../src/profile/program-schema.js';
import { BUILT_IN_SCORERS } from '../../../src/scoring/built-in-scorers.js';
import {
  generateParticipantRecords,
  SAMPLE_PROGRAM,
  seededRandom,
} from '../../_support/profiles.js';

// Random cohorts and programs for the properties that hold fast paths (the fused row kernel,
// the worker-thread build) to the per-pair contract.

const FIELDS = ['department', 'team', 'location', 'stage', 'background', 'languages', 'interests'];
const KINDS = ['mentoring', 'reverse', 'buddy', 'situational', 'peer-circle', 'skill-swap'];
export const RULES = [
  'roles',
  'optOut',
  'capacity',
  'safeguarding',
  'reportingLine',
  'sameManager',
  'sameTeam',
  'sameDepartment',
  'blockList',
  'noRepeat',
  'sharedLanguage',
  'minimumOverlap',
];

const LONG_WISHES = ['SQL', 'Python', 'Go', 'Rust', 'writing', 'finance', 'leadership'].map(
  (name, i) => ({ name, priority: 1 + (i % 5) }),
);

/** The rules a program has on by default. */
const DEFAULT_RULES = [
  'roles',
  'optOut',
  'capacity',
  'safeguarding',
  'reportingLine',
  'blockList',
  'noRepeat',
];

export interface Case {
  readonly cohort: Cohort;
  readonly program: ProgramInput;
  readonly weights: Record<string, number>;
  readonly layout: MatrixLayout;
}

/** Few distinct language lists, so long rows meet each list many times. */
const FEW_LANGUAGES = [['en'], ['de'], ['en', 'de'], ['pt-BR'], ['pt-PT', 'en-GB']];

/**
 * A small cohort with every field the rules and scorers read varied, and a random program.
 * `fewLanguages`: languages from five lists instead of the generator's many.
 */
export function randomCase(seed: number, size: number, fewLanguages = false): Case {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const subset = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.3);
  const id = () => `p${Math.floor(random() * size)}`;
  const records = generateParticipantRecords(size, seed).map((r, i) => {
    const record: Record<string, unknown> = {
      ...r,
      capacity: random() < 0.05 ? 0 : r.capacity,
      optOut: random() < 0.05,
      communicationStyle: random() < 0.8 ? pick(['direct', 'reflective']) : undefined,
      learningStyle: random() < 0.8 ? pick(['visual', 'hands-on']) : undefined,
      location: random() < 0.8 ? pick(['Lisbon', 'Pune']) : undefined,
      modes: subset(['video', 'in-person', 'chat', 'phone']),
      cadence: random() < 0.8 ? pick(['weekly', 'fortnightly', 'monthly', 'ad-hoc']) : undefined,
      sessionMinutes: random() < 0.3 ? pick([30, 45, 90]) : undefined,
      background: subset(['international student', 'first generation', 'career changer']),
      prefer: random() < 0.3 ? [id(), id()] : [],
      avoid: random() < 0.15 ? [id()] : [],
      previousPartners: random() < 0.15 ? [id()] : [],
      safeguarding: {
        minor: random() < 0.1,
        vulnerable: random() < 0.05,
        backgroundCheck:
          random() < 0.5
            ? {
                checkedOn: pick(['2024-01-01', '2025-06-01']),
                expiresOn: pick(['2025-01-01', '2026-01-01']),
              }
            : undefined,
      },
      // Managers only among earlier participants, so chains never cycle.
      managerId: i > 0 && random() < 0.5 ? `p${Math.floor(random() * i)}` : undefined,
      languages: random() < 0.1 ? [] : fewLanguages ? pick(FEW_LANGUAGES) : r.languages,
      availability: random() < 0.1 ? { windows: [] } : r.availability,
      // Now and then a long wish list (more wishes than the bound values without a loop).
      skills:
        random() < 0.1
          ? { ...(r.skills as object), wanted: LONG_WISHES.filter(() => random() < 0.7) }
          : r.skills,
    };
    // One in thirteen wants nothing (coverage is neutral with everyone, never 0); decided by
    // position so the draws above stay as they were.
    if (i % 13 === 5) record.skills = { ...(record.skills as object), wanted: [] };
    for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
    return record;
  });
  // A third of the programs keep only default rules, most of them (the candidate bound's fused
  // pass); the others draw every rule.
  const constraints =
    random() < 0.3
      ? Object.fromEntries(
          RULES.map((rule) => [rule, DEFAULT_RULES.includes(rule) && random() < 0.8]),
        )
      : Object.fromEntries(RULES.map((rule) => [rule, random() < 0.6]));
  const program: ProgramInput = {
    ...SAMPLE_PROGRAM,
    kind: pick(KINDS) as Program['kind'],
    constraints,
    matching: {
      minimumOverlapMinutes: pick([0, 30, 60, 240]),
      whenUnknown: pick(['allow', 'forbid'] as const),
      ...(random() < 0.5 ? { requiredLanguage: pick(['en', 'en-GB', 'de', 'pt-BR', 'ko']) } : {}),
      ...(random() < 0.3 ? { stageGap: pick([-1, 0, 3]) } : {}),
      stageTolerance: pick([1, 2, 3]),
      diversity: subset(FIELDS) as Program['matching']['diversity'],
      affinity: subset(FIELDS) as Program['matching']['affinity'],
    },
  };
  const cohort = normalizeCohort(
    parseParticipants(records, program, { unknownFields: 'strip' }),
    program,
  );
  const weights = Object.fromEntries(
    BUILT_IN_SCORERS.map((s) => [s.name, random() < 0.25 ? 0 : pick([0.5, 1, 1.5, 3])]),
  );
  weights.skills = 1; // never all zero
  return { cohort, program, weights, layout: random() < 0.5 ? 'square' : 'directed' };
}

import * as z from 'zod';
import { CONSENT_FIELDS } from './build-participant-schema.js';
import { fold } from './fold.js';
import {
  type Documenter,
  type IntlChecks,
  ianaTimeZone,
  intBetween,
  isoDate,
  label,
  languageTag,
  safeRecord,
} from './schema-kit.js';
import { resolveTaxonomy } from './taxonomy.js';

export const PROGRAM_MODES = ['one-to-one', 'group', 'reciprocal', 'rematch'] as const;
export const PROGRAM_KINDS = [
  'mentoring',
  'reverse',
  'situational',
  'buddy',
  'peer-circle',
  'skill-swap',
] as const;
export const UNKNOWN_SKILL_POLICIES = ['keep', 'drop', 'reject'] as const;
export const SLOT_MINUTES = [5, 10, 15, 30, 60] as const;
/** Fields the opt-in diversity and affinity scorers may compare (consented fields only). */
export const SIMILARITY_FIELDS = [
  'department',
  'team',
  'location',
  'stage',
  'background',
  'languages',
  'interests',
] as const;
/** What a hard rule does when the data it needs is missing or withheld. */
export const UNKNOWN_DATA_POLICIES = ['allow', 'forbid'] as const;

export interface BuildProgramSchemaOptions {
  readonly strict: boolean;
  readonly checks: IntlChecks;
  readonly document: Documenter;
}

/** Builds the program schema; see `ProgramSchema` for the exported, documented instance. */
export function buildProgramSchema({ strict, checks, document: d }: BuildProgramSchemaOptions) {
  const object = strict ? z.strictObject : z.object;
  const flag = z.boolean({ error: 'must be true or false' });

  const skillDefinition = object({
    name: d(label(100), 'Canonical skill name.'),
    synonyms: d(
      z.array(label(100)).max(50).default([]),
      'Other spellings, e.g. "JS" for javascript.',
    ),
    parent: d(
      label(100).optional(),
      'Broader skill this one is a kind of: react → javascript. Wanting the parent is partly served by the child.',
    ),
  });

  const constraints = object({
    reportingLine: d(flag.default(true), 'Never pair a participant with their manager.'),
    sameManager: d(flag.default(false), 'Never pair two people with the same manager.'),
    sameTeam: d(flag.default(false), 'Never pair two people of the same team.'),
    sameDepartment: d(flag.default(false), 'Never pair two people of the same department.'),
    safeguarding: d(
      flag.default(true),
      'Minors and vulnerable participants only with mentors whose background check is valid at the program date.',
    ),
    blockList: d(flag.default(true), 'Honour `avoid` lists (both directions).'),
    optOut: d(flag.default(true), 'Leave opted-out participants unmatched.'),
    noRepeat: d(flag.default(true), 'Never repeat a previous pairing.'),
    roles: d(
      flag.default(true),
      'Pair givers (mentors, peers) with receivers (mentees, peers), never a participant with themself.',
    ),
    capacity: d(flag.default(true), 'Leave participants with capacity 0 unmatched.'),
    minimumOverlap: d(
      flag.default(false),
      'Require `matching.minimumOverlapMinutes` of shared weekly availability.',
    ),
    sharedLanguage: d(
      flag.default(false),
      'Require a shared language (`matching.requiredLanguage` when set).',
    ),
  }).catchall(flag);

  const language = languageTag(checks);
  const similarityFields = z
    .array(z.enum(SIMILARITY_FIELDS, { error: `must be one of ${SIMILARITY_FIELDS.join(', ')}` }))
    .max(SIMILARITY_FIELDS.length)
    .default([]);

  const matching = object({
    minimumOverlapMinutes: d(
      intBetween(0, 10080).default(60),
      'Shared weekly minutes the `minimumOverlap` rule requires.',
    ),
    requiredLanguage: d(
      language.optional(),
      'Language both must speak under the `sharedLanguage` rule; without it any shared language will do.',
    ),
    whenUnknown: d(
      z.enum(UNKNOWN_DATA_POLICIES, { error: 'must be "allow" or "forbid"' }).default('allow'),
      'What the `minimumOverlap` and `sharedLanguage` rules do when availability or languages are missing or withheld.',
    ),
    stageGap: d(
      intBetween(-20, 20).optional(),
      'Preferred stage gap, mentor minus mentee (negative for reverse mentoring). Default by kind: 2 mentoring, 1 buddy and situational, -2 reverse, 0 peer circles and skill swaps.',
    ),
    stageTolerance: d(
      intBetween(1, 20).default(2),
      'Stages away from the preferred gap at which the stage score reaches 0.',
    ),
    diversity: d(
      similarityFields,
      'Opt-in: fields on which different backgrounds score higher. Empty = diversity scorer off.',
    ),
    affinity: d(
      similarityFields,
      'Opt-in: fields on which shared backgrounds score higher (e.g. international students together). Empty = affinity scorer off.',
    ),
    denseLimit: d(
      intBetween(0, Number.MAX_SAFE_INTEGER).optional(),
      'Largest mentors × mentees a one-to-one match (peers × peers for reciprocal pairs) scores as a dense matrix; above it only the `candidates` best partners of each participant are kept (top-k). Default 25,000,000 (5,000 × 5,000 stays dense).',
    ),
    candidates: d(
      intBetween(1, 10000).optional(),
      'Best partners kept per participant on the top-k path (one-to-one: widened automatically for anyone it leaves unmatched). Default 20 (reciprocal: its `candidates` option, else this, else 10).',
    ),
    pricing: d(
      intBetween(0, 1000).optional(),
      'One-to-one top-k path, objectives total and coverage: at most this many rounds of pricing after the solve. Each bounds every allowed pair against the prices of the solve and adds the pairs that could raise the total; a round that adds none proves the result optimal for the whole cohort. Default 0 (off).',
    ),
  });

  const timeZone = ianaTimeZone(checks);

  const shape = {
    name: label(200).optional(),
    date: d(
      isoDate(),
      'Date the program starts: fixes daylight-saving offsets and background-check validity.',
    ),
    mode: d(
      z
        .enum(PROGRAM_MODES, { error: `must be one of ${PROGRAM_MODES.join(', ')}` })
        .default('one-to-one'),
      'How relationships are formed.',
    ),
    kind: d(
      z
        .enum(PROGRAM_KINDS, { error: `must be one of ${PROGRAM_KINDS.join(', ')}` })
        .default('mentoring'),
      'What the program is for.',
    ),
    timeZone: d(timeZone.default('UTC'), 'Time zone of participants who give none.'),
    slotMinutes: d(
      z.literal(SLOT_MINUTES, { error: 'must be 5, 10, 15, 30 or 60' }).default(15),
      'Resolution of the availability bitset.',
    ),
    stages: d(
      z.array(label(100)).max(100).default([]),
      'Stages from least to most senior, e.g. ["junior", "mid", "senior"] or ["1", "2", "3", "4"].',
    ),
    taxonomy: object({
      skills: z.array(skillDefinition).max(10000).default([]),
      unknownSkills: d(
        z
          .enum(UNKNOWN_SKILL_POLICIES, { error: 'must be "keep", "drop" or "reject"' })
          .default('keep'),
        'What to do with a skill the taxonomy does not name.',
      ),
      hierarchyCredit: d(
        z
          .number({ error: 'must be a number from 0 to 1' })
          .min(0, { error: 'must be a number from 0 to 1' })
          .max(1, { error: 'must be a number from 0 to 1' })
          .default(0.5),
        'Credit per level of hierarchy when a wanted skill is served by a narrower offered one.',
      ),
    }).default(() => ({ skills: [], unknownSkills: 'keep' as const, hierarchyCredit: 0.5 })),
    consentDefault: d(
      z
        .union([
          z.literal('all'),
          z.array(z.enum(CONSENT_FIELDS, { error: `must be one of ${CONSENT_FIELDS.join(', ')}` })),
        ])
        .default(() => []),
      'Fields shared by a participant whose record has no `consent`. Default: none (data minimisation).',
    ),
    constraints: d(
      constraints.default(() => ({
        reportingLine: true,
        sameManager: false,
        sameTeam: false,
        sameDepartment: false,
        safeguarding: true,
        blockList: true,
        optOut: true,
        noRepeat: true,
        roles: true,
        capacity: true,
        minimumOverlap: false,
        sharedLanguage: false,
      })),
      'Hard rules that are on; extra keys switch custom constraints.',
    ),
    weights: d(
      safeRecord(
        z
          .number({ error: 'must be a number' })
          .min(0, { error: 'must not be negative' })
          .refine(Number.isFinite, { error: 'must be finite' }),
        { maxKeys: 100, document: d, valueDescription: { type: 'number', minimum: 0 } },
      ).optional(),
      'Weight of each scorer by name.',
    ),
    matching: d(
      matching.default(() => ({
        minimumOverlapMinutes: 60,
        whenUnknown: 'allow' as const,
        stageTolerance: 2,
        diversity: [],
        affinity: [],
      })),
      'Parameters of the matching rules and scorers.',
    ),
    group: object({
      min: intBetween(2, 1000).default(3),
      max: intBetween(2, 1000).default(6),
    }).default(() => ({ min: 3, max: 6 })),
    options: d(
      safeRecord(z.unknown(), { maxKeys: 100, document: d, valueDescription: {} }).optional(),
      'Free-form options for later layers.',
    ),
  };

  return d(
    object(shape).superRefine((program, ctx) => {
      for (const problem of resolveTaxonomy(program.taxonomy.skills).problems) {
        ctx.issues.push({
          code: 'custom',
          path: problem.path,
          input: undefined,
          message: problem.message,
          params: { code: problem.code },
        });
      }
      const seen = new Map<string, number>();
      program.stages.forEach((stage, i) => {
        const key = fold(stage);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else {
          ctx.issues.push({
            code: 'custom',
            path: ['stages', i],
            input: stage,
            message: `repeats stage ${JSON.stringify(program.stages[first])} (index ${first})`,
            params: { code: 'DUPLICATE_STAGE' },
          });
        }
      });
      if (program.group.min > program.group.max) {
        ctx.issues.push({
          code: 'custom',
          path: ['group', 'min'],
          input: program.group.min,
          message: `is greater than group.max (${program.group.max})`,
          params: { code: 'INVALID_GROUP_SIZE' },
        });
      }
    }),
    'Configuration of a peermatch program.',
    { title: 'Program' },
  );
}

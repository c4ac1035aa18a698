import * as z from 'zod';
import {
  type Documenter,
  type IntlChecks,
  ianaTimeZone,
  intBetween,
  isoDate,
  label,
  labels,
  languageTag,
  safeRecord,
} from './schema-kit.js';
import {
  checkTimes,
  formatClock,
  type ParsedWindow,
  parseDaySpec,
  parseWindowText,
  WEEKDAYS,
  type Weekday,
  type WindowProblem,
} from './weekly-time.js';

export const ROLES = ['mentor', 'mentee', 'peer'] as const;
export const MEETING_MODES = ['video', 'in-person', 'chat', 'phone'] as const;
export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'ad-hoc'] as const;
export const CONSENT_FIELDS = [
  'skills',
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
  'meeting',
  'communicationStyle',
  'learningStyle',
  'attributes',
] as const;

export interface BuildParticipantSchemaOptions {
  /** Reject keys the schema does not know (zod `strictObject`) instead of stripping them. */
  readonly strict: boolean;
  readonly checks: IntlChecks;
  readonly document: Documenter;
}

/** A weekly window after parsing: canonical days and `HH:MM` times. */
export interface WindowOutput {
  days: Weekday[];
  start: string;
  end: string;
}

function toWindow(parsed: ParsedWindow | WindowProblem, input: unknown, ctx: z.RefinementCtx) {
  if ('code' in parsed) {
    ctx.issues.push({
      code: 'custom',
      input,
      message: parsed.message,
      params: { code: parsed.code },
    });
    return z.NEVER;
  }
  const out: WindowOutput = {
    days: parsed.days.map((d) => WEEKDAYS[d]),
    start: formatClock(parsed.start),
    end: formatClock(parsed.end),
  };
  return out;
}

/**
 * Builds the participant schema. Exported once (documented, plain `Intl` checks) as
 * `ParticipantSchema`; `parseParticipants` builds its own per call with memoised checks and the
 * strictness its options ask for.
 */
export function buildParticipantSchema({
  strict,
  checks,
  document: d,
}: BuildParticipantSchemaOptions) {
  const object = strict ? z.strictObject : z.object;

  const windowText = label(100).transform((text, ctx) =>
    toWindow(parseWindowText(text), text, ctx),
  );
  const dayName = z.string({ error: 'must be a day such as "Mon" or a range "Mon-Fri"' });
  const windowObject = object({
    days: z.union([dayName, z.array(dayName).min(1).max(7)]),
    start: z.string({ error: 'must be a time HH:MM' }),
    end: z.string({ error: 'must be a time HH:MM' }),
  }).transform((w, ctx) => {
    const days = new Set<number>();
    for (const spec of Array.isArray(w.days) ? w.days : [w.days]) {
      const parsed = parseDaySpec(spec);
      if (parsed === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: spec,
          path: ['days'],
          message: `has an unknown day ${JSON.stringify(spec)} (use Mon, Tue, … Sun)`,
          params: { code: 'INVALID_WINDOW' },
        });
        return z.NEVER;
      }
      for (const day of parsed) days.add(day);
    }
    return toWindow(
      checkTimes(
        [...days].sort((a, b) => a - b),
        w.start,
        w.end,
      ),
      w,
      ctx,
    );
  });
  const window = d(
    z.union([windowText, windowObject]),
    'A weekly window in the participant’s time zone: "Mon 18:00-20:00", "Mon-Fri 09:00-12:00", or { days, start, end }. End must be after start (24:00 allowed); split windows that cross midnight.',
  );

  const timeZone = d(ianaTimeZone(checks), 'IANA time zone, e.g. "America/New_York".');

  const language = languageTag(checks);

  const skillOffered = object({
    name: d(label(100), 'Skill name; folded and mapped through the program taxonomy.'),
    level: d(intBetween(1, 5).default(3), 'Proficiency 1 (novice) to 5 (expert).'),
  });
  const skillWanted = object({
    name: d(label(100), 'Skill name; folded and mapped through the program taxonomy.'),
    level: d(intBetween(1, 5).default(3), 'Level the participant wants to reach, 1 to 5.'),
    priority: d(
      intBetween(1, 5).default(3),
      'How much it matters, 1 (nice to have) to 5 (essential).',
    ),
  });
  const personId = label(200);

  const shape = {
    id: d(label(200), 'Unique id of the participant (trimmed; compared exactly).'),
    role: d(
      z.enum(ROLES, { error: 'must be "mentor", "mentee" or "peer"' }),
      'mentor gives, mentee receives, peer both gives and receives.',
    ),
    capacity: d(
      intBetween(0, 1000).default(1),
      'How many mentees (or partners) this participant takes at once.',
    ),
    name: d(label(200).optional(), 'Display name; never used for scoring.'),
    email: d(label(320).optional(), 'Contact email; never used for scoring.'),
    skills: object({
      offered: z
        .array(skillOffered)
        .max(100, { error: 'must have at most 100 skills' })
        .default([]),
      wanted: z.array(skillWanted).max(100, { error: 'must have at most 100 skills' }).default([]),
    }).default(() => ({ offered: [], wanted: [] })),
    goals: d(labels().default([]), 'Goal tags, e.g. "leadership", "promotion".'),
    interests: d(labels().default([]), 'Interest tags.'),
    background: d(
      labels().default([]),
      'Background tags a program may match on, e.g. "international-student".',
    ),
    stage: d(
      z
        .union([label(100), z.int({ error: 'must be text or a whole number' })])
        .transform(String)
        .optional(),
      'Career level or year of study; ordered by the program’s `stages`.',
    ),
    department: label(200).optional(),
    team: label(200).optional(),
    managerId: d(personId.optional(), 'Id of this participant’s manager (reporting line).'),
    location: label(200).optional(),
    languages: d(
      z.array(language).max(20, { error: 'must have at most 20 languages' }).default([]),
      'BCP 47 language tags, canonicalised (e.g. "en-GB").',
    ),
    availability: object({
      timeZone: timeZone.optional(),
      windows: z.array(window).max(100, { error: 'must have at most 100 windows' }).default([]),
    }).default(() => ({ windows: [] })),
    cadence: z
      .enum(CADENCES, { error: 'must be "weekly", "fortnightly", "monthly" or "ad-hoc"' })
      .optional(),
    sessionMinutes: d(intBetween(5, 480).optional(), 'Preferred length of one meeting.'),
    modes: d(
      z
        .array(z.enum(MEETING_MODES, { error: 'must be "video", "in-person", "chat" or "phone"' }))
        .max(4)
        .default([]),
      'Preferred ways to meet.',
    ),
    communicationStyle: label(100).optional(),
    learningStyle: label(100).optional(),
    safeguarding: object({
      minor: d(z.boolean({ error: 'must be true or false' }).default(false), 'Under 18.'),
      vulnerable: d(
        z.boolean({ error: 'must be true or false' }).default(false),
        'Otherwise needs protection: only background-checked mentors.',
      ),
      backgroundCheck: object({
        checkedOn: isoDate().optional(),
        expiresOn: isoDate(),
      }).optional(),
    }).default(() => ({ minor: false, vulnerable: false })),
    consent: d(
      z
        .union([
          z.literal('all'),
          z.array(z.enum(CONSENT_FIELDS, { error: `must be one of ${CONSENT_FIELDS.join(', ')}` })),
        ])
        .optional(),
      'Optional fields the participant agreed to share, or "all". Absent: the program’s consentDefault.',
    ),
    optOut: d(
      z.boolean({ error: 'must be true or false' }).default(false),
      'Signed up but must not be matched now.',
    ),
    prefer: d(
      z.array(personId).max(50).default([]),
      'Ids the participant would like to be matched with.',
    ),
    avoid: d(
      z.array(personId).max(200).default([]),
      'Ids the participant must never be matched with (block list).',
    ),
    previousPartners: d(
      z.array(personId).max(200).default([]),
      'Ids of earlier partners (no repeat on re-match).',
    ),
    attributes: safeRecord(
      z.union([
        z.string().max(1000),
        z.number().refine(Number.isFinite, { error: 'must be a finite number' }),
        z.boolean(),
        z.array(z.string().max(1000)).max(50),
      ]),
      {
        maxKeys: 50,
        document: d,
        valueDescription: {
          anyOf: [
            { type: 'string', maxLength: 1000 },
            { type: 'number' },
            { type: 'boolean' },
            { type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: 50 },
          ],
        },
      },
    ).optional(),
  };
  return d(object(shape), 'One participant of a peermatch program.', { title: 'Participant' });
}

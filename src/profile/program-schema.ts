import type * as z from 'zod';
import {
  buildProgramSchema,
  type PROGRAM_KINDS,
  type PROGRAM_MODES,
  type UNKNOWN_SKILL_POLICIES,
} from './_internal/build-program-schema.js';
import { canonicalLanguageTag } from './_internal/language-tag.js';
import { doc } from './_internal/schema-kit.js';
import { canonicalTimeZone } from './_internal/time-zone.js';

/**
 * The zod schema of a program's configuration: mode, date, stage ordering, skill taxonomy,
 * consent default, hard rules, weights and group sizes. Also checks the taxonomy (no spelling
 * names two skills, parents exist, no cycles) and that stages are distinct.
 *
 * @example
 * ```ts
 * ProgramSchema.parse({ date: '2025-03-15' }).constraints.reportingLine;
 * //=> true
 * ```
 */
export const ProgramSchema = buildProgramSchema({
  strict: false,
  checks: { timeZone: canonicalTimeZone, language: canonicalLanguageTag },
  document: doc,
});

/** A validated program, as {@link parseProgram} returns it. */
export type Program = z.output<typeof ProgramSchema>;
/** What a program configuration may look like before parsing (defaults not yet applied). */
export type ProgramInput = z.input<typeof ProgramSchema>;
/** How relationships are formed. */
export type ProgramMode = (typeof PROGRAM_MODES)[number];
/** What a program is for. */
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
/** What normalisation does with a skill the taxonomy does not name. */
export type UnknownSkillPolicy = (typeof UNKNOWN_SKILL_POLICIES)[number];
/** One entry of a program's skill taxonomy, after parsing. */
export type SkillDefinition = Program['taxonomy']['skills'][number];

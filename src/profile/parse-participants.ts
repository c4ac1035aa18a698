import { PeermatchError } from '../errors.js';
import {
  DEFAULT_PARSE_PARTICIPANTS_OPTIONS,
  type ParseParticipantsOptions,
  resolveParseOptions,
} from './_internal/parse-options.js';
import type { UnknownFieldPolicy } from './_internal/resolve-program.js';
import { runParse } from './_internal/run-parse.js';
import type { Participant } from './participant-schema.js';
import type { ProgramInput } from './program-schema.js';

export type { ParseParticipantsOptions, UnknownFieldPolicy };
export { DEFAULT_PARSE_PARTICIPANTS_OPTIONS };

/**
 * Validates participant records (from a form, an HR export, a JSON file) and applies defaults,
 * or throws one `PeermatchError` with `code: 'INVALID_INPUT'` whose `issues` list **every**
 * problem: record index, participant id and field path. Checks structure, levels, time zones,
 * windows, language tags, duplicate ids; with a `program`, also unknown skills (when the
 * taxonomy rejects them) and stages. References to people outside the cohort are warnings, sent
 * to `options.onWarning` (use {@link safeParseParticipants} to get them as data).
 *
 * The input is never mutated; ids such as `__proto__` are ordinary ids.
 *
 * @param records - The raw records; anything that is not an array is an error.
 * @param program - Optional program configuration (raw or parsed) for program-dependent checks.
 * @param options - See {@link ParseParticipantsOptions}.
 * @returns The participants, in input order, with defaults applied.
 * @example
 * ```ts
 * parseParticipants([{ id: 'ana', role: 'mentor', skills: { offered: [{ name: 'SQL', level: 4 }] } }])[0].capacity;
 * //=> 1
 * parseParticipants([{ id: 'ana', role: 'mentor', skills: { offered: [{ name: 'SQL', level: 7 }] } }]);
 * //=> throws PeermatchError: parseParticipants: record 0 ("ana") skills.offered[0].level must be a whole number from 1 to 5, got 7
 * ```
 */
export function parseParticipants(
  records: unknown,
  program?: ProgramInput,
  options?: ParseParticipantsOptions,
): Participant[] {
  const resolved = resolveParseOptions('parseParticipants', options);
  const result = runParse('parseParticipants', records, program, resolved);
  if (resolved.onWarning !== undefined)
    for (const warning of result.warnings) resolved.onWarning(warning);
  if (result.data === undefined) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `parseParticipants: ${result.errors.length} problem(s) in the participant records`,
      result.errors,
    );
  }
  return result.data;
}

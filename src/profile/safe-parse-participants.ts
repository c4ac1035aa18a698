import { PeermatchError, type PeermatchIssue } from '../errors.js';
import { type ParseParticipantsOptions, resolveParseOptions } from './_internal/parse-options.js';
import { runParse } from './_internal/run-parse.js';
import type { Participant } from './participant-schema.js';
import type { ProgramInput } from './program-schema.js';

/** What {@link safeParseParticipants} returns: data or error, and the warnings either way. */
export type SafeParseParticipantsResult =
  | {
      readonly success: true;
      readonly data: Participant[];
      readonly warnings: readonly PeermatchIssue[];
    }
  | {
      readonly success: false;
      readonly error: PeermatchError;
      readonly warnings: readonly PeermatchIssue[];
    };

/**
 * Like {@link parseParticipants}, but returns `{ success, data | error, warnings }` instead of
 * throwing on bad records. Only malformed `options` (a programming error) still throw.
 *
 * @param records - The raw records.
 * @param program - Optional program configuration (raw or parsed).
 * @param options - See {@link ParseParticipantsOptions}; `onWarning` is called too.
 * @returns The participants or the error, plus every warning.
 * @example
 * ```ts
 * const result = safeParseParticipants([{ id: 'bo', role: 'mentee', managerId: 'zed' }]);
 * result.success;
 * //=> true
 * result.warnings.map((w) => w.code);
 * //=> ['UNKNOWN_MANAGER']
 * ```
 */
export function safeParseParticipants(
  records: unknown,
  program?: ProgramInput,
  options?: ParseParticipantsOptions,
): SafeParseParticipantsResult {
  const resolved = resolveParseOptions('safeParseParticipants', options);
  const result = runParse('safeParseParticipants', records, program, resolved);
  if (resolved.onWarning !== undefined)
    for (const warning of result.warnings) resolved.onWarning(warning);
  if (result.data === undefined) {
    return {
      success: false,
      error: new PeermatchError(
        'INVALID_INPUT',
        `safeParseParticipants: ${result.errors.length} problem(s) in the participant records`,
        result.errors,
      ),
      warnings: result.warnings,
    };
  }
  return { success: true, data: result.data, warnings: result.warnings };
}

import type { PeermatchIssue } from '../errors.js';
import { PeermatchError } from '../errors.js';
import type { UnknownFieldPolicy } from './_internal/resolve-program.js';
import { resolveProgram } from './_internal/resolve-program.js';
import type { Program } from './program-schema.js';

/** Options of {@link parseProgram}. */
export interface ParseProgramOptions {
  /**
   * Keys the schema does not know: `'strip'` drops them silently, `'warn'` drops them and
   * reports an `UNKNOWN_FIELD` warning (a typo such as `taxonmy` should not pass unnoticed),
   * `'reject'` makes them errors.
   * @default 'warn'
   */
  readonly unknownFields?: UnknownFieldPolicy;
  /**
   * Called once per warning, in order. Warnings never stop parsing.
   * @default undefined
   */
  readonly onWarning?: ((issue: PeermatchIssue) => void) | undefined;
}

/** Defaults of {@link ParseProgramOptions}. */
export const DEFAULT_PARSE_PROGRAM_OPTIONS: {
  readonly unknownFields: UnknownFieldPolicy;
  readonly onWarning: ((issue: PeermatchIssue) => void) | undefined;
} = Object.freeze({ unknownFields: 'warn', onWarning: undefined });

/**
 * Validates a program configuration and fills in its defaults, or throws one `PeermatchError`
 * (`code: 'INVALID_INPUT'`) listing every problem with its path.
 *
 * @param input - The configuration, e.g. from a JSON file.
 * @param options - See {@link ParseProgramOptions}.
 * @returns The program with every default applied.
 * @example
 * ```ts
 * parseProgram({ date: '2025-03-15', stages: ['junior', 'senior'] }).slotMinutes;
 * //=> 15
 * parseProgram({ date: '15/03/2025' });
 * //=> throws PeermatchError: parseProgram: program date must be a date written YYYY-MM-DD, got "15/03/2025"
 * ```
 */
export function parseProgram(input: unknown, options: ParseProgramOptions = {}): Program {
  const { unknownFields, onWarning } = { ...DEFAULT_PARSE_PROGRAM_OPTIONS, ...options };
  const resolved = resolveProgram(input, 'parseProgram', [], unknownFields);
  if (onWarning !== undefined) for (const warning of resolved.warnings) onWarning(warning);
  if (resolved.program === undefined) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `parseProgram: the program has ${resolved.errors.length} problem(s)`,
      resolved.errors,
    );
  }
  return resolved.program;
}

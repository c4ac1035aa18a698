import { type Program, parseProgram } from '../index.js';
import { readJsonFile } from './read-participants.js';

/**
 * Reads a program configuration from a JSON file and validates it with `parseProgram`
 * (throws one `PeermatchError`, `INVALID_INPUT`, listing every problem).
 *
 * @example
 * ```ts
 * (await readProgram('program.json')).constraints.reportingLine;
 * //=> true
 * ```
 */
export async function readProgram(path: string): Promise<Program> {
  return parseProgram(await readJsonFile(path, 'readProgram'));
}

import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type MatchResult, matchResultToCsv } from '../index.js';

/** Options of {@link writeMatchResult}. */
export interface WriteMatchResultOptions {
  /**
   * `'csv'` (pairs and unmatched people, see `matchResultToCsv`) or `'json'` (the whole result).
   * @default from the file extension: `.csv` is CSV, anything else JSON
   */
  readonly format?: 'csv' | 'json';
}

/**
 * Writes a result to a file: JSON (the whole `MatchResult`, indented; read it back with
 * `JSON.parse` or `peermatch report`) or CSV for spreadsheets.
 *
 * @example
 * ```ts
 * await writeMatchResult('matches.csv', matchOneToOne(cohort));
 * ```
 */
export async function writeMatchResult(
  path: string,
  result: MatchResult,
  options?: WriteMatchResultOptions,
): Promise<void> {
  const format = options?.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'json');
  const text = format === 'csv' ? matchResultToCsv(result) : `${JSON.stringify(result, null, 2)}\n`;
  await writeFile(path, text, 'utf8');
}

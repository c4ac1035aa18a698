import type { MatchResult } from '../modes/match-result.js';
import { csvCell } from './_internal/csv-cell.js';

/** The header of {@link matchResultToCsv}. */
export const MATCH_RESULT_CSV_COLUMNS: readonly string[] = Object.freeze([
  'status',
  'mentorId',
  'menteeId',
  'score',
  'code',
  'why',
]);

/**
 * A result as CSV for spreadsheets: one row per pair (`status` = `matched`, with the score and
 * the explanation's summary), then one row per unmatched participant (`status` = `unmatched`,
 * the id in the column of their role, the stable code and the reason). RFC 4180 quoting, LF
 * line ends, scores with four decimals.
 *
 * @param result - What a matching mode returned (or its JSON, parsed).
 * @returns The CSV text, ending with a line break.
 * @example
 * ```ts
 * matchResultToCsv(matchOneToOne(cohort)).split('\n')[1];
 * //=> 'matched,m-amara,e-eli,0.8312,,"strong fit: …"'
 * ```
 */
export function matchResultToCsv(result: MatchResult): string {
  const lines = [MATCH_RESULT_CSV_COLUMNS.join(',')];
  for (const pair of result.pairs) {
    lines.push(
      [
        'matched',
        csvCell(pair.mentorId),
        csvCell(pair.menteeId),
        pair.score.toFixed(4),
        '',
        csvCell(pair.explanation.summary),
      ].join(','),
    );
  }
  for (const person of result.unmatched) {
    const id = csvCell(person.participantId);
    lines.push(
      [
        'unmatched',
        person.role === 'mentor' ? id : '',
        person.role === 'mentor' ? '' : id,
        '',
        csvCell(person.code),
        csvCell(person.message),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

import { buildCompatibility, PARTICIPANT_ROLES, type PairExplanation } from '../../index.js';
import { EXIT } from '../exit-codes.js';
import { formatTable } from '../format-table.js';
import type { CliIo } from '../io.js';
import { loadCohort } from '../load-input.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../usage-error.js';

export const EXPLAIN_HELP = `Usage: peermatch explain <people.csv|people.json> --program program.json <A> <B>

Why participants A and B score what they do — every scorer's weight, score and reason — or
which hard rule forbids them (and what they would score without it). The giver (mentor or
peer) is found from the roles, in either order.

  --program <file>   program configuration (JSON)
  --mapping <file>   column mapping for CSV layouts that do not follow the convention
`;

function formatExplanation(e: PairExplanation): string {
  const lines: string[] = [];
  lines.push(e.summary, '');
  for (const v of e.violations) lines.push(`  rule ${v.rule} (${v.code}): ${v.message}`);
  if (e.violations.length > 0) lines.push('');
  const rows = e.contributions.map((c) => [
    c.scorer,
    `${Math.round(c.share * 100)}%`,
    c.score.toFixed(2),
    c.contribution.toFixed(2),
    c.reason,
  ]);
  lines.push(
    formatTable(['scorer', 'weight', 'score', 'adds', 'reason'], rows, {
      right: [1, 2, 3],
      maxWidth: 90,
    }),
  );
  return `${lines.join('\n')}\n`;
}

/** `peermatch explain people.csv --program program.json A B`. */
export async function explainCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', args, {
    program: { type: 'string' },
    mapping: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(EXPLAIN_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 3) {
    throw new UsageError(
      'explain: give a participants file and two participant ids',
      'see `peermatch explain --help`',
    );
  }
  const [people, a, b] = positionals;
  const { cohort, program } = await loadCohort(io, {
    people,
    program: values.program,
    mapping: values.mapping,
  });
  const unknown = [a, b].filter((id) => !cohort.indexOf.has(id));
  if (unknown.length > 0) {
    io.stderr.write(
      `peermatch explain: ${unknown.map((id) => JSON.stringify(id)).join(' and ')} ${unknown.length === 1 ? 'is' : 'are'} not in ${people}\n`,
    );
    return EXIT.INPUT;
  }
  if (a === b) throw new UsageError('explain: give two different participants');
  const roleOf = (id: string) => PARTICIPANT_ROLES[cohort.role[cohort.indexOf.get(id)!]];
  // A mentee only receives and a mentor only gives: the pair's direction follows from the roles.
  const [giver, receiver] = roleOf(a) === 'mentee' || roleOf(b) === 'mentor' ? [b, a] : [a, b];
  if (roleOf(giver) === 'mentee' || roleOf(receiver) === 'mentor') {
    io.stderr.write(
      `peermatch explain: ${a} and ${b} are both ${roleOf(a)}s; a pair needs a giver (mentor or peer) and a receiver (mentee or peer)\n`,
    );
    return EXIT.INPUT;
  }
  const matrix = buildCompatibility(cohort, program, { left: [giver], right: [receiver] });
  io.stdout.write(formatExplanation(matrix.explain(giver, receiver)));
  return EXIT.OK;
}

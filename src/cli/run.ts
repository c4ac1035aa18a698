import packageJson from '../../package.json' with { type: 'json' };
import { explainCommand } from './commands/explain.js';
import { matchCommand } from './commands/match.js';
import { rematchCommand } from './commands/rematch.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { reportError } from './report-error.js';
import { UsageError } from './usage-error.js';

export type { CliIo };

const COMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => Promise<number>>> = {
  match: matchCommand,
  rematch: rematchCommand,
  validate: validateCommand,
  explain: explainCommand,
  schema: schemaCommand,
  report: reportCommand,
};

export const HELP = `Usage: peermatch <command> [options]

Commands:
  match <people> --program <program.json>     form the relationships and print a summary
  rematch <people> --program <program.json> --previous <result.json> [--changes <changes.json>]
                                              keep working pairs, re-match who needs it
  validate <people> [--program <program.json>] list every problem in the input, with rows
  explain <people> --program <program.json> <A> <B>
                                              why A and B score what they do, or which rule forbids them
  schema [participant|program]                JSON Schema of the input formats
  report <result.json> --html <report.html>   a self-contained HTML report of a result

<people> is a .csv file (columns as in docs/csv.md, or --mapping mapping.json) or a .json file.
Run \`peermatch <command> --help\` for a command's options.

Exit codes: 0 ok, 1 problems in the input, 2 usage error, 3 file not readable or writable,
4 no result possible, 70 internal error, 130 interrupted.
`;

/**
 * The `peermatch` command, in-process: runs `argv` (without `node` and the script) against
 * `io` and returns the exit code; never throws and never calls `process.exit`.
 *
 * @param argv - E.g. `['match', 'people.csv', '--program', 'program.json']`.
 * @param io - Output streams, environment and working directory.
 * @returns The exit code (see `EXIT`).
 * @example
 * ```ts
 * const code = await main(['validate', 'people.csv'], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 * //=> 0
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP);
      return command === undefined ? EXIT.USAGE : EXIT.OK;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT.OK;
    }
    const run = COMMANDS[command];
    if (run === undefined || !Object.hasOwn(COMMANDS, command)) {
      throw new UsageError(
        `unknown command ${JSON.stringify(command)}; use one of ${Object.keys(COMMANDS).join(', ')}`,
        'see `peermatch --help`',
      );
    }
    return await run(rest, io);
  } catch (error) {
    return reportError(
      io,
      command !== undefined && Object.hasOwn(COMMANDS, command) ? command : '',
      error,
    );
  }
}

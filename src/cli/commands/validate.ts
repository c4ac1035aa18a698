import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { checkInput } from '../load-input.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { issueLine } from '../report-error.js';
import { UsageError } from '../usage-error.js';

export const VALIDATE_HELP = `Usage: peermatch validate <people.csv|people.json> [--program program.json] [--mapping mapping.json]

Checks every record (and the program and mapping files when given) and prints every problem
with its file row. Exit code 0 when there is none, 1 otherwise. Warnings (e.g. a managerId
naming someone outside the file) are printed but do not fail.

  --program <file>   program configuration (JSON); enables stage and skill checks
  --mapping <file>   column mapping for CSV layouts that do not follow the convention
`;

/** `peermatch validate people.csv [--program program.json]`. */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, {
    program: { type: 'string' },
    mapping: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(VALIDATE_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) {
    throw new UsageError('validate: give one participants file', 'see `peermatch validate --help`');
  }
  const [people] = positionals;
  const input = await checkInput(
    io,
    { people, program: values.program, mapping: values.mapping },
    { requireProgram: false, normalize: true },
  );
  for (const warning of input.warnings) io.stdout.write(`warning: ${issueLine(warning)}\n`);
  if (input.issues.length === 0) {
    io.stdout.write(
      `${people}: ${input.records} participant(s), no problems${input.program ? '' : ' (without a program: stages and skills not checked)'}.\n`,
    );
    return EXIT.OK;
  }
  io.stdout.write(`${people}: ${input.issues.length} problem(s)\n`);
  for (const issue of input.issues) io.stdout.write(`  - ${issueLine(issue)}\n`);
  return EXIT.INPUT;
}

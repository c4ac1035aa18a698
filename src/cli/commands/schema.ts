import { toJSONSchema } from '../../index.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../usage-error.js';

export const SCHEMA_HELP = `Usage: peermatch schema [participant|program]

Prints the JSON Schema (draft 2020-12) of a participant record or of the program file; with no
argument, both as { "participant": …, "program": … }.
`;

/** `peermatch schema [participant|program]`. */
export async function schemaCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('schema', args, {});
  if (values.help) {
    io.stdout.write(SCHEMA_HELP);
    return EXIT.OK;
  }
  if (positionals.length > 1)
    throw new UsageError('schema: give at most one of participant, program');
  const schemas = toJSONSchema();
  const which = positionals[0];
  if (which !== undefined && which !== 'participant' && which !== 'program') {
    throw new UsageError(
      `schema: unknown schema ${JSON.stringify(which)}; use participant or program`,
    );
  }
  const out = which === undefined ? schemas : schemas[which];
  io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT.OK;
}

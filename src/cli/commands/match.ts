import { resolve } from 'node:path';
import type { MatchObjective } from '../../index.js';
import { writeMatchResult } from '../../node/write-match-result.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadCohort } from '../load-input.js';
import { defaultMode, MODE_OBJECTIVES, MODES } from '../modes.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { createProgress } from '../progress.js';
import { readMinScore } from '../read-min-score.js';
import { summarizeResult } from '../summarize-result.js';
import { UsageError } from '../usage-error.js';

export const MATCH_HELP = `Usage: peermatch match <people.csv|people.json> --program program.json [options]

Validates the participants, scores every pair under the program's hard rules and forms the
relationships. Prints a summary table on stdout; a progress bar on stderr when it is a
terminal (never when piped or in CI).

  --program <file>     program configuration (JSON); optional when people.json holds
                       { "program": …, "participants": […] }
  --mode <mode>        ${Object.keys(MODES).join(', ')} (default: the program's mode)
  --objective <name>   coverage (default), total or fairness
  --min-score <x>      never pair below this score, 0 to 1
  --out <file>         write the result: .csv (pairs and unmatched, for spreadsheets) or
                       .json (the whole result, for \`peermatch report\`)
  --mapping <file>     column mapping for CSV layouts that do not follow the convention
  --quiet              print nothing on stdout (errors still go to stderr)
`;

/** `peermatch match people.csv --program program.json [--mode …] [--out …]`. */
export async function matchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('match', args, {
    program: { type: 'string' },
    mode: { type: 'string' },
    objective: { type: 'string' },
    'min-score': { type: 'string' },
    out: { type: 'string' },
    mapping: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(MATCH_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) {
    throw new UsageError('match: give one participants file', 'see `peermatch match --help`');
  }
  if (values.mode !== undefined && !(values.mode in MODES)) {
    throw new UsageError(
      `match: unknown mode ${JSON.stringify(values.mode)}; use one of ${Object.keys(MODES).join(', ')}`,
    );
  }
  const minScore = readMinScore('match', values['min-score']);
  if (values.out !== undefined && !/\.(csv|json)$/i.test(values.out)) {
    throw new UsageError(
      `match: --out must name a .csv or .json file, got ${JSON.stringify(values.out)}`,
    );
  }
  const progress = createProgress(io, 4);
  try {
    const { cohort, program } = await loadCohort(
      io,
      { people: positionals[0], program: values.program, mapping: values.mapping },
      progress,
    );
    const mode = values.mode ?? defaultMode(program);
    const run = MODES[mode];
    if (run === undefined) {
      // Listed without a runner: the mode needs more input than `match` takes.
      throw new UsageError(
        `match: mode ${JSON.stringify(mode)} has its own command: use \`peermatch ${mode}\` (see \`peermatch ${mode} --help\`)`,
        values.mode === undefined
          ? 'the program asks for it; pass --mode to choose another'
          : undefined,
      );
    }
    const objectives = MODE_OBJECTIVES[mode] ?? [];
    if (
      values.objective !== undefined &&
      !objectives.includes(values.objective as MatchObjective)
    ) {
      throw new UsageError(
        `match: mode ${mode} has no objective ${JSON.stringify(values.objective)}; use one of ${objectives.join(', ')}`,
      );
    }
    progress.step(`matching ${cohort.size} participants (${mode})`);
    const result = await run(cohort, program, {
      objective: values.objective as MatchObjective | undefined,
      minScore,
      onProgress: progress.phase,
    });
    progress.done();
    if (values.out !== undefined) await writeMatchResult(resolve(io.cwd, values.out), result);
    if (!values.quiet) {
      io.stdout.write(summarizeResult(result));
      if (values.out !== undefined) io.stdout.write(`\nwrote ${values.out}\n`);
    }
    return EXIT.OK;
  } finally {
    progress.done();
  }
}

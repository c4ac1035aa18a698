import { resolve } from 'node:path';
import { type RematchChanges, rematch } from '../../index.js';
import { readJsonFile } from '../../node/read-participants.js';
import { writeMatchResult } from '../../node/write-match-result.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadCohort } from '../load-input.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { createProgress } from '../progress.js';
import { readMinScore } from '../read-min-score.js';
import { readResultFile } from '../read-result.js';
import { summarizeResult } from '../summarize-result.js';
import { UsageError } from '../usage-error.js';

export const REMATCH_HELP = `Usage: peermatch rematch <people.csv|people.json> --program program.json --previous result.json [options]

Re-matches mid-cycle: keeps every working pair of the previous result, ends the pairs of people
who left and the pairs that failed (never making them again), and matches only the people who
need a partner — newcomers in the participants file, the freed and the previously unmatched.

  --program <file>     program configuration (JSON)
  --previous <file>    the previous result (\`peermatch match … --out result.json\`)
  --changes <file>     JSON: { "left": ["id", …], "failed": [{ "mentorId", "menteeId",
                       "reason"? }, …], "waited": { "id": weeks, … } } (default: none)
  --rotation           a new round: every past pair is forbidden, everyone gets someone new
  --objective <name>   coverage (default) or total
  --min-score <x>      never make a new pair below this score, 0 to 1
  --out <file>         write the result (.csv or .json); \`changes\` lists kept, new and ended pairs
  --mapping <file>     column mapping for CSV layouts that do not follow the convention
  --quiet              print nothing on stdout
`;

/** `peermatch rematch people.csv --program program.json --previous result.json [--changes …]`. */
export async function rematchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('rematch', args, {
    program: { type: 'string' },
    previous: { type: 'string' },
    changes: { type: 'string' },
    rotation: { type: 'boolean' },
    objective: { type: 'string' },
    'min-score': { type: 'string' },
    out: { type: 'string' },
    mapping: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(REMATCH_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) {
    throw new UsageError('rematch: give one participants file', 'see `peermatch rematch --help`');
  }
  if (values.previous === undefined) {
    throw new UsageError('rematch: give --previous result.json', 'see `peermatch rematch --help`');
  }
  const objective = values.objective;
  if (objective !== undefined && objective !== 'coverage' && objective !== 'total') {
    throw new UsageError(
      `rematch: --objective must be coverage or total, got ${JSON.stringify(objective)}`,
    );
  }
  const minScore = readMinScore('rematch', values['min-score']);
  if (values.out !== undefined && !/\.(csv|json)$/i.test(values.out)) {
    throw new UsageError(
      `rematch: --out must name a .csv or .json file, got ${JSON.stringify(values.out)}`,
    );
  }
  const previous = await readResultFile(io, values.previous, 'rematch');
  const changes =
    values.changes === undefined
      ? {}
      : ((await readJsonFile(resolve(io.cwd, values.changes), 'rematch')) as RematchChanges);
  const progress = createProgress(io, 4);
  try {
    const { cohort, program } = await loadCohort(
      io,
      { people: positionals[0], program: values.program, mapping: values.mapping },
      progress,
    );
    progress.step(`re-matching ${cohort.size} participants`);
    // `rematch` checks the previous result and the changes, and lists every problem at once.
    const result = rematch(cohort, previous, changes, program, {
      objective,
      minScore,
      rotation: values.rotation,
      onProgress: progress.phase,
    });
    progress.done();
    if (values.out !== undefined) await writeMatchResult(resolve(io.cwd, values.out), result);
    if (!values.quiet) {
      const diff = result.changes;
      io.stdout.write(
        `kept ${diff?.kept.length ?? 0}, new ${diff?.new.length ?? 0}, ended ${diff?.ended.length ?? 0}, broken ${diff?.broken.length ?? 0} pair(s).\n`,
      );
      for (const ended of diff?.ended ?? []) {
        io.stdout.write(`  ended ${ended.mentorId} → ${ended.menteeId}: ${ended.message}\n`);
      }
      io.stdout.write(`\n${summarizeResult(result)}`);
      if (values.out !== undefined) io.stdout.write(`\nwrote ${values.out}\n`);
    }
    return EXIT.OK;
  } finally {
    progress.done();
  }
}

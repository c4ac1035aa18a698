/**
 * The one benchmark entry: `npm run bench [-- --smoke] [-- --only a,b]`.
 *
 * Runs each suite, prints its Markdown to stdout (progress goes to stderr), and — unless
 * `--smoke` — rewrites that suite's section of `bench/RESULTS.md` with the date and machine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeLoad, describeMachine } from './_lib/machine.js';
import { replaceSection } from './_lib/results-file.js';
import type { BenchSuite } from './_lib/suite.js';
import assignment from './assignment.js';
import blossom from './blossom.js';
import compatibility from './compatibility.js';
import groups from './groups.js';
import large from './large.js';
import matching from './matching.js';
import profile from './profile.js';
import sparse from './sparse.js';

/** The suites, in run order. */
const SUITES: readonly BenchSuite[] = [
  assignment,
  blossom,
  profile,
  compatibility,
  sparse,
  groups,
  matching,
  large,
];
const NAMES = SUITES.map((suite) => suite.name);

const RESULTS = new URL('./RESULTS.md', import.meta.url);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const smoke = values.smoke ?? false;
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((name) => !NAMES.includes(name)) ?? [];
  if (unknown.length > 0) {
    console.error(`bench: unknown suite ${unknown.join(', ')}; known: ${NAMES.join(', ')}`);
    process.exit(2);
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };

  let ran = 0;
  for (const suite of SUITES) {
    const name = suite.name;
    if (only && !only.includes(name)) continue;
    log(`bench: running '${name}'${smoke ? ' (smoke)' : ''}`);
    const started = Date.now();
    const loadBefore = describeLoad();
    const markdown = await suite.run({ smoke, log });
    ran++;
    const date = new Date().toISOString();
    const body = [
      `## ${suite.title}`,
      `Measured ${date} on ${describeMachine()}; took ${((Date.now() - started) / 1000).toFixed(0)} s; 1-minute load average ${loadBefore} at the start, ${describeLoad()} at the end.`,
      markdown.trim(),
    ].join('\n\n');
    process.stdout.write(`${body}\n\n`);
    if (!smoke) {
      const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
      writeFileSync(RESULTS, replaceSection(current, suite.name, body));
      log(`bench: wrote the '${suite.name}' section of bench/RESULTS.md`);
    }
  }
  if (ran === 0) {
    // A benchmark that ran nothing must not look like a success.
    console.error('bench: no suite ran');
    process.exitCode = 1;
  }
}

await main();

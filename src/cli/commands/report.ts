import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  type MatchResult,
  PeermatchError,
  type PeermatchIssue,
  renderHtmlReport,
} from '../../index.js';
import { readJsonFile } from '../../node/read-participants.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../usage-error.js';

export const REPORT_HELP = `Usage: peermatch report <result.json> --html <report.html> [--title <text>]

Turns a result written by \`peermatch match --out result.json\` into a self-contained HTML page
(no network needed): summary figures, the score distribution, who is unmatched and why, and
every pair with its explanation.

  --html <file>     where to write the page
  --title <text>    page title (default: "peermatch report")
`;

/** The shape checks a result file needs before rendering: enough to fail clearly, not a schema. */
function checkResult(value: unknown, file: string): MatchResult {
  const issues: PeermatchIssue[] = [];
  const v = value as Partial<Record<keyof MatchResult, unknown>> | null;
  const need = (ok: boolean, key: string, what: string) => {
    if (!ok)
      issues.push({ code: 'INVALID_RESULT', path: [key], message: `${file}: ${key} ${what}` });
  };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    need(false, 'result', 'must be a JSON object written by `peermatch match --out result.json`');
  } else {
    need(typeof v.mode === 'string', 'mode', 'must be a string');
    need(Array.isArray(v.pairs), 'pairs', 'must be an array');
    need(Array.isArray(v.unmatched), 'unmatched', 'must be an array');
    need(typeof v.stats === 'object' && v.stats !== null, 'stats', 'must be an object');
  }
  if (issues.length > 0) {
    throw new PeermatchError('INVALID_INPUT', `${file} is not a peermatch result`, issues);
  }
  return value as MatchResult;
}

/** `peermatch report result.json --html report.html`. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, {
    html: { type: 'string' },
    title: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) {
    throw new UsageError('report: give one result file', 'see `peermatch report --help`');
  }
  if (values.html === undefined) {
    throw new UsageError('report: give --html report.html', 'see `peermatch report --help`');
  }
  const [file] = positionals;
  const result = checkResult(await readJsonFile(resolve(io.cwd, file), 'report'), basename(file));
  const html = renderHtmlReport(result, { title: values.title, subtitle: basename(file) });
  await writeFile(resolve(io.cwd, values.html), html, 'utf8');
  io.stdout.write(`wrote ${values.html}\n`);
  return EXIT.OK;
}

import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { renderHtmlReport } from '../../index.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { readResultFile } from '../read-result.js';
import { UsageError } from '../usage-error.js';

export const REPORT_HELP = `Usage: peermatch report <result.json> --html <report.html> [--title <text>]

Turns a result written by \`peermatch match --out result.json\` into a self-contained HTML page
(no network needed): summary figures, the score distribution, who is unmatched and why, and
every pair with its explanation.

  --html <file>     where to write the page
  --title <text>    page title (default: "peermatch report")
`;

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
  const result = await readResultFile(io, file, 'report');
  const html = renderHtmlReport(result, { title: values.title, subtitle: basename(file) });
  await writeFile(resolve(io.cwd, values.html), html, 'utf8');
  io.stdout.write(`wrote ${values.html}\n`);
  return EXIT.OK;
}

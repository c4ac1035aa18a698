import { PeermatchError, type PeermatchIssue } from '../index.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** An issue as one line: its message without the API name in front (people ran a command). */
export function issueLine(issue: PeermatchIssue): string {
  return issue.message.replace(/^[A-Za-z]+: /, '');
}

const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM', 'EEXIST', 'EROFS']);

/**
 * Writes an error to stderr the way the command promises — one line, then every problem — and
 * returns its exit code. Stack traces only with `PEERMATCH_DEBUG=1`.
 */
export function reportError(io: CliIo, command: string, error: unknown): number {
  const prefix = `peermatch${command === '' ? '' : ` ${command}`}`;
  if (error instanceof UsageError) {
    const message = error.message.startsWith(`${command}: `)
      ? error.message.slice(command.length + 2)
      : error.message;
    io.stderr.write(`${prefix}: ${message}\n${error.hint ? `(${error.hint})\n` : ''}`);
    return EXIT.USAGE;
  }
  if (PeermatchError.is(error)) {
    io.stderr.write(
      `${prefix}: ${issueLine({ code: error.code, path: [], message: error.message.split('\n')[0] })}\n`,
    );
    for (const issue of error.issues) io.stderr.write(`  - ${issueLine(issue)}\n`);
    switch (error.code) {
      case 'INFEASIBLE':
        return EXIT.NO_RESULT;
      case 'ABORTED':
        return EXIT.ABORTED;
      default:
        return EXIT.INPUT;
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FILE_ERRORS.has(code)) {
    const path = (error as { path?: string }).path ?? '';
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'not allowed';
    io.stderr.write(`${prefix}: cannot use ${path}: ${reason} (${code})\n`);
    return EXIT.FILE;
  }
  io.stderr.write(
    `${prefix}: internal error: ${(error as Error)?.message ?? String(error)} — please report it (set PEERMATCH_DEBUG=1 for details)\n`,
  );
  if (io.env.PEERMATCH_DEBUG === '1' && error instanceof Error && error.stack) {
    io.stderr.write(`${error.stack}\n`);
  }
  return EXIT.INTERNAL;
}

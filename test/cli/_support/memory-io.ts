import type { CliIo } from '../../../src/cli/io.js';

/** An in-memory `CliIo`: what the command wrote, and a terminal or not. */
export function memoryIo(
  cwd: string,
  options: { tty?: boolean; env?: Record<string, string> } = {},
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd,
    out: () => out,
    err: () => err,
  };
}

import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type OptionSpecs = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** The parsed flags: strings for `string` options, booleans for `boolean` ones, all optional. */
export type ParsedFlags<T extends OptionSpecs> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string;
} & { help?: boolean };

/**
 * `node:util` parseArgs, strict, with `--help` added and its errors turned into usage errors
 * that name the command and point to its help.
 */
export function parseCommandArgs<const T extends OptionSpecs>(
  command: string,
  args: string[],
  options: T,
): { values: ParsedFlags<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, ...HELP },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as ParsedFlags<T>, positionals: parsed.positionals };
  } catch (error) {
    const message = (error as Error).message.split(/\.( |$)/)[0];
    throw new UsageError(`${command}: ${message}`, `see \`peermatch ${command} --help\``);
  }
}

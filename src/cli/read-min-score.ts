import { UsageError } from './usage-error.js';

/** `--min-score`: a number from 0 to 1, or absent. */
export function readMinScore(command: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(
      `${command}: --min-score must be a number from 0 to 1, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

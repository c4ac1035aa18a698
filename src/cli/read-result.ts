import { basename, resolve } from 'node:path';
import { type MatchResult, PeermatchError, type PeermatchIssue } from '../index.js';
import { readJsonFile } from '../node/read-participants.js';
import type { CliIo } from './io.js';

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

/** Reads a result written by `peermatch match --out result.json`, or fails with every problem. */
export async function readResultFile(
  io: CliIo,
  file: string,
  command: string,
): Promise<MatchResult> {
  return checkResult(await readJsonFile(resolve(io.cwd, file), command), basename(file));
}

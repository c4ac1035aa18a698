import type { PeermatchIssue } from '../../errors.js';
import type { Program } from '../program-schema.js';
import { buildProgramSchema } from './build-program-schema.js';
import { fromZodIssues, type IssueSite } from './issues.js';
import { memoChecks } from './memo-checks.js';
import { noDoc } from './schema-kit.js';

export interface ResolvedProgram {
  readonly program?: Program;
  readonly errors: PeermatchIssue[];
  readonly warnings: PeermatchIssue[];
}

export type UnknownFieldPolicy = 'strip' | 'warn' | 'reject';

/** Parses a program input (an already parsed `Program` parses to an equal one). */
export function resolveProgram(
  input: unknown,
  api: string,
  prefix: readonly (string | number)[],
  unknownFields: UnknownFieldPolicy,
): ResolvedProgram {
  const checks = memoChecks();
  const site: IssueSite = { api, prefix, subject: 'program' };
  const errors: PeermatchIssue[] = [];
  const warnings: PeermatchIssue[] = [];
  if (unknownFields !== 'strip') {
    const strict = buildProgramSchema({ strict: true, checks, document: noDoc });
    const result = strict.safeParse(input, { reportInput: true });
    if (result.success) return { program: result.data, errors, warnings };
    fromZodIssues(site, result.error.issues, errors, unknownFields === 'warn' ? warnings : errors);
    if (errors.length > 0) return { errors, warnings };
  }
  const loose = buildProgramSchema({ strict: false, checks, document: noDoc });
  const result = loose.safeParse(input, { reportInput: true });
  if (result.success) return { program: result.data, errors, warnings };
  fromZodIssues(site, result.error.issues, errors);
  return { errors, warnings };
}

import type { PeermatchIssue } from '../../errors.js';
import type { Participant } from '../participant-schema.js';
import type { Program } from '../program-schema.js';
import { buildParticipantSchema } from './build-participant-schema.js';
import {
  checkAgainstProgram,
  checkDuplicateIds,
  checkReferences,
  type Findings,
} from './check-cohort.js';
import { fromZodIssues, type IssueSite, makeIssue, recordSubject } from './issues.js';
import { memoChecks } from './memo-checks.js';
import { isPlainObject } from './records.js';
import { resolveProgram, type UnknownFieldPolicy } from './resolve-program.js';
import { noDoc } from './schema-kit.js';
import { resolveTaxonomy } from './taxonomy.js';

export interface RunParseOptions {
  readonly unknownFields: UnknownFieldPolicy;
  readonly maxIssues: number;
}

export interface RunParseResult {
  readonly data?: Participant[];
  readonly errors: PeermatchIssue[];
  readonly warnings: PeermatchIssue[];
}

/** A record's id if it is a usable string, for messages even when the record is invalid. */
function rawId(record: unknown): string | undefined {
  if (!isPlainObject(record)) return undefined;
  const id = Object.hasOwn(record, 'id') ? record.id : undefined;
  if (typeof id !== 'string') return undefined;
  const trimmed = id.trim();
  return trimmed.length > 0 && trimmed.length <= 200 ? trimmed : undefined;
}

/** The shared core of `parseParticipants` and `safeParseParticipants`. */
export function runParse(
  api: string,
  records: unknown,
  programInput: unknown,
  options: RunParseOptions,
): RunParseResult {
  const findings: Findings = { errors: [], warnings: [] };
  let program: Program | undefined;
  if (programInput !== undefined) {
    const resolved = resolveProgram(programInput, api, ['program'], options.unknownFields);
    findings.errors.push(...resolved.errors);
    findings.warnings.push(...resolved.warnings);
    program = resolved.program;
  }
  if (!Array.isArray(records)) {
    findings.errors.push(
      makeIssue(
        { api, prefix: [], subject: 'records' },
        'INVALID_TYPE',
        [],
        'must be an array of participant records',
      ),
    );
    return findings;
  }

  const checks = memoChecks();
  const loose = buildParticipantSchema({ strict: false, checks, document: noDoc });
  const strict =
    options.unknownFields === 'strip'
      ? undefined
      : buildParticipantSchema({ strict: true, checks, document: noDoc });

  const parsed: (Participant | undefined)[] = new Array(records.length);
  const ids: (string | undefined)[] = new Array(records.length);
  const unknownKeys = options.unknownFields === 'warn' ? findings.warnings : findings.errors;
  let stoppedAt = -1;
  for (let i = 0; i < records.length; i++) {
    // Past the cap the result is an error anyway; stop paying for more detail.
    if (findings.errors.length >= options.maxIssues) {
      stoppedAt = i;
      break;
    }
    const record: unknown = records[i];
    const id = rawId(record);
    ids[i] = id;
    const site: IssueSite = {
      api,
      prefix: [i],
      subject: recordSubject(i, id),
      ...(id === undefined ? {} : { participantId: id }),
    };
    if (!isPlainObject(record)) {
      findings.errors.push(makeIssue(site, 'INVALID_TYPE', [], 'must be an object'));
      continue;
    }
    let result = (strict ?? loose).safeParse(record, { reportInput: true });
    if (!result.success && strict !== undefined) {
      const before = findings.errors.length;
      fromZodIssues(site, result.error.issues, findings.errors, unknownKeys);
      if (findings.errors.length > before) continue;
      result = loose.safeParse(record, { reportInput: true });
    }
    if (result.success) parsed[i] = result.data;
    else fromZodIssues(site, result.error.issues, findings.errors);
  }

  checkDuplicateIds(api, ids, findings);
  const known = new Set<string>();
  for (const id of ids) if (id !== undefined) known.add(id);
  checkReferences(api, parsed, known, findings);
  if (program !== undefined) {
    checkAgainstProgram(api, parsed, program, resolveTaxonomy(program.taxonomy.skills), findings);
  }

  if (findings.errors.length > options.maxIssues || stoppedAt >= 0) {
    findings.errors.length = Math.min(findings.errors.length, options.maxIssues);
    findings.errors.push(
      makeIssue(
        { api, prefix: [], subject: 'records' },
        'TOO_MANY_ISSUES',
        [],
        stoppedAt >= 0
          ? `have at least ${options.maxIssues} problems; checking stopped at record ${stoppedAt}`
          : `have more than ${options.maxIssues} problems; only the first ${options.maxIssues} are listed`,
      ),
    );
  }
  if (findings.errors.length > 0) return findings;
  return { data: parsed as Participant[], errors: findings.errors, warnings: findings.warnings };
}

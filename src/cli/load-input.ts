import { basename, resolve } from 'node:path';
import {
  type Cohort,
  normalizeCohort,
  type Participant,
  PeermatchError,
  type PeermatchIssue,
  type Program,
  parseProgram,
  safeParseParticipants,
} from '../index.js';
import { parseCsvMapping } from '../node/csv-mapping.js';
import { locateIssues } from '../node/locate-issues.js';
import { readJsonFile, readParticipantRecords } from '../node/read-participants.js';
import type { CliIo } from './io.js';
import type { Progress } from './progress.js';
import { UsageError } from './usage-error.js';

/** The files a command reads its participants from. */
export interface InputPaths {
  readonly people: string;
  readonly program?: string;
  readonly mapping?: string;
}

/** Everything found while reading and validating the input, problems included. */
export interface CheckedInput {
  readonly participants: Participant[] | undefined;
  readonly program: Program | undefined;
  /** With `normalize`, when everything else was valid. */
  readonly cohort: Cohort | undefined;
  readonly records: number;
  /** Every problem: mapping, program, CSV layer and participants, each located by file row. */
  readonly issues: PeermatchIssue[];
  readonly warnings: PeermatchIssue[];
}

function programIssues(error: unknown, file: string): PeermatchIssue[] {
  if (!PeermatchError.is(error)) throw error;
  return error.issues.map((issue) => ({ ...issue, message: `${file}: ${issue.message}` }));
}

/**
 * Reads the mapping, the program and the participants, and validates them all, collecting every
 * problem rather than stopping at the first file with one. A missing program is a usage error
 * only when `requireProgram` is set.
 */
export async function checkInput(
  io: CliIo,
  paths: InputPaths,
  options: { requireProgram: boolean; normalize: boolean; progress?: Progress },
): Promise<CheckedInput> {
  const issues: PeermatchIssue[] = [];
  const at = (path: string) => resolve(io.cwd, path);
  options.progress?.step('reading');
  let mapping: ReturnType<typeof parseCsvMapping> | undefined;
  if (paths.mapping !== undefined) {
    try {
      mapping = parseCsvMapping(await readJsonFile(at(paths.mapping), 'mapping'));
    } catch (error) {
      issues.push(...programIssues(error, basename(paths.mapping)));
    }
  }
  const file = await readParticipantRecords(at(paths.people), { mapping });
  let rawProgram: unknown = file.program;
  let programName = `${basename(paths.people)} (program)`;
  if (paths.program !== undefined) {
    rawProgram = await readJsonFile(at(paths.program), 'program');
    programName = basename(paths.program);
  }
  if (rawProgram === undefined && options.requireProgram) {
    throw new UsageError(
      `no program: give --program program.json (or a JSON file of the form { "program": …, "participants": […] })`,
    );
  }
  let program: Program | undefined;
  if (rawProgram !== undefined) {
    try {
      program = parseProgram(rawProgram);
    } catch (error) {
      issues.push(...programIssues(error, programName));
    }
  }
  options.progress?.step(`validating ${file.records.length} records`);
  const parsed = safeParseParticipants(file.records, program);
  const rows = file.rows ?? [];
  issues.push(...file.issues, ...locateIssues(parsed.success ? [] : parsed.error.issues, rows));
  let cohort: Cohort | undefined;
  // Normalisation finds what parsing cannot (e.g. a managerId cycle): run it once all else is valid.
  if (options.normalize && issues.length === 0 && parsed.success && program !== undefined) {
    options.progress?.step(`normalising ${parsed.data.length} participants`);
    try {
      cohort = normalizeCohort(parsed.data, program);
    } catch (error) {
      if (!PeermatchError.is(error)) throw error;
      issues.push(...locateIssues(error.issues, rows));
    }
  }
  return {
    cohort,
    participants: parsed.success ? parsed.data : undefined,
    program,
    records: file.records.length,
    issues,
    warnings: locateIssues(parsed.warnings, rows),
  };
}

/** The validated, normalised input of `match` and `explain`, or one error listing every problem. */
export async function loadCohort(
  io: CliIo,
  paths: InputPaths,
  progress?: Progress,
): Promise<{ cohort: Cohort; program: Program; participants: Participant[] }> {
  const input = await checkInput(io, paths, { requireProgram: true, normalize: true, progress });
  if (
    input.issues.length > 0 ||
    input.cohort === undefined ||
    input.participants === undefined ||
    input.program === undefined
  ) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `${input.issues.length} problem(s) in the input (run \`peermatch validate\` for the full report)`,
      input.issues,
    );
  }
  return { cohort: input.cohort, program: input.program, participants: input.participants };
}

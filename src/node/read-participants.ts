import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  type Participant,
  PeermatchError,
  type PeermatchIssue,
  type Program,
  type ProgramInput,
  parseParticipants,
} from '../index.js';
import type { CsvMapping } from './csv-mapping.js';
import {
  type CsvParticipantOptions,
  CsvParticipantReader,
  type CsvParticipantRow,
  collect,
} from './csv-participant-reader.js';
import { locateIssues } from './locate-issues.js';

/** Options of {@link readParticipantRecords} and {@link readParticipants}. */
export interface ReadParticipantsOptions {
  /**
   * `'csv'` or `'json'`.
   * @default from the file extension: `.json` is JSON, anything else CSV
   */
  readonly format?: 'csv' | 'json';
  /** For CSV layouts that do not follow the column convention (see `parseCsvMapping`). */
  readonly mapping?: CsvMapping;
}

/** The raw content of a participants file, before validation. */
export interface ParticipantRecordsFile {
  readonly format: 'csv' | 'json';
  /** The records, for `parseParticipants`. */
  readonly records: unknown[];
  /** CSV only: `rows[i]` is the file row record `i` starts on (the header is row 1). */
  readonly rows: number[] | undefined;
  /** A JSON file of the form `{ program, participants }` may carry its program. */
  readonly program: unknown;
  /** Problems the file layer found (CSV structure, unknown columns, malformed cells). */
  readonly issues: PeermatchIssue[];
}

function formatOf(path: string, options: ReadParticipantsOptions | undefined): 'csv' | 'json' {
  return options?.format ?? (extname(path).toLowerCase() === '.json' ? 'json' : 'csv');
}

/** Reads and parses a JSON file, or throws `INVALID_INPUT` naming the file and the syntax error. */
export async function readJsonFile(path: string, api: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = `${api}: ${path} is not valid JSON: ${(error as Error).message}`;
    throw new PeermatchError('INVALID_INPUT', message, [
      { code: 'INVALID_JSON', path: [], message },
    ]);
  }
}

/**
 * Streams a CSV file of participants: yields each record as soon as its row is read, holding
 * only one chunk and one row in memory, for files too large to load at once. Rows with cell
 * problems are yielded with their `issues`; problems of the file as a whole (unknown columns,
 * an unclosed quote) throw one `PeermatchError` (`INVALID_INPUT`) — unknown columns before the
 * first record, structural problems at the end.
 *
 * @example
 * ```ts
 * for await (const { record, row } of streamParticipantsCsv('people.csv')) console.log(row, record.id);
 * //=> 2 'ana'
 * ```
 */
export async function* streamParticipantsCsv(
  path: string,
  options?: Pick<ReadParticipantsOptions, 'mapping'>,
): AsyncGenerator<CsvParticipantRow> {
  const api = 'streamParticipantsCsv';
  const reader = new CsvParticipantReader({ api, mapping: options?.mapping });
  let checkedHeader = false;
  const fail = (issues: PeermatchIssue[]) =>
    new PeermatchError('INVALID_INPUT', `${api}: ${issues.length} problem(s) in ${path}`, issues);
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const rows = reader.push(chunk as string);
    if (!checkedHeader && reader.hasHeader) {
      checkedHeader = true;
      if (reader.issues.length > 0) throw fail(reader.issues);
    }
    yield* rows;
  }
  const rows = reader.end();
  if (!checkedHeader && reader.hasHeader && reader.issues.length > 0) throw fail(reader.issues);
  yield* rows;
  if (reader.issues.length > 0) throw fail(reader.issues);
}

/**
 * Reads a participants file without validating the values: CSV by the column convention (or a
 * mapping), streamed so the text is never held whole; or JSON, either an array of records or
 * `{ program, participants }`. I/O errors (a missing file) are thrown as they are.
 *
 * @param path - A `.csv` or `.json` file.
 * @param options - See {@link ReadParticipantsOptions}.
 * @returns The records, their rows, the embedded program and the file-level problems.
 * @example
 * ```ts
 * const file = await readParticipantRecords('people.csv');
 * file.rows?.[0];
 * //=> 2
 * ```
 */
export async function readParticipantRecords(
  path: string,
  options?: ReadParticipantsOptions,
): Promise<ParticipantRecordsFile> {
  const api = 'readParticipantRecords';
  if (formatOf(path, options) === 'json') {
    const data = await readJsonFile(path, api);
    if (Array.isArray(data)) {
      return { format: 'json', records: data, rows: undefined, program: undefined, issues: [] };
    }
    if (
      typeof data === 'object' &&
      data !== null &&
      Array.isArray((data as { participants?: unknown }).participants)
    ) {
      const { participants, program } = data as { participants: unknown[]; program?: unknown };
      return { format: 'json', records: participants, rows: undefined, program, issues: [] };
    }
    const message = `${api}: ${path} must hold an array of participants or { "participants": [...] }`;
    return {
      format: 'json',
      records: [],
      rows: undefined,
      program: undefined,
      issues: [{ code: 'INVALID_TYPE', path: [], message }],
    };
  }
  const csvOptions: CsvParticipantOptions = { api, mapping: options?.mapping };
  const reader = new CsvParticipantReader(csvOptions);
  const batches: CsvParticipantRow[][] = [];
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    batches.push(reader.push(chunk as string));
  }
  batches.push(reader.end());
  const { records, rows, issues } = collect(reader, batches);
  return { format: 'csv', records, rows, program: undefined, issues };
}

/** Options of {@link readParticipants}. */
export interface ReadParticipantsValidatedOptions extends ReadParticipantsOptions {
  /** Called with each warning (references to people outside the file, …). */
  readonly onWarning?: (warning: PeermatchIssue) => void;
}

/**
 * Reads a participants file (CSV or JSON, see {@link readParticipantRecords}) and validates it
 * with `parseParticipants`, or throws one `PeermatchError` (`INVALID_INPUT`) listing **every**
 * problem of the file — CSV layer and validation together — each naming its file row.
 *
 * @param path - A `.csv` or `.json` file.
 * @param program - The program (raw or parsed) for program-dependent checks (stages, skills).
 * @param options - See {@link ReadParticipantsValidatedOptions}.
 * @returns The validated participants, in file order.
 * @example
 * ```ts
 * const people = await readParticipants('people.csv', program);
 * const result = matchOneToOne(normalizeCohort(people, program), program);
 * ```
 */
export async function readParticipants(
  path: string,
  program?: ProgramInput | Program,
  options?: ReadParticipantsValidatedOptions,
): Promise<Participant[]> {
  const file = await readParticipantRecords(path, options);
  const rows = file.rows ?? [];
  const onWarning = options?.onWarning;
  let participants: Participant[] | undefined;
  let invalid: readonly PeermatchIssue[] = [];
  try {
    participants = parseParticipants(file.records, program, {
      onWarning: onWarning && ((w) => onWarning(locateIssues([w], rows)[0])),
    });
  } catch (error) {
    if (!PeermatchError.is(error) || error.code !== 'INVALID_INPUT') throw error;
    invalid = error.issues;
  }
  const issues = [...file.issues, ...locateIssues(invalid, rows)];
  if (issues.length > 0 || participants === undefined) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `readParticipants: ${issues.length} problem(s) in ${path}`,
      issues,
    );
  }
  return participants;
}

import type { PeermatchIssue } from '../index.js';
import { RecordBuilder } from './_internal/record-builder.js';
import type { CsvMapping } from './csv-mapping.js';
import { CsvRowReader } from './csv-rows.js';

/** One participant record read from a CSV row. */
export interface CsvParticipantRow {
  /** The record, ready for `parseParticipants`. */
  readonly record: Record<string, unknown>;
  /** 0-based position among the records (the index `parseParticipants` reports). */
  readonly index: number;
  /** 1-based row of the file the record starts on (the header is row 1). */
  readonly row: number;
  /** Problems converting this row's cells. */
  readonly issues: readonly PeermatchIssue[];
}

/** Options of the CSV participant readers. */
export interface CsvParticipantOptions {
  /** A mapping for layouts that do not follow the column convention (see `parseCsvMapping`). */
  readonly mapping?: CsvMapping;
  /** Name of the calling API, first word of every problem message. */
  readonly api?: string;
}

/**
 * Turns CSV text, pushed in chunks, into participant records by the column convention (and an
 * optional mapping). Holds one row at a time: memory stays bounded by the longest row, so a
 * file of any size can be read in a stream. `issues` gathers the problems that belong to no one
 * row (unknown or duplicate columns, an unclosed quote).
 *
 * @example
 * ```ts
 * const reader = new CsvParticipantReader();
 * reader.push('id,role,skills.offered\nana,mentor,python:4; sql:2\n');
 * //=> [{ record: { id: 'ana', role: 'mentor', skills: { offered: [{ name: 'python', level: 4 }, { name: 'sql', level: 2 }] } }, index: 0, row: 2, issues: [] }]
 * ```
 */
export class CsvParticipantReader {
  /** Name of the calling API, first word of every problem message. */
  readonly api: string;
  private readonly rows: CsvRowReader;
  private readonly mapping: CsvMapping;
  private builder: RecordBuilder | undefined;
  private count = 0;

  constructor(options: CsvParticipantOptions = {}) {
    this.mapping = options.mapping ?? {};
    this.api = options.api ?? 'CsvParticipantReader';
    this.rows = new CsvRowReader({ delimiter: this.mapping.delimiter });
  }

  /** Problems outside any one row: the header's, and the CSV structure's. */
  get issues(): PeermatchIssue[] {
    const structural = this.rows.problems.map(
      (p): PeermatchIssue => ({
        code: 'INVALID_CSV',
        path: [],
        message: `${this.api}: ${p.message}`,
      }),
    );
    return [...(this.builder?.headerIssues ?? []), ...structural];
  }

  /** True once the header row has been read. */
  get hasHeader(): boolean {
    return this.builder !== undefined;
  }

  /** Feeds a chunk of text; returns the records it completes. */
  push(chunk: string): CsvParticipantRow[] {
    return this.convert(this.rows.push(chunk));
  }

  /** Ends the input; returns the last record, if any. */
  end(): CsvParticipantRow[] {
    return this.convert(this.rows.end());
  }

  private convert(rows: readonly { line: number; cells: string[] }[]): CsvParticipantRow[] {
    const out: CsvParticipantRow[] = [];
    for (const { line, cells } of rows) {
      if (this.builder === undefined) {
        this.builder = new RecordBuilder(this.api, cells, line, this.mapping);
        continue;
      }
      if (cells.every((cell) => cell.trim() === '')) continue;
      const index = this.count++;
      const { record, issues } = this.builder.build(cells, index, line);
      out.push({ record, index, row: line, issues });
    }
    return out;
  }
}

/** Participant records read from a whole CSV source, with every problem found converting them. */
export interface CsvParticipantRecords {
  readonly records: Record<string, unknown>[];
  /** `rows[i]` is the file row record `i` starts on. */
  readonly rows: number[];
  readonly issues: PeermatchIssue[];
}

/**
 * Converts a whole CSV text into participant records (see {@link CsvParticipantReader}).
 * Validation of the values is left to `parseParticipants`; `issues` lists only what the CSV
 * layer itself can tell (unknown columns, malformed skill cells, ragged rows, unclosed quotes).
 *
 * @example
 * ```ts
 * csvToParticipantRecords('id,role,minor\nzoe,mentee,yes\n').records;
 * //=> [{ id: 'zoe', role: 'mentee', safeguarding: { minor: true } }]
 * ```
 */
export function csvToParticipantRecords(
  text: string,
  options?: CsvParticipantOptions,
): CsvParticipantRecords {
  const reader = new CsvParticipantReader({ api: 'csvToParticipantRecords', ...options });
  return collect(reader, [reader.push(text), reader.end()]);
}

/** Gathers reader output into records, rows and issues (the reader's first, then the rows'). Internal. */
export function collect(
  reader: CsvParticipantReader,
  batches: Iterable<readonly CsvParticipantRow[]>,
): CsvParticipantRecords {
  const records: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const issues: PeermatchIssue[] = [];
  for (const batch of batches) {
    for (const row of batch) {
      records.push(row.record);
      rows.push(row.row);
      issues.push(...row.issues);
    }
  }
  if (!reader.hasHeader) {
    issues.push({
      code: 'EMPTY_FILE',
      path: [],
      message: `${reader.api}: the file is empty (no header row)`,
    });
  }
  return { records, rows, issues: [...reader.issues, ...issues] };
}

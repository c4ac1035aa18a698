/**
 * An RFC 4180 CSV reader that takes its text in chunks, so a large file never has to be held
 * in memory as one string. Quoted fields may hold the delimiter, doubled quotes and line breaks;
 * lines end with LF or CRLF; a leading byte-order mark is dropped.
 */

/** One parsed CSV row and the 1-based line of the file it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** A structural problem in the CSV text (not in the values). */
export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

/** Options of {@link CsvRowReader} and {@link parseCsvRows}. */
export interface CsvRowOptions {
  /**
   * The field delimiter, one character.
   * @default ','
   */
  readonly delimiter?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Incremental CSV reader: `push` chunks as they arrive, `end` once; each call returns the rows
 * completed so far. Blank lines are skipped. A stray quote inside an unquoted field is kept as
 * text (spreadsheets write `5" screen`), an unterminated quoted field is a problem.
 *
 * @example
 * ```ts
 * const reader = new CsvRowReader();
 * reader.push('id,skills\nana,"python:4; sq');
 * //=> [{ line: 1, cells: ['id', 'skills'] }]
 * reader.push('l:2"\n');
 * //=> [{ line: 2, cells: ['ana', 'python:4; sql:2'] }]
 * ```
 */
export class CsvRowReader {
  readonly problems: CsvProblem[] = [];
  private readonly delimiter: number;
  private cells: string[] = [];
  private field = '';
  private quoted = false;
  private inQuotes = false;
  /** A quote seen inside quotes: either the end of the field or the first of a doubled quote. */
  private quotePending = false;
  private pendingCR = false;
  private line = 1;
  private rowLine = 1;
  private started = false;
  private fresh = true;

  constructor(options: CsvRowOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new TypeError(
        `CsvRowReader: delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`,
      );
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Feeds the next chunk of text; returns the rows it completes. */
  push(chunk: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let start = 0;
    if (this.fresh) {
      this.fresh = false;
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
    }
    for (let i = start; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === LF) continue;
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (c === QUOTE) {
          this.field += '"';
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === QUOTE) this.quotePending = true;
        else {
          if (c === LF || c === CR) {
            this.line++;
            if (c === CR) this.pendingCR = true;
            this.field += '\n';
          } else {
            // Copy the run up to the next quote or line break in one slice, not char by char.
            let j = i + 1;
            while (j < chunk.length) {
              const d = chunk.charCodeAt(j);
              if (d === QUOTE || d === LF || d === CR) break;
              j++;
            }
            this.field += chunk.slice(i, j);
            i = j - 1;
          }
        }
        continue;
      }
      if (c === this.delimiter) {
        this.endField();
      } else if (c === LF || c === CR) {
        if (c === CR) this.pendingCR = true;
        this.endRow(rows);
        this.line++;
        this.rowLine = this.line;
      } else if (c === QUOTE && !this.started) {
        this.inQuotes = true;
        this.quoted = true;
        this.started = true;
      } else {
        if (this.quoted) {
          this.problems.push({
            line: this.line,
            message: `line ${this.line}: text after a closing quote in a quoted field`,
          });
          this.quoted = false;
        }
        let j = i + 1;
        while (j < chunk.length) {
          const d = chunk.charCodeAt(j);
          if (d === this.delimiter || d === QUOTE || d === LF || d === CR) break;
          j++;
        }
        this.field += chunk.slice(i, j);
        i = j - 1;
        this.started = true;
      }
    }
    return rows;
  }

  /** Ends the input; returns the last row, if any. */
  end(): CsvRow[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      this.problems.push({
        line: this.rowLine,
        message: `line ${this.rowLine}: a quoted field is never closed`,
      });
      this.inQuotes = false;
    }
    const rows: CsvRow[] = [];
    this.endRow(rows);
    return rows;
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.quoted = false;
    this.started = false;
  }

  private endRow(rows: CsvRow[]): void {
    const blank = this.cells.length === 0 && this.field === '' && !this.started;
    if (!blank) {
      this.endField();
      rows.push({ line: this.rowLine, cells: this.cells });
    }
    this.cells = [];
    this.field = '';
    this.quoted = false;
    this.started = false;
  }
}

/**
 * Parses a whole CSV text into rows (see {@link CsvRowReader}).
 *
 * @example
 * ```ts
 * parseCsvRows('id,role\r\nana,mentor\r\n').rows.map((r) => r.cells);
 * //=> [['id', 'role'], ['ana', 'mentor']]
 * ```
 */
export function parseCsvRows(
  text: string,
  options?: CsvRowOptions,
): { rows: CsvRow[]; problems: CsvProblem[] } {
  const reader = new CsvRowReader(options);
  const rows = reader.push(text);
  rows.push(...reader.end());
  return { rows, problems: reader.problems };
}

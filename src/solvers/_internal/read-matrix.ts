import { PeermatchError, type PeermatchIssue } from '../../errors.js';

import type { AssignmentMatrix } from '../solve-assignment.js';

/** A cost or score matrix as callers give it (the public type, named for the readers here). */
export type MatrixInput = AssignmentMatrix;

/** The one form the kernels take: row-major, never more rows than columns. */
export interface DenseMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** True when `data` holds the transpose of the caller's matrix. */
  readonly transposed: boolean;
  /**
   * The smallest allowed cell of the problem as minimised (`-max` when maximising), or
   * `+Infinity` when every cell is forbidden. Found in the validating sweep, at no extra cost;
   * a lower bound the kernels use to stop scanning a row early.
   */
  readonly lowest: number;
}

/**
 * Beyond this many, problems are counted rather than listed: a 4000 × 4000 matrix of NaN
 * would otherwise make an error with 16 million entries.
 */
const MAX_LISTED_ISSUES = 100;

/**
 * Validates a matrix and brings it to the kernels' form. The caller's data is used as it is
 * when it already fits (flat, rows ≤ cols); otherwise one converted copy is made.
 * Throws `PeermatchError` `INVALID_MATRIX` listing every problem.
 */
export function readMatrix(api: string, matrix: MatrixInput, maximize: boolean): DenseMatrix {
  const issues = new IssueList(api, maximize);
  let result: DenseMatrix;
  if (Array.isArray(matrix)) {
    result = readNested(matrix as readonly (readonly number[])[], issues);
  } else if (isFlatMatrix(matrix)) {
    result = readFlat(matrix, issues);
  } else {
    issues.add('INVALID_MATRIX', [], `the matrix is ${typeName(matrix)}`);
    result = { data: new Float64Array(0), rows: 0, cols: 0, transposed: false, lowest: 0 };
  }
  issues.throwIfAny('INVALID_MATRIX', 'expected number[][] or { rows, cols, data: Float64Array }');
  return result;
}

function readNested(nested: readonly (readonly number[])[], issues: IssueList): DenseMatrix {
  const rows = nested.length;
  const cols = rows > 0 && Array.isArray(nested[0]) ? nested[0].length : 0;
  const transposed = rows > cols;
  const data = new Float64Array(rows * cols);
  const sign = issues.sign;
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rows; i++) {
    const row = nested[i];
    if (!Array.isArray(row)) {
      issues.add('INVALID_ROW', [i], `row ${i} is ${typeName(row)}, not an array`);
      continue;
    }
    if (row.length !== cols) {
      issues.add('ROW_LENGTH', [i], `row ${i} has ${row.length} cells, but row 0 has ${cols}`);
      continue;
    }
    for (let j = 0; j < cols; j++) {
      const x = row[j];
      // `c > -Infinity` is false exactly for NaN, the wrong infinity and non-numbers.
      const c = sign * x;
      if (!(c > Number.NEGATIVE_INFINITY) || typeof x !== 'number') issues.cell(x, i, j, [i, j]);
      else if (c < lowest) lowest = c;
      data[transposed ? j * rows + i : i * cols + j] = x;
    }
  }
  return transposed
    ? { data, rows: cols, cols: rows, transposed, lowest }
    : { data, rows, cols, transposed, lowest };
}

function readFlat(
  { rows, cols, data }: { rows: number; cols: number; data: Float64Array },
  issues: IssueList,
): DenseMatrix {
  for (const [key, size] of [
    ['rows', rows],
    ['cols', cols],
  ] as const) {
    if (!Number.isSafeInteger(size) || size < 0) {
      issues.add(
        'INVALID_SIZE',
        [key],
        `\`${key}\` must be a whole number from 0 and up, got \`${String(size)}\``,
      );
    }
  }
  const empty = { data, rows: 0, cols: 0, transposed: false, lowest: Number.POSITIVE_INFINITY };
  if (issues.count > 0) return empty;
  if (data.length !== rows * cols) {
    issues.add(
      'DATA_LENGTH',
      ['data'],
      `\`data\` has ${data.length} cells, but rows × cols = ${rows} × ${cols} = ${rows * cols}`,
    );
    return empty;
  }
  const sign = issues.sign;
  let lowest = Number.POSITIVE_INFINITY;
  let odd = false;
  for (let k = 0; k < data.length; k++) {
    // One comparison a cell on the common path; NaN fails both tests, and the wrong
    // infinity can only ever be the lowest value.
    const c = sign * data[k];
    if (!(c >= lowest)) {
      if (c < lowest) lowest = c;
      else odd = true;
    }
  }
  if (odd || lowest === Number.NEGATIVE_INFINITY) {
    for (let k = 0; k < data.length; k++) {
      const c = sign * data[k];
      if (!(c > Number.NEGATIVE_INFINITY)) {
        issues.cell(data[k], Math.floor(k / cols), k % cols, ['data', k]);
      }
    }
  }
  if (rows <= cols) return { data, rows, cols, transposed: false, lowest };
  const transposed = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) transposed[j * rows + i] = data[i * cols + j];
  }
  return { data: transposed, rows: cols, cols: rows, transposed: true, lowest };
}

/** Collects problems, listing the first hundred and counting the rest. */
class IssueList {
  private readonly issues: PeermatchIssue[] = [];
  private hidden = 0;
  /** 1 when minimising, -1 when maximising: `sign * cell` is the cost minimised. */
  readonly sign: number;

  constructor(
    private readonly api: string,
    private readonly maximize: boolean,
  ) {
    this.sign = maximize ? -1 : 1;
  }

  get count(): number {
    return this.issues.length + this.hidden;
  }

  add(code: string, path: (string | number)[], message: string): void {
    if (this.issues.length < MAX_LISTED_ISSUES) {
      this.issues.push({ code, path, message: `${this.api}: ${message}` });
    } else {
      this.hidden++;
    }
  }

  cell(value: unknown, i: number, j: number, path: (string | number)[]): void {
    let what: string;
    if (typeof value !== 'number') what = `is ${typeName(value)}, not a number`;
    else if (Number.isNaN(value)) what = 'is NaN';
    else if (this.maximize) what = 'is +Infinity; when maximising, forbid a pair with -Infinity';
    else what = 'is -Infinity; when minimising, forbid a pair with +Infinity';
    this.add('INVALID_CELL', path, `cell (${i}, ${j}) ${what}`);
  }

  throwIfAny(code: 'INVALID_MATRIX', summary: string): void {
    if (this.count === 0) return;
    const listed = [...this.issues];
    if (this.hidden > 0) {
      listed.push({
        code: 'MORE_ISSUES',
        path: [],
        message: `${this.api}: … and ${this.hidden} more`,
      });
    }
    const first =
      listed.length === 1 && listed[0].code === 'INVALID_MATRIX'
        ? summary
        : 'the matrix is invalid';
    throw new PeermatchError(code, `${this.api}: ${first}`, listed);
  }
}

function isFlatMatrix(value: unknown): value is { rows: number; cols: number; data: Float64Array } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'data' in value &&
    value.data instanceof Float64Array &&
    'rows' in value &&
    'cols' in value
  );
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `of type ${typeof value}`;
}

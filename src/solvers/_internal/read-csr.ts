import { PeermatchError, type PeermatchIssue } from '../../errors.js';

import type { SparseCandidates } from '../solve-sparse-assignment.js';

/** Candidate edges as callers give them (the public type, named for the reader here). */
export type CsrInput = SparseCandidates;

/** The graph in the one form the kernel takes, never more rows than columns. */
export interface CsrProblem {
  readonly rows: number;
  readonly cols: number;
  readonly offsets: Int32Array;
  readonly columns: Int32Array;
  /** The caller's weights, in the kernel's edge order. */
  readonly weights: Float64Array;
  /** `sign * weights`: what the kernel minimises. */
  readonly costs: Float64Array;
  /** True when rows and columns are swapped relative to the caller's graph. */
  readonly transposed: boolean;
}

/** Problems beyond this many are counted, not listed. */
const MAX_LISTED_ISSUES = 100;

/**
 * Validates a CSR graph (every problem listed in one `INVALID_MATRIX`) and brings it to the
 * kernel's form: typed arrays, signed costs, transposed when it has more rows than columns.
 * The caller's arrays are never written; they are copied whenever the form differs.
 */
export function readCsr(api: string, input: unknown, maximize: boolean): CsrProblem {
  const issues: PeermatchIssue[] = [];
  let hidden = 0;
  const add = (code: string, path: (string | number)[], message: string) => {
    if (issues.length < MAX_LISTED_ISSUES)
      issues.push({ code, path, message: `${api}: ${message}` });
    else hidden++;
  };
  const fail = (): never => {
    if (hidden > 0)
      issues.push({ code: 'MORE_ISSUES', path: [], message: `${api}: … and ${hidden} more` });
    throw new PeermatchError('INVALID_MATRIX', `${api}: the candidate graph is invalid`, issues);
  };

  if (typeof input !== 'object' || input === null) {
    add(
      'INVALID_MATRIX',
      [],
      `expected { rows, cols, offsets, columns, weights }, got ${String(input)}`,
    );
    return fail();
  }
  const { rows, cols, offsets, columns, weights } = input as Record<string, unknown>;
  for (const [key, size] of [
    ['rows', rows],
    ['cols', cols],
  ] as const) {
    if (!Number.isSafeInteger(size) || (size as number) < 0 || (size as number) > 0x7fffffff) {
      add(
        'INVALID_SIZE',
        [key],
        `\`${key}\` must be a whole number from 0 and up, got \`${String(size)}\``,
      );
    }
  }
  for (const [key, value] of [
    ['offsets', offsets],
    ['columns', columns],
    ['weights', weights],
  ] as const) {
    if (!isArrayLike(value)) {
      add(
        'INVALID_ARRAY',
        [key],
        `\`${key}\` must be an array or a typed array, got ${typeName(value)}`,
      );
    }
  }
  if (issues.length > 0) return fail();
  const n = rows as number;
  const m = cols as number;
  const off = offsets as ArrayLike<number>;
  const col = columns as ArrayLike<number>;
  const w = weights as ArrayLike<number>;
  const edges = col.length;

  if (off.length !== n + 1) {
    add(
      'OFFSETS_LENGTH',
      ['offsets'],
      `\`offsets\` has ${off.length} entries, expected rows + 1 = ${n + 1}`,
    );
  } else {
    if (off[0] !== 0) add('INVALID_OFFSET', ['offsets', 0], `offsets[0] must be 0, got ${off[0]}`);
    for (let i = 0; i < n; i++) {
      const a = off[i];
      const b = off[i + 1];
      if (!Number.isInteger(b) || b < a) {
        add(
          'INVALID_OFFSET',
          ['offsets', i + 1],
          `offsets[${i + 1}] = ${b} is not a whole number ≥ offsets[${i}] = ${a}`,
        );
      }
    }
    if (off[n] !== edges) {
      add(
        'OFFSETS_LENGTH',
        ['offsets', n],
        `offsets[${n}] = ${off[n]}, but there are ${edges} columns`,
      );
    }
  }
  if (w.length !== edges) {
    add(
      'LENGTH_MISMATCH',
      ['weights'],
      `\`weights\` has ${w.length} entries, but \`columns\` has ${edges}`,
    );
  }
  if (issues.length > 0) return fail();

  const sign = maximize ? -1 : 1;
  // Minimising typed weights are the costs already; the kernel only reads them.
  const shared = !maximize && w instanceof Float64Array;
  const costs = shared ? w : new Float64Array(edges);
  let row = 0;
  for (let e = 0; e < edges; e++) {
    while (off[row + 1] <= e) row++;
    const j = col[e];
    if (!(Number.isInteger(j) && j >= 0 && j < m)) {
      add(
        'INVALID_COLUMN',
        ['columns', e],
        `edge ${e} (row ${row}) has column ${String(j)}, expected a whole number in [0, ${m})`,
      );
    }
    const x = w[e];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      add(
        'INVALID_WEIGHT',
        ['weights', e],
        `edge ${e} (row ${row}, column ${String(j)}) has weight ${typeof x === 'number' ? x : typeName(x)}; leave a forbidden pair out rather than give it an infinite weight`,
      );
    }
    if (!shared) costs[e] = sign * x;
  }
  if (issues.length > 0) return fail();

  const typedOffsets = off instanceof Int32Array ? off : Int32Array.from(off);
  const typedColumns = col instanceof Int32Array ? col : Int32Array.from(col);
  const typedWeights = w instanceof Float64Array ? w : Float64Array.from(w);
  if (n <= m) {
    return {
      rows: n,
      cols: m,
      offsets: typedOffsets,
      columns: typedColumns,
      weights: typedWeights,
      costs,
      transposed: false,
    };
  }
  return transpose(n, m, typedOffsets, typedColumns, typedWeights, costs);
}

/** The transposed graph by a counting sort on columns: within a column, edges stay in row order. */
function transpose(
  rows: number,
  cols: number,
  offsets: Int32Array,
  columns: Int32Array,
  weights: Float64Array,
  costs: Float64Array,
): CsrProblem {
  const edges = columns.length;
  const tOffsets = new Int32Array(cols + 1);
  for (let e = 0; e < edges; e++) tOffsets[columns[e] + 1]++;
  for (let j = 0; j < cols; j++) tOffsets[j + 1] += tOffsets[j];
  const fill = tOffsets.slice(0, cols);
  const tColumns = new Int32Array(edges);
  const tWeights = new Float64Array(edges);
  const tCosts = new Float64Array(edges);
  for (let i = 0; i < rows; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const p = fill[columns[e]]++;
      tColumns[p] = i;
      tWeights[p] = weights[e];
      tCosts[p] = costs[e];
    }
  }
  return {
    rows: cols,
    cols: rows,
    offsets: tOffsets,
    columns: tColumns,
    weights: tWeights,
    costs: tCosts,
    transposed: true,
  };
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `of type ${typeof value}`;
}

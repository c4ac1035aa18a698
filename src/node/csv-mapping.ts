import { PeermatchError, type PeermatchIssue } from '../index.js';
import { type CsvField, fieldForHeader } from './csv-convention.js';

/** How one column of a mapping file is read: a field, or a field with value translations. */
export type CsvColumnMapping =
  | string
  | null
  | { readonly field: string; readonly values?: Readonly<Record<string, string>> };

/**
 * A mapping file for CSV layouts that do not follow the column convention (docs/csv.md): which
 * header fills which field, how cell values are translated, and the separators.
 */
export interface CsvMapping {
  /**
   * Field delimiter of the file, one character.
   * @default ','
   */
  readonly delimiter?: string;
  /**
   * Separator of list items inside a cell.
   * @default ';'
   */
  readonly listSeparator?: string;
  /**
   * `'error'` reports a header neither mapped nor known to the convention; `'ignore'` skips it.
   * @default 'error'
   */
  readonly unknownColumns?: 'error' | 'ignore';
  /**
   * Header → field path (`"Can teach": "skills.offered"`), `null` to ignore the column, or
   * `{ field, values }` to translate cells first (`{ "Mentor": "mentor", "Mentee": "mentee" }`,
   * matched without regard to case). Headers not listed follow the convention.
   */
  readonly columns?: Readonly<Record<string, CsvColumnMapping>>;
}

/** A column after the mapping and the convention are applied. */
export interface ResolvedColumn {
  readonly header: string;
  /** `undefined` for an ignored column. */
  readonly field: CsvField | undefined;
  /** Lower-cased source value → replacement. */
  readonly values: ReadonlyMap<string, string> | undefined;
}

const API = 'parseCsvMapping';
const KEYS = new Set(['delimiter', 'listSeparator', 'unknownColumns', 'columns']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkSeparator(
  value: unknown,
  key: 'delimiter' | 'listSeparator',
  issues: PeermatchIssue[],
): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.length !== 1 || /["\r\n]/.test(value)) {
    issues.push({
      code: 'INVALID_VALUE',
      path: [key],
      message: `${API}: ${key} must be one character other than a quote or line break, got ${JSON.stringify(value)}`,
    });
  }
}

function checkColumn(header: string, value: unknown, issues: PeermatchIssue[]): void {
  const path = ['columns', header];
  if (value === null) return;
  const target = isObject(value) ? value.field : value;
  if (typeof target !== 'string' || fieldForHeader(target) === undefined) {
    issues.push({
      code: 'UNKNOWN_FIELD',
      path: isObject(value) ? [...path, 'field'] : path,
      message: `${API}: column ${JSON.stringify(header)} maps to ${JSON.stringify(target)}, which is not a participant field (see docs/csv.md)`,
    });
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (key !== 'field' && key !== 'values') {
      issues.push({
        code: 'UNKNOWN_FIELD',
        path: [...path, key],
        message: `${API}: column ${JSON.stringify(header)} has an unknown key ${JSON.stringify(key)} (use field and values)`,
      });
    }
  }
  const values = value.values;
  if (values === undefined) return;
  if (!isObject(values) || Object.values(values).some((v) => typeof v !== 'string')) {
    issues.push({
      code: 'INVALID_TYPE',
      path: [...path, 'values'],
      message: `${API}: column ${JSON.stringify(header)} values must map cell text to text`,
    });
  }
}

/**
 * Checks a mapping file's content (parsed JSON) and returns it typed, or throws one
 * `PeermatchError` (`INVALID_OPTIONS`) listing every problem.
 *
 * @example
 * ```ts
 * parseCsvMapping({ columns: { 'Employee ID': 'id', Timestamp: null } }).columns?.['Employee ID'];
 * //=> 'id'
 * parseCsvMapping({ columns: { Team: 'squad' } });
 * //=> throws PeermatchError: parseCsvMapping: column "Team" maps to "squad", which is not a participant field …
 * ```
 */
export function parseCsvMapping(value: unknown): CsvMapping {
  const issues: PeermatchIssue[] = [];
  if (!isObject(value)) {
    throw new PeermatchError('INVALID_OPTIONS', `${API}: the mapping must be a JSON object`, [
      { code: 'INVALID_TYPE', path: [], message: `${API}: the mapping must be a JSON object` },
    ]);
  }
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key)) {
      issues.push({
        code: 'UNKNOWN_FIELD',
        path: [key],
        message: `${API}: unknown key ${JSON.stringify(key)} (use delimiter, listSeparator, unknownColumns, columns)`,
      });
    }
  }
  checkSeparator(value.delimiter, 'delimiter', issues);
  checkSeparator(value.listSeparator, 'listSeparator', issues);
  if (
    value.unknownColumns !== undefined &&
    value.unknownColumns !== 'error' &&
    value.unknownColumns !== 'ignore'
  ) {
    issues.push({
      code: 'INVALID_VALUE',
      path: ['unknownColumns'],
      message: `${API}: unknownColumns must be "error" or "ignore", got ${JSON.stringify(value.unknownColumns)}`,
    });
  }
  if (value.columns !== undefined) {
    if (!isObject(value.columns)) {
      issues.push({
        code: 'INVALID_TYPE',
        path: ['columns'],
        message: `${API}: columns must be an object of header → field`,
      });
    } else {
      for (const [header, column] of Object.entries(value.columns))
        checkColumn(header, column, issues);
    }
  }
  if (issues.length > 0) {
    throw new PeermatchError(
      'INVALID_OPTIONS',
      `${API}: ${issues.length} problem(s) in the mapping`,
      issues,
    );
  }
  return value as CsvMapping;
}

/** Resolves each header through the mapping, then the convention (undefined field = unknown). */
export function resolveColumn(header: string, mapping: CsvMapping): ResolvedColumn | undefined {
  const columns = mapping.columns ?? {};
  const trimmed = header.trim();
  const mapped = Object.hasOwn(columns, trimmed)
    ? columns[trimmed]
    : Object.hasOwn(columns, header)
      ? columns[header]
      : undefined;
  if (mapped === null) return { header, field: undefined, values: undefined };
  if (mapped !== undefined) {
    const target = typeof mapped === 'string' ? mapped : mapped.field;
    const values =
      typeof mapped === 'string' || mapped.values === undefined
        ? undefined
        : new Map(Object.entries(mapped.values).map(([k, v]) => [k.trim().toLowerCase(), v]));
    return { header, field: fieldForHeader(target), values };
  }
  const field = fieldForHeader(trimmed);
  return field === undefined ? undefined : { header, field, values: undefined };
}

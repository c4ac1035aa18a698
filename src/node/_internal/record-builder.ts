import type { PeermatchIssue } from '../../index.js';
import type { CsvCellKind } from '../csv-convention.js';
import { type CsvMapping, type ResolvedColumn, resolveColumn } from '../csv-mapping.js';

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/;

/** `a; b;; c ` → `['a', 'b', 'c']`: trimmed items, empty ones dropped. A loop, not closures: it runs per cell. */
function splitList(text: string, separator: string): string[] {
  const items: string[] = [];
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf(separator, from);
    if (to < 0) to = text.length;
    const item = text.slice(from, to).trim();
    if (item !== '') items.push(item);
    from = to + separator.length;
  }
  return items;
}

const SKILL_KEYS = { offered: ['level'], wanted: ['level', 'priority'] } as const;

/** `python:4:5` → `{ name, level, priority }`, or a problem sentence. */
function readSkills(
  kind: 'offered' | 'wanted',
  text: string,
  separator: string,
): { value: unknown } | { problem: string } {
  const keys = SKILL_KEYS[kind];
  const skills: Record<string, unknown>[] = [];
  for (const item of splitList(text, separator)) {
    const parts = item.split(':');
    const name = parts[0].trim();
    if (parts.length > keys.length + 1 || name === '') {
      return {
        problem: `has ${JSON.stringify(item)}; write ${kind === 'offered' ? 'name:level, e.g. "python:4"' : 'name:level:priority, e.g. "python:4:5"'}`,
      };
    }
    const skill: Record<string, unknown> = { name };
    for (let k = 0; k < keys.length; k++) {
      const part = parts[k + 1]?.trim();
      if (part !== undefined && part !== '')
        skill[keys[k]] = INTEGER.test(part) ? Number(part) : part;
    }
    skills.push(skill);
  }
  return { value: skills };
}

/** Reads one non-empty cell by its kind; returns the value, or a problem sentence. */
function convert(
  kind: CsvCellKind,
  text: string,
  separator: string,
): { value: unknown } | { problem: string } {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'integer':
      return { value: INTEGER.test(text) ? Number(text) : text };
    case 'boolean': {
      const lower = text.toLowerCase();
      return { value: TRUE.has(lower) ? true : FALSE.has(lower) ? false : text };
    }
    case 'date': {
      const m = DATE.exec(text);
      return {
        value: m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text,
      };
    }
    case 'list':
      return { value: splitList(text, separator) };
    case 'consent':
      return { value: text.toLowerCase() === 'all' ? 'all' : splitList(text, separator) };
    case 'offered':
    case 'wanted':
      return readSkills(kind, text, separator);
  }
}

/** Sets `value` at `path`, creating objects on the way. */
function setPath(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = record;
  for (let k = 0; k < path.length - 1; k++) {
    const key = path[k];
    if (!Object.hasOwn(node, key)) setKey(node, key, {});
    node = node[key] as Record<string, unknown>;
  }
  setKey(node, path[path.length - 1], value);
}

function setKey(node: Record<string, unknown>, key: string, value: unknown): void {
  // A header such as `attr.__proto__` must make a plain key, not replace the prototype; plain
  // assignment otherwise, which keeps the records fast objects for validation.
  if (key === '__proto__') {
    Object.defineProperty(node, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else node[key] = value;
}

/** A participant record built from one CSV row, with its problems. */
export interface BuiltRecord {
  readonly record: Record<string, unknown>;
  readonly issues: PeermatchIssue[];
}

/**
 * Turns the rows of one CSV file into participant records: the header resolved once through
 * the mapping and the convention, then each row cell by cell. Empty cells leave fields absent,
 * so the schema's defaults apply.
 */
export class RecordBuilder {
  readonly headerIssues: PeermatchIssue[] = [];
  private readonly columns: (ResolvedColumn | undefined)[];
  private readonly separator: string;

  constructor(
    private readonly api: string,
    header: readonly string[],
    headerLine: number,
    mapping: CsvMapping,
  ) {
    this.separator = mapping.listSeparator ?? ';';
    const ignoreUnknown = mapping.unknownColumns === 'ignore';
    const seen = new Map<string, string>();
    this.columns = header.map((name, c) => {
      const column = resolveColumn(name, mapping);
      if (column === undefined) {
        if (!ignoreUnknown) {
          this.headerIssues.push({
            code: 'UNKNOWN_COLUMN',
            path: ['columns', c],
            message: `${api}: row ${headerLine}, column ${c + 1} ${JSON.stringify(name)} is not a participant field; map it (or null to ignore it) in a mapping file, see docs/csv.md`,
          });
        }
        return undefined;
      }
      if (column.field === undefined) return undefined;
      const target = column.field.path.join('.');
      const earlier = seen.get(target);
      if (earlier !== undefined) {
        this.headerIssues.push({
          code: 'DUPLICATE_COLUMN',
          path: ['columns', c],
          message: `${api}: row ${headerLine}, columns ${JSON.stringify(earlier)} and ${JSON.stringify(name)} both fill ${target}`,
        });
        return undefined;
      }
      seen.set(target, name);
      return column;
    });
  }

  /** Builds the record of data row `index` (0-based among records), found on `line`. */
  build(cells: readonly string[], index: number, line: number): BuiltRecord {
    const record: Record<string, unknown> = {};
    const issues: PeermatchIssue[] = [];
    if (cells.length > this.columns.length) {
      issues.push({
        code: 'EXTRA_CELLS',
        path: [index],
        message: `${this.api}: row ${line} has ${cells.length} cells but the header has ${this.columns.length}`,
      });
    }
    const n = Math.min(cells.length, this.columns.length);
    for (let c = 0; c < n; c++) {
      const column = this.columns[c];
      if (column?.field === undefined) continue;
      let text = cells[c].trim();
      if (text === '') continue;
      if (column.values !== undefined) text = column.values.get(text.toLowerCase()) ?? text;
      const converted = convert(column.field.kind, text, this.separator);
      if ('problem' in converted) {
        issues.push({
          code: 'INVALID_CELL',
          path: [index, ...column.field.path],
          message: `${this.api}: row ${line}, column ${JSON.stringify(column.header)} ${converted.problem}`,
        });
        continue;
      }
      setPath(record, column.field.path, converted.value);
    }
    const id = record.id;
    if (typeof id === 'string')
      for (const issue of issues) Object.assign(issue, { participantId: id });
    return { record, issues };
  }
}

/** Markdown for the assignment benchmark: one table per matrix kind, then every problem. */

/** What one contender did on one matrix. */
export type Cell =
  | {
      readonly status: 'done';
      readonly ms: number;
      readonly reps: number;
      readonly total: number;
      /** Why this answer is wrong; empty when it is right. */
      readonly problems: readonly string[];
    }
  | { readonly status: 'timeout'; readonly capMs: number }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'unavailable'; readonly reason: string };

/** One table row: a size and every contender's cell, by contender id. */
export interface SizeRow {
  readonly n: number;
  readonly cells: ReadonlyMap<string, Cell>;
}

/** A column of the table. */
export interface Column {
  readonly id: string;
  readonly label: string;
  readonly isNpmPeer: boolean;
}

/** Milliseconds with about three significant digits. */
export function formatMs(ms: number): string {
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

function formatRatio(ratio: number): string {
  return ratio < 10 ? `${ratio.toFixed(2)}×` : `${ratio.toFixed(1)}×`;
}

/** A correct, finished cell's time; undefined otherwise. */
export function goodMs(cell: Cell | undefined): number | undefined {
  return cell?.status === 'done' && cell.problems.length === 0 ? cell.ms : undefined;
}

/** ours ÷ SciPy: below 1 means ours is faster. */
export function oursOverScipy(row: SizeRow): number | undefined {
  const ours = goodMs(row.cells.get('ours'));
  const scipy = goodMs(row.cells.get('scipy'));
  return ours !== undefined && scipy !== undefined ? ours / scipy : undefined;
}

/**
 * Fastest correct npm peer ÷ ours: above 1 means ours is faster. When no peer finished but one
 * hit the cap (now or at a smaller n), the cap gives a lower bound.
 */
export function npmOverOurs(
  row: SizeRow,
  columns: readonly Column[],
): { readonly ratio: number; readonly peer: string; readonly lowerBound: boolean } | undefined {
  const ours = goodMs(row.cells.get('ours'));
  if (ours === undefined) return undefined;
  let best: { ms: number; peer: string } | undefined;
  let capMs: number | undefined;
  for (const column of columns) {
    if (!column.isNpmPeer) continue;
    const cell = row.cells.get(column.id);
    const ms = goodMs(cell);
    if (ms !== undefined && (best === undefined || ms < best.ms)) best = { ms, peer: column.label };
    if (cell?.status === 'timeout') capMs = cell.capMs;
  }
  if (best) return { ratio: best.ms / ours, peer: best.peer, lowerBound: false };
  const unfinished = columns.filter((c) => c.isNpmPeer).map((c) => row.cells.get(c.id)?.status);
  // Only a bound when every peer was too slow (timed out or skipped after timing out).
  if (capMs !== undefined && unfinished.every((s) => s === 'timeout' || s === 'skipped')) {
    return { ratio: capMs / ours, peer: 'all timed out', lowerBound: true };
  }
  return undefined;
}

/** The cheapest valid total found (checked against every finished contender). */
function formatTotal(row: SizeRow): string {
  let best: number | undefined;
  for (const cell of row.cells.values()) {
    if (cell.status === 'done' && (best === undefined || cell.total < best)) best = cell.total;
  }
  return best === undefined ? '—' : String(Number(best.toPrecision(10)));
}

/** One cell's text; `note` files a footnote and returns its marker. */
function renderCell(cell: Cell | undefined, note: (text: string) => string): string {
  if (!cell) return '—';
  switch (cell.status) {
    case 'done':
      return cell.problems.length === 0
        ? formatMs(cell.ms)
        : `${formatMs(cell.ms)} ✗ ${note(cell.problems.join('; '))}`;
    case 'timeout':
      return `not finished (>${cell.capMs / 1000} s)`;
    case 'skipped':
      return 'skipped';
    case 'error':
      return `error ✗ ${note(cell.message)}`;
    case 'unavailable':
      return cell.reason;
  }
}

/**
 * Renders one kind's table; problems are appended to `problems` and referenced by number so
 * that every wrong total or error is spelled out under the table, never silently dropped.
 *
 * @param rows - one per size
 * @param columns - contenders in column order (ours first, SciPy last)
 * @param problems - collects footnotes; their 1-based index appears in the cells
 * @param kindTitle - prefix for the footnotes
 * @returns the Markdown table
 */
export function renderTable(
  rows: readonly SizeRow[],
  columns: readonly Column[],
  problems: string[],
  kindTitle: string,
): string {
  const header = [
    'n',
    'optimum',
    ...columns.map((c) => `${c.label} (ms)`),
    'ours ÷ SciPy',
    'fastest npm peer ÷ ours',
  ];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---:').join(' | ')} |`];
  for (const row of rows) {
    const cells = columns.map((column) =>
      renderCell(row.cells.get(column.id), (text) => {
        problems.push(`${kindTitle}, n = ${row.n}, ${column.label}: ${text}`);
        return `[${problems.length}]`;
      }),
    );
    const scipyRatio = oursOverScipy(row);
    const npm = npmOverOurs(row, columns);
    lines.push(
      `| ${[
        row.n,
        formatTotal(row),
        ...cells,
        scipyRatio === undefined ? '—' : formatRatio(scipyRatio),
        npm === undefined
          ? '—'
          : `${npm.lowerBound ? '> ' : ''}${formatRatio(npm.ratio)} (${npm.peer})`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

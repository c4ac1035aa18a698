/**
 * A plain-text table with aligned columns; `right` lists the columns aligned to the right
 * (numbers). Cells longer than `maxWidth` are cut with an ellipsis so one long reason cannot
 * wrap the whole table.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { right?: readonly number[]; maxWidth?: number } = {},
): string {
  const max = options.maxWidth ?? 60;
  const right = new Set(options.right ?? []);
  const cut = (cell: string) => (cell.length > max ? `${cell.slice(0, max - 1)}…` : cell);
  const all = [header, ...rows].map((row) => row.map(cut));
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(all[0]), line(widths.map((w) => '─'.repeat(w))), ...all.slice(1).map(line)].join(
    '\n',
  );
}

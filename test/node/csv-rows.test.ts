import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRowReader, parseCsvRows } from '../../src/node/csv-rows.js';
import { numRuns } from '../_support/runs.js';

/** RFC 4180 writer used as the reference: quote every cell that needs it. */
function writeCsv(rows: string[][], eol: string): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(cell).join(',')).join(eol) + eol;
}

const cellArb = fc.string({
  unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é', '\r\n'),
  maxLength: 6,
});
const rowsArb = fc
  .integer({ min: 1, max: 4 })
  .chain((width) =>
    fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  // A row of one empty cell is a blank line, which the reader skips by design.
  .filter((rows) => rows.every((r) => r.length > 1 || r[0] !== ''));

describe('parseCsvRows', () => {
  it('parseCsvRows(text) reads quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    const { rows, problems } = parseCsvRows('id,note\r\nana,"a, ""b""\nc"\r\nbo,x\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, cells: ['id', 'note'] },
      { line: 2, cells: ['ana', 'a, "b"\nc'] },
      { line: 4, cells: ['bo', 'x'] },
    ]);
  });

  it('parseCsvRows(text) drops a byte-order mark, skips blank lines and reads a last line without an end', () => {
    expect(parseCsvRows('\uFEFFa,b\n\n\nc,d').rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
  });

  it('parseCsvRows(text, { delimiter: ";" }) splits on semicolons only', () => {
    expect(parseCsvRows('a;b,c\n', { delimiter: ';' }).rows[0].cells).toEqual(['a', 'b,c']);
  });

  it('parseCsvRows(text) reports a quoted field that is never closed, with its line', () => {
    const { problems } = parseCsvRows('a,b\nc,"never\nclosed\n');
    expect(problems).toEqual([{ line: 2, message: 'line 2: a quoted field is never closed' }]);
  });

  it('parseCsvRows(text) reports text after a closing quote but keeps a stray quote inside unquoted text', () => {
    expect(parseCsvRows('"a"b,c\n').problems).toHaveLength(1);
    const loose = parseCsvRows('5" screen,x\n');
    expect(loose.problems).toEqual([]);
    expect(loose.rows[0].cells).toEqual(['5" screen', 'x']);
  });

  it('new CsvRowReader({ delimiter: "\\"" }) is refused', () => {
    expect(() => new CsvRowReader({ delimiter: '"' })).toThrow(/delimiter/);
  });

  it('parseCsvRows reads back what an RFC 4180 writer wrote (LF and CRLF)', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const parsed = parseCsvRows(writeCsv(rows, eol));
        expect(parsed.problems).toEqual([]);
        const normalised = rows.map((r) => r.map((c) => c.replaceAll('\r\n', '\n')));
        expect(parsed.rows.map((r) => r.cells)).toEqual(normalised);
      }),
      { numRuns: numRuns(200) },
    );
  });

  it('CsvRowReader gives the same rows however the text is cut into chunks', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        const text = writeCsv(rows, '\r\n');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const reader = new CsvRowReader();
        const got = [];
        let from = 0;
        for (const p of [...points, text.length]) {
          got.push(...reader.push(text.slice(from, p)));
          from = p;
        }
        got.push(...reader.end());
        expect(got).toEqual(parseCsvRows(text).rows);
      }),
      { numRuns: numRuns(200) },
    );
  });
});

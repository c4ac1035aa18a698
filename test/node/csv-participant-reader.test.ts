import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseParticipants } from '../../src/index.js';
import {
  CsvParticipantReader,
  csvToParticipantRecords,
} from '../../src/node/csv-participant-reader.js';
import { numRuns } from '../_support/runs.js';

const HEADER =
  'id,role,capacity,skills.offered,Wanted,timezone,availability,languages,minor,background check expires,consent,optOut,attr.shirt size';

describe('csvToParticipantRecords', () => {
  it('csvToParticipantRecords(text) fills every field by the column convention', () => {
    const text = `${HEADER}\nana,mentor,2,python:4; sql:2,,Europe/Berlin,Mon-Fri 09:00-11:00; Sat 10:00-12:00,en; de,no,2027-01-31,all,,M\nzoe,mentee,,,"python:4:5; SQL",UTC,,en,YES,,skills; languages,false,\n`;
    const { records, rows, issues } = csvToParticipantRecords(text);
    expect(issues).toEqual([]);
    expect(rows).toEqual([2, 3]);
    expect(records[0]).toEqual({
      id: 'ana',
      role: 'mentor',
      capacity: 2,
      skills: {
        offered: [
          { name: 'python', level: 4 },
          { name: 'sql', level: 2 },
        ],
      },
      availability: {
        timeZone: 'Europe/Berlin',
        windows: ['Mon-Fri 09:00-11:00', 'Sat 10:00-12:00'],
      },
      languages: ['en', 'de'],
      safeguarding: { minor: false, backgroundCheck: { expiresOn: '2027-01-31' } },
      consent: 'all',
      attributes: { 'shirt size': 'M' },
    });
    expect(records[1]).toEqual({
      id: 'zoe',
      role: 'mentee',
      skills: { wanted: [{ name: 'python', level: 4, priority: 5 }, { name: 'SQL' }] },
      availability: { timeZone: 'UTC' },
      languages: ['en'],
      safeguarding: { minor: true },
      consent: ['skills', 'languages'],
      optOut: false,
    });
    // The records are what parseParticipants expects.
    expect(parseParticipants(records).map((p) => p.id)).toEqual(['ana', 'zoe']);
  });

  it('csvToParticipantRecords leaves values it cannot read for validation to report, with the row', () => {
    const { records } = csvToParticipantRecords(
      'id,role,capacity,minor\nana,mentor,many,perhaps\n',
    );
    expect(records[0]).toEqual({
      id: 'ana',
      role: 'mentor',
      capacity: 'many',
      safeguarding: { minor: 'perhaps' },
    });
    expect(() => parseParticipants(records)).toThrow(/capacity/);
  });

  it('csvToParticipantRecords reports unknown and duplicate columns, ragged rows and malformed skill cells', () => {
    const text =
      'id,role,Shoe size,manager,Manager ID,skills.offered\nana,mentor,42,x,y,python:4:5\nbo,mentee,1,,,,extra\n';
    const { issues } = csvToParticipantRecords(text);
    expect(issues.map((i) => i.code)).toEqual([
      'UNKNOWN_COLUMN',
      'DUPLICATE_COLUMN',
      'INVALID_CELL',
      'EXTRA_CELLS',
    ]);
    expect(issues[0].message).toContain('row 1, column 3 "Shoe size"');
    expect(issues[2]).toMatchObject({ path: [0, 'skills', 'offered'], participantId: 'ana' });
    expect(issues[2].message).toContain('row 2');
    expect(issues[3].message).toContain('row 3 has 7 cells');
  });

  it('csvToParticipantRecords(text, { mapping }) renames columns, translates values, ignores columns and uses the separators', () => {
    const text = 'Employee;Mentor?;Can teach;Timestamp\nE1;Yes;python:4 | sql:3;2026-01-01\n';
    const { records, issues } = csvToParticipantRecords(text, {
      mapping: {
        delimiter: ';',
        listSeparator: '|',
        columns: {
          Employee: 'id',
          'Mentor?': { field: 'role', values: { yes: 'mentor', no: 'mentee' } },
          'Can teach': 'skills.offered',
          Timestamp: null,
        },
      },
    });
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        id: 'E1',
        role: 'mentor',
        skills: {
          offered: [
            { name: 'python', level: 4 },
            { name: 'sql', level: 3 },
          ],
        },
      },
    ]);
  });

  it('csvToParticipantRecords(text, { mapping: { unknownColumns: "ignore" } }) skips unknown columns', () => {
    const { records, issues } = csvToParticipantRecords('id,role,Notes\nana,mentor,hi\n', {
      mapping: { unknownColumns: 'ignore' },
    });
    expect(issues).toEqual([]);
    expect(records).toEqual([{ id: 'ana', role: 'mentor' }]);
  });

  it('csvToParticipantRecords("") reports an empty file', () => {
    expect(csvToParticipantRecords('').issues.map((i) => i.code)).toEqual(['EMPTY_FILE']);
  });

  it('csvToParticipantRecords makes "__proto__" attribute headers plain keys', () => {
    const { records } = csvToParticipantRecords('id,role,attr.__proto__\nana,mentor,x\n');
    expect(Object.getPrototypeOf(records[0].attributes)).toBe(Object.prototype);
    expect(Object.keys(records[0].attributes as object)).toEqual(['__proto__']);
  });

  it('CsvParticipantReader gives the same records however the text is cut into chunks', () => {
    const text = `${HEADER}\n${Array.from({ length: 12 }, (_, i) => `p${i},mentee,1,"go:${1 + (i % 5)}",sql:3:${1 + (i % 5)},UTC,"Mon 09:00-10:00",en,${i % 2 ? 'yes' : 'no'},,all,,`).join('\r\n')}\n`;
    const whole = csvToParticipantRecords(text);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 10 }), (cuts) => {
        const reader = new CsvParticipantReader({ api: 'csvToParticipantRecords' });
        const records = [];
        let from = 0;
        for (const p of [...cuts.sort((a, b) => a - b), text.length]) {
          records.push(...reader.push(text.slice(from, p)));
          from = p;
        }
        records.push(...reader.end());
        expect(records.map((r) => r.record)).toEqual(whole.records);
        expect(records.map((r) => r.row)).toEqual(whole.rows);
      }),
      { numRuns: numRuns(100) },
    );
  });
});

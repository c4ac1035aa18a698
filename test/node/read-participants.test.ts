import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PeermatchError } from '../../src/index.js';
import {
  readParticipantRecords,
  readParticipants,
  streamParticipantsCsv,
} from '../../src/node/read-participants.js';
import { readProgram } from '../../src/node/read-program.js';
import { generateParticipantRecords } from '../_support/profiles.js';

const dir = mkdtempSync(join(tmpdir(), 'peermatch-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CSV = 'id,role,skills.offered,managerId\nana,mentor,python:4,\nbo,mentee,,ana\n';

describe('readParticipantRecords', () => {
  it('readParticipantRecords(csv) streams the file into records with their rows', async () => {
    const got = await readParticipantRecords(file('people.csv', CSV));
    expect(got).toEqual({
      format: 'csv',
      records: [
        { id: 'ana', role: 'mentor', skills: { offered: [{ name: 'python', level: 4 }] } },
        { id: 'bo', role: 'mentee', managerId: 'ana' },
      ],
      rows: [2, 3],
      program: undefined,
      issues: [],
    });
  });

  it('readParticipantRecords(json) reads an array, or { program, participants }', async () => {
    const records = [{ id: 'ana', role: 'mentor' }];
    const plain = await readParticipantRecords(file('a.json', JSON.stringify(records)));
    expect(plain.records).toEqual(records);
    const program = { date: '2026-01-05' };
    const bundled = await readParticipantRecords(
      file('b.json', JSON.stringify({ program, participants: records })),
    );
    expect(bundled).toMatchObject({ format: 'json', records, program });
  });

  it('readParticipantRecords(bad json) throws INVALID_INPUT naming the file', async () => {
    await expect(readParticipantRecords(file('bad.json', '{ nope'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ code: 'INVALID_JSON' }],
    });
  });

  it('readParticipantRecords(missing file) lets the ENOENT error through', async () => {
    await expect(readParticipantRecords(join(dir, 'missing.csv'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('readParticipantRecords reads a CSV larger than one stream chunk the same as the whole text', async () => {
    const people = generateParticipantRecords(1500, 3);
    const lines = [
      'id,role,capacity,languages,availability.timeZone,availability.windows,skills.offered',
    ];
    for (const p of people) {
      const skills = (p.skills as { offered: { name: string; level: number }[] }).offered
        .map((s) => `${s.name}:${s.level}`)
        .join('; ');
      const availability = p.availability as { timeZone: string; windows: string[] };
      lines.push(
        [
          p.id,
          p.role,
          p.capacity,
          (p.languages as string[]).join('; '),
          availability.timeZone,
          `"${availability.windows.join('; ')}"`,
          `"${skills}"`,
        ].join(','),
      );
    }
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(1 << 17);
    const got = await readParticipantRecords(file('large.csv', text));
    expect(got.issues).toEqual([]);
    expect(got.records).toHaveLength(1500);
    expect(got.records[1234]).toMatchObject({ id: people[1234].id, role: people[1234].role });
    expect(got.rows?.[1499]).toBe(1501);
  });
});

describe('streamParticipantsCsv', () => {
  it('streamParticipantsCsv(path) yields each record with its row', async () => {
    const rows = [];
    for await (const row of streamParticipantsCsv(file('s.csv', CSV))) rows.push(row);
    expect(rows.map((r) => [r.record.id, r.row, r.index])).toEqual([
      ['ana', 2, 0],
      ['bo', 3, 1],
    ]);
  });

  it('streamParticipantsCsv(path) throws before the first record when a column is unknown', async () => {
    const seen: unknown[] = [];
    const run = async () => {
      for await (const row of streamParticipantsCsv(file('u.csv', 'id,role,Shoe\nana,mentor,1\n')))
        seen.push(row);
    };
    await expect(run()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(seen).toEqual([]);
  });
});

describe('readParticipants', () => {
  it('readParticipants(path, program) validates the records', async () => {
    const people = await readParticipants(file('ok.csv', CSV), { date: '2026-01-05' });
    expect(people.map((p) => [p.id, p.capacity])).toEqual([
      ['ana', 1],
      ['bo', 1],
    ]);
  });

  it('readParticipants throws one error listing CSV and validation problems with their rows', async () => {
    const path = file('bad.csv', 'id,role,skills.offered,Shoe\nana,mentor,python:9,\nbo,boss,,\n');
    let error: unknown;
    try {
      await readParticipants(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PeermatchError);
    const messages = (error as PeermatchError).issues.map((i) => i.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/row 1, column 4 "Shoe"/);
    expect(messages[1]).toMatch(/^parseParticipants: row 2 \("ana"\) skills.offered\[0\].level/);
    expect(messages[2]).toMatch(/^parseParticipants: row 3 \("bo"\) role/);
  });

  it('readParticipants(path, program, { onWarning }) passes warnings on, located by row', async () => {
    const warnings: string[] = [];
    await readParticipants(file('w.csv', 'id,role,managerId\nbo,mentee,zed\n'), undefined, {
      onWarning: (w) => warnings.push(w.message),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/row 2 \("bo"\)/);
  });
});

describe('readProgram', () => {
  it('readProgram(path) parses the program file', async () => {
    const program = await readProgram(file('p.json', JSON.stringify({ date: '2026-01-05' })));
    expect(program.constraints.reportingLine).toBe(true);
  });

  it('readProgram(path) throws INVALID_INPUT for a bad program', async () => {
    await expect(
      readProgram(file('q.json', JSON.stringify({ date: 'soon' }))),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

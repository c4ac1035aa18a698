import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  matchOneToOne,
  normalizeCohort,
  parseParticipants,
  parseProgram,
} from '../../src/index.js';
import { parseCsvRows } from '../../src/node/csv-rows.js';
import { writeMatchResult } from '../../src/node/write-match-result.js';

const dir = mkdtempSync(join(tmpdir(), 'peermatch-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const program = parseProgram({ date: '2026-01-05', consentDefault: 'all' });
const people = parseParticipants(
  [
    { id: 'ana', role: 'mentor', skills: { offered: [{ name: 'sql', level: 4 }] } },
    { id: 'bo', role: 'mentee', skills: { wanted: [{ name: 'sql' }] } },
    { id: 'cy', role: 'mentee', managerId: 'ana' },
  ],
  program,
);
const result = matchOneToOne(normalizeCohort(people, program), program);

describe('writeMatchResult', () => {
  it('writeMatchResult(path.json, result) writes the whole result as JSON', async () => {
    const path = join(dir, 'r.json');
    await writeMatchResult(path, result);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(result);
  });

  it('writeMatchResult(path.csv, result) writes pairs then unmatched people', async () => {
    const path = join(dir, 'r.csv');
    await writeMatchResult(path, result);
    const { rows } = parseCsvRows(readFileSync(path, 'utf8'));
    expect(rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['status', 'mentorId', 'menteeId'],
      ['matched', 'ana', 'bo'],
      ['unmatched', '', 'cy'],
    ]);
  });

  it('writeMatchResult(path, result, { format: "csv" }) overrides the extension', async () => {
    const path = join(dir, 'r.txt');
    await writeMatchResult(path, result, { format: 'csv' });
    expect(readFileSync(path, 'utf8').startsWith('status,mentorId')).toBe(true);
  });
});

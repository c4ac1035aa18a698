import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/run.js';
import {
  type MatchResult,
  matchOneToOne,
  normalizeCohort,
  parseParticipants,
  parseProgram,
} from '../../src/index.js';
import { parseCsvRows } from '../../src/node/csv-rows.js';
import { generateParticipantRecords } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';
import { memoryIo } from './_support/memory-io.js';

const root = new URL('../../', import.meta.url).pathname;
const COMPANY = 'examples/cohorts/company.csv';
const COMPANY_PROGRAM = 'examples/cohorts/company-program.json';
const dir = mkdtempSync(join(tmpdir(), 'peermatch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

async function run(argv: string[], options?: Parameters<typeof memoryIo>[1]) {
  const io = memoryIo(root, options);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const PROGRAM = file('program.json', JSON.stringify({ date: '2026-01-05', consentDefault: 'all' }));

describe('peermatch (in-process main)', () => {
  it('main([]) prints the help and exits 2; --help exits 0; --version prints the version', async () => {
    expect((await run([])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exit codes: 0 ok, 1 problems in the input, 2 usage error');
    const version = await run(['--version']);
    expect(version.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('main(["frobnicate"]) is a usage error naming the commands', async () => {
    const { code, err } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^peermatch: unknown command "frobnicate"; use one of match, rematch, validate/,
    );
  });

  it('every command has --help', async () => {
    for (const command of ['match', 'rematch', 'validate', 'explain', 'schema', 'report']) {
      const { code, out } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(out).toContain(`Usage: peermatch ${command}`);
    }
  });

  it('schema participant / program / both print JSON Schema', async () => {
    const participant = JSON.parse((await run(['schema', 'participant'])).out);
    expect(participant.required).toEqual(['id', 'role']);
    const both = JSON.parse((await run(['schema'])).out);
    expect(Object.keys(both)).toEqual(['participant', 'program']);
    expect((await run(['schema', 'cohort'])).code).toBe(2);
  });

  it('validate on a clean file exits 0 and says how many participants it read', async () => {
    const { code, out } = await run(['validate', COMPANY, '--program', COMPANY_PROGRAM]);
    expect(code).toBe(0);
    expect(out).toContain('237 participant(s), no problems');
  });

  it('validate lists every problem with its row and exits 1', async () => {
    const people = file(
      'bad.csv',
      'id,role,skills.offered,timezone,stage\nana,mentor,python:9,Europe/Lundon,junior\nbo,mentee,,UTC,wizard\nbo,mentor,sql:3,UTC,\n',
    );
    const program = file(
      'p-stages.json',
      JSON.stringify({ date: '2026-01-05', stages: ['junior', 'senior'], consentDefault: 'all' }),
    );
    const { code, out } = await run(['validate', people, '--program', program]);
    expect(code).toBe(1);
    const problems = out.split('\n').filter((l) => l.startsWith('  - '));
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/row 2 \("ana"\) skills.offered\[0\].level/);
    expect(problems.some((p) => /row 3 \("bo"\) stage/.test(p))).toBe(true);
    expect(problems.some((p) => /row 4 .*row 3/.test(p))).toBe(true);
  });

  it('validate reports problems in the program and the mapping file too', async () => {
    const program = file('bad-program.json', JSON.stringify({ date: 'tomorrow' }));
    const mapping = file('bad-mapping.json', JSON.stringify({ columns: { X: 'nonsense' } }));
    const people = file('fine.csv', 'id,role\nana,mentor\n');
    const { code, out } = await run([
      'validate',
      people,
      '--program',
      program,
      '--mapping',
      mapping,
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/bad-mapping\.json: .*"nonsense"/);
    expect(out).toMatch(/bad-program\.json: .*date/);
  });

  it('match prints a summary, writes CSV and JSON results, and keeps stderr quiet off a terminal', async () => {
    const csv = join(dir, 'm.csv');
    const json = join(dir, 'm.json');
    const first = await run(['match', COMPANY, '--program', COMPANY_PROGRAM, '--out', csv]);
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    expect(first.out).toMatch(/^one-to-one, objective coverage: \d+ pairs/);
    expect(first.out).toContain('mentor   mentee   score  why');
    await run(['match', COMPANY, '--program', COMPANY_PROGRAM, '--out', json, '--quiet']);
    const result = JSON.parse(readFileSync(json, 'utf8')) as MatchResult;
    const rows = parseCsvRows(readFileSync(csv, 'utf8')).rows.slice(1);
    expect(rows.filter((r) => r.cells[0] === 'matched')).toHaveLength(result.pairs.length);
    expect(rows.filter((r) => r.cells[0] === 'unmatched')).toHaveLength(result.unmatched.length);
  });

  it('match draws a progress bar on a terminal, but not when CI is set', async () => {
    const args = ['match', COMPANY, '--program', COMPANY_PROGRAM, '--quiet'];
    expect((await run(args, { tty: true })).err).toContain('4/4 matching');
    expect((await run(args, { tty: true, env: { CI: 'true' } })).err).toBe('');
  });

  it('match --objective fairness --min-score 0.5 passes both on', async () => {
    const json = join(dir, 'f.json');
    await run([
      'match',
      COMPANY,
      '--program',
      COMPANY_PROGRAM,
      '--objective',
      'fairness',
      '--min-score',
      '0.5',
      '--out',
      json,
    ]);
    const result = JSON.parse(readFileSync(json, 'utf8')) as MatchResult;
    expect(result.objective).toBe('fairness');
    expect(result.minScore).toBe(0.5);
    expect(result.pairs.every((p) => p.score >= 0.5)).toBe(true);
  });

  it('match refuses bad flags with exit code 2 and one line', async () => {
    const base = ['match', COMPANY, '--program', COMPANY_PROGRAM];
    for (const extra of [
      ['--mode', 'rematch'],
      ['--mode', 'group', '--min-score', '0.5'],
      ['--mode', 'reciprocal', '--objective', 'fairness'],
      ['--mode', 'telepathy'],
      ['--objective', 'vibes'],
      ['--min-score', '2'],
      ['--out', 'x.xlsx'],
      ['--frobnicate'],
    ]) {
      const { code, err } = await run([...base, ...extra]);
      expect(code, extra.join(' ')).toBe(2);
      expect(err.split('\n')[0]).toMatch(/^peermatch match: /);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect((await run(['match', COMPANY])).err).toMatch(/no program: give --program/);
  });

  it('match on a program asking for a mode this build lacks says so and how to choose another', async () => {
    const program = file('rematch.json', JSON.stringify({ date: '2026-01-05', mode: 'rematch' }));
    const { code, err } = await run(['match', COMPANY, '--program', program]);
    expect(code).toBe(2);
    expect(err).toContain('mode "rematch" has its own command: use `peermatch rematch`');
    expect(err).toContain('pass --mode');
  });

  it('match --mode group and --mode reciprocal form groups and peer pairs', async () => {
    const out = file('groups.json', '');
    const groups = await run([
      'match',
      COMPANY,
      '--program',
      COMPANY_PROGRAM,
      '--mode',
      'group',
      '--out',
      out,
    ]);
    expect(groups.code, groups.err).toBe(0);
    const grouped = JSON.parse(readFileSync(out, 'utf8'));
    expect(grouped.mode).toBe('group');
    expect(grouped.groups.length).toBeGreaterThan(0);
    // The summary lists the groups, not the mentor–member links.
    expect(groups.out).toMatch(/^group-1 +\S+ +\S/m);
    const peers = await run([
      'match',
      COMPANY,
      '--program',
      COMPANY_PROGRAM,
      '--mode',
      'reciprocal',
    ]);
    expect(peers.code, peers.err).toBe(0);
  });

  it('match on bad input prints one line, then every problem, never a stack trace; exit 1', async () => {
    const people = file('bad2.csv', 'id,role\nana,boss\nbo,\n');
    const { code, err, out } = await run(['match', people, '--program', PROGRAM]);
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'peermatch match: 2 problem(s) in the input (run `peermatch validate` for the full report)',
    );
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines[1]).toMatch(/^ {2}- row 2 \("ana"\) role/);
  });

  it('match on a missing file exits 3', async () => {
    const { code, err } = await run(['match', join(dir, 'nope.csv'), '--program', PROGRAM]);
    expect(code).toBe(3);
    expect(err).toMatch(/cannot use .*nope\.csv: no such file \(ENOENT\)/);
  });

  it('match --mapping reads a file laid out differently', async () => {
    const people = file('hr.csv', 'Employee;Kind;Teaches\nE1;Mentor;sql:4\nE2;Mentee;\n');
    const mapping = file(
      'mapping.json',
      JSON.stringify({
        delimiter: ';',
        columns: { Employee: 'id', Kind: 'role', Teaches: 'skills.offered' },
      }),
    );
    const { code, out } = await run(['match', people, '--program', PROGRAM, '--mapping', mapping]);
    expect(code, out).toBe(1);
    const fixed = file(
      'mapping2.json',
      JSON.stringify({
        delimiter: ';',
        columns: {
          Employee: 'id',
          Kind: { field: 'role', values: { Mentor: 'mentor', Mentee: 'mentee' } },
          Teaches: 'skills.offered',
        },
      }),
    );
    const ok = await run(['match', people, '--program', PROGRAM, '--mapping', fixed]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/E1\s+E2/);
  });

  it('explain names the rule that forbids a pair, in either order of the ids', async () => {
    const ab = await run(['explain', COMPANY, '--program', COMPANY_PROGRAM, 'eng-008', 'eng-003']);
    const ba = await run(['explain', COMPANY, '--program', COMPANY_PROGRAM, 'eng-003', 'eng-008']);
    expect(ab.code).toBe(0);
    expect(ab.out).toBe(ba.out);
    expect(ab.out).toContain('rule reportingLine (REPORTING_LINE): eng-003 manages eng-008');
    expect(ab.out).toMatch(/scorer\s+weight\s+score\s+adds\s+reason/);
  });

  it('explain with an unknown id, or two mentees, exits 1', async () => {
    expect(
      (await run(['explain', COMPANY, '--program', COMPANY_PROGRAM, 'eng-008', 'who'])).err,
    ).toContain('"who" is not in');
    const two = await run(['explain', COMPANY, '--program', COMPANY_PROGRAM, 'eng-008', 'eng-009']);
    expect(two.code).toBe(1);
    expect(two.err).toContain('are both mentees');
  });

  it('report writes a self-contained HTML page from a result file', async () => {
    const json = join(dir, 'r.json');
    const html = join(dir, 'r.html');
    await run(['match', COMPANY, '--program', COMPANY_PROGRAM, '--out', json, '--quiet']);
    const { code } = await run(['report', json, '--html', html, '--title', 'Spring']);
    expect(code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<title>Spring</title>');
    expect(page).toContain('<svg');
  });

  it('report on something that is not a result exits 1 and says what is missing', async () => {
    const bogus = file('bogus.json', JSON.stringify({ hello: 1 }));
    const { code, err } = await run(['report', bogus, '--html', join(dir, 'x.html')]);
    expect(code).toBe(1);
    expect(err).toContain('bogus.json is not a peermatch result');
    expect(err).toContain('pairs must be an array');
    expect((await run(['report', bogus])).code).toBe(2);
  });

  it("match above the program's dense limit runs the top-k path (with the program's pricing rounds), writes what matchOneToOne gives and says so", async () => {
    const program = {
      date: '2026-01-05',
      consentDefault: 'all',
      matching: { denseLimit: 50, candidates: 3, pricing: 20 },
    };
    const records = generateParticipantRecords(60, 3).map((r, i) => ({
      ...r,
      role: i % 4 === 0 ? 'mentor' : 'mentee',
    }));
    const people = file('large.json', JSON.stringify({ program, participants: records }));
    const out = join(dir, 'large-out.json');
    const { code } = await run(['match', people, '--out', out, '--quiet']);
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as MatchResult;
    expect(result.scale).toMatchObject({ method: 'top-k', k: 3, denseLimit: 50 });
    expect(result.scale?.pricing).toMatchObject({ optimal: true });
    const parsed = parseProgram(program);
    const cohort = normalizeCohort(parseParticipants(records, parsed), parsed);
    expect(result).toEqual(JSON.parse(JSON.stringify(matchOneToOne(cohort))));
    const shown = await run(['match', people]);
    expect(shown.out).toContain(
      `top-k: the 3 best partners of each participant, ${result.scale?.edges} candidate pairs (${result.scale?.cells} cells, above the dense limit of 50).`,
    );
    expect(shown.out).toContain(
      `pricing: ${result.scale?.pricing?.rounds} rounds added ${result.scale?.pricing?.added} pairs; the result is optimal for the whole cohort.`,
    );
  });

  it('match never outputs a pair a hard rule forbids (reporting line, block list), on random cohorts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: 30 }), fc.nat(10_000), async (n, seed) => {
        // consent 'all': a withheld managerId is, by design, not used by the reporting-line rule.
        const records = generateParticipantRecords(n, seed).map(
          (r, i): Record<string, unknown> => ({
            ...r,
            consent: 'all',
            role: i % 3 === 0 ? 'mentor' : 'mentee',
            managerId: i > 0 && i % 2 === 0 ? `p${(i * 7 + seed) % i}` : undefined,
            avoid: i % 5 === 1 ? [`p${(i + seed) % n}`] : [],
          }),
        );
        const people = file(
          `safety-${n}-${seed}.json`,
          JSON.stringify({
            program: { date: '2026-01-05', consentDefault: 'all' },
            participants: records,
          }),
        );
        const out = join(dir, `safety-${n}-${seed}-out.json`);
        const { code } = await run(['match', people, '--out', out, '--quiet']);
        expect(code).toBe(0);
        const byId = new Map(records.map((r) => [String(r.id), r]));
        const result = JSON.parse(readFileSync(out, 'utf8')) as MatchResult;
        for (const { mentorId, menteeId } of result.pairs) {
          const mentor = byId.get(mentorId)!;
          const mentee = byId.get(menteeId)!;
          expect(mentee.managerId).not.toBe(mentorId);
          expect(mentor.managerId).not.toBe(menteeId);
          expect(mentor.avoid).not.toContain(menteeId);
          expect(mentee.avoid).not.toContain(mentorId);
        }
      }),
      { numRuns: numRuns(15) },
    );
  });

  it('rematch keeps working pairs, ends the failed one for good and writes what changed', async () => {
    const previousFile = file('previous.json', '');
    const first = await run([
      'match',
      COMPANY,
      '--program',
      COMPANY_PROGRAM,
      '--out',
      previousFile,
      '--quiet',
    ]);
    expect(first.code, first.err).toBe(0);
    const previous = JSON.parse(readFileSync(previousFile, 'utf8')) as MatchResult;
    const failed = previous.pairs[1];
    const changes = file(
      'changes.json',
      JSON.stringify({
        left: [previous.pairs[0].menteeId],
        failed: [{ mentorId: failed.mentorId, menteeId: failed.menteeId }],
      }),
    );
    const outFile = file('rematch.json', '');
    const { code, err, out } = await run([
      'rematch',
      COMPANY,
      '--program',
      COMPANY_PROGRAM,
      '--previous',
      previousFile,
      '--changes',
      changes,
      '--out',
      outFile,
    ]);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^kept \d+, new \d+, ended 2, broken 0 pair\(s\)\./);
    const result = JSON.parse(readFileSync(outFile, 'utf8')) as MatchResult;
    expect(result.mode).toBe('rematch');
    expect(
      result.pairs.some((p) => p.mentorId === failed.mentorId && p.menteeId === failed.menteeId),
    ).toBe(false);
    expect(result.changes?.kept.length).toBe(previous.pairs.length - 2);
  });

  it('rematch without --previous is a usage error; a change naming nobody exits 1 with the problem', async () => {
    const missing = await run(['rematch', COMPANY, '--program', COMPANY_PROGRAM]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^peermatch rematch: give --previous result\.json/);
    const previousFile = file('previous2.json', '');
    await run(['match', COMPANY, '--program', COMPANY_PROGRAM, '--out', previousFile, '--quiet']);
    const changes = file('changes2.json', JSON.stringify({ left: ['nobody-at-all'] }));
    const bad = await run([
      'rematch',
      COMPANY,
      '--program',
      COMPANY_PROGRAM,
      '--previous',
      previousFile,
      '--changes',
      changes,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('nobody-at-all');
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});

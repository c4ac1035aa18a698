/**
 * Benchmark of the matching modes (issue 6), end to end: parse → normalise → match (matrix,
 * solve, result with explanations, stability and stats) → report (the result as JSON).
 *
 * Each case runs in its own child process so its peak memory (max RSS) is its own. Target:
 * 10,000 mentees × 2,000 mentors of capacity 5 one-to-one in under 15 s.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { matchOneToOne } from '../src/modes/match-one-to-one.js';
import { matchReciprocal } from '../src/modes/match-reciprocal.js';
import type { MatchResult } from '../src/modes/match-result.js';
import { normalizeCohort } from '../src/profile/normalize-cohort.js';
import { parseParticipants } from '../src/profile/parse-participants.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../test/_support/profiles.js';
import type { BenchSuite } from './_lib/suite.js';

const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--matching-case';
/** A case that takes longer than this is reported as not finished. */
const CAP_MS = 180_000;

interface Case {
  readonly label: string;
  readonly mode: 'one-to-one' | 'reciprocal';
  readonly mentors: number;
  readonly mentees: number;
  readonly peers: number;
  readonly capacity: number;
  /** The case the issue sets a target for. */
  readonly target?: boolean;
}

interface Timing {
  readonly parseMs: number;
  readonly normalizeMs: number;
  readonly matchMs: number;
  readonly reportMs: number;
  readonly maxRssMb: number;
  readonly note: string;
}

type Outcome = { status: 'done'; timing: Timing } | { status: 'failed'; message: string };

function recordsFor(c: Case): Record<string, unknown>[] {
  const total = c.mentors + c.mentees + c.peers;
  return generateParticipantRecords(total, 11).map((r, i) => ({
    ...r,
    role: i < c.mentors ? 'mentor' : i < c.mentors + c.mentees ? 'mentee' : 'peer',
    capacity: i < c.mentors ? c.capacity : 1,
  }));
}

function describe(result: MatchResult): string {
  const s = result.stats;
  const parts = [
    `${s.matched.toLocaleString('en-US')} ${result.mode === 'reciprocal' ? 'relationships' : 'pairs'}`,
    `${result.unmatched.length.toLocaleString('en-US')} unmatched`,
    `mean score ${s.scores?.mean.toFixed(3) ?? '–'}`,
    `${result.stability?.count.toLocaleString('en-US') ?? '?'} blocking pairs`,
  ];
  if (s.wantedCoverage != null) parts.push(`coverage ${(100 * s.wantedCoverage).toFixed(0)}%`);
  return parts.join(', ');
}

/** Runs one case in this process (the child side). */
function runCase(c: Case): Timing {
  const records = recordsFor(c);
  const t0 = performance.now();
  const participants = parseParticipants(records, SAMPLE_PROGRAM, { unknownFields: 'strip' });
  const t1 = performance.now();
  const cohort = normalizeCohort(participants, SAMPLE_PROGRAM);
  const t2 = performance.now();
  const result =
    c.mode === 'one-to-one' ? matchOneToOne(cohort) : matchReciprocal(cohort, undefined, {});
  const t3 = performance.now();
  const json = JSON.stringify(result);
  const t4 = performance.now();
  // A benchmark that silently does nothing is worse than none.
  if (result.stats.matched === 0 || json.length === 0) {
    throw new Error(`bench/matching: ${c.label} matched nobody`);
  }
  return {
    parseMs: t1 - t0,
    normalizeMs: t2 - t1,
    matchMs: t3 - t2,
    reportMs: t4 - t3,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    note: describe(result),
  };
}

function inChild(c: Case): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = fork(SELF, [CHILD_FLAG, JSON.stringify(c)], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=6144'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ status: 'failed', message: `not finished after ${CAP_MS / 1000} s` });
    }, CAP_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('message', (message) => settle(message as Outcome));
    child.on('exit', (code, signal) =>
      settle({
        status: 'failed',
        message: `child exited (${signal ?? code}): ${stderr.trim().split('\n').slice(-2).join(' ')}`,
      }),
    );
  });
}

function cases(smoke: boolean): Case[] {
  const people = (n: number): Case => {
    const mentors = Math.round(n * 0.3);
    return {
      label: `one-to-one, ${n.toLocaleString('en-US')} people (${mentors.toLocaleString('en-US')} mentors × 3 seats, ${(n - mentors).toLocaleString('en-US')} mentees)`,
      mode: 'one-to-one',
      mentors,
      mentees: n - mentors,
      peers: 0,
      capacity: 3,
    };
  };
  const peers = (n: number): Case => ({
    label: `reciprocal pairs, ${n.toLocaleString('en-US')} peers`,
    mode: 'reciprocal',
    mentors: 0,
    mentees: 0,
    peers: n,
    capacity: 1,
  });
  const target = (mentees: number, mentors: number): Case => ({
    label: `one-to-one, ${mentees.toLocaleString('en-US')} mentees × ${mentors.toLocaleString('en-US')} mentors (capacity 5)`,
    mode: 'one-to-one',
    mentors,
    mentees,
    peers: 0,
    capacity: 5,
    target: true,
  });
  return smoke
    ? [people(200), peers(150), target(250, 50)]
    : [people(1_000), people(10_000), peers(10_000), target(10_000, 2_000)];
}

const suite: BenchSuite = {
  name: 'matching',
  title: 'Matching modes: end to end',
  async run({ smoke, log }) {
    const rows: string[] = [];
    let targetLine = '';
    for (const c of cases(smoke)) {
      log(`matching: ${c.label}…`);
      const outcome = await inChild(c);
      if (outcome.status === 'failed') {
        log(`matching: ${c.label} failed: ${outcome.message}`);
        rows.push(`| ${c.label} | – | – | – | – | – | – | ${outcome.message} |`);
        if (c.target) targetLine = ` Target (${c.label} under 15 s): NOT met (${outcome.message}).`;
        continue;
      }
      const t = outcome.timing;
      const total = t.parseMs + t.normalizeMs + t.matchMs + t.reportMs;
      log(
        `matching: ${c.label} in ${(total / 1000).toFixed(1)} s, max RSS ${t.maxRssMb.toFixed(0)} MB`,
      );
      rows.push(
        `| ${c.label} | ${t.parseMs.toFixed(0)} | ${t.normalizeMs.toFixed(0)} | ${t.matchMs.toFixed(0)} | ${t.reportMs.toFixed(0)} | ${total.toFixed(0)} | ${t.maxRssMb.toFixed(0)} | ${t.note} |`,
      );
      if (c.target) {
        targetLine = ` Target (${c.label} end to end under 15 s): ${total < 15_000 ? 'met' : 'NOT met'} (${(total / 1000).toFixed(1)} s, peak ${t.maxRssMb.toFixed(0)} MB).`;
      }
    }
    return [
      '| case | parse ms | normalise ms | match ms | report ms | total ms | max RSS (MB) | result |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows,
      '',
      'Generated records (`test/_support/profiles.ts`, `SAMPLE_PROGRAM`: default rules, worldwide time zones). `match` = `matchOneToOne` (objective `coverage`; mentor capacity by the capacitated kernel, with an "unmatched" column when not everyone can be placed) or `matchReciprocal` (pairs by the blossom; on the dense square matrix up to `program.matching.denseLimit` cells, on top-k candidates above it — 10,000 peers are above the default 25 million), each including the compatibility matrix, explanations, unmatched reasons, stability and stats; `report` = `JSON.stringify(result)`. Each case runs in a fresh child process; max RSS is that process’s peak.' +
        targetLine,
    ].join('\n');
  },
};

export default suite;

if (process.argv[2] === CHILD_FLAG) {
  const c = JSON.parse(process.argv[3]) as Case;
  try {
    const timing = runCase(c);
    process.send?.({ status: 'done', timing } satisfies Outcome, () => process.exit(0));
  } catch (error) {
    process.send?.(
      {
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies Outcome,
      () => process.exit(1),
    );
  }
}

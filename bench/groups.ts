/**
 * Benchmark of group formation and re-matching (issue 7):
 * - peer circles of 4–6 for 2,000 people (every built-in scorer, team rule required);
 * - the gap of `matchGroups` to the exact optimum (partition enumeration) on random 8–12 person
 *   circles with table scores;
 * - a 10,000-person re-match with 50 changes (25 departures, 25 failed pairs) against a full
 *   re-solve of the same cohort with `matchOneToOne`.
 */
import { matchGroups } from '../src/modes/match-groups.js';
import { matchOneToOne } from '../src/modes/match-one-to-one.js';
import { rematch } from '../src/modes/rematch.js';
import { normalizeCohort } from '../src/profile/normalize-cohort.js';
import { parseParticipants } from '../src/profile/parse-participants.js';
import { BUILT_IN_SCORERS } from '../src/scoring/built-in-scorers.js';
import type { Scorer } from '../src/scoring/scorer.js';
import {
  generateParticipantRecords,
  SAMPLE_PROGRAM,
  seededRandom,
} from '../test/_support/profiles.js';
import { cohortOf as smallCohort } from '../test/compatibility/_cohort.js';
import { bestPartition } from '../test/modes/_support/group-brute-force.js';
import type { BenchSuite } from './_lib/suite.js';

function cohortOf(count: number, seed: number) {
  const records = generateParticipantRecords(count, seed);
  return normalizeCohort(parseParticipants(records, SAMPLE_PROGRAM), SAMPLE_PROGRAM);
}

function circles(count: number) {
  const cohort = cohortOf(count, 7);
  const start = performance.now();
  const result = matchGroups(cohort, undefined, {
    kind: 'peer-circle',
    minSize: 4,
    maxSize: 6,
    balance: { team: 'require', department: 'prefer' },
  });
  const ms = performance.now() - start;
  return {
    count,
    ms,
    groups: result.groups?.length ?? 0,
    mean: result.stats.scores?.mean ?? 0,
    unmatched: result.unmatched.length,
  };
}

const TABLE_WEIGHTS = Object.fromEntries([
  ...BUILT_IN_SCORERS.map((s) => [s.name, 0]),
  ['table', 1],
]);

/** Gap of the heuristic to the exact optimum over `runs` random circles of `n` people. */
function gaps(n: number, runs: number) {
  const random = seededRandom(1000 + n);
  const list: number[] = [];
  let ms = 0;
  for (let run = 0; run < runs; run++) {
    const ids = Array.from({ length: n }, (_, i) => `q${i.toString().padStart(2, '0')}`);
    const table: Record<string, number> = {};
    for (const a of ids) for (const b of ids) table[`${a}|${b}`] = Math.round(random() * 100) / 100;
    const scorer: Scorer = {
      name: 'table',
      prepare: ({ cohort }) => ({
        score: (l, r) => table[`${cohort.ids[l]}|${cohort.ids[r]}`] ?? 0,
      }),
    };
    const cohort = smallCohort(ids.map((id) => ({ id, role: 'peer' })));
    const start = performance.now();
    const result = matchGroups(cohort, undefined, {
      kind: 'peer-circle',
      minSize: 3,
      maxSize: 5,
      scorers: [scorer],
      weights: TABLE_WEIGHTS,
    });
    ms += performance.now() - start;
    const w = (i: number, j: number) =>
      (table[`${ids[i]}|${ids[j]}`] + table[`${ids[j]}|${ids[i]}`]) / 2;
    const exact = bestPartition(n, w, () => false, 3, 5);
    if (exact === null) continue;
    let value = 0;
    for (const g of result.groups ?? []) {
      const m = g.memberIds.map((id) => ids.indexOf(id));
      for (let a = 0; a < m.length; a++)
        for (let b = a + 1; b < m.length; b++) value += w(m[a], m[b]);
    }
    list.push((exact.value - value) / exact.value);
  }
  const mean = list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  return { n, runs: list.length, mean, worst: Math.max(0, ...list), ms: ms / Math.max(1, runs) };
}

function rematchVersusFull(count: number, changes: number) {
  const cohort = cohortOf(count, 11);
  const previous = matchOneToOne(cohort);
  const half = Math.floor(changes / 2);
  const left = previous.pairs.slice(0, half).map((p, k) => (k % 2 === 0 ? p.mentorId : p.menteeId));
  const failed = previous.pairs
    .slice(previous.pairs.length - (changes - half))
    .map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, reason: 'bench' }));
  let start = performance.now();
  const result = rematch(cohort, previous, { left: [...new Set(left)], failed });
  const rematchMs = performance.now() - start;
  start = performance.now();
  matchOneToOne(cohort);
  const fullMs = performance.now() - start;
  return {
    count,
    pairs: previous.pairs.length,
    rematchMs,
    fullMs,
    kept: result.changes?.kept.length ?? 0,
    made: result.changes?.new.length ?? 0,
    ended: result.changes?.ended.length ?? 0,
  };
}

const suite: BenchSuite = {
  name: 'groups',
  title: 'Groups and re-matching',
  async run({ smoke, log }) {
    circles(smoke ? 60 : 300); // warm-up: JIT
    const c = circles(smoke ? 200 : 2_000);
    log(`groups: ${c.count} people in circles in ${c.ms.toFixed(0)} ms`);
    const gapRows = (smoke ? [8] : [8, 10, 12]).map((n) => gaps(n, smoke ? 3 : 30));
    for (const g of gapRows) log(`groups: gap n=${g.n} mean ${(g.mean * 100).toFixed(2)} %`);
    const r = rematchVersusFull(smoke ? 1_000 : 10_000, 50);
    log(`groups: re-match ${r.rematchMs.toFixed(0)} ms vs full ${r.fullMs.toFixed(0)} ms`);
    return [
      '| circles (4–6, team required, departments mixed) | groups | unmatched | mean group score | ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| ${c.count.toLocaleString('en-US')} people | ${c.groups} | ${c.unmatched} | ${c.mean.toFixed(3)} | ${c.ms.toFixed(0)} |`,
      '',
      '| gap to the exact optimum (circles of 3–5, random table scores) | instances | mean gap | worst gap | ms / instance |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...gapRows.map(
        (g) =>
          `| ${g.n} people | ${g.runs} | ${(g.mean * 100).toFixed(2)} % | ${(g.worst * 100).toFixed(2)} % | ${g.ms.toFixed(1)} |`,
      ),
      '',
      '| re-match, 50 changes (25 left, 25 failed) | previous pairs | kept | new | ended | re-match ms | full re-solve ms | speed-up |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${r.count.toLocaleString('en-US')} people | ${r.pairs} | ${r.kept} | ${r.made} | ${r.ended} | ${r.rematchMs.toFixed(0)} | ${r.fullMs.toFixed(0)} | ${(r.fullMs / r.rematchMs).toFixed(1)}× |`,
      '',
      'The gap of the 2,000-person circles is unknown (no exact solver at that size). Generated records (`test/_support/profiles.ts`, `SAMPLE_PROGRAM`).',
    ].join('\n');
  },
};

export default suite;

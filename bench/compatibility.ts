/**
 * Benchmark of the compatibility layer (issue 5): the dense matrix with every built-in scorer
 * and rule switched on, for n mentors × n mentees, and sparse top-k candidates for a 100,000
 * cohort. Targets: 10,000 × 10,000 in under 5 s and under 2 GB.
 *
 * Two cohorts, because the cost is per *allowed* pair (scorers only run on those):
 * - `typical`: one region's time zones, English shared by all, a common lunchtime window — as in
 *   most programs, only conflict-of-interest, safeguarding, block-list and role rules forbid
 *   pairs (~89 % allowed);
 * - `pruned`: zones around the world and 1–2 random languages each, so the shared-language and
 *   30-minute-overlap rules forbid ~93 % of pairs.
 *
 * Each matrix is built on one thread (`buildCompatibility`) and on worker threads
 * (`buildCompatibilityParallel`, one per core, at least 2). Top-k candidates (issue 9): the same
 * 30,000 × 70,000 cohort on one thread (`buildCandidates`) and on worker threads
 * (`buildCandidatesParallel`), then the issue's 20,000 mentors × 100,000 mentees on workers.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildCandidates } from '../src/compatibility/build-candidates.js';
import { buildCompatibility } from '../src/compatibility/build-compatibility.js';
import type { CompatibilityMatrix } from '../src/compatibility/types.js';
import type { Cohort } from '../src/profile/cohort.js';
import { normalizeCohort } from '../src/profile/normalize-cohort.js';
import { parseParticipants } from '../src/profile/parse-participants.js';
import type { ProgramInput } from '../src/profile/program-schema.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../test/_support/profiles.js';
import { nodeApi } from './_lib/node-api.js';
import type { BenchSuite } from './_lib/suite.js';

/** Every rule on, every scorer weighted (diversity and affinity opted in). */
const PROGRAM: ProgramInput = {
  ...SAMPLE_PROGRAM,
  constraints: {
    sameManager: true,
    sameTeam: true,
    minimumOverlap: true,
    sharedLanguage: true,
  },
  matching: {
    minimumOverlapMinutes: 30,
    diversity: ['department', 'location'],
    affinity: ['background'],
  },
  weights: { reverseMentoring: 1 },
};

const STYLES = ['direct', 'reflective', 'socratic'];
const CITIES = ['Lisbon', 'Berlin', 'Nairobi', 'Pune', 'Austin'];

const REGION = ['Europe/London', 'Europe/Berlin', 'Europe/Lisbon', 'UTC', 'Europe/Paris'];

export type Shape = 'typical' | 'pruned';

/** What a typical (single-region, one working language) program's records look like. */
function typical(r: Record<string, unknown>, i: number): Record<string, unknown> {
  const languages = (r.languages as string[] | undefined) ?? [];
  const { windows } = r.availability as { windows: string[] };
  return {
    languages: languages.includes('en')
      ? languages
      : ['en', ...languages.filter((l) => !l.startsWith('en'))],
    availability: { timeZone: REGION[i % 5], windows: [...windows, 'Mon-Fri 11:00-14:00'] },
  };
}

/** `mentors + mentees` participants; every field the scorers read is filled in. */
export function cohortOf(mentors: number, mentees: number, seed: number, shape: Shape): Cohort {
  const total = mentors + mentees;
  const records = generateParticipantRecords(total, seed).map((r, i) => ({
    ...r,
    ...(shape === 'typical' ? typical(r, i) : {}),
    role: i < mentors ? 'mentor' : 'mentee',
    capacity: i < mentors ? 2 : 1,
    communicationStyle: STYLES[i % 3],
    learningStyle: STYLES[(i >> 2) % 3],
    location: CITIES[i % 5],
    background: i % 7 === 0 ? ['international student'] : ['local'],
    prefer: i % 13 === 0 ? [`p${(i * 7919) % total}`] : [],
    avoid: i % 29 === 0 ? [`p${(i * 104729) % total}`] : [],
    safeguarding: i % 31 === 0 ? { minor: true } : {},
  }));
  return normalizeCohort(parseParticipants(records, PROGRAM, { unknownFields: 'strip' }), PROGRAM);
}

interface Row {
  readonly label: string;
  readonly cells: number;
  readonly ms: number;
  readonly rssMb: number;
  readonly buffersMb: number;
  readonly note: string;
}

const MB = 1024 * 1024;

// A full collection before each run, so a row's RSS holds its own matrix and not also the
// previous run's (a 10,000² matrix is 900 MB; without it the parallel row after the
// single-thread one measured both). `gc` is exposed for this module even without --expose-gc.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

async function measure(
  label: string,
  cells: number,
  run: () => string | Promise<string>,
): Promise<Row> {
  collect();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const note = await run();
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  return {
    label,
    cells,
    ms,
    rssMb: after.rss / MB,
    buffersMb: (after.arrayBuffers - before.arrayBuffers) / MB,
    note,
  };
}

/** The worker-thread builders timed: see {@link nodeApi}. */
const builders = await nodeApi();

/**
 * The dense matrix of n mentors × n mentees, on this thread (`threads` 1) or on worker threads
 * (`buildCompatibilityParallel`, worker start-up included).
 */
export function dense(n: number, shape: Shape, threads = 1): Promise<Row> {
  const cohort = cohortOf(n, n, 42, shape);
  const how = threads === 1 ? '1 thread' : `${threads} worker threads`;
  return measure(
    `matrix ${n.toLocaleString('en-US')} × ${n.toLocaleString('en-US')}, ${shape}, ${how}`,
    n * n,
    async () => {
      const m: CompatibilityMatrix =
        threads === 1
          ? buildCompatibility(cohort)
          : await builders.api.buildCompatibilityParallel(cohort, undefined, { threads });
      let allowed = 0;
      for (let c = 0; c < m.allowed.length; c++) allowed += m.allowed[c];
      // A benchmark that silently does nothing is worse than none.
      if (m.rows !== n || m.cols !== n || allowed === 0)
        throw new Error(`bench/compatibility: empty ${n}² matrix`);
      return `${((100 * allowed) / (n * n)).toFixed(1)}% allowed`;
    },
  );
}

/**
 * Top-k candidates of `mentors × mentees` (the typical cohort), on this thread (`buildCandidates`)
 * or on worker threads (`buildCandidatesParallel`, worker start-up included). Pass the same
 * cohort to compare the two.
 */
export async function topK(cohort: Cohort, k: number, threads = 1): Promise<Row> {
  const mentors = cohort.role.reduce((n, role) => n + (role === 0 ? 1 : 0), 0);
  const mentees = cohort.size - mentors;
  const how = threads === 1 ? '1 thread' : `${threads} worker threads`;
  return measure(
    `top-${k}, ${mentors.toLocaleString('en-US')} mentors × ${mentees.toLocaleString('en-US')} mentees, ${how}`,
    mentors * mentees,
    async () => {
      const c =
        threads === 1
          ? buildCandidates(cohort, undefined, { k })
          : await builders.api.buildCandidatesParallel(cohort, undefined, { k, threads });
      if (c.edges.rows.length === 0) throw new Error('bench/compatibility: no candidates');
      return `${c.edges.rows.length.toLocaleString('en-US')} candidate edges`;
    },
  );
}

const suite: BenchSuite = {
  name: 'compatibility',
  title: 'Compatibility: scorers, rules and the matrix',
  async run({ smoke, log }) {
    await dense(smoke ? 50 : 300, 'typical'); // warm-up: JIT
    const threads = Math.max(2, availableParallelism());
    const rows: Row[] = [];
    for (const shape of ['typical', 'pruned'] as const) {
      for (const n of smoke ? [200] : [1_000, 5_000, 10_000]) {
        for (const t of [1, threads]) {
          const row = await dense(n, shape, t);
          rows.push(row);
          log(
            `compatibility: ${row.label} in ${row.ms.toFixed(0)} ms, rss ${row.rssMb.toFixed(0)} MB`,
          );
        }
      }
    }
    // Top-k: 30 % mentors of 100,000 on one thread and on workers (same cohort), then the
    // issue's shape, 20,000 mentors × 100,000 mentees, on workers.
    const shapes: [number, number, number[]][] = smoke
      ? [[600, 1_400, [1, threads]]]
      : [
          [30_000, 70_000, [1, threads]],
          [20_000, 100_000, [threads]],
        ];
    for (const [mentors, mentees, runs] of shapes) {
      const cohort = cohortOf(mentors, mentees, 7, 'typical');
      for (const t of runs) {
        const row = await topK(cohort, 10, t);
        rows.push(row);
        log(`compatibility: ${row.label} in ${row.ms.toFixed(0)} ms`);
      }
    }
    const lines = [
      '| run | pairs | ms | ns / pair | process RSS after (MB) | typed arrays added (MB) | result |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.cells.toLocaleString('en-US')} | ${r.ms.toFixed(0)} | ${((r.ms * 1e6) / r.cells).toFixed(0)} | ${r.rssMb.toFixed(0)} | ${r.buffersMb.toFixed(0)} | ${r.note} |`,
      ),
    ];
    // The typical cohort, single-thread and parallel.
    const single = rows.find(
      (r) => r.label.startsWith('matrix 10,000') && r.label.endsWith('1 thread'),
    );
    const parallel = rows.find(
      (r) => r.label.startsWith('matrix 10,000') && r.label.includes('worker'),
    );
    const verdict = (r: Row | undefined, how: string): string =>
      r === undefined
        ? ''
        : ` ${how}: time ${r.ms < 5000 ? 'met' : 'NOT met'} (${(r.ms / 1000).toFixed(1)} s), memory ${r.rssMb < 2048 ? 'met' : 'NOT met'} (${r.rssMb.toFixed(0)} MB).`;
    lines.push(
      '',
      `Parallel rows: \`buildCompatibilityParallel\` from \`peermatch/node\` with ${threads} worker threads writing one SharedArrayBuffer matrix, and \`buildCandidatesParallel\` with ${threads} workers each keeping the top-k of its rows and of every column over its rows (merged on the calling thread), worker start-up included, run from ${builders.source}. ` +
        'Every built-in rule on (roles, opt-out, capacity, safeguarding, reporting line, same manager, same team, block list, no repeat, shared language, 30-minute minimum overlap) and every built-in scorer weighted (diversity on department and location, affinity on background). Generated records (`test/_support/profiles.ts`) with styles, locations, backgrounds, preferences, block lists and minors added; `typical` = one region’s time zones, English for all and a shared lunchtime window (most pairs allowed), `pruned` = zones worldwide and random languages (the language and overlap rules forbid most pairs). Memory: RSS of the process after the build (the matrix alive; a full garbage collection runs before each build, so earlier matrices are not counted) and the growth of ArrayBuffer memory during it.' +
        (single === undefined
          ? ''
          : ` Target 10,000 × 10,000 (typical) under 5 s and 2 GB —${verdict(single, 'one thread')}${verdict(parallel, `${threads} threads`)}`),
    );
    return lines.join('\n');
  },
};

export default suite;

/**
 * Benchmark of the profile layer: parse + normalise generated cohorts of growing size.
 * Target (issue 4): 100,000 participants in under 5 s, growing linearly.
 */
import { normalizeCohort } from '../src/profile/normalize-cohort.js';
import { parseParticipants } from '../src/profile/parse-participants.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../test/_support/profiles.js';
import type { BenchSuite } from './_lib/suite.js';

interface Row {
  readonly size: number;
  readonly parseMs: number;
  readonly normalizeMs: number;
  readonly cpuMs: number;
}

function measure(size: number): Row {
  const records = generateParticipantRecords(size, 42);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const participants = parseParticipants(records, SAMPLE_PROGRAM);
  const t1 = performance.now();
  const cohort = normalizeCohort(participants, SAMPLE_PROGRAM);
  const t2 = performance.now();
  const used = process.cpuUsage(cpu);
  // A benchmark that silently does nothing is worse than none: check the work was done.
  if (cohort.size !== size || cohort.offered.values.length === 0) {
    throw new Error(`bench/profile: normalised ${cohort.size} of ${size} participants`);
  }
  return { size, parseMs: t1 - t0, normalizeMs: t2 - t1, cpuMs: (used.user + used.system) / 1000 };
}

const suite: BenchSuite = {
  name: 'profile',
  title: 'Profiles: parse + normalise',
  async run({ smoke, log }) {
    const sizes = smoke ? [200] : [1_000, 10_000, 100_000];
    measure(smoke ? 50 : 1_000); // warm-up: JIT and zod's compiled parsers
    const rows: Row[] = [];
    for (const size of sizes) {
      const row = measure(size);
      rows.push(row);
      log(`profile: ${size} participants in ${(row.parseMs + row.normalizeMs).toFixed(0)} ms`);
    }
    const lines = [
      '| participants | parse ms | normalise ms | total ms | µs / participant | CPU ms | growth vs previous (size ×10) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    rows.forEach((row, i) => {
      const total = row.parseMs + row.normalizeMs;
      const previous = rows[i - 1];
      const growth =
        previous === undefined
          ? '—'
          : `×${(total / (previous.parseMs + previous.normalizeMs)).toFixed(1)}`;
      lines.push(
        `| ${row.size.toLocaleString('en-US')} | ${row.parseMs.toFixed(0)} | ${row.normalizeMs.toFixed(0)} | ${total.toFixed(0)} | ${((total * 1000) / row.size).toFixed(1)} | ${row.cpuMs.toFixed(0)} | ${growth} |`,
      );
    });
    const last = rows.at(-1);
    const lastTotal = last === undefined ? 0 : last.parseMs + last.normalizeMs;
    lines.push(
      '',
      `Generated records (\`test/_support/profiles.ts\`, seed 42): 1–4 offered and 1–3 wanted skills, two availability windows in one of ten time zones, two languages, a stage, a manager for most; a tenth withhold fields through consent. Linear growth means each ×10 in size costs about ×10 in time.${
        smoke
          ? ''
          : ` Target: 100,000 in under 5 s — ${lastTotal < 5000 ? 'met' : 'NOT met'} (${(lastTotal / 1000).toFixed(2)} s).`
      }`,
    );
    return lines.join('\n');
  },
};

export default suite;

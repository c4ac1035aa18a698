/**
 * Reciprocal skill-swap on the bundled company cohort: everyone is a peer who teaches what
 * the other wants. Pairs score both directions, the weaker one counting most, so a swap where
 * one side only takes is ranked low; rings (A teaches B teaches C teaches A) reach people no
 * pair can serve.
 *
 * In your own code, import from 'peermatch' and 'peermatch/node' instead of '../src/…'.
 */
import { matchReciprocal, normalizeCohort } from '../src/index.js';
import { readParticipants, readProgram } from '../src/node/index.js';

const here = (file: string) => new URL(file, import.meta.url).pathname;
const program = {
  ...(await readProgram(here('./cohorts/company-program.json'))),
  kind: 'skill-swap' as const,
};
const cohort = normalizeCohort(
  await readParticipants(here('./cohorts/company.csv'), program),
  program,
);
const everyone = [...cohort.ids];

const pairs = matchReciprocal(cohort, program, { participants: everyone });
console.log(
  `Skill-swap pairs: ${pairs.rings?.length} pairs, ${pairs.unmatched.length} people unmatched.`,
);
for (const ring of pairs.rings?.slice(0, 6) ?? []) {
  const [a, b] = ring.balance;
  console.log(
    `  ${a.participantId} ⇄ ${b.participantId}: gives ${a.gives.toFixed(2)}, gets ${a.receives.toFixed(2)} (imbalance ${ring.imbalance.toFixed(2)})`,
  );
}
console.log(
  `  ${pairs.stability?.count ?? 0} blocking pairs (two people who would both rather be together).\n`,
);

const rings = matchReciprocal(cohort, program, {
  participants: everyone,
  structure: 'rings',
  maxRingLength: 3,
});
const bySize = new Map<number, number>();
for (const r of rings.rings ?? [])
  bySize.set(r.memberIds.length, (bySize.get(r.memberIds.length) ?? 0) + 1);
console.log(
  `Rings of at most 3: ${[...bySize].map(([size, n]) => `${n} of ${size}`).join(', ')}; ` +
    `${rings.unmatched.length} people unmatched; wanted-skill coverage ${((rings.stats.wantedCoverage ?? 0) * 100).toFixed(0)} %.`,
);
const ring = rings.rings?.find((r) => r.memberIds.length === 3);
if (ring) console.log(`  e.g. ${ring.memberIds.join(' → ')} → ${ring.memberIds[0]}`);

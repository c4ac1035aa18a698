/**
 * A mid-cycle re-match on the bundled company cohort: after the first matching, two people
 * leave and one pair reports that it does not work. `rematch` keeps every working pair, never
 * recreates the failed one and matches again only the people who need a partner — then a
 * rotation round gives everyone someone new.
 *
 * In your own code, import from 'peermatch' and 'peermatch/node' instead of '../src/…'.
 */
import { matchOneToOne, normalizeCohort, rematch } from '../src/index.js';
import { readParticipants, readProgram } from '../src/node/index.js';

const here = (file: string) => new URL(file, import.meta.url).pathname;
const program = await readProgram(here('./cohorts/company-program.json'));
const cohort = normalizeCohort(
  await readParticipants(here('./cohorts/company.csv'), program),
  program,
);

const first = matchOneToOne(cohort, program);
console.log(
  `First round: ${first.pairs.length} pairs, ${first.stats.unmatchedMentees} mentees waiting.`,
);

const [a, b, c] = first.pairs;
const changes = {
  left: [a.menteeId, b.mentorId],
  failed: [
    { mentorId: c.mentorId, menteeId: c.menteeId, reason: 'no shared goals after two sessions' },
  ],
};
const second = rematch(cohort, first, changes, program);
const diff = second.changes;
console.log(
  `Re-match: ${diff?.kept.length} pairs kept untouched, ${diff?.new.length} new, ${diff?.ended.length} ended.`,
);
for (const ended of diff?.ended ?? [])
  console.log(`  ended ${ended.mentorId} → ${ended.menteeId}: ${ended.message}`);
for (const pair of diff?.new ?? [])
  console.log(`  new   ${pair.mentorId} → ${pair.menteeId} (${pair.score.toFixed(2)})`);
if (second.pairs.some((p) => p.mentorId === c.mentorId && p.menteeId === c.menteeId)) {
  throw new Error('the failed pair came back');
}

const rotation = rematch(cohort, second, {}, program, { rotation: true });
const repeats = rotation.pairs.filter((p) =>
  second.pairs.some((q) => q.mentorId === p.mentorId && q.menteeId === p.menteeId),
);
console.log(
  `\nRotation round: ${rotation.pairs.length} pairs, ${repeats.length} of them repeat a past pair.`,
);

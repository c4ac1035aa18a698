/**
 * HR one-to-one mentoring with conflict-of-interest rules, on the bundled company cohort
 * (237 employees, seven offices). `npm run demo` runs this script.
 *
 * The program (examples/cohorts/company-program.json) switches on the conflict-of-interest
 * rules — never pair someone with their manager (`reportingLine`), with a colleague who has the
 * same manager (`sameManager`) or with a teammate (`sameTeam`) — plus an hour of shared weekly
 * availability and a shared language.
 *
 * In your own code, import from 'peermatch' and 'peermatch/node' instead of '../src/…'.
 */
import { buildCompatibility, matchOneToOne, normalizeCohort } from '../src/index.js';
import { readParticipants, readProgram } from '../src/node/index.js';

const here = (file: string) => new URL(file, import.meta.url).pathname;

const program = await readProgram(here('./cohorts/company-program.json'));
// The CSV follows the column convention of docs/csv.md; every problem would be listed at once.
const people = await readParticipants(here('./cohorts/company.csv'), program);
const cohort = normalizeCohort(people, program);

// Before solving: who can be paired with no one at all, and which rule to relax for them.
const matrix = buildCompatibility(cohort, program);
console.log(
  `${program.name}\n${people.length} people.\n\nBefore matching: ${matrix.diagnose().summary}\n`,
);

// A conflict of interest, explained: eng-008 reports to eng-003.
const blocked = matrix.explain('eng-003', 'eng-008');
console.log(`Can eng-003 mentor eng-008? ${blocked.summary}\n`);

const result = matchOneToOne(cohort, program, { objective: 'coverage' });
const { stats } = result;

// The safety property, checked on the result: no pair breaks a hard rule.
for (const pair of result.pairs) {
  if (!matrix.explain(pair.mentorId, pair.menteeId).allowed) {
    throw new Error(`forbidden pair ${pair.mentorId} → ${pair.menteeId} in the result`);
  }
}

console.log('mentor    mentee    score  why');
for (const pair of result.pairs.slice(0, 12)) {
  // The summary reads "a → b: 64% (schedule 85%, skills 44%; …)": keep the reasons.
  const why = /\((.*)\)$/.exec(pair.explanation.summary)?.[1] ?? pair.explanation.summary;
  console.log(
    `${pair.mentorId.padEnd(10)}${pair.menteeId.padEnd(10)}${pair.score.toFixed(2).padStart(5)}  ${why}`,
  );
}
console.log(`… ${result.pairs.length - 12} more pairs.\n`);

const byCode = new Map<string, number>();
for (const person of result.unmatched) byCode.set(person.code, (byCode.get(person.code) ?? 0) + 1);
console.log(
  `Unmatched: ${[...byCode].map(([code, n]) => `${n} ${code}`).join(', ') || 'nobody'}.` +
    (result.unmatched[0]
      ? `\nFor example, ${result.unmatched[0].participantId}: ${result.unmatched[0].message}`
      : ''),
);
console.log(
  `\n${stats.matched} pairs, ${stats.mentees - stats.unmatchedMentees} of ${stats.mentees} mentees matched, ` +
    `${stats.seats.used} of ${stats.seats.total} mentor seats filled; median score ` +
    `${stats.scores?.median.toFixed(2)}, worst ${stats.scores?.min.toFixed(2)}. ` +
    'No pair breaks a conflict-of-interest rule.',
);

/**
 * `npm run demo`: the whole pipeline on the bundled sample cohort — parse and validate the
 * records, normalise them (consent, taxonomy, time zones), score every mentor against every
 * mentee under the hard rules, and form the one-to-one relationships with the best total.
 *
 * In your own code, import from 'peermatch' instead of '../src/index.js'.
 */
import { readFileSync } from 'node:fs';
import { matchOneToOne, normalizeCohort, parseParticipants, parseProgram } from '../src/index.js';

const sample = JSON.parse(readFileSync(new URL('./sample-cohort.json', import.meta.url), 'utf8'));
const program = parseProgram(sample.program);
const cohort = normalizeCohort(parseParticipants(sample.participants, program), program);
const result = matchOneToOne(cohort, program);

const { stats } = result;
console.log(
  `${program.name}: ${stats.mentees} mentees, ${stats.mentors} mentors, ${stats.seats.total} seats\n`,
);
console.log('mentor      mentee      score  why');
for (const pair of result.pairs) {
  const top = pair.explanation.contributions
    .slice(0, 2)
    .map((c) => `${c.scorer}: ${c.reason}`)
    .join('; ');
  console.log(
    `${pair.mentorId.padEnd(12)}${pair.menteeId.padEnd(12)}${pair.score.toFixed(2).padStart(5)}  ${top}`,
  );
}
for (const person of result.unmatched) {
  console.log(`\n${person.role} ${person.participantId} is unmatched: ${person.message}`);
}
console.log(
  `\n${stats.matched} pairs, total score ${stats.totalScore.toFixed(2)}` +
    (stats.scores
      ? `, median ${stats.scores.median.toFixed(2)}, worst ${stats.scores.min.toFixed(2)}`
      : '') +
    `; ${stats.seats.used} of ${stats.seats.total} seats filled.`,
);

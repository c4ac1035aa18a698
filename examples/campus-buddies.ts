/**
 * Campus buddy onboarding with safeguarding, on the bundled campus cohort: 104 newcomers (19 of
 * them under 18, one otherwise vulnerable, many international students still at home) and 56
 * upper-year buddies and staff.
 *
 * The program (examples/cohorts/campus-program.json) is a `buddy` program: the safeguarding rule
 * lets minors and vulnerable newcomers meet only buddies whose background check is valid on the
 * programme date; a shared language is required; and the affinity scorer favours buddies who
 * share a newcomer's background (international students with international students).
 *
 * In your own code, import from 'peermatch' and 'peermatch/node' instead of '../src/…'.
 */
import { matchOneToOne, normalizeCohort } from '../src/index.js';
import { readParticipants, readProgram } from '../src/node/index.js';

const here = (file: string) => new URL(file, import.meta.url).pathname;

const program = await readProgram(here('./cohorts/campus-program.json'));
const people = await readParticipants(here('./cohorts/campus.json'), program, {
  onWarning: (warning) => console.log(`warning: ${warning.message}`),
});
const result = matchOneToOne(normalizeCohort(people, program), program);

const byId = new Map(people.map((p) => [p.id, p]));
const checkedOn = (id: string) => {
  const check = byId.get(id)?.safeguarding.backgroundCheck;
  return check !== undefined && check.expiresOn >= program.date ? check.expiresOn : undefined;
};

console.log(`${program.name}: ${result.stats.matched} newcomers have a buddy.\n`);
console.log('Newcomers under safeguarding, and their buddies:');
for (const person of people) {
  const { minor, vulnerable } = person.safeguarding;
  if (!minor && !vulnerable) continue;
  const pair = result.pairs.find((p) => p.menteeId === person.id);
  const label = minor ? 'minor' : 'vulnerable';
  if (pair === undefined) {
    const why = result.unmatched.find((u) => u.participantId === person.id)?.message;
    console.log(`  ${person.id} (${label}): no buddy yet — ${why}`);
    continue;
  }
  const valid = checkedOn(pair.mentorId);
  // The safety property: a safeguarded newcomer's buddy always holds a valid check.
  if (valid === undefined) throw new Error(`${pair.mentorId} has no valid background check`);
  console.log(
    `  ${person.id} (${label}) → ${pair.mentorId}, background check valid until ${valid}, score ${pair.score.toFixed(2)}`,
  );
}

const international = (id: string) =>
  byId.get(id)?.background.includes('international-student') === true;
const newcomers = result.pairs.filter((p) => international(p.menteeId));
const shared = newcomers.filter((p) => international(p.mentorId)).length;
console.log(
  `\n${newcomers.length} international newcomers have a buddy; ${shared} of those buddies were international students themselves.`,
);
const coverage = (result.stats as { wantedCoverage?: number | null }).wantedCoverage;
console.log(
  `Median score ${result.stats.scores?.median.toFixed(2)}; ${result.unmatched.length} people unmatched` +
    (typeof coverage === 'number'
      ? `; ${Math.round(coverage * 100)}% of what newcomers asked for is covered.`
      : '.'),
);

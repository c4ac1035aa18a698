/**
 * `npm run demo`: parse and normalise the bundled sample cohort, score every mentee against
 * every mentor seat, forbid reporting lines, and solve for the best assignment.
 *
 * The scoring here is deliberately small (skills served and shared weekly hours); the library's
 * pluggable scorers and matching modes replace it as they land. In your own code, import from
 * 'peermatch' instead of '../src/index.js'.
 */
import { readFileSync } from 'node:fs';
import {
  type Cohort,
  normalizeCohort,
  parseParticipants,
  parseProgram,
  solveAssignment,
} from '../src/index.js';

const sample = JSON.parse(readFileSync(new URL('./sample-cohort.json', import.meta.url), 'utf8'));
const program = parseProgram(sample.program);
const cohort = normalizeCohort(parseParticipants(sample.participants, program), program);

// One column per unit of mentor capacity: a mentor with capacity 2 has two seats.
const mentees: number[] = [];
const seats: number[] = [];
for (let i = 0; i < cohort.size; i++) {
  if (cohort.role[i] === 1) mentees.push(i);
  if (cohort.role[i] === 0) for (let c = 0; c < cohort.capacity[i]; c++) seats.push(i);
}

const matrix = mentees.map((mentee) =>
  seats.map((mentor) =>
    // A mentor in the mentee's reporting line is a conflict of interest: never match them.
    cohort.manager[mentee] === mentor ? Number.NEGATIVE_INFINITY : score(cohort, mentee, mentor),
  ),
);
const { rowToCol, total } = solveAssignment(matrix, { maximize: true, partial: true });

console.log(`${program.name}: ${mentees.length} mentees, ${seats.length} mentor seats\n`);
console.log('mentee      mentor      score  skills served   shared h/week');
for (let r = 0; r < mentees.length; r++) {
  const mentee = mentees[r];
  if (rowToCol[r] < 0) {
    console.log(
      `${cohort.ids[mentee].padEnd(12)}(unmatched: every mentor seat is taken or forbidden)`,
    );
    continue;
  }
  const mentor = seats[rowToCol[r]];
  console.log(
    `${cohort.ids[mentee].padEnd(12)}${cohort.ids[mentor].padEnd(12)}` +
      `${score(cohort, mentee, mentor).toFixed(2).padStart(5)}  ` +
      `${(skillsServed(cohort, mentee, mentor) * 100).toFixed(0).padStart(5)} %       ` +
      `${(sharedMinutes(cohort, mentee, mentor) / 60).toFixed(1).padStart(5)}`,
  );
}
console.log(`\ntotal score ${total.toFixed(2)} (the best possible under the rules)`);
for (const mentee of mentees) {
  const manager = cohort.manager[mentee];
  if (manager >= 0 && cohort.role[manager] === 0) {
    console.log(`never paired: ${cohort.ids[mentee]} with ${cohort.ids[manager]} (reporting line)`);
  }
}

/** 70 % skills served, 30 % shared time (full marks from two shared hours a week). */
function score(c: Cohort, mentee: number, mentor: number): number {
  const shared = Math.min(sharedMinutes(c, mentee, mentor) / 120, 1);
  return 0.7 * skillsServed(c, mentee, mentor) + 0.3 * shared;
}

/** Priority-weighted share of the mentee's wanted skills the mentor offers at their level. */
function skillsServed(c: Cohort, mentee: number, mentor: number): number {
  const { wanted, offeredClosure: offered } = c;
  let served = 0;
  let weight = 0;
  for (let w = wanted.offsets[mentee]; w < wanted.offsets[mentee + 1]; w++) {
    weight += wanted.priorities[w];
    for (let o = offered.offsets[mentor]; o < offered.offsets[mentor + 1]; o++) {
      if (offered.values[o] !== wanted.values[w]) continue;
      const levelFit = offered.levels[o] >= wanted.levels[w] ? 1 : 0.5;
      served += wanted.priorities[w] * levelFit * c.skills.hierarchyCredit ** offered.distances[o];
    }
  }
  return weight === 0 ? 0 : served / weight;
}

/** Weekly minutes both are free, from the UTC availability bitsets. */
function sharedMinutes(c: Cohort, a: number, b: number): number {
  const { bits, words, slotMinutes } = c.availability;
  let slots = 0;
  for (let k = 0; k < words; k++) slots += popcount(bits[a * words + k] & bits[b * words + k]);
  return slots * slotMinutes;
}

function popcount(x: number): number {
  let n = x >>> 0;
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

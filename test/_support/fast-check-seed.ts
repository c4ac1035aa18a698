/**
 * Seeds of the fast-check properties (a vitest setup file). `npm test`, and so CI, runs every
 * property from one fixed seed: a failure comes back on the next run, on any machine.
 * `npm run test:heavy` (`PEERMATCH_RUNS_SCALE` set) draws a fresh seed each run, to explore
 * further; `PEERMATCH_SEED=<n>` replays the seed a failure printed.
 */
import fc from 'fast-check';
import { FIXED_SEED } from './runs.js';

const given = process.env.PEERMATCH_SEED;
if (given !== undefined && given !== '') fc.configureGlobal({ seed: Number(given) | 0 });
else if (process.env.PEERMATCH_RUNS_SCALE === undefined) fc.configureGlobal({ seed: FIXED_SEED });

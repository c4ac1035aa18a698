import { BUILT_IN_SCORERS } from '../../../src/scoring/built-in-scorers.js';
import type { Scorer } from '../../../src/scoring/scorer.js';

/** A scorer reading a table keyed by "giver|receiver", so tests control every score exactly. */
export function tableScorer(table: Readonly<Record<string, number>>): Scorer {
  return {
    name: 'table',
    prepare: ({ cohort }) => ({
      score: (l, r) => table[`${cohort.ids[l]}|${cohort.ids[r]}`] ?? 0,
    }),
  };
}

/** Only the table counts: every built-in scorer weighted 0. */
export const TABLE_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries([
  ...BUILT_IN_SCORERS.map((s) => [s.name, 0]),
  ['table', 1],
]);

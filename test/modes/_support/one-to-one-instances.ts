import fc from 'fast-check';
import { type MatchOneToOneOptions, matchOneToOne } from '../../../src/modes/match-one-to-one.js';
import type { MatchObjective } from '../../../src/modes/match-result.js';
import { cohortOf } from '../../compatibility/_cohort.js';
import { TABLE_WEIGHTS, tableScorer } from './table-scorer.js';

export interface Instance {
  readonly records: Record<string, unknown>[];
  readonly mentors: readonly string[];
  readonly mentees: readonly string[];
  readonly capacity: Readonly<Record<string, number>>;
  readonly table: Readonly<Record<string, number>>;
  /** "mentor|mentee" pairs blocked through `avoid`. */
  readonly blocked: ReadonlySet<string>;
  readonly minScore: number;
}

/** Up to 4 mentors (capacity 1–3) and 6 mentees; scores in tenths (many ties); some blocks. */
export const instanceArbitrary: fc.Arbitrary<Instance> = fc
  .record({
    mentorCount: fc.integer({ min: 0, max: 4 }),
    menteeCount: fc.integer({ min: 0, max: 6 }),
  })
  .chain(({ mentorCount, menteeCount }) =>
    fc.record({
      mentorCount: fc.constant(mentorCount),
      menteeCount: fc.constant(menteeCount),
      capacities: fc.array(fc.integer({ min: 1, max: 3 }), {
        minLength: mentorCount,
        maxLength: mentorCount,
      }),
      cells: fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 10 }).map((x) => x / 10),
          blocked: fc.integer({ min: 0, max: 99 }).map((x) => x < 25),
        }),
        { minLength: mentorCount * menteeCount, maxLength: mentorCount * menteeCount },
      ),
      minScore: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 8 }).map((x) => x / 10),
      ),
      reversed: fc.boolean(),
    }),
  )
  .map(({ mentorCount, menteeCount, capacities, cells, minScore, reversed }) => {
    // Ids deliberately out of input order ("m3" before "m10"…), to test the id tie-break.
    const mentors = Array.from({ length: mentorCount }, (_, i) => `m${(i * 7) % 11}`);
    const mentees = Array.from({ length: menteeCount }, (_, j) => `e${(j * 5) % 13}`);
    const table: Record<string, number> = {};
    const blocked = new Set<string>();
    const avoid = new Map<string, string[]>();
    mentors.forEach((m, i) => {
      mentees.forEach((e, j) => {
        const cell = cells[i * menteeCount + j];
        table[`${m}|${e}`] = cell.score;
        if (cell.blocked) {
          blocked.add(`${m}|${e}`);
          avoid.set(e, [...(avoid.get(e) ?? []), m]);
        }
      });
    });
    const capacity = Object.fromEntries(mentors.map((m, i) => [m, capacities[i]]));
    const records: Record<string, unknown>[] = [
      ...mentors.map((id) => ({ id, role: 'mentor', capacity: capacity[id] })),
      ...mentees.map((id) => ({ id, role: 'mentee', avoid: avoid.get(id) ?? [] })),
    ];
    if (reversed) records.reverse();
    return { records, mentors, mentees, capacity, table, blocked, minScore };
  });

/**
 * The same instances with every score nudged by a distinct amount below 0.01 (never across a
 * tenth, so `minScore` keeps its meaning): ties between assignments become vanishingly rare, so
 * two exact solvers must return the same pairs.
 */
export const distinctInstanceArbitrary: fc.Arbitrary<Instance> = instanceArbitrary.chain(
  (instance) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: 999_999 }), {
        minLength: Object.keys(instance.table).length,
        maxLength: Object.keys(instance.table).length,
      })
      .map((noise) => {
        const table: Record<string, number> = {};
        Object.keys(instance.table).forEach((key, i) => {
          const s = instance.table[key];
          table[key] = s < 1 ? s + noise[i] * 1e-8 : s - noise[i] * 1e-8;
        });
        return { ...instance, table };
      }),
);

/**
 * Solves `instance` with its table scores; `extra` adds options (alternatives, limits), and
 * `program` program fields (e.g. `{ matching: { denseLimit: 0 } }` for the top-k path).
 */
export function run(
  instance: Instance,
  objective: MatchObjective,
  records = instance.records,
  extra: MatchOneToOneOptions = {},
  program: Record<string, unknown> = {},
) {
  const cohort = cohortOf(records, program);
  const options: MatchOneToOneOptions = {
    objective,
    minScore: instance.minScore,
    scorers: [tableScorer(instance.table)],
    weights: TABLE_WEIGHTS,
    ...extra,
  };
  return { cohort, options, result: matchOneToOne(cohort, undefined, options) };
}

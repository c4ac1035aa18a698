import {
  lengthOf,
  listing,
  missing,
  NEUTRAL,
  namesOf,
  neutral,
  RowMarks,
  round2,
  sharedNames,
} from './_internal/facts.js';
import type { Scorer } from './scorer.js';

/**
 * The `goals` scorer: the share of the receiver's goals (`promotion`, `career change`, …) the
 * giver also lists — a mentor who has pursued the same goal can speak to it. A receiver with no
 * goals, or a giver who withheld theirs, gets the neutral 0.5.
 *
 * @example
 * ```ts
 * // ana lists promotion and networking; bo wants promotion and confidence
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'goals')?.score;
 * //=> 0.5
 * ```
 */
export const goalsScorer: Scorer = Object.freeze<Scorer>({
  name: 'goals',
  description: "Share of the receiver's goals the giver shares.",
  symmetric: false,
  prepare({ cohort }) {
    const goals = cohort.goals;
    const marks = new RowMarks(cohort.vocabularies.tags.names.length);
    const neutralFor = (left: number, right: number) =>
      lengthOf(goals, right) === 0 || lengthOf(goals, left) === 0;
    const score = (left: number, right: number) => {
      if (neutralFor(left, right)) return NEUTRAL;
      marks.mark(goals, left);
      const hits = marks.hits(goals, right);
      marks.clear(goals, left);
      return hits / lengthOf(goals, right);
    };
    return {
      score,
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        if (lengthOf(goals, left) === 0) {
          out.fill(NEUTRAL, 0, count);
          return;
        }
        marks.mark(goals, left);
        const offsets = goals.offsets;
        for (let k = 0; k < count; k++) {
          const right = rights[k];
          const length = offsets[right + 1] - offsets[right];
          out[k] = length === 0 ? NEUTRAL : marks.hits(goals, right) / length;
        }
        marks.clear(goals, left);
      },
      explain(left: number, right: number) {
        if (neutralFor(left, right)) {
          const gaps = [left, right]
            .filter((i) => lengthOf(goals, i) === 0)
            .map((i) => missing(cohort, i, 'goals'));
          return neutral('shared goals', gaps);
        }
        const names = cohort.vocabularies.tags.names;
        const shared = sharedNames(goals, left, right, names);
        const s = score(left, right);
        return {
          score: s,
          reason:
            shared.length === 0
              ? `shares none of ${cohort.ids[right]}'s goals (${listing(namesOf(goals, right, names))})`
              : `shares ${listing(shared)}: ${shared.length} of ${lengthOf(goals, right)} of ${cohort.ids[right]}'s goals (${round2(s)})`,
          missing: [],
        };
      },
    };
  },
});

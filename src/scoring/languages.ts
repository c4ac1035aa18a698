import { SAME_BASE } from './_internal/constants.js';
import {
  intersectionSize,
  lengthOf,
  listing,
  missing,
  NEUTRAL,
  neutral,
  RowMarks,
  sharedNames,
} from './_internal/facts.js';
import type { Scorer } from './scorer.js';

/**
 * The `languages` scorer: 1 when both list the same language tag, 0.8 when they only share the
 * primary language (`pt-BR` and `pt-PT`), 0 when they share none; neutral when either gave no
 * languages or withheld them. To *require* a shared language, turn on the `sharedLanguage` rule.
 *
 * @example
 * ```ts
 * // ana: en-GB, pt-BR; bo: en-US
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'languages')?.score;
 * //=> 0.8
 * ```
 */
export const languagesScorer: Scorer = Object.freeze<Scorer>({
  name: 'languages',
  description: 'A shared language (the same tag, or the same primary language).',
  symmetric: true,
  prepare({ cohort }) {
    const { languages, baseLanguages } = cohort;
    const exact = new RowMarks(cohort.vocabularies.languages.names.length);
    const base = new RowMarks(cohort.vocabularies.baseLanguages.names.length);
    const score = (a: number, b: number): number => {
      if (lengthOf(languages, a) === 0 || lengthOf(languages, b) === 0) return NEUTRAL;
      if (intersectionSize(languages, a, b) > 0) return 1;
      return intersectionSize(baseLanguages, a, b) > 0 ? SAME_BASE : 0;
    };
    return {
      score,
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        if (lengthOf(languages, left) === 0) {
          out.fill(NEUTRAL, 0, count);
          return;
        }
        exact.mark(languages, left);
        base.mark(baseLanguages, left);
        for (let k = 0; k < count; k++) {
          const right = rights[k];
          out[k] =
            lengthOf(languages, right) === 0
              ? NEUTRAL
              : exact.hits(languages, right) > 0
                ? 1
                : base.hits(baseLanguages, right) > 0
                  ? SAME_BASE
                  : 0;
        }
        exact.clear(languages, left);
        base.clear(baseLanguages, left);
      },
      explain(a: number, b: number) {
        const empty = [a, b].filter((i) => lengthOf(languages, i) === 0);
        if (empty.length > 0) {
          return neutral(
            'a shared language',
            empty.map((i) => missing(cohort, i, 'languages')),
          );
        }
        const s = score(a, b);
        const shared = sharedNames(languages, a, b, cohort.vocabularies.languages.names);
        const reason =
          s === 1
            ? `both speak ${listing(shared)}`
            : s === SAME_BASE
              ? `share the primary language ${listing(sharedNames(baseLanguages, a, b, cohort.vocabularies.baseLanguages.names))} in different variants`
              : 'no language in common';
        return { score: s, reason, missing: [] };
      },
    };
  },
});

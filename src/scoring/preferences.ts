import { transposeLists } from '../profile/_internal/transpose.js';
import { ASKED, ASKED_FOR_OTHERS, NO_PREFERENCE } from './_internal/constants.js';
import { lengthOf, round2 } from './_internal/facts.js';
import type { Scorer } from './scorer.js';

/**
 * The `preferences` scorer: who asked for whom (`prefer`). Each side gives 1 when it asked for
 * the other, 0.25 when it asked for other people only, 0.5 when it asked for nobody; the score
 * is the mean, so mutual requests score highest (1), a one-sided request 0.75, and no
 * preferences at all the neutral 0.5. Symmetric. (`avoid` is a hard rule, not a score.)
 *
 * @example
 * ```ts
 * // ana and bo each listed the other in `prefer`
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'preferences')?.score;
 * //=> 1
 * ```
 */
export const preferencesScorer: Scorer = Object.freeze<Scorer>({
  name: 'preferences',
  description: 'Who asked for whom; mutual requests score highest.',
  symmetric: true,
  prepare({ cohort }) {
    const prefer = cohort.prefer;
    const n = cohort.size;
    // Transposed once so a row can mark "asked for the left participant" too.
    const { offsets: countIn, values: askedBy } = transposeLists(prefer, n);
    const marks = new Uint8Array(n);
    const asks = (a: number, b: number): boolean => {
      for (let k = prefer.offsets[a]; k < prefer.offsets[a + 1]; k++) {
        if (prefer.values[k] === b) return true;
      }
      return false;
    };
    const side = (a: number, b: number): number =>
      asks(a, b) ? ASKED : lengthOf(prefer, a) > 0 ? ASKED_FOR_OTHERS : NO_PREFERENCE;
    const score = (a: number, b: number): number => (side(a, b) + side(b, a)) / 2;
    return {
      score,
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        for (let k = prefer.offsets[left]; k < prefer.offsets[left + 1]; k++) {
          marks[prefer.values[k]] |= 1;
        }
        for (let k = countIn[left]; k < countIn[left + 1]; k++) marks[askedBy[k]] |= 2;
        const leftHasList = lengthOf(prefer, left) > 0;
        const offsets = prefer.offsets;
        for (let k = 0; k < count; k++) {
          const right = rights[k];
          const m = marks[right];
          const fromLeft = (m & 1) !== 0 ? ASKED : leftHasList ? ASKED_FOR_OTHERS : NO_PREFERENCE;
          const fromRight =
            (m & 2) !== 0
              ? ASKED
              : offsets[right + 1] > offsets[right]
                ? ASKED_FOR_OTHERS
                : NO_PREFERENCE;
          out[k] = (fromLeft + fromRight) / 2;
        }
        for (let k = prefer.offsets[left]; k < prefer.offsets[left + 1]; k++) {
          marks[prefer.values[k]] = 0;
        }
        for (let k = countIn[left]; k < countIn[left + 1]; k++) marks[askedBy[k]] = 0;
      },
      explain(a: number, b: number) {
        const view = (x: number, y: number): string =>
          asks(x, y)
            ? `${cohort.ids[x]} asked for ${cohort.ids[y]}`
            : lengthOf(prefer, x) > 0
              ? `${cohort.ids[x]} asked for others`
              : `${cohort.ids[x]} stated no preference`;
        const s = score(a, b);
        const mutual = asks(a, b) && asks(b, a);
        return {
          score: s,
          reason: `${mutual ? 'mutual request: ' : ''}${view(a, b)}; ${view(b, a)} → ${round2(s)}`,
          missing: [],
        };
      },
    };
  },
});

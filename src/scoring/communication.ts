import type { ConsentField } from '../profile/participant-schema.js';
import { MEETING_MODE_NAMES } from '../profile/participant-schema.js';
import { IN_PERSON, LEARNING_MISMATCH, STYLE_MISMATCH } from './_internal/constants.js';
import { listing, missing, NEUTRAL, round2 } from './_internal/facts.js';
import type { MissingData, Scorer } from './scorer.js';

/**
 * The `communication` scorer: the mean of three parts, each neutral (0.5) when either side
 * did not give it — the same communication style (else 0.4), the same learning style (else 0.6),
 * and a preferred meeting mode both can use (1, else 0). `in-person` only counts when both give
 * the same location.
 *
 * @example
 * ```ts
 * // both 'direct', both prefer video; learning styles unknown
 * buildCompatibility(cohort).explain('ana', 'bo').contributions.find((c) => c.scorer === 'communication')?.score;
 * //=> 0.8333333333333334
 * ```
 */
export const communicationScorer: Scorer = Object.freeze<Scorer>({
  name: 'communication',
  description: 'Communication and learning style, and a meeting mode both can use.',
  symmetric: true,
  prepare({ cohort }) {
    const { communicationStyle: style, learningStyle: learning, modes, location } = cohort;
    const usableModes = (a: number, b: number): number => {
      let shared = modes[a] & modes[b];
      if (location[a] < 0 || location[a] !== location[b]) shared &= ~IN_PERSON;
      return shared;
    };
    const score = (a: number, b: number): number => {
      const s = style[a] < 0 || style[b] < 0 ? NEUTRAL : style[a] === style[b] ? 1 : STYLE_MISMATCH;
      const l =
        learning[a] < 0 || learning[b] < 0
          ? NEUTRAL
          : learning[a] === learning[b]
            ? 1
            : LEARNING_MISMATCH;
      const m = modes[a] === 0 || modes[b] === 0 ? NEUTRAL : usableModes(a, b) !== 0 ? 1 : 0;
      return (s + l + m) / 3;
    };
    return {
      score,
      fillRow(left: number, rights: Int32Array, count: number, out: Float64Array) {
        // Inlined: a call per cell returning a double would box it on the heap.
        const sa = style[left];
        const la = learning[left];
        const ma = modes[left];
        const loc = location[left];
        const neutralScore = NEUTRAL;
        for (let k = 0; k < count; k++) {
          const b = rights[k];
          const sb = style[b];
          const lb = learning[b];
          const mb = modes[b];
          const s = sa < 0 || sb < 0 ? neutralScore : sa === sb ? 1 : STYLE_MISMATCH;
          const l = la < 0 || lb < 0 ? neutralScore : la === lb ? 1 : LEARNING_MISMATCH;
          let m = neutralScore;
          if (ma !== 0 && mb !== 0) {
            let shared = ma & mb;
            if (loc < 0 || loc !== location[b]) shared &= ~IN_PERSON;
            m = shared !== 0 ? 1 : 0;
          }
          out[k] = (s + l + m) / 3;
        }
      },
      explain(a: number, b: number) {
        const parts: string[] = [];
        const gaps: MissingData[] = [];
        const styles = cohort.vocabularies.styles.names;
        const gap = (i: number, field: ConsentField) => gaps.push(missing(cohort, i, field));
        if (style[a] < 0 || style[b] < 0) {
          for (const i of [a, b]) if (style[i] < 0) gap(i, 'communicationStyle');
          parts.push('communication style unknown (neutral)');
        } else {
          parts.push(
            style[a] === style[b]
              ? `same communication style (${styles[style[a]]})`
              : `different communication styles (${styles[style[a]]} vs ${styles[style[b]]})`,
          );
        }
        if (learning[a] < 0 || learning[b] < 0) {
          for (const i of [a, b]) if (learning[i] < 0) gap(i, 'learningStyle');
          parts.push('learning style unknown (neutral)');
        } else {
          parts.push(
            learning[a] === learning[b]
              ? `same learning style (${styles[learning[a]]})`
              : `different learning styles (${styles[learning[a]]} vs ${styles[learning[b]]})`,
          );
        }
        if (modes[a] === 0 || modes[b] === 0) {
          for (const i of [a, b]) if (modes[i] === 0) gap(i, 'meeting');
          parts.push('preferred modes unknown (neutral)');
        } else {
          const usable = usableModes(a, b);
          const names = MEETING_MODE_NAMES.filter((_, k) => (usable & (1 << k)) !== 0);
          const inPersonOnly = (modes[a] & modes[b]) === IN_PERSON;
          parts.push(
            names.length > 0
              ? `can meet by ${listing(names)}`
              : inPersonOnly
                ? 'both want to meet in person but not at the same location'
                : 'no preferred meeting mode in common',
          );
        }
        const s = score(a, b);
        return { score: s, reason: `${parts.join('; ')} → ${round2(s)}`, missing: gaps };
      },
    };
  },
});

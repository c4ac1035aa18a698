import { speakersOfRequired } from './_internal/required-language.js';
import { singleRule } from './_internal/rule.js';
import type { Constraint } from './constraint.js';

/**
 * The `sharedLanguage` constraint (off by default): the two must share a language. With
 * `program.matching.requiredLanguage` both must speak that one — a bare tag (`en`) is met by any
 * variant (`en-GB`), a tag with a region or script only by itself; without it any shared
 * primary language will do. When either gave no languages (or withheld them),
 * `program.matching.whenUnknown` decides.
 *
 * @example
 * ```ts
 * // matching.requiredLanguage: 'de'; bo speaks only en-GB
 * buildCompatibility(cohort, { ...program, constraints: { sharedLanguage: true } }).explain('ana', 'bo').violations[0]?.message;
 * //=> 'bo does not speak de, which the program requires'
 * ```
 */
export const sharedLanguage: Constraint = Object.freeze<Constraint>({
  name: 'sharedLanguage',
  description: 'A shared (or the required) language.',
  prepare({ cohort, program, enabled }) {
    if (!enabled('sharedLanguage')) return undefined;
    const forbidUnknown = program.matching.whenUnknown === 'forbid';
    const { languages, baseLanguages } = cohort;
    const unknown = (i: number) => languages.offsets[i + 1] === languages.offsets[i];
    const required = program.matching.requiredLanguage;
    const speakers = speakersOfRequired(cohort, program);
    const speaks = (i: number): boolean => speakers !== undefined && speakers[i] === 1;
    const shareBase = (a: number, b: number): boolean => {
      const { offsets, values } = baseLanguages;
      for (let i = offsets[a]; i < offsets[a + 1]; i++) {
        for (let j = offsets[b]; j < offsets[b + 1]; j++) if (values[i] === values[j]) return true;
      }
      return false;
    };
    const forbids = (a: number, b: number): boolean => {
      if (unknown(a) || unknown(b)) return forbidUnknown;
      return required === undefined ? !shareBase(a, b) : !speaks(a) || !speaks(b);
    };
    // Row fast path: the row's primary languages marked once, each partner's checked in O(own).
    const marks = new Uint8Array(Math.max(1, cohort.vocabularies.baseLanguages.names.length));
    const rowFill = (left: number, rights: Int32Array, count: number, out: Uint8Array): void => {
      if (unknown(left)) {
        if (forbidUnknown) out.fill(0, 0, count);
        return;
      }
      if (required !== undefined) {
        // Not settled by `left` alone: a partner without languages is judged by `whenUnknown`.
        const leftSpeaks = speaks(left);
        for (let k = 0; k < count; k++) {
          const r = rights[k];
          if (out[k] !== 0 && (unknown(r) ? forbidUnknown : !leftSpeaks || !speaks(r))) out[k] = 0;
        }
        return;
      }
      const { offsets, values } = baseLanguages;
      for (let x = offsets[left]; x < offsets[left + 1]; x++) marks[values[x]] = 1;
      for (let k = 0; k < count; k++) {
        if (out[k] === 0) continue;
        const r = rights[k];
        const start = offsets[r];
        const end = offsets[r + 1];
        if (start === end) {
          if (forbidUnknown) out[k] = 0;
          continue;
        }
        let shared = 0;
        for (let x = start; x < end; x++) shared |= marks[values[x]];
        if (shared === 0) out[k] = 0;
      }
      for (let x = offsets[left]; x < offsets[left + 1]; x++) marks[values[x]] = 0;
    };
    return singleRule({
      fillRow: rowFill,
      rule: 'sharedLanguage',
      code: required === undefined ? 'NO_SHARED_LANGUAGE' : 'REQUIRED_LANGUAGE',
      forbids,
      message(a, b) {
        if (unknown(a) || unknown(b)) {
          return `${cohort.ids[unknown(a) ? a : b]} gave no languages (or withheld them), and the program forbids pairs whose shared language is unknown`;
        }
        if (required === undefined)
          return `${cohort.ids[a]} and ${cohort.ids[b]} share no language`;
        const who = [a, b].filter((i) => !speaks(i)).map((i) => cohort.ids[i]);
        return `${who.join(' and ')} ${who.length === 1 ? 'does' : 'do'} not speak ${required}, which the program requires`;
      },
    });
  },
});

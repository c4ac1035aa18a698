import type { Cohort } from '../../profile/cohort.js';
import type { Program } from '../../profile/program-schema.js';

/**
 * Who speaks `program.matching.requiredLanguage` (1 per participant), or `undefined` when the
 * program requires none. A bare tag (`en`) is met by any variant, a tag with a region or
 * script only by itself.
 */
export function speakersOfRequired(cohort: Cohort, program: Program): Uint8Array | undefined {
  const required = program.matching.requiredLanguage;
  if (required === undefined) return undefined;
  const bare = !required.includes('-');
  const lists = bare ? cohort.baseLanguages : cohort.languages;
  // -2 when nobody in the cohort speaks it: no list value matches.
  const id = bare
    ? (cohort.vocabularies.baseLanguages.idOf.get(required.toLowerCase()) ?? -2)
    : (cohort.vocabularies.languages.idOf.get(required) ?? -2);
  const speaks = new Uint8Array(cohort.size);
  for (let i = 0; i < cohort.size; i++) {
    for (let k = lists.offsets[i]; k < lists.offsets[i + 1]; k++) {
      if (lists.values[k] === id) speaks[i] = 1;
    }
  }
  return speaks;
}

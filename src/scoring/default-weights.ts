import type { Program } from '../profile/program-schema.js';

const MENTORING: Readonly<Record<string, number>> = Object.freeze({
  skills: 3,
  reverseMentoring: 0,
  goals: 1,
  interests: 0.5,
  stage: 1,
  schedule: 2,
  communication: 1,
  languages: 1,
  preferences: 1,
});

const BY_KIND: Readonly<Record<Program['kind'], Readonly<Record<string, number>>>> = Object.freeze({
  mentoring: MENTORING,
  situational: MENTORING,
  // The junior teaches: coverage counts only with seniority reversed.
  reverse: Object.freeze({ ...MENTORING, skills: 0, reverseMentoring: 3 }),
  // Onboarding is practical and social: time, language and common ground over expertise.
  buddy: Object.freeze({ ...MENTORING, skills: 1, goals: 0.5, interests: 1, languages: 1.5 }),
  'peer-circle': Object.freeze({ ...MENTORING, skills: 1, goals: 1.5, interests: 1.5 }),
  'skill-swap': Object.freeze({ ...MENTORING, skills: 3, stage: 0.5 }),
});

/**
 * The weight of each built-in scorer when neither `program.weights` nor `options.weights`
 * names it, by program kind. `diversity` and `affinity` are opt-in: weight 1 once
 * `program.matching.diversity` / `.affinity` list fields, else 0.
 *
 * @param program - A parsed program.
 * @returns Scorer name → weight (a fresh object).
 * @example
 * ```ts
 * defaultWeights(parseProgram({ date: '2025-03-15', kind: 'reverse' }));
 * //=> { skills: 0, reverseMentoring: 3, goals: 1, interests: 0.5, stage: 1, schedule: 2, communication: 1, languages: 1, preferences: 1, diversity: 0, affinity: 0 }
 * ```
 */
export function defaultWeights(program: Program): Record<string, number> {
  return {
    ...BY_KIND[program.kind],
    diversity: program.matching.diversity.length > 0 ? 1 : 0,
    affinity: program.matching.affinity.length > 0 ? 1 : 0,
  };
}

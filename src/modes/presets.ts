import { PeermatchError } from '../errors.js';
import type { ProgramInput } from '../profile/program-schema.js';
import type { MatchObjective } from './match-result.js';

/** The program fields a preset sets. */
export interface PresetProgram {
  readonly kind: 'buddy' | 'situational';
  readonly mode: 'one-to-one';
  readonly weights: Readonly<Record<string, number>>;
  readonly constraints: Readonly<Record<string, boolean>>;
  readonly matching: Readonly<{ minimumOverlapMinutes: number; stageGap: number }>;
}

/** A ready-made one-to-one program: program fields plus the `matchOneToOne` options to use. */
export interface ProgramPreset {
  readonly description: string;
  readonly program: PresetProgram;
  readonly options: Readonly<{ objective: MatchObjective; minScore: number }>;
}

/** Names of the shipped presets. */
export type PresetName = 'buddy' | 'situational';

const freeze = <T extends object>(value: T): T => Object.freeze(value);

/**
 * One-to-one programs with their own weights and rules (seeds: buddy onboarding is practical,
 * short and social; situational mentoring is time-bound around one skill or project).
 *
 * - `buddy`: time together, a shared language and common ground count most, expertise least;
 *   at least 60 shared weekly minutes and a shared language are required; one stage apart;
 *   objective `coverage`, because every newcomer should get a buddy.
 * - `situational`: the wanted skill dominates; at least 30 shared minutes; objective `total`
 *   with `minScore` 0.25, because a short engagement with a weak fit is not worth making.
 *
 * Use through {@link withPreset}; every field can still be overridden by the program.
 */
export const PROGRAM_PRESETS: Readonly<Record<PresetName, ProgramPreset>> = freeze({
  buddy: freeze({
    description: 'Buddy onboarding: a newcomer with an established member, practical and short.',
    program: freeze({
      kind: 'buddy',
      mode: 'one-to-one',
      weights: freeze({
        skills: 0.5,
        reverseMentoring: 0,
        goals: 0.5,
        interests: 1.5,
        stage: 1,
        schedule: 3,
        communication: 1,
        languages: 2,
        preferences: 1,
      }),
      constraints: freeze({ minimumOverlap: true, sharedLanguage: true }),
      matching: freeze({ minimumOverlapMinutes: 60, stageGap: 1 }),
    }),
    options: freeze({ objective: 'coverage', minScore: 0 }),
  }),
  situational: freeze({
    description: 'Situational mentoring: time-bound help with one skill or project.',
    program: freeze({
      kind: 'situational',
      mode: 'one-to-one',
      weights: freeze({
        skills: 5,
        reverseMentoring: 0,
        goals: 1.5,
        interests: 0,
        stage: 0.5,
        schedule: 1.5,
        communication: 0.5,
        languages: 1,
        preferences: 1,
      }),
      constraints: freeze({ minimumOverlap: true }),
      matching: freeze({ minimumOverlapMinutes: 30, stageGap: 1 }),
    }),
    options: freeze({ objective: 'total', minScore: 0.25 }),
  }),
});

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * A program input with a preset's kind, mode, weights, rules and matching parameters filled in
 * under `program`'s own: anything `program` sets wins (weights, constraints and matching are
 * merged key by key). Pass the result to `parseProgram` / `normalizeCohort`, and the preset's
 * `options` to `matchOneToOne`.
 *
 * @param name - `'buddy'` or `'situational'`.
 * @param program - The program's own fields (at least `date`).
 * @returns A new program input; `program` is not modified.
 * @throws {PeermatchError} `INVALID_OPTIONS` for an unknown preset name.
 * @example
 * ```ts
 * const program = withPreset('buddy', { date: '2025-09-01' });
 * parseProgram(program).constraints.sharedLanguage;
 * //=> true
 * matchOneToOne(normalizeCohort(people, program), undefined, PROGRAM_PRESETS.buddy.options);
 * ```
 */
export function withPreset(name: PresetName, program: ProgramInput): ProgramInput {
  const preset = PROGRAM_PRESETS[name]?.program;
  if (preset === undefined) {
    const message = `withPreset: unknown preset ${JSON.stringify(name)} (known: buddy, situational)`;
    throw new PeermatchError('INVALID_OPTIONS', message, [
      { code: 'INVALID_VALUE', path: ['name'], message },
    ]);
  }
  const own = record(program);
  return {
    ...own,
    kind: (own.kind as ProgramInput['kind']) ?? preset.kind,
    mode: (own.mode as ProgramInput['mode']) ?? preset.mode,
    weights: { ...preset.weights, ...record(own.weights) },
    constraints: { ...preset.constraints, ...record(own.constraints) },
    matching: { ...preset.matching, ...record(own.matching) },
  } as ProgramInput;
}

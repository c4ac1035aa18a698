import { expect } from 'vitest';
import { BUILT_IN_SCORERS } from '../../../src/scoring/built-in-scorers.js';
import type { Scorer } from '../../../src/scoring/scorer.js';
import { cohortOf, STAGES } from '../../compatibility/_cohort.js';

/** The built-in scorer of that name. */
export const byName = (name: string): Scorer =>
  BUILT_IN_SCORERS.find((s) => s.name === name) as Scorer;

/**
 * Scores mentor `a` against mentee `b` with one built-in scorer, checking on the way that the
 * row fast path and the explanation agree with `score()`.
 */
export function pair(
  name: string,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  program: Record<string, unknown> = {},
) {
  const cohort = cohortOf(
    [
      { id: 'a', role: 'mentor', ...a },
      { id: 'b', role: 'mentee', ...b },
    ],
    { stages: STAGES, ...program },
  );
  const prepared = byName(name).prepare({ cohort, program: cohort.program });
  const out = new Float64Array(1);
  prepared.fillRow?.(0, Int32Array.of(1), 1, out);
  const explained = prepared.explain?.(0, 1);
  expect(out[0]).toBeCloseTo(prepared.score(0, 1), 12);
  expect(explained?.score).toBeCloseTo(prepared.score(0, 1), 12);
  return {
    score: prepared.score(0, 1),
    reason: explained?.reason ?? '',
    missing: explained?.missing ?? [],
  };
}

/** A mentee's wish for one skill. */
export const want = (name: string, level = 3, priority = 3) => ({
  skills: { wanted: [{ name, level, priority }] },
});
/** A mentor's offer of one skill. */
export const offer = (name: string, level = 3) => ({ skills: { offered: [{ name, level }] } });

import { describe, expect, it } from 'vitest';
import { buildCompatibility } from '../../src/compatibility/build-compatibility.js';
import { prepareCompatibility } from '../../src/compatibility/prepare-compatibility.js';
import { PeermatchError } from '../../src/errors.js';
import { normalizeCohort } from '../../src/profile/normalize-cohort.js';
import { parseParticipants } from '../../src/profile/parse-participants.js';
import { parseProgram } from '../../src/profile/parse-program.js';
import type { Scorer } from '../../src/scoring/scorer.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';

const program = parseProgram(SAMPLE_PROGRAM);
const cohort = normalizeCohort(
  parseParticipants(generateParticipantRecords(90, 7), program),
  program,
);

describe('prepareCompatibility', () => {
  it('filled in blocks, last block first, wraps the same matrix as buildCompatibility', () => {
    const whole = buildCompatibility(cohort);
    const build = prepareCompatibility(cohort);
    expect([build.rows, build.cols]).toEqual([whole.rows, whole.cols]);
    const scores = new Float64Array(build.rows * build.cols);
    const allowed = new Uint8Array(build.rows * build.cols);
    const perLeft = new Int32Array(build.rows);
    const perRight = new Int32Array(build.cols);
    for (let from = build.rows - (build.rows % 7 || 7); from >= 0; from -= 7) {
      build.fill(from, Math.min(from + 7, build.rows), scores, allowed, perLeft, perRight);
    }
    const matrix = build.toMatrix(scores, allowed, perLeft, perRight);
    expect(matrix.scores).toEqual(whole.scores);
    expect(matrix.allowed).toEqual(whole.allowed);
    expect(matrix.allowedPerLeft).toEqual(whole.allowedPerLeft);
    expect(matrix.allowedPerRight).toEqual(whole.allowedPerRight);
    const [a, b] = [whole.leftIds[3], whole.rightIds[5]];
    expect(matrix.explain(a, b)).toEqual(whole.explain(a, b));
  });

  it('checks everything up front and flags custom rules, which cannot cross threads', () => {
    expect(() => prepareCompatibility(cohort, undefined, { weights: { nope: 1 } })).toThrow(
      PeermatchError,
    );
    expect(prepareCompatibility(cohort).custom).toBe(false);
    const flat: Scorer = { name: 'flat', prepare: () => ({ score: () => 0.5 }) };
    expect(prepareCompatibility(cohort, undefined, { scorers: [flat] }).custom).toBe(true);
  });

  it('fill stops with ABORTED when the signal has fired', () => {
    const controller = new AbortController();
    const build = prepareCompatibility(cohort, undefined, { signal: controller.signal });
    controller.abort();
    const n = build.rows * build.cols;
    expect(() =>
      build.fill(
        0,
        build.rows,
        new Float64Array(n),
        new Uint8Array(n),
        new Int32Array(build.rows),
        new Int32Array(build.cols),
      ),
    ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });
});
